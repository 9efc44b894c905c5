"""The app layer: typed results whose document is the --json output, written through the Env."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import msgspec
import pytest
from typer.testing import CliRunner

from careerctl import app
from careerctl.cli import app as typer_app
from careerctl.context import Env
from careerctl.errors import ExitCode, UnknownName
from careerctl.render import render
from careerctl.results import RolesDoc, RouteDoc


def env_for(kb: Path, **streams: object) -> Env:
    return Env(kb_dir=kb, stdout=io.StringIO(), stderr=io.StringIO(), **streams)  # type: ignore[arg-type]


def test_a_result_is_the_json_document(mini_kb: Path, runner: CliRunner) -> None:
    result = app.roles(env_for(mini_kb))
    assert isinstance(result.doc, RolesDoc)
    printed = runner.invoke(typer_app, ["--kb", str(mini_kb), "roles", "--json"]).stdout
    assert json.loads(printed) == msgspec.to_builtins(result.doc)


def test_render_writes_to_the_envs_stdout_only(mini_kb: Path, capsys: pytest.CaptureFixture[str]) -> None:
    env = env_for(mini_kb)
    render(app.roles(env), "json", env)
    render(app.roles(env), "rich", env)
    assert capsys.readouterr() == ("", "")
    assert env.stdout.getvalue().startswith('{\n  "schema": "careerctl.roles/1"')  # type: ignore[attr-defined]


def test_no_route_is_a_result_with_exit_code_1(mini_kb: Path) -> None:
    result = app.path(env_for(mini_kb), "senior", "junior")
    assert result.exit_code is ExitCode.NO_RESULT
    assert isinstance(result.doc, RouteDoc) and result.doc.route is None and result.doc.reason


def test_an_unknown_role_is_an_error_not_a_result(mini_kb: Path) -> None:
    with pytest.raises(UnknownName):
        app.path(env_for(mini_kb), "junior", "nobody")


def test_the_clock_is_the_envs() -> None:
    assert Env(environ={"SOURCE_DATE_EPOCH": "1767225600"}).today() == date(2026, 1, 1)
    assert Env(environ={}).today() == date.today()


def test_the_terminal_facts_are_the_envs() -> None:
    piped = Env(stdout=io.StringIO(), environ={})
    assert (piped.isatty, piped.width) == (False, 80)
    assert Env(stdout=io.StringIO(), environ={"COLUMNS": "77"}).width == 77


def test_notices_go_to_the_envs_stderr_shown_literally(mini_kb: Path) -> None:
    env = env_for(mini_kb)
    env.say("saved to \x1b[31mhere")
    assert env.stderr.getvalue() == "saved to \\x1b[31mhere\n"  # type: ignore[attr-defined]


def test_the_app_module_is_loaded_once_whichever_command_line_comes_first() -> None:
    import subprocess
    import sys

    code = (
        "import careerctl.app as first\n"
        "import careerctl.cli\n"
        "import sys\n"
        "assert careerctl.cli.use is first and sys.modules['careerctl.app'] is first\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
