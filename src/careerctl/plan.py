"""Readiness, gaps and the learning plan: phases by rung, ranked steps, and a dated schedule.

A plan to a target walks the best route (route.py) from the current role to it, one rung at a time,
nearest first. Each rung not yet fully met is a **phase**: the steps that meet it fully, and
only those (every level it requires, and every prerequisite those levels need). A step raises
one skill by one level; the levels a phase reaches carry into the next.

Inside a phase, the next step is the available one with the highest **priority**: first the
weight the rung gives the skill (its importance, 1..5), then the levels it is still short of
the rung's requirement (the larger gap first), then fewer hours, then the lower skill id. A
step whose prerequisites are not met is blocked: it lends its priority to the next level of
each prerequisite it waits for (and on down), and a prerequisite takes the highest priority
lent to it when that beats its own. Hours only break ties: every step of a phase has to be
taken to meet the rung, so the order decides what comes first, and what matters most does.

`schedule` turns a plan into calendar blocks of `focus` skills at a time, at a pace in hours
per week, from a start date, and dates each phase: no sooner than its study is done, and no
sooner than the typical years in the rungs before it.
"""

from __future__ import annotations

from calendar import monthrange
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Literal

from careerctl.climb import Climber, hours_to_meet, is_met
from careerctl.errors import NoResult, UnknownName
from careerctl.i18n import _
from careerctl.model import LEVEL_MAX, KnowledgeBase, Levels, Role, Skill
from careerctl.route import Route, find_route
from careerctl.text import percent

CENTURY_DAYS = 36525
"""Dates further than this are not dates a person plans by: they stand as `date.max`."""
DEFAULT_FOCUS = 3
"""How many skills a person works on at the same time, unless told otherwise."""

SetBy = Literal["study", "time-in-role"]
_Key = tuple[int, int]  # (weight, levels short): the priority a blocked step lends


@dataclass(slots=True, frozen=True)
class StepResource:
    """Something to read, take or practise for a step."""

    title: str
    kind: str
    url: str | None


@dataclass(slots=True, frozen=True)
class Step:
    """One skill raised by one level, in plan order, with why it comes now.

    `readiness_after` and `gain` are for the rung of the step's phase; `target_readiness_after`
    and `target_gain` for the plan's target. `weight` and `levels_short` are the priority that
    ranked it, lent by the blocked step `priority_from` when that is not None.
    """

    rank: int
    phase: str
    skill: str
    from_level: int
    to_level: int
    hours: int
    cumulative_hours: int
    readiness_after: float
    gain: float
    target_readiness_after: float
    target_gain: float
    weight: int
    levels_short: int
    priority_from: str | None
    why: str
    also_needed_by: list[str]
    unblocks: list[str]
    resource: StepResource | None


@dataclass(slots=True, frozen=True)
class Phase:
    """The steps that fully meet one rung of the route, after the phases before it."""

    role: str
    readiness: float
    readiness_start: float
    first_rank: int
    steps_total: int
    hours: int
    cumulative_hours: int
    years: float | None
    after: str | None


@dataclass(slots=True, frozen=True)
class Gap:
    """A target requirement the person does not meet yet."""

    skill: str
    category: str
    have: int
    need: int
    weight: int


@dataclass(slots=True, frozen=True)
class Plan:
    """Phases of ranked steps towards a target role.

    `steps` holds the first `top` steps (all when no `top` was asked); `steps_total`,
    `total_hours` and `readiness_after` always describe the whole plan, `shown_hours` and
    `shown_readiness_after` the steps shown. `hours_direct` is the hours to meet the target
    alone from the person's levels (what `match` counts); `total_hours` also meets every rung on
    the way, so it is larger by `hours_for_rungs`.
    """

    target: str
    current: str | None
    horizon: list[str]
    readiness: float
    phases: list[Phase]
    steps: list[Step]
    steps_total: int
    truncated: bool
    total_hours: int
    readiness_after: float
    shown_hours: int
    shown_readiness_after: float
    hours_direct: int
    hours_for_rungs: int
    gaps: list[Gap]
    route_years: float | None = None
    all_steps: list[Step] = field(default_factory=list, repr=False)


