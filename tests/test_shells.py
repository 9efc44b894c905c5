"""Completion output per shell: each candidate quoted so its shell neither runs nor globs it."""

from __future__ import annotations

import pytest

from careerctl.shells import bash_word, completion_output, powershell_word

HOSTILE = ["$(touch x)", "`id`", "a'b", 'a"b', "z\\", ".*", "a b", "x\ny", "r\u202el", "ok-name"]


@pytest.mark.parametrize(
    ("value", "word"),
    [
        ("ok-name", "ok-name"),
        ("$(touch x)", "\\$\\(touch\\ x\\)"),
        (".*", ".\\*"),
        ("x\ny", "x\\\\ny"),
        ("é.1", "é.1"),
    ],
)
def test_bash_words_are_escaped_as_printf_q_does(value: str, word: str) -> None:
    assert bash_word(value) == word


@pytest.mark.parametrize(
    ("value", "word"),
    [
        ("ok-name", "ok-name"),
        ("$(touch x)", "'$(touch x)'"),
        ("a'b", "'a''b'"),
        ("a\u2019b", "'a\u2019\u2019b'"),
    ],
)
def test_powershell_words_are_single_quoted_unless_plain(value: str, word: str) -> None:
    assert powershell_word(value) == word


def test_zsh_gets_one_single_quoted_array_and_no_evaluated_action() -> None:
    out = completion_output("zsh", [("a'b", None), ("x:y", "a role"), ("z\\", None)])
    assert out == (
        "local -a _careerctl_values; _careerctl_values=( 'a'\\''b' 'x\\:y:a role' 'z\\\\' ); "
        "_describe -V values _careerctl_values"
    )
    assert completion_output("zsh", []) == "_files"


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish", "powershell"])
def test_one_line_per_candidate_and_nothing_invisible(shell: str) -> None:
    out = completion_output(shell, [(value, "help\nline") for value in HOSTILE])
    assert "\u202e" not in out
    lines = out.splitlines()
    assert len(lines) == (1 if shell == "zsh" else len(HOSTILE))
