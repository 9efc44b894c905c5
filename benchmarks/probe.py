"""In-process measurements for benchmarks/run.py, run with careerctl's own Python.

    python probe.py warm RUNS FOLDER CACHE [FOLDER CACHE ...]
        warm load_kb() of each KB against a plain msgspec decode of the same entry (in rounds)
    python probe.py load FOLDER CACHE
        one warm load, nothing else (its peak memory is the warm load's)
    python probe.py pair FOLDER CACHE
        a role with moves out, and the role the most moves from it
    python probe.py team FOLDER CACHE OUT PEOPLE SEED
        write PEOPLE profiles made on the KB into OUT (see write_team)

Each prints one JSON document on stdout.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections import deque
from pathlib import Path


def main(mode: str, *args: str) -> None:
    from careerctl.kb.load import load_kb

    if mode == "load":
        loaded = load_kb(Path(args[0]), Path(args[1]))
        print(json.dumps({"from_cache": loaded.from_cache}))
    elif mode == "warm":
        kbs = [(Path(folder), Path(cache)) for folder, cache in zip(args[1::2], args[2::2], strict=True)]
        print(json.dumps(warm(kbs, int(args[0]))))
    elif mode == "pair":
        print(json.dumps(distant_pair(load_kb(Path(args[0]), Path(args[1])).kb)))
    elif mode == "team":
        kb = load_kb(Path(args[0]), Path(args[1])).kb
        print(json.dumps(write_team(kb, Path(args[2]), int(args[3]), int(args[4]))))
    else:
        raise SystemExit(f"unknown mode {mode!r}")


def warm(kbs: list[tuple[Path, Path]], runs: int) -> list[dict[str, float]]:
    """Median seconds of a warm load_kb() of each KB, and of reading and decoding its entry untyped."""
    import msgspec

    from careerctl.kb.load import load_kb

    entries = []
    for folder, cache in kbs:
        first = load_kb(folder, cache)  # writes the entry if there is none
        entries.append(next(cache.glob(f"{first.kb.identity[:40]}.msgpack")))
    loads: list[list[float]] = [[] for _ in kbs]
    decodes: list[list[float]] = [[] for _ in kbs]
    for _ in range(runs):
        for n, ((folder, cache), entry) in enumerate(zip(kbs, entries, strict=True)):
            start = time.perf_counter()
            loaded = load_kb(folder, cache)
            loads[n].append(time.perf_counter() - start)
            assert loaded.from_cache, "the warm load did not come from the cache"
            del loaded
            start = time.perf_counter()
            msgspec.msgpack.decode(entry.read_bytes())
            decodes[n].append(time.perf_counter() - start)
    return [
        {
            "load": statistics.median(load),
            "decode": statistics.median(decode),
            "entry_bytes": entry.stat().st_size,
        }
        for load, decode, entry in zip(loads, decodes, entries, strict=True)
    ]


def distant_pair(kb: object) -> dict[str, object]:
    """The first role (by id) with moves out, and the role the most moves away from it."""
    roles = kb.roles  # type: ignore[attr-defined]
    source = min(role_id for role_id, role in roles.items() if role.next)
    depth = {source: 0}
    queue = deque([source])
    while queue:
        role = queue.popleft()
        for move in roles[role].next:
            if move.role in roles and move.role not in depth:
                depth[move.role] = depth[role] + 1
                queue.append(move.role)
    target = max(depth, key=lambda role: (depth[role], role))
    return {"source": source, "target": target, "hops": depth[target]}


def write_team(kb: object, out: Path, people: int, seed: int) -> dict[str, object]:
    """Profiles of `people` people on the KB, as `careerctl assess` writes them.

    Each person stands on a random rung (current) and aims at the next one (target). They rate
    every skill either rung requires: around the current rung's level (one below, at, or one
    above), and below the target's for the skills only the target needs. One in three also has an
    earlier assessment with lower levels, as a re-assessed person does.
    """
    import random

    from careerctl.model import Assessment, Profile
    from careerctl.store import write_profile

    rng = random.Random(seed)
    roles = kb.roles  # type: ignore[attr-defined]
    climbing = sorted(role_id for role_id, role in roles.items() if role.next)
    out.mkdir(parents=True, exist_ok=True)
    skills = 0
    for n in range(people):
        current = roles[rng.choice(climbing)]
        target = roles[current.next[0].role]
        levels = {r.skill: max(0, min(5, r.level + rng.choice((-1, 0, 0, 1)))) for r in current.requirements}
        for r in target.requirements:
            levels.setdefault(r.skill, max(0, r.level - rng.choice((0, 1, 1, 2))))
        sittings = []
        if rng.random() < 1 / 3:
            earlier = {skill: max(0, level - 1) for skill, level in levels.items()}
            sittings.append(("2026-03-01T09:00:00Z", earlier))
        sittings.append(("2026-06-01T09:00:00Z", levels))
        assessments = tuple(
            Assessment(at, kb.identity, current.id, target.id, tuple(lv), lv, {}, True)  # type: ignore[attr-defined]
            for at, lv in sittings
        )
        profile = Profile(current.id, target.id, assessments, name=f"Person {n:03d}")
        write_profile(out / f"person-{n:03d}.yaml", profile)
        skills += len(levels)
    return {"people": people, "skills_per_person": skills / people}


if __name__ == "__main__":
    main(sys.argv[1], *sys.argv[2:])
