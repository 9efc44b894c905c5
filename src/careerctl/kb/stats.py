"""Counts that describe a KB, for `careerctl kb stats`."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from careerctl.model import KnowledgeBase


@dataclass(frozen=True, slots=True)
class Stats:
    """The size and shape of a KB."""

    roles: int
    skills: int
    requirements: int
    transitions: int
    prerequisites: int
    resources: int
    tracks: dict[str, int]
    categories: dict[str, int]


def kb_stats(kb: KnowledgeBase) -> Stats:
    """Count what the KB holds."""
    tracks = Counter(role.track for role in kb.roles.values())
    categories = Counter(skill.category for skill in kb.skills.values())
    return Stats(
        roles=len(kb.roles),
        skills=len(kb.skills),
        requirements=sum(len(role.requirements) for role in kb.roles.values()),
        transitions=sum(len(role.next) for role in kb.roles.values()),
        prerequisites=sum(len(p) for skill in kb.skills.values() for p in skill.requires.values()),
        resources=sum(len(skill.resources) for skill in kb.skills.values()),
        tracks=dict(sorted(tracks.items())),
        categories=dict(sorted(categories.items())),
    )
