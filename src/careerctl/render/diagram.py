"""Career maps and routes as diagram source: Mermaid flowcharts and Graphviz DOT, built as plain strings.

Both writers draw one `Diagram`: tracks as boxes (Mermaid subgraphs, DOT clusters), roles as
nodes, transitions as edges labelled with their typical years. A route, when given, is
highlighted: its roles carry the skills each rung raises and its edges the hours of study.

Every string from the KB is escaped for the format it lands in. Mermaid node ids are generated
(`n0`, `n1`, ...) so no KB text is ever an identifier. Mermaid labels are quoted and written with
named HTML entities (`&quot;`, `&lt;`, `&num;`, ...): Mermaid draws labels as HTML, so these show
the text exactly, while its own `#quot;` codes are drawn as garbage by Mermaid 11.17 (checked
with mermaid.js in Chromium); `&num;` also keeps a literal `#name;` in a name from being read as
one of those codes, and `&grave;` keeps a leading backtick from starting a Markdown string.
DOT ids and labels are quoted, with backslashes and quotes escaped and `&` written as an entity
(Graphviz reads entities in every label).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from careerctl.i18n import _
from careerctl.model import KnowledgeBase, Role
from careerctl.route import Leg, Route
from careerctl.text import flat, hours
from careerctl.text import years as year_words

MAP_LIMIT = 100
"""A route is drawn inside the whole map up to this many roles; past it, only the route's tracks."""
ROUTE_COLOUR = "#b7791f"
ROUTE_FILL = "#fff3c4"


@dataclass(slots=True)
class Node:
    """One role as drawn: its label lines and whether the route passes through it."""

    role: str
    lines: list[str]
    on_route: bool = False
    outside: bool = False


@dataclass(slots=True)
class Edge:
    """One transition as drawn."""

    source: str
    target: str
    label: str
    on_route: bool = False


@dataclass(slots=True)
class Diagram:
    """Roles grouped by track, and the transitions between them, ready to write out."""

    tracks: dict[str, list[Node]] = field(default_factory=dict)
    loose: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)

    def nodes(self) -> list[Node]:
        """Every node, track by track, then the ones outside any drawn track."""
        return [node for nodes in self.tracks.values() for node in nodes] + self.loose


def years_label(years: float) -> str:
    """Typical years before a move, as an edge label."""
    return f"~{year_words(years)}"


def leg_label(leg: Leg) -> str:
    """A route edge's label: typical years and hours of study."""
    return f"{years_label(leg.years)}, {hours(leg.hours)}"


def raise_line(kb: KnowledgeBase, skill: str, from_level: int, to_level: int) -> str:
    """One skill a rung raises, e.g. 'SQL 2→3'."""
    found = kb.skills.get(skill)
    return f"{found.name if found else skill} {from_level}→{to_level}"


def map_diagram(kb: KnowledgeBase, roles: Iterable[Role], route: Route | None = None) -> Diagram:
    """The career map of `roles` by track; roles they lead to outside the set are drawn loose."""
    chosen = sorted(roles, key=lambda r: (r.track, r.seniority, r.id))
    drawn = {r.id for r in chosen}
    legs = {(leg.from_role, leg.to_role): leg for leg in route.legs} if route else {}
    raised = {leg.to_role: leg for leg in legs.values()}
    on_route = set(route.roles) if route else set()
    diagram = Diagram()
    by_track: dict[str, list[Node]] = defaultdict(list)
    for role in chosen:
        by_track[kb.term("tracks", role.track)].append(
            role_node(kb, role, raised.get(role.id), role.id in on_route)
        )
    diagram.tracks = dict(by_track)
    for role in chosen:
        for move in role.next:
            if move.role not in kb.roles or move.role == role.id:
                continue
            if move.role not in drawn:
                drawn.add(move.role)
                diagram.loose.append(Node(move.role, [kb.roles[move.role].name], outside=True))
            leg = legs.get((role.id, move.role))
            label = leg_label(leg) if leg else years_label(move.years)
            diagram.edges.append(Edge(role.id, move.role, label, leg is not None))
    return diagram


