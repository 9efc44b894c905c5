"""The quick YAML builder gives exactly what the full loader gives (values, types, lines, errors)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from careerctl.errors import InputError
from careerctl.kb import yamlparse, yamlsafe
from careerctl.kb.yamlio import Limits, LineDict, LineList, parse_yaml


def full(text: str) -> Any:
    """What the full safe loader reads (the reference)."""
    return yaml.load(text, Loader=yamlsafe._Loader)  # noqa: S506 - a SafeLoader


def build(text: str) -> Any:
    """What the quick builder reads, or Unsupported / YAMLError."""
    return yamlparse.build(yamlsafe._Loader, text, Limits().max_depth)


def load(text: str) -> Any:
    """The quick builder where it can, else the full loader: what careerctl reads."""
    try:
        return build(text)
    except (yamlparse.Unsupported, yaml.YAMLError):
        return full(text)


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
FALLBACK = [  # the quick builder gives up; the full loader must answer
    "a: &x 1\nb: *x\n",
    "base: &b {x: 1}\nderived:\n  <<: *b\n  y: 2\n",
    "a: !!str 1\n",
    "a: !custom 1\n",
    "--- 1\n--- 2\n",
    "a: 1\na: 2\n",
    "1: a\ntrue: b\n",
    "? [a, b]\n: 1\n",
    "? {a: 1}\n: 1\n",
    "a: =\n",
    "= : 1\n",
    "a: [1, 2\n",
    "a: b: c\n",
    "\t- tab\n",
    "! 12\n",
]


@pytest.mark.parametrize("text", PLAIN)
def test_plain_documents_build_quickly_and_equal_the_full_loader(text: str) -> None:
    assert same(build(text), full(text))


@pytest.mark.parametrize("text", FALLBACK)
def test_other_documents_fall_back_to_the_full_loader(text: str) -> None:
    with pytest.raises((yamlparse.Unsupported, yaml.YAMLError)):
        build(text)
    try:
        expected: Any = full(text)
    except yaml.YAMLError as exc:
        with pytest.raises(type(exc)) as caught:
            load(text)
        assert str(caught.value) == str(exc)
    else:
        assert same(load(text), expected)


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
def test_any_dumped_document_reads_the_same_both_ways(doc: Any, flow: bool | None, indent: int) -> None:
    text = yaml.safe_dump(doc, default_flow_style=flow, indent=max(2, indent), allow_unicode=True)
    assert same(load(text), full(text))
