"""Edges a new user hit: what careerctl refuses to touch, and how it words surprises."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from careerctl.cli import app
from kbfiles import write_kb


def run(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_profile_reset_never_moves_a_folder(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "notes"
    folder.mkdir()
    code, _, err = run(runner, "--profile", str(folder), "profile", "reset")
    assert code == 2 and "not a regular file" in err and folder.is_dir()
    assert not (tmp_path / "notes.bak").exists()


def test_kb_import_never_overwrites_a_kb_without_force(runner: CliRunner, tmp_path: Path) -> None:
    mine = write_kb(tmp_path / "mine")
    before = (mine / "roles.yaml").read_bytes()
    code, _, err = run(runner, "kb", "import", "onet", str(tmp_path / "anything"), "--out", str(mine))
    assert code == 2 and "already holds a KB" in err and "--force" in err
    assert (mine / "roles.yaml").read_bytes() == before


def test_report_never_creates_folders(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "typo" / "r.html"
    code, _, err = run(runner, "report", "--from", "junior", "-o", str(target))
    assert code == 2 and "there is no folder" in err and not target.parent.exists()


def test_answers_file_keys_in_any_case(runner: CliRunner, tmp_path: Path) -> None:
    answers = tmp_path / "a.yaml"
    answers.write_text("SQL: 4\n")
    code, out, _ = run(runner, "plan", "--answers", str(answers), "--target", "senior", "--json")
    assert code == 0 and "sql" not in {g["skill"] for g in json.loads(out)["gaps"]}


def test_a_profile_made_on_another_kb_is_not_used_silently(runner: CliRunner, tmp_path: Path) -> None:
    answers = tmp_path / "a.yaml"
    answers.write_text("sql: 3\nsystem-design: 2\n")
    code, _, _ = run(runner, "assess", "--current", "junior", "--target", "mid", "--answers", str(answers))
    assert code == 0
    other = write_kb(tmp_path / "other")  # shares only `sql` with the bundled KB
    code, _, err = run(runner, "--kb", str(other), "match")
    assert code == 0 and "skills in" in err and "are not in this knowledge base; they are left out" in err
    nothing = write_kb(
        tmp_path / "nothing",
        skills=(tmp_path / "other" / "skills.yaml").read_text().replace("id: sql", "id: nosql"),
        roles=(tmp_path / "other" / "roles.yaml").read_text().replace("sql", "nosql"),
    )
    code, out, err = run(runner, "--kb", str(nothing), "plan")
    assert (code, out) == (2, "") and "made on another knowledge base" in err


def test_a_closed_pipe_is_not_an_error(tmp_path: Path) -> None:
    env = {**os.environ, "CAREERCTL_CACHE_DIR": str(tmp_path)}
    child = subprocess.Popen(
        [sys.executable, "-m", "careerctl", "plan", "--from", "junior", "--target", "senior"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert child.stdout is not None and child.stderr is not None
    child.stdout.read(20)
    child.stdout.close()
    assert child.wait(timeout=60) == 0
    assert child.stderr.read() == b""


def test_suggestions_name_each_role_once(runner: CliRunner) -> None:
    _, _, err = run(runner, "show", "backend-devloper")
    hints = err.split("did you mean ")[1].rstrip("?\n").split(" or ")
    assert hints[0] == "backend-developer" and len(hints) == len(set(hints))
