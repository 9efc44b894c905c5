"""Career maps and routes as Mermaid and DOT: structure, highlighting, escaping; rendered by `dot` where installed."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest
from typer.testing import CliRunner

from careerctl.cli import app
from careerctl.context import Env
from careerctl.model import KnowledgeBase
from careerctl.render.diagram import dot_map, dot_path, mermaid_map, mermaid_path, mermaid_route, mermaid_text
from careerctl.route import find_route
from diagram_parse import dot_label, parse_dot, parse_mermaid
from factories import kb, role, skill

EVIL = [
    'Say "hi"',
    "Lead [tech] (ops) {x}",
    "A --> B -.-> C",
    "back\\slash\\",
    "#quot; literal &amp; <b>bold</b>",
    "end",
    "`tick` | pipe; semi %% not a comment",
    "C# & F#",
]
DOT = shutil.which("dot")


def evil_kb() -> KnowledgeBase:
    """A chain of roles whose names, track names and skill names could each break a diagram."""
    skills = [skill(f"s{i}", name=name) for i, name in enumerate(EVIL)]
    roles = [
        role(
            f"r{i}",
            {f"s{i}": 1 + i % 5},
            next=[(f"r{i + 1}", 1 + i / 2)] if i + 1 < len(EVIL) else [],
            track=EVIL[i % 3] if i % 2 else "plain",
            seniority=i,
            name=name,
        )
        for i, name in enumerate(EVIL)
    ]
    return kb(skills, roles)


@pytest.fixture(scope="module")
def bundled() -> KnowledgeBase:
    return Env().load().kb


def test_roles_map_has_a_subgraph_per_track_a_node_per_role_and_an_edge_per_transition(
    bundled: KnowledgeBase,
) -> None:
    chart = parse_mermaid(mermaid_map(bundled, bundled.roles.values()))
    tracks = {r.track for r in bundled.roles.values()}
    moves = sum(len(r.next) for r in bundled.roles.values())
    assert sorted(label for label, _ in chart.subgraphs.values()) == sorted(tracks)
    assert sorted(line[0] for line in chart.nodes.values()) == sorted(r.name for r in bundled.roles.values())
    assert len(chart.edges) == moves
    assert all(label.startswith("~") and label.endswith(("year", "years")) for _, _, label, _ in chart.edges)
    by_name = {lines[0]: node for node, lines in chart.nodes.items()}
    junior, mid = by_name["Junior Backend Developer"], by_name["Backend Developer"]
    assert (junior, "-->", "~2 years", mid) in chart.edges


def test_dot_map_has_a_cluster_per_track_and_ids_that_are_role_ids(bundled: KnowledgeBase) -> None:
    graph = parse_dot(dot_map(bundled, bundled.roles.values()))
    assert set(graph.nodes) == set(bundled.roles)
    assert sorted(attrs["label"] for attrs, _ in graph.clusters.values()) == sorted(
        {r.track for r in bundled.roles.values()}
    )
    assert all(name.startswith("cluster_") for name in graph.clusters)
    assert len(graph.edges) == sum(len(r.next) for r in bundled.roles.values())
    junior = bundled.roles["junior-backend-developer"]
    assert dot_label(graph.nodes[junior.id]["label"]) == [junior.name]


def test_a_track_map_draws_roles_it_leads_to_outside_the_track_as_dashed_stubs(
    bundled: KnowledgeBase,
) -> None:
    backend = [r for r in bundled.roles.values() if r.track == "backend"]
    chart = parse_mermaid(mermaid_map(bundled, backend))
    assert [label for label, _ in chart.subgraphs.values()] == ["backend"]
    outside = {chart.nodes[n][0] for n in chart.classes["outside"]}
    assert "Engineering Manager" in outside and "Backend Developer" not in outside
    assert all(arrow == "-.->" for s, arrow, _, t in chart.edges if t in chart.classes["outside"])
    graph = parse_dot(dot_map(bundled, backend))
    assert "dashed" in graph.nodes["engineering-manager"]["style"]


def test_path_mermaid_starts_with_flowchart_and_highlights_the_route(bundled: KnowledgeBase) -> None:
    route = find_route(bundled, "junior-backend-developer", "senior-backend-developer")
    text = mermaid_path(bundled, route)
    assert text.startswith("flowchart")
    chart = parse_mermaid(text)
    on_route = [chart.nodes[n][0] for n in chart.classes["route"]]
    assert on_route == ["Junior Backend Developer", "Backend Developer", "Senior Backend Developer"]
    highlighted = [chart.edges[i] for i in chart.link_styles]
    assert [(chart.nodes[s][0], label) for s, _, label, _ in highlighted] == [
        ("Junior Backend Developer", "~2 years, 520 h"),
        ("Backend Developer", "~3 years, 1,340 h"),
    ]
    senior = next(lines for lines in chart.nodes.values() if lines[0] == "Senior Backend Developer")
    assert "System design 2→4" in senior and len(senior) == 1 + len(route.legs[1].raises)
    assert len(chart.nodes) == len(bundled.roles)


def test_path_dot_highlights_the_route_edges(bundled: KnowledgeBase) -> None:
    route = find_route(bundled, "junior-backend-developer", "senior-backend-developer")
    graph = parse_dot(dot_path(bundled, route))
    bold = [(s, t) for s, t, attrs in graph.edges if "penwidth" in attrs]
    assert bold == [
        ("junior-backend-developer", "backend-developer"),
        ("backend-developer", "senior-backend-developer"),
    ]
    assert dot_label(graph.nodes["backend-developer"]["label"])[2] == "API development (REST) 2→3"


def test_report_route_is_the_route_alone(bundled: KnowledgeBase) -> None:
    route = find_route(bundled, "junior-backend-developer", "senior-backend-developer")
    chart = parse_mermaid(mermaid_route(bundled, route))
    assert [lines[0] for lines in chart.nodes.values()] == [bundled.roles[r].name for r in route.roles]
    assert len(chart.edges) == 2 and chart.link_styles == [0, 1] and chart.subgraphs == {}


def test_names_that_look_like_syntax_round_trip_through_mermaid() -> None:
    evil = evil_kb()
    route = find_route(evil, "r0", f"r{len(EVIL) - 1}")
    for text in (mermaid_map(evil, evil.roles.values()), mermaid_path(evil, route)):
        chart = parse_mermaid(text)
        assert sorted(lines[0] for lines in chart.nodes.values()) == sorted(EVIL)
        assert sorted(label for label, _ in chart.subgraphs.values()) == sorted(
            {r.track for r in evil.roles.values()}
        )
        assert len(chart.edges) == len(EVIL) - 1
    nodes = parse_mermaid(mermaid_path(evil, route)).nodes.values()
    assert next(lines for lines in nodes if lines[0] == EVIL[1]) == [EVIL[1], f"{EVIL[1]} 0→2"]


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ('a "b"', "a &quot;b&quot;"),
        ("<b>&", "&lt;b&gt;&amp;"),
        ("#quot;", "&num;quot;"),
        ("`x`", "&grave;x&grave;"),
        ("a --> b; c | d [e] end", "a --&gt; b; c | d [e] end"),
        ("line\nbreak", "line break"),
    ],
)
def test_mermaid_text_escapes(text: str, escaped: str) -> None:
    assert mermaid_text(text) == escaped


def test_names_that_look_like_syntax_round_trip_through_dot() -> None:
    evil = evil_kb()
    graph = parse_dot(dot_map(evil, evil.roles.values()))
    assert {r: dot_label(a["label"])[0] for r, a in graph.nodes.items()} == {
        f"r{i}": name for i, name in enumerate(EVIL)
    }
    assert sorted(dot_label(a["label"])[0] for a, _ in graph.clusters.values()) == sorted(
        {r.track for r in evil.roles.values()}
    )


def svg_texts(svg: str) -> dict[str, list[str]]:
    """Each node's title (its DOT id) and the text lines drawn in it."""
    root = ET.fromstring(svg)
    ns = {"s": "http://www.w3.org/2000/svg"}
    found = {}
    for group in root.iterfind(".//s:g[@class='node']", ns):
        title = group.findtext("s:title", namespaces=ns) or ""
        found[title] = [t.text or "" for t in group.iterfind("s:text", ns)]
    return found


