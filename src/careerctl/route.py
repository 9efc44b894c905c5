"""Routes through the role graph: the best chains of transitions from one role to another.

Roles are nodes and each role's `next` transitions are edges. A route stands on levels that
carry up it: at the start, the person's own levels (or, when none are given, exactly what the
first role requires); at each later rung, the levels the climb to it ended at. The cost of an
edge A -> B is the hours to climb from the levels at A to everything B requires, prerequisites
included (see `careerctl.climb`: the one definition of "hours to get there"). So a skill an
earlier rung already needed is never paid for again, and a route's hours equal the plan's.

Routes rank by the fewest track changes (moves to a role on another track), then the fewest
hours, then fewer hops, then the sequence of role ids; alternatives come in the same order. A
change of track is a change of field that study hours do not price (a new kind of job to be
hired into), so a person climbs their own ladder before leaving it: junior to CTO goes through
senior backend and engineering manager, not through QA, analysis and product roles that
require fewer technical skills than the backend rungs.

Because a rung's cost depends on the rungs before it, routes are found by an A* search over
simple paths, each priced exactly along its own rungs, with the track changes and hours
straight to the target as the lower bound on what is left.
"""

from __future__ import annotations

import heapq
from itertools import pairwise

from msgspec import Struct

from careerctl.climb import Climber, needs_of
from careerctl.errors import InputError, NoResult, UnknownName
from careerctl.kb.yamlio import clip
from careerctl.model import LEVEL_MAX, KnowledgeBase, Levels, Role

Path = tuple[str, ...]
_Entry = tuple[int, int, int, Path]  # (track changes, hours, hops, roles): the order routes rank in
MAX_ALTERNATIVES = 20
"""The most alternative routes `path --alternatives K` searches for."""
_Plain = tuple[int, dict[str, tuple[int, ...]], dict[str, int]]  # hours, climbs, closed levels
SEARCH_BUDGET = 2000
"""Roles times the ways there the route search may leave each from, per route asked for."""


class Raise(Struct, frozen=True, gc=False):
    """One skill a leg raises, from one level to a higher one, and the hours that takes."""

    skill: str
    from_level: int
    to_level: int
    hours: int


class Leg(Struct, frozen=True):
    """One transition of a route, with the skills it raises (prerequisites included)."""

    from_role: str
    to_role: str
    years: float
    hours: int
    raises: list[Raise]


class Route(Struct, frozen=True):
    """A chain of roles from a source to a target, with its legs and totals."""

    roles: list[str]
    legs: list[Leg]
    hours: int
    years: float


class _Graph:
    """The role graph as seen from one source and its starting levels."""

    def __init__(self, kb: KnowledgeBase, source: str, levels: Levels | None) -> None:
        self.kb = kb
        self.source = source
        if levels is None:
            start = dict(kb.roles[source].required())
        else:
            start = {s: v for s, v in levels.items() if v > 0}
        self.start = start
        self.climber = Climber(kb)
        self._next: dict[str, list[tuple[str, float]]] = {}
        self._needs: dict[str, list[tuple[str, int]]] = {}
        self._walked: dict[Path, tuple[int, dict[str, int]]] = {(source,): (0, start)}
        self._plain: dict[str, _Plain] = {}
        self.consistent = all(
            start.get(p, 0) >= lvl
            for skill, level in start.items()
            if skill in kb.skills and level > 0
            for p, lvl in self.climber.prerequisites(skill, min(level, LEVEL_MAX))
        )

    def successors(self, role_id: str) -> list[tuple[str, float]]:
        """Distinct roles reachable in one transition, by id, with their typical years."""
        found = self._next.get(role_id)
        if found is None:
            found = sorted(transitions_from(self.kb, role_id).items())
            self._next[role_id] = found
        return found

    def needs(self, role_id: str) -> list[tuple[str, int]]:
        """(skill, level) the role requires."""
        found = self._needs.get(role_id)
        if found is None:
            found = self._needs[role_id] = needs_of(self.kb.roles[role_id].needed())
        return found

    def plain(self, role_id: str) -> _Plain | None:
        """Hours to meet the role from nothing, each skill's cumulative climb, and the closed
        levels the role needs; None when the levels the route stands on are not consistent.

        From consistent levels (every level held has its prerequisites), the climb to a role is
        exactly its climb from nothing (requirements and their prerequisites, closed) less what
        the levels already hold: a skill already high enough has its prerequisites already. Every
        climb keeps the levels consistent, so only the start needs checking.
        """
        if not self.consistent:
            return None
        found = self._plain.get(role_id)
        if found is None:
            closed = self.climber.closed(self.kb.roles[role_id].needed())
            climbs = self.climber.cumulatives(closed)
            total = sum([climbs[skill][level] for skill, level in closed.items()])
            found = self._plain[role_id] = total, climbs, closed
        return found

    def cost(self, levels: dict[str, int], role_id: str) -> int:
        """Hours from `levels` to meet the role."""
        plain = self.plain(role_id)
        if plain is None:
            return self.climber.hours(levels, self.climber.raises(levels, self.needs(role_id)))
        total, climbs, closed = plain
        for skill in closed.keys() & levels.keys():  # what the levels already climbed
            held, needed = levels[skill], closed[skill]
            total -= climbs[skill][held if held < needed else needed]
        return total

    def climb(self, levels: dict[str, int], role_id: str) -> dict[str, int]:
        """The levels after meeting the role from `levels` (the same dict if none rise)."""
        plain = self.plain(role_id)
        if plain is None:
            raised = self.climber.raises(levels, self.needs(role_id))
        else:
            raised = {skill: level for skill, level in plain[2].items() if levels.get(skill, 0) < level}
        return {**levels, **raised} if raised else levels

    def turn(self, a: str, b: str) -> int:
        """1 when roles a and b are on different tracks, else 0."""
        return int(self.kb.roles[a].track != self.kb.roles[b].track)

    def walk(self, path: Path) -> tuple[int, dict[str, int]]:
        """Hours of a path from the source and the levels it ends on."""
        found = self._walked.get(path)
        if found is None:
            hours, levels = self.walk(path[:-1])
            found = self._walked[path] = hours + self.cost(levels, path[-1]), self.climb(levels, path[-1])
        return found

    def route(self, path: Path) -> Route:
        """The Route for a path of role ids."""
        legs = [self.leg(path[: i + 1], b) for i, (_, b) in enumerate(pairwise(path))]
        # rounded so that 0.1 + 0.2 years does not print as 0.30000000000000004
        years = round(sum((leg.years for leg in legs), 0.0), 6)
        return Route(list(path), legs, sum(leg.hours for leg in legs), years)

    def leg(self, before: Path, b: str) -> Leg:
        """The Leg from the end of `before` to b, standing on the levels `before` ends on."""
        _, levels = self.walk(before)
        raised = self.climber.raises(levels, self.needs(b))
        raises = [
            Raise(
                skill, levels.get(skill, 0), level, self.climber.hours_of(skill, levels.get(skill, 0), level)
            )
            for skill, level in sorted(raised.items())
        ]
        years = float(dict(self.successors(before[-1]))[b])
        return Leg(before[-1], b, years, sum(r.hours for r in raises), raises)


