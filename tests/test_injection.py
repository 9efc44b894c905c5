"""Terminal injection: text from a KB or an answers file prints literally in every output. Markup is
never applied, and escape sequences and other control characters never reach the terminal."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from careerctl.cli import app
from careerctl.render.rich import lit
from kbfiles import write_kb

BOOM = "\x1b[2J[blink]boom[/blink]"
BOOM_SHOWN = "\\x1b[2J[blink]boom[/blink]"

# Every free-text field of the format holds something hostile (YAML double quotes decode the
# escapes). Ids, aliases, tracks and categories are tokens: hostile ones are refused (test_tokens.py).
HOSTILE_SKILLS = r"""
version: 1
scale: ["none\e[2J", "novice[red]", "beginner\x9b2J", "competent\e]0;t\a", "proficient\u202e", "expert\e[5m"]
skills:
  - id: coding
    name: "\e[2J[blink]boom[/blink]"
    category: prog
    summary: "[link=https://evil.example]click[/link] \e]8;;https://evil.example\e\\here\e]8;;\e\\ [/]"
    levels: {1: "\e[31mred", 2: "[bold]bold", 3: "c\u202eevil", 4: "nul\0bs\b", 5: "cr\rreset\ec"}
    tags: ["\e[2J"]
    resources:
      - {title: "\e[2J[blink]res[/blink]", kind: book, level: 1, url: "https://x.example/\e[2J"}
      - {title: "zero\u200bwidth\u2066iso", kind: docs, level: 2}
  - id: sql
    name: "SQL\a\x85x"
    category: data
    summary: "del\x7f and tab\there"
    levels: {1: a, 2: b, 3: c, 4: d, 5: e}
    requires: {coding: 1}
"""
HOSTILE_ROLES = r"""
version: 1
about: {name: "\e[2JKB", source: "[red]src", version: "1\e[0m", licence: "\x9bx", url: "u\e]8;;x\e\\"}
roles:
  - id: junior
    name: "\e[2J[blink]boom[/blink]"
    aliases: [jr]
    track: dev
    seniority: 1
    summary: "\e]0;pwned\a[red]summary"
    responsibilities: ["\e[2J[b]resp", "\U000E0041tag"]
    skills: {coding: 1, sql: 1}
    next:
      - {role: senior, years: 2}
  - id: senior
    name: "Senior\e[6n"
    aliases: [sr]
    track: dev
    seniority: 2
    summary: "Knows\e[8mhidden"
    skills: {coding: 3, sql: {level: 2, weight: 5}}
