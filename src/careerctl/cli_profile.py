"""The `profile` and `config` commands: the person's saved state (registered on the app by cli.py)."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from careerctl.cli_base import chosen, env_of, finish, use

profile_app = typer.Typer(
    help="Show, export, import, reset or restore your saved profile.", no_args_is_help=True
)
Yes = Annotated[bool, typer.Option("--yes", "-y", help="Do not ask first (needed without a terminal).")]


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
    yes: Yes = False,
) -> None:
    """Replace your profile with one from a file; the old one is kept in backups/."""
    use.profile_import(env_of(ctx), source, yes)


@profile_app.command("reset")
def profile_reset(ctx: typer.Context, yes: Yes = False) -> None:
    """Start over: move the profile into backups/ (works on a damaged profile too)."""
    use.profile_reset(env_of(ctx), yes)


@profile_app.command("restore")
def profile_restore(
    ctx: typer.Context,
    backup: Annotated[
        Optional[str], typer.Argument(help="A backup's file name.", show_default="the newest")
    ] = None,
    listing: Annotated[bool, typer.Option("--list", help="List the backups, newest first.")] = False,
    yes: Yes = False,
) -> None:
    """Bring back a profile that reset, import or restore moved into backups/."""
    use.profile_restore(env_of(ctx), backup, yes, listing)


class ConfigAction(str, Enum):
    """What `careerctl config` does."""

    show = "show"
    set = "set"
    unset = "unset"
    path = "path"


def config(
    ctx: typer.Context,
    action: Annotated[ConfigAction, typer.Argument(help="show, set KEY VALUE, unset KEY, or path.")],
    key: Annotated[Optional[str], typer.Argument(help="kb, lang, hours_per_week, stack, focus, ...")] = None,
    value: Annotated[Optional[str], typer.Argument(help="The value, for set.")] = None,
) -> None:
    """Show or change your settings: defaults for kb, lang, hours_per_week, stack, focus, stale_months, author.

    Flags on the command line win over the settings; the settings win over careerctl's defaults.
    """
    if (key is None) != (action in (ConfigAction.show, ConfigAction.path)) or (value is None) != (
        action is not ConfigAction.set
    ):
        raise typer.BadParameter("use: config show | config set KEY VALUE | config unset KEY | config path")
    use.config(env_of(ctx), action.value, key, value)
