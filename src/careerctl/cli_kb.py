"""The `kb` commands: check, describe and import knowledge bases (registered on the app by cli.py)."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from careerctl.cli_base import chosen, env_of, finish, use
from careerctl.i18n import _

kb_app = typer.Typer(help=_("Check, describe and import knowledge bases."), no_args_is_help=True)


@kb_app.command("validate", help=_("Check a knowledge base and list every problem; exit 2 if it has errors."))
def kb_validate(
    ctx: typer.Context,
    folder: Optional[Path] = typer.Argument(
        None, help=_("KB folder to check."), show_default=_("the KB in use")
    ),
    json_: bool = typer.Option(False, "--json", help=_("Print a careerctl.validation/1 JSON document.")),
) -> None:
    finish(use.validate(env_of(ctx), folder), chosen(json_), ctx)


@kb_app.command(
    "stats", help=_("Count the roles, skills and links of the knowledge base, and say where it comes from.")
)
def kb_stats(
    ctx: typer.Context,
    json_: bool = typer.Option(False, "--json", help=_("Print a careerctl.stats/1 JSON document.")),
) -> None:
    finish(use.stats(env_of(ctx)), chosen(json_), ctx)


@kb_app.command(
    "schema", help=_("Print the JSON Schema of a --json document (careerctl.KIND/1), or list the kinds.")
)
def kb_schema(
    ctx: typer.Context,
    kind: Annotated[
        Optional[str], typer.Argument(help=_("Document kind, e.g. plan; omit to list them."))
    ] = None,
) -> None:
    kinds = "".join(f"careerctl.{name}/1\n" for name in use.schema_kinds())
    env_of(ctx).stdout.write(kinds if kind is None else use.schema(kind))


class Taxonomy(str, Enum):
    """Public taxonomies careerctl can import."""

    onet = "onet"
    esco = "esco"


@kb_app.command("import", help=_("Turn O*NET or ESCO tables into a KB folder that --kb can load."))
def kb_import(
    ctx: typer.Context,
    source: Taxonomy = typer.Argument(..., help=_("Which taxonomy: onet or esco.")),
    src: Path = typer.Argument(..., help=_("Folder with the taxonomy's tables (see docs/importers.md).")),
    out: Path = typer.Option(..., "--out", help=_("KB folder to write (created if missing).")),
    force: bool = typer.Option(False, "--force", help=_("Replace the KB files already in the --out folder.")),
    quiet: bool = typer.Option(
        False, "--quiet", "-q", help=_("No progress bar and no summary; errors only.")
    ),
) -> None:
    env = env_of(ctx)
    quiet = quiet or env.quiet  # `careerctl kb import ... --quiet` reaches the root's option (entry.hoist)
    if quiet or not env.stderr_isatty:
        use.kb_import(env, source.value, src, out, force, quiet=quiet)
        return
    from careerctl.render.progress import phases

    with phases(env.stderr, use.IMPORT_PHASES, use.IMPORT_PHASE_WORDS) as progress:
        use.kb_import(env, source.value, src, out, force, progress)
