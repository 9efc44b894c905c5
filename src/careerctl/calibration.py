"""Calibration: the person's own ratings beside their manager's and peers', and an agreed level.

Pure. For each skill anyone rated: self, the manager's rating, the peers' median and the agreed
level under a rule. A gap is how far the self rating is from the agreed level; gaps of 2 or more
are flagged for discussion, gaps of 1 are shown quietly (the practice of Snowflake's guide).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from careerctl.model import KnowledgeBase
from careerctl.review import Review

RULES = {
    "manager": "the manager's rating where there is one, else the peers' median, else your own",
    "median": "the median of every rating, yours included",
    "reviewers": "the median of the manager's and the peers' ratings, else your own",
    "lowest": "the lowest rating anyone gave",
}
"""Each rule for the agreed level, in the one sentence `calibrate` prints about it."""
DEFAULT_RULE = "manager"
FLAG_GAP = 2
"""A self rating this far or further from the agreed level is flagged for discussion."""
MEDIAN_SENTENCE = "the middle rating; with an even number of ratings, the lower of the two middle ones"


def median_low(values: Sequence[int]) -> int:
    """The middle value; with an even count, the lower of the two middle ones (so always a level)."""
    ordered = sorted(values)
    return ordered[(len(ordered) - 1) // 2]


@dataclass(frozen=True)
class Row:
    """One skill: each side's rating (None where that side gave none), the agreed level and the gap."""

    skill: str
    self_level: int | None
    manager: int | None
    peers: tuple[int, ...]
    peers_median: int | None
    agreed: int
    gap: int | None  # self minus agreed; None without a self rating
    notes: tuple[tuple[str, str], ...]  # (rater, note) from the reviews

    @property
    def flagged(self) -> bool:
        """Whether the gap is large enough to discuss."""
        return self.gap is not None and abs(self.gap) >= FLAG_GAP

    @property
    def quiet(self) -> bool:
        """Whether the gap is one level: shown, not flagged."""
        return self.gap is not None and abs(self.gap) == 1


@dataclass(frozen=True)
class Calibration:
    """Every skill's row under one rule, and the reviews it used."""

    rule: str
    rows: list[Row]
    reviews: list[Review]

    @property
    def flagged(self) -> list[Row]:
        """Rows to discuss."""
        return [row for row in self.rows if row.flagged]

    def levels(self) -> dict[str, int]:
        """The agreed level per skill: what `--levels calibrated` plans from."""
        return {row.skill: row.agreed for row in self.rows}

    def manager_levels(self) -> dict[str, int]:
        """The manager's level per skill they rated."""
        return {row.skill: row.manager for row in self.rows if row.manager is not None}


def agree(rule: str, self_level: int | None, manager: int | None, peers: Sequence[int]) -> int:
    """The agreed level of one skill under `rule` (see RULES)."""
    own = [] if self_level is None else [self_level]
    boss = [] if manager is None else [manager]
    if rule == "manager":
        if manager is not None:
            return manager
        return median_low(peers) if peers else (self_level or 0)
    if rule == "median":
        return median_low([*own, *boss, *peers])
    if rule == "reviewers":
        others = [*boss, *peers]
        return median_low(others) if others else (self_level or 0)
    if rule == "lowest":
        return min([*own, *boss, *peers])
    raise ValueError(f"unknown calibration rule {rule!r}")


def calibrate(
    kb: KnowledgeBase,
    self_levels: Mapping[str, int],
    reviews: Iterable[Review],
    rule: str = DEFAULT_RULE,
) -> Calibration:
    """Self, manager, peers and the agreed level for every skill of the KB anyone rated, in KB order.

    Reviews should be one per rater (review.latest_by_rater). With several managers, the latest
    manager review that rates a skill gives the manager's level. Self reviews stand in for the
    profile's level only where the profile has none. Skills the KB lacks are left out.
    """
    if rule not in RULES:
        raise ValueError(f"unknown calibration rule {rule!r}")
    used = sorted(reviews, key=lambda r: r.at)
    own = dict(self_levels)
    for review in used:
        if review.relation == "self":
            for skill, level in review.levels().items():
                own.setdefault(skill, level)
    rows = []
    for skill in kb.skills:
        manager = None
        peers: list[int] = []
        notes: list[tuple[str, str]] = []
        for review in used:
            rating = review.ratings.get(skill)
            if rating is None or review.relation == "self":
                continue
            if review.relation == "manager":
                manager = rating.level  # the latest manager review wins (sorted by time)
            else:
                peers.append(rating.level)
            if rating.note:
                notes.append((review.rater, rating.note))
        mine = own.get(skill)
        if mine is None and manager is None and not peers:
            continue
        agreed = agree(rule, mine, manager, peers)
        rows.append(
            Row(
                skill=skill,
                self_level=mine,
                manager=manager,
                peers=tuple(peers),
                peers_median=median_low(peers) if peers else None,
                agreed=agreed,
                gap=None if mine is None else mine - agreed,
                notes=tuple(notes),
            )
        )
    return Calibration(rule, rows, used)
