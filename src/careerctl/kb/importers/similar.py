"""Nearest occupations by what they share, for the transitions an import writes.

Each occupation is a set of features (skills, technologies, title words) with a strength
each. A feature weighs log(N / occupations that have it) times its strength, and two
occupations are as similar as the cosine of their weighted vectors. Only features that at
most a tenth of the occupations (or 20) share are used to find candidates (through an inverted
index, never by comparing every pair); the others weigh little and would make the search
quadratic.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping

COMMON_SHARE = 0.1  # features held by more than this share of occupations find no candidates
SMALL = 20  # ... unless held by at most this many (so every feature counts in a small source)
_WORD = re.compile(r"[^\W\d_]\w*")

Features = Mapping[str, float]  # feature -> strength (1 for a plain "has it")


def title_features(titles: Iterable[str]) -> dict[str, float]:
    """The words of an occupation's titles as `word:` features of strength 1."""
    words = {w for t in titles for w in _WORD.findall(t.lower().replace("-", " ")) if len(w) > 1}
    return {f"word:{w}": 1.0 for w in words}


def nearest(
    items: Mapping[str, Features],
    limit: int,
    bonus: Callable[[str, str], float] = lambda a, b: 1.0,
    common: float = COMMON_SHARE,
) -> dict[str, list[str]]:
    """Key -> the `limit` most similar other keys, best first (ties by key).

    `bonus(a, b)` multiplies the similarity of a to b; 0 rules b out as a neighbour of a.
    Features held by more than `common` of the keys find no candidates (they still count).
    """
    n = len(items)
    counts: dict[str, int] = defaultdict(int)
    for features in items.values():
        for f in features:
            counts[f] += 1
    idf = {f: math.log(n / c) for f, c in counts.items()}
    vectors = {key: _unit({f: s * idf[f] for f, s in features.items()}) for key, features in items.items()}
    postings: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for key, vector in vectors.items():
        for f, value in vector.items():
            if counts[f] <= max(SMALL, common * n) and value > 0:
                postings[f].append((key, value))
    found: dict[str, list[str]] = {}
    for key in sorted(vectors):
        vector = vectors[key]
        candidates: set[str] = set()
        for f in vector:
            candidates.update(other for other, _ in postings.get(f, ()))
        candidates.discard(key)
        scored = []
        for other in candidates:
            factor = bonus(key, other)
            if factor > 0:
                scored.append((-factor * _dot(vector, vectors[other]), other))
        found[key] = [other for _, other in heapq.nsmallest(limit, scored)]
    return found


def _unit(vector: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(v * v for v in vector.values()))
    return {f: v / norm for f, v in vector.items()} if norm else {}


def _dot(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(f, 0.0) for f, v in a.items())
