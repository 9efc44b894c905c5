"""Turn public occupation taxonomies (O*NET, ESCO) into careerctl KB folders.

`onet.import_onet` and `esco.import_esco` read a source folder and write `skills.yaml` and
`roles.yaml`; this module holds what both share: the report, slugs, rounding, table reading
and atomic, deterministic YAML writing.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

try:
    from yaml import CSafeDumper as _BaseDumper
except ImportError:  # PyYAML built without libyaml
    from yaml import SafeDumper as _BaseDumper  # type: ignore[assignment]

from careerctl.errors import InputError
from careerctl.files import atomic_write

KB_VERSION = 1
IMPORTED_CHECKS = {"skip": ["anchor-length", "anchor-title", "resource-per-level", "duplicate-anchor"]}
"""Calibration rules a public taxonomy cannot meet: it lists no resources and words anchors its own way."""
ROLES_FILE = "roles.yaml"
SKILLS_FILE = "skills.yaml"

_WORD = re.compile(r"[a-z0-9]+")
_SYMBOLS = (("+", " plus "), ("#", " sharp "), ("'", ""), ("\u2019", ""))

Row = dict[str, str]


@dataclass(frozen=True)
class ImportReport:
    """What an import wrote, and what it left out."""

    roles: int
    skills: int
    requirements: int
    transitions: int
    skipped: tuple[str, ...]
    summary: str


def slugify(text: str) -> str:
    """A kebab-case id for `text`: ASCII letters and digits joined by single hyphens."""
    for symbol, word in _SYMBOLS:
        text = text.replace(symbol, word)
    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return "-".join(_WORD.findall(ascii_.lower())) or "item"


def unique_slugs(labels: Mapping[str, str]) -> dict[str, str]:
    """Give each key the slug of its label; on a clash, the first in (label, key) order
    keeps the slug and the others get -2, -3... (skipping slugs already taken)."""
    ordered = sorted(labels, key=lambda key: (labels[key], key))
    slugs = {key: slugify(labels[key]) for key in ordered}
    ids: dict[str, str] = {}
    taken: set[str] = set()
    for key in ordered:
        if slugs[key] not in taken:
            ids[key] = slugs[key]
            taken.add(slugs[key])
    for key in ordered:
        if key not in ids:
            n = 2
            while f"{slugs[key]}-{n}" in taken:
                n += 1
            ids[key] = f"{slugs[key]}-{n}"
            taken.add(ids[key])
    return {key: ids[key] for key in ordered}


def clean(text: str) -> str:
    """`text` with surrounding and repeated whitespace (including no-break spaces) removed."""
    return " ".join(text.split())


def half_up(value: float) -> int:
    """`value` rounded to the nearest integer, halves away from zero (2.5 -> 3)."""
    return int(value + 0.5) if value >= 0 else -int(-value + 0.5)


def plural(count: int, noun: str) -> str:
    """`count` and `noun`, with an s when count is not 1 ("1 role", "3 roles")."""
    return f"{count:,} {noun}" if count == 1 else f"{count:,} {noun}s"


def build_report(
    noun: str,
    skills: Sequence[Any],
    roles: Sequence[Mapping[str, Any]],
    skipped: tuple[str, ...],
    why_skipped: str,
) -> ImportReport:
    """Count what an import wrote and say it in one sentence."""
    requirements = sum(len(r["skills"]) for r in roles)
    transitions = sum(len(r.get("next", ())) for r in roles)
    summary = (
        f"Imported {plural(len(roles), noun)}"
        f" ({plural(len(skills), 'skill')}, {plural(requirements, 'requirement')},"
        f" {plural(transitions, 'transition')})"
    )
    if skipped:
        examples = ", ".join(skipped[:3]) + (", ..." if len(skipped) > 3 else "")
        summary += f"; skipped {plural(len(skipped), 'occupation')} {why_skipped} ({examples})"
    return ImportReport(len(roles), len(skills), requirements, transitions, skipped, summary + ".")


def check_source(src: Path, kind: str) -> None:
    """An InputError unless `src` is a folder (of `kind` tables)."""
    if not src.is_dir():
        raise InputError(src, f"no such folder: expected the {kind} files here")


def read_table(path: Path, columns: Sequence[str], *, tsv: bool) -> Iterator[tuple[int, Row]]:
    """Yield (line, row) for each record of a TSV or CSV file with a header naming `columns`."""
    try:
        with path.open(encoding="utf-8", newline="") as file:
            yield from _records(path, file, columns, tsv=tsv)
    except FileNotFoundError:
        raise InputError(path, "file not found") from None
    except UnicodeDecodeError as exc:
        raise InputError(path, f"not UTF-8 text ({exc.reason})") from None
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}") from None


def _records(
    path: Path, file: Iterable[str], columns: Sequence[str], *, tsv: bool
) -> Iterator[tuple[int, Row]]:
    if tsv:
        reader = csv.reader(file, delimiter="\t", quoting=csv.QUOTE_NONE)
    else:
        reader = csv.reader(file, strict=True)
    try:
        header = next(reader, None)
        if header is None:
            raise InputError(path, "empty file, expected a header row", 1)
        missing = [c for c in columns if c not in header]
        if missing:
            raise InputError(path, f"missing column(s): {', '.join(missing)}", 1)
        where = [header.index(c) for c in columns]
        start = reader.line_num + 1
        for fields in reader:
            if len(fields) != len(header) and any(fields):
                found = f"expected {len(header)} fields, found {len(fields)}"
                raise InputError(path, found, start)
            if any(fields):
                yield start, {c: fields[i] for c, i in zip(columns, where, strict=True)}
            start = reader.line_num + 1
    except csv.Error as exc:
        raise InputError(path, f"malformed {'TSV' if tsv else 'CSV'}: {exc}", reader.line_num) from None


def number(path: Path, line: int, column: str, text: str) -> float:
    """`text` as a number, or an InputError naming the file, line and column."""
    try:
        return float(text)
    except ValueError:
        raise InputError(path, f"{column}: expected a number, found {text!r}", line) from None


class _FlowMap(dict[str, Any]):
    """A mapping written on one line: `{level: 3, weight: 4}`."""


class _Dumper(_BaseDumper):
    """The fastest safe YAML dumper available, writing _FlowMap in flow style."""

    def ignore_aliases(self, data: Any) -> bool:
        """Never write anchors and aliases: every value is spelled out."""
        return True


class _FlowList(list[Any]):
    """A list written on one line: `[a, b]`."""


def _represent_flow_map(dumper: _Dumper, data: _FlowMap) -> yaml.Node:
    return dumper.represent_mapping("tag:yaml.org,2002:map", data.items(), flow_style=True)


def _represent_flow_list(dumper: _Dumper, data: _FlowList) -> yaml.Node:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=True)


_Dumper.add_representer(_FlowMap, _represent_flow_map)
_Dumper.add_representer(_FlowList, _represent_flow_list)


def flow(**items: Any) -> dict[str, Any]:
    """A mapping that the KB writer puts on one line."""
    return _FlowMap(items)


def flow_list(*items: Any) -> list[Any]:
    """A list that the KB writer puts on one line."""
    return _FlowList(items)


def write_kb(out: Path, skills: Mapping[str, Any], roles: Mapping[str, Any]) -> None:
    """Write `skills.yaml` and `roles.yaml` into `out`, each atomically."""
    write_yaml(out / SKILLS_FILE, skills)
    write_yaml(out / ROLES_FILE, roles)


def write_yaml(path: Path, document: Mapping[str, Any]) -> None:
    """Write `document` as YAML to `path` atomically (temp file beside it, then rename)."""
    text = yaml.dump(
        dict(document),
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=1_000_000,
        default_flow_style=False,
    )
    atomic_write(path, text.encode("utf-8"))