def track_switches(kb: KnowledgeBase, roles: list[str]) -> list[tuple[str, str, str]]:
    """(track left, track joined, role joined) for each move of a route to another track."""
    return [
        (kb.roles[a].track, kb.roles[b].track, b)
        for a, b in pairwise(roles)
        if kb.roles[a].track != kb.roles[b].track
    ]


def transitions_from(kb: KnowledgeBase, role_id: str) -> dict[str, float]:
    """Roles one transition away from `role_id` (known roles only, not itself), with years."""
    found: dict[str, float] = {}
    for move in kb.roles[role_id].next:
        if move.role in kb.roles and move.role != role_id:
            found[move.role] = min(found.get(move.role, move.years), move.years)
    return found


def find_route(kb: KnowledgeBase, source_id: str, target_id: str, levels: Levels | None = None) -> Route:
    """The best route from one role to another (see the ranking above); NoResult when none."""
    return find_routes(kb, source_id, target_id, 1, levels)[0]


def find_routes(
    kb: KnowledgeBase,
    source_id: str,
    target_id: str,
    k: int,
    levels: Levels | None = None,
) -> list[Route]:
    """Up to `k` best simple routes, best first (see the ranking above); NoResult when none.

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
    """The rung above `role_id` on its track, if any (what `assess` proposes as a target).

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
        return min(above, key=lambda r: (graph.walk((role_id, r))[0], r))
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


def _k_shortest(graph: _Graph, source: str, target: str, k: int) -> list[Path]:
    """The `k` best simple paths from `source` to `target`, best first.

    An A* search over simple paths. A partial path's key is first its track changes so far plus
    one when it stands off the target's track (a route there must change track at least once
    more), then the hours from the start to everything its rungs and the target require: its
    hours so far plus a lower bound on what is left, since every route on must at least climb to
    the target's closed requirements, and hours add up along a climb. For a path that ends at
    the target, both are exact. So the search keeps, per path, the levels of its rungs and the
    target together, and each edge adds the hours from those levels to the next rung. The hops
    part of the key counts the one hop still to go. So complete paths come off the heap in route
    order (track changes, hours, hops, role ids), and the first `k` that end at the target are
    the `k` best of the paths searched. To stay bounded, a role is left at most
    `k * expansions(roles)` times, by the most promising ways there.
    """
    limit = k * expansions(len(graph.kb.roles))
    found: list[Path] = []
    expanded: dict[str, int] = {}
    start = graph.start
    turn = graph.turn
    ahead: dict[Path, dict[str, int]] = {(source,): graph.climb(start, target)}
    heap: list[_Entry] = [(turn(source, target), graph.cost(start, target), int(source != target), (source,))]
    while heap and len(found) < k:
        turns, bound, _, path = heapq.heappop(heap)
        node = path[-1]
        if node == target:
            found.append(path)
            continue
        if expanded.get(node, 0) >= limit:
            continue
        expanded[node] = expanded.get(node, 0) + 1
        levels = ahead.get(path)
        if levels is None:
            levels = ahead[path] = graph.climb(ahead[path[:-1]], node)
        hops = len(path) + 1
        turns -= turn(node, target)  # the track changes so far
        for nxt, _ in graph.successors(node):
            # a role left as often as it may be would be skipped when it comes off the heap
            if nxt not in path and (nxt == target or expanded.get(nxt, 0) < limit):
                changes = turns + turn(node, nxt) + turn(nxt, target)
                cost = bound + graph.cost(levels, nxt)
                heapq.heappush(heap, (changes, cost, hops - (nxt == target), (*path, nxt)))
    return found


def expansions(roles: int) -> int:
    """How many times, per route asked for, the search may leave one role by different ways there.

    Every way, in effect, on a ladder of a few dozen roles (so the cheapest route is exact);
    once each, like Dijkstra, on a KB of thousands of roles.
    """
    return max(1, SEARCH_BUDGET // max(roles, 1))
