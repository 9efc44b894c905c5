"""The table class of careerctl's Rich output, apart so that `path`'s tree does not import rich.table."""

from __future__ import annotations

from typing import Any

from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.table import Table
from rich.text import Text

from careerctl.i18n import ngettext
from careerctl.text import number

MAX_ROWS = 200
"""Rows a table lays out (Rich takes about 1.3 ms a row; an ESCO-sized KB has 14,000 skills)."""


class CappedTable(Table):
    """A table that lays out its first MAX_ROWS rows and says, below it, how many it left out."""

    left_out = 0

    def add_row(self, *renderables: RenderableType | None, **options: Any) -> None:
        if self.row_count < MAX_ROWS:
            super().add_row(*renderables, **options)
            return
        self.left_out += 1

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield from super().__rich_console__(console, options)
        if self.left_out:
            more = ngettext(
                "... and {n} more row: --json lists them all",
                "... and {n} more rows: --json lists them all",
                self.left_out,
            )
            yield Text(more.format(n=number(self.left_out)), style="dim")
