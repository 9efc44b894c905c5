"""The careerctl command line: parse options, call the core, pick a renderer, map errors to exit codes."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Any, NoReturn, Optional

import typer
from typer.core import TyperGroup

from careerctl import __version__
from careerctl.context import Env
from careerctl.errors import CareerctlError, ExitCode, InputError, InvalidKB
from careerctl.render import json as jsonr

class Group(TyperGroup):
    """The root command group: the one place where careerctl errors become messages and exit codes."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except CareerctlError as exc:
            fail(exc)


def fail(exc: CareerctlError) -> NoReturn:
    """Print an error's message to stderr and exit with its code."""
    message = str(exc)
    sys.stderr.write(f"careerctl: {clean(message)}\n")
    raise typer.Exit(int(exc.exit_code))


def clean(text: str) -> str:
    """Message text with control characters shown, not obeyed."""
    return "".join(
        ch if ch in "\n\t" or (ch.isprintable() and ch != "\x7f") else f"\\x{ord(ch):02x}" for ch in text
    )


app = typer.Typer(
    cls=Group,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Plan a software career from a knowledge base of roles and skills.",
    context_settings={"help_option_names": ["-h", "--help"]},
)
kb_app = typer.Typer(help="Check, describe and import knowledge bases.", no_args_is_help=True)
app.add_typer(kb_app, name="kb")


def env_of(ctx: typer.Context) -> Env:
    """The Env the root callback built."""
    obj = ctx.find_root().obj
    return obj if isinstance(obj, Env) else Env()


def complete_role(ctx: typer.Context, incomplete: str) -> list[str]:
    """Role ids and aliases that start with what was typed (for TAB completion)."""
    try:
        root = ctx.find_root().params
        kb = Env(kb_dir=root.get("kb")).load().kb
    except CareerctlError:
        return []
    names = sorted({*kb.roles, *(a for r in kb.roles.values() for a in r.aliases)})
    return [name for name in names if name.startswith(incomplete.lower())]


def show_version(value: bool) -> None:
    if value:
        sys.stdout.write(f"careerctl {__version__}\n")
        raise typer.Exit()


