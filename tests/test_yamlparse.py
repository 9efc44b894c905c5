"""The one YAML builder reads what PyYAML's safe loader reads (values, types, lines), and words errors."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from careerctl.errors import InputError
from careerctl.kb import yamlparse, yamlsafe
from careerctl.kb.yamlio import Limits, LineDict, LineList, parse_yaml


class Reference(yaml.SafeLoader):
    """PyYAML's own composer and constructor, with careerctl's LineDicts: the oracle."""


def _map(loader: Reference, node: yaml.MappingNode) -> Iterator[LineDict]:
    mapping = LineDict()
    mapping.line, mapping.lines = node.start_mark.line + 1, {}
    yield mapping
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        mapping[key] = loader.construct_object(value_node, deep=True)
        if key_node.start_mark.line + 1 != mapping.line:
            mapping.lines[key] = key_node.start_mark.line + 1


def _seq(loader: Reference, node: yaml.SequenceNode) -> Iterator[LineList]:
    items = LineList()
    items.line, items.lines = node.start_mark.line + 1, [child.start_mark.line + 1 for child in node.value]
    yield items
    items.extend(loader.construct_object(child, deep=True) for child in node.value)


Reference.add_constructor("tag:yaml.org,2002:map", _map)
Reference.add_constructor("tag:yaml.org,2002:seq", _seq)


def full(text: str) -> Any:
    """What PyYAML's safe loader reads (the reference)."""
    return yaml.load(text, Loader=Reference)  # noqa: S506 - a SafeLoader


def build(text: str, **limits: int) -> Any:
    """What careerctl reads."""
    data = text.encode()
    return yamlparse.build(yamlsafe._Loader, text, Path("x.yaml"), Limits(**limits), len(data))


load = build


def same(a: Any, b: Any) -> bool:
    """Equal values of the same types, with the same lines for every mapping and key."""
    if type(a) is not type(b):
        return False
    if isinstance(a, LineDict):
        keys_a, keys_b = list(a), list(b)
        return (
            keys_a == keys_b
            and a.line == b.line
            and all(a.line_of(k) == b.line_of(k) for k in keys_a)
            and all(same(a[k], b[k]) for k in keys_a)
        )
    if isinstance(a, LineList) and (a.line, a.lines) != (b.line, b.lines):
        return False
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b) or (a != a and b != b)  # NaN


PLAIN = [
    "",
    "# only a comment\n",
    "just text\n",
    "- a\n- 1\n- [x, {y: 2}]\n",
    "version: 1\nskills:\n  - id: sql\n    levels: {1: a, 2: 'b', 3: \"c\"}\n    tags: []\n",
    "a: yes\nb: No\nc: ~\nd: null\ne: 0x1f\nf: 0o17\ng: 1_000\nh: -.inf\ni: .NaN\nj: 1:30\nk: 2024-01-02\n",
    "a: '1'\nb: \"true\"\nc: 1.5e3\nd: +12\ne: 2001-12-14t21:59:43.10-05:00\n",
    "multi: |\n  line one\n  line two\nfolded: >\n  a\n  b\n",
    "{a: 1, b: [1, 2], c: {d: e}}\n",
    "? plain\n: value\n",
    "a:\n  b:\n    c:\n      - d: 1\n        e: 2\n",
    "1: one\n2.5: two\nfalse: three\nnull: four\n",
    "---\na: 1\n...\n",
]
SAME_AS_PYYAML = [  # what the quick builder used to leave to the full loader: now built the same way
    "a: &x 1\nb: *x\n",
    "base: &b {x: 1}\nderived:\n  <<: *b\n  y: 2\n",
    "base: &b {x: 1, y: 1}\nmore: &m {y: 2, z: 2}\nderived:\n  w: 0\n  <<: [*b, *m]\n  x: 3\n",
    "a: !!str 1\n",
    "a: !!int '7'\nb: !!float '1.5'\nc: !!bool 'yes'\nd: !!null ''\n",
    "a: !!set {x, y}\n",
    "list: &l [1, [2, 3]]\nagain: *l\n",
    "! 12\n",
]
REFUSED = [  # (text, what the message says)
    ("a: !custom 1\n", "x.yaml:1: invalid YAML: could not determine a constructor for the tag '!custom'"),
    ("--- 1\n--- 2\n", "x.yaml:2: holds more than one YAML document"),
    ("a: 1\na: 2\n", "x.yaml:2: invalid YAML: duplicate key 'a'"),
    ("1: a\ntrue: b\n", "x.yaml:2: invalid YAML: duplicate key True"),
    ("? [a, b]\n: 1\n", "x.yaml:1: invalid YAML: a mapping key must be a plain value"),
    ("? {a: 1}\n: 1\n", "x.yaml:1: invalid YAML: a mapping key must be a plain value"),
    ("a: *nowhere\n", "x.yaml:1: invalid YAML: found undefined alias 'nowhere'"),
    ("a: &a [1, *a]\n", "x.yaml:1: an alias refers to a collection that contains it"),
    ("a: {<<: 3}\n", "x.yaml:1: invalid YAML: a merge key (<<) must name a mapping or a list of mappings"),
    ("a: !!int 'x'\n", "x.yaml:1: invalid YAML: 'x' is not a valid int"),
    (
        "a: !!python/name:os.system\n",
        "could not determine a constructor for the tag 'tag:yaml.org,2002:python/name:os.system'",
    ),
]


