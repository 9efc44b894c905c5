"""Calibration: hand-computed rows for each rule, and the invariants every rule keeps."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careerctl.calibration import RULES, agree, calibrate, median_low
from careerctl.model import KnowledgeBase
from careerctl.review import Rating, Review, latest_by_rater
from factories import kb as make_kb
from factories import skill

KB: KnowledgeBase = make_kb([skill("a"), skill("b"), skill("c"), skill("d")], [])


def review(rater: str, relation: str, at: str = "2026-12-01T10:00:00Z", **levels: int) -> Review:
    return Review(rater, relation, "Dana", at, "id", "", {s: Rating(v) for s, v in levels.items()})


@pytest.mark.parametrize(("values", "expected"), [([3], 3), ([1, 4], 1), ([2, 5, 3], 3), ([4, 1, 3, 2], 2)])
def test_median_low_is_the_lower_middle_value(values: list[int], expected: int) -> None:
    assert median_low(values) == expected


@pytest.mark.parametrize(
    ("rule", "self_level", "manager", "peers", "expected"),
    [
        ("manager", 4, 2, [3, 3], 2),  # the manager's where there is one
        ("manager", 4, None, [3, 1], 1),  # else the peers' median (lower middle of 1, 3)
        ("manager", 4, None, [], 4),  # else your own
        ("median", 4, 2, [3, 5], 3),  # middle of 2, 3, 4, 5 -> lower middle 3
        ("reviewers", 5, 2, [4, 4], 4),  # middle of 2, 4, 4
        ("reviewers", 5, None, [], 5),
        ("lowest", 4, 3, [2, 5], 2),
    ],
)
def test_each_rule_agrees_as_its_sentence_says(
    rule: str, self_level: int, manager: int | None, peers: list[int], expected: int
) -> None:
    assert agree(rule, self_level, manager, peers) == expected


def test_calibrate_sets_self_manager_and_peers_side_by_side_and_flags_gaps_of_two() -> None:
    reviews = [
        review("Sam", "manager", a=2, b=3, c=1),
        review("Ana", "peer", a=3, b=3),
        review("Bo", "peer", a=2, b=4, d=5),
    ]
    result = calibrate(KB, {"a": 4, "b": 3, "c": 2}, reviews)
    rows = {row.skill: row for row in result.rows}
    assert [row.skill for row in result.rows] == ["a", "b", "c", "d"]
    a = rows["a"]
    assert (a.self_level, a.manager, a.peers, a.peers_median, a.agreed, a.gap) == (4, 2, (3, 2), 2, 2, 2)
    assert a.flagged and not a.quiet
    assert (rows["b"].agreed, rows["b"].gap, rows["b"].flagged) == (3, 0, False)
    assert (rows["c"].agreed, rows["c"].gap, rows["c"].quiet) == (1, 1, True)
    d = rows["d"]  # only a peer rated it: no self rating, so no gap
    assert (d.self_level, d.agreed, d.gap, d.flagged) == (None, 5, None, False)
    assert [row.skill for row in result.flagged] == ["a"]
    assert result.levels() == {"a": 2, "b": 3, "c": 1, "d": 5}


def test_the_latest_manager_review_wins_and_self_reviews_fill_only_what_the_profile_lacks() -> None:
    reviews = [
        review("Sam", "manager", "2026-06-01T00:00:00Z", a=1),
        review("Kim", "manager", "2026-11-01T00:00:00Z", a=3),
        review("Dana", "self", b=4, a=0),
    ]
    rows = {row.skill: row for row in calibrate(KB, {"a": 3}, reviews).rows}
    assert rows["a"].manager == 3 and rows["a"].self_level == 3
    assert rows["b"].self_level == 4


def test_one_review_per_rater_the_latest() -> None:
    old = review("Sam", "manager", "2026-01-01T00:00:00Z", a=1)
    new = review("sam", "manager", "2026-06-01T00:00:00Z", a=2)
    peer = review("Sam", "peer", a=4)
    assert latest_by_rater({"x": old, "y": new, "z": peer}) == [new, peer]


def test_an_unknown_rule_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown calibration rule"):
        calibrate(KB, {}, [], rule="loudest")


levels = st.integers(0, 5)


@given(
    rule=st.sampled_from(sorted(RULES)),
    own=st.one_of(st.none(), levels),
    manager=st.one_of(st.none(), levels),
    peers=st.lists(levels, max_size=5),
)
def test_the_agreed_level_is_always_one_somebody_gave_and_flags_follow_the_gap(
    rule: str, own: int | None, manager: int | None, peers: list[int]
) -> None:
    given_levels = [v for v in (own, manager, *peers) if v is not None]
    if not given_levels:
        return
    reviews = [review(f"p{n}", "peer", b=level) for n, level in enumerate(peers)]
    if manager is not None:
        reviews.append(review("Sam", "manager", b=manager))
    result = calibrate(KB, {} if own is None else {"b": own}, reviews, rule)
    (row,) = result.rows
    assert row.agreed in given_levels
    assert row.flagged == (own is not None and abs(own - row.agreed) >= 2)
    assert result.levels() == {"b": row.agreed}
