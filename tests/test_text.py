"""The one text module: escaping, numbers, percentages, plurals and durations, by hand-checked cases."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careerctl.text import duration, flat, json_escaped, number, percent, plural, shown, visible, years


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain text, é 中", "plain text, é 中"),
        ("tab\tand\nnewline shown", "tab\\tand\\nnewline shown"),
        ("\x1b[31mred", "\\x1b[31mred"),
        ("bell\x07", "bell\\x07"),
        ("csi\x9b", "csi\\x9b"),
        ("rtl\u202eoverride", "rtl\\u202eoverride"),
        ("zero\u200bwidth", "zero\\u200bwidth"),
        ("tag\U000e0041", "tag\\U000e0041"),
        ("del\x7f", "del\\x7f"),
    ],
)
def test_visible_shows_controls_as_escapes(text: str, expected: str) -> None:
    assert visible(text) == expected


def test_shown_writes_the_shortest_escape() -> None:
    assert [shown(c) for c in "\x00\u202e\U000e0041"] == ["\\x00", "\\u202e", "\\U000e0041"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("two\nlines", "two lines"), ("a\tb", "a b"), ("\x1b[1mbold", " [1mbold"), ("x\u202ey", "x y")],
)
def test_flat_puts_everything_on_one_line(text: str, expected: str) -> None:
    assert flat(text) == expected


@given(st.text())
def test_json_escaping_keeps_the_data_and_leaves_nothing_for_a_terminal(text: str) -> None:
    encoded = json_escaped(json.dumps(text, ensure_ascii=False))
    assert json.loads(encoded) == text
    assert visible(encoded) == encoded  # nothing left that a terminal would obey


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [(0.0, 0, "0%"), (0.625, 0, "62%"), (0.625, 1, "62.5%"), (1.0, 0, "100%")],
)
def test_percent(value: float, decimals: int, expected: str) -> None:
    assert percent(value, decimals) == expected


def test_numbers_plurals_and_years() -> None:
    assert number(12400) == "12,400"
    assert [plural(n, "error") for n in (0, 1, 2)] == ["0 errors", "1 error", "2 errors"]
    assert plural(2, "child", "children") == "2 children"
    assert [years(v) for v in (1, 2.5, 0)] == ["1 year", "2.5 years", "0 years"]


@pytest.mark.parametrize(
    ("weeks", "expected"),
    [
        (0.5, "under a week"),
        (0.99, "under a week"),
        (1.0, "about 1 week"),
        (1.4, "about 1 week"),
        (2.6, "about 3 weeks"),
        (8.9, "about 9 weeks"),
        (9.0, "about 2 months"),
        (100.0, "about 23 months"),
        (120.0, "about 2.3 years"),
    ],
)
def test_duration_says_what_a_person_would(weeks: float, expected: str) -> None:
    assert duration(weeks) == expected
