"""`careerctl plan` on a terminal: readiness, the phase at hand, the weeks ahead, the phases after.

Short by default (it fits 40 lines at 100 columns): the current phase's next steps (up to
`NEXT_STEPS`), its first schedule blocks and one line for each later phase. `--all` prints
every phase's steps, the whole schedule and the gap tree; `--top N` shortens every part to N.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from careerctl.render.charts import GapTree, bar_rows, readiness_gauge
from careerctl.render.rich import lit, table
from careerctl.text import month, month_span, number, percent, plural, years

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
        console.print(lit(f"You already meet every requirement of {kb.roles[plan.target].name}."))
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
                lit(f"  ... {plural(hidden, 'more step')} in this phase (--all shows every step)", "dim")
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
    head = Text("Readiness for ", style="bold")
    head.append(lit(target.name, "bold"))
    head.append(f": {percent(plan.readiness)}", style="bold")
    if plan.current:
        head.append(lit(f"  (from {kb.roles[plan.current].name})", "dim"))
    console.print(head)
    console.print(readiness_gauge(plan.readiness))
    if chosen == "default":
        console.print(
            lit(
                f"Target: {target.name}, the first role on your track you do not fully meet (--target to choose)"
            )
        )
    elif chosen == "saved":
        console.print(lit(f"Target: {target.name}, saved in your profile (--target to choose)"))


def phase_line(kb: KnowledgeBase, phase: Phase, when: PhaseDate, number_: int, phases: int) -> str:
    """'Phase 1 of 2: Backend Developer, 57% now: 25 steps, 347 h; met about Dec 2028 (...)'."""
    role = kb.roles[phase.role]
    return (
        f"Phase {number_} of {phases}: {role.name}, {percent(phase.readiness)} now: "
        f"{plural(phase.steps_total, 'step')}, {number(phase.hours)} h; met about {month(when.met)} "
        f"({set_by(kb, phase, when)})"
    )


def set_by(kb: KnowledgeBase, phase: Phase, when: PhaseDate) -> str:
    """Which of study and time in the role set a phase's date, in words."""
    if when.set_by == "time-in-role" and phase.years is not None:
        before = kb.roles[phase.after].name if phase.after else "the role before"
        return f"set by the typical {years(phase.years)} as {before}"
    return "set by your study"


def steps_table(console: Console, kb: KnowledgeBase, steps: list[Step]) -> object:
    """Steps as a table: rank, the skill and levels, hours, and why it comes there."""
    grid = table(console, "#", "step", "hours", "why")
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
        parts = [f"weight {step.weight}, {plural(step.levels_short, 'level')} short"]
    else:
        parts = [f"before {kb.skills[step.priority_from].name} (weight {step.weight})"]
    if step.gain > 0:
        parts.append(f"+{percent(step.gain, 1)} ready")
    if step.unblocks:
        first, *more = step.unblocks
        parts.append(f"unblocks {kb.skills[first].name}" + (f" and {len(more)} more" if more else ""))
    return "; ".join(parts)


def print_blocks(
    console: Console, kb: KnowledgeBase, timeline: Schedule, phase: str, limit: int | None
) -> None:
    """The phase's schedule blocks: months, then each skill in focus and the levels it reaches."""
    blocks = [b for b in timeline.blocks if b.phase == phase]
    if not blocks:
        return
    console.print(
        lit(f"  {plural(timeline.focus, 'skill')} at a time, {timeline.hours_per_week:g} h/week:", "dim")
    )
    for block in blocks[:limit]:
        items = ", ".join(f"{kb.skills[i.skill].name} {i.from_level}→{i.to_level}" for i in block.items)
        console.print(lit(f"  {month_span(block.start, block.end)}: {items}"))
    if limit is not None and len(blocks) > limit:
        console.print(lit(f"  ... {plural(len(blocks) - limit, 'more block')}", "dim"))


def print_gaps(console: Console, kb: KnowledgeBase, result: PlanResult) -> None:
    """The target's requirements as a tree with level bars, gaps first."""
    target = kb.roles[result.plan.target]
    title = Text("What ", style="bold")
    title.append(lit(target.name, "bold"))
    title.append(" still needs", style="bold")
    console.print(GapTree(bar_rows(kb, result.levels, target), title))


def largest_gaps(kb: KnowledgeBase, result: PlanResult, limit: int) -> str:
    """The `limit` largest gaps of the target (weight x levels short) on one line."""
    gaps = sorted(result.plan.gaps, key=lambda g: (-g.weight * (g.need - g.have), g.skill))
    names = ", ".join(f"{kb.skills[g.skill].name} {g.have}/{g.need}" for g in gaps[:limit])
    more = f" and {len(gaps) - limit} more" if len(gaps) > limit else ""
    return f"Largest gaps for {kb.roles[result.plan.target].name}: {names}{more}."


def closing(kb: KnowledgeBase, plan: Plan, timeline: Schedule) -> str:
    """The last line: when the target is met, how many hours, and the typical years on the way."""
    target = kb.roles[plan.target].name
    line = f"{target} about {month(timeline.finish)}: {number(plan.total_hours)} h of study at {timeline.hours_per_week:g} h/week"
    if plan.hours_for_rungs:
        line += f" ({number(plan.hours_direct)} h for {target} alone, as match counts)"
    if plan.route_years:
        line += f", typically {years(plan.route_years)} on the way"
    return line + "."
