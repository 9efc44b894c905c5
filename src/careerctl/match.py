"""Every role ranked by how well a person fits it, each with a one-line reason.

Fit blends two similarities, each from 0 to 1 (docs/quality.md has the figures behind the
choices):

- **levels**: how closely the person's level c agrees with each level r a role requires,
  over the skills the role lists and the skills the person has (a skill the role does not
  list counts as required at level 0 with weight 1), with the role's weights w:

      levels = sum of w * min(c, r) / sum of w * (min(c, r) + SHORTFALL_COST * max(0, r - c)
                                                 + OVERQUALIFIED_COST * max(0, c - r))

  (with both costs 1 this is the weighted Jaccard similarity of the two level profiles).
  Levels are the source's own where the KB keeps them (`Requirement.exact`): a person's level
  that equals what their current role requires takes that role's exact figure.
- **shared**: the cosine similarity of what the person and the role have, as sets: the skills
  listed (or held), and the words of the role's name and aliases (for the person, those of
  their current role; a person known only by their levels is compared on skills alone).
  Each item weighs log(roles / roles that have it), so what every role lists counts for
  nothing and a rare technology or title word counts for much.

    fit = LEVELS_SHARE * levels + (1 - LEVELS_SHARE) * shared

When either side has nothing of weight to share (a person with no skills, a KB of one role),
fit is `levels` alone.

A person whose levels equal a role's requirements, standing in that role, has fit 1.
Rows are sorted by fit (highest first), then readiness (highest first), then fewest hours
needed, then role id. Each row's hours are those of the direct move: every needed requirement
of the role and the prerequisites they need, from the person's levels (the one definition, in
`careerctl.climb`).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from careerctl.climb import Climber, needs_of
from careerctl.i18n import _, ngettext
from careerctl.model import KnowledgeBase, Levels, Requirement, Role

SHORTFALL_COST = 1.0
"""Cost of each level a person falls short by, per unit of weight (docs/quality.md)."""
OVERQUALIFIED_COST = 1.0
"""Cost of each level a person is over the requirement, per unit of weight."""
UNREQUIRED_WEIGHT = 1
"""Weight of a skill the person has but the role does not list."""
LEVELS_SHARE = 0.5
"""Share of fit that comes from agreeing levels; the rest from shared skills and title words."""
IMPORTANT_WEIGHT = 3
"""A needed requirement of at least this weight is one of a role's important skills."""

_WORD = re.compile(r"[^\W\d_][\w]*")
Features = dict[str, float]  # feature -> its weight


@dataclass(slots=True, frozen=True)
class MatchRow:
    """One role, how well the person fits it, how far they are from meeting it, and why."""

    rank: int
    role: str
    name: str
    track: str
    fit: float
    readiness: float
    hours_needed: int
    """Hours to meet this role by the direct move, prerequisites included."""
    why: str = ""


@dataclass(slots=True, frozen=True)
class _Index:
    """What matching needs of a KB beyond the roles: item weights and each role's features."""

    weights: dict[str, float]  # feature -> log(N / roles with it)
    squares: dict[str, float]  # the same, squared
    features: dict[str, frozenset[str]]  # role id -> its features
    norms: dict[str, float]  # role id -> length of its feature vector
    skill_norms: dict[str, float]  # the same, without its title words


_INDEXES: dict[str, _Index] = {}  # by KB identity: the index is the same for every match


def match_roles(
    kb: KnowledgeBase,
    levels: Levels,
    track: str | None = None,
    top: int | None = None,
    current: str | None = None,
) -> list[MatchRow]:
    """Every role (or those on `track`) ranked by fit to `levels`, at most `top` rows.

    `current` is the role the person stands in, if known: its title words and exact levels
    describe the person too.
    """
    index = _index(kb)
    person = person_levels(kb, levels, current)
    shared = _shared(index, _person_features(kb, index, person, current))
    scored = [
        (*_score(role, person, levels, shared), role)
        for role in kb.roles.values()
        if track is None or role.track == track
    ]
    scored.sort(key=lambda row: (-row[0], -row[1], row[2].id))
    climber = Climber(kb)
    hours = _hours_where_tied(climber, scored, levels, top)
    scored.sort(key=lambda row: (-row[0], -row[1], hours.get(row[2].id, 0), row[2].id))
    return [
        MatchRow(
            i,
            role.id,
            role.name,
            role.track,
            f,
            ready,
            _direct_hours(climber, role, levels),
            why(kb, role, levels),
        )
        for i, (f, ready, role) in enumerate(scored[:top], start=1)
    ]


