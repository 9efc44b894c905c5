"""Human output for the assessment, the saved profile and progress over time."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console, RenderableType
from rich.table import Table
from rich.text import Text

from careerctl.i18n import _, ngettext
from careerctl.model import LEVEL_MAX, KnowledgeBase, Levels, Profile
from careerctl.render.charts import readiness_gauge, sparkline
from careerctl.render.planview import steps_table
from careerctl.render.rich import lit, table
from careerctl.text import percent

if TYPE_CHECKING:  # annotations only: the app hands these over, already computed
    from careerctl.assess import Change, Outcome, Point, Progress
    from careerctl.plan import Plan

NOT_ASKED = "·"
SHOWN_ASSESSMENTS = 5  # columns of `progress`; the sparkline covers them all


def print_assessment(
    console: Console, kb: KnowledgeBase, outcome: Outcome, readiness: float, plan: Plan | None, levels: Levels
) -> None:
    """Readiness for the target after an assessment, the first five steps of the plan (as `plan` shows
    them) and how many skills are still short: short enough for a 24-line terminal."""
    item = outcome.assessment
    target = kb.roles[item.target]
    head = lit(
        _("Readiness for {role}: {readiness}").format(role=target.name, readiness=percent(readiness)), "bold"
    )
    head.append(lit("  " + _("(from {role})").format(role=kb.roles[item.current].name), "dim"))
    console.print(head)
    console.print(readiness_gauge(readiness))
    if plan is None:
        console.print(lit(_("No plan can be built in this knowledge base; see `careerctl plan`."), "dim"))
        return
    if not plan.steps:
        console.print(lit(_("You already meet every requirement of {role}.").format(role=target.name)))
        return
    console.print(Text(_("Your next steps"), style="bold"))
    console.print(steps_table(console, kb, plan.steps[:5]))
    short = sum(levels.get(r.skill, 0) < r.level for r in target.needed())
    console.print(
        lit(
            ngettext(
                "{n} skill is still short of {role}: `careerctl plan` has the whole plan, "
                "`careerctl progress` the change over time.",
                "{n} skills are still short of {role}: `careerctl plan` has the whole plan, "
                "`careerctl progress` the change over time.",
                short,
            ).format(n=short, role=target.name),
            "dim",
        )
    )


def print_profile(
    console: Console, kb: KnowledgeBase, profile: Profile, path: str, levels: Levels, notes: dict[str, str]
) -> None:
    """Where the profile is, the roles, the assessments, and each skill's latest level and note."""
    title = Text(_("Profile") + "  ", style="bold")
    title.append(lit(path, "dim"))
    console.print(title)
    console.print(
        lit(
            _("Current role: {current};  target: {target}").format(
                current=role_name(kb, profile.current), target=role_name(kb, profile.target)
            )
        )
    )
    count = len(profile.assessments)
    if count:
        last = profile.assessments[-1]
        latest = ngettext(
            "{n} assessment; the latest on {date}", "{n} assessments; the latest on {date}", count
        )
        line = latest.format(n=count, date=when(last.at))
        if not last.complete:
            unfinished = _("unfinished: {answered} of {asked} answered")
            line += ", " + unfinished.format(answered=len(last.levels), asked=len(last.skills))
        console.print(lit(line))
    if not levels:
        return
    grid = table(console, _("skill"), _("level"), _("what that means"), _("note"))
    ordered = [s for s in kb.skills if s in levels] + sorted(s for s in levels if s not in kb.skills)
    for skill_id in ordered:
        level = levels[skill_id]
        skill = kb.skills.get(skill_id)
        meaning = _("not yet") if level == 0 else skill.anchor(level) if skill else _("(not in this KB)")
        grid.add_row(
            lit(skill.name if skill else skill_id),
            lit(f"{level} {kb.level_name(level)}"),
            lit(meaning),
            lit(notes.get(skill_id, "")),
        )
    console.print(grid)


def print_progress(console: Console, kb: KnowledgeBase, progress: Progress) -> None:
    """Each skill's level at each assessment with a sparkline, readiness over time, and the latest changes."""
    points = progress.points
    shown = points[-SHOWN_ASSESSMENTS:]
    labels = column_labels(points)[-SHOWN_ASSESSMENTS:]
    over_time = len(points) > 1  # one assessment has no trend and no change to show
    grid = table(console, _("skill"), *labels, *((_("trend"), _("change")) if over_time else ()))
    for column in grid.columns[1 : 1 + len(shown)]:
        column.justify = "center"
    changed = {c.skill: c for c in progress.changes}
    for trend in progress.trends:
        cells: list[RenderableType] = [
            NOT_ASKED if v is None else str(v) for v in trend.levels[-SHOWN_ASSESSMENTS:]
        ]
        if over_time:
            cells += [sparkline(trend.levels, 0, LEVEL_MAX), lit(change_text(changed.get(trend.skill)))]
        grid.add_row(lit(kb.skills[trend.skill].name), *cells)
    console.print(grid)
    if not over_time:
        console.print(lit(_("One assessment so far: the next `careerctl assess` starts the trend."), "dim"))
    if any(not p.complete for p in shown):
        console.print(lit(_("* unfinished assessment"), "dim"))
    if progress.target:
        console.print(readiness_line(kb.roles[progress.target].name, points))
    if len(points) > 1:
        console.print(changes_line(kb, points[-2], progress.changes))


def column_labels(points: list[Point]) -> list[str]:
    """A column title per assessment: its date, with the time when two share a date; * if unfinished."""
    dates = [p.at[:10] for p in points]
    clash = len(set(dates)) < len(dates)
    return [(when(p.at)[5:] if clash else p.at[:10]) + ("" if p.complete else "*") for p in points]


def when(at: str) -> str:
    """An ISO timestamp as 'YYYY-MM-DD HH:MM'."""
    return at.replace("T", " ")[:16]


def change_text(change: Change | None) -> str:
    """What the latest assessment did to a skill."""
    if change is None:
        return ""
    if change.before is None:
        return _("new: {level}").format(level=change.after)
    arrow = "↑" if change.after > change.before else "↓"
    return f"{arrow} {change.before} -> {change.after}"


def readiness_line(target: str, points: list[Point]) -> Table:
    """Readiness for the target at each assessment, as numbers and a sparkline."""
    values = [p.readiness or 0.0 for p in points]
    series = " -> ".join(percent(v) for v in values[-SHOWN_ASSESSMENTS:])
    line = lit(_("Readiness for {role}: {readiness}").format(role=target, readiness=series) + "  ", "bold")
    row = Table.grid()
    row.add_row(line, sparkline(values, 0, 1))
    return row


def changes_line(kb: KnowledgeBase, before: Point, changes: list[Change]) -> Text:
    """The skills the latest assessment moved, in one sentence."""
    if not changes:
        return lit(_("No level changed since {date}.").format(date=when(before.at)))
    parts = ", ".join(f"{kb.skills[c.skill].name} {change_text(c)}" for c in changes)
    return lit(_("Since {date}: {changes}.").format(date=when(before.at), changes=parts))


def role_name(kb: KnowledgeBase, role_id: str | None) -> str:
    """A role's name, its id when this KB does not have it, or 'not set'."""
    if role_id is None:
        return _("not set")
    role = kb.roles.get(role_id)
    return role.name if role else _("{role} (not in this KB)").format(role=role_id)
