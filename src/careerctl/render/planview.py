"""`careerctl plan` on a terminal: readiness, the phase at hand, the weeks ahead, the phases after.

Short by default (it fits 40 lines at 100 columns): the current phase's next steps (up to
`NEXT_STEPS`), its first schedule blocks and one line for each later phase. `--all` prints
every phase's steps, the whole schedule and the gap tree; `--top N` shortens every part to N.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from careerctl.i18n import _, ngettext
from careerctl.render.charts import GapTree, bar_rows, readiness_gauge
from careerctl.render.rich import hanging, lit, table
from careerctl.text import figure, month, month_span, number, percent, years

if TYPE_CHECKING:
    from rich.console import Console

    from careerctl.model import KnowledgeBase
    from careerctl.plan import Phase, PhaseDate, Plan, Schedule, Step
    from careerctl.results import PlanResult

NEXT_STEPS = 8
"""Steps of the current phase a short plan shows."""
NEXT_BLOCKS = 3
"""Schedule blocks a short plan shows."""


def print_plan_view(console: Console, result: PlanResult) -> None:
    """The plan, short unless `result.show_all`; `result.top` shortens every part."""
    kb, plan, timeline = result.kb, result.plan, result.timeline
    top, every = result.top, result.show_all
    print_head(console, kb, plan, result.doc.target_chosen)
    if not plan.phases:
        console.print(
            lit(_("You already meet every requirement of {role}.").format(role=kb.roles[plan.target].name))
        )
        return
    dates = {d.role: d for d in timeline.phases}
    shown = plan.all_steps if every else plan.steps
    for number_, phase in enumerate(plan.phases, start=1):
        steps = [s for s in shown if s.phase == phase.role]
        if number_ > 1 and not every:
            console.print(lit(phase_line(kb, phase, dates[phase.role], number_, len(plan.phases))))
            continue
        console.print(lit(phase_line(kb, phase, dates[phase.role], number_, len(plan.phases)), "bold"))
        limit = len(steps) if every or top else NEXT_STEPS
        console.print(steps_table(console, kb, steps[:limit]))
        hidden = phase.steps_total - min(limit, len(steps))
        if hidden:
            console.print(
                lit(
                    "  "
                    + ngettext(
                        "... {n} more step in this phase (--all shows every step)",
                        "... {n} more steps in this phase (--all shows every step)",
                        hidden,
                    ).format(n=hidden),
                    "dim",
                )
            )
        if number_ == 1 or every:
            print_blocks(
                console, kb, timeline, phase.role, None if every else min(top or NEXT_BLOCKS, NEXT_BLOCKS)
            )
    if every:
        print_gaps(console, kb, result)
    elif top:
        console.print(lit(largest_gaps(kb, result, top)))
    console.print(lit(closing(kb, plan, timeline), "bold"))


def print_head(console: Console, kb: KnowledgeBase, plan: Plan, chosen: str) -> None:
    """Readiness for the target, a gauge, and how the target was chosen when it was not given."""
    target = kb.roles[plan.target]
    head = lit(
        _("Readiness for {role}: {readiness}").format(role=target.name, readiness=percent(plan.readiness)),
        "bold",
    )
    if plan.current:
        head.append(lit("  " + _("(from {role})").format(role=kb.roles[plan.current].name), "dim"))
    console.print(head)
    console.print(readiness_gauge(plan.readiness))
    if chosen == "default":
        console.print(
            lit(
                _(
                    "Target: {role}, the first role on your track you do not fully meet (--target to choose)"
                ).format(role=target.name)
            )
        )
    elif chosen == "saved":
        console.print(
            lit(_("Target: {role}, saved in your profile (--target to choose)").format(role=target.name))
        )


def phase_line(kb: KnowledgeBase, phase: Phase, when: PhaseDate, number_: int, phases: int) -> str:
    """'Phase 1 of 2: Backend Developer, 57% now: 25 steps, 347 h; met about Dec 2028 (...)'."""
    role = kb.roles[phase.role]
    steps = ngettext("{n} step", "{n} steps", phase.steps_total).format(n=phase.steps_total)
    return _(
        "Phase {number} of {phases}: {role}, {readiness} now: {steps}, {hours} h; met about {month} ({why})"
    ).format(
        number=number_,
        phases=phases,
        role=role.name,
        readiness=percent(phase.readiness),
        steps=steps,
        hours=number(phase.hours),
        month=month(when.met),
        why=set_by(kb, phase, when),
    )


def set_by(kb: KnowledgeBase, phase: Phase, when: PhaseDate) -> str:
    """Which of study and time in the role set a phase's date, in words."""
    if when.set_by == "time-in-role" and phase.years is not None:
        if phase.after:
            typical = _("set by the typical {years} as {role}")
            return typical.format(years=years(phase.years), role=kb.roles[phase.after].name)
        return _("set by the typical {years} in the role before").format(years=years(phase.years))
    return _("set by your study")


