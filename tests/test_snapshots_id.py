"""The Indonesian interface: plan, path, show and the reports at a fixed width, compared with reviewed
snapshots (tests/snapshots/id), and no English sentence of the renderers left in them.

Update after reviewing a change:

    CAREERCTL_UPDATE_SNAPSHOTS=1 pytest tests/test_snapshots_id.py    # then read `git diff tests/snapshots/id`
"""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree

import pytest
from babel.messages.pofile import read_po
from typer.testing import CliRunner

from careerctl.cli import app
from test_snapshots import FIXED_DATE, WIDTH, check

SRC = Path(__file__).resolve().parents[1] / "src" / "careerctl"
CATALOGUE = SRC / "locale" / "id" / "LC_MESSAGES" / "careerctl.po"

COMMANDS = {
    "plan-junior-senior": ["plan", "--from", "junior", "--target", "senior"],
    "plan-junior-senior-top5": ["plan", "--from", "junior", "--target", "senior", "--top", "5"],
    "path-junior-senior": ["path", "junior", "senior"],
    "show-backend-developer": ["show", "backend-developer"],
    "show-sql": ["show", "sql"],
    "roles": ["roles"],
    "match-senior-top5": ["match", "--from", "senior", "--top", "5"],
    "report-junior-senior-md": ["report", "--from", "junior", "--target", "senior", "--format", "markdown"],
}

RENDER_STRINGS = (
    "Readiness for",
    "Readiness ",
    "Phase 1 of",
    "met about",
    "set by your study",
    "set by the typical",
    "more steps in this phase",
    "--all shows every step",
    "skills at a time",
    "h/week",
    "more blocks",
    "of study",
    "typically",
    "on the way",
    "weight ",
    "levels short",
    "level short",
    "ready;",
    "unblocks",
    "readiness for",
    "needed before",
    "needed by",
    "Largest gaps",
    "Best route",
    "Alternative 1",
    "start: ",
    "in the role before",
    "no skill needs to rise",
    "about ",
    "years",
    "Responsibilities",
    "Requirements",
    "| weight ",
    "Next\n",
    "after ~",
    "track backend, rung",
    "aliases:",
    "what a person at this level does",
    "needs first",
    "Resources\n",
    "fit: how close",
    "direct hours",
    "(your role)",
    "a rung below yours",
    "Career report",
    "Learning plan",
    "## Route",
    "Skills against",
    "Ready after",
    "Study still needed",
    "Target met about",
    "Made with careerctl from",
    "You already meet",
    "still needs",
    "already met",
    "still needed",
    "above the need",
    "cells per level",
)
"""English sentences and labels of the renderers; none may appear in the Indonesian output."""


def run(runner: CliRunner, monkeypatch: pytest.MonkeyPatch, args: list[str], width: int = WIDTH) -> str:
    monkeypatch.setenv("COLUMNS", str(width))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", FIXED_DATE)
    result = runner.invoke(app, ["--lang", "id", *args])
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_indonesian_output_matches_snapshot(
    name: str, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    check(f"id/{name}", run(runner, monkeypatch, COMMANDS[name]))


@pytest.mark.parametrize("width", [80, 120])
@pytest.mark.parametrize(
    "args",
    [
        ["plan", "--from", "junior", "--target", "senior"],
        ["plan", "--from", "junior", "--target", "senior", "--all"],
        ["path", "junior", "senior"],
        ["show", "backend-developer"],
        ["report", "--from", "junior", "--target", "senior", "--format", "markdown"],
    ],
)
def test_no_english_sentence_of_the_renderers_is_left(
    args: list[str], width: int, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = run(runner, monkeypatch, args, width)
    left = [s for s in RENDER_STRINGS if s in out]
    assert left == [], f"English left in `careerctl --lang id {' '.join(args)}`: {left}"


def test_the_english_list_finds_english(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    """The list above is worth something only if it catches the English output."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", FIXED_DATE)
    out = runner.invoke(app, ["plan", "--from", "junior", "--target", "senior"]).stdout
    out += runner.invoke(app, ["path", "junior", "senior"]).stdout
    assert sum(s in out for s in RENDER_STRINGS) >= 15


def test_the_html_report_is_indonesian(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", FIXED_DATE)
    out = tmp_path / "r.html"
    args = [
        "--lang",
        "id",
        "report",
        "--from",
        "junior",
        "--target",
        "senior",
        "--format",
        "html",
        "-o",
        str(out),
    ]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.stderr
    page = out.read_text(encoding="utf-8")
    root = ElementTree.fromstring(page.split("\n", 1)[1])  # after <!DOCTYPE html>: well-formed XML
    assert root.get("lang") == "id"
    assert [h.text for h in root.iter("h1")] == ["Laporan karier"]
    assert [h.text for h in root.iter("h2")][:2] == ["Rencana belajar", "Rute"]
    assert "Kesiapan" in page and "jam/minggu" in page
    assert [s for s in RENDER_STRINGS if s in page] == []


def test_the_english_html_report_says_lang_en(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    result = runner.invoke(
        app, ["report", "--from", "junior", "--target", "senior", "--format", "html", "-o", str(out)]
    )
    assert result.exit_code == 0, result.stderr
    assert '<html lang="en">' in out.read_text(encoding="utf-8")


_MARKED = re.compile(r"""(?<![\w.])(?:_|N_)\(\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')\s*[,)]""")


def test_every_string_the_renderers_mark_is_translated() -> None:
    """Read from the source, f-strings too (pybabel's extractor misses some calls inside them)."""
    with CATALOGUE.open("rb") as source:
        catalogue = read_po(source)
    translated = {
        (m.id if isinstance(m.id, str) else m.id[0])
        for m in catalogue
        if m.id and all(m.string if isinstance(m.string, tuple) else [m.string]) and not m.fuzzy
    }
    files = [*(SRC / "render").glob("*.py"), SRC / "team.py", SRC / "text.py", SRC / "plan.py"]
    marked = {
        (m.group(1) if m.group(1) is not None else m.group(2))
        for path in files
        for m in _MARKED.finditer(path.read_text(encoding="utf-8"))
    }
    assert len(marked) > 200
    assert sorted(marked - translated) == []


def test_the_team_page_is_indonesian(runner: CliRunner, tmp_path: Path) -> None:
    from careerctl.context import Env
    from teamfiles import write_team

    folder = write_team(tmp_path / "team", Env().load().kb.identity)
    result = runner.invoke(app, ["--lang", "id", "team", str(folder), "--format", "html"])
    assert result.exit_code == 0, result.stderr
    assert '<html lang="id">' in result.stdout
    assert "<h2>Matriks skill</h2>" in result.stdout and "Skills matrix" not in result.stdout
