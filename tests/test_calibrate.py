"""The calibration rules of `kb validate`: each one fires on a tiny KB, and `checks: skip` silences it."""

from __future__ import annotations

from pathlib import Path

import pytest

import factories
from careerctl.errors import InvalidKB, Problem
from careerctl.kb.calibrate import RULES, first_job_levels, hours_from_nothing, title_word
from careerctl.kb.load import bundled_kb_dir, load_kb
from careerctl.names import find_role
from careerctl.plan import build_plan
from kbfiles import write_kb

SKILLS = """\
version: 1
skills:
  - id: coding
    name: Coding
    category: programming
    summary: Writing programs.
    levels:
      1: Runs a short script copied from a tutorial.
      2: Writes a small program with functions.
      3: Structures a package into clear modules.
      4: Refactors a large codebase safely.
      5: Diagnoses faults inside the language runtime.
    effort: {1: 100, 2: 200, 3: 300, 4: 400, 5: 500}
    resources:
      - {title: Tutorial, kind: docs, level: 1}
      - {title: Exercises, kind: practice, level: 2}
      - {title: Book, kind: book, level: 3}
      - {title: Deep book, kind: book, level: 4}
      - {title: Runtime source, kind: docs, level: 5}
  - id: sql
    name: SQL
    category: data
    summary: Querying data.
    levels:
      1: Selects rows from one table.
      2: Joins several tables in one query.
      3: Reads a query plan to add an index.
      4: Rewrites slow queries using window functions.
      5: Explains planner choices from its cost model.
    requires: {coding: 1}
    effort: {1: 100, 2: 200, 3: 300, 4: 400, 5: 500}
    resources:
      - {title: SQL tutorial, kind: docs, level: 1}
      - {title: SQL exercises, kind: practice, level: 2}
      - {title: SQL book, kind: book, level: 3}
      - {title: Tuning book, kind: book, level: 4}
      - {title: Planner paper, kind: docs, level: 5}
"""

ROLES = """\
version: 1
roles:
  - id: intern
    name: Intern
    aliases: [trainee]
    track: dev
    seniority: 0
    summary: Learns.
    skills: {coding: 1}
    next: [{role: junior, years: 1}]
  - id: junior
    name: Junior Dev
    aliases: [jr]
    track: dev
    seniority: 1
    summary: Starts out.
    skills: {coding: 2, sql: 2}
    next: [{role: senior, years: 2}]
  - id: senior
    name: Senior Dev
    aliases: [sr]
    track: dev
    seniority: 2
    summary: Knows things.
    skills: {coding: 5, sql: 3}
"""


def warnings_of(folder: Path) -> list[Problem]:
    try:
        return load_kb(folder).warnings
    except InvalidKB as exc:
        return exc.problems


def rule_of(problem: Problem) -> str:
    return problem.message.rsplit("[", 1)[-1].rstrip("]")


def test_the_calibrated_kb_has_no_warnings(tmp_path: Path) -> None:
    assert warnings_of(write_kb(tmp_path, SKILLS, ROLES)) == []


def test_level_5_below_the_top_of_a_track(tmp_path: Path) -> None:
    roles = ROLES.replace("skills: {coding: 2, sql: 2}", "skills: {coding: 2, sql: 5}")
    roles = roles.replace("skills: {coding: 5, sql: 3}", "skills: {coding: 5, sql: 5}")
    found = warnings_of(write_kb(tmp_path, SKILLS, roles))
    (problem,) = [p for p in found if rule_of(p) == "level-5-below-top"]  # senior, the top, may need 5
    assert problem.line == 17 and problem.key == "junior.skills"
    assert "needs sql at 5 (expert) but is not the top rung of track 'dev'" in problem.message


def test_an_anchor_over_25_words(tmp_path: Path) -> None:
    long = " ".join(["word"] * 25) + " more"
    skills = SKILLS.replace("Selects rows from one table.", long)
    (problem,) = warnings_of(write_kb(tmp_path, skills, ROLES))
    assert (rule_of(problem), problem.key, problem.line) == ("anchor-length", "sql.levels.1", 25)
    assert "26 words" in problem.message


def test_exactly_25_words_is_fine(tmp_path: Path) -> None:
    skills = SKILLS.replace("Selects rows from one table.", " ".join(["word"] * 25))
    assert warnings_of(write_kb(tmp_path, skills, ROLES)) == []


