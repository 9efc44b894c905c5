"""The `careerctl` console entry point: the busiest command lines are parsed without Typer.

Importing Typer and building its command tree costs more than twice a bare Python start
(docs/performance.md), which every command, pipe and TAB press would pay. So the command lines
that scripts and shells run in loops are parsed here when they take one simple shape:

    careerctl --version
    careerctl [--kb DIR] path FROM TO [--json]
    careerctl [--kb DIR] roles [--json]
    TAB completion (bash, zsh, fish) of a role name after `path` or `show`, of a role after
    `--from`, `--target` or `--current`, and of a track after `--track`

This is only a parser: the answer comes from the same app function the Typer app calls
(careerctl/app.py), rendered by the same `render`, and an error is worded by the same
`app.error_text`, once, here. Every other command line goes to the Typer app in cli.py, the one
definition of careerctl's command line. tests/test_entry.py checks that the answers are the
Typer app's byte for byte, and that OPTION_VALUES is the Typer app's completion table.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from careerctl.errors import CareerctlError, ExitCode

COMPLETE_VAR = "_CAREERCTL_COMPLETE"
ROLE_ARGUMENTS = {"path": 2, "show": 1}
"""Commands whose first N arguments are role names, and N."""
OPTION_VALUES = {
    "--from": ("roles", {"path", "plan", "match", "report"}),
    "--target": ("roles", {"plan", "report", "assess"}),
    "--current": ("roles", {"assess"}),
    "--track": ("tracks", {"roles", "match"}),
}
"""Options whose value completes from the names index: which list, and on which commands."""


GLOBAL_WITH_VALUE = ("--kb", "--profile", "--lang")
GLOBAL_FLAGS = ("--quiet", "-q")
"""The root's options, which may also be given after the command (`careerctl plan --kb DIR`)."""


def hoist(args: list[str]) -> list[str]:
    """The arguments with every global option that follows the command moved before it."""
    index = 0
    while index < len(args) and args[index].startswith("-"):  # the root's own options, before the command
        index += 2 if args[index] in GLOBAL_WITH_VALUE else 1
    if index >= len(args):
        return args
    front, command, rest = args[:index], args[index], args[index + 1 :]
    moved: list[str] = []
    kept: list[str] = []
    position = 0
    while position < len(rest):
        arg = rest[position]
        if arg == "--":
            kept.extend(rest[position:])
            break
        if arg in GLOBAL_WITH_VALUE and position + 1 < len(rest):
            moved.extend(rest[position : position + 2])
            position += 2
            continue
        if arg in GLOBAL_FLAGS or arg.split("=", 1)[0] in GLOBAL_WITH_VALUE:
            moved.append(arg)
        else:
            kept.append(arg)
        position += 1
    return [*front, *moved, command, *kept]


def run() -> None:
    """Console-script entry point."""
    if sys.stdout is None:  # started with stdout closed (`>&-`): Python has no stream to give
        sys.stderr.write("careerctl: cannot write to standard output: it is closed\n")
        raise SystemExit(int(ExitCode.NO_RESULT))
    sys.argv[1:] = hoist(sys.argv[1:])
    warning = bind_language(sys.argv[1:], os.environ)  # before Typer is imported: its own titles follow it
    if warning:
        make_env(None).say(f"careerctl: warning: {warning}")
    try:
        if not answer(sys.argv[1:]):
            from careerctl.cli import run as run_typer

            run_typer()
        sys.stdout.flush()  # here, not at exit: a full disk is reported, never ignored
    except KeyboardInterrupt:
        sys.stderr.write("\n")
        raise SystemExit(int(ExitCode.INTERRUPTED)) from None
    except BrokenPipeError:  # the reader (`| head`) has what it wanted: stop quietly
        from careerctl.context import silence_stdout

        silence_stdout()
        raise SystemExit(int(ExitCode.OK)) from None
    except OSError as exc:  # stdout is full or closed (`> /dev/full`): one line, never a traceback
        raise SystemExit(output_failed(exc)) from None


def lang_flag(args: list[str]) -> str | None:
    """The value of `--lang` among the root's options (hoist has put them before the command)."""
    index = 0
    while index < len(args) and args[index].startswith("-"):
        arg = args[index]
        if arg == "--lang":
            return args[index + 1] if index + 1 < len(args) else None
        if arg.startswith("--lang="):
            return arg[len("--lang=") :]
        index += 2 if arg in GLOBAL_WITH_VALUE else 1
    return None


