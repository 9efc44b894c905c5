"""The careerctl command line: parse options, call one app function (careerctl/app.py), render its result.

Errors become messages and exit codes in one place, `Group`; docs/architecture.md tells how to add a command.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, Optional

import typer
import typer.completion
from typer import _completion_classes
from typer.core import TyperGroup

from careerctl import version_line
from careerctl.completion import completer, quoting
from careerctl.context import Env, lazy_module, silence_stdout
from careerctl.errors import CareerctlError, ExitCode
from careerctl.render import render

if TYPE_CHECKING:
    from careerctl import app as use
else:  # imported by the first command that runs: `--help` and `--version` do not pay for it
    use = lazy_module("careerctl.app")


class Group(TyperGroup):
    """The root command group: the one place where careerctl errors become messages and exit codes."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except CareerctlError as exc:
            fail(exc)
        except BrokenPipeError:  # the reader (`| head`) has what it wanted: stop quietly, as `cat` would
            silence_stdout()
            raise typer.Exit(int(ExitCode.OK)) from None


def fail(exc: CareerctlError) -> NoReturn:
    """Print an error's message to stderr and exit with its code."""
    sys.stderr.write(use.error_text(exc))
    raise typer.Exit(int(exc.exit_code))


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
typer.completion.completion_init = quoting(typer.completion.completion_init, _completion_classes)  # type: ignore[attr-defined]
kb_app = typer.Typer(help="Check, describe and import knowledge bases.", no_args_is_help=True)
app.add_typer(kb_app, name="kb")
profile_app = typer.Typer(help="Show, export, import or reset your saved profile.", no_args_is_help=True)
app.add_typer(profile_app, name="profile")


def env_of(ctx: typer.Context) -> Env:
    """The Env the root callback built."""
    obj = ctx.find_root().obj
    return obj if isinstance(obj, Env) else Env()


complete_role, complete_track = completer("roles"), completer("tracks")


def show_version(value: bool) -> None:
    if value:
        sys.stdout.write(version_line())
        raise typer.Exit()


def finish(result: Any, fmt: str, ctx: typer.Context) -> None:
    """Render a result in `fmt` and exit with its code (1: no result, 2: bad input)."""
    render(result, fmt, env_of(ctx))
    if result.exit_code:
        raise typer.Exit(int(result.exit_code))


class Diagram(str, Enum):
    """Diagram languages careerctl writes."""

    mermaid = "mermaid"
    dot = "dot"


def chosen(as_json: bool, format_: Optional[Enum] = None, tree: bool = False, other: str = "rich") -> str:
    """The output format the options pick (`other` without any); refuses two that pick different ones."""
    given = [name for name, on in (("--json", as_json), ("--format", format_), ("--tree", tree)) if on]
    if len(given) > 1:
        raise typer.BadParameter(f"{' and '.join(given)} each choose the output; give only one")
    return "json" if as_json else format_.value if format_ is not None else "tree" if tree else other


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
    fmt = chosen(json_, format_, tree)
    finish(use.roles(env_of(ctx), track), fmt, ctx)


@app.command()
def skills(
    ctx: typer.Context,
    category: Optional[str] = typer.Option(None, "--category", help="Only this category."),
    json_: bool = typer.Option(False, "--json", help="Print a careerctl.skills/1 JSON document."),
) -> None:
    """List the skills of the knowledge base."""
    finish(use.skills(env_of(ctx), category), chosen(json_), ctx)


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
    finish(use.show(env_of(ctx), name), chosen(json_), ctx)


@kb_app.command("validate")
def kb_validate(
    ctx: typer.Context,
    folder: Optional[Path] = typer.Argument(None, help="KB folder to check.", show_default="the KB in use"),
    json_: bool = typer.Option(False, "--json", help="Print a careerctl.validation/1 JSON document."),
) -> None:
    """Check a knowledge base and list every problem; exit 2 if it has errors."""
    finish(use.validate(env_of(ctx), folder), chosen(json_), ctx)


