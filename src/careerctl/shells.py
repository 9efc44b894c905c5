"""How TAB-completion candidates are written for each shell, so that no shell globs or runs them.

Both completion paths (the fast entry point and Typer's completion classes) print through
`completion_output`. What each shell does with the output decides the quoting:

- **zsh** evaluates it (Typer's script is `eval $(careerctl)`). Each candidate goes into a
  single-quoted array element (`'` written `'\\''`) and `_describe` adds them: nothing is
  evaluated, and zsh quotes what it inserts.
- **bash** splits it into lines and expands each as a file pattern (`COMPREPLY=( $(careerctl) )`),
  then inserts it as typed. Each candidate is backslash-escaped as `printf %q` does: a pattern
  of escaped characters only matches itself, and the inserted word is the literal value.
- **fish** reads one `value<TAB>description` per line and escapes what it inserts: line breaks
  and tabs in a value are shown as `\\n`, `\\t`, so one value stays one candidate.
- **PowerShell** inserts the text as typed: a value holding anything beyond letters, digits,
  `-`, `_` and `.` is single-quoted (`'` doubled, as PowerShell's smart quotes are).

In every shell, control and invisible characters are shown as escapes, never sent raw.
Tokens that pass validation (kb/parse.py: is_token) need none of this; it holds for anything.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from careerctl.text import visible

_BASH_SAFE = re.compile(r"[\w.,:/@%+=-]")
_PLAIN_WORD = re.compile(r"[\w.-]+")
_PS_QUOTES = "'\u2018\u2019\u201a\u201b"

Candidate = tuple[str, str | None]
"""A completion: the value, and a description or None."""


def one_line(text: str) -> str:
    """`text` with line breaks and tabs shown as escapes too, so it stays one line and one field."""
    return visible(text).replace("\n", "\\n").replace("\t", "\\t")


def completion_output(shell: str, candidates: Sequence[Candidate]) -> str:
    """The text careerctl prints for `shell` (bash, zsh, fish, powershell or pwsh)."""
    if shell == "zsh":
        return zsh(candidates)
    if shell == "bash":
        return "\n".join(bash_word(value) for value, _ in candidates)
    if shell == "fish":
        return "\n".join(
            one_line(value) + (f"\t{one_line(help_)}" if help_ else "") for value, help_ in candidates
        )
    return "\n".join(powershell_word(value) + f":::{one_line(help_ or ' ')}" for value, help_ in candidates)


def zsh(candidates: Sequence[Candidate]) -> str:
    """Shell code that adds the candidates with `_describe`; nothing in it is evaluated."""
    if not candidates:
        return "_files"  # as Typer's class: an argument with nothing to offer completes file names
    items = " ".join(_zsh_quoted(_describe_item(value, help_)) for value, help_ in candidates)
    return f"local -a _careerctl_values; _careerctl_values=( {items} ); _describe -V values _careerctl_values"


def _describe_item(value: str, help_: str | None) -> str:
    """`value:description` as _describe reads it: backslashes and colons in the value escaped."""
    item = one_line(value).replace("\\", "\\\\").replace(":", "\\:")
    return f"{item}:{one_line(help_)}" if help_ else item


def _zsh_quoted(text: str) -> str:
    return "'" + text.replace("'", "'\\''") + "'"


def bash_word(value: str) -> str:
    """`value` backslash-escaped for bash, as `printf %q` would (letters of any script kept)."""
    return "".join(char if _BASH_SAFE.fullmatch(char) else "\\" + char for char in one_line(value))


def powershell_word(value: str) -> str:
    """`value` as PowerShell reads it literally: single-quoted unless it is a plain word."""
    text = one_line(value).replace(":::", ": : :")
    if _PLAIN_WORD.fullmatch(text):
        return text
    for quote in _PS_QUOTES:
        text = text.replace(quote, quote * 2)
    return f"'{text}'"
