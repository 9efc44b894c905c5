"""The careerctl command line: parse options, call the core, pick a renderer, map errors to exit codes."""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, Optional

import typer
from typer.core import TyperGroup

from careerctl import __version__
from careerctl.context import Env
from careerctl.errors import CareerctlError, ExitCode, InputError, InvalidKB
from careerctl.render import json as jsonr

if TYPE_CHECKING:  # annotations only: importing them would slow every command down
    from datetime import date

    from careerctl.render.report import Report


class Group(TyperGroup):
    """The root command group: the one place where careerctl errors become messages and exit codes."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except CareerctlError as exc:
            fail(exc)
        except BrokenPipeError:
            # the reader (e.g. `| head`) has what it wanted: stop quietly, as `cat` would
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            raise typer.Exit(int(ExitCode.OK)) from None


def fail(exc: CareerctlError) -> NoReturn:
    """Print an error's message to stderr and exit with its code."""
    message = str(exc)
    sys.stderr.write(f"careerctl: {clean(message)}\n")
    raise typer.Exit(int(exc.exit_code))


def clean(text: str) -> str:
    """Message text with control characters shown, not obeyed (as render.rich.lit shows them)."""
    return "".join(ch if ch in "\n\t" or (ch.isprintable() and ch != "\x7f") else shown(ch) for ch in text)


def shown(ch: str) -> str:
    """A character as a visible escape: \\x1b, \\u202e, \\U000e0041."""
    code = ord(ch)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


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


class Diagram(str, Enum):
    """Diagram languages careerctl writes."""

    mermaid = "mermaid"
    dot = "dot"


def one_output(**chosen: bool) -> None:
    """Refuse options that each pick a different output, e.g. --json with --format."""
    given = [f"--{name}" for name, on in chosen.items() if on]
    if len(given) > 1:
        raise typer.BadParameter(f"{' and '.join(given)} each choose the output; give only one")


