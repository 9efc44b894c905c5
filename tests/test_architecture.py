"""Layering rules that keep careerctl fast and testable, checked on the source of every module.

The core (model, kb, names, levels, plan, route, match, assess, team, errors) imports nothing from the
renderers, the store, the prompts, the command lines or the app; the renderers do not reach
back into the store or the assessment; each heavy UI library has one home. Imports inside
`if TYPE_CHECKING:` are annotations, not dependencies: they never run, so they are not counted.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
CORE = ("careerctl.model", "careerctl.errors", "careerctl.names", "careerctl.levels", "careerctl.plan",
        "careerctl.route", "careerctl.match", "careerctl.assess", "careerctl.kb", "careerctl.team",
        "careerctl.review", "careerctl.calibration", "careerctl.evidence", "careerctl.evidence_signals")  # fmt: skip
CLI = (
    "careerctl.cli",
    "careerctl.cli_base",
    "careerctl.cli_options",
    "careerctl.cli_profile",
    "careerctl.cli_team",
    "careerctl.cli_review",
    "careerctl.cli_click",
    "careerctl.cli_kb",
)
OUTSIDE_THE_CORE = ("careerctl.render", "careerctl.store", "careerctl.prompts", *CLI,
                    "careerctl.entry", "careerctl.app", "careerctl.context", "careerctl.results",
                    "careerctl.records", "careerctl.scan")  # fmt: skip
UI = ("typer", "click", "rich", "questionary", "prompt_toolkit")
HOMES = {
    "rich": ("careerctl.render",),
    "typer": CLI,
    "questionary": ("careerctl.prompts",),
}
"""Each heavy library, and the only modules that may import it."""


def within(module: str, packages: tuple[str, ...]) -> bool:
    return any(module == p or module.startswith(p + ".") for p in packages)


def imports(source: str, module: str) -> list[str]:
    """The modules `source` (the text of `module`) imports when it runs, at any depth, relative ones resolved."""
    found: list[str] = []

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            found.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = module.split(".")[: -node.level]
                base = ".".join([*parent, base] if base else parent)
            found.append(base)
            found.extend(f"{base}.{alias.name}" for alias in node.names)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(ast.parse(source))
    return found


def violations(module: str, source: str) -> list[str]:
    """Every layering rule that `module`, with this source, breaks."""
    broken = []
    for name in imports(source, module):
        top = name.split(".")[0]
        if within(module, CORE) and (within(name, OUTSIDE_THE_CORE) or top in UI):
            broken.append(f"{module} (core) imports {name}")
        if within(module, ("careerctl.render",)) and within(
            name,
            ("careerctl.store", "careerctl.assess", "careerctl.app", "careerctl.cli", "careerctl.prompts"),
        ):
            broken.append(f"{module} (a renderer) imports {name}")
        if top in HOMES and not within(module, HOMES[top]):
            broken.append(f"{module} imports {top}, which lives in {' and '.join(HOMES[top])} only")
    return sorted(set(broken))


def modules() -> list[tuple[str, Path]]:
    found = []
    for path in sorted((SRC / "careerctl").rglob("*.py")):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found.append((".".join(parts), path))
    return found


@pytest.mark.parametrize(("module", "path"), modules(), ids=[m for m, _ in modules()])
def test_every_module_keeps_to_its_layer(module: str, path: Path) -> None:
    assert violations(module, path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    ("module", "source", "broken"),
    [
        ("careerctl.plan", "from careerctl.render.json import emit\n", "careerctl.plan (core) imports careerctl.render.json"),
        ("careerctl.plan", "def f():\n    from careerctl.render import rich\n", "careerctl.plan (core) imports careerctl.render"),
        ("careerctl.kb.load", "from ..render import json\n", "careerctl.kb.load (core) imports careerctl.render"),
        ("careerctl.route", "import careerctl.store\n", "careerctl.route (core) imports careerctl.store"),
        ("careerctl.match", "from careerctl import app\n", "careerctl.match (core) imports careerctl.app"),
        ("careerctl.render.rich", "from careerctl.store import read_profile\n", "careerctl.render.rich (a renderer) imports careerctl.store"),
        ("careerctl.render.profile", "from careerctl.assess import latest_levels\n", "careerctl.render.profile (a renderer) imports careerctl.assess"),
        ("careerctl.app", "import rich\n", "careerctl.app imports rich, which lives in careerctl.render only"),
        ("careerctl.render.rich", "import typer\n", "careerctl.render.rich imports typer, which lives in careerctl.cli and careerctl.cli_base and careerctl.cli_options and careerctl.cli_profile and careerctl.cli_team and careerctl.cli_review and careerctl.cli_click and careerctl.cli_kb only"),
        ("careerctl.cli", "import questionary\n", "careerctl.cli imports questionary, which lives in careerctl.prompts only"),
    ],
)  # fmt: skip
def test_the_checker_fails_a_module_that_breaks_a_rule(module: str, source: str, broken: str) -> None:
    assert broken in violations(module, source)


def test_annotations_only_imports_are_not_dependencies() -> None:
    source = (
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from careerctl.render.json import emit\n"
    )
    assert violations("careerctl.plan", source) == []


def test_the_core_the_store_and_the_app_import_no_ui_library_when_they_run() -> None:
    core = [m for m, _ in modules() if within(m, CORE)] + ["careerctl.store", "careerctl.app"]
    code = (
        "import sys\n"
        + "".join(f"import {module}\n" for module in core)
        + f"print(sorted(m for m in sys.modules if m.split('.')[0] in {UI!r}))"
    )
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "[]"