@dataclass(slots=True, frozen=True)
class BlockItem:
    """One skill in focus during a block, and the levels it climbs in it."""

    skill: str
    from_level: int
    to_level: int


@dataclass(slots=True, frozen=True)
class Block:
    """A stretch of weeks spent on at most `focus` skills of one phase."""

    phase: str
    start: date
    end: date
    hours: int
    items: list[BlockItem]


@dataclass(slots=True, frozen=True)
class PhaseDate:
    """When a phase's rung is met: the later of its study and the typical time in the rungs before it."""

    role: str
    study_done: date
    in_role_done: date | None
    met: date
    set_by: SetBy


@dataclass(slots=True, frozen=True)
class Schedule:
    """The plan on the calendar, at `hours_per_week`, `focus` skills at a time, from `start`."""

    start: date
    hours_per_week: float
    focus: int
    blocks: list[Block]
    phases: list[PhaseDate]
    finish: date


def readiness(role: Role, levels: Levels) -> float:
    """Share of the role's weighted requirements the levels meet, from 0 to 1."""
    met, total = _readiness_parts(role, levels)
    return met / total if total else 1.0


def find_gaps(kb: KnowledgeBase, role: Role, levels: Levels) -> list[Gap]:
    """The role's requirements the levels fall short of, by category then skill."""
    gaps = [
        Gap(r.skill, kb.skills[r.skill].category, levels.get(r.skill, 0), r.level, r.weight)
        for r in role.needed()
        if levels.get(r.skill, 0) < r.level
    ]
    return sorted(gaps, key=lambda g: (g.category, g.skill))


def build_plan(
    kb: KnowledgeBase,
    target_id: str,
    levels: Levels,
    current_id: str | None = None,
    top: int | None = None,
    *,
    stack: str | None = None,
) -> Plan:
    """The phases and ranked steps that take `levels` to meet the target role; `top` cuts the steps shown.

    Each step's resource is one for the person's `stack` (python, java ...) where the KB has one.
    """
    for role_id in (target_id, current_id):
        if role_id is not None and role_id not in kb.roles:
            raise UnknownName("role", role_id, [])
    target = kb.roles[target_id]
    route: Route | None = None
    rungs: list[str] = []
    years: list[float | None] = []
    if not is_met(target, levels):  # a target already met needs no detour through other roles
        route = _route(kb, target_id, levels, current_id)
        rungs, years = _rungs(kb, route, target_id, current_id)
    planner = _Planner(kb, target, levels, stack)
    phases: list[Phase] = []
    after: str | None = None
    waited = 0.0
    for i, role_id in enumerate(rungs):
        waited += years[i] or 0.0
        role = kb.roles[role_id]
        if is_met(role, planner.levels):
            after = role_id
            continue
        start_ready = readiness(role, planner.levels)
        first = len(planner.steps) + 1
        planner.run_phase(role, [kb.roles[r] for r in rungs[i + 1 :]])
        hours = planner.hours - (phases[-1].cumulative_hours if phases else 0)
        phases.append(
            Phase(
                role=role_id,
                readiness=readiness(role, levels),
                readiness_start=start_ready,
                first_rank=first,
                steps_total=len(planner.steps) - first + 1,
                hours=hours,
                cumulative_hours=planner.hours,
                years=waited if years[i] is not None else None,
                after=after,
            )
        )
        after, waited = role_id, 0.0
    steps = planner.steps
    shown = steps[:top] if top is not None else steps
    direct = hours_to_meet(kb, levels, target.needed())
    return Plan(
        target=target_id,
        current=current_id,
        horizon=route.roles[1:] if route else [target_id],
        readiness=readiness(target, levels),
        phases=phases,
        steps=shown,
        steps_total=len(steps),
        truncated=len(shown) < len(steps),
        total_hours=planner.hours,
        readiness_after=readiness(target, planner.levels),
        shown_hours=shown[-1].cumulative_hours if shown else 0,
        shown_readiness_after=shown[-1].target_readiness_after if shown else readiness(target, levels),
        hours_direct=direct,
        hours_for_rungs=planner.hours - direct,
        gaps=find_gaps(kb, target, levels),
        route_years=route.years if route else None,
        all_steps=steps,
    )


