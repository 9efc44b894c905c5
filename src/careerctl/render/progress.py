"""A progress bar for long work (`kb import`), on the terminal only."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import TextIO

from careerctl.i18n import _


@contextmanager
def phases(
    stream: TextIO, names: Sequence[str], words: Mapping[str, str] | None = None
) -> Iterator[Callable[[str], None]]:
    """A bar on `stream` that advances as each of `names` starts, showing its word from `words`
    (in the interface's language); gone when the work ends or is told "done"."""
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    console = Console(file=stream)
    columns = (TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task(_("starting"), total=len(names))
        started: list[str] = []

        def advance(name: str) -> None:
            if name == "done":
                bar.stop()
                return
            if started:
                bar.advance(task)
            started.append(name)
            step = names.index(name) + 1 if name in names else len(started)
            word = _(words[name]) if words and name in words else name
            bar.update(task, description=f"{word} ({step}/{len(names)})")

        yield advance
