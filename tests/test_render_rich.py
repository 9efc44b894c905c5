"""Long Rich tables: the first rows are laid out, the rest are counted (each row costs ~1.3 ms)."""

from __future__ import annotations

import io

from rich.console import Console

from careerctl.render.rich import table
from careerctl.render.tables import MAX_ROWS


def test_a_long_table_shows_its_first_rows_and_counts_the_rest() -> None:
    console = Console(width=80, record=True, file=io.StringIO())
    grid = table(console, "n")
    for n in range(MAX_ROWS + 5):
        grid.add_row(f"row {n}")
    console.print(grid)
    text = console.export_text()
    assert f"row {MAX_ROWS - 1} " in text and f"row {MAX_ROWS} " not in text
    assert "... and 5 more rows: --json lists them all" in text


def test_a_short_table_has_no_note() -> None:
    console = Console(width=80, record=True, file=io.StringIO())
    grid = table(console, "n")
    grid.add_row("only")
    console.print(grid)
    assert "more rows" not in console.export_text()
