"""The entry point answers the busiest command lines without Typer, exactly as the Typer app would."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from careerctl import entry
from careerctl.cli import app


def typer_says(runner: CliRunner, args: list[str], env: dict[str, str] | None = None) -> tuple[int, str]:
    result = runner.invoke(app, args, env=env, prog_name="careerctl")
    return result.exit_code, result.stdout


def entry_says(
    args: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, env: dict[str, str]
) -> tuple[bool, int, str]:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    code = 0
    try:
        handled = entry.answer(args)
    except SystemExit as exc:
        handled, code = True, int(exc.code or 0)
    return handled, code, capsys.readouterr().out


ANSWERED = [
    ["--version"],
    ["path", "junior", "senior", "--json"],
    ["path", "--json", "junior", "senior"],
    ["path", "junior", "senior"],
    ["path", "Junior Backend Developer", "SENIOR"],
    ["roles"],
    ["roles", "--json"],
    ["--kb", "{mini}", "path", "jr", "senior", "--json"],
    ["--kb={mini}", "roles"],
]
LEFT_TO_TYPER = [
    [],
    ["--help"],
    ["path", "--help"],
    ["path", "junior", "senior", "--alternatives", "1"],
    ["path", "junior", "senior", "--json", "--json"],
    ["path", "junior"],
    ["path", "junior", "senior", "staff"],
    ["--kb"],
    ["--profile", "p.yaml", "roles"],
    ["roles", "--track", "backend"],
    ["roles", "--tree"],
    ["plan", "--from", "junior", "--json"],
    ["--", "roles"],
]


ANSWERED_WITH_AN_ERROR = [
    ["path", "junior", "nobody"],
    ["path", "junior", "nobody", "--json"],
    ["--kb", "{mini}", "path", "senior", "junior"],  # no route: exit 1, with the reason
    ["--kb", "{mini}", "path", "senior", "junior", "--json"],
    ["--kb", "{nowhere}", "roles"],
]


def filled(args: list[str], mini_kb: Path, tmp_path: Path) -> list[str]:
    return [a.format(mini=mini_kb, nowhere=tmp_path / "nowhere") for a in args]


@pytest.mark.parametrize("args", ANSWERED)
def test_answers_are_the_typer_apps_byte_for_byte(
    args: list[str],
    runner: CliRunner,
    mini_kb: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    args = filled(args, mini_kb, tmp_path)
    expected = typer_says(runner, args)
    assert expected[0] == 0
    assert entry_says(args, capsys, monkeypatch, {}) == (True, *expected)


@pytest.mark.parametrize("args", ANSWERED_WITH_AN_ERROR)
def test_errors_are_the_typer_apps_byte_for_byte(
    args: list[str],
    runner: CliRunner,
    mini_kb: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    args = filled(args, mini_kb, tmp_path)
    typer = runner.invoke(app, args, prog_name="careerctl")
    assert typer.exit_code in (1, 2)
    with pytest.raises(SystemExit) as stopped:
        entry.answer(args)
    said = capsys.readouterr()
    assert (stopped.value.code, said.out, said.err) == (typer.exit_code, typer.stdout, typer.stderr)


def test_an_error_in_the_fast_path_is_computed_once(
    mini_kb: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import careerctl.kb.load
    import careerctl.route

    calls = {"find_routes": 0, "load_kb": 0}

    def counted(name: str, real: Any) -> Any:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            calls[name] += 1
            return real(*args, **kwargs)

        return wrapper

    monkeypatch.setattr(careerctl.route, "find_routes", counted("find_routes", careerctl.route.find_routes))
    monkeypatch.setattr(careerctl.kb.load, "load_kb", counted("load_kb", careerctl.kb.load.load_kb))
    run = ["careerctl", "--kb", str(mini_kb), "path", "senior", "junior", "--json"]  # no route
    monkeypatch.setattr(sys, "argv", run)
    with pytest.raises(SystemExit) as stopped:
        entry.run()  # the console script: it must not hand the error to Typer to compute again
    assert stopped.value.code == 1 and json.loads(capsys.readouterr().out)["route"] is None
    assert calls == {"find_routes": 1, "load_kb": 1}


def test_the_kb_variable_is_honoured(
    runner: CliRunner, mini_kb: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    env = {"CAREERCTL_KB": str(mini_kb)}
    expected = typer_says(runner, ["roles", "--json"], env)
    assert entry_says(["roles", "--json"], capsys, monkeypatch, env) == (True, *expected)
    assert '"jr"' in expected[1]


@pytest.mark.parametrize("args", LEFT_TO_TYPER)
def test_everything_else_is_left_to_typer(
    args: list[str], mini_kb: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert entry.answer(filled(args, mini_kb, tmp_path)) is False
    assert capsys.readouterr() == ("", "")


COMPLETED = [  # the words after `careerctl`, and the word being completed
    (["path"], ""),
    (["path"], "s"),
    (["path"], "SE"),
    (["path", "junior"], "s"),
    (["path"], "zzz"),
    (["show"], "j"),
    (["plan", "--from"], ""),
    (["plan", "--target"], "se"),
    (["path", "junior", "senior", "--from"], "j"),
    (["roles", "--track"], ""),
    (["match", "--track"], "b"),
    (["report", "--target"], "se"),
    (["report", "--from"], ""),
    (["assess", "--current"], "j"),
    (["assess", "--target"], ""),
    (["--kb", "{mini}", "path"], ""),
    (["--kb={mini}", "show"], "s"),
]
NOT_COMPLETED = [
    (["path", "--json"], ""),
    (["path", "junior", "senior"], ""),
    (["path"], "--"),
    (["path"], "'ju"),
    (["skills", "--category"], ""),
    (["show", "--json"], ""),
    (["plan", "--from"], "--x"),
    ([], "pa"),
]


def completion_env(shell: str, words: list[str], incomplete: str, action: str = "get-args") -> dict[str, str]:
    line = " ".join(["careerctl", *words, incomplete])
    if shell == "bash":
        return {"_CAREERCTL_COMPLETE": "complete_bash", "COMP_WORDS": line, "COMP_CWORD": str(len(words) + 1)}
    env = {"_CAREERCTL_COMPLETE": f"complete_{shell}", "_TYPER_COMPLETE_ARGS": line}
    return env | ({"_TYPER_COMPLETE_FISH_ACTION": action} if shell == "fish" else {})


SHELLS = [("bash", ""), ("zsh", ""), ("fish", "get-args"), ("fish", "is-args")]


@pytest.mark.parametrize(("shell", "action"), SHELLS)
@pytest.mark.parametrize(("words", "incomplete"), COMPLETED)
def test_completions_are_the_typer_apps(
    shell: str,
    action: str,
    words: list[str],
    incomplete: str,
    runner: CliRunner,
    mini_kb: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    env = completion_env(shell, filled(words, mini_kb, tmp_path), incomplete, action)
    expected = typer_says(runner, [], env)
    assert entry_says([], capsys, monkeypatch, env) == (True, *expected)


@pytest.mark.parametrize(("words", "incomplete"), NOT_COMPLETED)
def test_other_completions_are_left_to_typer(
    words: list[str], incomplete: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name, value in completion_env("bash", words, incomplete).items():
        monkeypatch.setenv(name, value)
    assert entry.answer([]) is False
    assert capsys.readouterr() == ("", "")


def test_unknown_shells_are_left_to_typer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("_CAREERCTL_COMPLETE", "complete_powershell")
    monkeypatch.setenv("_TYPER_COMPLETE_ARGS", "careerctl path ")
    assert entry.answer([]) is False


WRAPPER = """\
import atexit, sys
atexit.register(lambda: sys.stderr.write("MODULES " + " ".join(sorted(sys.modules)) + "\\n"))
sys.argv = ["careerctl", *sys.argv[1:]]
from careerctl.{module} import run
run()
"""
NEVER_FOR_JSON = (
    "yaml",
    "questionary",
    "prompt_toolkit",
    "rich",
    "careerctl.render.rich",
    "careerctl.prompts",
)


@pytest.mark.parametrize("module", ["entry", "cli"])
@pytest.mark.parametrize("args", [["path", "junior", "senior", "--json"], ["roles", "--json"]])
def test_json_commands_with_a_warm_cache_import_no_ui_or_yaml(module: str, args: list[str]) -> None:
    command = [sys.executable, "-c", WRAPPER.format(module=module), *args]
    subprocess.run(command, check=True, capture_output=True)  # warms the cache
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    modules = set(done.stderr.split("MODULES ")[-1].split())
    assert not {m for m in modules if m.split(".")[0] in NEVER_FOR_JSON or m in NEVER_FOR_JSON}
    if module == "entry":
        assert not {m for m in modules if m.split(".")[0] in ("typer", "click")}


def test_path_with_a_saved_profile_starts_from_the_persons_levels_as_the_app_does(
    tmp_path: Path, runner: CliRunner, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    profile = tmp_path / "profile.yaml"
    monkeypatch.setenv("CAREERCTL_PROFILE", str(profile))
    saved = runner.invoke(app, ["assess", "--current", "junior", "--target", "senior", "--set", "sql=5"])
    assert saved.exit_code == 0, saved.stderr
    args = ["path", "junior", "senior", "--json"]
    expected = typer_says(runner, args)
    assert entry_says(args, capsys, monkeypatch, {}) == (True, *expected)
    assert json.loads(expected[1])["start_levels"] == "person"


def typer_completion_table(kb_dir: Path) -> dict[tuple[str, str], str]:
    """Which names (roles or tracks) every option and argument of the Typer app completes, found by asking it."""
    import typer.main
    from typer import _click as click
    from typer.core import TyperArgument, TyperGroup, TyperOption

    from careerctl.context import Env
    from careerctl.kb.load import kb_names

    roles, tracks = kb_names(Env(kb_dir=kb_dir).load().kb)
    root = typer.main.get_command(app)
    table: dict[tuple[str, str], str] = {}
    assert isinstance(root, TyperGroup)
    for name, command in root.commands.items():
        subcommands = command.commands.items() if isinstance(command, TyperGroup) else [(None, command)]
        for sub, leaf in subcommands:
            path = name if sub is None else f"{name} {sub}"
            ctx = click.Context(leaf, parent=click.Context(root, info_name="careerctl"))
            ctx.parent.params = {"kb": str(kb_dir)}  # type: ignore[union-attr]
            for position, param in enumerate(p for p in leaf.params if isinstance(p, TyperArgument)):
                offered = [item.value for item in param.shell_complete(ctx, "")]
                if offered in (roles, tracks):
                    table[path, f"argument {position + 1}"] = "roles" if offered == roles else "tracks"
            for param in leaf.params:
                if isinstance(param, TyperOption):
                    offered = [item.value for item in param.shell_complete(ctx, "")]
                    if offered and offered in (roles, tracks):
                        table[path, param.opts[0]] = "roles" if offered == roles else "tracks"
    return table


def test_the_fast_completion_table_is_the_typer_apps(mini_kb: Path) -> None:
    fast = {
        (command, option): which
        for option, (which, commands) in entry.OPTION_VALUES.items()
        for command in commands
    }
    fast |= {
        (command, f"argument {n + 1}"): "roles"
        for command, count in entry.ROLE_ARGUMENTS.items()
        for n in range(count)
    }
    typer = typer_completion_table(mini_kb)
    assert fast == typer
    assert {
        ("report", "--target"),
        ("report", "--from"),
        ("assess", "--current"),
        ("assess", "--target"),
    } <= set(typer)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("plan --kb acme --top 3", "--kb acme plan --top 3"),
        ("plan --kb=acme", "--kb=acme plan"),
        ("--profile p.yaml plan --quiet --kb k", "--profile p.yaml --quiet --kb k plan"),
        ("kb validate data --lang id", "--lang id kb validate data"),
        ("plan -- --kb", "plan -- --kb"),  # after --, nothing is an option
        ("--kb k roles --json", "--kb k roles --json"),
        ("--version", "--version"),
    ],
)
def test_global_options_after_the_command_move_before_it(given: str, expected: str) -> None:
    from careerctl.entry import hoist

    assert hoist(given.split()) == expected.split()
