"""The team view's renderers: the terminal heatmap, Markdown and HTML, with hostile names."""

from __future__ import annotations

import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from rich.console import Console

from careerctl.kb.load import load_kb
from careerctl.model import KnowledgeBase
from careerctl.render.team import MATRIX_SKILLS, PALETTE, html_team, markdown_team, print_team
from careerctl.store import read_team
from careerctl.team import Member, Team, build_team, gather_members
from ladder import write_ladder
from teamfiles import write_team
from test_report import CHROMIUM, NO_CHROMIUM, chromium, near, read_png

HOSTILE = "Zoë \x1b[31m[bold]<script>alert(1)</script>|*x*"


@pytest.fixture
def ladder(tmp_path: Path) -> KnowledgeBase:
    return load_kb(write_ladder(tmp_path / "ladder")).kb


@pytest.fixture
def team(ladder: KnowledgeBase, tmp_path: Path) -> Team:
    files, notices = read_team([write_team(tmp_path / "team", ladder.identity)])
    members, more = gather_members(ladder, files)
    return build_team(ladder, members, notices=[*notices, *more])


def shown(kb: KnowledgeBase, team: Team, width: int = 80, **options: object) -> str:
    console = Console(width=width, file=io.StringIO(), **options)  # type: ignore[arg-type]
    print_team(console, kb, team)
    return console.file.getvalue()  # type: ignore[attr-defined]


def test_piped_the_matrix_is_plain_digits(ladder: KnowledgeBase, team: Team) -> None:
    lines = shown(ladder, team).splitlines()
    assert lines[:11] == [
        "6 people, 4 skills; the team's roles: Junior Dev, Mid Dev, Senior Dev",
        "",
        "             Ana Ben Cai Dee Eli fay  ≥3 ≥4",
        "architecture",
        "  Design      3   1   0   0   0   1    1  0  one deep: Ana",
        "data",
        "  SQL         2   2   1   4   0   2    1  1  one deep: Dee",
        "programming",
        "  Coding      5   2   1   2   2   3    2  1",
        "quality",
        "  Testing     2   2   0   1   1   2    0  0  gap: need 3, best 2",
    ]
    assert "\x1b" not in "\n".join(lines)


def test_on_a_terminal_levels_are_digits_on_colours(ladder: KnowledgeBase, team: Team) -> None:
    out = shown(ladder, team, force_terminal=True, color_system="truecolor", no_color=False)
    assert "\x1b[38;2;255;255;255;48;2;0;0;95m 5 \x1b[0m" in out  # Ana's coding 5: white on navy
    assert " · " in out  # level 0 is a dot, not a block


def test_no_color_keeps_the_digits_and_drops_the_colours(ladder: KnowledgeBase, team: Team) -> None:
    out = shown(ladder, team, force_terminal=True, no_color=True)
    assert "48;2" not in out and "  Design" in out and " 3 " in out


def test_a_narrow_terminal_splits_the_people_into_blocks(ladder: KnowledgeBase) -> None:
    members = [Member(f"Person {n:02d}", f"p{n}.yaml", None, None, {"sql": n % 6}) for n in range(12)]
    team = build_team(ladder, members)
    out = shown(ladder, team, width=80)
    heads = [line for line in out.splitlines() if line.endswith("≥3 ≥4")]
    assert len(heads) == 2 and all(len(line) <= 80 for line in out.splitlines())
    assert "Person 00" in heads[0] and "Person 11" in heads[1]


def test_hostile_names_reach_no_terminal_unescaped(ladder: KnowledgeBase) -> None:
    team = build_team(ladder, [Member(HOSTILE, "z.yaml", "junior", "mid", {"sql": 3})])
    out = shown(ladder, team, width=200, force_terminal=True)
    assert "\x1b[31m" not in out and "\\x1b[31m" in out


def test_markdown_escapes_names_and_has_the_matrix(ladder: KnowledgeBase, team: Team) -> None:
    text = markdown_team(ladder, team)
    assert "| Design | architecture | 3 | 1 | 0 | 0 | 0 | 1 | 1 | 0 | one deep: Ana |" in text
    hostile = markdown_team(ladder, build_team(ladder, [Member(HOSTILE, "z.yaml", None, None, {"sql": 3})]))
    assert "<script>" not in hostile and "\x1b" not in hostile and r"\|" in hostile


def test_html_is_one_well_formed_page_with_a_colour_heatmap(ladder: KnowledgeBase, team: Team) -> None:
    page = html_team(ladder, team)
    root = ET.fromstring(page.removeprefix("<!DOCTYPE html>\n"))
    cells = [td for td in root.iter("td") if "level" in td.get("class", "")]
    assert len(cells) == 6 * 4
    assert [td.text for td in cells[:6]] == ["3", "1", "·", "·", "·", "1"]
    assert cells[0].get("class") == "level l3" and "td.l3" in page
    assert not re.search(r"<script|src=|href=\"http|@import|url\(", page)


def test_html_escapes_every_name(ladder: KnowledgeBase) -> None:
    page = html_team(ladder, build_team(ladder, [Member(HOSTILE, "z.yaml", "junior", "mid", {"sql": 3})]))
    ET.fromstring(page.removeprefix("<!DOCTYPE html>\n"))
    assert "<script>" not in page and "&lt;script&gt;" in page and "\x1b" not in page


def test_a_wide_matrix_shows_its_first_skills_and_says_so(ladder: KnowledgeBase) -> None:
    team = build_team(ladder, [Member("A", "a.yaml", None, None, {"sql": 3})])
    many = Team(
        **{
            **{f: getattr(team, f) for f in Team.__dataclass_fields__},
            "skills": ["sql"] * (MATRIX_SKILLS + 3),
        }
    )
    assert "... and 3 more skills" in markdown_team(ladder, many)


@pytest.mark.skipif(CHROMIUM is None, reason=NO_CHROMIUM)
def test_chromium_draws_the_heatmap_in_colour_and_fetches_nothing(
    ladder: KnowledgeBase, team: Team, tmp_path: Path
) -> None:
    page = tmp_path / "t.html"
    page.write_text(html_team(ladder, team), encoding="utf-8")
    shot, netlog = tmp_path / "shot.png", tmp_path / "net.json"
    chromium(page, f"--screenshot={shot}", "--window-size=1200,900", f"--log-net-log={netlog}")
    width, height, rows = read_png(shot)
    assert (width, height) == (1200, 900)
    # The heatmap is at the top left: one cell per person and skill, each coloured by its level.
    pixels = [tuple(rows[y][x * 3 : x * 3 + 3]) for y in range(150, 550, 2) for x in range(0, 700, 2)]
    for level, count in ((5, 1), (4, 1), (3, 2), (2, 9), (1, 6)):  # cells at that level, from the matrix
        colour = tuple(int(PALETTE[level][i : i + 2], 16) for i in (1, 3, 5))
        assert sum(near(p, colour, slack=6) for p in pixels) > 100 * count  # a cell is about 35 x 30 px
    requested = {
        str(event["params"]["url"])
        for event in json.loads(netlog.read_text())["events"]
        if isinstance(event.get("params"), dict) and "url" in event["params"]
    }
    text = page.read_text(encoding="utf-8")
    assert [url for url in requested if url.split("#")[0] in text] == []
    dom = chromium(page, "--dump-dom").stdout
    assert dom.count('class="level l') == 24
