"""The options that plan, path, match and report share, declared once."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from careerctl.completion import completer
from careerctl.i18n import _

complete_role = completer("roles")

Answers = Annotated[
    Optional[Path],
    typer.Option("--answers", help=_("YAML or JSON file of {skill-id: level 0..5}; - reads standard input.")),
]
Sets = Annotated[
    Optional[list[str]],
    typer.Option("--set", metavar="SKILL=LEVEL", help=_("Set one skill's level (repeatable).")),
]
FromRole = Annotated[
    Optional[str],
    typer.Option(
        "--from",
        help=_("Take your levels to be exactly this role's requirements."),
        autocompletion=complete_role,
    ),
]
TargetRole = Annotated[
    Optional[str],
    typer.Option(
        "--target", help=_("Role to plan for."), show_default=_("the next rung"), autocompletion=complete_role
    ),
]
Top = Annotated[Optional[int], typer.Option("--top", min=1, help=_("Show only the first N steps."))]
HoursPerWeek = Annotated[
    Optional[float],
    typer.Option(
        "--hours-per-week",
        min=0.5,
        max=168,
        help=_("Study hours per week, for the finish date."),
        show_default=_("6, or the config's hours_per_week"),
    ),
]
Json = Annotated[bool, typer.Option("--json", help=_("Print a JSON document instead of tables."))]
Stack = Annotated[
    Optional[str],
    typer.Option(
        "--stack",
        help=_("Your language or framework (python, java, javascript, php, go ...): resources for it first."),
        show_default=_("the profile's stack"),
    ),
]
