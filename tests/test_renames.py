"""Ratings survive KB revisions: renamed and split skills carry a saved level over, nothing is dropped."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from careerctl.assess import latest_levels
from careerctl.context import Env
from careerctl.kb.load import bundled_kb_dir, load_kb
from careerctl.kb.renames import CarriedOver, carry_over, describe_changes
from careerctl.model import KnowledgeBase, Profile
from careerctl.plan import build_plan, readiness
from careerctl.store import read_profile
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


def rename_sql(folder: Path) -> None:
    """Rename skill `sql` to `sql-renamed` everywhere in the KB in `folder`, declaring the rename."""
    for name in ("skills.yaml", "roles.yaml"):
        text = (folder / name).read_text(encoding="utf-8")
        text = re.sub(r"(?<=[\s{,])sql:(?= )", "sql-renamed:", text)
        text = text.replace("  - id: sql\n", "  - id: sql-renamed\n    replaces: [sql]\n")
        (folder / name).write_text(text, encoding="utf-8")


def test_a_declared_rename_keeps_readiness(tmp_path: Path) -> None:
    """Issue 13: rename a rated skill in a copy of the KB, declare it, and the plan does not change."""
    renamed = tmp_path / "renamed"
    shutil.copytree(bundled_kb_dir(), renamed)
    rename_sql(renamed)
    before = Env(profile_path=FIRST_EDITION_PROFILE)
    after = Env(kb_dir=renamed, profile_path=FIRST_EDITION_PROFILE)
    old_saved, new_saved = before.saved_person(), after.saved_person()
    assert old_saved is not None and new_saved is not None
    old_kb, new_kb = before.load().kb, after.load().kb
    assert "sql" not in new_kb.skills and new_saved[0]["sql-renamed"] == old_saved[0]["sql"] == 3
    assert after.carried is not None and after.carried.renamed["sql"] == "sql-renamed"
    for role in old_kb.roles:
        assert readiness(new_kb.roles[role], new_saved[0]) == readiness(old_kb.roles[role], old_saved[0])
    old_plan = build_plan(old_kb, "senior-backend-developer", old_saved[0], "backend-developer")
    new_plan = build_plan(new_kb, "senior-backend-developer", new_saved[0], "backend-developer")
    assert new_plan.total_hours == old_plan.total_hours
    assert [s.skill for s in new_plan.steps] == [
        s.skill.replace("sql", "sql-renamed") if s.skill == "sql" else s.skill for s in old_plan.steps
    ]


def test_the_first_edition_profile_keeps_every_rating_on_the_bundled_kb() -> None:
    env = Env(profile_path=FIRST_EDITION_PROFILE)
    saved = env.saved_person()
    assert saved is not None and env.carried is not None
    kb = env.load().kb
    rated = env.carried.levels
    assert not env.carried.removed  # every first-edition skill is in the KB or replaced
    saved_levels = latest_levels(read_profile(FIRST_EDITION_PROFILE) or Profile())
    assert len(saved_levels) == 34
    for old, level in saved_levels.items():
        heirs = [s.id for s in kb.skills.values() if old in s.replaces] or [old]
        assert all(rated[heir] == level for heir in heirs), old
    assert env.carried.split["security"] == (
        "web-security",
        "authentication-authorisation",
        "application-security",
    )
    assert saved[0]["web-security"] == 3 and saved[0]["people-management"] == 2