@app.command()
def roles(
    ctx: typer.Context,
    track: Optional[str] = typer.Option(
        None, "--track", help="Only this track.", autocompletion=complete_track
    ),
    tree: bool = typer.Option(False, "--tree", help="Each track's ladder as a tree."),
    json_: bool = typer.Option(False, "--json", help="Print a careerctl.roles/1 JSON document."),
    format_: Optional[Diagram] = typer.Option(
        None, "--format", help="Draw the career map as Mermaid or Graphviz DOT source."
    ),
) -> None:
    """List the roles of the knowledge base, or draw them as a career map."""
    one_output(json=json_, format=format_ is not None, tree=tree)
    kb = env_of(ctx).load().kb
    chosen = [r for r in kb.roles.values() if track is None or r.track == track.lower()]
    if track is not None and not chosen:
        tracks = sorted({r.track for r in kb.roles.values()})
        from careerctl.names import suggest

        raise_unknown("track", track, suggest(track, tracks))
    chosen.sort(key=lambda r: (r.track, r.seniority, r.id))
    if json_:
        jsonr.emit(jsonr.roles_doc(kb, chosen))
    elif format_ is not None:
        from careerctl.render import diagram

        draw = diagram.mermaid_map if format_ is Diagram.mermaid else diagram.dot_map
        sys.stdout.write(draw(kb, chosen))
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
TargetRole = Annotated[
    Optional[str],
    typer.Option(
        "--target", help="Role to plan for.", show_default="the next rung", autocompletion=complete_role
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
        known = resolve_levels(kb, saved=levels)
        warn_foreign_profile(env, len(levels), len(known))
        return Person(known, current, target)
    levels = resolve_levels(kb, answers, sets, from_role)
    current = find_role(kb, from_role).id if from_role else None
    return Person(levels, current)


def warn_foreign_profile(env: Env, saved: int, known: int) -> None:
    """Say when the saved profile was made on another KB: its unknown skills are ignored."""
    from careerctl.errors import NoLevels

    if saved and not known:
        raise NoLevels(
            f"{env.profile}: the saved profile was made on another knowledge base (none of its skills are "
            "in this one); give --answers, --set or --from, or run `careerctl assess` with this KB"
        )
    if known < saved:
        sys.stderr.write(
            clean(
                f"careerctl: {saved - known} of the {saved} skills in {env.profile} are not in this "
                "knowledge base; they are left out\n"
            )
        )


@app.command()
def plan(
    ctx: typer.Context,
    target: TargetRole = None,
    answers: Answers = None,
    sets: Sets = None,
    from_role: FromRole = None,
    top: Annotated[Optional[int], typer.Option("--top", min=1, help="Show only the first N steps.")] = None,
    hours_per_week: Annotated[
        float,
        typer.Option("--hours-per-week", min=0.5, max=168, help="Study hours per week, for the finish date."),
    ] = 6.0,
    json_: Json = False,
) -> None:
    """Rank the next skill levels to learn for a target role, in order, with hours and why."""
    from careerctl.levels import choose_roles
    from careerctl.plan import build_plan, weeks_to_meet

    env = env_of(ctx)
    kb = env.load().kb
    person = person_from(env, answers, sets, from_role)
    current, goal = choose_roles(kb, person.levels, person.current, target or person.target)
    result = build_plan(kb, goal, person.levels, current_id=current)
    weeks = weeks_to_meet(result, hours_per_week)
    if json_:
        jsonr.emit(jsonr.plan_doc(kb, result, hours_per_week, weeks, top))
        return
    from careerctl.render.rich import print_plan

    print_plan(console(), kb, result, hours_per_week, weeks, top, person.levels)


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
    format_: Annotated[
        Optional[Diagram],
        typer.Option("--format", help="Draw the route in the career map as Mermaid or Graphviz DOT source."),
    ] = None,
) -> None:
    """The cheapest route from one role to another: each rung, the skills it raises, hours and years."""
    one_output(json=json_, format=format_ is not None)
    if format_ is not None and alternatives:
        raise typer.BadParameter("--format draws the cheapest route only; drop --alternatives")
    from careerctl.errors import NoResult
    from careerctl.names import find_role
    from careerctl.route import find_routes

    env = env_of(ctx)
    kb = env.load().kb
    start, end = find_role(kb, source), find_role(kb, goal)
    levels = None
    if answers is not None or sets or from_role is not None:
        levels = person_from(env, answers, sets, from_role).levels
    elif (saved := env.saved_person()) is not None:
        levels = saved[0]  # the first rung is costed from the levels saved by `careerctl assess`
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
    if format_ is not None:
        from careerctl.render import diagram

        draw = diagram.mermaid_path if format_ is Diagram.mermaid else diagram.dot_path
        sys.stdout.write(draw(kb, routes[0]))
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


@kb_app.command("schema")
def kb_schema(
    kind: Annotated[
        Optional[str], typer.Argument(help="Document kind, e.g. plan; omit to list them.")
    ] = None,
) -> None:
    """Print the JSON Schema of a --json document (careerctl.KIND/1), or list the kinds."""
    from importlib import resources

    from careerctl.names import suggest

    folder = resources.files("careerctl").joinpath("schemas")
    kinds = sorted(
        entry.name.removesuffix(".json") for entry in folder.iterdir() if entry.name.endswith(".json")
    )
    if kind is None:
        sys.stdout.write("".join(f"careerctl.{name}/1\n" for name in kinds))
        return
    wanted = kind.removeprefix("careerctl.").removesuffix("/1")
    if wanted not in kinds:
        raise_unknown("schema", kind, suggest(wanted, kinds))
    sys.stdout.write(folder.joinpath(f"{wanted}.json").read_text(encoding="utf-8"))


class ReportFormat(str, Enum):
    """File formats of the shareable report."""

    html = "html"
    markdown = "markdown"


REPORT_SUFFIXES = {".html": ReportFormat.html, ".htm": ReportFormat.html, ".md": ReportFormat.markdown}


@app.command()
def report(
    ctx: typer.Context,
    target: TargetRole = None,
    answers: Answers = None,
    sets: Sets = None,
    from_role: FromRole = None,
    format_: Annotated[
        Optional[ReportFormat],
        typer.Option("--format", help="html or markdown.", show_default="from the file's suffix"),
    ] = None,
    output: Annotated[
        Path, typer.Option("--output", "-o", help="File to write; - for stdout.", dir_okay=False)
    ] = Path("-"),
    name: Annotated[Optional[str], typer.Option("--name", help="Whose report it is, for its header.")] = None,
    top: Annotated[Optional[int], typer.Option("--top", min=1, help="Show only the first N steps.")] = None,
    hours_per_week: Annotated[
        float,
        typer.Option("--hours-per-week", min=0.5, max=168, help="Study hours per week, for the finish date."),
    ] = 6.0,
) -> None:
    """Write a report to share with a mentor or manager: readiness, the ranked plan, the route, charts.

    HTML is one self-contained file (no scripts, nothing fetched; prints well); Markdown
    renders on GitHub and GitLab, the route as a Mermaid diagram.
    """
    from careerctl.render.report import html_report, markdown_report

    kind = format_ or REPORT_SUFFIXES.get(output.suffix.lower())
    if kind is None:
        raise typer.BadParameter("give --format html or --format markdown (or a .html or .md file)")
    env = env_of(ctx)
    person = person_from(env, answers, sets, from_role)
    built = build_report(
        env, person, target, levels_from(answers, sets, from_role), name, top, hours_per_week
    )
    text = html_report(built) if kind is ReportFormat.html else markdown_report(built)
    if str(output) == "-":
        sys.stdout.write(text)
        return
    from careerctl.files import atomic_write

    if not output.parent.is_dir():
        raise InputError(output, f"cannot write: there is no folder {output.parent}")
    atomic_write(output, text.encode("utf-8"))
    sys.stderr.write(f"Wrote {kind.value} report to {clean(str(output))} ({len(text.encode()):,} bytes)\n")


def levels_from(answers: Path | None, sets: list[str] | None, from_role: str | None) -> str:
    """How the person's levels were given, in the words of the options."""
    given = [f"--from {from_role}"] if from_role else []
    given += [f"--answers {answers.name}"] if answers else []
    given += [f"--set {item}" for item in sets or []]
    return ", ".join(given) or "the saved profile"


def build_report(
    env: Env,
    person: Person,
    target: str | None,
    source: str,
    name: str | None,
    top: int | None,
    hours_per_week: float,
) -> Report:
    """Plan, route and dates for a report, from the person and the chosen target."""
    from careerctl.levels import choose_roles
    from careerctl.plan import build_plan, route_there, weeks_to_meet
    from careerctl.render.report import Report

    kb = env.load().kb
    current, goal = choose_roles(kb, person.levels, person.current, target or person.target)
    result = build_plan(kb, goal, person.levels, current_id=current)
    route = route_there(kb, result, person.levels)
    weeks = weeks_to_meet(result, hours_per_week)
    return Report(kb, person.levels, result, route, hours_per_week, weeks, report_date(), source, name, top)


def report_date() -> date:
    """Today, or the day of $SOURCE_DATE_EPOCH when set (reproducible reports and tests)."""
    from datetime import date, datetime, timezone

    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc).date()
    return date.today()


