"""The team view's core: coverage, single holders, gaps, mentoring pairs and readiness, by hand."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import factories
from careerctl.errors import InputError
from careerctl.kb.load import load_kb
from careerctl.model import KnowledgeBase, Role
from careerctl.store import read_team
from careerctl.team import (
    Closest,
    Coverage,
    Member,
    Pair,
    SingleHolder,
    Team,
    TeamGap,
    build_team,
    gather_members,
    mentoring_pairs,
)
from ladder import write_ladder
from teamfiles import profile, write_team


@pytest.fixture
def ladder(tmp_path: Path) -> KnowledgeBase:
    return load_kb(write_ladder(tmp_path / "ladder")).kb


def team_of(kb: KnowledgeBase, folder: Path, **options: object) -> Team:
    files, notices = read_team([folder])
    members, more = gather_members(kb, files)
    return build_team(kb, members, notices=[*notices, *more], **options)  # type: ignore[arg-type]


def test_the_six_person_team_by_hand(ladder: KnowledgeBase, tmp_path: Path) -> None:
    team = team_of(ladder, write_team(tmp_path / "team", ladder.identity))
    assert [m.name for m in team.members] == ["Ana", "Ben", "Cai", "Dee", "Eli", "fay"]
    assert team.skills == ["design", "sql", "coding", "testing"]  # by category: architecture, data, ...
    assert team.roles == ["junior", "mid", "senior"]
    assert team.coverage == [
        Coverage("design", 1, 0),
        Coverage("sql", 1, 1),
        Coverage("coding", 2, 1),
        Coverage("testing", 0, 0),
    ]
    assert team.single_holders == [SingleHolder("design", "Ana", 3), SingleHolder("sql", "Dee", 4)]
    assert team.gaps == [TeamGap("testing", need=3, best=2, roles=["senior"])]


def test_mentoring_pairs_by_hand(ladder: KnowledgeBase, tmp_path: Path) -> None:
    team = team_of(ladder, write_team(tmp_path / "team", ladder.identity))
    pairs = [(p.skill, p.mentor, p.mentor_level, p.mentee, p.mentee_level, p.need) for p in team.mentoring]
    assert pairs == [
        ("design", "Ana", 3, "Ben", 1, 2),
        ("design", "Ana", 3, "Dee", 0, 2),
        ("design", "Ana", 3, "fay", 1, 2),
        ("sql", "Dee", 4, "Ben", 2, 3),
        ("sql", "Dee", 4, "Cai", 1, 2),
        ("sql", "Dee", 4, "Eli", 0, 2),
        ("sql", "Ana", 2, "Eli", 0, 2),
        ("sql", "Ben", 2, "Eli", 0, 2),  # fay (2) is the fourth mentor for Eli's sql: left out
        ("sql", "Dee", 4, "fay", 2, 3),
        ("coding", "Ana", 5, "Ben", 2, 3),
        ("coding", "Ana", 5, "Cai", 1, 2),
        ("coding", "fay", 3, "Cai", 1, 2),
        ("coding", "Ana", 5, "Dee", 2, 3),
        ("testing", "Ana", 2, "Cai", 0, 2),
        ("testing", "Ben", 2, "Cai", 0, 2),
        ("testing", "fay", 2, "Cai", 0, 2),
    ]
    assert team.mentoring_left_out == 1


def test_team_readiness_by_hand(ladder: KnowledgeBase, tmp_path: Path) -> None:
    team = team_of(ladder, write_team(tmp_path / "team", ladder.identity))
    found = {r.role: (r.meet, [(c.person, round(c.readiness, 4)) for c in r.closest]) for r in team.readiness}
    assert found == {
        "junior": (["Ana", "Ben", "Cai", "Dee", "fay"], [("Eli", 0.5)]),  # Eli: sql 0 of 1
        "mid": (["Ana", "Ben", "fay"], [("Dee", round(15 / 18, 4)), ("Eli", 0.5), ("Cai", round(6 / 18, 4))]),
        # senior: coding, sql, testing at 3 (weight 3) and design at 2 (weight 5): 37 in all
        "senior": ([], [("Ana", round(31 / 37, 4)), ("fay", round(26 / 37, 4)), ("Ben", round(23 / 37, 4))]),
    }


def test_damaged_and_foreign_profiles_are_named_and_left_out(ladder: KnowledgeBase, tmp_path: Path) -> None:
    team = team_of(ladder, write_team(tmp_path / "team", ladder.identity))
    shown = [str(n) for n in team.skipped]
    folder = tmp_path / "team"
    assert shown == [
        f"{folder / 'gus.yaml'}:8: assessments[0].levels.coding: level must be a whole number from 0 to 5, "
        "not text; left out",
        f"{folder / 'hal.yaml'}:8: was made on another knowledge base (KB identity 000000000000, "
        f"this one is {ladder.identity[:12]}); left out",
    ]
    assert "Gus" not in [m.name for m in team.members] and "Hal" not in [m.name for m in team.members]


def test_roles_given_replace_the_members_roles(ladder: KnowledgeBase, tmp_path: Path) -> None:
    team = team_of(ladder, write_team(tmp_path / "team", ladder.identity), roles=["mid"])
    assert team.roles == ["mid"]
    assert team.gaps == []  # mid needs testing 2, and Ana, Ben and fay have it
    assert [r.role for r in team.readiness] == ["mid"]


@pytest.mark.parametrize(
    ("options", "skills"),
    [
        ({"category": "data"}, ["sql"]),
        ({"skills": ["testing", "coding"]}, ["coding", "testing"]),
        ({"skills": ["coding"], "category": "data"}, []),
    ],
)
def test_category_and_skills_narrow_every_per_skill_part(
    ladder: KnowledgeBase, tmp_path: Path, options: dict[str, object], skills: list[str]
) -> None:
    team = team_of(ladder, write_team(tmp_path / "team", ladder.identity), **options)
    assert team.skills == skills
    assert [c.skill for c in team.coverage] == skills
    assert {p.skill for p in team.mentoring} <= set(skills)
    assert {h.skill for h in team.single_holders} <= set(skills)
    assert len(team.readiness) == 3  # readiness is about whole roles, not the skills in view


def test_a_profile_partly_made_on_another_kb_uses_only_this_kbs_assessments(ladder: KnowledgeBase) -> None:
    old = profile("Ivy", "mid", "senior", {"sql": 5}, "0" * 64).assessments[0]
    new = profile("Ivy", "mid", "senior", {"coding": 2}, ladder.identity)
    mixed = type(new)(current="mid", target="senior", assessments=(old, *new.assessments), name="Ivy")
    from careerctl.team import ProfileFile

    members, notices = gather_members(ladder, [ProfileFile("ivy.yaml", mixed)])
    assert members[0].levels == {"coding": 2}
    assert [str(n) for n in notices] == [
        "ivy.yaml: 1 of its 2 assessments were made on another knowledge base; they are left out"
    ]
    assert not notices[0].skipped


def test_a_name_is_one_line_and_a_missing_one_is_the_file_name(ladder: KnowledgeBase) -> None:
    from careerctl.team import ProfileFile

    files = [
        ProfileFile(
            "team/dana.yaml", profile("  Dana\n  Scully ", "junior", "mid", {"sql": 1}, ladder.identity)
        ),
        ProfileFile("team/eve.yaml", profile("   ", "junior", "mid", {"sql": 1}, ladder.identity)),
    ]
    members, _ = gather_members(ladder, files)
    assert [m.name for m in members] == ["Dana Scully", "eve"]


def test_two_people_with_one_name_are_told_apart_by_file(ladder: KnowledgeBase) -> None:
    from careerctl.team import ProfileFile

    files = [
        ProfileFile(f"{where}/sam.yaml", profile("Sam", "junior", "mid", {"coding": n}, ladder.identity))
        for n, where in ((1, "a"), (2, "b"))
    ]
    members, _ = gather_members(ladder, files)
    assert [m.name for m in members] == ["Sam (a/sam.yaml)", "Sam (b/sam.yaml)"]
    files[1] = ProfileFile("b/sam2.yaml", files[1].profile)
    members, _ = gather_members(ladder, files)
    assert [m.name for m in members] == ["Sam (sam.yaml)", "Sam (sam2.yaml)"]


def test_mentors_are_capped_per_need_and_the_rest_counted(ladder: KnowledgeBase) -> None:
    mentee = Member("Zed", "z.yaml", "junior", "mid", {})
    mentors = [Member(f"M{n}", f"m{n}.yaml", None, None, {"sql": 2 + n % 3}) for n in range(5)]
    members = [mentee, *mentors]
    from careerctl.team import _holders

    pairs, left_out = mentoring_pairs(ladder, members, _holders(members), ["sql"])
    assert pairs == [  # levels 2, 3, 4, 2, 3: the three strongest, ties by name
        Pair("sql", "M2", 4, "Zed", 0, 2),
        Pair("sql", "M1", 3, "Zed", 0, 2),
        Pair("sql", "M4", 3, "Zed", 0, 2),
    ]
    assert left_out == 2


def test_closest_lists_only_people_with_some_of_the_roles_skills(ladder: KnowledgeBase) -> None:
    members = [
        Member("Ann", "a.yaml", None, None, {"coding": 1}),
        Member("Bo", "b.yaml", None, None, {"design": 4}),
    ]
    from careerctl.team import _holders, role_readiness

    found = role_readiness(ladder.roles["junior"], members, _holders(members))
    assert found.meet == [] and found.closest == [Closest("Ann", 0.5)]


def test_a_missing_path_or_an_empty_folder_is_bad_input(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file or folder"):
        read_team([tmp_path / "nobody.yaml"])
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match=r"holds no profile files \(\*\.yaml, \*\.yml or \*\.json\)"):
        read_team([tmp_path / "empty"])


SKILL_IDS = ("design", "sql", "coding", "testing")
people = st.lists(
    st.tuples(
        st.dictionaries(st.sampled_from(SKILL_IDS), st.integers(1, 5)),
        st.sampled_from([None, "junior", "mid", "senior"]),
    ),
    max_size=8,
)
LADDER = factories.kb(
    roles=[
        factories.role("junior", {"coding": 1, "sql": 1}),
        factories.role("mid", {"coding": 2, "sql": 2, "testing": 2}),
        factories.role("senior", {"coding": 3, "sql": 3, "testing": 3, "design": (2, 5)}),
    ]
)


@settings(max_examples=200, deadline=None)
@given(people)
def test_the_team_view_keeps_its_definitions(drawn: list[tuple[dict[str, int], str | None]]) -> None:
    members = [
        Member(f"P{n}", f"p{n}.yaml", None, target, levels) for n, (levels, target) in enumerate(drawn)
    ]
    team = build_team(LADDER, members)
    level = {(m.name, s): m.levels.get(s, 0) for m in members for s in SKILL_IDS}
    for c in team.coverage:
        holders = [m.name for m in members if level[m.name, c.skill] >= 3]
        assert c.competent == len(holders) >= c.proficient
        assert (c.competent == 1) == any(h.skill == c.skill for h in team.single_holders)
    for p in team.mentoring:
        assert p.mentor_level == level[p.mentor, p.skill] >= level[p.mentee, p.skill] + 2
        assert p.mentee_level == level[p.mentee, p.skill] < p.need
    keys = [(team.skills.index(p.skill), p.mentee, -p.mentor_level, p.mentor) for p in team.mentoring]
    assert keys == sorted(keys)
    for g in team.gaps:
        assert max([level[m.name, g.skill] for m in members], default=0) == g.best < g.need
    for r in team.readiness:
        assert all(c.readiness < 1 for c in r.closest) and len(r.closest) <= 3
        assert sorted(r.meet) == sorted(m.name for m in members if _meets(LADDER.roles[r.role], m))


def _meets(role: Role, member: Member) -> bool:
    return all(member.levels.get(req.skill, 0) >= req.level for req in role.requirements)
