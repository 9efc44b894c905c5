"""Every --json document matches the JSON Schema shipped inside the package, generated from its type."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import jsonschema
import pytest
from typer.testing import CliRunner

from careerctl.cli import app
from careerctl.results import DOCUMENTS
from careerctl.schemas import schema_of, schema_text

COMMANDS = [
    ["roles", "--json"],
    ["skills", "--json"],
    ["show", "senior", "--json"],
    ["show", "sql", "--json"],
    ["search", "kafka", "--json"],
    ["search", "nothing-matches-this", "--json"],
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


@pytest.mark.parametrize("kind", sorted(DOCUMENTS))
def test_the_shipped_schema_is_what_the_types_generate(kind: str) -> None:
    shipped = resources.files("careerctl").joinpath("schemas", f"{kind}.json").read_text(encoding="utf-8")
    assert shipped == schema_text(kind), (
        f"regenerate with `python -m careerctl.schemas` ({kind}.json drifted)"
    )


def test_a_changed_type_is_caught_as_drift(monkeypatch: pytest.MonkeyPatch) -> None:
    import msgspec

    class Changed(msgspec.Struct):
        """careerctl.match/1 with a key renamed."""

        schema: str
        renamed: int

    monkeypatch.setitem(DOCUMENTS, "match", Changed)
    shipped = resources.files("careerctl").joinpath("schemas", "match.json").read_text(encoding="utf-8")
    assert shipped != schema_text("match")


def test_every_document_field_is_described_or_named_by_its_type() -> None:
    for kind in DOCUMENTS:
        schema = schema_of(kind)
        assert schema["description"].startswith(f"careerctl.{kind}/1")
        assert all("description" in part for part in schema["$defs"].values())


def test_kb_schema_prints_the_shipped_file(runner: CliRunner) -> None:
    result = runner.invoke(app, ["kb", "schema", "careerctl.plan/1"])
    assert result.exit_code == 0 and json.loads(result.stdout) == schema_of("plan")


def test_the_profile_documents_match_their_schemas(runner: CliRunner) -> None:
    for args in (
        ["assess", "--current", "junior", "--target", "senior", "--set", "sql=3", "--json"],
        ["assess", "--current", "junior", "--target", "senior", "--set", "sql=4", "--json"],
        ["profile", "show", "--json"],
        ["profile", "export", "--json"],
        ["progress", "--json"],
    ):
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.stderr
        doc = json.loads(result.stdout)
        jsonschema.validate(doc, schema_for(doc), cls=jsonschema.Draft202012Validator)