def _hours_where_tied(
    climber: Climber, scored: list[tuple[float, float, Role]], levels: Levels, top: int | None
) -> dict[str, int]:
    """Hours needed of the roles that tie on fit and readiness with a neighbour, down to the top rows.

    Fewest hours breaks such ties; computing them for every role would double a match's time.
    """
    end = len(scored) if top is None else min(len(scored), top + 1)
    tied: set[int] = set()
    for i in range(1, len(scored)):
        if i > end and i - 1 not in tied:
            break
        if scored[i][:2] == scored[i - 1][:2]:
            tied.update((i - 1, i))
    return {scored[i][2].id: _direct_hours(climber, scored[i][2], levels) for i in tied}


def _score(
    role: Role, person: Mapping[str, float], levels: Levels, shared: Mapping[str, float] | None
) -> tuple[float, float]:
    """Fit and readiness, in one pass over the role's requirements (130,000 at ESCO size)."""
    common = overlap = 0.0
    met = total = 0
    unlisted = sum(person.values())
    for r in role.requirements:
        need = r.level if r.exact is None else r.exact
        have = person.get(r.skill, 0.0)
        if have:
            unlisted -= have
        if have < need:
            common += r.weight * have
            overlap += r.weight * (have + SHORTFALL_COST * (need - have))
        else:
            common += r.weight * need
            overlap += r.weight * (need + OVERQUALIFIED_COST * (have - need))
        if r.needed:
            level = levels.get(r.skill, 0)
            met += r.weight * (level if level < r.level else r.level)
            total += r.weight * r.level
    overlap += UNREQUIRED_WEIGHT * OVERQUALIFIED_COST * max(0.0, unlisted)
    agreement = common / overlap if overlap else 1.0
    ready = met / total if total else 1.0
    if shared is None:
        blended = agreement
    else:
        blended = LEVELS_SHARE * agreement + (1 - LEVELS_SHARE) * shared.get(role.id, 0.0)
    return round(blended, 12), ready  # rounded so that an exact match is 1.0, not 0.9999999999999999


def _shared(index: _Index, mine: Features) -> dict[str, float] | None:
    """Role id -> cosine similarity of its features and the person's.

    None when the person has nothing of weight: then fit is the level part alone. Title words
    count only when the person has some (they stand in a role).
    """
    mine_norm = math.sqrt(sum(w * w for w in mine.values()))
    if not mine_norm:
        return None
    norms = index.norms if any(f.startswith("word:") for f in mine) else index.skill_norms
    squares, held = index.squares, mine.keys()
    return {
        r: sum(map(squares.__getitem__, found & held)) / (norms[r] * mine_norm) if norms[r] else 0.0
        for r, found in index.features.items()
    }


def fit(role: Role, levels: Levels, kb: KnowledgeBase | None = None, current: str | None = None) -> float:
    """How closely `levels` agree with the role's requirements, from 0 to 1."""
    kb = kb or KnowledgeBase(skills={}, roles={role.id: role})
    index = _index(kb)
    person = person_levels(kb, levels, current)
    return _score(role, person, levels, _shared(index, _person_features(kb, index, person, current)))[0]


def person_levels(kb: KnowledgeBase, levels: Levels, current: str | None = None) -> dict[str, float]:
    """The person's levels above 0, taking the current role's exact level where theirs equals it."""
    person: dict[str, float] = {s: float(v) for s, v in levels.items() if v > 0}
    if current is not None and current in kb.roles:
        for r in kb.roles[current].requirements:
            if r.exact is not None and levels.get(r.skill, 0) == r.level and r.exact > 0:
                person[r.skill] = r.exact
    return person


def _index(kb: KnowledgeBase) -> _Index:
    """The feature index of `kb`, built once per KB identity."""
    found = _INDEXES.get(kb.identity) if kb.identity else None
    if found is None:
        found = build_index(kb)
        if kb.identity:
            _INDEXES.clear()  # one KB at a time is all a run uses
            _INDEXES[kb.identity] = found
    return found


def build_index(kb: KnowledgeBase) -> _Index:
    """Feature weights log(N / df) over the roles, each role's features and vector lengths."""
    features = {role.id: role_features(role) for role in kb.roles.values()}
    counts: Counter[str] = Counter()
    for found in features.values():
        counts.update(found)
    n = len(features)
    weights = {f: math.log(n / c) for f, c in counts.items()}
    squares = {f: w * w for f, w in weights.items()}
    skill_squares = {f: (0.0 if f.startswith("word:") else w) for f, w in squares.items()}
    norms = {r: math.sqrt(sum(map(squares.__getitem__, found))) for r, found in features.items()}
    skill_norms = {r: math.sqrt(sum(map(skill_squares.__getitem__, found))) for r, found in features.items()}
    return _Index(weights, squares, features, norms, skill_norms)


