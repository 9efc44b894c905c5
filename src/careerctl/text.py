"""The one place for how careerctl writes text: escaping, numbers, percentages, plurals, durations.

Every renderer (terminal, JSON, Markdown, HTML, Mermaid, DOT) and every message goes through
these functions, so the terminal and a report never disagree on how long "half a week" is.

Escaping, by where the text goes:
    visible(text)      terminal and messages, one line: control and invisible characters, line
                       breaks and tabs shown as \\x1b, \\u202e, \\n; indented(text) for a multi-line field
    flat(text)         one line in a file (report, diagram): the same characters, and line breaks, as spaces
    json_escaped(text) JSON text: those characters as \\u escapes (they parse back to the same data)

Numbers and words: number, percent, plural, years, duration; dates: month, month_span. They are English today; the
Indonesian issue gives them a locale (a keyword argument, defaulting to English), so callers
never format a number or pick a plural themselves.
"""

from __future__ import annotations

import re
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


def number(value: int) -> str:
    """A whole number with thousands separators: 12,400."""
    return f"{value:,}"


def percent(value: float, decimals: int = 0) -> str:
    """A 0..1 fraction as a percentage: 0.625 -> '62%' (or '62.5%' with one decimal)."""
    return f"{value * 100:.{decimals}f}%"


def plural(count: int, noun: str, many: str | None = None) -> str:
    """'1 error', '3 errors'; `many` for irregular nouns."""
    return f"{count} {noun if count == 1 else many or noun + 's'}"


def years(value: float) -> str:
    """'1 year', '2.5 years'."""
    return f"{value:g} year{'' if value == 1 else 's'}"


WEEKS_PER_MONTH = 4.345


CENTURY_WEEKS = 1200 * WEEKS_PER_MONTH
"""A hundred years in weeks: a date further away is beyond any plan (and soon beyond the calendar)."""


def beyond_a_century(weeks: float) -> bool:
    """Whether `weeks` from now is more than 100 years away: said so, never turned into a date."""
    return not weeks < CENTURY_WEEKS  # NaN and infinity too


def duration(weeks: float) -> str:
    """Calendar weeks in the unit a person would say: under a week, about 3 weeks, about 5 months."""
    if beyond_a_century(weeks):
        return "more than 100 years"
    if weeks < 1:
        return "under a week"
    if weeks < 9:
        return f"about {plural(round(weeks), 'week')}"
    months = weeks / WEEKS_PER_MONTH
    if months < 24:
        return f"about {months:.0f} months"
    return f"about {months / 12:.1f} years"


MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def month(day: date) -> str:
    """A date as its month and year: 'Jan 2027' ('more than 100 years away' for the planner's date.max)."""
    if day.year == 9999 and day.month == 12 and day.day == 31:  # datetime.date.max
        return "more than 100 years away"
    return f"{MONTHS[day.month - 1]} {day.year}"


def month_span(start: date, end: date) -> str:
    """Two dates as a span of months: 'Jan–Mar 2027', 'Nov 2027–Feb 2028', 'Jan 2027'."""
    if (start.year, start.month) == (end.year, end.month):
        return month(start)
    if start.year == end.year:
        return f"{MONTHS[start.month - 1]}–{month(end)}"
    return f"{month(start)}–{month(end)}"