@kb_app.command("stats")
def kb_stats(
    ctx: typer.Context,
    json_: bool = typer.Option(False, "--json", help="Print a careerctl.stats/1 JSON document."),
) -> None:
    """Count the roles, skills and links of the knowledge base, and say where it comes from."""
    finish(use.stats(env_of(ctx)), chosen(json_), ctx)


@kb_app.command("schema")
def kb_schema(
    ctx: typer.Context,
    kind: Annotated[
        Optional[str], typer.Argument(help="Document kind, e.g. plan; omit to list them.")
    ] = None,
) -> None:
    """Print the JSON Schema of a --json document (careerctl.KIND/1), or list the kinds."""
    kinds = "".join(f"careerctl.{name}/1\n" for name in use.schema_kinds())
    env_of(ctx).stdout.write(kinds if kind is None else use.schema(kind))


Answers = Annotated[
    Optional[Path],
    typer.Option("--answers", help="YAML or JSON file of {skill-id: level 0..5}; - reads standard input."),
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
Top = Annotated[Optional[int], typer.Option("--top", min=1, help="Show only the first N steps.")]
HoursPerWeek = Annotated[
    float,
    typer.Option("--hours-per-week", min=0.5, max=168, help="Study hours per week, for the finish date."),
]
Json = Annotated[bool, typer.Option("--json", help="Print a JSON document instead of tables.")]


@app.command()
def plan(
    ctx: typer.Context,
    target: TargetRole = None,
    answers: Answers = None,
    sets: Sets = None,
    from_role: FromRole = None,
    top: Top = None,
    hours_per_week: HoursPerWeek = 6.0,
    json_: Json = False,
) -> None:
    """Rank the next skill levels to learn for a target role, in order, with hours and why."""
    result = use.plan(env_of(ctx), use.Given.of(answers, sets, from_role), target, top, hours_per_week)
    finish(result, chosen(json_), ctx)


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
    fmt = chosen(json_, format_)
    if format_ is not None and alternatives:
        raise typer.BadParameter("--format draws the cheapest route only; drop --alternatives")
    result = use.path(env_of(ctx), source, goal, use.Given.of(answers, sets, from_role), alternatives)
    finish(result, fmt, ctx)


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
    result = use.match(env_of(ctx), use.Given.of(answers, sets, from_role), track, top)
    finish(result, chosen(json_), ctx)


class ReportFormat(str, Enum):
    """File formats of the shareable report."""

    html = "html"
    markdown = "markdown"


REPORT_SUFFIXES = {".html": ReportFormat.html, ".htm": ReportFormat.html, ".md": ReportFormat.markdown}
ReportFormatOption = Annotated[
    Optional[ReportFormat],
    typer.Option("--format", help="html or markdown.", show_default="from the file's suffix"),
]
Output = Annotated[Path, typer.Option("--output", "-o", help="File to write; - for stdout.", dir_okay=False)]
Name = Annotated[Optional[str], typer.Option("--name", help="Whose report it is, for its header.")]


@app.command()
def report(
    ctx: typer.Context,
    target: TargetRole = None,
    answers: Answers = None,
    sets: Sets = None,
    from_role: FromRole = None,
    format_: ReportFormatOption = None,
    output: Output = Path("-"),
    name: Name = None,
    top: Top = None,
    hours_per_week: HoursPerWeek = 6.0,
) -> None:
    """Write a report to share with a mentor or manager: readiness, the ranked plan, the route, charts.

    HTML is one self-contained file (no scripts, nothing fetched; prints well); Markdown
    renders on GitHub and GitLab, the route as a Mermaid diagram.
    """
    kind = format_ or REPORT_SUFFIXES.get(output.suffix.lower())
    if kind is None:
        raise typer.BadParameter("give --format html or --format markdown (or a .html or .md file)")
    env = env_of(ctx)
    built = use.report(env, use.Given.of(answers, sets, from_role), target, name, top, hours_per_week)
    use.write_output(env, output, use.rendered(built, kind.value, env), f"{kind.value} report")


Current = Annotated[
    Optional[str],
    typer.Option("--current", help="Your current role (skips that question).", autocompletion=complete_role),
]
AimFor = Annotated[
    Optional[str],
    typer.Option(
        "--target",
        metavar="ROLE",
        help="The role you aim for (skips that question).",
        show_default="the next rung",
        autocompletion=complete_role,
    ),
]
Every = Annotated[bool, typer.Option("--all", help="Rate every skill of the KB, not only the relevant ones.")]
AssessJson = Annotated[bool, typer.Option("--json", help="Print a careerctl.assessment/1 JSON document.")]


@app.command()
def assess(
    ctx: typer.Context,
    current: Current = None,
    target: AimFor = None,
    every: Every = False,
    answers: Answers = None,
    sets: Sets = None,
    json_: AssessJson = False,
) -> None:
    """Rate yourself skill by skill, with arrow keys; every answer is saved to your profile at once.

    Without a terminal (in a script), give --answers FILE and/or --set SKILL=LEVEL, with --current and
    --target: relevant skills they leave out keep their previous level, else 0. Ctrl-C keeps every
    answer given so far, and the next `careerctl assess` offers to resume.
    """
    options = use.AssessOptions(current, target, every, use.Given.of(answers, sets))
    finish(use.assess(env_of(ctx), options), chosen(json_), ctx)


@app.command()
def progress(
    ctx: typer.Context,
    json_: Annotated[
        bool, typer.Option("--json", help="Print a careerctl.progress/1 JSON document.")
    ] = False,
) -> None:
    """Your levels at each assessment, readiness for your target over time, and what changed last."""
    finish(use.progress(env_of(ctx)), chosen(json_), ctx)


@profile_app.command("show")
def profile_show(
    ctx: typer.Context,
    json_: Annotated[bool, typer.Option("--json", help="Print a careerctl.profile/1 JSON document.")] = False,
) -> None:
    """Your current and target roles, and the latest level and note for each skill."""
    finish(use.profile_show(env_of(ctx), with_kb=not json_), chosen(json_), ctx)


@profile_app.command("path")
def profile_path(ctx: typer.Context) -> None:
    """Print where the profile is kept (--profile or $CAREERCTL_PROFILE choose another file)."""
    env = env_of(ctx)
    env.stdout.write(f"{env.profile}\n")


@profile_app.command("export")
def profile_export(
    ctx: typer.Context,
    json_: Annotated[
        bool, typer.Option("--json", help="Print a careerctl.profile/1 JSON document instead of YAML.")
    ] = False,
) -> None:
    """Print the whole profile (YAML, or JSON), ready for `careerctl profile import`."""
    finish(use.profile_export(env_of(ctx), as_yaml=not json_), chosen(json_, other="yaml"), ctx)


@profile_app.command("import")
def profile_import(
    ctx: typer.Context,
    source: Annotated[
        Path, typer.Argument(metavar="FILE", help="A profile: YAML, or JSON from export --json.")
    ],
) -> None:
    """Replace your profile with one from a file; the old one is kept as .bak."""
    use.profile_import(env_of(ctx), source)


@profile_app.command("reset")
def profile_reset(ctx: typer.Context) -> None:
    """Start over: move the profile aside to a .bak file (works on a damaged profile too)."""
    use.profile_reset(env_of(ctx))


class Taxonomy(str, Enum):
    """Public taxonomies careerctl can import."""

    onet = "onet"
    esco = "esco"


@kb_app.command("import")
def kb_import(
    ctx: typer.Context,
    source: Taxonomy = typer.Argument(..., help="Which taxonomy: onet or esco."),
    src: Path = typer.Argument(..., help="Folder with the taxonomy's tables (see docs/importers.md)."),
    out: Path = typer.Option(..., "--out", help="KB folder to write (created if missing)."),
    force: bool = typer.Option(False, "--force", help="Replace the KB files already in the --out folder."),
) -> None:
    """Turn O*NET or ESCO tables into a KB folder that --kb can load."""
    use.kb_import(env_of(ctx), source.value, src, out, force)


def run() -> None:
    """Console-script entry point."""
    app(prog_name="careerctl")
