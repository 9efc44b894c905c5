"""The interface language: which one, and the gettext catalogue that translates into it.

Every interface string is written in English and marked `_("...")` (or `ngettext` for plurals);
the Indonesian catalogue is `locale/id/LC_MESSAGES/careerctl.po` in the package, compiled to a
`.mo` file when the wheel is built (hatch_build.py). The language is chosen, first match wins:
`--lang`, $CAREERCTL_LANG, the config file's `lang`, then $LC_ALL, $LC_MESSAGES, $LANG and
$LANGUAGE as the C library reads them, then English. An unknown language falls back to English
with one warning.

`use(lang)` binds the catalogue; it must run before typer is imported for Typer's own panel
titles to follow it.
"""

from __future__ import annotations

import gettext as _gettext
from collections.abc import Mapping
from pathlib import Path

DOMAIN = "careerctl"
LANGUAGES = ("en", "id")
DEFAULT = "en"
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")

_translations: _gettext.NullTranslations = _gettext.NullTranslations()
_current = DEFAULT


def locale_dir() -> Path:
    """The folder holding the compiled catalogues."""
    return Path(__file__).parent / "locale"


def language_of(value: str) -> str:
    """The two-letter language of a locale name: `id_ID.UTF-8` -> `id`, `C` -> ``."""
    base = value.split(":")[0].split(".")[0].split("@")[0]
    code = base.split("_")[0].split("-")[0].lower()
    return "" if code in ("c", "posix") else code


def choose_language(
    flag: str | None, environ: Mapping[str, str], configured: str | None = None
) -> tuple[str, str | None]:
    """The language to use and, when a choice was not one careerctl speaks, a warning saying so."""
    explicit = [
        (flag, "--lang"),
        (environ.get("CAREERCTL_LANG"), "CAREERCTL_LANG"),
        (configured, "the config file's lang"),
    ]
    for value, source in explicit:
        if value:
            code = language_of(value)
            if code in LANGUAGES:
                return code, None
            return DEFAULT, f"{source} asks for {value!r}, which careerctl does not speak; using English"
    for name in LOCALE_VARIABLES:
        value = environ.get(name, "")
        if value:
            code = language_of(value)
            return (code, None) if code in LANGUAGES else (DEFAULT, None)  # the system's: no warning
    return DEFAULT, None


def use(language: str) -> None:
    """Translate from now on into `language` (English needs no catalogue)."""
    global _translations, _current
    _current = language if language in LANGUAGES else DEFAULT
    if _current == DEFAULT:
        _translations = _gettext.NullTranslations()
        return
    _translations = _gettext.translation(DOMAIN, locale_dir(), languages=[_current], fallback=True)


def follow(flag: str | None) -> str:
    """The language in use once the root command has seen `--lang` (None: not given).

    The console script bound the flag's language before importing Typer (entry.bind_language);
    this binds it for callers that run the Typer app in-process, such as tests.
    """
    if flag is not None:
        language, _warning = choose_language(flag, {}, None)
        if language != _current:
            use(language)
    return _current


def current() -> str:
    """The language in use."""
    return _current


def _(message: str) -> str:
    """`message` in the language in use."""
    return _translations.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural form for `count`, in the language in use."""
    return _translations.ngettext(singular, plural, count)


def N_(message: str) -> str:
    """Mark `message` for the catalogue without translating it now (module constants, choices).

    Translate it where it is shown, with `_(constant)`.
    """
    return message
