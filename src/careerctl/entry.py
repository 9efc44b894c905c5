"""The `careerctl` console entry point: the busiest command lines are answered without Typer.

Importing Typer and building its command tree costs more than twice a bare Python start
(docs/performance.md), which every command, pipe and TAB press would pay. So the command lines
that scripts and shells run in loops are answered here when they take one simple shape:

    careerctl [--kb DIR] path FROM TO [--json]
    careerctl [--kb DIR] roles [--json]
    TAB completion (bash, zsh, fish) of a role name after `path` or `show`, of a role after
    `--from` or `--target`, and of a track after `--track`

Every other command line, and every error (an unknown role, no route, a bad KB), goes to the
Typer app in cli.py, which remains the one definition of careerctl's command line: the answers
given here are the ones it gives, byte for byte, and tests/test_entry.py checks that they are.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from careerctl.errors import CareerctlError, ExitCode

COMPLETE_VAR = "_CAREERCTL_COMPLETE"
ROLE_ARGUMENTS = {"path": 2, "show": 1}
"""Commands whose first N arguments are role names, and N."""
OPTION_VALUES = {
    "--from": ("roles", {"path", "plan", "match"}),
    "--target": ("roles", {"plan"}),
    "--track": ("tracks", {"roles", "match"}),
}
"""Options whose value completes from the names index: which list, and on which commands."""


def run() -> None:
    """Console-script entry point."""
    try:
        done = answer(sys.argv[1:])
    except KeyboardInterrupt:
        sys.stderr.write("\n")
        raise SystemExit(int(ExitCode.INTERRUPTED)) from None
    if done:
        return
    from careerctl.cli import run as run_typer

    run_typer()


def answer(args: list[str]) -> bool:
    """Answer a simple command line or completion request; False when the Typer app must."""
    try:
        if COMPLETE_VAR in os.environ:
            return complete(os.environ[COMPLETE_VAR])
        return command(args)
    except CareerctlError:
        return False  # the Typer app words every error


def global_options(args: list[str]) -> tuple[str | None, list[str]] | None:
    """`--kb DIR` (or $CAREERCTL_KB) and the arguments after it; None for any other option."""
    kb = os.environ.get("CAREERCTL_KB") or None
    while args and args[0].startswith("-"):
        if args[0] == "--kb" and len(args) > 1 and args[1] and not args[1].startswith("-"):
            kb, args = args[1], args[2:]
        elif args[0].startswith("--kb=") and len(args[0]) > 5:
            kb, args = args[0][5:], args[1:]
        else:
            return None
    return kb, args


def command(args: list[str]) -> bool:
    """`path FROM TO [--json]` or `roles [--json]`; False for anything else."""
    parsed = global_options(args)
    if parsed is None or not parsed[1]:
        return False
    kb_dir, (name, *rest) = parsed
    json_ = "--json" in rest
    operands = [arg for arg in rest if arg != "--json"]
    if any(arg.startswith("-") for arg in operands) or rest.count("--json") > 1:
        return False
    if name == "path" and len(operands) == 2:
        from careerctl.context import profile_location

        if os.path.lexists(profile_location()):
            return False  # a saved profile costs the first rung from the person's levels: the app does it
        show_route(kb_dir, operands[0], operands[1], json_)
        return True
    if name == "roles" and not operands:
        list_roles(kb_dir, json_)
        return True
    return False


def show_route(kb_dir: str | None, source: str, goal: str, json_: bool) -> None:
    """What `careerctl path FROM TO [--json]` prints when there is a route."""
    from careerctl.names import find_role
    from careerctl.route import find_routes

    kb = load(kb_dir)
    start, end = find_role(kb, source), find_role(kb, goal)
    routes = find_routes(kb, start.id, end.id, 1)
    if json_:
        from careerctl.render import json as jsonr

        jsonr.emit(jsonr.route_doc(kb, start, end, routes, False))
        return
    from careerctl.render.rich import make_console, print_routes

    print_routes(make_console(), kb, routes)


def list_roles(kb_dir: str | None, json_: bool) -> None:
    """What `careerctl roles [--json]` prints."""
    kb = load(kb_dir)
    chosen = sorted(kb.roles.values(), key=lambda r: (r.track, r.seniority, r.id))
    if json_:
        from careerctl.render import json as jsonr

        jsonr.emit(jsonr.roles_doc(kb, chosen))
        return
    from careerctl.render.rich import make_console, print_roles

    print_roles(make_console(), chosen)


def load(kb_dir: str | None) -> Any:
    """The KB, as the Typer app loads it."""
    from careerctl.context import Env

    return Env(kb_dir=Path(kb_dir) if kb_dir else None).load().kb


# ---- TAB completion -----------------------------------------------------------------------------


def complete(instruction: str) -> bool:
    """Print the completions Typer would print for a name from the names index; False if not ours."""
    shell = {"complete_bash": "bash", "complete_zsh": "zsh", "complete_fish": "fish"}.get(instruction)
    words = completion_words(shell) if shell else None
    if words is None:
        return False
    args, incomplete = words
    wanted = completion_list(args, incomplete)
    if wanted is None:
        return False
    kb_dir, which = wanted
    roles, tracks = names_of(kb_dir)
    # cli.complete_role matches any case; Typer then keeps what starts with the word as typed
    found = [n for n in (roles if which == "roles" else tracks) if n.startswith(incomplete.lower())]
    found = [n for n in found if n.startswith(incomplete)]
    return emit_completions(shell or "", found)


def completion_words(shell: str) -> tuple[list[str], str] | None:
    """The words before the cursor and the word being completed, as the shell's Typer class splits them."""
    if shell == "bash":
        line, cword = os.environ.get("COMP_WORDS", ""), os.environ.get("COMP_CWORD", "")
        if not cword.isdigit():
            return None
    else:
        line = os.environ.get("_TYPER_COMPLETE_ARGS", "")
    if any(ch in line for ch in "'\"\\"):
        return None  # quoting: leave shlex-style splitting to Typer
    words = line.split()
    if shell == "bash":
        at = int(cword)
        return words[1:at], words[at] if at < len(words) else ""
    args = words[1:]
    if args and not line.endswith(" "):
        return args[:-1], args[-1]
    return args, ""


