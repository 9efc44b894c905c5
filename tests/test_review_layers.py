"""Reviews, calibration and evidence are core: they import no UI library, no store and no git runner."""

from __future__ import annotations

import subprocess
import sys

CORE = ["careerctl.review", "careerctl.calibration", "careerctl.evidence", "careerctl.evidence_signals"]
BANNED = (
    "typer",
    "click",
    "rich",
    "questionary",
    "prompt_toolkit",
    "careerctl.store",
    "careerctl.records",
    "careerctl.scan",
    "careerctl.render",
    "subprocess_marker",
)


def test_the_new_core_modules_import_no_ui_no_store_and_no_scan() -> None:
    code = (
        "import sys\n"
        + "".join(f"import {module}\n" for module in CORE)
        + f"print(sorted(m for m in sys.modules if m.startswith({BANNED!r})))"
    )
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "[]"
