"""Tokens are tokens: tracks, categories (and ids and aliases, which are stricter) are safe on a command line."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careerctl.kb.parse import is_token


@pytest.mark.parametrize(
    "text",
    ["backend", "dev-ops", "data_eng", "v1.2", "ökonomie", "हिन्दी", "数据", "инженер", "3d", "ａｂｃ"],
)
def test_words_in_any_script_are_tokens(text: str) -> None:
    assert is_token(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "$(touch x)",
        "`id`",
        "a;b",
        "a|b",
        "a&b",
        "*",
        ".*",
        "?",
        "[ab]",
        "{a,b}",
        "~",
        "-rf",
        "--help",
        ".hidden",
        "_x",
        "a b",
        "a\tb",
        "a\nb",
        "a'b",
        'a"b',
        "a\\b",
        "a/b",
        "a\u202eb",
        "a\u200bb",
        "a\u3164",
        "\u3164",
        "a\ufe0f",
        "\u0301a",
        "a$b",
        "a!b",
        "a#b",
        "a%b",
        "a=b",
        "a:b",
        "a,b",
        "a<b",
    ],
)
def test_shell_syntax_and_invisible_characters_are_not(text: str) -> None:
    assert not is_token(text)


@pytest.mark.parametrize(
    ("text", "ok"), [("senior dev", True), ("a  b", False), (" a", False), ("a ", False)]
)
def test_single_inner_spaces_where_allowed(text: str, ok: bool) -> None:
    assert is_token(text, spaces=True) is ok
    assert not is_token(text)


SHELL_SPECIAL = set("$`\"'\\;|&<>(){}[]*?~!#%=:,/ \t\n\r")


@given(st.text(max_size=20))
def test_no_token_holds_a_character_a_shell_treats_specially(text: str) -> None:
    if is_token(text, spaces=True):
        assert not (set(text) - {" "}) & SHELL_SPECIAL
        assert text[0].isalnum() and not text[0].isspace()
