"""The careerctl command line: parse options, call the core, pick a renderer, map errors to exit codes."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, NoReturn, Optional

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
    # Click's plain help and usage errors: Typer's Rich panels import ~40 Rich and Markdown
    # modules, which doubled the time of `careerctl --help` (docs/performance.md).
    rich_markup_mode=None,
    help="Plan a software career from a knowledge base of roles and skills.",
    context_settings={"help_option_names": ["-h", "--help"]},
)
kb_app = typer.Typer(help="Check, describe and import knowledge bases.", no_args_is_help=True)
app.add_typer(kb_app, name="kb")


def env_of(ctx: typer.Context) -> Env:
    """The Env the root callback built."""
    obj = ctx.find_root().obj
    return obj if isinstance(obj, Env) else Env()


def completion_env(ctx: typer.Context) -> Env:
    """The Env for a completion: --kb arrives as text there, not yet a Path."""
    kb = ctx.find_root().params.get("kb")
    return Env(kb_dir=Path(kb) if kb else None)


def complete_role(ctx: typer.Context, incomplete: str) -> list[str]:
    """Role ids and aliases that start with what was typed (for TAB completion)."""
    try:
        kb = completion_env(ctx).load().kb
    except CareerctlError:
        return []
    names = sorted({*kb.roles, *(a for r in kb.roles.values() for a in r.aliases)})
    return [name for name in names if name.startswith(incomplete.lower())]


def complete_track(ctx: typer.Context, incomplete: str) -> list[str]:
    """Track names that start with what was typed."""
    try:
        kb = completion_env(ctx).load().kb
    except CareerctlError:
        return []
    return sorted({r.track for r in kb.roles.values() if r.track.startswith(incomplete.lower())})


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
    track: Optional[str] = typer.Option(
        None, "--track", help="Only this track.", autocompletion=complete_track
    ),
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


Answers = Annotated[
    Optional[Path], typer.Option("--answers", help="YAML or JSON file of {skill-id: level 0..5}.")
]
Sets = Annotated[
    Optional[list[str]],
    typer.Option("--set", metavar="SKILL=LEVEL", help="Set one skill's level (repeatable)."),
]
FromRole = Annotated[
    Optional[str],
    typer.Option(
        "--from",
        help="Take your levels to be exactly this role's requirements.",
        autocompletion=complete_role,
    ),
]
Json = Annotated[bool, typer.Option("--json", help="Print a JSON document instead of tables.")]


class Person:
    """Whose levels a command works from, and where they stand."""

    def __init__(self, levels: dict[str, int], current: str | None, target: str | None = None) -> None:
        self.levels = levels
        self.current = current
        self.target = target


def person_from(env: Env, answers: Path | None, sets: list[str] | None, from_role: str | None) -> Person:
    """The person's levels from the LEVELS options, else from the saved profile."""
    from careerctl.levels import resolve_levels
    from careerctl.names import find_role

    kb = env.load().kb
    saved = env.saved_person() if answers is None and not sets and from_role is None else None
    if saved is not None:
        levels, current, target = saved
        return Person(resolve_levels(kb, saved=levels), current, target)
    levels = resolve_levels(kb, answers, sets, from_role)
    current = find_role(kb, from_role).id if from_role else None
    return Person(levels, current)


@app.command()
def plan(
    ctx: typer.Context,
    target: Annotated[
        Optional[str],
        typer.Option(
            "--target", help="Role to plan for.", show_default="the next rung", autocompletion=complete_role
        ),
    ] = None,
    answers: Answers = None,
    sets: Sets = None,
    from_role: FromRole = None,
    top: Annotated[Optional[int], typer.Option("--top", min=1, help="Show only the first N steps.")] = None,
    hours_per_week: Annotated[
        float, typer.Option("--hours-per-week", min=0.5, help="Study hours per week, for the finish date.")
    ] = 6.0,
    json_: Json = False,
) -> None:
    """Rank the next skill levels to learn for a target role, in order, with hours and why."""
    from careerctl.levels import default_target, guess_current
    from careerctl.names import find_role
    from careerctl.plan import build_plan, weeks_to_meet

    env = env_of(ctx)
    kb = env.load().kb
    person = person_from(env, answers, sets, from_role)
    current = person.current or guess_current(kb, person.levels)
    wanted = target or person.target
    goal = find_role(kb, wanted).id if wanted else default_target(kb, current, person.levels)
    result = build_plan(kb, goal, person.levels, current_id=current)
    weeks = weeks_to_meet(result, hours_per_week)
    if json_:
        jsonr.emit(jsonr.plan_doc(kb, result, hours_per_week, weeks, top))
        return
    from careerctl.render.rich import print_plan

    print_plan(console(), kb, result, hours_per_week, weeks, top)


@app.command()
def path(
    ctx: typer.Context,
    source: Annotated[
        str, typer.Argument(metavar="FROM", help="Role to start from.", autocompletion=complete_role)
    ],
    goal: Annotated[str, typer.Argument(metavar="TO", help="Role to reach.", autocompletion=complete_role)],
    answers: Answers = None,
    sets: Sets = None,
    from_role: FromRole = None,
    alternatives: Annotated[
        int, typer.Option("--alternatives", min=0, help="Also show the next K best routes.")
    ] = 0,
    json_: Json = False,
) -> None:
    """The cheapest route from one role to another: each rung, the skills it raises, hours and years."""
    from careerctl.errors import NoResult
    from careerctl.names import find_role
    from careerctl.route import find_routes

    env = env_of(ctx)
    kb = env.load().kb
    start, end = find_role(kb, source), find_role(kb, goal)
    levels = None
    if answers is not None or sets or from_role is not None:
        levels = person_from(env, answers, sets, from_role).levels
    try:
        routes = find_routes(kb, start.id, end.id, alternatives + 1, levels)
    except NoResult as exc:
        if json_:
            jsonr.emit(jsonr.no_route_doc(kb, start, end, str(exc)))
        else:
            sys.stdout.write(f"{clean(str(exc))}\n")
        raise typer.Exit(int(ExitCode.NO_RESULT)) from None
    if json_:
        jsonr.emit(jsonr.route_doc(kb, start, end, routes, levels is not None))
        return
    from careerctl.render.rich import print_routes

    print_routes(console(), kb, routes)


@app.command()
def match(
    ctx: typer.Context,
    answers: Answers = None,
    sets: Sets = None,
    from_role: FromRole = None,
    track: Annotated[
        Optional[str],
        typer.Option("--track", help="Only roles on this track.", autocompletion=complete_track),
    ] = None,
    top: Annotated[int, typer.Option("--top", min=1, help="Show the best N roles.")] = 10,
    json_: Json = False,
) -> None:
    """Rank every role by how well your levels fit it, with readiness and hours still needed."""
    from careerctl.match import match_roles
    from careerctl.names import suggest

    env = env_of(ctx)
    kb = env.load().kb
    person = person_from(env, answers, sets, from_role)
    tracks = {r.track for r in kb.roles.values()}
    if track is not None and track.lower() not in tracks:
        raise_unknown("track", track, suggest(track, tracks))
    rows = match_roles(kb, person.levels, track=track.lower() if track else None, top=top)
    if json_:
        jsonr.emit(jsonr.match_doc(kb, rows, track))
        return
    from careerctl.render.rich import print_matches

    print_matches(console(), rows)


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
