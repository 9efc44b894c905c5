"""Long output through a pager on a terminal only, as git does."""

from __future__ import annotations

import io
import shlex
import sys
from pathlib import Path

import pytest

from careerctl.context import Env
from careerctl.pager import TerminalBuffer, paged, pager_command


def draw(env: Env) -> None:
    env.stdout.write(f"tty={env.isatty} width={env.width}\n")


def recorder(path: Path) -> str:
    """A $PAGER that writes what it reads to `path`."""
    code = f"import sys; open({str(path)!r}, 'w').write(sys.stdin.read())"
    return f"{shlex.quote(sys.executable)} -c {shlex.quote(code)}"


def test_a_terminal_pages_through_pager(tmp_path: Path) -> None:
    seen = tmp_path / "paged.txt"
    screen = TerminalBuffer()
    paged(Env(stdout=screen, environ={"PAGER": recorder(seen), "COLUMNS": "100"}), draw)
    assert seen.read_text() == "tty=True width=100\n"  # drawn as for the terminal
    assert screen.getvalue() == ""


@pytest.mark.parametrize(
    ("stdout", "environ", "enabled"),
    [
        (io.StringIO(), {}, True),  # piped: never
        (TerminalBuffer(), {"PAGER": "cat"}, True),
        (TerminalBuffer(), {"PAGER": ""}, True),
        (TerminalBuffer(), {}, False),  # --no-pager
    ],
)
def test_no_pager(stdout: io.StringIO, environ: dict[str, str], enabled: bool) -> None:
    paged(Env(stdout=stdout, environ=environ), draw, enabled)
    assert stdout.getvalue().startswith("tty=")


def test_a_pager_that_cannot_start_prints_the_text() -> None:
    screen = TerminalBuffer()
    paged(Env(stdout=screen, environ={"PAGER": "no-such-pager-anywhere", "COLUMNS": "90"}), draw)
    assert screen.getvalue() == "tty=True width=90\n"


def test_less_is_the_default() -> None:
    assert pager_command(Env(environ={})) == ["less", "-FRX"]
