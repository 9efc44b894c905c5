"""The ranked plan: readiness, step order, prerequisites, horizon and explanations."""

from __future__ import annotations

from datetime import date

import pytest

from careerctl.errors import InputError, NoResult, UnknownName
from careerctl.levels import default_target
from careerctl.match import hours_needed
from careerctl.model import KnowledgeBase, Resource
from careerctl.plan import Gap, StepResource, build_plan, readiness, route_there, schedule, weeks_to_meet
from careerctl.route import find_route
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


def test_weight_leads_not_cheapness() -> None:
    # x: weight 1, level 1 in 10 h; y: weight 3, level 1 in 60 h. The important one first,
    # though x is six times cheaper. Readiness: W = 1*1 + 3*1 = 4.
    k = kb(
        skills=[skill("x", effort=TEN), skill("y", effort=(60, 60, 60, 60, 60))],
        roles=[role("t", {"x": (1, 1), "y": (1, 3)})],
    )
    plan = build_plan(k, "t", {})
    assert [s.skill for s in plan.steps] == ["y", "x"]
    assert [s.readiness_after for s in plan.steps] == [0.75, 1.0]
    assert [s.gain for s in plan.steps] == [0.75, 0.25]
    assert [s.cumulative_hours for s in plan.steps] == [60, 70]
    assert [(s.weight, s.levels_short, s.priority_from) for s in plan.steps] == [(3, 1, None), (1, 1, None)]
    assert plan.total_hours == 70
    assert plan.steps[0].why == "+75.0% readiness for T"


def test_equal_weight_larger_gap_first() -> None:
    # Both weight 3: y is 2 levels short, x 1. y 0->1 (gap 2), then x and y tie on (3, 1):
    # fewer hours first, x (10 h) before y 1->2 (20 h).
    k = kb(
        skills=[skill("x", effort=TEN), skill("y", effort=(20, 20, 20, 20, 20))],
        roles=[role("t", {"x": 1, "y": 2})],
    )
    steps = build_plan(k, "t", {}).steps
    assert [(s.skill, s.to_level, s.levels_short) for s in steps] == [("y", 1, 2), ("x", 1, 1), ("y", 2, 1)]


def test_equal_steps_go_by_skill_id() -> None:
    k = kb(
        skills=[skill("b", effort=TEN), skill("a", effort=TEN)],
        roles=[role("t", {"b": 1, "a": 1})],
    )
    assert [s.skill for s in build_plan(k, "t", {}).steps] == ["a", "b"]


def test_the_readme_example() -> None:
    # The worked example of the README's "How careerctl decides". The rung needs API 3 (weight
    # 5), SQL 3 (4), system design 2 (3) and mentoring 1 (1); the person has API 2, SQL 2 and
    # Linux 1. API 3 needs Linux 2, so API is blocked and lends (5, 1) to Linux 1->2.
    k = kb(
        skills=[
            skill("api", requires={3: {"linux": 2}}, effort=(2, 10, 30, 60, 125), name="API development"),
            skill("sql", effort=(2, 10, 20, 50, 100), name="SQL"),
            skill("design", effort=(4, 15, 50, 110, 225), name="System design"),
            skill("mentoring", effort=(2, 5, 20, 50, 100), name="Mentoring"),
            skill("linux", effort=(2, 10, 25, 60, 125), name="Linux"),
        ],
        roles=[
            role("mid", {"api": (3, 5), "sql": (3, 4), "design": (2, 3), "mentoring": (1, 1)}, name="Mid"),
        ],
    )
    plan = build_plan(k, "mid", {"api": 2, "sql": 2, "linux": 1})
    assert [(s.skill, s.from_level, s.to_level, s.hours, s.weight, s.levels_short) for s in plan.steps] == [
        ("linux", 1, 2, 10, 5, 1),
        ("api", 2, 3, 30, 5, 1),
        ("sql", 2, 3, 20, 4, 1),
        ("design", 0, 1, 4, 3, 2),
        ("design", 1, 2, 15, 3, 1),
        ("mentoring", 0, 1, 2, 1, 1),
    ]
    # W = 5*3 + 4*3 + 3*2 + 1*1 = 34; the person starts at 5*2 + 4*2 = 18/34.
    assert plan.readiness == 18 / 34
    assert [round(s.readiness_after * 34) for s in plan.steps] == [18, 23, 27, 30, 33, 34]
    assert plan.steps[0].why == "unblocks API development 3"
    assert plan.total_hours == 81


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
    # the x step is blocked and lends its priority to p 0 -> 1.
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
    assert (first.gain, first.readiness_after, first.priority_from) == (0.0, 0.5, "x")
    assert first.unblocks == ["x"]
    assert first.why == "unblocks System Design 2"
    assert (second.skill, second.to_level, second.readiness_after) == ("x", 2, 1.0)
    assert second.unblocks == []