def role_node(kb: KnowledgeBase, role: Role, leg: Leg | None, on_route: bool) -> Node:
    """A role's node: its name, and on a route the skills the rung raises."""
    lines = [role.name]
    if leg is not None:
        lines += sorted(raise_line(kb, r.skill, r.from_level, r.to_level) for r in leg.raises)
    return Node(role.id, lines, on_route=on_route)


def route_map(kb: KnowledgeBase, route: Route) -> Diagram:
    """The map with `route` highlighted: the whole KB when small, else the route's tracks."""
    roles: Iterable[Role] = kb.roles.values()
    if len(kb.roles) > MAP_LIMIT:
        tracks = {kb.roles[r].track for r in route.roles}
        roles = [r for r in kb.roles.values() if r.track in tracks]
    return map_diagram(kb, roles, route)


def route_diagram(kb: KnowledgeBase, route: Route) -> Diagram:
    """Only the route's roles, left to right, each edge with its years and hours."""
    diagram = Diagram()
    diagram.loose = [Node(r, [kb.roles[r].name], on_route=True) for r in route.roles]
    diagram.edges = [Edge(leg.from_role, leg.to_role, leg_label(leg), True) for leg in route.legs]
    return diagram


# ---------------------------------------------------------------------------------------------- Mermaid

_MERMAID_ENTITIES = {
    "&": "&amp;",
    '"': "&quot;",
    "<": "&lt;",
    ">": "&gt;",
    "#": "&num;",
    "`": "&grave;",
}
_MERMAID_SPECIAL = re.compile("[" + re.escape("".join(_MERMAID_ENTITIES)) + "]")


def mermaid_text(text: str) -> str:
    """KB text made safe inside a quoted Mermaid label, shown exactly as written."""
    return _MERMAID_SPECIAL.sub(lambda m: _MERMAID_ENTITIES[m.group()], flat(text))


def mermaid_label(lines: list[str]) -> str:
    """A quoted Mermaid label, one line per item."""
    return '"' + "<br/>".join(mermaid_text(line) for line in lines) + '"'


def to_mermaid(diagram: Diagram, direction: str = "LR") -> str:
    """The diagram as a Mermaid flowchart."""
    ids = {node.role: f"n{i}" for i, node in enumerate(diagram.nodes())}
    out = [f"flowchart {direction}"]
    for index, (track, nodes) in enumerate(diagram.tracks.items()):
        out.append(f'  subgraph t{index}["{mermaid_text(track)}"]')
        out += [f"    {ids[node.role]}[{mermaid_label(node.lines)}]" for node in nodes]
        out.append("  end")
    out += [f"  {ids[node.role]}[{mermaid_label(node.lines)}]" for node in diagram.loose]
    outside = {node.role for node in diagram.loose if node.outside}
    for edge in diagram.edges:
        arrow = "-.->" if edge.target in outside else "-->"
        out.append(f'  {ids[edge.source]} {arrow}|"{mermaid_text(edge.label)}"| {ids[edge.target]}')
    out += _mermaid_styles(diagram, ids)
    return "\n".join(out) + "\n"


def _mermaid_styles(diagram: Diagram, ids: dict[str, str]) -> list[str]:
    """classDef / class / linkStyle lines that highlight the route and dim roles outside the map."""
    lines = []
    route = [ids[n.role] for n in diagram.nodes() if n.on_route]
    outside = [ids[n.role] for n in diagram.nodes() if n.outside]
    if route:
        lines.append(f"  classDef route fill:{ROUTE_FILL},stroke:{ROUTE_COLOUR},stroke-width:3px")
        lines.append(f"  class {','.join(route)} route")
    if outside:
        lines.append("  classDef outside stroke-dasharray:4 3,color:#666666")
        lines.append(f"  class {','.join(outside)} outside")
    links = [str(i) for i, edge in enumerate(diagram.edges) if edge.on_route]
    if links:
        lines.append(f"  linkStyle {','.join(links)} stroke:{ROUTE_COLOUR},stroke-width:3px")
    return lines


def mermaid_map(kb: KnowledgeBase, roles: Iterable[Role]) -> str:
    """`roles --format mermaid`: the career map, one subgraph per track."""
    return to_mermaid(map_diagram(kb, roles))