@app.command()
def assess(
    ctx: typer.Context,
    current: Annotated[
        Optional[str],
        typer.Option(
            "--current", help="Your current role (skips that question).", autocompletion=complete_role
        ),
    ] = None,
    target: Annotated[
        Optional[str],
        typer.Option(
            "--target",
            metavar="ROLE",
            help="The role you aim for (skips that question).",
            show_default="the next rung",
            autocompletion=complete_role,
        ),
    ] = None,
    every: Annotated[
        bool, typer.Option("--all", help="Rate every skill of the KB, not only the relevant ones.")
    ] = False,
    answers: Answers = None,
    sets: Sets = None,
    json_: Annotated[
        bool, typer.Option("--json", help="Print a careerctl.assessment/1 JSON document.")
    ] = False,
) -> None:
    """Rate yourself skill by skill, with arrow keys; every answer is saved to your profile at once.

    Without a terminal (in a script), give --answers FILE and/or --set SKILL=LEVEL, with --current and
    --target: relevant skills they leave out keep their previous level, else 0. Ctrl-C keeps every
    answer given so far, and the next `careerctl assess` offers to resume.
    """
    from careerctl import prompts
    from careerctl.errors import NoLevels

    terminal = prompts.open_terminal()
    if terminal is None and answers is None and not sets:
        raise NoLevels(
            "no terminal to ask on: give --answers FILE and/or --set SKILL=LEVEL "
            "(with --current ROLE and --target ROLE) to assess from a script"
        )
    from careerctl.assess import Options, run_assessment
    from careerctl.levels import parse_sets, read_answers
    from careerctl.model import Profile
    from careerctl.names import find_role
    from careerctl.store import read_profile, utc_now, write_profile

    env = env_of(ctx)
    kb = env.load().kb
    profile = read_profile(env.profile) or Profile()
    given = {**(read_answers(answers, kb) if answers else {}), **parse_sets(sets or [], kb)}
    options = Options(
        current=find_role(kb, current).id if current else None,
        target=find_role(kb, target).id if target else None,
        every=every,
        given=given,
    )
    saved: list[Profile] = []

    def save(latest: Profile) -> None:
        write_profile(env.profile, latest)
        saved[:] = [latest]

    prompter = prompts.TerminalPrompter(terminal) if terminal else None
    try:
        outcome = run_assessment(kb, profile, prompter, save, utc_now(), options)
    except KeyboardInterrupt:
        interrupted(env.profile, saved[0] if saved else None)
    report_assessment(env, kb, outcome, json_)


