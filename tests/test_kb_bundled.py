"""The KB that ships with careerctl (second edition): valid, calibrated, complete, and shaped as the career
it describes (issue #18)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from careerctl.kb.calibrate import hours_from_nothing
from careerctl.kb.load import bundled_kb_dir, load_kb
from careerctl.kb.stats import kb_stats
from careerctl.model import LEVEL_MAX, KnowledgeBase
from careerctl.names import find_any, find_role
from careerctl.plan import build_plan
from careerctl.route import find_route
from careerctl.search import search
from careerctl.store import read_profile

SOURCES = Path(__file__).parent.parent / "docs" / "kb-sources.tsv"
EXECUTIVE = {"cto", "vp-of-engineering", "director-of-engineering"}


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    loaded = load_kb(bundled_kb_dir())
    assert [str(p) for p in loaded.warnings] == []  # every calibration rule holds
    return loaded.kb


def test_the_bundled_kb_silences_no_calibration_rule() -> None:
    assert "checks:" not in (bundled_kb_dir() / "roles.yaml").read_text(encoding="utf-8")


def test_kb_stats_counts(kb: KnowledgeBase) -> None:
    stats = kb_stats(kb)
    assert (stats.roles, stats.skills, stats.transitions, stats.resources) >= (45, 60, 120, 300)
    assert stats.roles == 53 and stats.skills == 64 and stats.transitions == 269 and stats.resources == 449
    assert set(stats.tracks) >= {
        "backend",
        "management",
        "platform",
        "data",
        "security",
        "product",
        "advocacy",
    }


@pytest.mark.parametrize("level", range(1, LEVEL_MAX + 1))
def test_every_skill_has_a_resource_at_every_level(kb: KnowledgeBase, level: int) -> None:
    missing = [s.id for s in kb.skills.values() if not any(r.level == level for r in s.resources)]
    assert missing == []


def test_every_skill_has_a_free_resource(kb: KnowledgeBase) -> None:
    assert [s.id for s in kb.skills.values() if not any(r.cost == "free" for r in s.resources)] == []


def test_every_resource_says_what_it_costs_and_every_url_was_checked(kb: KnowledgeBase) -> None:
    with SOURCES.open(encoding="utf-8", newline="") as handle:
        checked = {row["url"] for row in csv.DictReader(handle, delimiter="\t")}
    for skill in kb.skills.values():
        for resource in skill.resources:
            assert resource.cost in ("free", "paid"), (skill.id, resource.title)
            assert resource.url is None or resource.url in checked, (skill.id, resource.url)


def test_language_and_framework_resources_cover_the_main_stacks(kb: KnowledgeBase) -> None:
    for skill_id in ("programming-languages", "backend-frameworks"):
        stacks = {s for r in kb.skills[skill_id].resources if r.level <= 2 for s in r.stack}
        assert stacks >= {"python", "java", "javascript", "php", "go"}, skill_id


def test_every_skill_has_five_anchors_and_effort(kb: KnowledgeBase) -> None:
    for skill in kb.skills.values():
        assert len(skill.levels) == 5 and all(skill.levels), skill.id
        # 5 h at least: a level 1 or 2 that a first job does not need is study beside the job, a
        # fifth of full-time study rounded to 5 h (docs/kb-format.md: Calibration)
        assert all(h >= 5 and h % 5 == 0 for h in skill.effort), skill.id
        assert skill.category and skill.summary and skill.technologies, skill.id


def test_from_nothing_to_junior_is_600_to_1200_hours(kb: KnowledgeBase) -> None:
    junior = find_role(kb, "junior")
    hours = build_plan(kb, junior.id, {}).total_hours
    assert 600 <= hours <= 1200
    assert hours == hours_from_nothing(kb.skills, junior)


def test_no_rung_below_the_top_needs_expert_level(kb: KnowledgeBase) -> None:
    top = {
        r.track: max(o.seniority for o in kb.roles.values() if o.track == r.track) for r in kb.roles.values()
    }
    for role in kb.roles.values():
        experts = [r.skill for r in role.requirements if r.level == LEVEL_MAX]
        if role.seniority < top[role.track]:
            assert experts == [], role.id
        if role.id not in EXECUTIVE:
            assert len(experts) <= 2, role.id


@pytest.mark.parametrize(
    ("name", "role"),
    [
        ("intern", "backend-intern"),
        ("junior", "junior-backend-developer"),
        ("mid", "backend-developer"),
        ("backend engineer", "backend-developer"),
        ("software engineer", "backend-developer"),
        ("programmer", "backend-developer"),
        ("swe", "backend-developer"),
        ("senior", "senior-backend-developer"),
        ("staff", "staff-engineer"),
        ("principal", "principal-engineer"),
        ("tech lead", "lead-backend-developer"),
        ("em", "engineering-manager"),
        ("director", "director-of-engineering"),
        ("cto", "cto"),
        ("sre", "site-reliability-engineer"),
        ("devops", "devops-engineer"),
        ("pm", "product-manager"),
        ("architect", "backend-architect"),
        ("sa", "solutions-architect"),
    ],
)
def test_the_titles_people_type_name_their_roles(kb: KnowledgeBase, name: str, role: str) -> None:
    assert find_role(kb, name).id == role


@pytest.mark.parametrize(
    ("name", "skill"), [("caching", "caching"), ("kubernetes", "kubernetes"), ("helm", "kubernetes")]
)
def test_show_finds_skills_by_name_and_technology(kb: KnowledgeBase, name: str, skill: str) -> None:
    assert find_any(kb, name).id == skill


def test_search_kafka_finds_the_skills_that_cover_it(kb: KnowledgeBase) -> None:
    hits = [h.id for h in search(kb, "kafka") if h.kind == "skill"]
    assert hits[:2] == ["message-queues-streaming", "data-engineering"]


@pytest.mark.parametrize(("source", "target"), [("pm", "cto"), ("architect", "sa"), ("junior", "senior")])
def test_routes_exist(kb: KnowledgeBase, source: str, target: str) -> None:
    route = find_route(kb, find_role(kb, source).id, find_role(kb, target).id)
    assert route.roles[0] == find_role(kb, source).id and route.roles[-1] == find_role(kb, target).id


def test_junior_to_senior_goes_through_backend_developer(kb: KnowledgeBase) -> None:
    route = find_route(kb, "junior-backend-developer", "senior-backend-developer")
    assert route.roles == ["junior-backend-developer", "backend-developer", "senior-backend-developer"]


def test_every_role_reaches_another_track_and_every_top_is_reachable_from_backend(kb: KnowledgeBase) -> None:
    edges = {role.id: [m.role for m in role.next] for role in kb.roles.values()}

    def reach(start: str) -> set[str]:
        seen, todo = {start}, [start]
        while todo:
            for nxt in edges[todo.pop()]:
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        return seen

    for role in kb.roles.values():
        assert any(kb.roles[o].track != role.track for o in reach(role.id)), role.id
    from_backend = reach("backend-intern")
    for track in {r.track for r in kb.roles.values()}:
        top = max((r for r in kb.roles.values() if r.track == track), key=lambda r: r.seniority)
        assert top.id in from_backend, track


def test_lateral_and_return_moves_exist(kb: KnowledgeBase) -> None:
    moves = {(role.id, m.role) for role in kb.roles.values() for m in role.next}
    assert {("staff-engineer", "engineering-manager"), ("engineering-manager", "staff-engineer")} <= moves
    assert any(a == "backend-developer" and kb.roles[b].track == "platform" for a, b in moves)
    assert any(kb.roles[a].track == "platform" and b == "backend-developer" for a, b in moves)


def test_every_skill_is_required_by_some_role(kb: KnowledgeBase) -> None:
    required = {r.skill for role in kb.roles.values() for r in role.requirements}
    assert set(kb.skills) <= required


def test_higher_rungs_never_require_less(kb: KnowledgeBase) -> None:
    for role in kb.roles.values():
        for move in role.next:
            above = kb.roles[move.role]
            if above.track == role.track and above.seniority > role.seniority:
                needs = above.required()
                for req in role.requirements:
                    assert needs.get(req.skill, 0) >= req.level, (role.id, above.id, req.skill)


def test_every_first_edition_skill_id_is_kept_or_replaced(kb: KnowledgeBase) -> None:
    profile = read_profile(Path(__file__).parent / "fixtures" / "profile-first-edition.yaml")
    assert profile is not None
    first_edition = profile.assessments[0].skills  # every skill of the first edition, rated
    assert len(first_edition) == 34
    replaced = {old for skill in kb.skills.values() for old in skill.replaces}
    assert [old for old in first_edition if old not in kb.skills and old not in replaced] == []