def route_there(kb: KnowledgeBase, plan: Plan, levels: Levels) -> Route | None:
    """The best route from the plan's current role to its target; None when there is none."""
    if plan.current is None or plan.current == plan.target:
        return None
    try:
        return find_route(kb, plan.current, plan.target, levels)
    except NoResult:
        return None


def weeks_to_meet(plan: Plan, hours_per_week: float) -> float:
    """Weeks of study the whole plan takes at `hours_per_week`."""
    if hours_per_week <= 0:
        raise ValueError("hours_per_week must be positive")
    return plan.total_hours / hours_per_week


def schedule(plan: Plan, start: date, hours_per_week: float, focus: int = DEFAULT_FOCUS) -> Schedule:
    """The plan as calendar blocks of at most `focus` skills, and the date each phase is met."""
    if hours_per_week <= 0:
        raise ValueError("hours_per_week must be positive")
    if focus < 1:
        raise ValueError("focus must be at least 1")

    def at(hours: int) -> date:
        days = round(7 * hours / hours_per_week)
        return start + timedelta(days=days) if days <= CENTURY_DAYS else date.max

    blocks = [
        Block(
            group[0].phase,
            at(group[0].cumulative_hours - group[0].hours),
            at(group[-1].cumulative_hours),
            sum(s.hours for s in group),
            _items(group),
        )
        for group in _focus_groups(plan.all_steps, focus)
    ]
    dates: list[PhaseDate] = []
    held = start  # when the person holds the rung before this phase
    for phase in plan.phases:
        study = at(phase.cumulative_hours)
        if phase.years is None:  # the current role, or a target no route leads to
            dates.append(PhaseDate(phase.role, study, None, study, "study"))
            continue
        in_role = add_years(held, phase.years)
        met = max(study, in_role)
        dates.append(
            PhaseDate(phase.role, study, in_role, met, "time-in-role" if in_role > study else "study")
        )
        held = met
    finish = dates[-1].met if dates else start
    return Schedule(start, hours_per_week, focus, blocks, dates, finish)


def add_years(day: date, years: float) -> date:
    """`day` moved on by `years`, counted in whole calendar months (the day clamped to the month's end)."""
    months = day.month - 1 + round(12 * years)
    year, month = day.year + months // 12, months % 12 + 1
    if year > min(day.year + 100, date.max.year):
        return date.max  # past a century: the renderers say "more than 100 years away"
    return date(year, month, min(day.day, monthrange(year, month)[1]))


def _focus_groups(steps: list[Step], focus: int) -> list[list[Step]]:
    """Consecutive steps of one phase, cut so that no group holds more than `focus` skills."""
    groups: list[list[Step]] = []
    skills: set[str] = set()
    for step in steps:
        if groups and groups[-1][0].phase == step.phase and (step.skill in skills or len(skills) < focus):
            groups[-1].append(step)
            skills.add(step.skill)
        else:
            groups.append([step])
            skills = {step.skill}
    return groups


def _items(group: list[Step]) -> list[BlockItem]:
    """Each skill of a block, in the order it first comes, from its first level to its last."""
    found: dict[str, BlockItem] = {}
    for s in group:
        old = found.get(s.skill)
        found[s.skill] = BlockItem(s.skill, old.from_level if old else s.from_level, s.to_level)
    return list(found.values())


def _route(kb: KnowledgeBase, target_id: str, levels: Levels, current_id: str | None) -> Route | None:
    """The best route from current to target standing on `levels`; None without one."""
    if current_id is None or current_id == target_id:
        return None
    try:
        return find_route(kb, current_id, target_id, levels)
    except NoResult:
        return None


def _rungs(
    kb: KnowledgeBase, route: Route | None, target_id: str, current_id: str | None
) -> tuple[list[str], list[float | None]]:
    """The rungs to plan for, nearest first, with the typical years in the rung before each.

    The current role comes first (it may not be fully met yet), then every rung of the route.
    Without a route, the target follows the current role with no known years.
    """
    rungs: list[str] = [current_id] if current_id is not None else []
    years: list[float | None] = [None] * len(rungs)
    if route is not None:
        rungs += [leg.to_role for leg in route.legs]
        years += [leg.years for leg in route.legs]
    elif target_id != current_id:
        rungs.append(target_id)
        years.append(None)
    return rungs, years


