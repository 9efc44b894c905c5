"""How well `match` and the imported transitions agree with real labour-market data.

Run it from the repository root, with a Python where careerctl is installed:

    python benchmarks/quality.py                       # O*NET and ESCO from ../shared/external
    python benchmarks/quality.py --external DIR        # the folder holding onet/ and esco/
    python benchmarks/quality.py --only onet           # one of them
    python benchmarks/quality.py --json FILE           # also write the figures as JSON

O*NET: for every rated occupation, `match --from OCC` (the person has exactly the levels the
occupation requires and stands in it); recall@5 and recall@10 of O*NET's related occupations
(Primary-Short, the 5 most related; and Primary-Short plus Primary-Long, the 10 most related)
among the other roles ranked, counting only related occupations that are imported (rated).
Recall is pooled: hits over all answers. related_occupations.tsv is read here only, as the
answer key: the importer never reads it, so nothing the KB contains comes from it.

ESCO: for a fixed sample of 200 occupations (random.Random(19)), the share of `match`'s top
10 (without the occupation itself) that are among its 10 nearest occupations by the Jaccard
similarity of essential skill sets (ties by role id).

Both: how far fit spreads (mean fit of rows 2, 10 and 50), and how many occupations the
transitions reach (roles reachable by any chain, median and share reaching more than 5).
docs/quality.md shows a run and what the figures mean.
"""

from __future__ import annotations

import argparse
import csv
import inspect
import json
import random
import statistics
import sys
import tempfile
import time
from collections import deque
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from careerctl.kb.importers.esco import import_esco
from careerctl.kb.importers.onet import import_onet
from careerctl.kb.load import load_kb
from careerctl.match import match_roles
from careerctl.model import KnowledgeBase

REPO = Path(__file__).resolve().parents[1]
EXTERNAL = REPO.parent / "shared" / "external"
ESCO_SAMPLE = 200
SEED = 19
NURSING = "nurs"


def main(argv: list[str] | None = None) -> int:
    """Import, measure, print the figures; exit 1 if a target is missed."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--external", type=Path, default=EXTERNAL)
    parser.add_argument("--only", choices=("onet", "esco"))
    parser.add_argument("--json", type=Path, dest="json_out")
    args = parser.parse_args(argv)
    figures: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        if args.only in (None, "onet"):
            figures["onet"] = onet_figures(args.external / "onet", Path(tmp) / "onet")
        if args.only in (None, "esco"):
            figures["esco"] = esco_figures(args.external / "esco", Path(tmp) / "esco")
    print_figures(figures)
    if args.json_out:
        args.json_out.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    onet = figures.get("onet")
    missed = onet is not None and (onet["recall@10 primary-short"] < 0.40 or onet["nurses in top 5"] < 3)
    return 1 if missed else 0


def imported(importer: Any, src: Path, out: Path) -> KnowledgeBase:
    """Import `src` into `out` and load the KB (with a cache of its own)."""
    importer(src, out)
    return load_kb(out, cache_dir=out / ".cache").kb


def ranked(kb: KnowledgeBase, role_id: str, top: int) -> list[str]:
    """`match --from ROLE`: the other roles, best first, at most `top`."""
    levels = kb.roles[role_id].required()
    extra = {"current": role_id} if "current" in inspect.signature(match_roles).parameters else {}
    rows = match_roles(kb, levels, top=top + 1, **extra)
    return [row.role for row in rows if row.role != role_id][:top]


def onet_figures(src: Path, out: Path) -> dict[str, Any]:
    """Recall of O*NET's related occupations, the nurses check, spread and reach."""
    started = time.perf_counter()
    kb = imported(import_onet, src, out)
    by_code = {alias: role.id for role in kb.roles.values() for alias in role.aliases[:1]}
    short, long_ = related(src / "related_occupations.tsv", by_code)
    lists = {role_id: ranked(kb, role_id, 10) for role_id in sorted(kb.roles)}
    return {
        "occupations": len(kb.roles),
        "recall@5 primary-short": recall(lists, short, 5),
        "recall@10 primary-short": recall(lists, short, 10),
        "recall@5 primary-short+long": recall(lists, long_, 5),
        "recall@10 primary-short+long": recall(lists, long_, 10),
        "nurses in top 5": nurses(kb),
        **spread(kb),
        **reach(kb),
        "seconds": round(time.perf_counter() - started, 1),
    }


