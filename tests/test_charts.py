"""Terminal charts: level bars, the readiness gauge and sparklines, on a terminal and piped."""

from __future__ import annotations

import io

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console, RenderableType

from careerctl.render.charts import (
    PLAIN_SPARKS,
    SPARKS,
    gap_tree,
    readiness_gauge,
    spark_chars,
    sparkline,
)
from factories import kb, role, skill


def render(item: RenderableType, terminal: bool, width: int = 80) -> str:
    """What `item` prints on a terminal (no colour) or into a pipe."""
    out = io.StringIO()
    console = Console(file=out, width=width, force_terminal=terminal, color_system=None, legacy_windows=False)
    console.print(item)
    return out.getvalue()


def small() -> tuple:
    target = role("target", {"sql": (3, 5), "git": 2, "rust": 1}, name="Target Role")
    return kb(
        [skill("sql", name="SQL", category="data"), skill("git", name="Git", category="tools")], [target]
    ), target


def test_piped_charts_are_plain_ascii() -> None:
    for item in (
        readiness_gauge(0.42),
        sparkline([0, 1, 2, 3, 4, 5], 0, 5),
    ):
        assert render(item, terminal=False).isascii()


@pytest.mark.parametrize(
    ("value", "piped", "terminal"),
    [
        (0.0, "Readiness [" + "-" * 30 + "] 0%", "Readiness " + "░" * 30 + " 0%"),
        (0.5, "Readiness [" + "#" * 15 + "-" * 15 + "] 50%", "Readiness " + "█" * 15 + "░" * 15 + " 50%"),
        (1.0, "Readiness [" + "#" * 30 + "] 100%", "Readiness " + "█" * 30 + " 100%"),
        (
            0.34,
            "Readiness [" + "#" * 10 + "-" * 20 + "] 34%",
            "Readiness " + "█" * 10 + "▎" + "░" * 19 + " 34%",
        ),
        (1.7, "Readiness [" + "#" * 30 + "] 100%", "Readiness " + "█" * 30 + " 100%"),
    ],
)
def test_readiness_gauge(value: float, piped: str, terminal: str) -> None:
    gauge = readiness_gauge(value)
    assert render(gauge, terminal=False).rstrip("\n") == piped
    assert render(gauge, terminal=True).rstrip("\n") == terminal


def test_sparkline_on_a_fixed_scale() -> None:
    assert spark_chars([0, 1, 2, 3, 4, 5], 0, 5) == "▁▂▄▅▇█"
    assert spark_chars([0, 5, 5, 0], 0, 5, PLAIN_SPARKS) == "_##_"
    assert spark_chars([3, 3, 3], 3, 3) == "███"  # a flat series on an empty scale: full height
    assert spark_chars([], 0, 1) == ""
    assert render(sparkline([0.2, 0.5, 1.0], 0, 1), terminal=True).rstrip("\n") == "▂▅█"
    assert render(sparkline([0.2, 0.5, 1.0], 0, 1), terminal=False).rstrip("\n") == ".=#"


@given(st.lists(st.floats(-10, 10), max_size=40), st.floats(-5, 0), st.floats(0.1, 5))
def test_sparkline_has_one_character_per_value_and_keeps_order(
    values: list[float], low: float, high: float
) -> None:
    line = spark_chars(values, low, high)
    assert len(line) == len(values) and set(line) <= set(SPARKS)
    heights = [SPARKS.index(c) for _, c in sorted(zip(values, line, strict=True))]
    assert heights == sorted(heights)  # a higher value is never drawn lower


def test_kb_text_in_charts_is_literal() -> None:
    target = role("t", {"x": 1}, name="[bold]Boss[/bold] \x1b[31m")
    base = kb([skill("x", name="[red]X[/red]", category="a\x07b")], [target])
    text = render(gap_tree(base, {}, target), terminal=True)
    assert "[bold]Boss[/bold] \\x1b[31m" in text and "[red]X[/red]" in text and "a\\x07b" in text
    assert "\x1b" not in text and "\x07" not in text
