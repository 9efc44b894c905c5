"""Issue #14's acceptance: in Indonesian, no English sentence of the interface remains in `plan` and `path`.

ENGLISH lists the English interface strings to look for, each with the module that writes it.
A string whose module is still being translated on another branch is marked xfail (not strict),
with that module named in the reason; the marker comes off once that branch has merged.
Add the strings of a new screen here with the module that writes them.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

FIXED_DATE = "1767225600"  # SOURCE_DATE_EPOCH of 2026-01-01


def in_progress(module: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(strict=False, reason=f"written by {module}, translated on another branch")


ENGLISH = [
    # the knowledge base's words (careerctl.kb.translate and data/i18n/id)
    pytest.param("Junior Backend Developer", id="kb: role name"),
    pytest.param("Senior Backend Developer", id="kb: role name, target"),
    pytest.param("Programming languages", id="kb: skill name"),
    pytest.param("Testing and debugging", id="kb: skill name 2"),
    pytest.param("Relational database design", id="kb: skill name 3"),
    pytest.param("Authentication and authorisation", id="kb: skill name 4"),
    # Click's and Typer's own (careerctl.cli_click)
    pytest.param("Usage:", id="click: usage"),
    pytest.param("Error:", id="click: error"),
    # plan
    pytest.param("Readiness for"),
    pytest.param("(from "),
    pytest.param("Readiness ["),
    pytest.param("Phase "),
    pytest.param(" steps, "),
    pytest.param("met about"),
    pytest.param("set by your study"),
    pytest.param("| step "),
    pytest.param("| hours "),
    pytest.param("| why "),
    pytest.param("weight "),
    pytest.param("level short"),
    pytest.param("% ready"),
    pytest.param("more steps in this phase"),
    pytest.param("shows every step"),
    pytest.param("skills at a time"),
    pytest.param("more blocks"),
    pytest.param("h of study"),
    pytest.param("typically"),
    pytest.param("years on the way"),
    pytest.param("% now"),
    pytest.param("1,860"),  # Indonesian groups thousands with a dot: 1.860
    # path
    pytest.param("Best route"),
    pytest.param("start: "),
    pytest.param("in the role before"),
    pytest.param("total: "),
    pytest.param("hours of study"),
    pytest.param("years in the role"),
    # the renderers (careerctl.render.*, careerctl.text, careerctl.plan's why)
    pytest.param("Readiness ", id="charts: gauge label"),
    pytest.param("before ", id="planview: before a skill"),
    pytest.param("more steps", id="planview: more steps"),
    pytest.param(" h;", id="planview: hours unit"),
    pytest.param("h/week", id="planview: pace"),
    pytest.param("about ", id="text: duration"),
    pytest.param(" years", id="text: years"),
    pytest.param(" h)", id="rich: hours of a raise"),
]


def careerctl(args: list[str], **environ: str) -> str:
    """What a user sees, stdout and stderr, of the console script run as the issue runs it."""
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANGUAGE", "LANG")}
    env.update(SOURCE_DATE_EPOCH=FIXED_DATE, COLUMNS="100", **environ)
    done = subprocess.run(
        [sys.executable, "-m", "careerctl", *args], capture_output=True, text=True, env=env, check=False
    )
    assert done.returncode == 0, done.stderr
    return " ".join((done.stdout + done.stderr).split())  # a sentence the terminal width wrapped is one again


@pytest.fixture(scope="module")
def screens() -> dict[str, str]:
    return {
        "LANG=id_ID.UTF-8 careerctl plan --from junior --target senior": careerctl(
            ["plan", "--from", "junior", "--target", "senior"], LANG="id_ID.UTF-8"
        ),
        "careerctl --lang id path junior senior": careerctl(["--lang", "id", "path", "junior", "senior"]),
    }


def test_the_screens_are_in_indonesian_at_all(screens: dict[str, str]) -> None:
    plan, path = screens.values()
    assert "Pengembang Backend Senior" in plan and "Pemecahan masalah" in plan
    assert "Pengembang Backend Junior" in path


def test_the_english_screens_hold_the_strings_looked_for() -> None:
    """The list is of strings the English screens really show: a string that is not there tests nothing."""
    plan = careerctl(["plan", "--from", "junior", "--target", "senior"], LANG="en_US.UTF-8")
    path = careerctl(["path", "junior", "senior"])
    missing = [p.values[0] for p in ENGLISH if p.values[0] not in plan + path]
    assert missing == ["Usage:", "Error:"]  # Click's: only on a usage error (tests/test_cli_click.py)


@pytest.mark.parametrize("english", ENGLISH)
def test_no_english_interface_string_remains(screens: dict[str, str], english: str) -> None:
    found = [command for command, shown in screens.items() if english in shown]
    assert not found, f"{english!r} is still English in: {found}"
