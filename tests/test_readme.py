"""The README's transcripts on the bundled KB are what careerctl prints: each one is run and compared.

The README drifted once (its plan, assess and match transcripts kept first-edition hours after the
KB changed); this keeps the ones that need no saved state from drifting again. Transcripts are
piped output at COLUMNS=100 (README: A tour), dated 2026-12-01.
"""

from __future__ import annotations

import re
import shlex

import pytest
from typer.testing import CliRunner

from careerctl.cli import app
from conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")
DEC_1_2026 = "1796083200"  # SOURCE_DATE_EPOCH of the day the transcripts were made


def transcripts() -> dict[str, list[str]]:
    """Each `$ careerctl ...` line of a console block, with the lines printed after it."""
    found: dict[str, list[str]] = {}
    for block in re.findall(r"```console\n(.*?)```", README, flags=re.S):
        command: str | None = None
        for line in block.splitlines():
            if line.startswith("$ "):
                command = line[2:]
                found.setdefault(command, [])
            elif command is not None:
                found[command].append(line.rstrip())
    return found


# Whole transcripts of commands that read nothing but the bundled KB.
WHOLE = [
    "careerctl roles --track backend",
    "careerctl search kafka",
    "careerctl plan --from junior --target senior",
    "careerctl match --from mid --top 5",
    "careerctl path senior intern",
    "careerctl --lang id match --from mid --top 3",
]


@pytest.mark.parametrize("command", WHOLE)
def test_the_transcript_is_what_careerctl_prints(
    command: str, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", DEC_1_2026)
    shown = [line for line in transcripts()[command] if line != "$ echo $?" and not line.isdigit()]
    result = runner.invoke(app, shlex.split(command)[1:])
    printed = [line.rstrip() for line in (result.stdout + result.stderr).splitlines()]
    assert printed == shown


def test_the_trimmed_path_transcript_shows_real_lines(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    shown = transcripts()["careerctl path junior senior      # (skill lists trimmed)"]
    printed = [line.rstrip() for line in runner.invoke(app, ["path", "junior", "senior"]).stdout.splitlines()]
    kept = [line for line in shown if not line.endswith("├── ...")]
    assert [line for line in printed if line in kept] == kept


def test_the_numbers_in_how_careerctl_decides_are_the_plans(runner: CliRunner) -> None:
    import json

    def hours(target: str) -> tuple[int, int]:
        doc = json.loads(
            runner.invoke(app, ["plan", "--from", "junior", "--target", target, "--json"]).stdout
        )
        return doc["total_hours"], doc["hours_direct"]

    (senior, _), (cto, cto_direct) = hours("senior"), hours("cto")
    sentence = (
        f"From junior, Senior takes {senior:,} h either way; the CTO takes {cto:,} h along the\n"
        f"  route and {cto_direct:,} h as a direct move."
    )
    assert sentence in README
