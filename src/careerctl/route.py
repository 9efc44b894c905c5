"""Routes through the role graph: the cheapest chains of transitions from one role to another.

Roles are nodes and each role's `next` transitions are edges. The cost of an edge A -> B is
the hours needed to raise every skill B requires from its level "at A" to the level B
requires: the sum of `Skill.hours(l)` for each level l climbed, 0 for a skill already there.
"At A" is the level A requires (0 when A does not require the skill). When the person's own
levels are given, the first edge starts from them, and every later rung stands on the higher
of the person's level and the rung's requirement: nobody unlearns a skill by taking a role.

Only the skills B requires are counted: prerequisites of those skills that B does not
require add no hours to the edge (the plan, not the route, sequences prerequisites).

The cheapest route is found with Dijkstra, ties broken by fewer hops and then by the
sequence of role ids; alternatives are Yen's k shortest simple paths in the same order.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate, pairwise
from typing import Any, cast

from careerctl.errors import InputError, NoResult, UnknownName
from careerctl.kb.yamlio import clip
from careerctl.model import KnowledgeBase, Levels, Role, Skill

Path = tuple[str, ...]
Edge = tuple[str, str]
_Entry = tuple[int, int, Path]  # (hours, hops, roles): the order routes are ranked in
MAX_ALTERNATIVES = 20
"""The most alternative routes `path --alternatives K` searches for."""
SEARCH_BUDGET = 5_000_000
"""Edge visits the alternative-route search may make in all: ten seconds or so at worst, where
twenty alternatives on the real ESCO KB take up to 3.3 million."""


@dataclass(slots=True, frozen=True)
class Raise:
    """One skill a leg raises, from one level to a higher one, and the hours that takes."""

    skill: str
    from_level: int
    to_level: int
    hours: int


@dataclass(slots=True, frozen=True)
class Leg:
    """One transition of a route, with the skills it raises."""

    from_role: str
    to_role: str
    years: float
    hours: int
    raises: list[Raise]


@dataclass(slots=True, frozen=True)
class Route:
    """A chain of roles from a source to a target, with its legs and totals."""

    roles: list[str]
    legs: list[Leg]
    hours: int
    years: float


def hours_to_raise(skill: Skill, from_level: int, to_level: int) -> int:
    """Hours to take `skill` from `from_level` up to `to_level` (0 if already there)."""
    if to_level <= from_level:
        return 0
    return sum(skill.effort[max(from_level, 0) : to_level])


class _Graph:
    """The role graph as seen from one source, with edge costs computed once and cached."""

    def __init__(self, kb: KnowledgeBase, source: str, levels: Levels | None) -> None:
        self.kb = kb
        self.source = source
        self.levels = None if levels is None else {s: max(0, v) for s, v in levels.items()}
        self._required: dict[str, dict[str, int]] = {}
        self._costs: dict[Edge, int] = {}
        self._next: dict[str, list[tuple[str, float]]] = {}
        self._needs: dict[str, tuple[int, dict[str, int], bool]] = {}
        self._climbs: dict[str, tuple[int, ...]] = {}
        self._out: dict[str, list[tuple[str, int]]] = {}
        self._standing: dict[str, dict[str, int]] = {}

    def successors(self, role_id: str) -> list[tuple[str, float]]:
        """Distinct roles reachable in one transition, by id, with their typical years."""
        found = self._next.get(role_id)
        if found is None:
            found = sorted(transitions_from(self.kb, role_id).items())
            self._next[role_id] = found
        return found

    def out(self, role_id: str) -> list[tuple[str, int]]:
        """Distinct roles reachable in one transition, by id, with the hours of each edge."""
        found = self._out.get(role_id)
        if found is None:
            found = [(b, self.cost(role_id, b)) for b, _ in self.successors(role_id)]
            self._out[role_id] = found
        return found

    def start_levels(self, role_id: str) -> Levels:
        """The levels a route stands on when it leaves `role_id`.

        The person's own levels at the start; at later rungs, what that rung requires, or more
        where the person already has more (nobody unlearns a skill by taking a role).
        """
        if self.levels is None:
            return self.required(role_id)
        if role_id == self.source:
            return self.levels
        found = self._standing.get(role_id)
        if found is None:
            found = dict(self.levels)
            for skill, level in self.required(role_id).items():
                found[skill] = max(found.get(skill, 0), level)
            self._standing[role_id] = found
        return found

    def required(self, role_id: str) -> dict[str, int]:
        """The level the role requires of each skill."""
        found = self._required.get(role_id)
        if found is None:
            found = self.kb.roles[role_id].required()
            self._required[role_id] = found
        return found

    def cost(self, a: str, b: str) -> int:
        """Hours of the edge a -> b."""
        found = self._costs.get((a, b))
        if found is None:
            start = self.start_levels(a)
            found, needs, once = self.needs(b)
            if once:
                # From the hours to meet b from nothing, take off what the levels at a already
                # climbed: only the skills both share count (ESCO roles require ~50 skills each).
                climbs = self._climbs
                for skill in needs.keys() & start.keys():
                    have, need = start[skill], needs[skill]
                    found -= climbs[skill][have if have < need else need]
            else:  # b lists a skill twice: count each entry, as the docstring of this module says
                found = sum(
                    self.climb(r.skill)[r.level] - self.climb(r.skill)[min(start.get(r.skill, 0), r.level)]
                    for r in self.kb.roles[b].requirements
                )
            self._costs[(a, b)] = found
        return found

    def needs(self, role_id: str) -> tuple[int, dict[str, int], bool]:
        """Hours to meet the role from nothing, the level it requires of each skill, and whether
        it lists each skill once."""
        found = self._needs.get(role_id)
        if found is None:
            requirements = self.kb.roles[role_id].requirements
            hours = sum(self.climb(r.skill)[r.level] for r in requirements)
            levels = self.required(role_id)
            found = self._needs[role_id] = hours, levels, len(levels) == len(requirements)
        return found

    def climb(self, skill_id: str) -> tuple[int, ...]:
        """Hours to reach each level of the skill from 0 (index = level)."""
        found = self._climbs.get(skill_id)
        if found is None:
            found = tuple(accumulate(self.kb.skills[skill_id].effort, initial=0))
            self._climbs[skill_id] = found
        return found

    def raises(self, a: str, b: str) -> list[Raise]:
        """The skills the edge a -> b raises, by skill id."""
        start = self.start_levels(a)
        found = []
        for req in sorted(self.kb.roles[b].requirements, key=lambda r: r.skill):
            have = start.get(req.skill, 0)
            if req.level > have:
                hours = hours_to_raise(self.kb.skills[req.skill], have, req.level)
                found.append(Raise(req.skill, have, req.level, hours))
        return found

    def path_cost(self, path: Path) -> int:
        """Hours of a whole path."""
        return sum(self.cost(a, b) for a, b in pairwise(path))

    def route(self, path: Path) -> Route:
        """The Route for a path of role ids."""
        legs = [self.leg(a, b) for a, b in pairwise(path)]
        # rounded so that 0.1 + 0.2 years does not print as 0.30000000000000004
        years = round(sum((leg.years for leg in legs), 0.0), 6)
        return Route(list(path), legs, sum(leg.hours for leg in legs), years)

    def leg(self, a: str, b: str) -> Leg:
        """The Leg for the edge a -> b."""
        raises = self.raises(a, b)
        years = float(dict(self.successors(a))[b])
        return Leg(a, b, years, sum(r.hours for r in raises), raises)


def transitions_from(kb: KnowledgeBase, role_id: str) -> dict[str, float]:
    """Roles one transition away from `role_id` (known roles only, not itself), with years."""
    found: dict[str, float] = {}
    for move in kb.roles[role_id].next:
        if move.role in kb.roles and move.role != role_id:
            found[move.role] = min(found.get(move.role, move.years), move.years)
    return found


def find_route(kb: KnowledgeBase, source_id: str, target_id: str, levels: Levels | None = None) -> Route:
    """The cheapest route from one role to another; NoResult when none exists."""
    return find_routes(kb, source_id, target_id, 1, levels)[0]


def find_routes(
    kb: KnowledgeBase,
    source_id: str,
    target_id: str,
    k: int,
    levels: Levels | None = None,
) -> list[Route]:
    """Up to `k` cheapest simple routes, best first; NoResult when there is none.

    At most MAX_ALTERNATIVES routes after the best one (InputError beyond), found within
    SEARCH_BUDGET edge visits: on a huge or adversarial graph, fewer alternatives may come back.
    """
    if k < 1:
        raise ValueError("k must be at least 1")
    if k > MAX_ALTERNATIVES + 1:
        raise InputError(
            "--alternatives",
            f"at most {MAX_ALTERNATIVES} alternative routes are searched, not {clip(str(k - 1))}",
        )
    _check_role(kb, source_id)
    _check_role(kb, target_id)
    graph = _Graph(kb, source_id, levels)
    paths = _k_shortest(graph, source_id, target_id, k)
    if not paths:
        raise NoResult(_no_route(kb.roles[source_id], kb.roles[target_id]))
    return [graph.route(path) for path in paths]


def next_rung(kb: KnowledgeBase, role_id: str, levels: Levels | None = None) -> str | None:
    """The default target for someone at `role_id`: the next rung up its track, if any.

    The cheapest direct move to a higher rung of the same track (hours from `levels`, or from
    the role's own levels); else the lowest rung above on the track; else the first direct
    move by id; else None.
    """
    _check_role(kb, role_id)
    role = kb.roles[role_id]
    moves = sorted(transitions_from(kb, role_id))
    above = [r for r in moves if _is_above(kb.roles[r], role)]
    if above:
        graph = _Graph(kb, role_id, levels)
        return min(above, key=lambda r: (graph.cost(role_id, r), r))
    higher = [r for r in kb.roles.values() if _is_above(r, role)]
    if higher:
        return min(higher, key=lambda r: (r.seniority, r.id)).id
    return moves[0] if moves else None


def _is_above(candidate: Role, role: Role) -> bool:
    """Whether `candidate` is a higher rung on the same track as `role`."""
    return candidate.track == role.track and candidate.seniority > role.seniority


def _check_role(kb: KnowledgeBase, role_id: str) -> None:
    """Raise UnknownName unless `role_id` is a role of the KB."""
    if role_id not in kb.roles:
        raise UnknownName("role", role_id, [])


def _no_route(source: Role, target: Role) -> str:
    """The sentence that says there is no route."""
    return f"There is no route from {source.name} to {target.name}: no chain of transitions leads there."


def _shortest(
    graph: _Graph,
    start: str,
    target: str,
    banned_nodes: set[str] | frozenset[str] = frozenset(),
    banned_edges: set[Edge] | frozenset[Edge] = frozenset(),
) -> _Entry | None:
    """Dijkstra from `start` to `target` avoiding banned nodes and edges, ranked like routes."""
    best: dict[str, tuple[int, int]] = {start: (0, 0)}
    parent: dict[str, str] = {}
    heap: list[tuple[int, int, str]] = [(0, 0, start)]
    settled: set[str] = set()
    while heap:
        hours, hops, node = heapq.heappop(heap)
        if node in settled:
            continue
        if node == target:
            return hours, hops, _unwind(parent, node)
        settled.add(node)
        for nxt, cost in graph.out(node):
            if nxt in settled or nxt in banned_nodes or (node, nxt) in banned_edges:
                continue
            label = (hours + cost, hops + 1)
            old = best.get(nxt)
            if old is None or label < old:
                best[nxt], parent[nxt] = label, node
                heapq.heappush(heap, (*label, nxt))
            elif label == old and _earlier(parent, node, parent[nxt]):
                parent[nxt] = node  # equal hours and hops: the lower role id sequence wins
    return None


def _earlier(parent: dict[str, str], one: str, other: str) -> bool:
    """Whether the path to `one` has a lower role id sequence than the path to `other` (as many hops).

    The two paths are walked back together only to where they meet: on graphs of many equal
    routes that is a step or two, where unwinding both whole paths made Dijkstra quadratic.
    """
    first: tuple[str, str] | None = None
    while one != other:
        first = (one, other)
        one, other = parent.get(one, one), parent.get(other, other)
        if first == (one, other):  # both at the start: paths of different starts (never in one search)
            break
    return first is not None and first[0] < first[1]


def _unwind(parent: dict[str, str], node: str) -> Path:
    """The path that reaches `node`, read back through `parent`."""
    path = [node]
    while path[-1] in parent:
        path.append(parent[path[-1]])
    return tuple(reversed(path))


def _k_shortest(graph: _Graph, source: str, target: str, k: int) -> list[Path]:
    """Yen's algorithm: the `k` best simple paths from `source` to `target`, best first."""
    best = _shortest(graph, source, target)
    if best is None:
        return []
    found: list[Path] = [best[2]]
    candidates: list[_Entry] = []
    seen: set[Path] = {best[2]}
    budgeted = cast(_Graph, _Budgeted(graph, SEARCH_BUDGET))
    while len(found) < k:
        try:
            spurs = _spur_paths(budgeted, found, target)
        except _OutOfBudget:
            break  # the routes found so far stand; the search stops in bounded time
        for entry in spurs:
            if entry[2] not in seen:
                seen.add(entry[2])
                heapq.heappush(candidates, entry)
        if not candidates:
            break
        found.append(heapq.heappop(candidates)[2])
    return found


class _OutOfBudget(Exception):
    """The alternative-route search used its budget of edge visits."""


class _Budgeted:
    """A graph that counts the edges Dijkstra visits, and stops the search past `budget`."""

    def __init__(self, graph: _Graph, budget: int) -> None:
        self.graph = graph
        self.left = budget

    def out(self, role_id: str) -> list[tuple[str, int]]:
        """The moves out of `role_id`, charged to the budget."""
        moves = self.graph.out(role_id)
        self.left -= len(moves) + 1
        if self.left < 0:
            raise _OutOfBudget
        return moves

    def __getattr__(self, name: str) -> Any:
        return getattr(self.graph, name)


def _spur_paths(graph: _Graph, found: Sequence[Path], target: str) -> list[_Entry]:
    """Yen's deviations from the last path found, one per spur node."""
    last = found[-1]
    entries: list[_Entry] = []
    for j in range(len(last) - 1):
        root = last[: j + 1]
        banned_edges = {(p[j], p[j + 1]) for p in found if len(p) > j + 1 and p[: j + 1] == root}
        spur = _shortest(graph, last[j], target, set(root[:-1]), banned_edges)
        if spur is not None:
            path = root[:-1] + spur[2]
            entries.append((graph.path_cost(path), len(path) - 1, path))
    return entries
