"""Layering rules that keep careerctl fast and testable: the core imports no UI library."""

from __future__ import annotations

import subprocess
import sys

CORE = [
    "careerctl.model",
    "careerctl.errors",
    "careerctl.names",
    "careerctl.levels",
    "careerctl.plan",
    "careerctl.route",
    "careerctl.match",
    "careerctl.kb.load",
    "careerctl.kb.validate",
    "careerctl.kb.stats",
    "careerctl.assess",
    "careerctl.store",
]
UI = ("typer", "click", "rich", "questionary", "prompt_toolkit")


def test_the_core_imports_no_ui_library() -> None:
    code = (
        "import sys\n"
        + "".join(f"import {module}\n" for module in CORE)
        + f"print(sorted(m for m in sys.modules if m.split('.')[0] in {UI!r}))"
    )
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "[]"