def mermaid_path(kb: KnowledgeBase, route: Route) -> str:
    """`path --format mermaid`: the route highlighted in the map, with the skills each rung raises."""
    return to_mermaid(route_map(kb, route))


def mermaid_route(kb: KnowledgeBase, route: Route) -> str:
    """The route alone, for a report: one node per role, edges with years and hours."""
    return to_mermaid(route_diagram(kb, route))


# ---------------------------------------------------------------------------------------------- DOT


DOT_LABEL_MAX = 200
"""The longest text a DOT string holds, in characters (Graphviz refuses labels over 16 KB)."""


def dot_quote(text: str) -> str:
    """A double-quoted DOT string: backslashes and quotes escaped, control characters made spaces,
    cut to DOT_LABEL_MAX characters."""
    shown = flat(text)
    if len(shown) > DOT_LABEL_MAX:
        shown = shown[: DOT_LABEL_MAX - 1] + "…"
    return '"' + shown.replace("\\", "\\\\").replace('"', '\\"') + '"'


def dot_label(lines: list[str]) -> str:
    """A quoted DOT label: the first line centred, the rest left-aligned; `&` kept literal."""
    head, *rest = [line.replace("&", "&amp;") for line in lines]
    body = dot_quote(head)[1:-1]
    if rest:
        body += "\\n" + "".join(dot_quote(line)[1:-1] + "\\l" for line in rest)
    return f'"{body}"'


def to_dot(diagram: Diagram, title: str | None = None, direction: str = "LR") -> str:
    """The diagram as a Graphviz digraph."""
    out = [
        f"digraph {dot_quote(_('career map') if title is None else title)} {{",
        f'  graph [rankdir={direction}, fontname="Helvetica", fontsize=12, nodesep=0.3, ranksep=0.6, newrank=true];',
        '  node [shape=box, style="rounded,filled", fillcolor="#f4f6f8", color="#5b6770", fontname="Helvetica", fontsize=11];',
        '  edge [color="#5b6770", fontname="Helvetica", fontsize=9];',
    ]
    for index, (track, nodes) in enumerate(diagram.tracks.items()):
        out.append(f'  subgraph "cluster_{index}" {{')
        out.append(f'    label={dot_label([track])}; style="rounded"; color="#9aa5ad"; fontcolor="#37474f";')
        out += [f"    {_dot_node(node)}" for node in nodes]
        out.append("  }")
    out += [f"  {_dot_node(node)}" for node in diagram.loose]
    for edge in diagram.edges:
        attrs = [f"label={dot_label([edge.label])}"]
        if edge.on_route:
            attrs += [f'color="{ROUTE_COLOUR}"', "penwidth=2.5", f'fontcolor="{ROUTE_COLOUR}"']
        out.append(f"  {dot_quote(edge.source)} -> {dot_quote(edge.target)} [{', '.join(attrs)}];")
    out.append("}")
    return "\n".join(out) + "\n"


def _dot_node(node: Node) -> str:
    """One node statement, styled for the route or for a role outside the chosen tracks."""
    attrs = [f"label={dot_label(node.lines)}"]
    if node.on_route:
        attrs += [f'fillcolor="{ROUTE_FILL}"', f'color="{ROUTE_COLOUR}"', "penwidth=2.5"]
    if node.outside:
        attrs += ['style="rounded,dashed"', 'fontcolor="#666666"']
    return f"{dot_quote(node.role)} [{', '.join(attrs)}];"


def dot_map(kb: KnowledgeBase, roles: Iterable[Role]) -> str:
    """`roles --format dot`: the career map, one cluster per track."""
    return to_dot(map_diagram(kb, roles), title=kb.about.name or _("career map"))


def dot_path(kb: KnowledgeBase, route: Route) -> str:
    """`path --format dot`: the route highlighted in the map, with the skills each rung raises."""
    start, end = (kb.roles[r].name for r in (route.roles[0], route.roles[-1]))
    return to_dot(route_map(kb, route), title=_("route from {start} to {end}").format(start=start, end=end))
