"""Print the recommended route for the pairs people ask about, to read them as a coach would.

    python benchmarks/routes_survey.py [--kb DIR] [--markdown] [--pairs FROM:TO,...]

For each pair: the route `careerctl path FROM TO` recommends (from the first role's own
levels), its study hours, typical years, track changes, and how many routes tie with it on
hours (of the best 21). Without --pairs, the survey of docs/routes.md: every backend rung to
every higher rung of the backend, management, architecture and platform tracks, then moves
into senior backend from neighbouring tracks, then a few cross-track moves.
"""

from __future__ import annotations

import argparse
from itertools import pairwise
from pathlib import Path

from careerctl.errors import NoResult
from careerctl.kb import bundled_kb_dir
from careerctl.kb.load import load_kb
from careerctl.model import KnowledgeBase
from careerctl.route import Route, find_routes

LADDER_TRACKS = ("backend", "management", "architecture", "platform")
INTO_SENIOR = (
    "qa-engineer",
    "test-automation-engineer",
    "data-engineer",
    "analytics-engineer",
    "data-scientist",
    "frontend-developer",
    "senior-frontend-developer",
    "full-stack-developer",
    "senior-full-stack-developer",
    "business-analyst",
    "cybersecurity-specialist",
    "devops-engineer",
)
CROSS = (
    ("senior-site-reliability-engineer", "engineering-manager"),
    ("senior-frontend-developer", "engineering-manager"),
    ("senior-frontend-developer", "cto"),
    ("data-engineer", "data-architect"),
    ("data-scientist", "ml-engineer"),
    ("devops-engineer", "cloud-architect"),
    ("application-security-engineer", "security-architect"),
    ("product-manager", "cto"),
    ("product-manager", "director-of-product"),
    ("technical-evangelist", "devrel-manager"),
    ("qa-engineer", "engineering-manager"),
    ("business-analyst", "product-manager"),
)


def survey_pairs(kb: KnowledgeBase) -> list[tuple[str, str]]:
    """The pairs of the survey, in the order docs/routes.md lists them."""
    backend = sorted(
        (r for r in kb.roles.values() if r.track == "backend"), key=lambda r: (r.seniority, r.id)
    )
    pairs = [
        (source.id, target.id)
        for source in backend
        for target in sorted(
            kb.roles.values(),
            key=lambda r: (
                LADDER_TRACKS.index(r.track) if r.track in LADDER_TRACKS else 9,
                r.seniority,
                r.id,
            ),
        )
        if target.track in LADDER_TRACKS and target.seniority > source.seniority
    ]
    pairs += [(source, "senior-backend-developer") for source in INTO_SENIOR]
    return pairs + list(CROSS)


def track_changes(kb: KnowledgeBase, route: Route) -> int:
    """How many legs of the route move to a role on another track."""
    return sum(kb.roles[a].track != kb.roles[b].track for a, b in pairwise(route.roles))


def short(kb: KnowledgeBase, role_id: str) -> str:
    """The role's first alias, else its id: what a person types."""
    role = kb.roles[role_id]
    return role.aliases[0] if role.aliases else role.id


def row(kb: KnowledgeBase, source: str, target: str) -> list[str]:
    """The survey row of one pair."""
    try:
        routes = find_routes(kb, source, target, 21)
    except NoResult:
        return [short(kb, source), short(kb, target), "(no route)", "", "", "", ""]
    best = routes[0]
    ties = sum(r.hours == best.hours for r in routes)
    return [
        short(kb, source),
        short(kb, target),
        " > ".join(short(kb, r) for r in best.roles),
        f"{best.hours:,}",
        f"{best.years:g}",
        str(track_changes(kb, best)),
        f"{ties}{'+' if ties == len(routes) == 21 else ''}",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--kb", type=Path, default=None, help="a KB folder (default: the bundled one)")
    parser.add_argument("--markdown", action="store_true", help="a Markdown table")
    parser.add_argument("--pairs", default="", help="FROM:TO,... (role ids) instead of the survey")
    args = parser.parse_args()
    kb = load_kb(args.kb or bundled_kb_dir()).kb
    pairs = [tuple(p.split(":", 1)) for p in args.pairs.split(",")] if args.pairs else survey_pairs(kb)
    header = ["from", "to", "route", "hours", "years", "changes", "ties"]
    rows = [row(kb, source, target) for source, target in pairs]
    if args.markdown:
        print("| " + " | ".join(header) + " |")
        print("|" + "---|" * len(header))
        for cells in rows:
            print("| " + " | ".join(cells) + " |")
        return
    for cells in rows:
        print("\t".join(cells))


if __name__ == "__main__":
    main()
