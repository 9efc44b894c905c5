"""The one place for how careerctl writes text: escaping, numbers, percentages, plurals, durations.

Every renderer (terminal, JSON, Markdown, HTML, Mermaid, DOT) and every message goes through
these functions, so the terminal and a report never disagree on how long "half a week" is.

Escaping, by where the text goes:
    visible(text)      terminal and messages, one line: control and invisible characters, line
                       breaks and tabs shown as \\x1b, \\u202e, \\n; indented(text) for a multi-line field
    flat(text)         one line in a file (report, diagram): the same characters, and line breaks, as spaces
    json_escaped(text) JSON text: those characters as \\u escapes (they parse back to the same data)

Numbers and words: number, percent, hours, years, duration; dates: month, month_name, month_span.
Each writes in the interface's language (careerctl.i18n.current()) unless given `lang=`:
1,430 h and Jan–Mar 2027 in English, 1.430 jam and Agu–Okt 2027 in Indonesian. plural() is
English only: translated text picks its plural with ngettext.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_EVEN, Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datetime import date

# C0 and C1 controls (not tab or newline), DEL, and invisible or direction-changing format
# characters (soft hyphen, bidi marks and overrides, zero-width, interlinear annotation, tag
# characters), and lone surrogates (they cannot even be encoded).
_CONTROL = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\xad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f"
    "\u2028-\u202e\u2060-\u206f\u3164\ufeff\uffa0\ufff9-\ufffb\ud800-\udfff\U000e0000-\U000e007f]"
)
_ONE_LINE = _CONTROL.pattern[:-1] + "\t\n]"  # what visible() escapes: line breaks and tabs too
_NAMED = {"\n": "\\n", "\t": "\\t"}
_FLAT = _CONTROL.pattern[:-1] + "\t\n]"  # compiled at first use (re caches it): few commands need it


def shown(ch: str) -> str:
    """One character as a visible escape: \\x1b, \\u202e, \\U000e0041."""
    code = ord(ch)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def visible(text: object) -> str:
    """One line of text with every control or invisible character, line breaks and tabs too,
    shown as an escape (`\\n`, `\\x1b`, `\\u202e`), never obeyed: no text from data can start a
    line of careerctl's output, or pose as one of its messages."""
    return re.sub(_ONE_LINE, lambda m: _NAMED.get(m.group()) or shown(m.group()), str(text))


def indented(text: object, indent: str = "  ") -> str:
    """A multi-line field under its label: each of its lines visible() and indented, so no line
    from data starts at column 0."""
    return "\n".join(indent + visible(line) for line in str(text).split("\n"))


def flat(text: object) -> str:
    """Text on one line: control and invisible characters, tabs and line breaks made spaces."""
    return re.sub(_FLAT, " ", str(text))


def _json_escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def json_escaped(text: str) -> str:
    """JSON text with every control or invisible character as a \\u escape (same data, inert)."""
    return _CONTROL.sub(_json_escape, text)


def _language(lang: str | None) -> str:
    """The language to write in: `lang`, else the interface's (careerctl.i18n)."""
    if lang is not None:
        return lang
    from careerctl.i18n import current

    return current()


def _separated(digits: str, group: str) -> str:
    """A string of digits with `group` between each three from the right: 1430 -> 1.430."""
    head = len(digits) % 3 or 3
    return group.join([digits[:head], *(digits[i : i + 3] for i in range(head, len(digits), 3))])


def number(value: float, *, lang: str | None = None) -> str:
    """A number with thousands separators: 12,400 and 2.5 in English, 12.400 and 2,5 in Indonesian.

    Indonesian writes a dot between thousands and a comma before decimals, up to three of them
    rounded half to even (as babel's format_decimal does for the id locale).
    """
    if _language(lang) != "id":
        return f"{value:,}"
    if value != value or value in (float("inf"), float("-inf")):
        return str(value)  # no plan has an infinite number of hours; shown rather than a crash
    exact = Decimal(str(value)).quantize(Decimal("0.001"), rounding=ROUND_HALF_EVEN)
    sign = "-" if exact < 0 else ""
    whole, _, fraction = f"{abs(exact):f}".partition(".")
    fraction = fraction.rstrip("0")
    if not whole.strip("0") and not fraction:
        sign = ""  # -0.0001 rounds to 0, not -0
    return sign + _separated(whole, ".") + ("," + fraction if fraction else "")


def figure(value: float, *, lang: str | None = None) -> str:
    """A short number as a person writes it, no trailing zeros: 6, 2.5; 2,5 in Indonesian (hours a week)."""
    shown = f"{value:g}"
    return shown.replace(".", ",") if _language(lang) == "id" else shown


