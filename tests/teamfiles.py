"""A six-person team on the ladder KB (tests/ladder.py), as profile files, with hand-computed answers.

Levels (design, sql, coding, testing), current -> target:

    Ana  3 2 5 2   senior -> (none)
    Ben  1 2 2 2   mid    -> senior
    Cai  0 1 1 0   junior -> mid
    Dee  0 4 2 1   mid    -> senior
    Eli  0 0 2 1   junior -> mid
    fay  1 2 3 2   mid    -> senior     (no name: field, so named by its file, fay.yaml)

Plus a damaged profile and one made on another KB, which are named and left out.
"""

from __future__ import annotations

from pathlib import Path

from careerctl.model import Assessment, Profile
from careerctl.store import write_profile

SKILLS = ("design", "sql", "coding", "testing")
PEOPLE = {
    "ana": ("Ana", "senior", None, (3, 2, 5, 2)),
    "ben": ("Ben", "mid", "senior", (1, 2, 2, 2)),
    "cai": ("Cai", "junior", "mid", (0, 1, 1, 0)),
    "dee": ("Dee", "mid", "senior", (0, 4, 2, 1)),
    "eli": ("Eli", "junior", "mid", (0, 0, 2, 1)),
    "fay": (None, "mid", "senior", (1, 2, 3, 2)),
}
DAMAGED = """\
version: 1
name: Gus
assessments:
  - at: '2026-05-01T10:00:00Z'
    kb: {identity}
    current: junior
    target: mid
    levels: {{coding: nine}}
"""


def write_team(folder: Path, identity: str) -> Path:
    """The six profiles made on the KB `identity`, plus `gus.yaml` (damaged) and `hal.yaml` (another KB)."""
    folder.mkdir(parents=True, exist_ok=True)
    for stem, (name, current, target, levels) in PEOPLE.items():
        write_profile(
            folder / f"{stem}.yaml",
            profile(name, current, target, dict(zip(SKILLS, levels, strict=True)), identity),
        )
    (folder / "gus.yaml").write_text(DAMAGED.format(identity=identity), encoding="utf-8")
    write_profile(folder / "hal.yaml", profile("Hal", "mid", "senior", {"sql": 5}, "0" * 64))
    return folder


def profile(name: str | None, current: str, target: str | None, levels: dict[str, int], kb: str) -> Profile:
    """A profile with one complete assessment."""
    assessment = Assessment(
        at="2026-05-01T10:00:00Z",
        kb=kb,
        current=current,
        target=target or "",
        skills=tuple(levels),
        levels=levels,
        notes={},
        complete=True,
    )
    return Profile(current=current, target=target, assessments=(assessment,), name=name)
