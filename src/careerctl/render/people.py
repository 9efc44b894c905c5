"""Terminal views of reviews, calibration, the evidence log and evidence suggestions.

Every string from a review, the log or a repository (names, notes, what was done, file kinds)
goes through `lit()`: shown literally, never read as Rich markup or obeyed as a terminal escape.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from careerctl.render.rich import lit, table

if TYPE_CHECKING:
    from rich.console import Console

    from careerctl.calibration import Calibration
    from careerctl.evidence import Evidence
    from careerctl.model import KnowledgeBase
    from careerctl.results import ReviewsDoc
    from careerctl.scan import Scan


def level(value: int | None) -> str:
    """A level, or a dash where nobody gave one."""
    return "-" if value is None else str(value)


def print_reviews(console: Console, doc: ReviewsDoc) -> None:
    """The attached reviews, by name."""
    if not doc.reviews:
        console.print(
            lit(f"No reviews are attached to {doc.profile}. `careerctl review add FILE` attaches one.")
        )
        return
    grid = table(console, "name", "rater", "relation", "for", "date", "skills")
    for ref in doc.reviews:
        grid.add_row(
            lit(ref.name), lit(ref.rater), ref.relation, lit(ref.subject), ref.at[:10], str(ref.skills)
        )
    console.print(grid)


def gap_text(value: int | None, flagged: bool) -> Text:
    """A gap: flagged ones stand out (and say so in words), one-level ones are quiet."""
    if value is None or value == 0:
        return Text("")
    shown = f"{value:+d}"
    if flagged:
        return Text(f"{shown} discuss", style="bold red")
    return Text(shown, style="dim")


def print_calibration(console: Console, kb: KnowledgeBase, cal: Calibration, rule_says: str) -> None:
    """Self, manager, peers and agreed per skill; flagged gaps marked, then a one-line summary."""
    grid = table(console, "skill", "self", "manager", "peers", "median", "agreed", "gap")
    alone = [row for row in cal.rows if row.manager is None and not row.peers]
    for row in cal.rows:
        if row.manager is None and not row.peers:
            continue
        grid.add_row(
            lit(kb.skills[row.skill].name),
            level(row.self_level),
            level(row.manager),
            " ".join(str(p) for p in row.peers) or "-",
            level(row.peers_median),
            str(row.agreed),
            gap_text(row.gap, row.flagged),
        )
    console.print(grid)
    if alone:
        console.print(
            f"{len(alone)} more skill{'s' if len(alone) != 1 else ''} only you rated keep your level."
        )
    raters = ", ".join(f"{r.rater} ({r.relation})" for r in cal.reviews)
    console.print(lit(f"Agreed level: {rule_says}. Reviews: {raters}."))
    flagged = cal.flagged
    if flagged:
        names = ", ".join(kb.skills[row.skill].name for row in flagged)
        console.print(lit(f"To discuss (self 2 or more levels from agreed): {names}."))
    else:
        console.print("No self rating is 2 or more levels from the agreed level.")
    for row in flagged:
        for rater, note in row.notes:
            console.print(lit(f"  {kb.skills[row.skill].name}, {rater}: {note}"))


def print_evidence(console: Console, kb: KnowledgeBase, items: list[Evidence], file: str) -> None:
    """The log, newest first."""
    if not items:
        console.print(
            lit(f'No evidence in {file} yet. `careerctl evidence add SKILL "what you did"` adds some.')
        )
        return
    grid = table(console, "date", "skill", "level", "what", "link")
    for item in items:
        name = kb.skills[item.skill].name if item.skill in kb.skills else item.skill
        grid.add_row(item.date, lit(name), level(item.level), lit(item.what), lit(item.link or ""))
    console.print(grid)


def print_scan(console: Console, kb: KnowledgeBase, scan: Scan, accepted: list[str]) -> None:
    """Each repository read, then each suggestion with its counts and how to accept it."""
    for repo in scan.repos:
        console.print(
            lit(
                f"{repo.path}: {len(repo.commits)} of {repo.all_commits} commits are yours; {repo.tracked} tracked files"
            )
        )
    if not scan.suggestions:
        console.print(lit(f"No commit by {', '.join(scan.authors)} touches a file any skill's signals name."))
        return
    grid = table(console, "skill", "commits", "files", "repos", "what the counts say")
    for s in scan.suggestions:
        name = kb.skills[s.skill].name
        mark = " (accepted)" if s.skill in accepted else ""
        grid.add_row(lit(name + mark), str(s.commits), str(s.files), str(len(s.repos)), lit(s.sentence()))
    console.print(grid)
    console.print("Suggestions change no level. Accept one into your evidence log with --accept SKILL.")
