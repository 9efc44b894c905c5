"""In-process measurements for benchmarks/run.py, run with careerctl's own Python.

    python probe.py warm RUNS FOLDER CACHE [FOLDER CACHE ...]
        warm load_kb() of each KB against a plain msgspec decode of the same entry (in rounds)
    python probe.py load FOLDER CACHE
        one warm load, nothing else (its peak memory is the warm load's)
    python probe.py pair FOLDER CACHE
        a role with moves out, and the role the most moves from it

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


if __name__ == "__main__":
    main(sys.argv[1], *sys.argv[2:])