@pytest.mark.parametrize("text", PLAIN)
def test_plain_documents_read_as_pyyaml_reads_them(text: str) -> None:
    assert same(build(text), full(text))


@pytest.mark.parametrize("text", SAME_AS_PYYAML)
def test_anchors_merges_and_tags_read_as_pyyaml_reads_them(text: str) -> None:
    assert same(build(text), full(text))


@pytest.mark.parametrize(("text", "message"), REFUSED)
def test_what_careerctl_refuses_is_worded_with_its_line(text: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        build(text)
    assert message in str(caught.value)


@pytest.mark.parametrize("text", ["a: [1, 2\n", "a: b: c\n", "\t- tab\n"])
def test_syntax_errors_are_the_parser_s(text: str) -> None:
    with pytest.raises(yaml.MarkedYAMLError):
        build(text)
    with pytest.raises(InputError, match="invalid YAML"):
        parse_yaml(text.encode(), Path("x.yaml"), Limits())


def test_an_alias_is_the_object_its_anchor_built() -> None:
    doc = build("a: &a {x: [1, 2]}\nb: *a\nc: *a\n")
    assert doc["b"] is doc["a"] and doc["c"] is doc["a"]


def test_an_alias_deeper_than_the_limit_is_refused() -> None:
    deep = "a: &a [[[1]]]\nb: [[[*a]]]\n"
    assert build(deep, max_depth=7)
    with pytest.raises(InputError, match="x.yaml:2: nested deeper than 6 levels"):
        build(deep, max_depth=6)


def test_the_expanded_size_limit_counts_what_aliases_bring_in() -> None:
    text = "a: &a [" + ", ".join(["xxxxxxxx"] * 10) + "]\nb: [" + ", ".join(["*a"] * 10) + "]\n"
    # 151 bytes of text; each *a adds its list: (1 + 10 items) x 2 bytes + 10 x 8 letters = 102
    assert build(text, max_expanded=1171)
    with pytest.raises(
        InputError,
        match=r"x.yaml:1: is about 1,171 bytes with its YAML aliases written out, over the limit of 1,170",
    ):
        build(text, max_expanded=1170)


def test_errors_name_the_same_file_and_line_as_before(tmp_path: Path) -> None:
    data = b"version: 1\nroles:\n  - id: a\n    id: b\n"
    with pytest.raises(InputError, match=r"x\.yaml:4: invalid YAML: duplicate key 'id'"):
        parse_yaml(data, tmp_path / "x.yaml", Limits())


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=False),
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12),
    st.sampled_from(["yes", "off", "~", "0x10", "1:20", "2020-02-02", "<<", "=", "-", "- a", "#", "a: b"]),
)
keys = st.one_of(st.text("abcxyz-_ 019:", min_size=1, max_size=6), st.integers(0, 9), st.booleans())
documents = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=4),
    max_leaves=25,
)


@settings(max_examples=300, deadline=None)
@given(documents, st.sampled_from([None, True, False]), st.integers(1, 6))
def test_any_dumped_document_reads_as_pyyaml_reads_it(doc: Any, flow: bool | None, indent: int) -> None:
    text = yaml.safe_dump(doc, default_flow_style=flow, indent=max(2, indent), allow_unicode=True)
    assert same(load(text), full(text))