@app.callback()
def main(
    ctx: typer.Context,
    kb: Optional[Path] = typer.Option(
        None,
        "--kb",
        envvar="CAREERCTL_KB",
        help="Knowledge base folder (skills.yaml, roles.yaml).",
        show_default="the bundled backend KB",
    ),
    profile: Optional[Path] = typer.Option(
        None,
        "--profile",
        envvar="CAREERCTL_PROFILE",
        help="Profile file to read and write.",
        show_default="the user data folder",
    ),
    version: bool = typer.Option(
        False, "--version", callback=show_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """Plan a software career from a knowledge base of roles and skills."""
    ctx.obj = Env(kb_dir=kb, profile_path=profile)


def console() -> Any:
    """The stdout console (imported only when human output is wanted)."""
    from careerctl.render.rich import make_console

    return make_console()


@app.command()
def roles(
    ctx: typer.Context,
    track: Optional[str] = typer.Option(None, "--track", help="Only this track.", autocompletion=lambda: []),
    tree: bool = typer.Option(False, "--tree", help="Each track's ladder as a tree."),
    json_: bool = typer.Option(False, "--json", help="Print a careerctl.roles/1 JSON document."),
) -> None:
    """List the roles of the knowledge base."""
    kb = env_of(ctx).load().kb
    chosen = [r for r in kb.roles.values() if track is None or r.track == track.lower()]
    if track is not None and not chosen:
        tracks = sorted({r.track for r in kb.roles.values()})
        from careerctl.names import suggest

        raise_unknown("track", track, suggest(track, tracks))
    chosen.sort(key=lambda r: (r.track, r.seniority, r.id))
    if json_:
        jsonr.emit(jsonr.roles_doc(kb, chosen))
    elif tree:
        from careerctl.render.rich import print_ladders

        print_ladders(console(), kb, chosen)
    else:
        from careerctl.render.rich import print_roles

        print_roles(console(), chosen)


def raise_unknown(kind: str, name: str, suggestions: list[str]) -> NoReturn:
    from careerctl.errors import UnknownName

    raise UnknownName(kind, name, suggestions)


@app.command()
def skills(
    ctx: typer.Context,
    category: Optional[str] = typer.Option(None, "--category", help="Only this category."),
    json_: bool = typer.Option(False, "--json", help="Print a careerctl.skills/1 JSON document."),
) -> None:
    """List the skills of the knowledge base."""
    kb = env_of(ctx).load().kb
    chosen = [s for s in kb.skills.values() if category is None or s.category == category.lower()]
    if category is not None and not chosen:
        from careerctl.names import suggest

        raise_unknown("category", category, suggest(category, {s.category for s in kb.skills.values()}))
    chosen.sort(key=lambda s: (s.category, s.id))
    if json_:
        jsonr.emit(jsonr.skills_doc(kb, chosen))
    else:
        from careerctl.render.rich import print_skills

        print_skills(console(), chosen)


@app.command()
def show(
    ctx: typer.Context,
    name: str = typer.Argument(
        ..., help="A role or skill: id, alias or name, any case.", autocompletion=complete_role
    ),
    json_: bool = typer.Option(
        False, "--json", help="Print a careerctl.role/1 or careerctl.skill/1 document."
    ),
) -> None:
    """Show one role or skill in full."""
    from careerctl.model import Role
    from careerctl.names import find_any

    kb = env_of(ctx).load().kb
    item = find_any(kb, name)
    if json_:
        jsonr.emit(jsonr.show_doc(kb, item))
        return
    from careerctl.render.rich import print_role, print_skill

    if isinstance(item, Role):
        print_role(console(), kb, item)
    else:
        print_skill(console(), kb, item)


@kb_app.command("validate")
def kb_validate(
    ctx: typer.Context,
    folder: Optional[Path] = typer.Argument(None, help="KB folder to check.", show_default="the KB in use"),
    json_: bool = typer.Option(False, "--json", help="Print a careerctl.validation/1 JSON document."),
) -> None:
    """Check a knowledge base and list every problem; exit 2 if it has errors."""
    from careerctl.errors import Problem

    env = env_of(ctx)
    target = folder or env.kb_folder
    identity = None
    try:
        loaded = Env(kb_dir=target).load()
        problems, identity = loaded.warnings, loaded.kb.identity
    except InvalidKB as exc:
        problems = exc.problems
    except InputError as exc:
        problems = [Problem("error", exc.path, exc.line, "", exc.message.split(": ", 1)[-1])]
    if json_:
        jsonr.emit(jsonr.validation_doc(str(target), identity, problems))
    else:
        from careerctl.render.rich import print_problems

        print_problems(console(), str(target), problems)
    if any(p.severity == "error" for p in problems):
        raise typer.Exit(int(ExitCode.BAD_INPUT))


@kb_app.command("stats")
def kb_stats(
    ctx: typer.Context,
    json_: bool = typer.Option(False, "--json", help="Print a careerctl.stats/1 JSON document."),
) -> None:
    """Count the roles, skills and links of the knowledge base, and say where it comes from."""
    from dataclasses import asdict

    from careerctl.kb.stats import kb_stats as count

    env = env_of(ctx)
    kb = env.load().kb
    stats = count(kb)
    if json_:
        about = {k: getattr(kb.about, k) for k in ("name", "source", "version", "licence", "url")}
        jsonr.emit(jsonr.document("stats", kb=jsonr.kb_ref(kb), about=about, **asdict(stats)))
        return
    from careerctl.render.rich import print_stats

    print_stats(console(), kb, str(env.kb_folder), stats)


class Taxonomy(str, Enum):
    """Public taxonomies careerctl can import."""

    onet = "onet"
    esco = "esco"


@kb_app.command("import")
def kb_import(
    source: Taxonomy = typer.Argument(..., help="Which taxonomy: onet or esco."),
    src: Path = typer.Argument(..., help="Folder with the taxonomy's tables (see docs/importers.md)."),
    out: Path = typer.Option(..., "--out", help="KB folder to write (created if missing)."),
) -> None:
    """Turn O*NET or ESCO tables into a KB folder that --kb can load."""
    if source is Taxonomy.onet:
        from careerctl.kb.importers.onet import import_onet as importer
    else:
        from careerctl.kb.importers.esco import import_esco as importer
    report = importer(src, out)
    sys.stderr.write(f"{report.summary}\n")
    sys.stderr.write(f"Use it with: careerctl --kb {out} roles\n")


def run() -> None:
    """Console-script entry point."""
    app(prog_name="careerctl")