@pytest.mark.parametrize(
    ("anchor", "title"),
    [
        ("Reviews the SQL of junior colleagues.", "junior"),
        ("Explains query plans to the engineering manager.", "manager"),
        ("Sets SQL standards for the organisation.", "organisation"),
        ("Sets SQL standards for the whole organization.", "organization"),
        ("Acts as head of data for the company.", "head of"),
        ("Advises the CTO on databases.", "cto"),
        ("Is the lead for database work.", "lead"),
        ("Installs a package with the package manager.", None),
        ("Cuts the lead time of schema changes.", None),
        ("Leads a design review of the schema.", None),
        ("Writes internal tooling for migrations.", None),
    ],
)
def test_title_words(anchor: str, title: str | None) -> None:
    assert title_word(anchor) == title


def test_an_anchor_that_names_a_title(tmp_path: Path) -> None:
    skills = SKILLS.replace(
        "Explains planner choices from its cost model.", "Sets SQL practice for the company."
    )
    (problem,) = warnings_of(write_kb(tmp_path, skills, ROLES))
    assert (rule_of(problem), problem.key) == ("anchor-title", "sql.levels.5")
    assert "('company')" in problem.message


def test_a_level_without_a_resource(tmp_path: Path) -> None:
    skills = SKILLS.replace("      - {title: SQL book, kind: book, level: 3}\n", "").replace(
        "      - {title: Planner paper, kind: docs, level: 5}\n", ""
    )
    (problem,) = warnings_of(write_kb(tmp_path, skills, ROLES))
    assert (rule_of(problem), problem.key) == ("resource-per-level", "sql.resources")
    assert "no resource for levels 3, 5" in problem.message


def test_entry_rung_hours_outside_the_band(tmp_path: Path) -> None:
    # junior needs coding 2 (100 + 200 h) and sql 2 (100 + 200 h): 600 h, the bottom of the band
    roles = ROLES.replace("skills: {coding: 2, sql: 2}", "skills: {coding: 2, sql: 1}")
    (problem,) = warnings_of(write_kb(tmp_path, SKILLS, roles))
    assert (rule_of(problem), problem.key, problem.line) == ("entry-hours", "junior", 11)
    assert "takes 400 hours of study from nothing, outside the entry band 600-1,200" in problem.message


def test_entry_hours_count_prerequisites(tmp_path: Path) -> None:
    skills = SKILLS.replace("requires: {coding: 1}", "requires: {2: {coding: 4}}")
    kb = load_kb(write_kb(tmp_path, skills, ROLES.replace("coding: 2, sql: 2", "sql: 2"))).kb
    # sql 2 needs coding 4 first: coding 100+200+300+400, sql 100+200
    assert hours_from_nothing(kb.skills, kb.roles["junior"]) == 1300
    assert build_plan(kb, "junior", {}).total_hours == 1300


def test_entry_hours_band_and_roles_are_a_kb_setting(tmp_path: Path) -> None:
    checks = "checks:\n  entry-hours: {roles: [senior], min: 100, max: 200}\n"
    (problem,) = warnings_of(write_kb(tmp_path, SKILLS, ROLES + checks))
    assert (rule_of(problem), problem.key) == ("entry-hours", "senior")
    assert "outside the entry band 100-200" in problem.message


def test_no_intern_rung_means_no_entry_band_by_default(tmp_path: Path) -> None:
    roles = ROLES.replace("seniority: 0", "seniority: 1").replace("coding: 2, sql: 2", "coding: 2, sql: 1")
    assert warnings_of(write_kb(tmp_path, SKILLS, roles)) == []


def test_the_same_behaviour_in_two_skills(tmp_path: Path) -> None:
    skills = SKILLS.replace("Joins several tables in one query.", "Writes small programs, with functions!")
    (problem,) = warnings_of(write_kb(tmp_path, skills, ROLES))
    assert (rule_of(problem), problem.key, problem.line) == ("duplicate-anchor", "sql.levels.2", 26)
    assert "describes the same behaviour as coding level 2" in problem.message


