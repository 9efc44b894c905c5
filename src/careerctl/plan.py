"""Readiness, gaps and the ranked learning plan: which skill level to learn next, in what order.

A step raises one skill by one level. Its value is the readiness it adds to the target, plus
half the readiness it adds to each role between the current role and the target on the
cheapest route (the horizon). A step whose prerequisites are not met is blocked: it passes
its value, split equally, to the next level of each unmet prerequisite (and on down, if those
are blocked too). The plan repeatedly applies the available step with the most value per
hour (then the most value, then the lowest skill id) until the target is fully met.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Iterable
from dataclasses import dataclass, replace

from careerctl.errors import NoResult, UnknownName
from careerctl.model import LEVEL_MAX, KnowledgeBase, Levels, Role, Skill
from careerctl.route import Route, find_route

INTERMEDIATE_FACTOR = 0.5
"""How much readiness for a role between current and target counts, next to the target's."""
TIE_TOLERANCE = 1e-9
"""Relative difference under which two step scores count as equal."""


@dataclass(slots=True, frozen=True)
class StepResource:
    """Something to read, take or practise for a step."""

    title: str
    kind: str
    url: str | None


@dataclass(slots=True, frozen=True)
class Step:
    """One skill raised by one level, in plan order, with why it is worth doing now."""

    rank: int
    skill: str
    from_level: int
    to_level: int
    hours: int
    cumulative_hours: int
    readiness_after: float
    gain: float
    why: str
    also_needed_by: list[str]
    unblocks: list[str]
    resource: StepResource | None


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
    """An ordered learning sequence towards a target role."""

    target: str
    current: str | None
    horizon: list[str]
    readiness: float
    steps: list[Step]
    total_hours: int
    readiness_after: float
    gaps: list[Gap]


@dataclass(slots=True)
class _Values:
    """Where value flows past blocked steps at one point of the plan.

    `flowing`: the blocked skills and the prerequisites they pass value to; `value`: the
    available ones among those, with their own and passed value; `passed_by`: who passed it.
    Every other skill with a direct value is available and worth just that.
    """

    value: dict[str, float]
    passed_by: dict[str, list[str]]
    flowing: set[str]


def readiness(role: Role, levels: Levels) -> float:
    """Share of the role's weighted requirements the levels meet, from 0 to 1."""
    met, total = _readiness_parts(role, levels)
    return met / total if total else 1.0


def find_gaps(kb: KnowledgeBase, role: Role, levels: Levels) -> list[Gap]:
    """The role's requirements the levels fall short of, by category then skill."""
    gaps = [
        Gap(
            r.skill,
            kb.skills[r.skill].category,
            levels.get(r.skill, 0),
            r.level,
            r.weight,
        )
        for r in role.requirements
        if levels.get(r.skill, 0) < r.level
    ]
    return sorted(gaps, key=lambda g: (g.category, g.skill))


def find_horizon(
    kb: KnowledgeBase, target_id: str, levels: Levels, current_id: str | None = None
) -> list[str]:
    """Roles strictly between current and target on the cheapest route, then the target."""
    if current_id is None or current_id == target_id:
        return [target_id]
    try:
        route = find_route(kb, current_id, target_id, levels)
    except NoResult:
        return [target_id]
    return route.roles[1:]


def build_plan(
    kb: KnowledgeBase,
    target_id: str,
    levels: Levels,
    current_id: str | None = None,
    top: int | None = None,
    *,
    stack: str | None = None,
) -> Plan:
    """The ranked steps that take `levels` to meet the target role (at most `top` of them).

    Each step's resource is one for the person's `stack` (python, java ...) where the KB has one.
    """
    for role_id in (target_id, current_id):
        if role_id is not None and role_id not in kb.roles:
            raise UnknownName("role", role_id, [])
    target = kb.roles[target_id]
    horizon = find_horizon(kb, target_id, levels, current_id)
    planner = _Planner(kb, target, [kb.roles[r] for r in horizon[:-1]], levels)
    steps = planner.run(top)
    if stack is not None:
        steps = [replace(s, resource=_resource(kb.skills[s.skill], s.to_level, stack)) for s in steps]
    return Plan(
        target=target_id,
        current=current_id,
        horizon=horizon,
        readiness=readiness(target, levels),
        steps=steps,
        total_hours=steps[-1].cumulative_hours if steps else 0,
        readiness_after=readiness(target, planner.levels),
        gaps=find_gaps(kb, target, levels),
    )