def _readiness_parts(role: Role, levels: Levels) -> tuple[int, int]:
    """Weighted levels met and weighted levels required, as integers."""
    met = total = 0
    for r in role.needed():
        met += r.weight * min(levels.get(r.skill, 0), r.level)
        total += r.weight * r.level
    return met, total


class _Planner:
    """Greedy step selection, phase after phase, over a mutable copy of the person's levels."""

    def __init__(self, kb: KnowledgeBase, target: Role, levels: Levels, stack: str | None = None) -> None:
        self.kb = kb
        self.stack = stack
        self.target = target
        self.levels: dict[str, int] = {s: lvl for s, lvl in levels.items() if lvl > 0}
        self.climber = Climber(kb)
        self.steps: list[Step] = []
        self.hours = 0
        self.target_tally = _Tally(target, self.levels)

    def level(self, skill: str) -> int:
        """The current level of `skill`."""
        return self.levels.get(skill, 0)

    def run_phase(self, role: Role, later: list[Role]) -> None:
        """Take steps until `role` is fully met."""
        tally = _Tally(role, self.levels)
        later_needs = [(r.id, {q.skill: q.level for q in r.needed()}) for r in later]
        while tally.met < tally.total:
            own = self.own_keys(tally.needs)
            picked = self.pick(own)
            if picked is None:
                raise NoResult(self.explain_stuck(role))
            skill, key, source, blocked = picked
            self.apply(skill, key, source, blocked, tally, later_needs)

    def own_keys(self, needs: dict[str, list[tuple[int, int]]]) -> dict[str, _Key]:
        """Each skill the rung still needs higher: its weight, and the levels it is short."""
        keys: dict[str, _Key] = {}
        for skill, reqs in needs.items():
            have = self.level(skill)
            short = [(weight, level - have) for level, weight in reqs if level > have]
            if short:
                keys[skill] = max(short)
        return keys

    def unmet(self, skill: str) -> list[tuple[str, int]] | None:
        """Unmet prerequisites of the next level of `skill`; None if it cannot rise at all."""
        nxt = self.level(skill) + 1
        if nxt > LEVEL_MAX:
            return None
        return [(p, lvl) for p, lvl in self.climber.prerequisites(skill, nxt) if self.level(p) < lvl]

    def pick(self, own: dict[str, _Key]) -> tuple[str, _Key, str | None, set[str]] | None:
        """The best available step: its skill, its priority, whose priority it carries,
        and the blocked skills that lent theirs."""
        best: dict[str, tuple[_Key, str]] = {}
        blocked: set[str] = set()
        for skill, key in own.items():
            if self.unmet(skill) == []:
                best[skill] = (key, skill)
        # A blocked step lends its key down its unmet prerequisites; the highest key lent wins,
        # and among equal keys the first lender in priority, then id, order.
        for skill in sorted(own, key=lambda s: (-own[s][0], -own[s][1], s)):
            if skill not in best:
                self._lend(skill, own[skill], skill, best, blocked)
        if not best:
            return None
        skill = min(best, key=lambda s: (-best[s][0][0], -best[s][0][1], self.step_hours(s), s))
        key, source = best[skill]
        return skill, key, None if source == skill else source, blocked

    def _lend(
        self, skill: str, key: _Key, source: str, best: dict[str, tuple[_Key, str]], blocked: set[str]
    ) -> None:
        """Give `key` to the next step of `skill` if available, else to what it waits for."""
        unmet = self.unmet(skill)
        if unmet is None:
            return
        if not unmet:
            old = best.get(skill)
            if old is None or key > old[0]:
                best[skill] = (key, source)
            return
        if skill in blocked:
            return  # already passed on by a lender with a key at least as high (or a cycle)
        blocked.add(skill)
        for p, _need in unmet:
            self._lend(p, key, source, best, blocked)

    def step_hours(self, skill: str) -> int:
        """Hours of the next level of `skill`."""
        return self.kb.skills[skill].hours(self.level(skill) + 1)

    def apply(
        self,
        skill: str,
        key: _Key,
        source: str | None,
        blocked: set[str],
        tally: _Tally,
        later: list[tuple[str, dict[str, int]]],
    ) -> None:
        """Raise `skill` by one level and record the step."""
        role = tally.role
        have = self.level(skill)
        hours = self.step_hours(skill)
        before, target_before = tally.share(), self.target_tally.share()
        waiting = [s for s in blocked if any(p == skill for p, _ in self.unmet(s) or ())]
        self.levels[skill] = have + 1
        self.hours += hours
        tally.rise(skill, have)
        self.target_tally.rise(skill, have)
        unblocks = sorted(s for s in waiting if self.unmet(s) == [])
        after = tally.share()
        also = [role_id for role_id, needs in later if needs.get(skill, 0) > have]
        self.steps.append(
            Step(
                rank=len(self.steps) + 1,
                phase=role.id,
                skill=skill,
                from_level=have,
                to_level=have + 1,
                hours=hours,
                cumulative_hours=self.hours,
                readiness_after=after,
                gain=after - before,
                target_readiness_after=self.target_tally.share(),
                target_gain=self.target_tally.share() - target_before,
                weight=key[0],
                levels_short=key[1],
                priority_from=source,
                why=self.explain(role, after - before, also, unblocks, source),
                also_needed_by=also,
                unblocks=unblocks,
                resource=_resource(self.kb.skills[skill], have + 1, self.stack),
            )
        )

    def explain(
        self, role: Role, gain: float, also: list[str], unblocks: list[str], source: str | None
    ) -> str:
        """A short sentence that says why the step is worth taking."""
        parts = []
        if gain > 0:
            parts.append(_("+{gain} readiness for {role}").format(gain=percent(gain, 1), role=role.name))
        if unblocks:
            names = ", ".join(f"{self.kb.skills[s].name} {self.level(s) + 1}" for s in unblocks)
            parts.append(_("unblocks {skills}").format(skills=names))
        elif source is not None and gain <= 0:
            before = f"{self.kb.skills[source].name} {self.level(source) + 1}"
            parts.append(_("needed before {skill}").format(skill=before))
        if also:
            names = ", ".join(self.kb.roles[r].name for r in also)
            by = _("also needed by {roles}") if parts else _("needed by {roles}")
            parts.append(by.format(roles=names))
        return "; ".join(parts)

    def explain_stuck(self, role: Role) -> str:
        """Why no step can move towards the rung."""
        blocked = sorted(r.skill for r in role.needed() if self.level(r.skill) < r.level)
        skill = self.kb.skills[blocked[0]]
        return (
            f"No plan can meet {role.name}: {skill.name} {self.level(skill.id) + 1} "
            "needs prerequisites that cannot be reached in this knowledge base."
        )


class _Tally:
    """A role's readiness kept as whole numbers while levels rise one step at a time."""

    def __init__(self, role: Role, levels: Levels) -> None:
        self.role = role
        self.needs = _needs(role)
        self.met, self.total = _readiness_parts(role, levels)

    def rise(self, skill: str, have: int) -> None:
        """Count one level of `skill` climbed from `have`."""
        self.met += sum(weight for level, weight in self.needs.get(skill, ()) if level > have)

    def share(self) -> float:
        """Readiness now, from 0 to 1."""
        return self.met / self.total if self.total else 1.0


def _needs(role: Role) -> dict[str, list[tuple[int, int]]]:
    """Per skill the role requires: its (level, weight) entries (a role may list a skill twice)."""
    needs: dict[str, list[tuple[int, int]]] = {}
    for r in role.needed():
        if r.level > 0:
            needs.setdefault(r.skill, []).append((r.level, r.weight))
    return needs


def _resource(skill: Skill, level: int, stack: str | None = None) -> StepResource | None:
    """The resource for reaching `level` of `skill` (of the person's stack first), if it lists any."""
    found = skill.resource_for(level, stack)
    return StepResource(found.title, found.kind, found.url) if found else None
