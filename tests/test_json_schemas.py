"""Every --json document matches the JSON Schema shipped inside the package."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import jsonschema
import pytest
from typer.testing import CliRunner

from careerctl.cli import app

COMMANDS = [
    ["roles", "--json"],
    ["skills", "--json"],
    ["show", "senior", "--json"],
    ["show", "sql", "--json"],
    ["kb", "validate", "data", "--json"],
    ["kb", "stats", "--json"],
    ["plan", "--from", "junior", "--target", "senior", "--json"],
    ["plan", "--from", "senior", "--target", "senior", "--json"],
    ["path", "junior", "cto", "--alternatives", "2", "--json"],
    ["path", "senior", "intern", "--json"],
    ["match", "--from", "mid", "--json"],
]


def schema_for(doc: dict[str, Any]) -> dict[str, Any]:
    kind = doc["schema"].removeprefix("careerctl.").removesuffix("/1")
    text = resources.files("careerctl").joinpath("schemas", f"{kind}.json").read_text(encoding="utf-8")
    return json.loads(text)  # type: ignore[no-any-return]


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_json_output_matches_its_schema(runner: CliRunner, args: list[str]) -> None:
    result = runner.invoke(app, args)
    doc = json.loads(result.stdout)
    jsonschema.validate(doc, schema_for(doc), cls=jsonschema.Draft202012Validator)
