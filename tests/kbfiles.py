"""Small KBs as YAML text, with known line numbers, written to a folder."""

from __future__ import annotations

import textwrap
from pathlib import Path

MINI_SKILLS = """\
version: 1
skills:
  - id: coding
    name: Coding
    category: programming
    summary: Writing programs.
    levels: {1: Writes a script, 2: Writes a module, 3: Designs a package, 4: Leads a codebase, 5: Shapes a language}
    effort: {1: 1, 2: 2, 3: 3, 4: 4, 5: 5}
    resources:
      - {title: A book, kind: book, level: 2}
  - id: sql
    name: SQL
    category: data
    summary: Querying data.
    levels: {1: Selects rows, 2: Joins tables, 3: Tunes queries, 4: Designs schemas, 5: Writes planners}
    requires: {coding: 1}
    resources:
      - {title: Docs, kind: docs, level: 1, url: https://example.org}
"""

MINI_ROLES = """\
version: 1
roles:
  - id: junior
    name: Junior Dev
    aliases: [jr]
    track: dev
    seniority: 1
    summary: Starts out.
    skills: {coding: 1, sql: 1}
    next:
      - {role: senior, years: 2}
  - id: senior
    name: Senior Dev
    aliases: [sr]
    track: dev
    seniority: 2
    summary: Knows things.
    skills: {coding: 3, sql: {level: 2, weight: 5}}
checks:  # the calibration rules have their own tests (test_calibrate.py)
  skip: [resource-per-level]
"""


def write_kb(folder: Path, skills: str = MINI_SKILLS, roles: str = MINI_ROLES) -> Path:
    """Write a two-file KB into `folder` and return the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "skills.yaml").write_text(textwrap.dedent(skills), encoding="utf-8")
    (folder / "roles.yaml").write_text(textwrap.dedent(roles), encoding="utf-8")
    return folder