def route_there(kb: KnowledgeBase, plan: Plan, levels: Levels) -> Route | None:
    """The cheapest route from the plan's current role to its target; None when there is none."""
    if plan.current is None or plan.current == plan.target:
        return None
    try:
        return find_route(kb, plan.current, plan.target, levels)
    except NoResult:
        return None


def weeks_to_meet(plan: Plan, hours_per_week: float) -> float:
    """Weeks the plan takes at `hours_per_week`."""
    if hours_per_week <= 0:
        raise ValueError("hours_per_week must be positive")
    return plan.total_hours / hours_per_week


def _readiness_parts(role: Role, levels: Levels) -> tuple[int, int]:
    """Weighted levels met and weighted levels required, as integers."""
    met = total = 0
    for r in role.requirements:
        met += r.weight * min(levels.get(r.skill, 0), r.level)
        total += r.weight * r.level
    return met, total


class _Planner:
    """Greedy step selection over a mutable copy of the person's levels.

    A step changes one skill's level, so the planner keeps what only that can change, and
    updates it for that skill alone: each skill's direct value (summed over the horizon in role
    order, as floats must be to stay equal), its value per hour, the skills that are blocked,
    their unmet prerequisites and the hours of each next level. An ESCO-sized plan has a
    thousand steps over a thousand skills.
    """

    def __init__(self, kb: KnowledgeBase, target: Role, between: list[Role], levels: Levels) -> None:
        self.kb = kb
        self.target = target
        self.between = between
        self.levels: dict[str, int] = {s: lvl for s, lvl in levels.items() if lvl > 0}
        self.roles = [(target, 1.0), *((r, INTERMEDIATE_FACTOR) for r in between)]
        self._prereqs: dict[tuple[str, int], list[tuple[str, int]]] = {}
        self._between_needs = [(r.id, r.required()) for r in between]
        self._unmet: dict[str, list[tuple[str, int]] | None] = {}  # until the skill or a prerequisite rises
        self._needed_by: dict[str, set[str]] = {}  # prerequisite -> skills whose cached unmet names it
        self._hours: dict[str, int] = {}  # hours of each skill's next level, until it rises
        self._met, self._total = _readiness_parts(target, self.levels)
        self._target_needs: dict[str, list[tuple[int, int]]] = {}
        for r in target.requirements:
            self._target_needs.setdefault(r.skill, []).append((r.level, r.weight))
        self._shares = self._shares_by_skill()
        self._direct: dict[str, float] = {}  # skills some horizon role needs higher: their direct value
        self._per_hour: dict[str, float] = {}  # the same, per hour of the next level
        self._blocked: set[str] = set()  # those of them whose next level has unmet prerequisites
        for skill in self._shares:
            self._revalue(skill)

    def run(self, top: int | None) -> list[Step]:
        """Apply the best step until the target is met or `top` steps are taken."""
        steps: list[Step] = []
        hours = 0
        while self._met < self._total and (top is None or len(steps) < top):
            values = self.value_steps()
            skill = self.pick(values)
            if skill is None:
                raise NoResult(self.explain_stuck())
            step = self.apply(skill, values, len(steps) + 1, hours)
            hours = step.cumulative_hours
            steps.append(step)
        return steps

    def level(self, skill: str) -> int:
        """The current level of `skill`."""
        return self.levels.get(skill, 0)

    def unmet(self, skill: str) -> list[tuple[str, int]] | None:
        """Unmet prerequisites of the next level of `skill`; None if it cannot rise at all."""
        if skill in self._unmet:
            return self._unmet[skill]
        nxt = self.level(skill) + 1
        if nxt > LEVEL_MAX:
            return None
        key = (skill, nxt)
        needed = self._prereqs.get(key)
        if needed is None:
            needed = sorted(self.kb.skills[skill].prerequisites(nxt).items())
            self._prereqs[key] = needed
        for p, _ in needed:
            self._needed_by.setdefault(p, set()).add(skill)
        found = self._unmet[skill] = [(p, lvl) for p, lvl in needed if self.level(p) < lvl]
        return found

    def _raised(self, skill: str) -> None:
        """Bring up to date what depended on the level of `skill`, which just rose."""
        self._hours.pop(skill, None)
        affected = {skill, *self._needed_by.pop(skill, ())}
        for other in affected:
            self._unmet.pop(other, None)
        self._revalue(skill)
        for other in affected - {skill}:
            self._reblock(other)

    def _shares_by_skill(self) -> dict[str, list[tuple[int, float]]]:
        """Per skill, in role order: the level each horizon role requires and the value it adds while unmet."""
        shares: dict[str, list[tuple[int, float]]] = {}
        for role, factor in self.roles:
            total = sum(r.weight * r.level for r in role.requirements)
            for r in role.requirements:
                if r.level > 0:
                    shares.setdefault(r.skill, []).append((r.level, factor * r.weight / total))
        return shares

    def _revalue(self, skill: str) -> None:
        """Recompute one skill's direct value and value per hour, and whether it is blocked."""
        have, value, unmet = self.level(skill), 0.0, False
        for need, share in self._shares.get(skill, ()):
            if have < need:
                value, unmet = value + share, True
        if unmet:
            hours = self.step_hours(skill)
            self._direct[skill] = value
            self._per_hour[skill] = value / hours if hours else math.inf
        else:
            self._direct.pop(skill, None)
            self._per_hour.pop(skill, None)
        self._reblock(skill)

    def _reblock(self, skill: str) -> None:
        """Note whether a skill with a direct value has unmet prerequisites for its next level."""
        if skill in self._direct and self.unmet(skill) != []:
            self._blocked.add(skill)
        else:
            self._blocked.discard(skill)

    def value_steps(self) -> _Values:
        """Where value flows past blocked steps: each passes its value to the prerequisites it waits for."""
        edges = self.blocked_edges()
        flowing = set(edges).union(*edges.values())
        total = {skill: self._direct[skill] for skill in flowing if skill in self._direct}
        values = _Values({}, {}, flowing)
        # Value flows in topological order (the order its sums are taken in); skills outside
        # the flow cannot change that order among those inside.
        for skill in _topological(edges, edges):
            amount = total.get(skill, 0.0)
            if amount <= 0:
                continue
            targets = edges.get(skill)
            if targets is None:
                values.value[skill] = amount
                continue
            for p in targets:
                total[p] = total.get(p, 0.0) + amount / len(targets)
                values.passed_by.setdefault(p, []).append(skill)
        return values

    def blocked_edges(self) -> dict[str, list[str]]:
        """For each blocked skill, and each blocked prerequisite it waits for, the skills it passes value to."""
        edges: dict[str, list[str]] = {}
        stack = sorted(self._blocked)
        seen: set[str] = set()
        while stack:
            skill = stack.pop()
            unmet = self.unmet(skill)
            if unmet == []:
                continue
            edges[skill] = [p for p, _ in unmet or []]
            for p in edges[skill]:
                if p not in self._direct and p not in seen:
                    seen.add(p)
                    stack.append(p)
        return edges

    def pick(self, values: _Values) -> str | None:
        """The best available step: most value per hour, then most value, then lowest id."""
        per_hour = self._per_hour  # every skill with a direct value, but those in the flow ...
        if values.flowing:  # ... are scored by the value they hold after it
            per_hour = {s: v for s, v in per_hour.items() if s not in values.flowing}
            for skill, value in values.value.items():
                hours = self.step_hours(skill)
                per_hour[skill] = value / hours if hours else math.inf
        if not per_hour:
            return None
        best = _nearly_best(per_hour)
        return min(_nearly_best({s: values.value[s] if s in values.value else self._direct[s] for s in best}))

    def step_hours(self, skill: str) -> int:
        """Hours of the next level of `skill`."""
        hours = self._hours.get(skill)
        if hours is None:
            hours = self._hours[skill] = self.kb.skills[skill].hours(self.level(skill) + 1)
        return hours

    def apply(self, skill: str, values: _Values, rank: int, hours_before: int) -> Step:
        """Raise `skill` by one level and describe the step."""
        met_before, total = self._met, self._total
        have = self.level(skill)
        also = [role_id for role_id, needs in self._between_needs if needs.get(skill, 0) > have]
        unblocks = sorted(values.passed_by.get(skill, []))
        why = self.explain(skill, unblocks, also, have)
        hours = self.step_hours(skill)
        self.levels[skill] = have + 1
        self._raised(skill)
        self._met += sum(weight for need, weight in self._target_needs.get(skill, ()) if have < need)
        met_after = self._met
        return Step(
            rank=rank,
            skill=skill,
            from_level=have,
            to_level=have + 1,
            hours=hours,
            cumulative_hours=hours_before + hours,
            readiness_after=met_after / total if total else 1.0,
            gain=(met_after - met_before) / total if total else 0.0,
            why=why,
            also_needed_by=also,
            unblocks=unblocks,
            resource=_resource(self.kb.skills[skill], have + 1),
        )

    def explain(self, skill: str, unblocks: list[str], also: list[str], have: int) -> str:
        """A short sentence that says why the step is worth taking."""
        parts = []
        need = self.target.required().get(skill, 0)
        if need > have:
            total = sum(r.weight * r.level for r in self.target.requirements)
            weight = next(r.weight for r in self.target.requirements if r.skill == skill)
            parts.append(f"+{100 * weight / total:.1f}% readiness for {self.target.name}")
        if also:
            names = ", ".join(self.kb.roles[r].name for r in also)
            parts.append(f"{'also needed' if parts else 'needed'} by {names}")
        if unblocks:
            names = ", ".join(f"{self.kb.skills[s].name} {self.level(s) + 1}" for s in unblocks)
            parts.append(f"unblocks {names}")
        return "; ".join(parts)

    def explain_stuck(self) -> str:
        """Why no step can move towards the target."""
        blocked = sorted(r.skill for r in self.target.requirements if self.level(r.skill) < r.level)
        skill = self.kb.skills[blocked[0]]
        return (
            f"No plan can meet {self.target.name}: {skill.name} {self.level(skill.id) + 1} "
            "needs prerequisites that cannot be reached in this knowledge base."
        )