"""
COMMANDS = [
    ["roles"],
    ["roles", "--tree"],
    ["skills"],
    ["show", "jr"],
    ["show", "coding"],
    ["show", "sql"],
    ["plan", "--set", "coding=1", "--target", "senior"],
    ["path", "jr", "sr"],
    ["match", "--set", "sql=1"],
    ["kb", "stats"],
    ["kb", "validate"],
]
# Bytes that act on a terminal: C0 controls but newline, DEL, C1 controls (as UTF-8), and
# bidi/zero-width characters that reorder or hide text.
UNSAFE = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\U000e0000-\U000e007f]"
)
SGR = re.compile("\x1b\\[[0-9;]*m")


@pytest.fixture
def hostile_kb(tmp_path: Path) -> Path:
    return write_kb(tmp_path / "hostile", HOSTILE_SKILLS, HOSTILE_ROLES)


def run(runner: CliRunner, kb: Path, args: list[str]) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--kb", str(kb), *args])
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result.exit_code, result.stdout_bytes.decode("utf-8"), result.stderr_bytes.decode("utf-8")


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_hostile_text_never_reaches_the_terminal(
    runner: CliRunner, hostile_kb: Path, args: list[str]
) -> None:
    code, out, err = run(runner, hostile_kb, args)
    assert code == 0, err
    assert UNSAFE.findall(out + err) == []


@pytest.mark.parametrize("args", [["roles"], ["show", "jr"], ["show", "coding"]], ids=" ".join)
def test_the_role_name_prints_literally(runner: CliRunner, hostile_kb: Path, args: list[str]) -> None:
    _, out, _ = run(runner, hostile_kb, args)
    assert BOOM_SHOWN in out


def test_every_field_shows_up_escaped(runner: CliRunner, hostile_kb: Path) -> None:
    shown = "".join(run(runner, hostile_kb, args)[1] for args in COMMANDS)
    for text in [
        "[link=https://evil.example]click[/link] \\x1b]8;;https://evil.example\\x1b\\here",
        "\\x1b[31mred",
        "[bold]bold",
        "c\\u202eevil",
        "nul\\x00bs\\x08",
        "cr\\x0dreset\\x1bc",
        "\\x1b[2J[blink]res[/blink]",
        "https://x.example/\\x1b[2J",
        "zero\\u200bwidth\\u2066iso",
        "SQL\\x07\\x85x",
        "del\\x7f",
        "novice[red]",
        "\\x1b[2JKB",
        "[red]src",
        "\\x1b]0;pwned\\x07[red]summary",
        "\\x1b[2J[b]resp",
        "\\U000e0041tag",
        "Senior\\x1b[6n",
    ]:
        assert text in shown


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_on_a_colour_terminal_only_colours_are_sent(
    runner: CliRunner, hostile_kb: Path, args: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("TERM", "xterm-256color")
    code, out, err = run(runner, hostile_kb, args)
    assert code == 0
    assert SGR.search(out), "the terminal should get colour"
    assert UNSAFE.findall(SGR.sub("", out + err)) == []


@pytest.mark.parametrize(
    ("args", "field", "value"),
    [
        (["roles", "--json"], ("roles", 0, "name"), BOOM),
        (["roles", "--json"], ("roles", 0, "responsibilities", 1), "\U000e0041tag"),
        (["show", "coding", "--json"], ("skill", "name"), BOOM),
        (["show", "coding", "--json"], ("skill", "levels", 2, "anchor"), "c\u202eevil"),
        (["kb", "stats", "--json"], ("about", "licence"), "\x9bx"),
    ],
)
def test_json_escapes_control_characters_and_keeps_the_data(
    runner: CliRunner, hostile_kb: Path, args: list[str], field: tuple[str | int, ...], value: str
) -> None:
    _, out, _ = run(runner, hostile_kb, args)
    assert UNSAFE.findall(out) == []
    doc = json.loads(out)
    for key in field:
        doc = doc[key]
    assert doc == value


@pytest.mark.parametrize(
    "args",
    [
        ["roles", "--format", "mermaid"],
        ["roles", "--format", "dot"],
        ["path", "jr", "sr", "--format", "mermaid"],
        ["path", "jr", "sr", "--format", "dot"],
        ["report", "--set", "coding=1", "--target", "sr", "--format", "markdown"],
        ["report", "--set", "coding=1", "--target", "sr", "--format", "html"],
    ],
    ids=" ".join,
)
def test_diagrams_and_reports_on_stdout_carry_no_control_characters(
    runner: CliRunner, hostile_kb: Path, args: list[str]
) -> None:
    code, out, err = run(runner, hostile_kb, args)
    assert code == 0, err
    assert re.findall("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e]", out + err) == []


def test_validation_problems_about_hostile_keys_print_escaped(runner: CliRunner, tmp_path: Path) -> None:
    roles = HOSTILE_ROLES.replace("    seniority: 2\n", '    seniority: 2\n    "\\e]0;key\\a[red]": 1\n')
    kb = write_kb(tmp_path / "kb", HOSTILE_SKILLS, roles)
    code, out, _ = run(runner, kb, ["kb", "validate"])
    assert code == 2 and "senior.\\x1b]0;key\\x07[red]: unknown key" in out
    assert UNSAFE.findall(out) == []
    code, out, err = run(runner, kb, ["roles"])
    assert (code, out) == (2, "") and "\\x1b]0;key\\x07[red]" in err and UNSAFE.findall(err) == []


@pytest.mark.parametrize(
    "args",
    [
        ["show", BOOM + "x"],
        ["roles", "--track", "\x1b]0;t\x07"],
        ["match", "--set", "\x1b[2J=3"],
        ["plan", "--top", "\x1b[2J"],
        ["--x\x1b]0;t\x07"],
        ["\x1b[2J"],
    ],
    ids=["show", "track", "set", "option-value", "option-name", "command"],
)
def test_what_the_user_typed_is_echoed_escaped(runner: CliRunner, hostile_kb: Path, args: list[str]) -> None:
    code, out, err = run(runner, hostile_kb, args)
    assert code == 2 and out == ""
    assert "\\x1b" in err and UNSAFE.findall(err) == []


def test_answers_file_keys_are_echoed_escaped(runner: CliRunner, hostile_kb: Path, tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text('"\\e[2J[red]sql\\u202e": 2\n')
    code, out, err = run(runner, hostile_kb, ["match", "--answers", str(answers)])
    assert (code, out) == (2, "")
    assert "\\x1b[2J[red]sql\\u202e: unknown skill" in err and UNSAFE.findall(err) == []


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("\x1b[2J", "\\x1b[2J"),
        ("\x9b", "\\x9b"),
        ("a\u202eb", "a\\u202eb"),
        ("\ud800", "\\ud800"),
        ("\U000e0001", "\\U000e0001"),
        ("tab\tand\nnewline", "tab\\tand\\nnewline"),  # a line break in data never starts a line
        ("[red]x[/]", "[red]x[/]"),
    ],
)
def test_lit_shows_controls_and_never_markup(raw: str, shown: str) -> None:
    text = lit(raw)
    assert text.plain == shown and not text.spans


HOSTILE_PROFILE = r"""
version: 1
current: junior
target: senior
assessments:
  - at: "2026-05-01T10:00:00Z"
    kb: "\e]0;kb-id\a"
    current: junior
    target: senior
    complete: true
    skills: [coding, sql, "\e[2Jgone"]
    levels: {coding: 1, sql: 2, "\e[2J[red]gone": 3}
    notes: {coding: "\e[2J[blink]note[/blink]\u202e\x9b2J", sql: "[link=https://evil.example]x[/link]"}
  - at: "2026-05-02T10:00:00Z"
    kb: "[red]kb"
    current: junior
    target: senior
    complete: false
    skills: [coding, sql]
    levels: {coding: 2}
    notes: {coding: "second\e]8;;https://evil.example\e\\link\e]8;;\e\\"}