def test_unblocks_only_when_every_prerequisite_is_met() -> None:
    # x 1 needs p 1 and q 1; both inherit x's (3, 1); equal, so fewer hours first: q (5 h),
    # which does not unblock x yet (p is missing), then p, which does.
    k = kb(
        skills=[
            skill("x", requires={1: {"p": 1, "q": 1}}, effort=TEN),
            skill("p", effort=TEN),
            skill("q", effort=(5, 5, 5, 5, 5)),
        ],
        roles=[role("t", {"x": 1})],
    )
    steps = build_plan(k, "t", {}).steps
    assert [(s.skill, s.unblocks, s.why) for s in steps] == [
        ("q", [], "needed before X 1"),
        ("p", ["x"], "unblocks X 1"),
        ("x", [], "+100.0% readiness for T"),
    ]


def test_a_prerequisite_takes_the_highest_priority_lent() -> None:
    # p is a prerequisite of a (weight 5) and of b (weight 1); c (weight 3) needs nothing.
    # p carries a's (5, 1) and so comes before c; b waits for its weight.
    k = kb(
        skills=[
            skill("a", requires={1: {"p": 1}}),
            skill("b", requires={1: {"p": 1}}),
            skill("c"),
            skill("p"),
        ],
        roles=[role("t", {"a": (1, 5), "b": (1, 1), "c": (1, 3)})],
    )
    steps = build_plan(k, "t", {}).steps
    assert [(s.skill, s.weight, s.priority_from) for s in steps] == [
        ("p", 5, "a"),
        ("a", 5, None),
        ("c", 3, None),
        ("b", 1, None),
    ]
    assert steps[0].unblocks == ["a", "b"]


def ladder_kb() -> KnowledgeBase:
    """cur -> mid (1 year) -> tgt (2 years); mid needs b 1 and c 1 (weight 1), tgt a 1 (weight 5) and b 1."""
    return kb(
        skills=[skill("a", effort=TEN), skill("b", effort=TEN), skill("c", effort=(30,) * 5)],
        roles=[
            role("cur", {"d": 1}, next=[("mid", 1)]),
            role("mid", {"b": 1, "c": (1, 1)}, next=[("tgt", 2)], name="Backend Developer"),
            role("tgt", {"a": (1, 5), "b": 1}, name="Senior Backend Developer"),
        ],
    )


def test_phases_meet_each_rung_in_turn() -> None:
    # From cur (d 1): phase mid is b then c (c has weight 1, but a, worth 5, is not mid's);
    # phase tgt is a. The rung between comes first and ends fully met.
    plan = build_plan(ladder_kb(), "tgt", {"d": 1}, current_id="cur")
    assert plan.horizon == ["mid", "tgt"]
    assert [(p.role, p.first_rank, p.steps_total, p.hours, p.years) for p in plan.phases] == [
        ("mid", 1, 2, 40, 1.0),
        ("tgt", 3, 1, 10, 2.0),
    ]
    assert [(s.phase, s.skill, s.readiness_after) for s in plan.steps] == [
        ("mid", "b", 0.75),
        ("mid", "c", 1.0),
        ("tgt", "a", 1.0),
    ]
    first = plan.steps[0]
    assert first.also_needed_by == ["tgt"]
    assert first.why == "+75.0% readiness for Backend Developer; also needed by Senior Backend Developer"
    assert first.target_readiness_after == 3 / 8  # tgt: W = 5*1 + 3*1
    assert plan.steps[1].why == "+25.0% readiness for Backend Developer"
    # The same plan without a current role has one phase, the target.
    assert [p.role for p in build_plan(ladder_kb(), "tgt", {}).phases] == ["tgt"]