def completion_list(args: list[str], incomplete: str) -> tuple[str | None, str] | None:
    """The KB folder and which names ("roles" or "tracks") complete `incomplete`; None if not ours."""
    parsed = global_options(args)
    if parsed is None or not parsed[1] or incomplete.startswith("-"):
        return None
    kb_dir, (name, *rest) = parsed
    option = rest[-1] if rest and rest[-1].startswith("-") else None
    operands = rest[:-1] if option else rest
    if any(arg.startswith("-") for arg in operands) or len(operands) > ROLE_ARGUMENTS.get(name, 0):
        return None
    if option is None:
        return (kb_dir, "roles") if len(operands) < ROLE_ARGUMENTS.get(name, 0) else None
    which, commands = OPTION_VALUES.get(option, ("", set()))
    return (kb_dir, which) if name in commands else None


def names_of(kb_dir: str | None) -> tuple[list[str], list[str]]:
    """Role ids and aliases, and tracks: from the names index when the KB is unchanged, else by loading it."""
    from careerctl.kb import ROLES_FILE, SKILLS_FILE, bundled_kb_dir, cache

    folder = Path(kb_dir) if kb_dir else bundled_kb_dir()
    cache_dir = cache.default_cache_dir()
    stamp = cache.stamp_files([folder / SKILLS_FILE, folder / ROLES_FILE])
    identity = cache.known_identity(cache_dir, folder, stamp) if stamp else None
    names = cache.read_names(cache_dir, identity) if identity else None
    if names is not None:
        return names
    from careerctl.kb.load import kb_names

    return kb_names(load(kb_dir))


def emit_completions(shell: str, names: list[str]) -> bool:
    """Print completions in the format of Typer's completion class for `shell`."""
    if shell == "bash":
        text = "\n".join(names)
    elif shell == "zsh":
        quoted = "\n".join(f'"{zsh_escape(name)}"' for name in names)
        text = f"_arguments '*: :(({quoted}))'" if names else "_files"
    else:
        action = os.environ.get("_TYPER_COMPLETE_FISH_ACTION", "")
        if action == "is-args":
            raise SystemExit(0 if names else 1)
        text = "\n".join(names) if action == "get-args" and names else ""
    sys.stdout.write(text + "\n")
    return True


def zsh_escape(text: str) -> str:
    """A value quoted as Typer quotes it for zsh."""
    for old, new in (('"', '""'), ("'", "''"), ("$", "\\$"), ("`", "\\`"), (":", r"\\:")):
        text = text.replace(old, new)
    return text