"""
PROFILE_COMMANDS = [
    ["profile", "show"],
    ["progress"],
    ["plan"],
    ["match"],
    ["path", "jr", "sr", "--set", "coding=1"],
    ["assess", "--current", "jr", "--target", "sr", "--set", "sql=3"],
]


@pytest.mark.parametrize("args", PROFILE_COMMANDS, ids=" ".join)
def test_hostile_profile_text_never_reaches_the_terminal(
    runner: CliRunner, hostile_kb: Path, tmp_path: Path, args: list[str]
) -> None:
    profile = tmp_path / "profile.yaml"
    profile.write_text(HOSTILE_PROFILE)
    code, out, err = run(runner, hostile_kb, ["--profile", str(profile), *args])
    assert code == 0, err
    assert UNSAFE.findall(out + err) == []


def test_profile_notes_print_literally(runner: CliRunner, hostile_kb: Path, tmp_path: Path) -> None:
    profile = tmp_path / "profile.yaml"
    profile.write_text(HOSTILE_PROFILE)
    _, out, _ = run(runner, hostile_kb, ["--profile", str(profile), "profile", "show"])
    for text in [
        "second\\x1b]8;;https://evil.example",
        "[link=https://evil.example]x[/link]",
        "\\x1b[2J[red]gone",
    ]:
        assert text in out
