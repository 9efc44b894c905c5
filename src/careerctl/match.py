"""Every role ranked by how well a person's levels fit it.

Fit compares the person's level c and the role's required level r over the union of the
skills the role requires (weight w from the role) and the skills the person has at level > 0
(a skill the role does not require counts as required at level 0 with weight 1):

    d   = sum of w * (2 * max(0, r - c) + max(0, c - r))
    fit = 1 - d / (2 * LEVEL_MAX * sum of w)        clamped to [0, 1]

Falling a level short costs twice as much as being a level over. The denominator is the
largest distance possible (every skill 5 levels short), so fit is the weighted share of the
worst case avoided. A person whose levels equal a role's requirements has d = 0 and fit 1.

Rows are sorted by fit (highest first), then readiness (highest first), then role id. Each
row's hours are those of the direct move: every requirement of the role and the prerequisites
they need, from the person's levels (the one definition, in `careerctl.climb`).
"""

from __future__ import annotations

from dataclasses import dataclass

from careerctl.climb import Climber, needs_of
from careerctl.model import LEVEL_MAX, KnowledgeBase, Levels, Role

SHORTFALL_COST = 2
"""Cost of each level a person falls short by, per unit of weight."""
OVERQUALIFIED_COST = 1
"""Cost of each level a person is over the requirement, per unit of weight."""
UNREQUIRED_WEIGHT = 1
"""Weight of a skill the person has but the role does not require."""


@dataclass(slots=True, frozen=True)
class MatchRow:
    """One role, how well the person fits it, and how far they are from meeting it."""

    rank: int
    role: str
    name: str
    track: str
    fit: float
    readiness: float
    hours_needed: int
    """Hours to meet this role by the direct move, prerequisites included."""


def match_roles(
    kb: KnowledgeBase, levels: Levels, track: str | None = None, top: int | None = None
) -> list[MatchRow]:
    """Every role (or those on `track`) ranked by fit to `levels`, at most `top` rows."""
    held = {s: lvl for s, lvl in levels.items() if lvl > 0}
    unrequired = _unrequired_cost(held)
    scored = [
        (*_fit_and_readiness(role, held, unrequired), role)
        for role in kb.roles.values()
        if track is None or role.track == track
    ]
    scored.sort(key=lambda row: (-row[0], -row[1], row[2].id))
    climber = Climber(kb)
    return [
        MatchRow(i, role.id, role.name, role.track, f, ready, _direct_hours(climber, role, held))
        for i, (f, ready, role) in enumerate(scored[:top], start=1)
    ]


def fit(role: Role, levels: Levels) -> float:
    """How closely `levels` agree with the role's requirements, from 0 to 1."""
    held = {s: lvl for s, lvl in levels.items() if lvl > 0}
    return _fit_and_readiness(role, held, _unrequired_cost(held))[0]


def _unrequired_cost(held: Levels) -> int:
    """Distance if none of the skills held were required: shared by every role."""
    return sum(held.values()) * UNREQUIRED_WEIGHT * OVERQUALIFIED_COST


def _fit_and_readiness(role: Role, held: Levels, unrequired: int) -> tuple[float, float]:
    """Fit and readiness of `held` (levels > 0 only) for the role, given their `_unrequired_cost`.

    One pass for both: `match` scores every role of the KB (130,000 requirements at ESCO size).
    """
    distance, weight = unrequired, len(held) * UNREQUIRED_WEIGHT
    met = total = 0
    for r in role.requirements:
        need, importance = r.level, r.weight
        have = held.get(r.skill, 0)
        if have:  # this skill is required after all: drop its "unrequired" share
            distance -= have * UNREQUIRED_WEIGHT * OVERQUALIFIED_COST
            weight -= UNREQUIRED_WEIGHT
        if have < need:
            distance += importance * SHORTFALL_COST * (need - have)
            met += importance * have
        else:
            distance += importance * OVERQUALIFIED_COST * (have - need)
            met += importance * need
        weight += importance
        total += importance * need
    ready = met / total if total else 1.0
    if weight <= 0:
        return 1.0, ready
    return min(1.0, max(0.0, 1 - distance / (SHORTFALL_COST * LEVEL_MAX * weight))), ready


def hours_needed(kb: KnowledgeBase, role: Role, levels: Levels) -> int:
    """Hours to meet the role directly from `levels`, prerequisites included (see `careerctl.climb`).

    The direct move: a route through rungs between may need more (`path`, `plan` say how much).
    """
    return _direct_hours(Climber(kb), role, levels)


def _direct_hours(climber: Climber, role: Role, levels: Levels) -> int:
    """`hours_needed` with a climber shared across roles."""
    return climber.hours(levels, climber.raises(levels, needs_of(role.requirements)))
