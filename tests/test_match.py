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


def test_falling_short_and_being_over_cost_alike() -> None:
    # py 3 against hi (py 4): min 3, max 4 -> 3/4; against lo (py 2): min 2, max 3 -> 2/3.
    # Every role lists py, so it weighs nothing in the shared part: fit is the level part alone.
    k = kb(roles=[role("hi", {"py": 4}), role("lo", {"py": 2})])
    rows = match_roles(k, {"py": 3})
    assert [(r.role, r.fit) for r in rows] == [("hi", 0.75), ("lo", pytest.approx(2 / 3))]


@pytest.mark.parametrize(
    ("needs", "levels", "expected"),
    [
        ({"py": 2}, {"py": 2}, 1.0),
        # y is not required: weight 1, 3 levels over. 3*2 / (3*2 + 1*3)
        ({"py": 2}, {"py": 2, "y": 3}, 6 / 9),
        ({"py": 5}, {}, 0.0),  # nothing in common
        # (5*2 + 1*1) / (5*(2 + 2 short) + 1*(1 + 1 over))
        ({"sql": (4, 5), "py": (1, 1)}, {"sql": 2, "py": 2}, 0.5),
        ({}, {}, 1.0),
        ({}, {"py": 5}, 0.0),
    ],
)
def test_fit(needs: dict[str, int], levels: dict[str, int], expected: float) -> None:
    assert fit(role("r", needs), levels) == pytest.approx(expected)


def test_row_fields() -> None:
    # Shared part: sql is listed by every ladder role (weight 0), py by 3 of 4 (ln 4/3), so the
    # person (py, sql) shares all there is with junior, mid and senior: cosine 1.
    # Level part: mid (py 3, sql 2, weight 3 each): (3*1 + 3*1) / (3*3 + 3*2) = 0.4 -> fit 0.7;
    # senior (py 4 w 3, sql 4 w 5): (3 + 5) / (3*4 + 5*4) = 0.25 -> fit 0.625.
    # mid: hours py 1->3 = 30 + 80, sql 1->2 = 30 (default effort table); readiness 6/15.
    rows = match_roles(ladder(), {"py": 1, "sql": 1}, track="backend")
    assert [(r.rank, r.role, r.fit) for r in rows] == [
        (1, "junior", 1.0),
        (2, "mid", pytest.approx(0.7)),
        (3, "senior", pytest.approx(0.625)),
    ]
    mid = rows[1]
    assert (mid.name, mid.track, mid.hours_needed) == ("Mid", "backend", 140)
    assert mid.readiness == pytest.approx(0.4)
    assert mid.why == "meets 0 of its 2 important skills; short in Py (1 → 3) and 1 more"
    assert rows[0].why == "meets 2 of its 2 important skills"


def test_track_and_top() -> None:
    k = ladder()
    assert [r.role for r in match_roles(k, {}, track="data")] == ["analyst"]
    assert match_roles(k, {}, track="nope") == []
    assert len(match_roles(k, {"py": 2}, top=2)) == 2


def test_ties_go_by_readiness_then_id() -> None:
    # Person p 2: x and w (p 1) fit 1/2 with readiness 1; y (p 4) fits 2/4 with readiness 1/2.
    k = kb(roles=[role("y", {"p": 4}), role("x", {"p": 1}), role("w", {"p": 1})])
    rows = match_roles(k, {"p": 2})
    assert [(r.rank, r.role) for r in rows] == [(1, "w"), (2, "x"), (3, "y")]
    assert rows[0].fit == rows[1].fit == rows[2].fit == pytest.approx(0.5)


def test_empty_profile_ranks_easiest_roles_first() -> None:
    # nothing in common with any role: fit 0 and readiness 0 for all; fewest hours first:
    # junior 20, mid 160, analyst 240, senior 640
    rows = match_roles(ladder(), {})
    assert [r.role for r in rows] == ["junior", "mid", "analyst", "senior"]


def test_hours_needed_counts_prerequisites() -> None:
    # r needs x 2 (10 + 30 h); x 2 needs p 1 (10 h), which r does not list: 50 h, the direct move.
    k = kb(skills=[skill("x", requires={2: {"p": 1}}), skill("p")], roles=[role("r", {"x": 2})])
    assert hours_needed(k, k.roles["r"], {}) == 50
    assert match_roles(k, {})[0].hours_needed == 50


def test_standing_in_a_role_brings_its_title_words_and_exact_levels() -> None:
    from careerctl.match import person_levels
    from careerctl.model import Requirement, Role

    def occupation(id_: str, name: str, exact: float) -> Role:
        return Role(id_, name, (), "t", 1, "", (), (Requirement("py", 3, 3, exact),), ())

    nurse = occupation("registered-nurse", "Registered Nurse", 2.6)
    k = kb(
        roles=[nurse, occupation("icu-nurse", "ICU Nurse", 2.6), occupation("line-cook", "Line Cook", 2.6)]
    )
    # level 3 equals nurse's requirement: the person takes its exact 2.6; a level 4 is their own
    assert person_levels(k, {"py": 3}, "registered-nurse") == {"py": 2.6}
    assert person_levels(k, {"py": 4}, "registered-nurse") == {"py": 4.0}
    # by levels alone, py (listed by all) weighs nothing: fit is the level part
    assert [r.role for r in match_roles(k, {"py": 3}, current="registered-nurse")][:1] == ["registered-nurse"]
    alone = match_roles(k, {"py": 3})
    assert {r.role: r.fit for r in alone}["line-cook"] == pytest.approx(2.6 / 3)  # min 2.6 / max 3
    # standing in nurse: "nurse" (in 2 of 3 ids; ids, not names, which are in the interface's
    # language) is a shared word with icu-nurse, none with line-cook
    standing = {r.role: r.fit for r in match_roles(k, {"py": 3}, current="registered-nurse")}
    assert standing["registered-nurse"] == 1.0 and standing["icu-nurse"] > standing["line-cook"]


def test_requirements_not_needed_count_in_fit_not_in_readiness_or_hours() -> None:
    from careerctl.model import Requirement, Role

    role_ = Role("r", "R", (), "t", 1, "", (), (Requirement("a", 2), Requirement("b", 2, 1, None, False)), ())
    k = kb(roles=[role_])
    row = match_roles(k, {"a": 2})[0]
    # readiness and hours over a only; fit: (3*2 + 1*0) / (3*2 + 1*2) over both
    assert (row.readiness, row.hours_needed, row.fit) == (1.0, 0, 0.75)
