"""The user's settings file: a small TOML file of defaults that flags override.

    kb = "/home/dana/ladders/acme"   # the KB folder a plain `careerctl plan` uses
    lang = "id"                      # en or id
    hours_per_week = 8               # study hours a week, for dates
    stack = "python"                 # the stack whose resources the plan prefers
    focus = 3                        # skills worked on at once
    stale_months = 6                 # ratings older than this are stale
    author = "dana@example.org"      # whose commits `evidence scan` credits

It lives in the user config folder ($CAREERCTL_CONFIG overrides the path). Every value is
checked when it is read, and a bad one is named with its key; `careerctl config set` writes the
whole file again, atomically, under the file's lock (files.locked), so two at once both stand.
"""

from __future__ import annotations

import math
import os
import re
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, NamedTuple

from careerctl.errors import InputError
from careerctl.i18n import N_, _

APP_NAME = "careerctl"
CONFIG_FILE = "config.toml"
MAX_BYTES = 64 * 1024
TOKEN = re.compile(r"[^\W_](?:[\w.-]*[^\W_])?")


class Setting(NamedTuple):
    """One key of the file: what it means and how a value is checked."""

    help: str  # marked with N_: the file's comment, in the interface's language when written
    check: Callable[[Any], Any]  # returns the value to keep, or raises ValueError with the reason


def _text(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(_("must be non-empty text"))
    return value


def _lang(value: Any) -> str:
    if value not in ("en", "id"):
        raise ValueError(_("must be en or id"))
    return str(value)


def _token(value: Any) -> str:
    if not isinstance(value, str) or not TOKEN.fullmatch(value):
        raise ValueError(_("must be one word of letters, digits, - _ or . (e.g. python)"))
    return value.lower()


def _number(low: float, high: float, whole: bool) -> Callable[[Any], Any]:
    def check(value: Any) -> Any:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            raise ValueError(
                _("must be a number from {low} to {high}").format(low=f"{low:g}", high=f"{high:g}")
            )
        if whole and value != int(value):
            raise ValueError(
                _("must be a whole number from {low} to {high}").format(low=f"{low:g}", high=f"{high:g}")
            )
        if not low <= value <= high:
            said = _("must be from {low} to {high}, not {value}")
            raise ValueError(said.format(low=f"{low:g}", high=f"{high:g}", value=f"{value:g}"))
        return int(value) if whole else float(value)

    return check


SETTINGS: dict[str, Setting] = {
    "kb": Setting(N_("the knowledge base folder used when --kb is not given"), _text),
    "lang": Setting(N_("the language of the interface: en or id"), _lang),
    "hours_per_week": Setting(N_("study hours a week, for the plan's dates"), _number(0.5, 168, False)),
    "stack": Setting(N_("the stack whose resources the plan prefers (python, java, ...)"), _token),
    "focus": Setting(N_("how many skills you work on at once"), _number(1, 10, True)),
    "stale_months": Setting(N_("ratings older than this many months are stale"), _number(1, 120, True)),
    "author": Setting(N_("your commit e-mail, for `careerctl evidence scan`"), _text),
}


def default_config_path() -> Path:
    """The config file in the platform's user config folder."""
    if sys.platform.startswith("linux"):  # the XDG rule, without importing platformdirs
        base = os.environ.get("XDG_CONFIG_HOME", "")
        if not os.path.isabs(base):
            base = os.path.expanduser("~/.config")
        if os.path.isabs(base):
            return Path(base) / APP_NAME / CONFIG_FILE
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP_NAME)) / CONFIG_FILE


def config_location(environ: Mapping[str, str]) -> Path:
    """$CAREERCTL_CONFIG, else the default config file."""
    override = environ.get("CAREERCTL_CONFIG")
    return Path(override) if override else default_config_path()


def read_config(path: Path) -> dict[str, Any]:
    """The checked settings in the file at `path`; {} when there is none."""
    if not path.exists() and not path.is_symlink():
        return {}
    try:
        if not path.is_file():
            raise InputError(path, _("is not a regular file, so it is not a config file"))
        if path.stat().st_size > MAX_BYTES:
            raise InputError(
                path, _("is larger than {size} bytes: not a config file").format(size=f"{MAX_BYTES:,}")
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(path, _("cannot read it: {reason}").format(reason=exc.strerror or exc)) from None
    return parse_config(raw, path)


def parse_config(raw: bytes, path: Path) -> dict[str, Any]:
    """Check the text of a config file: known keys only, each with a valid value."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib
    try:
        doc = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise InputError(path, _("is not valid UTF-8 text")) from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(path, _("invalid TOML: {reason}").format(reason=exc)) from None
    settings: dict[str, Any] = {}
    for key, value in doc.items():
        settings[key] = check_setting(key, value, path)
    return settings


def check_setting(key: str, value: Any, path: Path | str) -> Any:
    """A setting's value as kept, or InputError naming the file and the key."""
    setting = SETTINGS.get(key)
    if setting is None:
        known = ", ".join(SETTINGS)
        raise InputError(
            path, _("{key}: unknown setting (known: {known})").format(key=repr(key), known=known)
        )
    try:
        return setting.check(value)
    except ValueError as exc:
        raise InputError(path, f"{key}: {exc}") from None


def parse_value(key: str, text: str) -> Any:
    """What `careerctl config set KEY TEXT` means by TEXT: a number for numeric keys, else text."""
    setting = SETTINGS.get(key)
    if setting is None:
        return text  # check_setting names the unknown key
    if setting.check in (_text, _lang, _token):
        return text
    try:
        return float(text) if any(c in text for c in ".eE") else int(text)
    except ValueError:
        return text  # check_setting says what it must be


def dump_config(settings: Mapping[str, Any]) -> bytes:
    """The settings as TOML, in the order SETTINGS lists them, each with its meaning as a comment."""
    lines = [
        "# "
        + _("careerctl settings: `careerctl config set KEY VALUE`; flags on the command line win.")
        + "\n"
    ]
    for key, setting in SETTINGS.items():
        if key in settings:
            lines.append(f"# {_(setting.help)}\n{key} = {_toml_value(settings[key])}\n")
    return "".join(lines).encode("utf-8")


def _toml_value(value: Any) -> str:
    """A value as TOML: a basic string with every control character escaped, or a number."""
    if isinstance(value, str):
        escaped = "".join(
            {"\\": "\\\\", '"': '\\"'}.get(ch, ch) if ch.isprintable() else _escape(ch) for ch in value
        )
        return f'"{escaped}"'
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # 8, as it was typed, not 8.0 (it reads back as the same hours)
    return repr(value)


def _escape(ch: str) -> str:
    code = ord(ch)
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def set_setting(path: Path, key: str, text: str) -> Any:
    """Check `text` as the value of `key`, save it in the file, and return the value kept."""
    from careerctl.files import locked

    value = check_setting(key, parse_value(key, text), "config set")
    with locked(path):  # a `config set` elsewhere of another key is kept
        settings = read_config(path)
        settings[key] = value
        _write(path, settings)
    return settings[key]


def unset_setting(path: Path, key: str) -> bool:
    """Remove `key` from the file; False when it was not set."""
    if key not in SETTINGS:
        check_setting(key, None, "config unset")
    from careerctl.files import locked

    with locked(path):
        settings = read_config(path)
        if key not in settings:
            return False
        del settings[key]
        _write(path, settings)
    return True


def _write(path: Path, settings: Mapping[str, Any]) -> None:
    from careerctl.files import atomic_write

    atomic_write(path, dump_config(settings))
