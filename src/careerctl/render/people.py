"""Terminal views of reviews, calibration, the evidence log and evidence suggestions.

Every string from a review, the log or a repository (names, notes, what was done, file kinds)
goes through `lit()`: shown literally, never read as Rich markup or obeyed as a terminal escape.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from careerctl.i18n import _, ngettext
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
            lit(
                _("No reviews are attached to {profile}. `careerctl review add FILE` attaches one.").format(
                    profile=doc.profile
                )
            )
        )
        return
    grid = table(console, _("name"), _("rater"), _("relation"), _("for"), _("date"), _("skills"))
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
        return Text(_("{gap} discuss").format(gap=shown), style="bold red")
    return Text(shown, style="dim")


def print_calibration(console: Console, kb: KnowledgeBase, cal: Calibration, rule_says: str) -> None:
    """Self, manager, peers and agreed per skill; flagged gaps marked, then a one-line summary."""
    grid = table(console, _("skill"), _("self"), _("manager"), _("peers"), _("median"), _("agreed"), _("gap"))
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
        more = ngettext(
            "{n} more skill only you rated keeps your level.",
            "{n} more skills only you rated keep your level.",
            len(alone),
        )
        console.print(more.format(n=len(alone)))
    raters = ", ".join(f"{r.rater} ({r.relation})" for r in cal.reviews)
    console.print(lit(_("Agreed level: {rule}. Reviews: {raters}.").format(rule=rule_says, raters=raters)))
    flagged = cal.flagged
    if flagged:
        names = ", ".join(kb.skills[row.skill].name for row in flagged)
        console.print(
            lit(_("To discuss (self 2 or more levels from agreed): {skills}.").format(skills=names))
        )
    else:
        console.print(_("No self rating is 2 or more levels from the agreed level."))
    for row in flagged:
        for rater, note in row.notes:
            console.print(lit(f"  {kb.skills[row.skill].name}, {rater}: {note}"))


def print_evidence(console: Console, kb: KnowledgeBase, items: list[Evidence], file: str) -> None:
    """The log, newest first."""
    if not items:
        console.print(
            lit(
                _(
                    'No evidence in {file} yet. `careerctl evidence add SKILL "what you did"` adds some.'
                ).format(file=file)
            )
        )
        return
    grid = table(console, _("date"), _("skill"), _("level"), _("what"), _("link"))
    for item in items:
        name = kb.skills[item.skill].name if item.skill in kb.skills else item.skill
        grid.add_row(item.date, lit(name), level(item.level), lit(item.what), lit(item.link or ""))
    console.print(grid)


def print_scan(console: Console, kb: KnowledgeBase, scan: Scan, accepted: list[str]) -> None:
    """Each repository read, then each suggestion with its counts and how to accept it."""
    for repo in scan.repos:
        console.print(
            lit(
                _("{repo}: {mine} of {all} commits are yours; {tracked} tracked files").format(
                    repo=repo.path, mine=len(repo.commits), all=repo.all_commits, tracked=repo.tracked
                )
            )
        )
    if not scan.suggestions:
        nothing = _("No commit by {authors} touches a file any skill's signals name.")
        console.print(lit(nothing.format(authors=", ".join(scan.authors))))
        return
    grid = table(console, _("skill"), _("commits"), _("files"), _("repos"), _("what the counts say"))
    for s in scan.suggestions:
        name = kb.skills[s.skill].name
        mark = " " + _("(accepted)") if s.skill in accepted else ""
        grid.add_row(lit(name + mark), str(s.commits), str(s.files), str(len(s.repos)), lit(s.sentence()))
    console.print(grid)
    console.print(_("Suggestions change no level. Accept one into your evidence log with --accept SKILL."))
