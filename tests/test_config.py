"""The settings file: what it accepts, what it refuses (naming the key), and writing it back."""

from __future__ import annotations

from pathlib import Path

import pytest

from careerctl.config import (
    config_location,
    dump_config,
    parse_config,
    read_config,
    set_setting,
    unset_setting,
)
from careerctl.errors import InputError


def test_a_missing_file_is_no_settings(tmp_path: Path) -> None:
    assert read_config(tmp_path / "config.toml") == {}


def test_settings_are_read_and_checked(tmp_path: Path) -> None:
    text = b'kb = "/srv/kb"\nlang = "id"\nhours_per_week = 8\nstack = "Python"\nfocus = 2\n'
    assert parse_config(text, tmp_path) == {
        "kb": "/srv/kb",
        "lang": "id",
        "hours_per_week": 8.0,
        "stack": "python",
        "focus": 2,
    }


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (b'colour = "red"\n', "'colour': unknown setting (known: kb, lang,"),
        (b'lang = "fr"\n', "lang: must be en or id"),
        (b"hours_per_week = 0\n", "hours_per_week: must be from 0.5 to 168, not 0"),
        (b"hours_per_week = nan\n", "hours_per_week: must be a number from 0.5 to 168"),
        (b"focus = 2.5\n", "focus: must be a whole number from 1 to 10"),
        (b"focus = true\n", "focus: must be a number from 1 to 10"),
        (b'stack = "$(rm -rf ~)"\n', "stack: must be one word of letters, digits"),
        (b"lang = \n", "invalid TOML: "),
        (b"\xff\n", "is not valid UTF-8 text"),
    ],
)
def test_a_bad_setting_is_named_with_its_key(tmp_path: Path, text: bytes, message: str) -> None:
    path = tmp_path / "config.toml"
    with pytest.raises(InputError) as caught:
        parse_config(text, path)
    assert str(caught.value).startswith(f"{path}: {message}")


def test_set_and_unset_write_the_file_again_and_keep_the_other_keys(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "config.toml"
    assert set_setting(path, "kb", "/srv/acme") == "/srv/acme"
    assert set_setting(path, "hours_per_week", "7.5") == 7.5
    assert set_setting(path, "focus", "4") == 4
    assert read_config(path) == {"kb": "/srv/acme", "hours_per_week": 7.5, "focus": 4}
    assert unset_setting(path, "hours_per_week") and not unset_setting(path, "hours_per_week")
    assert read_config(path) == {"kb": "/srv/acme", "focus": 4}
    with pytest.raises(InputError, match="config set: focus: must be a number from 1 to 10"):
        set_setting(path, "focus", "many")
    assert read_config(path) == {"kb": "/srv/acme", "focus": 4}  # a refused value changes nothing


def test_text_with_quotes_and_controls_round_trips(tmp_path: Path) -> None:
    odd = 'C:\\kb "acme"\n\x1b[31m\U000e0041'
    path = tmp_path / "config.toml"
    path.write_bytes(dump_config({"kb": odd}))
    assert read_config(path) == {"kb": odd}
    assert b"\x1b" not in path.read_bytes() and b"\n\x1b" not in path.read_bytes()


def test_the_location_follows_the_environment(tmp_path: Path) -> None:
    assert config_location({"CAREERCTL_CONFIG": str(tmp_path / "c.toml")}) == tmp_path / "c.toml"
    assert config_location({}).name == "config.toml"
