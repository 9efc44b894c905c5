"""The `team` command: a skills matrix of many profiles (registered on the app by cli.py)."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from careerctl.cli_base import chosen, env_of, finish, use
from careerctl.i18n import _


class TeamFormat(str, Enum):
    """Formats of the team view besides the terminal's and JSON."""

    markdown = "markdown"
    html = "html"


SUFFIXES = {".html": TeamFormat.html, ".htm": TeamFormat.html, ".md": TeamFormat.markdown}
Output = Annotated[
    Path, typer.Option("--output", "-o", help=_("File to write; - for stdout."), dir_okay=False)
]


def listed(value: str | None) -> list[str] | None:
    """A comma-separated option as a list (None when not given)."""
    return [item.strip() for item in value.split(",") if item.strip()] if value is not None else None


TEAM_HELP = _(
    "A team's skills matrix from its profiles: coverage, one-person-deep skills, gaps, mentors, readiness.\n\n"
    "A damaged profile, or one made on another knowledge base, is named on stderr and left out."
)
"""The help of `careerctl team`."""


def team(
    ctx: typer.Context,
    paths: Annotated[
        list[Path],
        typer.Argument(
            metavar="PATH...",
            help=_("Profile files, and folders of them (their *.yaml, *.yml and *.json files)."),
        ),
    ],
    roles: Annotated[
        Optional[str],
        typer.Option(
            "--roles",
            metavar="A,B",
            help=_("Roles to measure the team against."),
            show_default=_("each person's current and target"),
        ),
    ] = None,
    category: Annotated[
        Optional[str], typer.Option("--category", help=_("Only the skills of this category."))
    ] = None,
    skills: Annotated[
        Optional[str], typer.Option("--skills", metavar="A,B", help=_("Only these skills."))
    ] = None,
    json_: Annotated[bool, typer.Option("--json", help=_("Print a careerctl.team/1 JSON document."))] = False,
    format_: Annotated[
        Optional[TeamFormat],
        typer.Option(
            "--format",
            help=_("markdown or html (one self-contained page)."),
            show_default=_("from -o's suffix"),
        ),
    ] = None,
    output: Output = Path("-"),
    strict: Annotated[
        bool, typer.Option("--strict", help=_("Exit 2 when any profile was left out."))
    ] = False,
) -> None:
    fmt = chosen(json_, format_ or (None if json_ else SUFFIXES.get(output.suffix.lower())))
    env = env_of(ctx)
    result = use.team(env, paths, listed(roles), category, listed(skills), strict)
    if str(output) == "-":
        finish(result, fmt, ctx)
        return
    use.write_output(
        env, output, use.rendered(result, fmt, env), _("team view ({format})").format(format=fmt)
    )
    if result.exit_code:
        raise typer.Exit(int(result.exit_code))