def role_features(role: Role) -> frozenset[str]:
    """What a role has, as a set: the skills it lists at level > 0, and its title words."""
    skills = {r.skill for r in role.requirements if r.level > 0 or (r.exact or 0) > 0}
    return frozenset(skills | title_words(role))


def title_words(role: Role) -> set[str]:
    """The words of the role's id (its name as a slug) and aliases, lower-cased, as `word:` features.

    The id, not the name: the name is in the interface's language, and fit must not depend on it.
    """
    return {f"word:{w}" for w in _words((role.id, *role.aliases))}


def _words(texts: Iterable[str]) -> set[str]:
    return {w for w in _WORD.findall(" ".join(texts).lower().replace("-", " ")) if len(w) > 1}


def _person_features(
    kb: KnowledgeBase, index: _Index, person: Mapping[str, float], current: str | None
) -> Features:
    """The person's features (skills held, their current role's title words), weighted."""
    found = set(person)
    if current is not None and current in kb.roles:
        found |= title_words(kb.roles[current])
    return {f: index.weights[f] for f in found if f in index.weights}


def readiness(role: Role, levels: Levels) -> float:
    """Share of the role's needed, weighted levels that `levels` meet, from 0 to 1."""
    met = total = 0
    for r in role.needed():
        met += r.weight * min(levels.get(r.skill, 0), r.level)
        total += r.weight * r.level
    return met / total if total else 1.0


def why(kb: KnowledgeBase, role: Role, levels: Levels) -> str:
    """One line on how the person stands against the role: what they share and where they fall short."""
    needed = role.needed()
    important = [r for r in needed if r.weight >= IMPORTANT_WEIGHT and r.level > 0] or [
        r for r in needed if r.level > 0
    ]
    met = sum(1 for r in important if levels.get(r.skill, 0) >= r.level)
    if not important:
        parts = [_("needs no skill")]
    elif any(r.weight >= IMPORTANT_WEIGHT for r in needed):
        parts = [_("meets {met} of its {total} important skills").format(met=met, total=len(important))]
    else:
        parts = [_("meets {met} of its {total} skills").format(met=met, total=len(important))]
    short = _largest(needed, levels, short=True)
    if short:
        r, more = short
        parts.append(_("short in {change}").format(change=_change(kb, r, levels)) + _more(more))
    else:
        over = _largest(role.requirements, levels, short=False)
        if over:
            r, more = over
            parts.append(_("above it in {change}").format(change=_change(kb, r, levels)) + _more(more))
    return "; ".join(parts)


def _more(count: int) -> str:
    """ " and 3 more" after the largest gap, or nothing."""
    return " " + ngettext("and {n} more", "and {n} more", count).format(n=count) if count else ""


def _largest(
    requirements: Iterable[Requirement], levels: Levels, *, short: bool
) -> tuple[Requirement, int] | None:
    """The requirement with the largest weighted gap (short of it, or above it), and how many others."""
    gaps = [
        (r.weight * gap, r)
        for r in requirements
        if (gap := (r.level - levels.get(r.skill, 0)) * (1 if short else -1)) > 0
    ]
    if not gaps:
        return None
    best = min(gaps, key=lambda g: (-g[0], g[1].skill))[1]
    return best, len(gaps) - 1


def _change(kb: KnowledgeBase, r: Requirement, levels: Levels) -> str:
    """`Programming (3 → 5)`: the skill, the person's level and the role's."""
    name = kb.skills[r.skill].name if r.skill in kb.skills else r.skill
    return f"{name} ({levels.get(r.skill, 0)} → {r.level})"


def hours_needed(kb: KnowledgeBase, role: Role, levels: Levels) -> int:
    """Hours to meet the role's needed requirements directly from `levels`, prerequisites included
    (see `careerctl.climb`).

    The direct move: a route through rungs between may need more (`path`, `plan` say how much).
    """
    return _direct_hours(Climber(kb), role, levels)


def _direct_hours(climber: Climber, role: Role, levels: Levels) -> int:
    """`hours_needed` with a climber shared across roles."""
    held = {s: lvl for s, lvl in levels.items() if lvl > 0}
    return climber.hours(held, climber.raises(held, needs_of(role.needed())))
