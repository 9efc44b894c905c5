"""Matching: every role ranked by how closely a person's levels fit it."""

from __future__ import annotations

import pytest

from careerctl.match import fit, hours_needed, match_roles
from careerctl.model import KnowledgeBase
from factories import kb, role, skill


def ladder() -> KnowledgeBase:
    """Three rungs over the same two skills, and a role on another track."""
    return kb(
        roles=[
            role("junior", {"py": 1, "sql": 1}, track="backend", seniority=1),
            role("mid", {"py": 3, "sql": 2}, track="backend", seniority=2),
            role("senior", {"py": 4, "sql": (4, 5)}, track="backend", seniority=3),
            role("analyst", {"sql": 3, "stats": 3}, track="data", seniority=2),
        ]
    )


@pytest.mark.parametrize("role_id", ["junior", "mid", "senior", "analyst"])
def test_exact_profile_ranks_its_role_first(role_id: str) -> None:
    k = ladder()
    rows = match_roles(k, k.roles[role_id].required())
    assert (rows[0].role, rows[0].fit, rows[0].readiness) == (role_id, 1.0, 1.0)
    assert rows[0].hours_needed == 0
    assert all(row.fit < 1.0 for row in rows[1:])


def test_overqualified_fits_better_than_short() -> None:
    # py 3 against lo (py 2, w 3): 1 level over,  d = 3*1 = 3, fit = 1 - 3/(10*3) = 0.9
    #            against hi (py 4, w 3): 1 level short, d = 3*2 = 6, fit = 1 - 6/30 = 0.8
    k = kb(roles=[role("hi", {"py": 4}), role("lo", {"py": 2})])
    rows = match_roles(k, {"py": 3})
    assert [(r.role, r.fit) for r in rows] == [("lo", pytest.approx(0.9)), ("hi", 0.8)]


@pytest.mark.parametrize(
    ("needs", "levels", "expected"),
    [
        ({"py": 2}, {"py": 2}, 1.0),
        # y is not required: level 0, weight 1. d = 1*3 = 3; sum w = 3 + 1 = 4; 1 - 3/40
        ({"py": 2}, {"py": 2, "y": 3}, 0.925),
        # nothing held: d = 3*2*5 = 30 = the worst case
        ({"py": 5}, {}, 0.0),
        # d = 5*2*2 (sql 2 short) + 1*1*1 (py 1 over) = 21; sum w = 5 + 1 = 6; 1 - 21/60
        ({"sql": (4, 5), "py": (1, 1)}, {"sql": 2, "py": 2}, 0.65),
        ({}, {}, 1.0),
        ({}, {"py": 5}, 0.5),  # 5 levels over on an unrequired skill: 1 - 5/10
    ],
)
def test_fit(needs: dict[str, int], levels: dict[str, int], expected: float) -> None:
    assert fit(role("r", needs), levels) == pytest.approx(expected)


def test_row_fields() -> None:
    # mid from junior's levels: hours py 1->3 = 30 + 80, sql 1->2 = 30 (default effort table);
    # readiness (3*1 + 3*1) / (3*3 + 3*2) = 6/15; d = 3*2*2 + 3*2*1 = 18, fit = 1 - 18/60.
    # junior fits exactly (rank 1); senior: d = 3*2*3 + 5*2*3 = 48, fit = 1 - 48/80.
    rows = match_roles(ladder(), {"py": 1, "sql": 1}, track="backend")
    assert [(r.rank, r.role, r.fit) for r in rows] == [
        (1, "junior", 1.0),
        (2, "mid", pytest.approx(0.7)),
        (3, "senior", pytest.approx(0.4)),
    ]
    mid = rows[1]
    assert (mid.name, mid.track, mid.hours_needed) == ("Mid", "backend", 140)
    assert mid.readiness == pytest.approx(0.4)


def test_track_and_top() -> None:
    k = ladder()
    assert [r.role for r in match_roles(k, {}, track="data")] == ["analyst"]
    assert match_roles(k, {}, track="nope") == []
    assert len(match_roles(k, {"py": 2}, top=2)) == 2


def test_ties_go_by_readiness_then_id() -> None:
    # Person p 2. u (p 1): 1 over, d = 3, fit 1 - 3/30 = 0.9, readiness 1.
    # v and a (p 2, z 1): z 1 short, d = 3*2 = 6, sum w = 6, fit 1 - 6/60 = 0.9,
    # readiness 6/9. Same fit: u first on readiness, then a before v by id.
    k = kb(roles=[role("v", {"p": 2, "z": 1}), role("u", {"p": 1}), role("a", {"p": 2, "z": 1})])
    rows = match_roles(k, {"p": 2})
    assert [(r.rank, r.role) for r in rows] == [(1, "u"), (2, "a"), (3, "v")]
    assert rows[0].fit == rows[1].fit == rows[2].fit == pytest.approx(0.9)


def test_empty_profile_ranks_easiest_roles_first() -> None:
    # fit = 1 - sum(w*2*r) / (10 * sum w): junior 0.8, mid 0.5, analyst 0.4, senior 0.2
    rows = match_roles(ladder(), {})
    assert [r.role for r in rows] == ["junior", "mid", "analyst", "senior"]


def test_hours_needed_counts_prerequisites() -> None:
    # r needs x 2 (10 + 30 h); x 2 needs p 1 (10 h), which r does not list: 50 h, the direct move.
    k = kb(skills=[skill("x", requires={2: {"p": 1}}), skill("p")], roles=[role("r", {"x": 2})])
    assert hours_needed(k, k.roles["r"], {}) == 50
    assert match_roles(k, {})[0].hours_needed == 50
