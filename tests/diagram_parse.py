"""Strict readers for the Mermaid and DOT that careerctl writes, so tests can check structure and labels."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

# ---------------------------------------------------------------------------------------------- Mermaid

_QUOTED = r'"([^"]*)"'
_M_LINES = {
    "header": re.compile(r"flowchart (LR|TD|TB|RL|BT)"),
    "subgraph": re.compile(rf"subgraph (t\d+)\[{_QUOTED}\]"),
    "end": re.compile(r"end"),
    "node": re.compile(rf"(n\d+)\[{_QUOTED}\]"),
    "edge": re.compile(rf"(n\d+) (-->|-\.->)\|{_QUOTED}\| (n\d+)"),
    "classdef": re.compile(r"classDef ([a-z]+) ([\w:#,.\- ]+)"),
    "class": re.compile(r"class (n\d+(?:,n\d+)*) ([a-z]+)"),
    "linkstyle": re.compile(r"linkStyle (\d+(?:,\d+)*) ([\w:#,.\- ]+)"),
}


@dataclass
class Mermaid:
    """A Mermaid flowchart as read back: node labels, subgraphs, edges and styles."""

    nodes: dict[str, list[str]] = field(default_factory=dict)
    subgraphs: dict[str, tuple[str, list[str]]] = field(default_factory=dict)
    edges: list[tuple[str, str, str, str]] = field(default_factory=list)  # (source, arrow, label, target)
    classes: dict[str, list[str]] = field(default_factory=dict)
    link_styles: list[int] = field(default_factory=list)


def mermaid_label(raw: str) -> list[str]:
    """A quoted label's lines, entities decoded."""
    return [html.unescape(part) for part in raw.split("<br/>")]


def parse_mermaid(text: str) -> Mermaid:
    """Read a flowchart line by line; any line that is not one of the known forms fails the test."""
    lines = text.splitlines()
    assert _M_LINES["header"].fullmatch(lines[0]), lines[0]
    found = Mermaid()
    current: str | None = None
    for line in lines[1:]:
        stripped = line.strip()
        kind, match = next(
            ((k, m) for k, p in _M_LINES.items() if (m := p.fullmatch(stripped)) is not None), (None, None)
        )
        assert match is not None and kind != "header", f"not valid Mermaid here: {line!r}"
        if kind == "subgraph":
            assert current is None, "nested subgraph"
            current = match[1]
            found.subgraphs[current] = (html.unescape(match[2]), [])
        elif kind == "end":
            assert current is not None, "end without subgraph"
            current = None
        elif kind == "node":
            assert match[1] not in found.nodes, f"node {match[1]} twice"
            found.nodes[match[1]] = mermaid_label(match[2])
            if current is not None:
                found.subgraphs[current][1].append(match[1])
        elif kind == "edge":
            found.edges.append((match[1], match[2], html.unescape(match[3]), match[4]))
        elif kind == "class":
            found.classes[match[2]] = match[1].split(",")
        elif kind == "linkstyle":
            found.link_styles += [int(i) for i in match[1].split(",")]
    assert current is None, "subgraph not closed"
    for source, _, _, target in found.edges:
        assert source in found.nodes and target in found.nodes
    return found


# ---------------------------------------------------------------------------------------------- DOT

_TOKEN = re.compile(r'\s*(?:("(?:[^"\\]|\\.)*")|(->|[{}\[\];,=])|([A-Za-z_][\w.]*|-?\d+(?:\.\d+)?))', re.S)


@dataclass
class Dot:
    """A digraph as read back: nodes with attributes, clusters, edges with attributes."""

    name: str = ""
    nodes: dict[str, dict[str, str]] = field(default_factory=dict)
    clusters: dict[str, tuple[dict[str, str], list[str]]] = field(default_factory=dict)
    edges: list[tuple[str, str, dict[str, str]]] = field(default_factory=list)


def dot_tokens(text: str) -> list[str]:
    """DOT tokens; quoted strings keep their quotes."""
    tokens, pos = [], 0
    text = text.rstrip()
    while pos < len(text):
        match = _TOKEN.match(text, pos)
        assert match is not None and match.end() > pos, f"bad DOT near {text[pos : pos + 30]!r}"
        tokens.append(next(g for g in match.groups() if g is not None))
        pos = match.end()
    return tokens


def unquote(token: str) -> str:
    """A DOT id as the parser sees it: quotes removed, only \\" unescaped (DOT's one escape)."""
    if token.startswith('"'):
        return token[1:-1].replace('\\"', '"')
    return token


def dot_label(value: str) -> list[str]:
    """A label's lines as Graphviz draws them: \\\\ is a backslash, \\n and \\l end lines, entities decoded."""
    lines, line, i = [], "", 0
    while i < len(value):
        if value[i] == "\\" and i + 1 < len(value):
            nxt = value[i + 1]
            if nxt in "nlr":
                lines.append(line)
                line = ""
            else:
                line += nxt
            i += 2
            continue
        line += value[i]
        i += 1
    if line:
        lines.append(line)
    return [html.unescape(part) for part in lines]


class _DotReader:
    def __init__(self, tokens: list[str]) -> None:
        self.tokens = tokens
        self.pos = 0

    def take(self, expected: str | None = None) -> str:
        token = self.tokens[self.pos]
        assert expected is None or token == expected, f"expected {expected!r}, got {token!r}"
        self.pos += 1
        return token

    def peek(self) -> str:
        return self.tokens[self.pos]

    def attrs(self) -> dict[str, str]:
        found: dict[str, str] = {}
        if self.peek() != "[":
            return found
        self.take("[")
        while self.peek() != "]":
            key = unquote(self.take())
            self.take("=")
            found[key] = unquote(self.take())
            if self.peek() in (",", ";"):
                self.take()
        self.take("]")
        return found

    def body(self, dot: Dot, cluster: str | None) -> None:
        self.take("{")
        while self.peek() != "}":
            token = self.take()
            if token in ("graph", "node", "edge"):
                self.attrs()
            elif token == "subgraph":
                name = unquote(self.take())
                dot.clusters[name] = ({}, [])
                self.body(dot, name)
            elif self.peek() == "=":
                self.take("=")
                value = unquote(self.take())
                if cluster is not None:
                    dot.clusters[cluster][0][unquote(token)] = value
            elif self.peek() == "->":
                self.take("->")
                target = unquote(self.take())
                dot.edges.append((unquote(token), target, self.attrs()))
            else:
                node = unquote(token)
                assert node not in dot.nodes, f"node {node!r} twice"
                dot.nodes[node] = self.attrs()
                if cluster is not None:
                    dot.clusters[cluster][1].append(node)
            if self.peek() == ";":
                self.take(";")
        self.take("}")


def parse_dot(text: str) -> Dot:
    """Read a digraph strictly: every token must fit the grammar careerctl writes."""
    reader = _DotReader(dot_tokens(text))
    dot = Dot()
    reader.take("digraph")
    dot.name = unquote(reader.take())
    reader.body(dot, None)
    assert reader.pos == len(reader.tokens), "text after the graph"
    for source, target, _ in dot.edges:
        assert source in dot.nodes and target in dot.nodes, (source, target)
    return dot