def related(path: Path, by_code: Mapping[str, str]) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Role id -> related role ids: Primary-Short, and Primary-Short plus Primary-Long."""
    short: dict[str, set[str]] = {}
    both: dict[str, set[str]] = {}
    with path.open(encoding="utf-8", newline="") as file:
        for row in csv.DictReader(file, delimiter="\t", quoting=csv.QUOTE_NONE):
            a, b = by_code.get(row["O*NET-SOC Code"]), by_code.get(row["Related O*NET-SOC Code"])
            tier = row["Relatedness Tier"]
            if a is None or b is None or a == b or tier not in ("Primary-Short", "Primary-Long"):
                continue
            both.setdefault(a, set()).add(b)
            if tier == "Primary-Short":
                short.setdefault(a, set()).add(b)
    return short, both


def recall(lists: Mapping[str, list[str]], answers: Mapping[str, set[str]], k: int) -> float:
    """Pooled recall@k: answers found in the top k over all answers."""
    hits = sum(len(set(lists[r][:k]) & answers[r]) for r in answers if r in lists)
    total = sum(len(answers[r]) for r in answers if r in lists)
    return round(hits / total, 4) if total else 0.0


def nurses(kb: KnowledgeBase) -> int:
    """How many of `match --from registered-nurses`'s top 5 other roles are nursing occupations."""
    if "registered-nurses" not in kb.roles:
        return 0
    return sum(NURSING in kb.roles[r].name.lower() for r in ranked(kb, "registered-nurses", 5))


def spread(kb: KnowledgeBase, sample: int = 100) -> dict[str, float]:
    """Mean fit of rows 2, 10 and 50 of `match --from ROLE`, over a fixed sample of roles."""
    roles = random.Random(SEED).sample(sorted(kb.roles), min(sample, len(kb.roles)))
    at: dict[int, list[float]] = {2: [], 10: [], 50: []}
    for role_id in roles:
        extra = {"current": role_id} if "current" in inspect.signature(match_roles).parameters else {}
        rows = match_roles(kb, kb.roles[role_id].required(), top=50, **extra)
        for n, fits in at.items():
            if len(rows) >= n:
                fits.append(rows[n - 1].fit)
    return {f"fit of row {n}": round(statistics.fmean(f), 3) for n, f in at.items() if f}


def reach(kb: KnowledgeBase) -> dict[str, float]:
    """How many roles each role's transitions reach, by any chain."""
    counts = [len(reachable(kb, role_id)) for role_id in kb.roles]
    return {
        "transitions": sum(len(role.next) for role in kb.roles.values()),
        "median roles reachable": statistics.median(counts),
        "share reaching more than 5": round(sum(c > 5 for c in counts) / len(counts), 3),
    }


def reachable(kb: KnowledgeBase, start: str) -> set[str]:
    """Roles reachable from `start` by transitions (not counting itself)."""
    seen = {start}
    queue = deque([start])
    while queue:
        for move in kb.roles[queue.popleft()].next:
            if move.role in kb.roles and move.role not in seen:
                seen.add(move.role)
                queue.append(move.role)
    return seen - {start}


def esco_figures(src: Path, out: Path) -> dict[str, Any]:
    """Overlap of match's top 10 with the Jaccard-nearest occupations, spread and reach."""
    started = time.perf_counter()
    kb = imported(import_esco, src, out)
    essentials = {r.id: essential(r.requirements) for r in kb.roles.values()}
    sample = random.Random(SEED).sample(sorted(kb.roles), min(ESCO_SAMPLE, len(kb.roles)))
    overlaps = [len(set(ranked(kb, r, 10)) & set(jaccard_nearest(essentials, r, 10))) / 10 for r in sample]
    return {
        "occupations": len(kb.roles),
        "sample": len(sample),
        "overlap@10 with jaccard": round(statistics.fmean(overlaps), 4),
        **spread(kb),
        **reach(kb),
        "seconds": round(time.perf_counter() - started, 1),
    }


def essential(requirements: Iterable[Any]) -> frozenset[str]:
    """The essential skills of an ESCO role: needed ones (before #19: those required at level 3)."""
    reqs = list(requirements)
    if any(not getattr(r, "needed", True) for r in reqs):
        return frozenset(r.skill for r in reqs if r.needed)
    return frozenset(r.skill for r in reqs if r.level >= 3)


def jaccard_nearest(essentials: Mapping[str, frozenset[str]], role_id: str, k: int) -> list[str]:
    """The k other roles with the highest Jaccard similarity of essential skills (ties by id)."""
    mine = essentials[role_id]
    scored = [
        (-len(mine & theirs) / len(mine | theirs), other)
        for other, theirs in essentials.items()
        if other != role_id and mine | theirs
    ]
    return [other for _, other in sorted(scored)[:k]]


def print_figures(figures: Mapping[str, Mapping[str, Any]]) -> None:
    """The figures as a Markdown table per source."""
    for source, found in figures.items():
        print(f"\n{source}\n\n| figure | value |\n|---|---|")
        for name, value in found.items():
            print(f"| {name} | {value} |")
    sys.stdout.flush()


if __name__ == "__main__":
    raise SystemExit(main())
