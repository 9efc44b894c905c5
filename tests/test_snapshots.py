"""Every text output at a fixed width (100 columns, no colour), compared with a reviewed snapshot.

A change to the output fails here until its snapshot is reviewed and rewritten:

    CAREERCTL_UPDATE_SNAPSHOTS=1 pytest tests/test_snapshots.py    # then read `git diff tests/snapshots`
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from careerctl.cli import app
from careerctl.context import Env
from careerctl.render.charts import gap_tree, readiness_gauge, sparkline

SNAPSHOTS = Path(__file__).parent / "snapshots"
UPDATE = os.environ.get("CAREERCTL_UPDATE_SNAPSHOTS") == "1"
WIDTH = 100
FIXED_DATE = "1767225600"  # SOURCE_DATE_EPOCH of 2026-01-01

COMMANDS = {
    "roles": ["roles"],
    "roles-tree": ["roles", "--tree"],
    "show-senior": ["show", "senior"],
    "show-sql": ["show", "sql"],
    "skills": ["skills"],
    "plan-junior-senior-top5": ["plan", "--from", "junior", "--target", "senior", "--top", "5"],
    "plan-junior-senior": ["plan", "--from", "junior", "--target", "senior"],
    "plan-junior-cto": [
        "plan",
        "--from",
        "junior",
        "--target",
        "cto",
        "--focus",
        "2",
        "--hours-per-week",
        "10",
    ],
    "path-junior-senior": ["path", "junior", "senior"],
    "match-senior-top5": ["match", "--from", "senior", "--top", "5"],
    "roles-mermaid": ["roles", "--format", "mermaid"],
    "roles-dot": ["roles", "--format", "dot"],
    "roles-backend-mermaid": ["roles", "--track", "backend", "--format", "mermaid"],
    "path-junior-senior-mermaid": ["path", "junior", "senior", "--format", "mermaid"],
    "path-junior-senior-dot": ["path", "junior", "senior", "--format", "dot"],
    "report-junior-senior-md": ["report", "--from", "junior", "--target", "senior", "--format", "markdown"],
}


def check(name: str, text: str) -> None:
    """Compare `text` with snapshot `name`, or write it when updating."""
    path = SNAPSHOTS / f"{name}.txt"
    if UPDATE:
        SNAPSHOTS.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return
    assert path.exists(), f"no snapshot {path.name}: run with CAREERCTL_UPDATE_SNAPSHOTS=1 and review it"
    assert text == path.read_text(encoding="utf-8"), f"{name} differs from {path}"


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_command_output_matches_snapshot(
    name: str, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", str(WIDTH))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", FIXED_DATE)
    result = runner.invoke(app, COMMANDS[name])
    assert result.exit_code == 0, result.stderr
    check(name, result.stdout)


def test_terminal_charts_match_snapshot() -> None:
    """The charts as a terminal shows them (block glyphs), colour off."""
    kb = Env().load().kb
    out = io.StringIO()
    console = Console(file=out, width=WIDTH, force_terminal=True, color_system=None, legacy_windows=False)
    levels = {**kb.roles["junior-backend-developer"].required(), "sql": 5, "system-design": 2}
    console.print(readiness_gauge(0.625))
    console.print(gap_tree(kb, levels, kb.roles["senior-backend-developer"]))
    console.print(sparkline([0, 1, 1, 2, 3, 3, 4, 5], 0, 5))
    check("charts-terminal", out.getvalue())
