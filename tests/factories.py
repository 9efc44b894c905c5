"""Tiny builders for KnowledgeBase objects in code, so core tests need no YAML."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from careerctl.model import (
    DEFAULT_EFFORT,
    DEFAULT_WEIGHT,
    KnowledgeBase,
    Requirement,
    Resource,
    Role,
    Skill,
    Transition,
)

Need = int | tuple[int, int]
"""A requirement: a level, or (level, weight)."""


def skill(
    id_: str,
    requires: Mapping[int, Mapping[str, int]] | None = None,
    effort: tuple[int, ...] = DEFAULT_EFFORT,
    name: str | None = None,
    category: str = "general",
    resources: Iterable[Resource] = (),
) -> Skill:
    """A skill named after its id, with per-level prerequisites and effort."""
    return Skill(
        id=id_,
        name=name or id_.replace("-", " ").title(),
        category=category,
        summary=f"{id_} summary",
        levels=tuple(f"{id_} level {n}" for n in range(1, 6)),
        requires={lvl: dict(p) for lvl, p in (requires or {}).items()},
        effort=effort,
        resources=tuple(resources),
    )


def role(
    id_: str,
    needs: Mapping[str, Need] | None = None,
    next: Iterable[tuple[str, float]] = (),
    track: str = "t",
    seniority: int = 1,
    name: str | None = None,
) -> Role:
    """A role whose requirements are {skill: level} or {skill: (level, weight)}."""
    return Role(
        id=id_,
        name=name or id_.replace("-", " ").title(),
        aliases=(),
        track=track,
        seniority=seniority,
        summary=f"{id_} summary",
        responsibilities=(),
        requirements=tuple(_requirement(s, n) for s, n in (needs or {}).items()),
        next=tuple(Transition(r, y) for r, y in next),
    )


def kb(skills: Iterable[Skill] = (), roles: Iterable[Role] = ()) -> KnowledgeBase:
    """A KB of these skills and roles; skills only mentioned get default ones."""
    found = {s.id: s for s in skills}
    for r in roles:
        for req in r.requirements:
            found.setdefault(req.skill, skill(req.skill))
    for s in list(found.values()):
        for prereqs in s.requires.values():
            for p in prereqs:
                found.setdefault(p, skill(p))
    return KnowledgeBase(skills=found, roles={r.id: r for r in roles})


def _requirement(skill_id: str, need: Need) -> Requirement:
    """A Requirement from a level or a (level, weight) pair."""
    if isinstance(need, tuple):
        return Requirement(skill_id, need[0], need[1])
    return Requirement(skill_id, need, DEFAULT_WEIGHT)
