"""Long output through a pager on a terminal, as git does: $PAGER, else `less -FRX`.

Never when stdout is not a terminal, never with --no-pager, and not when $PAGER is empty or
`cat`. `less -F` quits at once when the text fits one screen, `-R` keeps colours, `-X` leaves
the text on the screen after quitting. If the pager cannot start, the text goes to stdout.
"""

from __future__ import annotations

import io
import shlex
import subprocess
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from careerctl.context import Env

DEFAULT_PAGER = "less -FRX"


class TerminalBuffer(io.StringIO):
    """Text bound for a terminal: renderers see a TTY, so colours and box characters stay."""

    def isatty(self) -> bool:
        return True


def pager_command(env: Env) -> list[str] | None:
    """The pager to run, split into words; None for no pager."""
    command = env.environ.get("PAGER", DEFAULT_PAGER).strip()
    if not command or command == "cat":
        return None
    try:
        return shlex.split(command)
    except ValueError:
        return None


def paged(env: Env, draw: Callable[[Env], None], enabled: bool = True) -> None:
    """Run `draw` on env, through the pager when env.stdout is a terminal and paging is enabled."""
    command = pager_command(env) if enabled and env.isatty else None
    if command is None:
        draw(env)
        return
    buffer = TerminalBuffer()
    width = env.width or terminal_width(env)
    draw(env.writing_to(buffer, {**env.environ, "COLUMNS": str(width)}))
    text = buffer.getvalue()
    try:
        pager = subprocess.Popen(command, stdin=subprocess.PIPE, env={"LESS": "FRX", **env.environ})
    except OSError:
        env.stdout.write(text)
        return
    assert pager.stdin is not None
    try:
        pager.stdin.write(text.encode("utf-8", "replace"))
        pager.stdin.close()
    except BrokenPipeError:
        pass  # the person quit the pager before reading everything
    pager.wait()


def terminal_width(env: Env) -> int:
    """The width of the terminal env.stdout is on, or 80."""
    import os

    try:
        return os.get_terminal_size(env.stdout.fileno()).columns
    except (OSError, ValueError, io.UnsupportedOperation):
        return 80
