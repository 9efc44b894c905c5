"""Every interface string of src/careerctl has an Indonesian text, in the .po source and the compiled catalogue.

A new `_("...")` without a translation fails here: run the pybabel commands of docs/i18n.md
and fill the empty msgstr.
"""

from __future__ import annotations

import gettext
import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from careerctl import i18n

SRC = Path(__file__).resolve().parents[1] / "src" / "careerctl"
PO = SRC / "locale" / "id" / "LC_MESSAGES" / "careerctl.po"
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def extracted() -> dict[str, str | None]:
    """Every msgid marked in src/careerctl (`_`, `N_`, `ngettext`), with its plural when it has one."""
    found: dict[str, str | None] = {}
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(SRC), keywords=KEYWORDS, method_map=[("**.py", "python")]
    ):
        if isinstance(message, tuple):
            found[message[0]] = message[1]
        else:
            found.setdefault(message, None)
    return found


MESSAGES = extracted()


def test_strings_are_extracted_at_all() -> None:
    assert "Show this message and exit." in MESSAGES and "Usage: " in MESSAGES
    assert len(MESSAGES) >= 30


def test_every_string_has_an_indonesian_msgstr_in_the_po_file() -> None:
    with PO.open("rb") as source:
        catalog = read_po(source)
    untranslated = []
    for msgid in MESSAGES:
        message = catalog.get(msgid)
        texts = (
            ()
            if message is None
            else (message.string if isinstance(message.string, tuple) else (message.string,))
        )
        if message is None or message.fuzzy or not all(texts):
            untranslated.append(msgid)
    assert not untranslated, f"no Indonesian text in {PO.name} for (see docs/i18n.md): {untranslated}"


def test_the_compiled_catalogue_translates_every_string() -> None:
    mo = PO.with_suffix(".mo")
    assert mo.exists(), (
        "no compiled catalogue: reinstall (`pip install -e .`) or `pybabel compile` (docs/i18n.md)"
    )
    with mo.open("rb") as compiled:
        catalogue = gettext.GNUTranslations(compiled)
    with PO.open("rb") as source:
        written = {
            m.id if isinstance(m.id, str) else m.id[0]: m.string if isinstance(m.string, str) else m.string[0]
            for m in read_po(source)
            if m.id
        }
    stale = [
        msgid
        for msgid in MESSAGES
        if catalogue.gettext(msgid) == msgid and msgid.strip() and written.get(msgid) != msgid
    ]  # a word Indonesian shares with English ("Status", "{n} skill") is written so in the .po
    assert not [m for m in stale if not_kept_as_is(m)], (
        f"{mo} is older than {PO.name}: `pybabel compile -d src/careerctl/locale -D careerctl`: {stale}"
    )


def not_kept_as_is(msgid: str) -> bool:
    """Whether a string must read differently in Indonesian (a bare placeholder or a code may not)."""
    return bool(re.search(r"[A-Za-z]{3,}", PLACEHOLDER.sub("", msgid)))


@pytest.mark.parametrize("msgid", sorted(MESSAGES))
def test_a_translation_keeps_every_placeholder(msgid: str) -> None:
    try:
        i18n.use("id")
        plural = MESSAGES[msgid]
        shown = i18n.ngettext(msgid, plural, 2) if plural else i18n._(msgid)
    finally:
        i18n.use("en")
    assert sorted(PLACEHOLDER.findall(shown)) == sorted(PLACEHOLDER.findall(plural or msgid)), shown
