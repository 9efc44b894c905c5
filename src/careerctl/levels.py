"""Where a person's levels come from: an answers file, --set SKILL=LEVEL, --from ROLE, or the profile."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any, BinaryIO

from careerctl.errors import InputError, NoLevels, unknown_skill
from careerctl.i18n import _
from careerctl.kb.parse import as_int, bad_int, describe, line_of
from careerctl.kb.yamlio import Limits, clip, parse_yaml, read_bytes, read_stream
from careerctl.model import LEVEL_MAX, LEVEL_MIN, KnowledgeBase, Role
from careerctl.names import find_role, suggest


def how_to_give_levels() -> str:
    """The message for a command that has no levels to work from."""
    return _(
        "no levels to work from: give --answers FILE, --set SKILL=LEVEL or --from ROLE, "
        "or run `careerctl assess` once to save a profile"
    )


STDIN = Path("-")
"""`--answers -`: the answers come on standard input."""
STDIN_NAME = "<stdin>"


def read_answers(
    path: Path, kb: KnowledgeBase, limits: Limits | None = None, stdin: BinaryIO | None = None
) -> dict[str, int]:
    """Levels from a YAML or JSON file mapping skill ids to levels 0..5 (`-`: from `stdin`)."""
    limits = limits or Limits.for_person()
    if path == STDIN:
        if stdin is None:
            raise InputError("--answers", _("cannot read standard input here; name a file"))
        data, where = read_stream(stdin, STDIN_NAME, limits), Path(STDIN_NAME)
    else:
        data, where = read_bytes(path, limits), path
    return check_answers(parse_yaml(data, where, limits), where, kb)  # JSON is read as YAML


def check_answers(doc: Any, path: Path, kb: KnowledgeBase) -> dict[str, int]:
    """Validate an answers document: a mapping of known skill ids to whole levels 0..5."""
    if not isinstance(doc, dict):
        what = "empty" if doc is None else describe(doc)
        detail = _("must be a mapping of skill ids to levels 0..{top}, not {what}").format(
            top=LEVEL_MAX, what=what
        )
        raise InputError(path, detail, 1)
    levels: dict[str, int] = {}
    for key, value in doc.items():
        line = line_of(doc, key) or None
        skill = str(key)
        if skill.strip().lower() in kb.skills:
            skill = skill.strip().lower()  # ids are lower-case; `SQL: 3` means sql
        if skill not in kb.skills:
            shown = clip(skill) if skill.strip() else repr(skill)
            raise InputError(path, unknown_skill(shown, suggest(skill, kb.skills)), line)
        level = as_int(value, LEVEL_MIN, LEVEL_MAX)
        if level is None:
            raise InputError(path, f"{skill}: {bad_int(value, LEVEL_MIN, LEVEL_MAX, 'level')}", line)
        levels[skill] = level
    return levels


def parse_sets(items: list[str], kb: KnowledgeBase) -> dict[str, int]:
    """Levels from repeated --set SKILL=LEVEL options."""
    levels: dict[str, int] = {}
    for item in items:
        skill, sep, raw = item.partition("=")
        skill = skill.strip().lower()
        if not sep or not skill:
            raise InputError(
                "--set", _("{item} must look like SKILL=LEVEL, e.g. sql=3").format(item=clip(repr(item)))
            )
        if skill not in kb.skills:
            raise InputError("--set", unknown_skill(clip(skill), suggest(skill, kb.skills)))
        try:
            level = int(raw.strip())
        except ValueError:
            level = -1
        if not LEVEL_MIN <= level <= LEVEL_MAX:
            raise InputError(
                "--set",
                _("{skill}: level must be a whole number from 0 to {top}, not {value}").format(
                    skill=clip(skill), top=LEVEL_MAX, value=clip(repr(raw))
                ),
            )
        levels[skill] = level
    return levels


def role_levels(kb: KnowledgeBase, name: str) -> dict[str, int]:
    """Levels of a person who meets exactly the requirements of role `name`."""
    return find_role(kb, name).required()


def resolve_levels(
    kb: KnowledgeBase,
    answers: Path | None = None,
    sets: list[str] | None = None,
    from_role: str | None = None,
    saved: Mapping[str, int] | None = None,
    stdin: BinaryIO | None = None,
) -> dict[str, int]:
    """Combine --from, then --answers, then --set on top; the saved profile only when none is given."""
    sets = sets or []
    if answers is None and not sets and from_role is None:
        if saved is None:
            raise NoLevels(how_to_give_levels())
        return {skill: level for skill, level in saved.items() if skill in kb.skills}
    levels: dict[str, int] = {}
    if from_role is not None:
        levels.update(role_levels(kb, from_role))
    if answers is not None:
        levels.update(read_answers(answers, kb, stdin=stdin))
    levels.update(parse_sets(sets, kb))
    return levels


def choose_roles(
    kb: KnowledgeBase, levels: Mapping[str, int], current: str | None, target: str | None
) -> tuple[str, str]:
    """Where a person stands and where they aim: as given, else their best fit and the first
    role on its track they do not fully meet."""
    here = current or guess_current(kb, levels)
    goal = find_role(kb, target).id if target else default_target(kb, here, levels)
    return here, goal


def guess_current(kb: KnowledgeBase, levels: Mapping[str, int]) -> str:
    """The role a person's levels fit best: where they stand when nobody said.

    Levels that are all 0 fit every role equally (not at all), so they stand on the lowest
    rung, and match's order decides among those: a beginner starts at an intern rung, not at
    whichever role is cheapest to meet (a product rung, whose levels are priced as study beside
    a job, would be).
    """
    from careerctl.match import match_roles

    if any(level > 0 for level in levels.values()):
        return match_roles(kb, levels, top=1)[0].role
    rows = match_roles(kb, levels)
    return min(rows, key=lambda row: (kb.roles[row.role].seniority, row.rank)).role


def default_target(kb: KnowledgeBase, current: str, levels: Mapping[str, int]) -> str:
    """The first role on the current role's track the levels do not fully meet.

    From the current rung up: the lowest rung first, the current role before others on its
    rung, then the one with fewer hours to meet directly, then by id. When every rung from
    here up is met, the direct move with the fewest hours that is not met; else an InputError.
    """
    from careerctl.climb import Climber, is_met, needs_of
    from careerctl.route import transitions_from

    here = kb.roles[current]
    climber = Climber(kb)

    def hours(role: Role) -> int:
        return climber.hours(levels, climber.raises(levels, needs_of(role.needed())))

    rungs = [
        r
        for r in kb.roles.values()
        if r.track == here.track and r.seniority >= here.seniority and not is_met(r, levels)
    ]
    if rungs:
        return min(rungs, key=lambda r: (r.seniority, r.id != current, hours(r), r.id)).id
    moves = [kb.roles[r] for r in transitions_from(kb, current) if not is_met(kb.roles[r], levels)]
    if moves:
        return min(moves, key=lambda r: (hours(r), r.id)).id
    raise InputError(
        "--target",
        _(
            "you fully meet {role} and every rung above it on the {track} track, "
            "and every direct move from it; name a target with --target"
        ).format(role=here.name, track=here.track),
    )