def test_the_current_role_comes_first_when_not_met() -> None:
    plan = build_plan(ladder_kb(), "tgt", {}, current_id="cur")
    assert [(p.role, p.years) for p in plan.phases] == [("cur", None), ("mid", 1.0), ("tgt", 2.0)]
    assert plan.steps[0].skill == "d"


def test_a_met_rung_is_skipped_but_its_years_count() -> None:
    plan = build_plan(ladder_kb(), "tgt", {"b": 1, "c": 1, "d": 1}, current_id="cur")
    assert [(p.role, p.years, p.after) for p in plan.phases] == [("tgt", 3.0, "mid")]


def test_hours_are_the_same_as_the_route_and_labelled_against_match() -> None:
    # The rung between needs c (30 h) that the target does not: the plan and the route count
    # it, the direct move (match) does not, and the plan names the difference.
    k = ladder_kb()
    plan = build_plan(k, "tgt", {"d": 1}, current_id="cur")
    route = find_route(k, "cur", "tgt", {"d": 1})
    assert plan.total_hours == route.hours == 50
    assert (plan.hours_direct, plan.hours_for_rungs) == (20, 30)
    assert hours_needed(k, k.roles["tgt"], {"d": 1}) == 20


def test_horizon_without_route_is_the_target() -> None:
    k = kb(roles=[role("cur"), role("tgt", {"a": 1})])
    assert build_plan(k, "tgt", {}, current_id="cur").horizon == ["tgt"]


def test_top_limits_the_steps_shown_and_says_so() -> None:
    k = kb(skills=[skill("x", effort=TEN)], roles=[role("t", {"x": 4})])
    plan = build_plan(k, "t", {}, top=2)
    assert len(plan.steps) == 2
    assert (plan.steps_total, plan.truncated) == (4, True)
    assert (plan.shown_hours, plan.shown_readiness_after) == (20, 0.5)
    assert (plan.total_hours, plan.readiness_after) == (40, 1.0)
    whole = build_plan(k, "t", {}, top=4)
    assert (whole.truncated, whole.steps_total, len(whole.steps)) == (False, 4, 4)


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


def test_a_target_already_met_needs_no_plan_and_no_detour() -> None:
    # sr meets jr (a 2 >= 1), but the only way from sr to jr is through qa, which needs b 2.
    # Walking that route would plan qa's 2 levels of b for a role the person already meets.
    k = kb(
        skills=[skill("a"), skill("b")],
        roles=[
            role("jr", {"a": 1}, next=[("sr", 2)]),
            role("sr", {"a": 2}, next=[("qa", 2)]),
            role("qa", {"a": 1, "b": 2}, next=[("jr", 1)]),
        ],
    )
    levels = {"a": 2}
    plan = build_plan(k, "jr", levels, current_id="sr")
    assert (plan.phases, plan.steps, plan.total_hours, plan.readiness) == ([], [], 0, 1.0)
    assert plan.horizon == ["jr"]
    assert find_route(k, "sr", "jr", levels).roles == ["sr", "qa", "jr"]  # the route is still there


def test_schedule_blocks_hold_at_most_focus_skills() -> None:
    # Five skills, weights 5..1, each 0 -> 1 in 10 h; at 10 h a week each step is a week.
    k = kb(
        skills=[skill(s, effort=TEN) for s in "abcde"],
        roles=[role("t", {"a": (1, 5), "b": (1, 4), "c": (1, 3), "d": (1, 2), "e": (1, 1)})],
    )
    plan = build_plan(k, "t", {})
    timeline = schedule(plan, date(2027, 1, 4), 10, focus=2)
    assert [
        (b.start, b.end, b.hours, [(i.skill, i.from_level, i.to_level) for i in b.items])
        for b in timeline.blocks
    ] == [
        (date(2027, 1, 4), date(2027, 1, 18), 20, [("a", 0, 1), ("b", 0, 1)]),
        (date(2027, 1, 18), date(2027, 2, 1), 20, [("c", 0, 1), ("d", 0, 1)]),
        (date(2027, 2, 1), date(2027, 2, 8), 10, [("e", 0, 1)]),
    ]
    assert timeline.finish == date(2027, 2, 8)
    assert [len(b.items) for b in schedule(plan, date(2027, 1, 4), 10).blocks] == [3, 2]


