"""Where levels come from, on hostile input: standard input, and numbers too long to print."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from careerctl.errors import InputError
from careerctl.kb.yamlio import Limits, short_number
from careerctl.levels import STDIN, parse_sets, read_answers
from factories import kb, role


@pytest.fixture
def small():  # type: ignore[no-untyped-def]
    return kb(roles=[role("a", {"sql": 2, "coding": 1})])


def test_answers_from_standard_input(small) -> None:  # type: ignore[no-untyped-def]
    assert read_answers(STDIN, small, stdin=io.BytesIO(b"sql: 3\ncoding: 1\n")) == {"sql": 3, "coding": 1}


def test_answers_from_standard_input_name_it_in_errors(small) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError, match=r"^<stdin>:2: sql: level 9 is outside 0\.\.5$"):
        read_answers(STDIN, small, stdin=io.BytesIO(b"coding: 1\nsql: 9\n"))


def test_standard_input_is_bounded(small) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError, match=r"<stdin>: larger than the 100-byte limit"):
        read_answers(STDIN, small, Limits(max_bytes=100), stdin=io.BytesIO(b"#" * 1000))


def test_no_standard_input_to_read(small) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError, match="cannot read standard input here"):
        read_answers(STDIN, small)


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (5, "5"),
        (-7, "-7"),
        (10**19, "10000000000000000000"),
        (int("9" * 4299), "999999999...9999 (4,299 digits)"),
    ],
)
def test_short_number(value: int, shown: str) -> None:
    assert short_number(value) == shown


def test_a_4299_digit_level_is_cut_short(small, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    answers = tmp_path / "answers.yaml"
    answers.write_text("sql: " + "9" * 4299 + "\n")
    with pytest.raises(InputError) as caught:
        read_answers(answers, small)
    assert str(caught.value).endswith("sql: level 999999999...9999 (4,299 digits) is outside 0..5")


def test_a_long_set_value_is_cut_short(small) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError) as caught:
        parse_sets(["sql=" + "9" * 4299], small)
    assert len(str(caught.value)) < 160
