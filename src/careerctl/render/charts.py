"""Terminal charts drawn with Rich: level bars against a role, a readiness gauge, sparklines.

Each chart is a Rich renderable that picks its glyphs when it is printed: block characters and
colour on a terminal, plain ASCII when the output is piped or the encoding cannot show blocks.
The meaning never rests on colour alone, so NO_COLOR loses nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text
from rich.tree import Tree

from careerctl.i18n import _
from careerctl.model import LEVEL_MAX, KnowledgeBase, Levels, Role
from careerctl.render.rich import lit
from careerctl.text import percent

CELLS_PER_LEVEL = 3
GAUGE_WIDTH = 30
SPARKS = "▁▂▃▄▅▆▇█"
PLAIN_SPARKS = "_.-~=+*#"
EIGHTHS = " ▏▎▍▌▋▊▉"


@dataclass(frozen=True, slots=True)
class Glyphs:
    """The characters a chart is drawn with."""

    have: str
    short: str
    over: str
    full: str
    empty: str
    open: str
    close: str


BLOCKS = Glyphs(have="█", short="░", over="▓", full="█", empty="░", open="", close="")
ASCII = Glyphs(have="#", short=".", over="+", full="#", empty="-", open="[", close="]")


def plain(console: Console, options: ConsoleOptions) -> bool:
    """Whether to draw in ASCII: output is not a terminal, or its encoding cannot show blocks."""
    return not console.is_terminal or options.ascii_only


def glyphs(console: Console, options: ConsoleOptions) -> Glyphs:
    """The glyph set for this console."""
    return ASCII if plain(console, options) else BLOCKS


@dataclass(frozen=True, slots=True)
class BarRow:
    """One skill of a role: the person's level against the level the role requires."""

    skill: str
    name: str
    category: str
    have: int
    need: int
    weight: int


def bar_rows(kb: KnowledgeBase, levels: Levels, role: Role) -> list[BarRow]:
    """The role's needed requirements with the person's levels, by category then skill name."""
    rows = []
    for req in role.needed():
        skill = kb.skills.get(req.skill)
        name = skill.name if skill else req.skill
        category = kb.term("categories", skill.category) if skill else ""
        rows.append(BarRow(req.skill, name, category, levels.get(req.skill, 0), req.level, req.weight))
    return sorted(rows, key=lambda r: (r.category, r.name.lower(), r.skill))


def level_bar(have: int, need: int, marks: Glyphs) -> Text:
    """Levels met up to the requirement, the shortfall after them, then any level above it."""
    cell = CELLS_PER_LEVEL
    met, short, over = min(have, need), max(0, need - have), max(0, have - need)
    bar = Text()
    bar.append(marks.have * (met * cell), style="green")
    bar.append(marks.short * (short * cell), style="red")
    bar.append(marks.over * (over * cell), style="cyan")
    bar.append(" " * ((LEVEL_MAX - met - short - over) * cell))
    return bar


def verdict(have: int, need: int) -> Text:
    """'met', 'short 2' or 'met, +1': how the level compares with the requirement."""
    if have < need:
        return Text(_("short {n}").format(n=need - have), style="red")
    if have > need:
        return Text(_("met, +{n}").format(n=have - need), style="cyan")
    return Text(_("met"), style="green")


def gauge_text(value: float, width: int, marks: Glyphs) -> Text:
    """A bar `width` cells long filled to `value` (0..1), in eighths of a cell on a terminal."""
    value = min(1.0, max(0.0, value))
    style = "red" if value < 0.5 else "yellow" if value < 0.8 else "green"
    bar = Text(marks.open)
    if marks is BLOCKS:
        eighths = round(value * width * 8)
        full, part = divmod(eighths, 8)
        bar.append(marks.full * full, style=style)
        if part:
            bar.append(EIGHTHS[part], style=style)
        bar.append(marks.empty * (width - full - (1 if part else 0)), style="dim")
    else:
        full = round(value * width)
        bar.append(marks.full * full)
        bar.append(marks.empty * (width - full))
    bar.append(marks.close)
    bar.append(f" {percent(value)}", style=f"bold {style}")
    return bar


