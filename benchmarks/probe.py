"""In-process measurements for benchmarks/run.py, run with careerctl's own Python.

    python probe.py warm FOLDER CACHE RUNS   warm load_kb() against a plain msgspec decode of the same entry
    python probe.py load FOLDER CACHE        one warm load, nothing else (its peak memory is the warm load's)
    python probe.py pair FOLDER CACHE        a role with moves out, and the role the most moves from it

Each prints one JSON object on stdout.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections import deque
from pathlib import Path


def main(mode: str, folder: Path, cache: Path, *rest: str) -> None:
    from careerctl.kb.load import load_kb

    if mode == "load":
        loaded = load_kb(folder, cache)
        print(json.dumps({"from_cache": loaded.from_cache}))
    elif mode == "warm":
        print(json.dumps(warm(folder, cache, int(rest[0]))))
    elif mode == "pair":
        print(json.dumps(distant_pair(load_kb(folder, cache).kb)))
    else:
        raise SystemExit(f"unknown mode {mode!r}")


def warm(folder: Path, cache: Path, runs: int) -> dict[str, object]:
    """Median seconds of a warm load_kb(), and of reading and decoding its cache entry untyped."""
    import msgspec

    from careerctl.kb.load import load_kb

    first = load_kb(folder, cache)  # writes the entry if there is none
    (entry,) = cache.glob(f"{first.kb.identity[:40]}.msgpack")
    loads, decodes = [], []
    for _ in range(runs):
        start = time.perf_counter()
        loaded = load_kb(folder, cache)
        loads.append(time.perf_counter() - start)
        assert loaded.from_cache, "the warm load did not come from the cache"
        start = time.perf_counter()
        msgspec.msgpack.decode(entry.read_bytes())
        decodes.append(time.perf_counter() - start)
    return {
        "load": statistics.median(loads),
        "decode": statistics.median(decodes),
        "entry_bytes": entry.stat().st_size,
    }


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
    main(sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]), *sys.argv[4:])
