"""A progress bar for long work (`kb import`), on the terminal only."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TextIO


@contextmanager
def phases(stream: TextIO, names: Sequence[str]) -> Iterator[Callable[[str], None]]:
    """A bar on `stream` that advances as each of `names` starts; gone when the work ends."""
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    console = Console(file=stream)
    columns = (TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task("starting", total=len(names))
        started: list[str] = []

        def advance(name: str) -> None:
            if started:
                bar.advance(task)
            started.append(name)
            step = names.index(name) + 1 if name in names else len(started)
            bar.update(task, description=f"{name} ({step}/{len(names)})")

        yield advance
