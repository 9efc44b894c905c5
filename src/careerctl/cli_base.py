"""What every careerctl command function shares: the Env, the app, choosing the output, finishing."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Any, Optional

import typer

from careerctl.context import Env, lazy_module
from careerctl.i18n import _
from careerctl.render import render

if TYPE_CHECKING:
    from careerctl import app as use
else:  # imported by the first command that runs: `--help` and `--version` do not pay for it
    use = lazy_module("careerctl.app")

__all__ = ["chosen", "env_of", "finish", "use"]


def env_of(ctx: typer.Context) -> Env:
    """The Env the root callback built."""
    obj = ctx.find_root().obj
    return obj if isinstance(obj, Env) else Env()


def finish(result: Any, fmt: str, ctx: typer.Context) -> None:
    """Render a result in `fmt` and exit with its code (1: no result, 2: bad input)."""
    render(result, fmt, env_of(ctx))
    if result.exit_code:
        raise typer.Exit(int(result.exit_code))


def chosen(as_json: bool, format_: Optional[Enum] = None, tree: bool = False, other: str = "rich") -> str:
    """The output format the options pick (`other` without any); refuses two that pick different ones."""
    given = [name for name, on in (("--json", as_json), ("--format", format_), ("--tree", tree)) if on]
    if len(given) > 1:
        said = _("{options} each choose the output; give only one")
        raise typer.BadParameter(said.format(options=_(" and ").join(given)))
    return "json" if as_json else format_.value if format_ is not None else "tree" if tree else other
