"""The `profile` and `config` commands: the person's saved state (registered on the app by cli.py)."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from careerctl.cli_base import chosen, env_of, finish, use
from careerctl.i18n import _

profile_app = typer.Typer(
    help=_("Show, export, import, reset or restore your saved profile."), no_args_is_help=True
)
Yes = Annotated[bool, typer.Option("--yes", "-y", help=_("Do not ask first (needed without a terminal)."))]


@profile_app.command(
    "show", help=_("Your current and target roles, and the latest level and note for each skill.")
)
def profile_show(
    ctx: typer.Context,
    json_: Annotated[
        bool, typer.Option("--json", help=_("Print a careerctl.profile/1 JSON document."))
    ] = False,
) -> None:
    finish(use.profile_show(env_of(ctx), with_kb=not json_), chosen(json_), ctx)


@profile_app.command(
    "path", help=_("Print where the profile is kept (--profile or $CAREERCTL_PROFILE choose another file).")
)
def profile_path(ctx: typer.Context) -> None:
    env = env_of(ctx)
    env.stdout.write(f"{env.profile}\n")


@profile_app.command(
    "export", help=_("Print the whole profile (YAML, or JSON), ready for `careerctl profile import`.")
)
def profile_export(
    ctx: typer.Context,
    json_: Annotated[
        bool, typer.Option("--json", help=_("Print a careerctl.profile/1 JSON document instead of YAML."))
    ] = False,
) -> None:
    finish(use.profile_export(env_of(ctx), as_yaml=not json_), chosen(json_, other="yaml"), ctx)


@profile_app.command(
    "import", help=_("Replace your profile with one from a file; the old one is kept in backups/.")
)
def profile_import(
    ctx: typer.Context,
    source: Annotated[
        Path, typer.Argument(metavar="FILE", help=_("A profile: YAML, or JSON from export --json."))
    ],
    yes: Yes = False,
) -> None:
    use.profile_import(env_of(ctx), source, yes)


@profile_app.command(
    "reset", help=_("Start over: move the profile into backups/ (works on a damaged profile too).")
)
def profile_reset(ctx: typer.Context, yes: Yes = False) -> None:
    use.profile_reset(env_of(ctx), yes)


@profile_app.command(
    "restore", help=_("Bring back a profile that reset, import or restore moved into backups/.")
)
def profile_restore(
    ctx: typer.Context,
    backup: Annotated[
        Optional[str], typer.Argument(help=_("A backup's file name."), show_default=_("the newest"))
    ] = None,
    listing: Annotated[bool, typer.Option("--list", help=_("List the backups, newest first."))] = False,
    yes: Yes = False,
) -> None:
    use.profile_restore(env_of(ctx), backup, yes, listing)


class ConfigAction(str, Enum):
    """What `careerctl config` does."""

    show = "show"
    set = "set"
    unset = "unset"
    path = "path"


CONFIG_HELP = _(
    "Show or change your settings: defaults for kb, lang, hours_per_week, stack, focus, stale_months, author.\n\n"
    "Flags on the command line win over the settings; the settings win over careerctl's defaults."
)
"""The help of `careerctl config`."""


def config(
    ctx: typer.Context,
    action: Annotated[
        Optional[ConfigAction],
        typer.Argument(help=_("show, set KEY VALUE, unset KEY, or path."), show_default="show"),
    ] = None,
    key: Annotated[  # setting names: the same in every language
        Optional[str], typer.Argument(help="kb, lang, hours_per_week, stack, focus, ...")
    ] = None,
    value: Annotated[Optional[str], typer.Argument(help=_("The value, for set."))] = None,
    json_: Annotated[
        bool, typer.Option("--json", help=_("With show: print a careerctl.config/1 JSON document."))
    ] = False,
) -> None:
    action = action or ConfigAction.show  # a bare `careerctl config` answers "what are my settings?"
    if (key is None) != (action in (ConfigAction.show, ConfigAction.path)) or (value is None) != (
        action is not ConfigAction.set
    ):
        raise typer.BadParameter(
            _("use: config show | config set KEY VALUE | config unset KEY | config path")
        )
    if action is ConfigAction.show:
        finish(use.config_show(env_of(ctx)), chosen(json_), ctx)
    elif json_:
        raise typer.BadParameter(_("--json goes with config show"))
    else:
        use.config(env_of(ctx), action.value, key, value)