def percent(value: float, decimals: int = 0, *, lang: str | None = None) -> str:
    """A 0..1 fraction as a percentage: 0.625 -> '62%' (or '62.5%' with one decimal; '62,5%' in Indonesian)."""
    shown = f"{value * 100:.{decimals}f}%"
    return shown.replace(".", ",") if _language(lang) == "id" else shown


def plural(count: int, noun: str, many: str | None = None) -> str:
    """'1 error', '3 errors'; `many` for irregular nouns (English words: translated text uses ngettext)."""
    return f"{count} {noun if count == 1 else many or noun + 's'}"


def years(value: float, *, lang: str | None = None) -> str:
    """'1 year', '2.5 years'; '2,5 tahun' in Indonesian."""
    if _language(lang) == "id":
        return f"{value:g} tahun".replace(".", ",")
    return f"{value:g} year{'' if value == 1 else 's'}"


def hours(value: float, *, lang: str | None = None) -> str:
    """Hours of study in a table cell or label: '1,430 h'; '1.430 jam' in Indonesian."""
    unit = "jam" if _language(lang) == "id" else "h"
    return f"{number(value, lang=lang)} {unit}"


WEEKS_PER_MONTH = 4.345


CENTURY_WEEKS = 1200 * WEEKS_PER_MONTH
"""A hundred years in weeks: a date further away is beyond any plan (and soon beyond the calendar)."""


def beyond_a_century(weeks: float) -> bool:
    """Whether `weeks` from now is more than 100 years away: said so, never turned into a date."""
    return not weeks < CENTURY_WEEKS  # NaN and infinity too


DURATION_WORDS = {
    "en": ("more than 100 years", "under a week", "about {n} week", "about {n} weeks", "about {n} months", "about {n} years"),
    "id": ("lebih dari 100 tahun", "kurang dari seminggu", "sekitar {n} minggu", "sekitar {n} minggu", "sekitar {n} bulan", "sekitar {n} tahun"),
}  # fmt: skip
"""duration()'s words per language: past a century, under a week, one week, weeks, months, years."""


def duration(weeks: float, *, lang: str | None = None) -> str:
    """Calendar weeks in the unit a person would say: under a week, about 3 weeks, about 5 months."""
    code = _language(lang)
    century, under, week, several, months_, years_ = DURATION_WORDS.get(code, DURATION_WORDS["en"])
    if beyond_a_century(weeks):
        return century
    if weeks < 1:
        return under
    if weeks < 9:
        return (week if round(weeks) == 1 else several).format(n=round(weeks))
    months = weeks / WEEKS_PER_MONTH
    if months < 24:
        return months_.format(n=f"{months:.0f}")
    shown = f"{months / 12:.1f}"
    return years_.format(n=shown.replace(".", ",") if code == "id" else shown)


MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MONTHS_BY_LANGUAGE = {
    "en": MONTHS,
    "id": ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"),
}
"""Month abbreviations, as CLDR writes them (babel.dates.get_month_names('abbreviated'))."""
MONTH_NAMES = {
    "en": (
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ),
    "id": (
        "Januari", "Februari", "Maret", "April", "Mei", "Juni",
        "Juli", "Agustus", "September", "Oktober", "November", "Desember",
    ),
}  # fmt: skip


def _abbreviation(day: date, lang: str) -> str:
    return MONTHS_BY_LANGUAGE.get(lang, MONTHS)[day.month - 1]


def month(day: date, *, lang: str | None = None) -> str:
    """A date as its month and year: 'Jan 2027', 'Agu 2027' ('more than 100 years away' for the planner's date.max)."""
    code = _language(lang)
    if day.year == 9999 and day.month == 12 and day.day == 31:  # datetime.date.max
        return "lebih dari 100 tahun lagi" if code == "id" else "more than 100 years away"
    return f"{_abbreviation(day, code)} {day.year}"


def month_name(day: date, *, lang: str | None = None) -> str:
    """A date as its month written out, and its year: 'August 2027', 'Agustus 2027'."""
    return f"{MONTH_NAMES.get(_language(lang), MONTH_NAMES['en'])[day.month - 1]} {day.year}"


def month_span(start: date, end: date, *, lang: str | None = None) -> str:
    """Two dates as a span of months: 'Jan–Mar 2027', 'Nov 2027–Feb 2028', 'Jan 2027' ('Agu–Okt 2027')."""
    code = _language(lang)
    if (start.year, start.month) == (end.year, end.month):
        return month(start, lang=code)
    if start.year == end.year:
        return f"{_abbreviation(start, code)}–{month(end, lang=code)}"
    return f"{month(start, lang=code)}–{month(end, lang=code)}"
