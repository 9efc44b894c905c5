"""The plan on the bundled KB reads as advice: the rung between first, core skills first, one number for hours."""

from __future__ import annotations

from datetime import date

import pytest

from careerctl.kb.load import load_kb
from careerctl.match import match_roles
from careerctl.model import KnowledgeBase
from careerctl.names import find_role
from careerctl.plan import Plan, build_plan, schedule
from careerctl.route import find_route
from conftest import BUNDLED


@pytest.fixture(scope="module")
def bundled() -> KnowledgeBase:
    return load_kb(BUNDLED).kb


def plan_from(kb: KnowledgeBase, source: str, target: str) -> Plan:
    here, there = find_role(kb, source), find_role(kb, target)
    return build_plan(kb, there.id, here.required(), current_id=here.id)


def test_junior_to_senior_meets_the_rung_between_first(bundled: KnowledgeBase) -> None:
    plan = plan_from(bundled, "junior", "senior")
    first = plan.phases[0]
    assert first.role == "backend-developer"
    last = plan.steps[first.first_rank + first.steps_total - 2]
    assert last.phase == first.role and last.readiness_after == 1.0
    assert plan.steps[first.first_rank + first.steps_total - 1].phase != first.role


def test_core_skills_come_first(bundled: KnowledgeBase) -> None:
    plan = plan_from(bundled, "junior", "senior")
    role = bundled.roles[plan.phases[0].role]
    weights = {r.skill: r.weight for r in role.requirements}
    top5 = sorted(weights, key=lambda s: (-weights[s], s))[:5]
    assert len({s.skill for s in plan.steps[:10]} & set(top5)) >= 3
    heavy = {s for s, w in weights.items() if w == 5}
    seen: set[str] = set()
    for step in plan.steps:
        if heavy <= seen:
            break
        seen.add(step.skill)
        assert not (step.to_level == 1 and weights.get(step.skill, 0) <= 2), step


@pytest.mark.parametrize("target", ["senior", "cto"])
def test_one_number_for_how_long(bundled: KnowledgeBase, target: str) -> None:
    plan = plan_from(bundled, "junior", target)
    junior = find_role(bundled, "junior")
    route = find_route(bundled, junior.id, plan.target)
    with_levels = find_route(bundled, junior.id, plan.target, junior.required())
    assert plan.total_hours == route.hours == with_levels.hours
    (row,) = [r for r in match_roles(bundled, junior.required()) if r.role == plan.target]
    assert row.hours_needed == plan.hours_direct == plan.total_hours - plan.hours_for_rungs


@pytest.mark.parametrize("per_week", [40.0, 168.0])
def test_no_date_before_the_typical_years(bundled: KnowledgeBase, per_week: float) -> None:
    plan = plan_from(bundled, "junior", "cto")
    start = date(2027, 1, 4)
    timeline = schedule(plan, start, per_week)
    assert plan.route_years is not None
    assert (timeline.finish - start).days >= 365 * plan.route_years
    assert all(p.set_by == "time-in-role" for p in timeline.phases)
