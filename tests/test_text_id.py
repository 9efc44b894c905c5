"""text.py in Indonesian: numbers as babel writes them for `id`, hours, percents, durations, months."""

from __future__ import annotations

from datetime import date

import pytest
from babel.numbers import format_decimal
from hypothesis import given
from hypothesis import strategies as st

from careerctl import i18n
from careerctl.text import duration, figure, hours, month, month_name, month_span, number, percent, years


@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_whole_numbers_are_written_as_babel_writes_them(value: int) -> None:
    assert number(value, lang="id") == format_decimal(value, locale="id")


@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False))
def test_decimals_are_written_as_babel_writes_them(value: float) -> None:
    expected = format_decimal(value, locale="id")
    assert number(value, lang="id") == ("0" if expected == "-0" else expected)  # no "-0" for -0.0001


@given(st.integers(min_value=0, max_value=10**9))
def test_english_numbers_are_unchanged(value: int) -> None:
    assert number(value, lang="en") == f"{value:,}"


@pytest.mark.parametrize(
    ("value", "expected"),
    [(0, "0"), (999, "999"), (1430, "1.430"), (-1430, "-1.430"), (1234567, "1.234.567"), (2.5, "2,5")],
)
def test_indonesian_separators(value: float, expected: str) -> None:
    assert number(value, lang="id") == expected


def test_hours_percents_and_years() -> None:
    assert hours(1430, lang="id") == "1.430 jam"
    assert hours(1430, lang="en") == "1,430 h"
    assert (
        percent(0.54, lang="id") == "54%"
    )  # as babel's format_percent writes it for id (and PUEBI: no space)
    assert percent(0.625, 1, lang="id") == "62,5%"
    assert percent(0.625, 1, lang="en") == "62.5%"
    assert years(2.5, lang="id") == "2,5 tahun"
    assert years(1, lang="id") == "1 tahun"
    assert figure(7.5, lang="id") == "7,5"
    assert figure(6.0, lang="en") == "6"


@pytest.mark.parametrize(
    ("weeks", "expected"),
    [
        (0.5, "kurang dari seminggu"),
        (3, "sekitar 3 minggu"),
        (13, "sekitar 3 bulan"),
        (200, "sekitar 3,8 tahun"),
        (1e9, "lebih dari 100 tahun"),
        (float("inf"), "lebih dari 100 tahun"),
    ],
)
def test_durations_in_indonesian(weeks: float, expected: str) -> None:
    assert duration(weeks, lang="id") == expected


def test_months_and_ranges_use_indonesian_abbreviations() -> None:
    assert month_span(date(2027, 1, 4), date(2027, 3, 29), lang="id") == "Jan–Mar 2027"
    assert month_span(date(2027, 8, 2), date(2027, 10, 25), lang="id") == "Agu–Okt 2027"
    assert month_span(date(2027, 12, 6), date(2028, 5, 1), lang="id") == "Des 2027–Mei 2028"
    assert month_span(date(2027, 8, 2), date(2027, 10, 25), lang="en") == "Aug–Oct 2027"
    assert month(date.max, lang="id") == "lebih dari 100 tahun lagi"
    assert month_name(date(2027, 8, 1), lang="id") == "Agustus 2027"
    assert month_name(date(2027, 8, 1), lang="en") == "August 2027"


def test_the_abbreviations_are_cldrs() -> None:
    from babel.dates import get_month_names

    from careerctl.text import MONTHS_BY_LANGUAGE

    for lang in ("en", "id"):
        cldr = get_month_names("abbreviated", locale=lang)
        assert MONTHS_BY_LANGUAGE[lang] == tuple(cldr[m].rstrip(".") for m in range(1, 13))


def test_without_lang_the_interface_language_is_used() -> None:
    try:
        i18n.use("id")
        assert hours(1430) == "1.430 jam"
        assert month(date(2027, 8, 1)) == "Agu 2027"
    finally:
        i18n.use("en")
    assert hours(1430) == "1,430 h"
