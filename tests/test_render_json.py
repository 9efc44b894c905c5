"""JSON documents are printed exactly as json.dumps(indent=2, ensure_ascii=False) prints them."""

from __future__ import annotations

import json
import math
from typing import Any

from hypothesis import example, given, settings
from hypothesis import strategies as st

from careerctl.render.json import dumps

leaves = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**63), 2**63 - 1),
    st.floats(allow_nan=False),
    st.text(),
)
documents = st.recursive(
    leaves,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=30,
)


@settings(max_examples=500, deadline=None)
@given(documents)
@example(
    {"empty": [], "none": {}, "nested": [[]], "small": 1e-05, "big": 1e16, "sum": 0.1 + 0.2, "zero": -0.0}
)
@example({"text": '\x00\x1f\x7f\u2028\u2029"\\/ é 中 😀', "max": 1.7976931348623157e308, "tiny": 5e-324})
@example({"nan": math.nan, "inf": [math.inf, -math.inf]})
@example({"surrogate": "\ud800"})
def test_dumps_is_json_dumps_indented(doc: Any) -> None:
    assert dumps(doc) == json.dumps(doc, ensure_ascii=False, indent=2)