def test_a_block_names_each_skill_once_with_the_levels_it_climbs() -> None:
    k = kb(skills=[skill("a", effort=TEN)], roles=[role("t", {"a": 3})])
    (block,) = schedule(build_plan(k, "t", {"a": 1}), date(2027, 1, 4), 20).blocks
    assert ([(i.skill, i.from_level, i.to_level) for i in block.items], block.end) == (
        [("a", 1, 3)],
        date(2027, 1, 11),
    )


@pytest.mark.parametrize(
    ("per_week", "mid", "tgt"),
    [
        # 40 h of study for mid, 10 h for tgt. At half an hour a week mid's study takes 80 weeks
        # (560 days: 2028-07-17), more than its year in cur; tgt's study ends after 100 weeks,
        # but its 2 years in mid only on 2030-07-17.
        (0.5, ("study", date(2028, 7, 17)), ("time-in-role", date(2030, 7, 17))),
        # At 40 h a week study is done in 10 days: the typical years set every date.
        (40, ("time-in-role", date(2028, 1, 4)), ("time-in-role", date(2030, 1, 4))),
    ],
)
def test_a_phase_is_met_no_sooner_than_the_typical_years(
    per_week: float, mid: tuple[str, date], tgt: tuple[str, date]
) -> None:
    plan = build_plan(ladder_kb(), "tgt", {"d": 1}, current_id="cur")
    timeline = schedule(plan, date(2027, 1, 4), per_week)
    assert [(p.role, p.set_by, p.met) for p in timeline.phases] == [("mid", *mid), ("tgt", *tgt)]
    assert timeline.finish == tgt[1]


def test_schedule_needs_a_pace_and_a_focus() -> None:
    plan = build_plan(kb(roles=[role("t", {"x": 1})]), "t", {})
    with pytest.raises(ValueError, match="positive"):
        schedule(plan, date(2027, 1, 4), 0)
    with pytest.raises(ValueError, match="focus"):
        schedule(plan, date(2027, 1, 4), 5, focus=0)


def track_kb() -> KnowledgeBase:
    """A backend track j 1 -> m 2 -> s 3 -> l 4, a manager role off it, x costing 10 h a level."""
    return kb(
        skills=[skill("x", effort=TEN), skill("y", effort=TEN)],
        roles=[
            role("j", {"x": 1}, next=[("m", 1)], track="be", seniority=1),
            role("m", {"x": 2}, next=[("s", 2)], track="be", seniority=2),
            role("s", {"x": 3, "y": 1}, next=[("l", 2), ("em", 2)], track="be", seniority=3),
            role("l", {"x": 4, "y": 1}, track="be", seniority=4),
            role("em", {"y": 3}, track="mgmt", seniority=4),
        ],
    )


@pytest.mark.parametrize(
    ("current", "levels", "expected"),
    [
        ("j", {"x": 1}, "m"),  # meets j: the next rung
        ("s", {"x": 3}, "s"),  # not quite a senior yet (y 0): senior, not lead
        ("j", {"x": 3, "y": 1}, "l"),  # already meets m and s: the first rung not met
        ("l", {"x": 4, "y": 1}, None),  # the top of the track, nothing above: an error
    ],
)
def test_default_target_is_the_first_rung_not_fully_met(
    current: str, levels: dict[str, int], expected: str | None
) -> None:
    if expected is None:
        with pytest.raises(InputError, match="name a target with --target"):
            default_target(track_kb(), current, levels)
    else:
        assert default_target(track_kb(), current, levels) == expected


def test_default_target_off_the_track_is_the_cheapest_move_not_met() -> None:
    # Everything on be is met from s up; the move s -> em is not.
    assert default_target(track_kb(), "s", {"x": 4, "y": 1}) == "em"
