"""Slugs: the kebab-case ids the importers give roles and skills, and names typed to find them."""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"[a-z0-9]+")
_SYMBOLS = (("+", " plus "), ("#", " sharp "), ("'", ""), ("\u2019", ""))


def slugify(text: str) -> str:
    """A kebab-case id for `text`: ASCII letters and digits joined by single hyphens."""
    for symbol, word in _SYMBOLS:
        text = text.replace(symbol, word)
    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return "-".join(_WORD.findall(ascii_.lower())) or "item"