def configured_language(environ: Mapping[str, str]) -> str | None:
    """The config file's `lang`, when it has one; None too when the file is broken (the command says so)."""
    from careerctl.config import config_location

    path = config_location(environ)
    if not os.path.lexists(path):
        return None
    from careerctl.config import read_config

    try:
        value = read_config(path).get("lang")
    except CareerctlError:
        return None
    return value if isinstance(value, str) else None


def bind_language(args: list[str], environ: Mapping[str, str]) -> str | None:
    """Translate into the language asked for (careerctl.i18n's order); the warning for one unknown."""
    from careerctl import i18n

    flag = lang_flag(args)
    configured = None if flag or environ.get("CAREERCTL_LANG") else configured_language(environ)
    language, warning = i18n.choose_language(flag, environ, configured)
    i18n.use(language)
    return warning


def output_failed(exc: OSError) -> int:
    """Say in one line that the output could not be written; the exit code for it (1)."""
    from careerctl.context import silence_stdout
    from careerctl.files import describe_os_error

    silence_stdout()
    where = exc.filename if exc.filename is not None else "standard output"
    sys.stderr.write(f"careerctl: cannot write to {where}: {describe_os_error(exc)}\n")
    return int(ExitCode.NO_RESULT)


def answer(args: list[str]) -> bool:
    """Answer a simple command line or completion request; False when the Typer app must."""
    if COMPLETE_VAR in os.environ:
        return complete(os.environ[COMPLETE_VAR])
    return command(args)


def global_options(args: list[str]) -> tuple[str | None, list[str]] | None:
    """`--kb DIR` (or $CAREERCTL_KB) and the arguments after it; None for any other option.

    `--lang` is skipped: bind_language has bound it already.
    """
    kb = os.environ.get("CAREERCTL_KB") or None
    while args and args[0].startswith("-"):
        if args[0] == "--kb" and len(args) > 1 and args[1] and not args[1].startswith("-"):
            kb, args = args[1], args[2:]
        elif args[0].startswith("--kb=") and len(args[0]) > 5:
            kb, args = args[0][5:], args[1:]
        elif args[0] == "--lang" and len(args) > 1 and args[1] and not args[1].startswith("-"):
            args = args[2:]
        elif args[0].startswith("--lang=") and len(args[0]) > 7:
            args = args[1:]
        else:
            return None
    return kb, args


def command(args: list[str]) -> bool:
    """`--version`, `path FROM TO [--json]` or `roles [--json]`; False for anything else."""
    if args == ["--version"]:
        from careerctl import version_line

        sys.stdout.write(version_line())
        return True
    parsed = global_options(args)
    if parsed is None or not parsed[1]:
        return False
    kb_dir, (name, *rest) = parsed
    fmt = "json" if "--json" in rest else "rich"
    operands = [arg for arg in rest if arg != "--json"]
    if any(arg.startswith("-") for arg in operands) or rest.count("--json") > 1:
        return False
    from careerctl import app

    if name == "path" and len(operands) == 2:
        return finish(lambda env: app.path(env, operands[0], operands[1]), fmt, kb_dir)
    if name == "roles" and not operands:
        return finish(app.roles, fmt, kb_dir)
    return False


def finish(use: Callable[[Any], Any], fmt: str, kb_dir: str | None) -> bool:
    """Run one app function, render its result and exit with its code, as the Typer app would."""
    from careerctl import app
    from careerctl.render import render

    env = make_env(kb_dir)
    try:
        result = use(env)
    except CareerctlError as exc:
        env.stderr.write(app.error_text(exc))
        raise SystemExit(int(exc.exit_code)) from None
    render(result, fmt, env)
    if result.exit_code:
        raise SystemExit(int(result.exit_code))
    return True


def make_env(kb_dir: str | None) -> Any:
    """The Env the Typer app's root callback would build ($CAREERCTL_PROFILE included)."""
    from careerctl import i18n
    from careerctl.context import Env, profile_location

    return Env(kb_dir=Path(kb_dir) if kb_dir else None, profile_path=profile_location(), lang=i18n.current())


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
    from careerctl.completion import completions

    # completions match any case; Typer then keeps what starts with the word as typed
    found = [
        n
        for n in completions(Path(kb_dir) if kb_dir else None, which, incomplete)
        if n.startswith(incomplete)
    ]
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


def emit_completions(shell: str, names: list[str]) -> bool:
    """Print completions as the Typer app's completion classes do (careerctl.shells quotes them)."""
    if shell == "fish":
        action = os.environ.get("_TYPER_COMPLETE_FISH_ACTION", "")
        if action == "is-args":
            raise SystemExit(0 if names else 1)
        if action != "get-args":
            names = []
    from careerctl.shells import completion_output

    sys.stdout.write(completion_output(shell, [(name, None) for name in names]) + "\n")
    return True
