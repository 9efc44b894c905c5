"""The `review`, `evidence` and `calibrate` commands: other people's ratings and what a person did.

Registered on the app by cli.py; docs/reviews.md is the guide.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from careerctl.cli_base import chosen, env_of, finish, use
from careerctl.context import Env
from careerctl.i18n import _


class LevelSource(str, Enum):
    """Whose levels a command plans from."""

    self = "self"
    calibrated = "calibrated"


LevelsFrom = Annotated[
    Optional[LevelSource],
    typer.Option(
        "--levels",
        help=_(
            "self: your own ratings; calibrated: the agreed levels of your attached reviews (says which)."
        ),
        show_default="self",
    ),
]


def given(
    answers: Path | None,
    sets: list[str] | None,
    from_role: str | None = None,
    levels: LevelSource | None = None,
) -> use.Given:
    """The LEVELS options and --levels, for the app."""
    return use.Given.of(answers, sets, from_role, levels.value if levels else None)


class Relation(str, Enum):
    """Who rates: the person, their manager or a peer."""

    self = "self"
    manager = "manager"
    peer = "peer"


Rater = Annotated[
    Optional[Relation],
    typer.Option(
        "--rater",
        help=_("Who rates: self, or a manager or peer rating someone else (writes --out)."),
        show_default="self",
    ),
]
For = Annotated[Optional[str], typer.Option("--for", metavar="NAME", help=_("Whose skills a review rates."))]
By = Annotated[
    Optional[str], typer.Option("--by", metavar="NAME", help=_("The rater's name, for the review."))
]
Out = Annotated[
    Optional[Path],
    typer.Option(
        "--out", metavar="FILE", help=_("The review file to write (not the profile)."), dir_okay=False
    ),
]


def write_packet(
    env: Env, levels: use.Given, target: str | None, name: str | None, top: int | None, output: Path
) -> None:
    """`report --format packet`: HTML for a .html file, else Markdown."""
    html = output.suffix.lower() in (".html", ".htm")
    text = use.rendered(use.packet(env, levels, target, name, top), "html" if html else "markdown", env)
    use.write_output(
        env, output, text, _("{format} promotion packet").format(format="html" if html else "markdown")
    )


review_app = typer.Typer(
    help=_("Attach, list or remove reviews of you by a manager or peers."), no_args_is_help=True
)
evidence_app = typer.Typer(
    help=_("Log what you did, per skill, or find it in your git repositories."), no_args_is_help=True
)


@review_app.command(
    "add",
    help=_(
        "Check a review and attach it to your profile (a copy in PROFILE.reviews/); another KB's is refused."
    ),
)
def review_add(
    ctx: typer.Context,
    source: Annotated[
        Path, typer.Argument(metavar="FILE", help=_("A review file (from `assess --rater ... --out`)."))
    ],
    json_: Annotated[
        bool, typer.Option("--json", help=_("Print a careerctl.reviews/1 JSON document."))
    ] = False,
) -> None:
    finish(use.review_add(env_of(ctx), source), chosen(json_), ctx)


@review_app.command(
    "list", help=_("The reviews attached to your profile: name, rater, relation, date and how many skills.")
)
def review_list(
    ctx: typer.Context,
    json_: Annotated[
        bool, typer.Option("--json", help=_("Print a careerctl.reviews/1 JSON document."))
    ] = False,
) -> None:
    finish(use.review_list(env_of(ctx)), chosen(json_), ctx)


@review_app.command("remove", help=_("Take a review off your profile (it is kept in backups/)."))
def review_remove(
    ctx: typer.Context,
    name: Annotated[
        str, typer.Argument(metavar="NAME", help=_("The review's name, as `review list` shows it."))
    ],
) -> None:
    use.review_remove(env_of(ctx), name)


class Rule(str, Enum):
    """How calibration agrees a level (docs/reviews.md)."""

    manager = "manager"
    median = "median"
    reviewers = "reviewers"
    lowest = "lowest"


CALIBRATE_HELP = _(
    "Your own, your manager's and your peers' ratings side by side, the agreed level, gaps to discuss.\n\n"
    "A self rating 2 or more levels from the agreed level is flagged for discussion; a gap of 1 is shown quietly. `plan --levels calibrated` (and path, match, report) plan from the agreed levels."
)
"""The help of `careerctl calibrate`."""


def calibrate(
    ctx: typer.Context,
    rule: Annotated[
        Rule,
        typer.Option(
            "--rule",
            help=_(
                "manager: the manager's, else the peers' median, else yours; median: of everyone; "
                "reviewers: median of manager and peers; lowest: the lowest rating."
            ),
        ),
    ] = Rule.manager,
    json_: Annotated[
        bool, typer.Option("--json", help=_("Print a careerctl.calibration/1 JSON document."))
    ] = False,
) -> None:
    finish(use.calibrate(env_of(ctx), rule.value), chosen(json_), ctx)


EvidenceJson = Annotated[bool, typer.Option("--json", help=_("Print a careerctl.evidence/1 JSON document."))]


@evidence_app.command(
    "add", help=_("Add an entry to your evidence log (PROFILE.evidence.yaml): what you did, for which skill.")
)
def evidence_add(
    ctx: typer.Context,
    skill: Annotated[str, typer.Argument(metavar="SKILL", help=_("The skill it shows: id or name."))],
    what: Annotated[str, typer.Argument(metavar="WHAT", help=_("What you did, in one line."))],
    level: Annotated[
        Optional[int], typer.Option("--level", min=1, max=5, help=_("The level it shows (1..5)."))
    ] = None,
    link: Annotated[
        Optional[str], typer.Option("--link", metavar="URL", help=_("An http(s) link to it."))
    ] = None,
    day: Annotated[
        Optional[str], typer.Option("--date", metavar="YYYY-MM-DD", help=_("When."), show_default=_("today"))
    ] = None,
    json_: EvidenceJson = False,
) -> None:
    finish(use.evidence_add(env_of(ctx), skill, what, level, link, day), chosen(json_), ctx)


@evidence_app.command("list", help=_("Your evidence log, newest first."))
def evidence_list(
    ctx: typer.Context,
    skill: Annotated[Optional[str], typer.Option("--skill", help=_("Only this skill's entries."))] = None,
    json_: EvidenceJson = False,
) -> None:
    finish(use.evidence_list(env_of(ctx), skill), chosen(json_), ctx)


@evidence_app.command(
    "scan",
    help=_(
        "Suggest evidence from your own commits: files you changed, by the signals each skill declares.\n\n"
        "Reads only git's history and its list of tracked files (no file of the working tree, so no symlink is followed), and never runs code from a repository: no hooks, no pager, no external diff, no file-system monitor. Suggestions change no level; --accept SKILL logs one."
    ),
)
def evidence_scan(
    ctx: typer.Context,
    paths: Annotated[
        list[Path], typer.Argument(metavar="PATH...", help=_("Local git repositories to read."))
    ],
    author: Annotated[
        Optional[list[str]],
        typer.Option(
            "--author",
            metavar="EMAIL",
            help=_("Your commit e-mail (repeatable)."),
            show_default=_("the `author` setting, else your git user.email"),
        ),
    ] = None,
    accept: Annotated[
        Optional[list[str]],
        typer.Option("--accept", metavar="SKILL", help=_("Add this skill's suggestion to the log.")),
    ] = None,
    json_: Annotated[bool, typer.Option("--json", help=_("Print a careerctl.scan/1 JSON document."))] = False,
) -> None:
    finish(use.evidence_scan(env_of(ctx), paths, author or [], accept or []), chosen(json_), ctx)