def interrupted(where: Path, profile: Any) -> NoReturn:
    """Ctrl-C during `assess`: say what was kept and exit 130."""
    if profile is None:
        sys.stderr.write("\ncareerctl: interrupted; nothing was saved\n")
    else:
        done = len(profile.assessments[-1].levels)
        sys.stderr.write(
            f"\ncareerctl: interrupted; {done} answer{'s' if done != 1 else ''} saved in {clean(str(where))}. "
            "Run `careerctl assess` to resume.\n"
        )
    raise typer.Exit(int(ExitCode.INTERRUPTED))


def report_assessment(env: Env, kb: Any, outcome: Any, json_: bool) -> None:
    """After `assess`: what was saved (stderr), then readiness and the top five steps (stdout)."""
    from careerctl.assess import latest_levels
    from careerctl.errors import NoResult
    from careerctl.plan import build_plan, readiness

    item = outcome.assessment
    if outcome.kept:
        names = ", ".join(outcome.kept[:5]) + (
            f" and {len(outcome.kept) - 5} more" if len(outcome.kept) > 5 else ""
        )
        sys.stderr.write(
            f"careerctl: {len(outcome.kept)} skill(s) not in --answers/--set kept their previous level, else 0: "
            f"{clean(names)}\n"
        )
    sys.stderr.write(f"Saved the assessment ({len(item.levels)} skills) to {clean(str(env.profile))}\n")
    levels = latest_levels(outcome.profile)
    try:
        plan: Any = build_plan(kb, item.target, levels, current_id=item.current)
    except NoResult:
        plan = None
    ready = readiness(kb.roles[item.target], levels)
    if json_:
        jsonr.emit(jsonr.assessment_doc(kb, outcome, ready, plan, str(env.profile)))
        return
    from careerctl.render.profile import print_assessment

    print_assessment(console(), kb, outcome, ready, plan)


@app.command()
def progress(
    ctx: typer.Context,
    json_: Annotated[
        bool, typer.Option("--json", help="Print a careerctl.progress/1 JSON document.")
    ] = False,
) -> None:
    """Your levels at each assessment, readiness for your target over time, and what changed last."""
    from careerctl.assess import build_progress

    env = env_of(ctx)
    kb = env.load().kb
    result = build_progress(kb, saved_profile(env))
    if json_:
        jsonr.emit(jsonr.progress_doc(kb, result))
        return
    from careerctl.render.profile import print_progress

    print_progress(console(), kb, result)


profile_app = typer.Typer(help="Show, export, import or reset your saved profile.", no_args_is_help=True)
app.add_typer(profile_app, name="profile")


def saved_profile(env: Env) -> Any:
    """The saved profile with at least one assessment; NoResult otherwise."""
    from careerctl.errors import NoResult
    from careerctl.store import read_profile

    profile = read_profile(env.profile)
    if profile is None or not profile.assessments:
        raise NoResult(f"no assessment saved yet in {env.profile}: run `careerctl assess` first")
    return profile


