"""The one rule for text from data: what reorders, hides or breaks lines is shown, never obeyed."""

from __future__ import annotations

from pathlib import Path

import pytest

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