def steps_table(console: Console, kb: KnowledgeBase, steps: list[Step]) -> object:
    """Steps as a table: rank, the skill and levels, hours, and why it comes there."""
    grid = table(console, "#", _("step"), _("hours"), _("why"))
    for step in steps:
        grid.add_row(
            str(step.rank),
            lit(f"{kb.skills[step.skill].name} {step.from_level}→{step.to_level}"),
            number(step.hours),
            lit(short_why(kb, step)),
        )
    return grid


def short_why(kb: KnowledgeBase, step: Step) -> str:
    """Why a step comes where it does, in table-sized words (the JSON has the full sentence)."""
    if step.priority_from is None:
        short = ngettext(
            "weight {weight}, {n} level short", "weight {weight}, {n} levels short", step.levels_short
        )
        parts = [short.format(weight=step.weight, n=step.levels_short)]
    else:
        before = _("before {skill} (weight {weight})")
        parts = [before.format(skill=kb.skills[step.priority_from].name, weight=step.weight)]
    if step.gain > 0:
        parts.append(_("+{gain} ready").format(gain=percent(step.gain, 1)))
    if step.unblocks:
        first, *more = step.unblocks
        name = kb.skills[first].name
        if more:
            parts.append(_("unblocks {skill} and {n} more").format(skill=name, n=len(more)))
        else:
            parts.append(_("unblocks {skills}").format(skills=name))
    return "; ".join(parts)


def print_blocks(
    console: Console, kb: KnowledgeBase, timeline: Schedule, phase: str, limit: int | None
) -> None:
    """The phase's schedule blocks: months, then each skill in focus and the levels it reaches."""
    blocks = [b for b in timeline.blocks if b.phase == phase]
    if not blocks:
        return
    console.print(
        lit(
            "  "
            + ngettext(
                "{n} skill at a time, {pace} h/week:", "{n} skills at a time, {pace} h/week:", timeline.focus
            ).format(n=timeline.focus, pace=figure(timeline.hours_per_week)),
            "dim",
        )
    )
    for block in blocks[:limit]:
        items = ", ".join(f"{kb.skills[i.skill].name} {i.from_level}→{i.to_level}" for i in block.items)
        console.print(hanging(console, f"{month_span(block.start, block.end)}: {items}"))
    if limit is not None and len(blocks) > limit:
        more = len(blocks) - limit
        console.print(
            lit("  " + ngettext("... {n} more block", "... {n} more blocks", more).format(n=more), "dim")
        )


def print_gaps(console: Console, kb: KnowledgeBase, result: PlanResult) -> None:
    """The target's requirements as a tree with level bars, gaps first."""
    target = kb.roles[result.plan.target]
    title = lit(_("What {role} still needs").format(role=target.name), "bold")
    console.print(GapTree(bar_rows(kb, result.levels, target), title))


def largest_gaps(kb: KnowledgeBase, result: PlanResult, limit: int) -> str:
    """The `limit` largest gaps of the target (weight x levels short) on one line."""
    gaps = sorted(result.plan.gaps, key=lambda g: (-g.weight * (g.need - g.have), g.skill))
    names = ", ".join(f"{kb.skills[g.skill].name} {g.have}/{g.need}" for g in gaps[:limit])
    role = kb.roles[result.plan.target].name
    if len(gaps) > limit:
        return _("Largest gaps for {role}: {gaps} and {n} more.").format(
            role=role, gaps=names, n=len(gaps) - limit
        )
    return _("Largest gaps for {role}: {gaps}.").format(role=role, gaps=names)


def closing(kb: KnowledgeBase, plan: Plan, timeline: Schedule) -> str:
    """The last line: when the target is met, how many hours, and the typical years on the way."""
    target = kb.roles[plan.target].name
    line = _("{role} about {month}: {hours} h of study at {pace} h/week").format(
        role=target,
        month=month(timeline.finish),
        hours=number(plan.total_hours),
        pace=figure(timeline.hours_per_week),
    )
    if plan.hours_for_rungs:
        line += " " + _("({hours} h for {role} alone, as match counts)").format(
            hours=number(plan.hours_direct), role=target
        )
    if plan.route_years:
        line += ", " + _("typically {years} on the way").format(years=years(plan.route_years))
    return line + "."