def test_every_rule_can_be_skipped(tmp_path: Path) -> None:
    skills = (
        SKILLS.replace("Joins several tables in one query.", "Writes a small program with functions.")
        .replace("Selects rows from one table.", " ".join(["word"] * 30))
        .replace("Explains planner choices from its cost model.", "Guides the company.")
        .replace("      - {title: SQL book, kind: book, level: 3}\n", "")
    )
    roles = ROLES.replace("skills: {coding: 2, sql: 2}", "skills: {coding: 1, sql: 5}")
    roles = roles.replace("skills: {coding: 5, sql: 3}", "skills: {coding: 5, sql: 5}")
    found = {rule_of(p) for p in warnings_of(write_kb(tmp_path / "all", skills, roles))}
    assert found == set(RULES)
    silenced = roles + f"checks:\n  skip: [{', '.join(RULES)}]\n"
    assert warnings_of(write_kb(tmp_path / "none", skills, silenced)) == []


@pytest.mark.parametrize(
    ("checks", "line", "fragment"),
    [
        ("checks:\n  skip: [anchor-words]\n", 27, "unknown rule 'anchor-words'"),
        ("checks:\n  skipp: [anchor-title]\n", 27, "checks.skipp: unknown key"),
        ("checks: [anchor-title]\n", 26, "checks: must be a mapping, not a list"),
        ("checks:\n  entry-hours: {min: 900, max: 100}\n", 27, "min 900 is above max 100"),
        ("checks:\n  entry-hours: {min: lots}\n", 27, "checks.entry-hours.min: must be whole hours"),
    ],
)
def test_bad_checks_are_errors_with_their_line(tmp_path: Path, checks: str, line: int, fragment: str) -> None:
    with pytest.raises(InvalidKB) as caught:
        load_kb(write_kb(tmp_path, SKILLS, ROLES + checks))
    (problem,) = [p for p in caught.value.problems if p.severity == "error"]
    assert problem.line == line and fragment in str(problem)


def test_hours_from_nothing_is_the_plans_total_on_the_bundled_kb() -> None:
    kb = load_kb(bundled_kb_dir()).kb
    junior = find_role(kb, "junior")
    assert hours_from_nothing(kb.skills, junior) == build_plan(kb, junior.id, {}).total_hours


def test_first_job_levels_are_the_entry_rungs_closed_needs() -> None:
    skills = [
        factories.skill("coding"),
        factories.skill("sql", requires={3: {"coding": 3}}),
        factories.skill("design", requires={2: {"sql": 3}}),
        factories.skill("docker"),
    ]
    roles = [
        factories.role("intern", {"coding": 1}, seniority=0),
        # The entry rung: the lowest rung above the intern rung. sql 3 needs coding 3 first,
        # so a first job needs coding 3 though the rung asks for coding 2.
        factories.role("junior", {"coding": 2, "sql": 3}, seniority=1),
        factories.role("senior", {"coding": 4, "design": 2, "docker": 2}, seniority=2),
        factories.role("manager", {"design": 1}, track="management", seniority=1),  # no intern rung
    ]
    kb = factories.kb(skills, roles)
    assert first_job_levels(kb.skills, kb.roles.values()) == {"coding": 3, "sql": 3}


def test_no_entry_rung_means_no_first_job_levels() -> None:
    kb = factories.kb(roles=[factories.role("dev", {"coding": 2}, seniority=1)])
    assert first_job_levels(kb.skills, kb.roles.values()) is None


def test_the_bundled_kb_prices_levels_above_a_first_job_as_study_beside_it() -> None:
    """The calibration rule of docs/kb-format.md, level by level: at most a fifth of full-time study.

    The full-time figures are not in the KB, so the check is on the shape: a level 1 or 2 that
    a first job does not need costs at most 15 h, every first-job level 10 h or more, and from
    junior the way to senior comes out within a year of the typical 5 years at 6 h/week.
    """
    kb = load_kb(bundled_kb_dir()).kb
    first_job = first_job_levels(kb.skills, kb.roles.values())
    assert first_job is not None and first_job["sql"] == 2 and "caching" not in first_job
    for skill in kb.skills.values():
        for level in (1, 2):
            hours = skill.hours(level)
            if level > first_job.get(skill.id, 0):
                assert 5 <= hours <= 15, (skill.id, level, hours)
            else:
                assert hours >= 10, (skill.id, level, hours)
    junior = find_role(kb, "junior")
    plan = build_plan(kb, "senior-backend-developer", junior.required(), junior.id)
    assert plan.total_hours == 1860
    assert 5 <= plan.total_hours / 6 / 52.18 <= 6
