"""The ranked plan: readiness, step order, prerequisites, horizon and explanations."""

from __future__ import annotations

import pytest

from careerctl.errors import NoResult, UnknownName
from careerctl.model import Resource
from careerctl.plan import Gap, StepResource, build_plan, readiness, route_there, weeks_to_meet
from factories import kb, role, skill

TEN = (10, 10, 10, 10, 10)


@pytest.mark.parametrize(
    ("needs", "levels", "expected"),
    [
        # (3*min(1,2) + 1*min(5,4)) / (3*2 + 1*4) = (3 + 4) / 10
        ({"a": 2, "b": (4, 1)}, {"a": 1, "b": 5}, 0.7),
        ({"a": 2, "b": (4, 1)}, {}, 0.0),
        ({"a": 2, "b": (4, 1)}, {"a": 5, "b": 5}, 1.0),
        # (5*3) / (5*3 + 1*3) = 15 / 18
        ({"a": (3, 5), "b": (3, 1)}, {"a": 3}, 15 / 18),
        ({}, {}, 1.0),
        ({"a": 0}, {}, 1.0),
    ],
)
def test_readiness(needs: dict[str, int], levels: dict[str, int], expected: float) -> None:
    assert readiness(role("r", needs), levels) == pytest.approx(expected)


def test_value_per_hour_beats_raw_value() -> None:
    # W = 1*1 + 3*1 = 4. x: value 1/4 in 10 h = 0.025/h; y: value 3/4 in 60 h = 0.0125/h.
    k = kb(
        skills=[skill("x", effort=TEN), skill("y", effort=(60, 60, 60, 60, 60))],
        roles=[role("t", {"x": (1, 1), "y": (1, 3)})],
    )
    plan = build_plan(k, "t", {})
    assert [s.skill for s in plan.steps] == ["x", "y"]
    assert [s.readiness_after for s in plan.steps] == [0.25, 1.0]
    assert [s.gain for s in plan.steps] == [0.25, 0.75]
    assert [s.cumulative_hours for s in plan.steps] == [10, 70]
    assert plan.total_hours == 70
    assert plan.steps[0].why == "+25.0% readiness for T"


def test_equal_value_per_hour_prefers_more_value() -> None:
    # W = 3. x: (1/3) / 10 h, y: (2/3) / 20 h: the same per hour, y is worth more.
    k = kb(
        skills=[skill("x", effort=TEN), skill("y", effort=(20, 20, 20, 20, 20))],
        roles=[role("t", {"x": (1, 1), "y": (1, 2)})],
    )
    assert [s.skill for s in build_plan(k, "t", {}).steps] == ["y", "x"]


def test_equal_steps_go_by_skill_id() -> None:
    k = kb(
        skills=[skill("b", effort=TEN), skill("a", effort=TEN)],
        roles=[role("t", {"b": 1, "a": 1})],
    )
    assert [s.skill for s in build_plan(k, "t", {}).steps] == ["a", "b"]


def test_levels_rise_one_at_a_time() -> None:
    # x needs 0 -> 2: two steps of 10 h, each adding 3*1/6 = 50%.
    k = kb(skills=[skill("x", effort=TEN)], roles=[role("t", {"x": 2})])
    steps = build_plan(k, "t", {}).steps
    assert [(s.from_level, s.to_level, s.readiness_after) for s in steps] == [
        (0, 1, 0.5),
        (1, 2, 1.0),
    ]


def test_prerequisite_comes_first_and_says_what_it_unblocks() -> None:
    # t needs x at 2; x 2 needs p at 1, which t does not require. Person has x 1:
    # the x step is blocked and hands its value to p 0 -> 1.
    k = kb(
        skills=[
            skill("x", requires={2: {"p": 1}}, effort=TEN, name="System Design"),
            skill("p", effort=TEN, name="Networking"),
        ],
        roles=[role("t", {"x": 2})],
    )
    plan = build_plan(k, "t", {"x": 1})
    first, second = plan.steps
    assert (first.skill, first.from_level, first.to_level) == ("p", 0, 1)
    assert first.gain == 0.0
    assert first.readiness_after == 0.5
    assert first.unblocks == ["x"]
    assert first.why == "unblocks System Design 2"
    assert (second.skill, second.to_level, second.readiness_after) == ("x", 2, 1.0)
    assert second.unblocks == []


def test_blocked_value_splits_among_prerequisites() -> None:
    # x 1 needs p 1 and q 1; the 3/3 value of x splits 1/2 + 1/2. p costs 10 h, q 5 h,
    # so q (0.1/h) comes before p (0.05/h), then x.
    k = kb(
        skills=[
            skill("x", requires={1: {"p": 1, "q": 1}}, effort=TEN),
            skill("p", effort=TEN),
            skill("q", effort=(5, 5, 5, 5, 5)),
        ],
        roles=[role("t", {"x": 1})],
    )
    assert [s.skill for s in build_plan(k, "t", {}).steps] == ["q", "p", "x"]


