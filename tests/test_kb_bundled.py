"""The KB that ships with careerctl: valid, complete, and shaped as the career it describes."""

from __future__ import annotations

import pytest

from careerctl.kb.load import bundled_kb_dir, load_kb
from careerctl.model import KnowledgeBase
from careerctl.names import find_role
from careerctl.route import find_route


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    loaded = load_kb(bundled_kb_dir())
    assert loaded.warnings == []
    return loaded.kb


def test_at_least_30_skills_each_with_five_anchors_effort_and_two_resources(kb: KnowledgeBase) -> None:
    assert len(kb.skills) >= 30
    for skill in kb.skills.values():
        assert len(skill.levels) == 5 and all(skill.levels), skill.id
        assert len(skill.effort) == 5 and all(h > 0 for h in skill.effort), skill.id
        assert len(skill.resources) >= 2, skill.id
        assert skill.category and skill.summary


def test_at_least_18_roles_each_with_8_weighted_requirements_and_a_summary(kb: KnowledgeBase) -> None:
    assert len(kb.roles) >= 18
    for role in kb.roles.values():
        assert len(role.requirements) >= 8, role.id
        assert role.summary and role.responsibilities and role.aliases, role.id


@pytest.mark.parametrize(
    ("alias", "name"),
    [
        ("intern", "Backend Intern"),
        ("junior", "Junior Backend Developer"),
        ("mid", "Backend Developer"),
        ("senior", "Senior Backend Developer"),
        ("lead", "Lead Backend Developer"),
        ("architect", "Backend Architect"),
        ("cto", "Chief Technology Officer"),
        ("em", "Engineering Manager"),
        ("devops", "DevOps Engineer"),
        ("sre", "Site Reliability Engineer"),
    ],
)
def test_required_aliases_name_their_roles(kb: KnowledgeBase, alias: str, name: str) -> None:
    assert find_role(kb, alias).name == name


def test_every_skill_is_required_by_some_role(kb: KnowledgeBase) -> None:
    required = {r.skill for role in kb.roles.values() for r in role.requirements}
    assert set(kb.skills) <= required


def test_junior_to_senior_goes_through_backend_developer(kb: KnowledgeBase) -> None:
    route = find_route(kb, find_role(kb, "junior").id, find_role(kb, "senior").id)
    assert route.roles == ["junior-backend-developer", "backend-developer", "senior-backend-developer"]


def test_higher_rungs_never_require_less(kb: KnowledgeBase) -> None:
    for track in {r.track for r in kb.roles.values()}:
        ladder = sorted((r for r in kb.roles.values() if r.track == track), key=lambda r: r.seniority)
        for lower, upper in zip(ladder, ladder[1:], strict=False):
            if lower.seniority < upper.seniority:
                needs = upper.required()
                for req in lower.requirements:
                    assert needs.get(req.skill, 0) >= req.level, (lower.id, upper.id, req.skill)