@profile_app.command("show")
def profile_show(
    ctx: typer.Context,
    json_: Annotated[bool, typer.Option("--json", help="Print a careerctl.profile/1 JSON document.")] = False,
) -> None:
    """Your current and target roles, and the latest level and note for each skill."""
    env = env_of(ctx)
    profile = saved_profile(env)
    if json_:
        jsonr.emit(jsonr.profile_doc(profile))
        return
    from careerctl.render.profile import print_profile

    print_profile(console(), env.load().kb, profile, str(env.profile))


@profile_app.command("path")
def profile_path(ctx: typer.Context) -> None:
    """Print where the profile is kept (--profile or $CAREERCTL_PROFILE choose another file)."""
    sys.stdout.write(f"{env_of(ctx).profile}\n")


@profile_app.command("export")
def profile_export(
    ctx: typer.Context,
    json_: Annotated[
        bool, typer.Option("--json", help="Print a careerctl.profile/1 JSON document instead of YAML.")
    ] = False,
) -> None:
    """Print the whole profile (YAML, or JSON), ready for `careerctl profile import`."""
    from careerctl.store import dump_profile

    profile = saved_profile(env_of(ctx))
    if json_:
        jsonr.emit(jsonr.profile_doc(profile))
    else:
        sys.stdout.write(dump_profile(profile).decode("utf-8"))


@profile_app.command("import")
def profile_import(
    ctx: typer.Context,
    source: Annotated[
        Path, typer.Argument(metavar="FILE", help="A profile: YAML, or JSON from export --json.")
    ],
) -> None:
    """Replace your profile with one from a file; the old one is kept as .bak."""
    from careerctl.store import import_profile

    env = env_of(ctx)
    profile, backup = import_profile(source, env.profile)
    count = len(profile.assessments)
    kept = f"; the old one is kept as {clean(str(backup))}" if backup else ""
    sys.stderr.write(
        f"Imported {count} assessment{'s' if count != 1 else ''} into {clean(str(env.profile))}{kept}\n"
    )


@profile_app.command("reset")
def profile_reset(ctx: typer.Context) -> None:
    """Start over: move the profile aside to a .bak file (works on a damaged profile too)."""
    from careerctl.store import reset_profile

    env = env_of(ctx)
    backup = reset_profile(env.profile)
    if backup is None:
        sys.stderr.write(f"No profile at {clean(str(env.profile))}: nothing to reset\n")
    else:
        sys.stderr.write(
            f"Profile moved to {clean(str(backup))}; the next `careerctl assess` starts afresh\n"
        )


class Taxonomy(str, Enum):
    """Public taxonomies careerctl can import."""

    onet = "onet"
    esco = "esco"


@kb_app.command("import")
def kb_import(
    source: Taxonomy = typer.Argument(..., help="Which taxonomy: onet or esco."),
    src: Path = typer.Argument(..., help="Folder with the taxonomy's tables (see docs/importers.md)."),
    out: Path = typer.Option(..., "--out", help="KB folder to write (created if missing)."),
    force: bool = typer.Option(False, "--force", help="Replace the KB files already in the --out folder."),
) -> None:
    """Turn O*NET or ESCO tables into a KB folder that --kb can load."""
    from careerctl.kb.load import ROLES_FILE, SKILLS_FILE

    if out.exists() and not out.is_dir():
        raise InputError(out, "is not a folder: --out names the folder to write the KB into")
    existing = [name for name in (SKILLS_FILE, ROLES_FILE) if (out / name).exists()]
    if existing and not force:
        raise InputError(out, f"already holds a KB ({', '.join(existing)}); add --force to replace it")
    if source is Taxonomy.onet:
        from careerctl.kb.importers.onet import import_onet as importer
    else:
        from careerctl.kb.importers.esco import import_esco as importer
    report = importer(src, out)
    sys.stderr.write(f"{clean(report.summary)}\n")
    loaded = Env(kb_dir=out).load()  # validates the result and compiles the cache, so first use is fast
    warned = (
        f" ({len(loaded.warnings):,} warnings: see careerctl kb validate {out})" if loaded.warnings else ""
    )
    sys.stderr.write(clean(f"Checked and compiled it{warned}. Use it with: careerctl --kb {out} roles\n"))


def run() -> None:
    """Console-script entry point."""
    app(prog_name="careerctl")