@pytest.mark.skipif(DOT is None, reason="Graphviz `dot` is not installed (apt-get install graphviz)")
def test_dot_renders_every_role_of_the_map_to_svg(bundled: KnowledgeBase) -> None:
    svg = subprocess.run(
        [str(DOT), "-Tsvg"],
        input=dot_map(bundled, bundled.roles.values()),
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    drawn = svg_texts(svg)
    assert set(drawn) == set(bundled.roles)
    assert all(drawn[r.id] == [r.name] for r in bundled.roles.values())


@pytest.mark.skipif(DOT is None, reason="Graphviz `dot` is not installed (apt-get install graphviz)")
def test_dot_draws_hostile_names_exactly() -> None:
    evil = evil_kb()
    result = subprocess.run(
        [str(DOT), "-Tsvg"], input=dot_map(evil, evil.roles.values()), capture_output=True, text=True
    )
    assert result.returncode == 0 and "Warning" not in result.stderr, result.stderr
    drawn = svg_texts(result.stdout)
    # Graphviz titles nodes with the id as written: \\ stays doubled there, so compare by label.
    assert sorted(line for lines in drawn.values() for line in lines) == sorted(n.strip() for n in EVIL)


def test_cli_roles_and_path_formats(runner: CliRunner) -> None:
    result = runner.invoke(app, ["path", "junior", "senior", "--format", "mermaid"])
    assert result.exit_code == 0 and result.stdout.startswith("flowchart")
    for name in ("Junior Backend Developer", "Backend Developer", "Senior Backend Developer"):
        assert name in result.stdout
    result = runner.invoke(app, ["roles", "--track", "backend", "--format", "dot"])
    assert result.exit_code == 0 and result.stdout.startswith('digraph "careerctl backend careers" {')


@pytest.mark.parametrize(
    "args",
    [
        ["roles", "--json", "--format", "dot"],
        ["roles", "--tree", "--format", "mermaid"],
        ["path", "junior", "senior", "--json", "--format", "mermaid"],
        ["path", "junior", "senior", "--alternatives", "2", "--format", "dot"],
        ["roles", "--format", "svg"],
    ],
)
def test_cli_refuses_two_outputs_at_once(runner: CliRunner, args: list[str]) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2 and result.stdout == ""
    assert "Traceback" not in result.stderr


def test_json_output_does_not_import_the_renderers() -> None:
    import sys

    code = (
        "import sys\n"
        "from careerctl.cli import app\n"
        "from typer.testing import CliRunner\n"
        "CliRunner().invoke(app, ['path', 'junior', 'senior', '--json'])\n"
        "print(sorted(m for m in sys.modules if m.startswith(('rich', 'careerctl.render.diagram', 'careerctl.render.report', 'careerctl.render.charts'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
