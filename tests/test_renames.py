"""Ratings survive KB revisions: renamed and split skills carry a saved level over, nothing is dropped."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from careerctl.context import Env
from careerctl.kb.load import bundled_kb_dir, load_kb
from careerctl.kb.renames import CarriedOver, carry_over, describe_changes
from careerctl.model import KnowledgeBase
from careerctl.plan import build_plan, readiness
from kbfiles import MINI_SKILLS, write_kb

FIXTURES = Path(__file__).parent / "fixtures"
FIRST_EDITION_PROFILE = FIXTURES / "profile-first-edition.yaml"


def revised(tmp_path: Path, replaces_coding: str = "", replaces_sql: str = "") -> KnowledgeBase:
    skills = MINI_SKILLS
    if replaces_coding:
        skills = skills.replace(
            "    name: Coding\n", f"    name: Coding\n    replaces: [{replaces_coding}]\n"
        )
    if replaces_sql:
        skills = skills.replace("    name: SQL\n", f"    name: SQL\n    replaces: [{replaces_sql}]\n")
    return load_kb(write_kb(tmp_path, skills=skills)).kb


def test_a_rename_keeps_the_rating(tmp_path: Path) -> None:
    kb = revised(tmp_path, replaces_sql="queries")
    account = carry_over({"coding": 2, "queries": 3}, kb)
    assert account == CarriedOver(levels={"coding": 2, "sql": 3}, renamed={"queries": "sql"})


def test_a_split_copies_the_rating_to_each_part(tmp_path: Path) -> None:
    kb = revised(tmp_path, replaces_coding="old", replaces_sql="old")
    account = carry_over({"old": 4}, kb)
    assert account.levels == {"coding": 4, "sql": 4}
    assert account.split == {"old": ("coding", "sql")} and not account.renamed


def test_a_removed_skill_is_reported_never_dropped_silently(tmp_path: Path) -> None:
    kb = revised(tmp_path)
    account = carry_over({"coding": 1, "cobol": 5}, kb)
    assert account.levels == {"coding": 1} and account.removed == {"cobol": 5}
    assert account.new == ("sql",)
    assert "no longer in this knowledge base (kept in your profile, not planned with): cobol" in (
        describe_changes(account)
    )


def test_a_rating_of_the_new_id_beats_a_carried_one(tmp_path: Path) -> None:
    kb = revised(tmp_path, replaces_sql="queries")
    assert carry_over({"queries": 1, "sql": 4}, kb).levels == {"sql": 4}


def test_two_old_skills_merged_into_one_carry_the_higher_level(tmp_path: Path) -> None:
    kb = revised(tmp_path, replaces_sql="queries, reports")
    account = carry_over({"queries": 2, "reports": 3}, kb)
    assert account.levels == {"sql": 3} and account.renamed == {"queries": "sql", "reports": "sql"}


def test_an_unchanged_profile_has_nothing_to_say(tmp_path: Path) -> None:
    kb = revised(tmp_path, replaces_sql="queries")
    account = carry_over({"coding": 1, "sql": 2}, kb)
    assert not account.changed and describe_changes(account) == ""


def test_the_account_is_one_paragraph(tmp_path: Path) -> None:
    kb = revised(tmp_path, replaces_coding="old", replaces_sql="old, queries")
    text = describe_changes(carry_over({"old": 2, "queries": 1, "gone": 3}, kb))
    assert text == (
        "The knowledge base has changed since your assessment: renamed, rating kept: queries -> sql; "
        "split, rating copied to each part: old -> coding + sql; no longer in this knowledge base (kept in your profile, not planned with): gone."
    )


@pytest.fixture
def first_edition(tmp_path: Path) -> Path:
    """A copy of the KB the first-edition profile fixture was made on, when the bundled KB is that one."""
    folder = tmp_path / "first"
    shutil.copytree(bundled_kb_dir(), folder)
    if "ai-ml-backends" not in (folder / "skills.yaml").read_text(encoding="utf-8"):
        pytest.skip("the bundled KB is the second edition")
    return folder


def test_a_declared_rename_keeps_readiness(first_edition: Path, tmp_path: Path) -> None:
    """Issue 13: rename a rated skill in a copy of the KB, declare it, and the plan does not change."""
    renamed = tmp_path / "renamed"
    shutil.copytree(first_edition, renamed)
    skills = (renamed / "skills.yaml").read_text(encoding="utf-8")
    skills = skills.replace("  - id: sql\n", "  - id: sql-renamed\n    replaces: [sql]\n")
    skills = skills.replace("{sql: ", "{sql-renamed: ").replace("      sql: ", "      sql-renamed: ")
    roles = (renamed / "roles.yaml").read_text(encoding="utf-8").replace("      sql: ", "      sql-renamed: ")
    (renamed / "skills.yaml").write_text(skills, encoding="utf-8")
    (renamed / "roles.yaml").write_text(roles.replace("{sql: ", "{sql-renamed: "), encoding="utf-8")
    before = Env(kb_dir=first_edition, profile_path=FIRST_EDITION_PROFILE)
    after = Env(kb_dir=renamed, profile_path=FIRST_EDITION_PROFILE)
    old_saved, new_saved = before.saved_person(), after.saved_person()
    assert old_saved is not None and new_saved is not None
    old_kb, new_kb = before.load().kb, after.load().kb
    assert "sql" not in new_kb.skills and new_saved[0]["sql-renamed"] == old_saved[0]["sql"] == 3
    assert after.carried is not None and after.carried.renamed == {"sql": "sql-renamed"}
    for role in old_kb.roles:
        assert readiness(new_kb.roles[role], new_saved[0]) == readiness(old_kb.roles[role], old_saved[0])
    old_plan = build_plan(old_kb, "senior-backend-developer", old_saved[0], "backend-developer")
    new_plan = build_plan(new_kb, "senior-backend-developer", new_saved[0], "backend-developer")
    assert new_plan.total_hours == old_plan.total_hours


def test_the_first_edition_profile_keeps_every_rating_on_the_bundled_kb() -> None:
    env = Env(profile_path=FIRST_EDITION_PROFILE)
    saved = env.saved_person()
    assert saved is not None and env.carried is not None
    kb = env.load().kb
    rated = env.carried.levels
    assert not env.carried.removed  # every first-edition skill is in the KB or replaced
    for old, level in {"sql": 3, "security": 3, "team-leadership": 2, "linux-networking": 3}.items():
        heirs = [s.id for s in kb.skills.values() if old in s.replaces] or [old]
        assert all(rated[heir] == level for heir in heirs), old
