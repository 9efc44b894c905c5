"""The one definition of "hours to get there", shared by plan, path, match and report.

To meet a set of required levels from a person's levels, every required skill climbs to its
level, and so does every prerequisite those climbs need (and theirs, on down): `Skill.prerequisites`
of the level reached. The hours are the `effort` of every level climbed, each counted once.
A skill already at or above what is needed climbs nothing; nobody unlearns a skill.

Along a route, the levels carry: each rung starts from the levels the climb to the rung before
it ended at (the person's levels, raised to every earlier rung's requirements and their
prerequisites), so a skill one rung already needed is never paid for twice.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from itertools import accumulate

from careerctl.model import LEVEL_MAX, KnowledgeBase, Levels, Requirement, Role


class Climber:
    """Hours and levels of climbs over one KB, with each skill's cumulative effort cached."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._climbs: dict[str, tuple[int, ...]] = {}
        self._prereqs: dict[tuple[str, int], tuple[tuple[str, int], ...]] = {}
        self._flat: bool | None = None  # whether no skill of the KB has prerequisites, once asked

    def closed(self, needs: Iterable[Requirement]) -> dict[str, int]:
        """The levels `needs` and all their prerequisites come to, climbing from nothing.

        The same as `raises({}, ...)`; quicker on a KB without prerequisites (an imported
        taxonomy), where it is only each skill's highest level.
        """
        if self._flat is None:
            self._flat = not any(skill.requires for skill in self.kb.skills.values())
        if not self._flat:
            return self.raises({}, needs_of(needs))
        found: dict[str, int] = {}
        for need in needs:
            level = min(need.level, LEVEL_MAX)
            if level > found.get(need.skill, 0):
                found[need.skill] = level
        return found

    def cumulatives(self, skills: Iterable[str]) -> dict[str, tuple[int, ...]]:
        """`cumulative` of each of the skills."""
        known, cumulative = self._climbs, self.cumulative
        return {skill: known[skill] if skill in known else cumulative(skill) for skill in skills}

    def raises(self, levels: Levels, needs: Iterable[tuple[str, int]]) -> dict[str, int]:
        """The level each skill must climb to (only those that rise), prerequisites included."""
        found: dict[str, int] = {}
        stack = list(needs)
        known = self._prereqs  # looked up here, not through prerequisites(): this is a hot loop
        while stack:
            skill, level = stack.pop()
            level = min(level, LEVEL_MAX)
            if level <= levels.get(skill, 0) or level <= found.get(skill, 0):
                continue
            found[skill] = level
            more = known.get((skill, level))
            stack.extend(self.prerequisites(skill, level) if more is None else more)
        return found

    def prerequisites(self, skill: str, level: int) -> tuple[tuple[str, int], ...]:
        """What `skill` needs before it can reach `level`, by skill id."""
        key = (skill, level)
        found = self._prereqs.get(key)
        if found is None:
            found = self._prereqs[key] = tuple(sorted(self.kb.skills[skill].prerequisites(level).items()))
        return found

    def hours(self, levels: Levels, raises: Mapping[str, int]) -> int:
        """Hours of climbing from `levels` to `raises`."""
        return sum(self.hours_of(skill, levels.get(skill, 0), level) for skill, level in raises.items())

    def hours_of(self, skill: str, from_level: int, to_level: int) -> int:
        """Hours to take one skill from `from_level` up to `to_level` (0 if already there)."""
        if to_level <= from_level:
            return 0
        climb = self.cumulative(skill)
        top = len(climb) - 1
        return climb[min(to_level, top)] - climb[min(max(from_level, 0), top)]

    def cumulative(self, skill: str) -> tuple[int, ...]:
        """Hours to reach each level of the skill from 0 (index = level)."""
        climb = self._climbs.get(skill)
        if climb is None:
            climb = self._climbs[skill] = tuple(accumulate(self.kb.skills[skill].effort, initial=0))
        return climb


def needs_of(requirements: Iterable[Requirement]) -> list[tuple[str, int]]:
    """(skill, level) pairs of a role's requirements."""
    return [(r.skill, r.level) for r in requirements]


def hours_to_meet(kb: KnowledgeBase, levels: Levels, requirements: Iterable[Requirement]) -> int:
    """Hours to take `levels` to every requirement, prerequisites included (each level once)."""
    climber = Climber(kb)
    return climber.hours(levels, climber.raises(levels, needs_of(requirements)))


def is_met(role: Role, levels: Levels) -> bool:
    """Whether the levels meet every requirement of the role."""
    return all(levels.get(r.skill, 0) >= r.level for r in role.needed())
