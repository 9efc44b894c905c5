"""Click's and Typer's own words follow the interface language; in English they are Click's, byte for byte."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from careerctl import i18n
from careerctl.cli_click import message


def careerctl(*args: str, **environ: str) -> subprocess.CompletedProcess[str]:
    """The console script as a user runs it."""
    env = {**os.environ, "COLUMNS": "100", **environ}
    return subprocess.run(
        [sys.executable, "-m", "careerctl", *args], capture_output=True, text=True, env=env, check=False
    )


def test_a_usage_error_in_english_is_clicks_own_text() -> None:
    done = careerctl("plan", "--bogus")
    assert done.returncode == 2
    assert done.stderr == (
        "Usage: careerctl plan [OPTIONS]\n"
        "Try 'careerctl plan -h' for help.\n"
        "\n"
        "Error: No such option: --bogus (Possible options: --focus)\n"
    )


def test_a_usage_error_in_indonesian() -> None:
    done = careerctl("--lang", "id", "plan", "--bogus")
    assert done.returncode == 2
    assert done.stderr == (
        "Penggunaan: careerctl plan [OPSI]\n"
        "Coba 'careerctl plan -h' untuk bantuan.\n"
        "\n"
        "Kesalahan: Tidak ada opsi: --bogus (Opsi yang mungkin: --focus)\n"
    )


@pytest.mark.parametrize(
    ("args", "english", "indonesian"),
    [
        (["show"], "Error: Missing argument 'name'.", "Kesalahan: Argumen 'name' belum diberikan."),
        (["pln"], "Did you mean 'plan'?", "Mungkin maksud Anda 'plan'?"),
        (["plan", "--target"], "Option '--target' requires an argument.", "membutuhkan satu argumen"),
        (["roles", "--format", "xx"], "Invalid value for '--format'", "Nilai tidak valid untuk '--format'"),
        (["show", "a", "b", "c"], "Got unexpected extra argument", "Ada argumen tambahan"),
    ],
)
def test_clicks_error_messages_follow_the_language(args: list[str], english: str, indonesian: str) -> None:
    assert english in careerctl(*args).stderr
    shown = careerctl("--lang", "id", *args).stderr
    assert indonesian in shown and "Error:" not in shown and "Usage:" not in shown


@pytest.mark.parametrize("args", [["--help"], ["plan", "--help"], ["kb", "--help"]])
def test_help_shows_clicks_and_typers_lines_in_indonesian(args: list[str]) -> None:
    english = careerctl(*args).stdout
    assert "Usage: careerctl" in english and "Show this message and exit." in english
    shown = careerctl("--lang", "id", *args).stdout
    assert shown.startswith("Penggunaan: careerctl")
    assert "Opsi:" in shown and "Tampilkan pesan ini lalu keluar." in shown
    for line in ("Usage:", "Options:", "Commands:", "Show this message and exit.", "[OPTIONS]"):
        assert line not in shown


def test_typers_completion_options_are_described_in_indonesian() -> None:
    english = careerctl("--help").stdout
    assert "Install completion for the current shell." in english
    shown = careerctl("--lang", "id", "--help").stdout
    assert "Pasang completion untuk shell saat ini." in shown
    assert "Install completion" not in shown and "Show completion" not in shown


def test_the_help_headings_and_defaults_are_indonesian() -> None:
    shown = careerctl("--lang", "id", "--help").stdout
    assert "Perintah:" in shown and "[variabel lingkungan: CAREERCTL_KB; bawaan:" in shown
    shown = careerctl("--lang", "id", "show", "--help").stdout
    assert "Argumen:" in shown and "[wajib]" in shown


def test_only_whole_click_messages_are_translated() -> None:
    try:
        i18n.use("id")
        assert message("'x' is not a valid integer.") == "'x' bukan bilangan bulat yang valid."
        assert message("a message of careerctl's own") == "a message of careerctl's own"
    finally:
        i18n.use("en")
    assert message("'x' is not a valid integer.") == "'x' is not a valid integer."
