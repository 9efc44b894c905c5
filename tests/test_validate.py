"""One test per validation rule: each problem is found, with its file and line, and all at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from careerctl.errors import InvalidKB, Problem
from careerctl.kb.load import load_kb
from kbfiles import MINI_ROLES, MINI_SKILLS, write_kb


def problems_of(folder: Path) -> list[Problem]:
    try:
        return load_kb(folder).warnings
    except InvalidKB as exc:
        return exc.problems


def only(problems: list[Problem], severity: str = "error") -> Problem:
    chosen = [p for p in problems if p.severity == severity]
    assert len(chosen) == 1, [str(p) for p in problems]
    return chosen[0]


def test_the_mini_kb_is_valid(mini_kb: Path) -> None:
    assert problems_of(mini_kb) == []


def test_unknown_skill_in_a_requirement(tmp_path: Path) -> None:
    roles = MINI_ROLES.replace("skills: {coding: 1, sql: 1}", "skills: {coding: 1, sqll: 1}")
    problem = only(problems_of(write_kb(tmp_path, roles=roles)))
    assert (Path(problem.path).name, problem.line) == ("roles.yaml", 9)
    assert "unknown skill 'sqll'; did you mean sql?" in problem.message


def test_unknown_prerequisite(tmp_path: Path) -> None:
    skills = MINI_SKILLS.replace("requires: {coding: 1}", "requires: {codng: 1}")
    problem = only(problems_of(write_kb(tmp_path, skills=skills)))
    assert (Path(problem.path).name, problem.line) == ("skills.yaml", 16)
    assert "unknown skill 'codng'" in problem.message


def test_unknown_transition_target(tmp_path: Path) -> None:
    roles = MINI_ROLES.replace("{role: senior, years: 2}", "{role: seniro, years: 2}")
    problems = problems_of(write_kb(tmp_path, roles=roles))
    problem = only(problems)
    assert problem.line == 11 and "unknown role 'seniro'; did you mean senior?" in problem.message


def test_duplicate_skill_id(tmp_path: Path) -> None:
    skills = MINI_SKILLS.replace("  - id: sql\n", "  - id: coding\n")
    found = [p for p in problems_of(write_kb(tmp_path, skills=skills)) if "duplicate" in p.message]
    assert len(found) == 1 and found[0].line == 11


def test_duplicate_mapping_key_is_an_error_with_its_line(tmp_path: Path) -> None:
    roles = MINI_ROLES.replace(
        "    track: dev\n    seniority: 1\n", "    track: dev\n    track: ops\n    seniority: 1\n"
    )
    with pytest.raises(Exception, match=r"roles.yaml:7: invalid YAML: duplicate key 'track'"):
        load_kb(write_kb(tmp_path, roles=roles))


def test_duplicate_alias(tmp_path: Path) -> None:
    roles = MINI_ROLES.replace("aliases: [sr]", "aliases: [jr]")
    problem = only(problems_of(write_kb(tmp_path, roles=roles)))
    assert problem.line == 14 and "alias 'jr' already names role 'junior'" in problem.message


def test_level_out_of_range(tmp_path: Path) -> None:
    roles = MINI_ROLES.replace("skills: {coding: 3,", "skills: {coding: 7,")
    problem = only(problems_of(write_kb(tmp_path, roles=roles)))
    assert problem.line == 18 and "level 7 is outside 0..5" in problem.message


def test_weight_out_of_range(tmp_path: Path) -> None:
    roles = MINI_ROLES.replace("weight: 5", "weight: 9")
    problem = only(problems_of(write_kb(tmp_path, roles=roles)))
    assert "weight 9 is outside 1..5" in problem.message


def test_prerequisite_cycle(tmp_path: Path) -> None:
    skills = MINI_SKILLS.replace(
        "    effort: {1: 1, 2: 2, 3: 3, 4: 4, 5: 5}\n",
        "    effort: {1: 1, 2: 2, 3: 3, 4: 4, 5: 5}\n    requires: {sql: 2}\n",
    )
    problem = only(problems_of(write_kb(tmp_path, skills=skills)))
    assert problem.line == 9 and "prerequisite cycle: coding -> sql -> coding" in problem.message


def test_missing_anchor(tmp_path: Path) -> None:
    skills = MINI_SKILLS.replace(", 5: Writes planners}", "}")
    problem = only(problems_of(write_kb(tmp_path, skills=skills)))
    assert problem.line == 15 and "anchor for level 5 is missing" in problem.message


def test_self_transition(tmp_path: Path) -> None:
    roles = MINI_ROLES.replace("{role: senior, years: 2}", "{role: junior, years: 2}")
    problems = problems_of(write_kb(tmp_path, roles=roles))
    assert "cannot transition to itself" in only(problems).message


def test_unreachable_role_is_a_warning(tmp_path: Path) -> None:
    roles = MINI_ROLES.replace("    next:\n      - {role: senior, years: 2}\n", "")
    problem = only(problems_of(write_kb(tmp_path, roles=roles)), "warning")
    assert problem.line == 10 and "no path reaches this role" in problem.message


def test_non_monotone_ladder_is_a_warning(tmp_path: Path) -> None:
    roles = MINI_ROLES.replace("skills: {coding: 3,", "skills: {coding: 0,")
    problem = only(problems_of(write_kb(tmp_path, roles=roles)), "warning")
    assert problem.line == 18 and "requires coding at 0, less than the rung below" in problem.message


def test_unknown_key_and_wrong_type(tmp_path: Path) -> None:
    roles = MINI_ROLES.replace("    seniority: 2\n", "    seniority: two\n    colour: blue\n")
    messages = sorted(p.message for p in problems_of(write_kb(tmp_path, roles=roles)))
    assert any("seniority must be a whole number" in m for m in messages)
    assert any(m.startswith("unknown key") for m in messages)


def test_every_problem_is_reported_in_one_run(tmp_path: Path) -> None:
    skills = MINI_SKILLS.replace("requires: {coding: 1}", "requires: {sql: 1}")  # sql needs itself
    roles = MINI_ROLES.replace("skills: {coding: 1, sql: 1}", "skills: {coding: 7, kotlin: 1}")
    errors = [p for p in problems_of(write_kb(tmp_path, skills=skills, roles=roles)) if p.severity == "error"]
    assert len(errors) == 3
    assert all(p.line for p in errors)


def test_validate_json_keeps_the_message_whole_when_the_folder_name_has_a_colon(tmp_path: Path) -> None:
    import json

    from typer.testing import CliRunner

    from careerctl.cli import app

    folder = tmp_path / "odd: name"
    folder.mkdir()
    (folder / "skills.yaml").write_text("version: 1\nskills: [\n")
    (folder / "roles.yaml").write_text("version: 1\nroles: []\n")
    result = CliRunner().invoke(app, ["kb", "validate", str(folder), "--json"])
    assert result.exit_code == 2
    problem = json.loads(result.stdout)["problems"][0]
    assert problem["file"] == str(folder / "skills.yaml")
    assert problem["message"].startswith("invalid YAML")
    assert "odd" not in problem["message"]


def test_an_input_error_is_made_from_its_fields() -> None:
    from careerctl.errors import InputError

    error = InputError("odd: name/roles.yaml", "unknown skill", 3, "roles.senior.skills")
    assert str(error) == "odd: name/roles.yaml:3: roles.senior.skills: unknown skill"
    problem = error.problem()
    assert (problem.path, problem.line, problem.key, problem.message) == (
        "odd: name/roles.yaml",
        3,
        "roles.senior.skills",
        "unknown skill",
    )
