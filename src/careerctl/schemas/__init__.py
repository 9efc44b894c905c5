"""The JSON Schemas of the --json documents, generated from the types in careerctl/results.py.

The .json files beside this module ship in the package (`careerctl kb schema KIND` prints one).
After changing a document type, regenerate them with `python -m careerctl.schemas`;
tests/test_json_schemas.py fails while a shipped file differs from what the types generate.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import msgspec

from careerctl.results import DOCUMENTS

FOLDER = Path(__file__).parent
DIALECT = "https://json-schema.org/draft/2020-12/schema"


def schema_of(kind: str) -> dict[str, Any]:
    """The JSON Schema of careerctl.KIND/1, from its Struct: descriptions from the fields and docstrings."""
    doc_type = DOCUMENTS[kind]
    (_,), parts = msgspec.json.schema_components([doc_type], ref_template="#/$defs/{name}")
    top = parts.pop(doc_type.__name__)
    tag = f"careerctl.{kind}/1"
    return {"$schema": DIALECT, "$id": tag, **top, "title": tag, "$defs": dict(sorted(parts.items()))}


def schema_text(kind: str) -> str:
    """The shipped file's text for careerctl.KIND/1."""
    return json.dumps(schema_of(kind), indent=2, ensure_ascii=False) + "\n"


def write_all(folder: Path = FOLDER) -> list[Path]:
    """Write every schema file; the paths written."""
    written = []
    for kind in sorted(DOCUMENTS):
        target = folder / f"{kind}.json"
        target.write_text(schema_text(kind), encoding="utf-8")
        written.append(target)
    return written