class Gauge:
    """A labelled horizontal gauge of a 0..1 value, such as readiness."""

    def __init__(self, value: float, label: str, width: int) -> None:
        self.value = value
        self.label = label
        self.width = width

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        line = Text(f"{self.label} ", style="bold") if self.label else Text()
        line.append(gauge_text(self.value, self.width, glyphs(console, options)))
        yield line

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        width = len(self.label) + self.width + 8
        return Measurement(width, width)


def readiness_gauge(value: float, label: str | None = None, width: int = GAUGE_WIDTH) -> Gauge:
    """A gauge of readiness (0..1): a bar and a percentage, red under 50%, yellow under 80%."""
    return Gauge(value, _("Readiness") if label is None else label, width)


def spark_chars(
    values: Iterable[float | None], low: float, high: float, ramp: str = SPARKS, gap: str = "·"
) -> str:
    """Each value as one character of `ramp`, from `low` (first) to `high` (last); None as `gap`."""
    span = high - low
    top = len(ramp) - 1
    out = []
    for value in values:
        if value is None:
            out.append(gap)
            continue
        share = 1.0 if span <= 0 else (min(high, max(low, value)) - low) / span
        out.append(ramp[round(share * top)])
    return "".join(out)


class Sparkline:
    """A row of characters whose heights follow a series of values."""

    def __init__(self, values: Sequence[float | None], low: float, high: float, style: str) -> None:
        self.values = list(values)
        self.low = low
        self.high = high
        self.style = style

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        ramp, gap = (PLAIN_SPARKS, " ") if plain(console, options) else (SPARKS, "·")
        yield Text(spark_chars(self.values, self.low, self.high, ramp, gap), style=self.style, no_wrap=True)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(len(self.values), len(self.values))


def sparkline(
    values: Sequence[float | None], low: float | None = None, high: float | None = None, style: str = "cyan"
) -> Sparkline:
    """A sparkline of `values`; the scale runs from `low` to `high` (default: the values' own range).

    Give the scale for values with a known range, so the same level always draws the same
    height: levels `sparkline(v, 0, 5)`, readiness `sparkline(v, 0, 1)`.
    """
    known = [v for v in values if v is not None]
    low = min(known, default=0.0) if low is None else low
    high = max(known, default=0.0) if high is None else high
    return Sparkline(values, low, high, style)


class GapTree:
    """The target's remaining gaps as a tree grouped by category, each skill with its level bar.

    Skills already met follow in a last branch, so every requirement shows its bar once.
    """

    def __init__(self, rows: Sequence[BarRow], title: Text) -> None:
        self.rows = list(rows)
        self.title = title

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        marks = glyphs(console, options)
        width = min(40, max((len(r.name) for r in self.rows), default=0))
        tree = Tree(self.title)
        branches: dict[str, Tree] = {}
        met = [r for r in self.rows if r.have >= r.need]
        for row in self.rows:
            if row.have < row.need:
                if row.category not in branches:
                    branches[row.category] = tree.add(lit(row.category or "-", "bold cyan"))
                branches[row.category].add(self.leaf(row, width, marks))
        if met:
            done = tree.add(Text(_("already met ({n})").format(n=len(met)), style="bold green"))
            for row in met:
                done.add(self.leaf(row, width, marks))
        yield tree
        legend = _(
            "{have} have  {short} still needed  {over} above the need  ({cells} cells per level, 0..{top})"
        )
        yield Text(
            legend.format(
                have=marks.have, short=marks.short, over=marks.over, cells=CELLS_PER_LEVEL, top=LEVEL_MAX
            ),
            style="dim",
        )

    @staticmethod
    def leaf(row: BarRow, width: int, marks: Glyphs) -> Text:
        """One skill: name, bar, have/need and the verdict."""
        name = row.name if len(row.name) <= width else row.name[: width - 1] + "…"
        line = lit(name.ljust(width))
        line.append(" ")
        line.append(level_bar(row.have, row.need, marks))
        line.append(f" {row.have}/{row.need} ")
        line.append(verdict(row.have, row.need))
        return line


def gap_tree(kb: KnowledgeBase, levels: Levels, target_role: Role) -> GapTree:
    """Remaining gaps for `target_role` by category, with a bar of your level against each requirement."""
    title = lit(_("What {role} still needs").format(role=target_role.name), "bold")
    return GapTree(bar_rows(kb, levels, target_role), title)
