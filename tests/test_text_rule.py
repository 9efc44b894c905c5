"""The one rule for text from data: what reorders, hides or breaks lines is shown, never obeyed."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careerctl.kb.yamlio import Limits, parse_yaml
from careerctl.model import Assessment, Profile
from careerctl.store import dump_profile, parse_profile

SNEAKY = "a\u202eb\u200bc\u2066d\ufeffe\u00adf"


@pytest.mark.parametrize("where", ["current", "note"])
def test_profile_export_writes_invisible_characters_as_escapes(where: str) -> None:
    note = {"sql": SNEAKY} if where == "note" else {}
    item = Assessment("2026-01-01T00:00:00Z", "kb", "j", "s", ("sql",), {"sql": 2}, note, True)
    profile = Profile(SNEAKY if where == "current" else "j", "s", (item,))
    text = dump_profile(profile).decode("utf-8")
    assert not set(text) & set(SNEAKY) - set("abcdef")
    assert '"a\\u202eb\\u200bc\\u2066d\\uFEFFe\\u00adf"' in text  # PyYAML escapes the BOM itself
    assert parse_profile(parse_yaml(text.encode(), Path("p.yaml"), Limits()), Path("p.yaml")) == profile


def huge_kb(tmp_path: Path) -> Path:
    """A valid KB whose target needs 3,000,000 hours: six skills at 100,000 hours a level."""
    from kbfiles import write_kb

    skills = "version: 1\nskills:\n" + "".join(
        f"  - {{id: s{n}, name: S{n}, category: c, summary: s, levels: {{1: a, 2: b, 3: c, 4: d, 5: e}},"
        " effort: {1: 100000, 2: 100000, 3: 100000, 4: 100000, 5: 100000}}\n"
        for n in range(6)
    )
    needs = ", ".join(f"s{n}: 5" for n in range(6))
    roles = (
        "version: 1\nroles:\n"
        "  - {id: junior, name: Junior, track: dev, seniority: 1, summary: s, skills: {s0: 0},"
        " next: [{role: senior, years: 1}]}\n"
        f"  - {{id: senior, name: Senior, track: dev, seniority: 2, summary: s, skills: {{{needs}}}}}\n"
    )
    return write_kb(tmp_path / "huge", skills, roles)


@pytest.mark.parametrize("fmt", ["html", "markdown"])
def test_a_target_beyond_the_calendar_is_more_than_100_years(tmp_path: Path, fmt: str) -> None:
    from typer.testing import CliRunner

    from careerctl.cli import app

    kb = huge_kb(tmp_path)
    args = ["--kb", str(kb), "report", "--from", "junior", "--target", "senior", "--format", fmt, "-o", "-"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.stderr
    assert "3,000,000 hours: more than 100 years at 6 h/week" in result.stdout
    plan = CliRunner().invoke(app, ["--kb", str(kb), "plan", "--from", "junior", "--target", "senior"])
    assert plan.exit_code == 0 and "more than 100 years" in plan.stdout


@pytest.mark.parametrize(
    ("weeks", "said"),
    [
        (0.5, "under a week"),
        (5210, "about 99.9 years"),
        (5214.1, "more than 100 years"),
        (float("inf"), "more than 100 years"),
    ],
)
def test_durations_stop_at_a_century(weeks: float, said: str) -> None:
    from careerctl.text import duration

    assert duration(weeks) == said


# ---- no line from data starts at column 0, in any output ---------------------------------------

MARK = "ZQXMARK"
"""Text that follows a line break in every hostile name: found at column 0, data started a line."""

OUTPUTS = [
    ["roles"],
    ["roles", "--tree"],
    ["roles", "--json"],
    ["roles", "--format", "mermaid"],
    ["roles", "--format", "dot"],
    ["skills"],
    ["show", "junior"],
    ["show", "senior"],
    ["show", "coding"],
    ["path", "junior", "senior"],
    ["path", "junior", "senior", "--format", "mermaid"],
    ["path", "junior", "senior", "--format", "dot"],
    ["plan", "--from", "junior", "--target", "senior"],
    ["match", "--from", "junior"],
    ["kb", "stats"],
    ["kb", "validate"],
    ["report", "--from", "junior", "--target", "senior", "--format", "markdown", "-o", "-"],
    ["report", "--from", "junior", "--target", "senior", "--format", "html", "-o", "-"],
    ["report", "--from", "junior", "--target", "senior", "--format", "packet", "-o", "-"],
    ["show", "junior", "--json"],
    ["plan", "--from", "junior", "--target", "senior", "--json"],
    ["search", "n"],
    ["progress"],
    ["calibrate"],
    ["profile", "show"],
    ["profile", "export"],
    ["evidence", "list"],
    ["review", "list"],
]
"""Every command and format; the profile in use holds a note, evidence and a review from data too."""

_pieces = st.sampled_from(
    [
        "\n",
        "\r\n",
        "\t",
        "\u202e",
        "\u200b",
        "\u3164",
        "\x1b[2J",
        "[red]x[/red]",
        "$(touch x)",
        "`id`",
        "<script>",
        "](http://e.x)",
        "![i](http://e.x/i.png)",
        "*",
        "# h",
        "|",
        "-->",
        '"',
        "\\",
    ]
)
hostile_text = st.lists(st.one_of(_pieces, st.text("abc ", min_size=1, max_size=3)), max_size=4).map("".join)


def yaml_text(text: str) -> str:
    import json

    return json.dumps(text)  # a JSON string is a YAML double-quoted scalar


@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
@given(hostile_text, hostile_text)
def test_no_line_from_data_starts_at_column_0(
    tmp_path_factory: pytest.TempPathFactory, before: str, after: str
) -> None:
    from typer.testing import CliRunner

    from careerctl.cli import app
    from kbfiles import MINI_ROLES, MINI_SKILLS, write_kb

    name = yaml_text(f"n{before}\n{MARK}{after}")  # "n": the value itself does not start with MARK
    roles = MINI_ROLES.replace("name: Junior Dev", f"name: {name}").replace(
        "summary: Starts out.", f"summary: {name}"
    )
    skills = MINI_SKILLS.replace("name: Coding", f"name: {name}").replace(
        "summary: Writing programs.", f"summary: {name}"
    )
    kb = write_kb(tmp_path_factory.mktemp("kb"), skills, roles)
    profile = kb.parent / "profile.yaml"
    runner = CliRunner()

    def run(*args: str) -> tuple[tuple[str, ...], str]:
        result = runner.invoke(app, ["--kb", str(kb), "--profile", str(profile), *args])
        assert result.exit_code == 0, (args, result.stderr)
        return args, result.stdout + result.stderr

    def spoil(path: Path, old: str, new: str) -> None:
        text = path.read_text()
        assert old in text, text
        path.write_text(text.replace(old, new))

    rate = ["--current", "junior", "--target", "senior", "--set", "coding=1", "--set", "sql=2"]
    printed = [run("assess", *rate), run("evidence", "add", "coding", f"did {before}\n{MARK}{after}")]
    spoil(profile, "  notes: {}", f"  notes: {{coding: {name}}}")
    review = kb.parent / "review.yaml"
    printed.append(
        run("assess", "--rater", "peer", "--for", "Dana", "--by", "Sam", "--out", str(review), *rate)
    )
    spoil(review, "  coding: 1", f"  coding: {{level: 2, note: {name}}}")
    printed.append(run("review", "add", str(review)))
    printed += [run(*args) for args in [*OUTPUTS, ["team", str(profile)]]]
    for args, text in printed:
        for line in text.splitlines():
            assert not line.startswith(MARK), (args, line)


def test_dot_labels_are_cut_to_a_documented_length() -> None:
    from careerctl.render.diagram import DOT_LABEL_MAX, dot_quote

    quoted = dot_quote("x" * 20_000)
    assert len(quoted) == DOT_LABEL_MAX + 2 and quoted.endswith('…"')


def test_a_saved_note_is_shown_literally_as_a_prompt_default(monkeypatch: pytest.MonkeyPatch) -> None:
    import questionary

    from careerctl.prompts import TerminalPrompter
    from factories import skill

    seen: dict[str, object] = {}

    class Answer:
        def unsafe_ask(self) -> str:
            return "kept"

    def text(message: str, default: str = "", **_: object) -> Answer:
        seen["default"] = default
        return Answer()

    monkeypatch.setattr(questionary, "text", text)
    prompter = TerminalPrompter.__new__(TerminalPrompter)
    monkeypatch.setattr(prompter, "_io", lambda: {}, raising=False)
    assert prompter.note(skill("sql"), "ok\u202e\x1b[2J") == "kept"
    assert seen["default"] == "ok\\u202e\\x1b[2J"
