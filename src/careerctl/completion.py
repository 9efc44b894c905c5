"""TAB completion of role and track names, for both command lines.

A TAB press must not load the KB, nor import msgspec or the app: the names come from the
compiled KB's names index while the KB files are unchanged (careerctl/kb/cache.py).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from careerctl.errors import CareerctlError


def completer(which: str) -> Callable[[Any, str], list[str]]:
    """The Typer app's completion callback for role ids and aliases ("roles") or tracks ("tracks")."""

    def complete(ctx: Any, incomplete: str) -> list[str]:
        kb = ctx.find_root().params.get("kb")  # text here, not yet a Path
        return completions(Path(kb) if kb else None, which, incomplete)

    return complete


def completions(kb_dir: Path | None, which: str, incomplete: str) -> list[str]:
    """Role ids and aliases ("roles") or tracks ("tracks") that start with `incomplete`, in any case.

    The shell then keeps what starts with the word as typed.
    """
    try:
        roles, tracks = kb_names(kb_dir)
    except CareerctlError:
        return []
    return [name for name in (roles if which == "roles" else tracks) if name.startswith(incomplete.lower())]


def kb_names(kb_dir: Path | None) -> tuple[list[str], list[str]]:
    """Role ids and aliases, and tracks, sorted: from the names index, else by loading the KB."""
    from careerctl.kb import ROLES_FILE, SKILLS_FILE, bundled_kb_dir, cache

    folder = kb_dir or bundled_kb_dir()
    cache_dir = cache.default_cache_dir()
    stamp = cache.stamp_files([folder / SKILLS_FILE, folder / ROLES_FILE])
    identity = cache.known_identity(cache_dir, folder, stamp) if stamp else None
    names = cache.read_names(cache_dir, identity) if identity else None
    if names is not None:
        return names
    from careerctl.context import Env
    from careerctl.kb.load import kb_names as names_of

    return names_of(Env(kb_dir=kb_dir).load().kb)


def quoting(completion_init: Callable[[], None], classes: Any) -> Callable[[], None]:
    """Typer's `completion_init`, then its completion classes replaced by ones that quote safely.

    `classes` is Typer's `_completion_classes` module (cli.py passes it: only cli.py imports
    Typer). Each replacement prints its candidates through careerctl.shells, as the fast path does.
    """

    def complete(self: Any) -> str:
        args, incomplete = self.get_completion_args()
        items = [(item.value, item.help) for item in self.get_completions(args, incomplete)]
        if self.name == "fish":
            action = os.environ.get("_TYPER_COMPLETE_FISH_ACTION", "")
            if action == "is-args":
                sys.exit(0 if items else 1)
            if action != "get-args":
                return ""
        from careerctl.shells import completion_output

        return completion_output(self.name, items)

    def init() -> None:
        completion_init()
        for base, names in (
            (classes.BashComplete, ("bash",)),
            (classes.ZshComplete, ("zsh",)),
            (classes.FishComplete, ("fish",)),
            (classes.PowerShellComplete, ("powershell", "pwsh")),
        ):
            quoted = type(f"Quoted{base.__name__}", (base,), {"complete": complete})
            for name in names:
                classes.add_completion_class(quoted, name)

    return init