def _nearly_best(scores: dict[str, float]) -> list[str]:
    """Keys whose score is the highest, allowing for float noise (so ids can break ties)."""
    top = max(scores.values())
    floor = top if math.isinf(top) else top - TIE_TOLERANCE * abs(top)
    return [s for s, score in scores.items() if score >= floor]


def _topological(seeds: Iterable[str], edges: dict[str, list[str]]) -> list[str]:
    """Skills ordered so that each comes after every skill that passes value to it."""
    indegree: dict[str, int] = {s: 0 for s in seeds}
    for targets in edges.values():
        for p in targets:
            indegree[p] = indegree.get(p, 0) + 1
    for s in edges:
        indegree.setdefault(s, 0)
    ready = [s for s, d in indegree.items() if d == 0]
    heapq.heapify(ready)  # the lowest id that is ready comes next
    order: list[str] = []
    while ready:
        skill = heapq.heappop(ready)
        order.append(skill)
        for p in edges.get(skill, []):
            indegree[p] -= 1
            if indegree[p] == 0:
                heapq.heappush(ready, p)
    return order  # skills on a prerequisite cycle are left out: their value cannot flow


def _resource(skill: Skill, level: int, stack: str | None = None) -> StepResource | None:
    """The resource for reaching `level` of `skill` (of the person's stack first), if it lists any."""
    found = skill.resource_for(level, stack)
    return StepResource(found.title, found.kind, found.url) if found else None