def test_intermediate_roles_count_half() -> None:
    # Target W = 6: a and b are worth 0.5 each. Mid needs b only (W = 3):
    # b also gets 0.5 * 1 = 0.5, so b (1.0) comes before a (0.5).
    k = kb(
        skills=[skill("a", effort=TEN), skill("b", effort=TEN)],
        roles=[
            role("cur", next=[("mid", 1)]),
            role("mid", {"b": 1}, next=[("tgt", 2)], name="Backend Developer"),
            role("tgt", {"a": 1, "b": 1}, name="Senior Backend Developer"),
        ],
    )
    plan = build_plan(k, "tgt", {}, current_id="cur")
    assert plan.horizon == ["mid", "tgt"]
    first, second = plan.steps
    assert first.skill == "b"
    assert first.also_needed_by == ["mid"]
    assert first.why == ("+50.0% readiness for Senior Backend Developer; also needed by Backend Developer")
    assert second.skill == "a"
    assert second.also_needed_by == []
    assert [s.skill for s in build_plan(k, "tgt", {}).steps] == ["a", "b"]


def test_intermediate_only_step_says_needed_by() -> None:
    # Mid needs c, which the target does not: worth 0.5, cheaper per hour than a.
    k = kb(
        skills=[skill("a", effort=(100,) * 5), skill("c", effort=TEN)],
        roles=[
            role("cur", next=[("mid", 1)]),
            role("mid", {"c": 1}, next=[("tgt", 2)]),
            role("tgt", {"a": 1}),
        ],
    )
    steps = build_plan(k, "tgt", {}, current_id="cur").steps
    assert [(s.skill, s.gain, s.why) for s in steps] == [
        ("c", 0.0, "needed by Mid"),
        ("a", 1.0, "+100.0% readiness for Tgt"),
    ]


def test_horizon_without_route_is_the_target() -> None:
    k = kb(roles=[role("cur"), role("tgt", {"a": 1})])
    assert build_plan(k, "tgt", {}, current_id="cur").horizon == ["tgt"]


def test_top_limits_steps() -> None:
    k = kb(skills=[skill("x", effort=TEN)], roles=[role("t", {"x": 4})])
    plan = build_plan(k, "t", {}, top=2)
    assert len(plan.steps) == 2
    assert plan.readiness_after == 0.5
    assert plan.total_hours == 20


def test_met_target_needs_no_steps() -> None:
    k = kb(roles=[role("t", {"x": 2})])
    plan = build_plan(k, "t", {"x": 3})
    assert (plan.steps, plan.readiness, plan.readiness_after, plan.gaps) == ([], 1.0, 1.0, [])


def test_gaps_sorted_by_category_then_skill() -> None:
    k = kb(
        skills=[
            skill("z", category="a-cat"),
            skill("y", category="b-cat"),
            skill("b", category="b-cat"),
        ],
        roles=[role("t", {"y": (3, 5), "b": 2, "z": 1})],
    )
    assert build_plan(k, "t", {"y": 1, "z": 1}).gaps == [
        Gap("b", "b-cat", 0, 2, 3),
        Gap("y", "b-cat", 1, 3, 5),
    ]


def test_step_has_a_resource_for_its_level() -> None:
    books = [Resource("Intro", "book", 1), Resource("Deep", "course", 3, "https://x.test")]
    k = kb(skills=[skill("x", resources=books)], roles=[role("t", {"x": 3})])
    steps = build_plan(k, "t", {"x": 1}).steps
    assert [s.resource for s in steps] == [
        StepResource("Intro", "book", None),
        StepResource("Deep", "course", "https://x.test"),
    ]
    no_books = kb(roles=[role("t", {"x": 1})])
    assert build_plan(no_books, "t", {}).steps[0].resource is None


def test_unreachable_prerequisite_is_no_result() -> None:
    # x 1 needs p at level 6, above the scale: the target can never be met.
    k = kb(skills=[skill("x", requires={1: {"p": 6}}), skill("p")], roles=[role("t", {"x": 1})])
    with pytest.raises(NoResult, match="No plan can meet T: X 1 needs prerequisites"):
        build_plan(k, "t", {})


def test_prerequisite_cycle_is_no_result() -> None:
    k = kb(
        skills=[skill("x", requires={1: {"y": 1}}), skill("y", requires={1: {"x": 1}})],
        roles=[role("t", {"x": 1})],
    )
    with pytest.raises(NoResult):
        build_plan(k, "t", {})


def test_unknown_role() -> None:
    with pytest.raises(UnknownName):
        build_plan(kb(roles=[role("t")]), "nope", {})


@pytest.mark.parametrize(("per_week", "weeks"), [(10, 7.0), (35, 2.0), (4, 17.5)])
def test_weeks_to_meet(per_week: float, weeks: float) -> None:
    # x 0 -> 1 -> 2: 10 + 60 = 70 hours.
    k = kb(skills=[skill("x", effort=(10, 60, 1, 1, 1))], roles=[role("t", {"x": 2})])
    assert weeks_to_meet(build_plan(k, "t", {}), per_week) == weeks


def test_weeks_to_meet_needs_positive_hours() -> None:
    with pytest.raises(ValueError, match="positive"):
        weeks_to_meet(build_plan(kb(roles=[role("t")]), "t", {}), 0)


def test_route_there_follows_the_plan_or_is_none() -> None:
    k = kb(
        skills=[skill("a")],
        roles=[role("jr", {"a": 1}, next=[("sr", 2)]), role("sr", {"a": 2}), role("cto", {"a": 3})],
    )
    levels = {"a": 1}
    route = route_there(k, build_plan(k, "sr", levels, current_id="jr"), levels)
    assert route is not None and route.roles == ["jr", "sr"]
    assert route_there(k, build_plan(k, "cto", levels, current_id="jr"), levels) is None  # no route
    assert route_there(k, build_plan(k, "sr", levels, current_id="sr"), levels) is None  # already there
    assert route_there(k, build_plan(k, "sr", levels), levels) is None  # no current role
