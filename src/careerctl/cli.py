"""The careerctl command line: parse options, call one app function (careerctl/app.py), render its result.

Errors become messages and exit codes in one place, `Group`; docs/architecture.md tells how to add a command.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, NoReturn, Optional

import typer
import typer.completion
from typer import _completion_classes
from typer.core import TyperGroup

from careerctl import cli_review as people
from careerctl import i18n, version_line
from careerctl.cli_base import chosen, env_of, finish, use
from careerctl.cli_click import translate_click
from careerctl.cli_kb import kb_app
from careerctl.cli_options import Answers, FromRole, HoursPerWeek, Json, Sets, Stack, TargetRole, Top
from careerctl.cli_profile import CONFIG_HELP, config, profile_app
from careerctl.cli_team import TEAM_HELP, team
from careerctl.completion import completer, quoting
from careerctl.context import Env, silence_stdout
from careerctl.errors import CareerctlError, ExitCode
from careerctl.i18n import _

translate_click()


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
    help=_("Plan a software career from a knowledge base of roles and skills."),
    context_settings={"help_option_names": ["-h", "--help"]},
)
typer.completion.completion_init = quoting(typer.completion.completion_init, _completion_classes)  # type: ignore[attr-defined]
app.add_typer(kb_app, name="kb")
app.add_typer(profile_app, name="profile")


complete_role, complete_track = completer("roles"), completer("tracks")


def show_version(value: bool) -> None:
    if value:
        sys.stdout.write(version_line())
        raise typer.Exit()


class Diagram(str, Enum):
    """Diagram languages careerctl writes."""

    mermaid = "mermaid"
    dot = "dot"


@app.callback()
def main(
    ctx: typer.Context,
    kb: Optional[Path] = typer.Option(
        None,
        "--kb",
        envvar="CAREERCTL_KB",
        help=_("Knowledge base folder (skills.yaml, roles.yaml)."),
        show_default=_("the bundled backend KB"),
    ),
    profile: Optional[Path] = typer.Option(
        None,
        "--profile",
        envvar="CAREERCTL_PROFILE",
        help=_("Profile file to read and write."),
        show_default=_("the user data folder"),
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help=_("Say nothing about the saved state used.")),
    lang: Optional[str] = typer.Option(
        None,
        "--lang",
        metavar="en|id",
        help=_("Interface language: en or id."),
        show_default=_("$CAREERCTL_LANG, the config's lang, else the locale"),
    ),
    version: bool = typer.Option(
        False, "--version", callback=show_version, is_eager=True, help=_("Print the version and exit.")
    ),
) -> None:
    """Plan a software career from a knowledge base of roles and skills.

    --kb, --profile, --lang and --quiet may also come after the command: `careerctl plan --kb DIR`.
    """
    ctx.obj = Env(kb_dir=kb, profile_path=profile, quiet=quiet, lang=i18n.follow(lang))


@app.command(help=_("List the roles of the knowledge base, or draw them as a career map."))
def roles(
    ctx: typer.Context,
    track: Optional[str] = typer.Option(
        None, "--track", help=_("Only this track."), autocompletion=complete_track
    ),
    tree: bool = typer.Option(False, "--tree", help=_("Each track's ladder as a tree.")),
    json_: bool = typer.Option(False, "--json", help=_("Print a careerctl.roles/1 JSON document.")),
    format_: Optional[Diagram] = typer.Option(
        None, "--format", help=_("Draw the career map as Mermaid or Graphviz DOT source.")
    ),
) -> None:
    fmt = chosen(json_, format_, tree)
    finish(use.roles(env_of(ctx), track), fmt, ctx)


@app.command(help=_("List the skills of the knowledge base."))
def skills(
    ctx: typer.Context,
    category: Optional[str] = typer.Option(None, "--category", help=_("Only this category.")),
    json_: bool = typer.Option(False, "--json", help=_("Print a careerctl.skills/1 JSON document.")),
) -> None:
    finish(use.skills(env_of(ctx), category), chosen(json_), ctx)


@app.command(
    help=_("Show one role or skill in full; a technology (kubernetes, kafka) shows the skill that covers it.")
)
def show(
    ctx: typer.Context,
    name: str = typer.Argument(
        ..., help=_("A role or skill: id, alias or name, any case."), autocompletion=complete_role
    ),
    json_: bool = typer.Option(
        False, "--json", help=_("Print a careerctl.role/1 or careerctl.skill/1 document.")
    ),
) -> None:
    finish(use.show(env_of(ctx), name), chosen(json_), ctx)


@app.command(
    help=_("Find roles and skills by name, alias, technology, summary, anchor or resource title, best first.")
)
def search(
    ctx: typer.Context,
    text: str = typer.Argument(..., help=_("Words to look for, any case.")),
    top: Optional[int] = typer.Option(None, "--top", min=1, help=_("Show only the first N hits.")),
    json_: bool = typer.Option(False, "--json", help=_("Print a careerctl.search/1 JSON document.")),
) -> None:
    finish(use.search(env_of(ctx), text, top), chosen(json_), ctx)


@app.command(
    help=_(
        "Plan the way to a target role: phases by rung, the most important skills first, with dates.\n\n"
        "Each rung on the route you do not fully meet is a phase; inside it, steps go by the rung's weight for the skill, then the levels still short. The dates count study at --hours-per-week from today and the typical years in each role, whichever is later. On a terminal the output is short (--all for everything) and goes through $PAGER (less -FRX)."
    )
)
def plan(
    ctx: typer.Context,
    target: TargetRole = None,
    answers: Answers = None,
    sets: Sets = None,
    from_role: FromRole = None,
    top: Annotated[
        Optional[int],
        typer.Option("--top", min=1, help=_("Show only the first N steps (and N of everything else).")),
    ] = None,
    all_: Annotated[
        bool, typer.Option("--all", help=_("Print every phase, every step and the gap tree."))
    ] = False,
    focus: Annotated[
        Optional[int], typer.Option("--focus", min=1, max=10, help=_("Skills to work on at a time."))
    ] = None,
    hours_per_week: HoursPerWeek = None,
    stack: Stack = None,
    levels: people.LevelsFrom = None,
    no_pager: Annotated[bool, typer.Option("--no-pager", help=_("Never page the output."))] = False,
    json_: Json = False,
) -> None:
    if top is not None and all_:
        raise typer.BadParameter(_("--top shortens the plan and --all prints all of it; give only one"))
    given = people.given(answers, sets, from_role, levels)
    result = use.plan(env_of(ctx), given, target, top, hours_per_week, stack, focus, all_, not no_pager)
    finish(result, chosen(json_), ctx)


@app.command(
    help=_(
        "The best route from one role to another (fewest track changes, then fewest hours): each rung, "
        "the skills it raises, hours and years."
    )
)
def path(
    ctx: typer.Context,
    source: Annotated[
        str, typer.Argument(metavar="FROM", help=_("Role to start from."), autocompletion=complete_role)
    ],
    goal: Annotated[
        str, typer.Argument(metavar="TO", help=_("Role to reach."), autocompletion=complete_role)
    ],
    answers: Answers = None,
    sets: Sets = None,
    from_role: FromRole = None,
    alternatives: Annotated[
        int, typer.Option("--alternatives", min=0, help=_("Also show the next K best routes."))
    ] = 0,
    levels: people.LevelsFrom = None,
    json_: Json = False,
    format_: Annotated[
        Optional[Diagram],
        typer.Option(
            "--format", help=_("Draw the route in the career map as Mermaid or Graphviz DOT source.")
        ),
    ] = None,
) -> None:
    fmt = chosen(json_, format_)
    if format_ is not None and alternatives:
        raise typer.BadParameter(_("--format draws the best route only; drop --alternatives"))
    result = use.path(env_of(ctx), source, goal, people.given(answers, sets, from_role, levels), alternatives)
    finish(result, fmt, ctx)


@app.command(
    help=_(
        "Rank every role by how well your levels fit it, with readiness and hours still needed.\n\n"
        "Rungs below your current role on its track come after the others (--all: plain fit order)."
    )
)
def match(
    ctx: typer.Context,
    answers: Answers = None,
    sets: Sets = None,
    from_role: FromRole = None,
    track: Annotated[
        Optional[str],
        typer.Option("--track", help=_("Only roles on this track."), autocompletion=complete_track),
    ] = None,
    top: Annotated[int, typer.Option("--top", min=1, help=_("Show the best N roles."))] = 10,
    levels: people.LevelsFrom = None,
    all_: Annotated[
        bool,
        typer.Option("--all", help=_("Plain fit order: do not move rungs below your current role last.")),
    ] = False,
    json_: Json = False,
) -> None:
    result = use.match(env_of(ctx), people.given(answers, sets, from_role, levels), track, top, all_)
    finish(result, chosen(json_), ctx)


class ReportFormat(str, Enum):
    """File formats of the shareable report."""

    html = "html"
    markdown = "markdown"
    packet = "packet"


REPORT_SUFFIXES = {".html": ReportFormat.html, ".htm": ReportFormat.html, ".md": ReportFormat.markdown}
ReportFormatOption = Annotated[
    Optional[ReportFormat],
    typer.Option(
        "--format",
        help=_("html, markdown, or packet (the promotion packet: HTML for a .html file, else Markdown)."),
        show_default=_("from the file's suffix"),
    ),
]
Output = Annotated[
    Path, typer.Option("--output", "-o", help=_("File to write; - for stdout."), dir_okay=False)
]
Name = Annotated[Optional[str], typer.Option("--name", help=_("Whose report it is, for its header."))]


@app.command(
    help=_(
        "Write a report to share with a mentor or manager: readiness, the ranked plan, the route, charts.\n\n"
        "HTML is one self-contained file (no scripts, nothing fetched; prints well); Markdown renders on GitHub and GitLab, the route as a Mermaid diagram. --format packet writes the promotion packet: per needed skill the self and calibrated levels, flagged gaps, evidence and the plan (calibrated levels when reviews are attached; --levels chooses)."
    )
)
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
    hours_per_week: HoursPerWeek = None,
    stack: Stack = None,
    levels: people.LevelsFrom = None,
) -> None:
    kind = format_ or REPORT_SUFFIXES.get(output.suffix.lower())
    if kind is None:
        raise typer.BadParameter(_("give --format html or --format markdown (or a .html or .md file)"))
    env = env_of(ctx)
    wanted = people.given(answers, sets, from_role, levels)
    if kind is ReportFormat.packet:
        return people.write_packet(env, wanted, target, name, top, output)
    built = use.report(env, wanted, target, name, top, hours_per_week, stack)
    use.write_output(
        env, output, use.rendered(built, kind.value, env), _("{format} report").format(format=kind.value)
    )


Current = Annotated[
    Optional[str],
    typer.Option(
        "--current", help=_("Your current role (skips that question)."), autocompletion=complete_role
    ),
]
AimFor = Annotated[
    Optional[str],
    typer.Option(
        "--target",
        metavar="ROLE",
        help=_("The role you aim for (skips that question)."),
        show_default=_("the next rung"),
        autocompletion=complete_role,
    ),
]
Every = Annotated[
    bool, typer.Option("--all", help=_("Rate every skill of the KB, not only the relevant ones."))
]
OnlySkills = Annotated[
    Optional[str], typer.Option("--skills", metavar="A,B,...", help=_("Re-rate only these skills."))
]
Quick = Annotated[bool, typer.Option("--quick", help=_("Ask only the target's most important skills."))]
AssessJson = Annotated[
    bool, typer.Option("--json", help=_("Print a careerctl.assessment/1 (or reviews/1) document."))
]


@app.command(
    help=_(
        "Rate yourself skill by skill, with arrow keys; every answer is saved to your profile at once.\n\n"
        "Without a terminal (in a script), give --answers FILE and/or --set SKILL=LEVEL, with --current and --target: relevant skills they leave out keep their previous level, else 0. Ctrl-C keeps every answer given so far, and the next `careerctl assess` offers to resume.\n\n"
        "--rater manager|peer --for NAME --by NAME --out FILE rates someone else into a review file instead."
    )
)
def assess(
    ctx: typer.Context,
    current: Current = None,
    target: AimFor = None,
    every: Every = False,
    answers: Answers = None,
    sets: Sets = None,
    skills: OnlySkills = None,
    quick: Quick = False,
    rater: people.Rater = None,
    subject: people.For = None,
    by: people.By = None,
    out: people.Out = None,
    json_: AssessJson = False,
) -> None:
    only = tuple(s.strip() for s in (skills or "").split(",") if s.strip())
    relation = rater.value if rater else None
    options = use.AssessOptions(
        current, target, every, use.Given.of(answers, sets), only, quick, relation, subject, by, out
    )
    finish(use.assess(env_of(ctx), options), chosen(json_), ctx)


@app.command(
    help=_("Your levels at each assessment, readiness for your target over time, and what changed last.")
)
def progress(
    ctx: typer.Context,
    json_: Annotated[
        bool, typer.Option("--json", help=_("Print a careerctl.progress/1 JSON document."))
    ] = False,
) -> None:
    finish(use.progress(env_of(ctx)), chosen(json_), ctx)


app.add_typer(profile_app, name="profile")
app.command("config", help=CONFIG_HELP)(config)
app.command("team", help=TEAM_HELP)(team)
app.add_typer(people.review_app, name="review")
app.add_typer(people.evidence_app, name="evidence")
app.command(help=people.CALIBRATE_HELP)(people.calibrate)


def run() -> None:
    """Console-script entry point."""
    app(prog_name="careerctl")
