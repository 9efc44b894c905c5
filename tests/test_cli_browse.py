"""The browse commands as a user runs them: roles, skills, show, kb validate, kb stats, --version."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from careerctl import __version__
from careerctl.cli import app
from kbfiles import MINI_ROLES, MINI_SKILLS, write_kb


def run(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_version(runner: CliRunner) -> None:
    assert run(runner, "--version") == (0, f"careerctl {__version__}\n", "")


def test_roles_table_lists_every_role(runner: CliRunner) -> None:
    code, out, _ = run(runner, "roles")
    assert code == 0
    for name in (
        "Backend Intern",
        "Senior Backend Developer",
        "Developer Advocate",
        "Chief Technology Officer",
    ):
        assert name in out


def test_roles_json_has_45_roles_with_requirements(runner: CliRunner) -> None:
    code, out, err = run(runner, "roles", "--json")
    doc = json.loads(out)
    assert (code, err, doc["schema"]) == (0, "", "careerctl.roles/1")
    assert len(doc["roles"]) >= 45
    assert all(len(r["requirements"]) >= 8 for r in doc["roles"])


def test_roles_by_track_and_as_a_tree(runner: CliRunner) -> None:
    code, out, _ = run(runner, "roles", "--track", "backend", "--tree")
    assert code == 0
    assert out.index("0  Backend Intern") < out.index("3  Senior Backend Developer")
    assert "-> Engineering Manager" in out and "4  Engineering Manager" not in out  # a move, not a rung


def test_unknown_track_suggests(runner: CliRunner) -> None:
    assert run(runner, "roles", "--track", "backnd") == (
        2,
        "",
        "careerctl: unknown track 'backnd'; did you mean backend?\n",
    )


def test_skills_json_has_30_skills_with_5_anchors(runner: CliRunner) -> None:
    code, out, _ = run(runner, "skills", "--json")
    skills = json.loads(out)["skills"]
    assert code == 0 and len(skills) >= 30
    assert all(len(s["levels"]) == 5 for s in skills)


def test_skills_by_category(runner: CliRunner) -> None:
    code, out, _ = run(runner, "skills", "--category", "security", "--json")
    assert code == 0 and {s["category"] for s in json.loads(out)["skills"]} == {"security"}


@pytest.mark.parametrize("name", ["senior", "SENIOR", "senior-backend-developer", "Senior Backend Developer"])
def test_show_finds_a_role_by_alias_id_or_name(runner: CliRunner, name: str) -> None:
    code, out, _ = run(runner, "show", name)
    assert code == 0 and "Senior Backend Developer" in out and "Requirements" in out


def test_show_a_skill(runner: CliRunner) -> None:
    code, out, _ = run(runner, "show", "sql", "--json")
    doc = json.loads(out)
    assert code == 0 and doc["schema"] == "careerctl.skill/1" and len(doc["skill"]["levels"]) == 5


def test_show_misspelt_name_suggests_and_exits_2(runner: CliRunner) -> None:
    code, out, err = run(runner, "show", "seniro")
    assert (code, out) == (2, "")
    assert (
        err == "careerctl: unknown role or skill 'seniro'; did you mean senior or senior pm or senior em?\n"
    )


def test_kb_validate_bundled(runner: CliRunner) -> None:
    code, out, _ = run(runner, "kb", "validate", "data")
    assert code == 0 and "valid (0 errors, 0 warnings)" in out


def test_kb_validate_reports_all_three_faults_with_file_and_line(runner: CliRunner, tmp_path: Path) -> None:
    skills = MINI_SKILLS.replace("requires: {coding: 1}", "requires: {sql: 1}")
    roles = MINI_ROLES.replace("skills: {coding: 1, sql: 1}", "skills: {coding: 1, kotlin: 1}").replace(
        "coding: 3,", "coding: 7,"
    )
    folder = write_kb(tmp_path / "bad", skills=skills, roles=roles)
    code, out, err = run(runner, "kb", "validate", str(folder), "--json")
    doc = json.loads(out)
    assert code == 2 and not doc["valid"] and "Traceback" not in out + err
    found = {(Path(p["file"]).name, p["line"]) for p in doc["problems"] if p["severity"] == "error"}
    assert found == {("skills.yaml", 16), ("roles.yaml", 9), ("roles.yaml", 18)}


def test_a_command_on_a_broken_kb_exits_2_with_the_problems_on_stderr(
    runner: CliRunner, tmp_path: Path
) -> None:
    folder = write_kb(tmp_path / "bad", roles=MINI_ROLES.replace("coding: 3,", "coding: 7,"))
    code, out, err = run(runner, "--kb", str(folder), "roles")
    assert (code, out) == (2, "")
    assert "roles.yaml:18: error: senior.skills.coding: level 7 is outside 0..5" in err


def test_kb_from_environment(runner: CliRunner, mini_kb: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CAREERCTL_KB", str(mini_kb))
    code, out, _ = run(runner, "roles", "--json")
    assert code == 0 and [r["id"] for r in json.loads(out)["roles"]] == ["junior", "senior"]


def test_kb_stats(runner: CliRunner) -> None:
    code, out, _ = run(runner, "kb", "stats", "--json")
    doc = json.loads(out)
    assert code == 0 and doc["roles"] >= 18 and doc["skills"] >= 30 and doc["about"]["licence"]


def command_paths() -> list[list[str]]:
    import typer.main

    root = typer.main.get_command(app)
    paths: list[list[str]] = [[]]

    def walk(group: object, prefix: list[str]) -> None:
        for name, command in getattr(group, "commands", {}).items():
            paths.append([*prefix, name])
            walk(command, [*prefix, name])

    walk(root, [])
    return paths


@pytest.mark.parametrize("path", command_paths(), ids=lambda p: " ".join(p) or "careerctl")
def test_every_command_has_help(runner: CliRunner, path: list[str]) -> None:
    code, out, _ = run(runner, *path, "--help")
    assert code == 0 and "Usage:" in out
    import typer.main

    command = typer.main.get_command(app)
    for name in path:
        command = command.commands[name]  # type: ignore[attr-defined]
    assert command.help or command.short_help, f"{' '.join(path)} has no help text"


def test_kb_schema_lists_and_prints_the_shipped_schemas(runner: CliRunner) -> None:
    code, out, _ = run(runner, "kb", "schema")
    assert code == 0 and "careerctl.plan/1" in out.split()
    code, out, _ = run(runner, "kb", "schema", "careerctl.route/1")
    assert code == 0 and json.loads(out)["$id"] == "careerctl.route/1"
    assert run(runner, "kb", "schema", "plna")[2] == "careerctl: unknown schema 'plna'; did you mean plan?\n"
