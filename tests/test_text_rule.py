"""The one rule for text from data: what reorders, hides or breaks lines is shown, never obeyed."""

from __future__ import annotations

from pathlib import Path

import pytest

from careerctl.kb.yamlio import Limits, parse_yaml
from careerctl.model import Assessment, Profile
from careerctl.store import dump_profile, parse_profile

SNEAKY = "a\u202eb\u200bc\u2066d\ufeffe\u00adf"


@pytest.mark.parametrize("where", ["current", "note"])
def test_profile_export_writes_invisible_characters_as_escapes(where: str) -> None:
    note = {"sql": SNEAKY} if where == "note" else {}
    item = Assessment("2026-01-01T00:00:00Z", "kb", "j", "s", ("sql",), {"sql": 2}, note, True)
    profile = Profile(SNEAKY if where == "current" else "j", "s", (item,))
    text = dump_profile(profile).decode("utf-8")
    assert not set(text) & set(SNEAKY) - set("abcdef")
    assert '"a\\u202eb\\u200bc\\u2066d\\uFEFFe\\u00adf"' in text  # PyYAML escapes the BOM itself
    assert parse_profile(parse_yaml(text.encode(), Path("p.yaml"), Limits()), Path("p.yaml")) == profile
