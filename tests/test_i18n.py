"""Choosing the interface language, and the catalogue that translates into it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from careerctl import i18n


@pytest.mark.parametrize(
    ("flag", "environ", "configured", "expected"),
    [
        (None, {}, None, ("en", None)),
        ("id", {"CAREERCTL_LANG": "en"}, "en", ("id", None)),  # the flag first
        (None, {"CAREERCTL_LANG": "id", "LANG": "en_US.UTF-8"}, "en", ("id", None)),
        (None, {"LANG": "en_US.UTF-8"}, "id", ("id", None)),  # the config before the locale
        (None, {"LC_ALL": "id_ID.UTF-8", "LANG": "en_US"}, None, ("id", None)),
        (None, {"LC_MESSAGES": "id_ID", "LANG": "en_US"}, None, ("id", None)),
        (None, {"LANGUAGE": "id:en"}, None, ("id", None)),
        (None, {"LANG": "C.UTF-8"}, None, ("en", None)),
        (None, {"LANG": "fr_FR.UTF-8"}, None, ("en", None)),  # the system's choice: no warning
        (
            "fr",
            {},
            None,
            ("en", "--lang asks for 'fr', which careerctl does not speak; using English"),
        ),
    ],
)
def test_the_language_is_the_first_choice_that_is_given(
    flag: str | None, environ: dict[str, str], configured: str | None, expected: tuple[str, str | None]
) -> None:
    assert i18n.choose_language(flag, environ, configured) == expected


def test_the_indonesian_catalogue_is_compiled_and_used() -> None:
    try:
        i18n.use("id")
        assert i18n.current() == "id"
        assert i18n._("Show this message and exit.") == "Tampilkan pesan ini lalu keluar."
        assert i18n._("a string nobody translated") == "a string nobody translated"
    finally:
        i18n.use("en")
    assert i18n._("Show this message and exit.") == "Show this message and exit."


def test_lang_is_read_from_the_root_options_only() -> None:
    from careerctl.entry import hoist, lang_flag

    assert lang_flag(hoist(["plan", "--target", "x", "--lang", "id"])) == "id"
    assert lang_flag(["--kb", "--lang", "plan"]) is None  # `--lang` there is the KB folder's name
    assert lang_flag(["--lang=id", "roles"]) == "id"
    assert lang_flag(["show", "--lang"]) is None


def careerctl(*args: str, **environ: str) -> subprocess.CompletedProcess[str]:
    """The console script as a user runs it, with extra environment variables."""
    env = {**os.environ, **environ}
    return subprocess.run(
        [sys.executable, "-m", "careerctl", *args], capture_output=True, text=True, env=env, check=False
    )


def test_an_unknown_language_warns_once_and_the_command_runs_in_english() -> None:
    done = careerctl("--lang", "fr", "roles", "--json")
    assert done.returncode == 0 and json.loads(done.stdout)["schema"] == "careerctl.roles/1"
    assert (
        done.stderr
        == "careerctl: warning: --lang asks for 'fr', which careerctl does not speak; using English\n"
    )


def test_the_config_files_lang_is_used_when_nothing_else_asks(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('lang = "id"\n')
    help_text = careerctl("--help", CAREERCTL_CONFIG=str(config)).stdout
    assert "Tampilkan pesan ini lalu keluar." in help_text
    assert (
        "Show this message" in careerctl("--help", CAREERCTL_CONFIG=str(config), CAREERCTL_LANG="en").stdout
    )
