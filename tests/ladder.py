"""A three-rung, four-skill KB for the assessment tests: short enough to answer by keystrokes."""

from __future__ import annotations

from pathlib import Path

from kbfiles import write_kb

SKILLS = """\
version: 1
skills:
  - id: coding
    name: Coding
    category: programming
    summary: Writing programs.
    levels: {1: Writes a script, 2: Writes a module, 3: Designs a package, 4: Leads a codebase, 5: Shapes a language}
  - id: sql
    name: SQL
    category: data
    summary: Querying data.
    levels: {1: Selects rows, 2: Joins tables, 3: Tunes queries, 4: Designs schemas, 5: Writes planners}
  - id: testing
    name: Testing
    category: quality
    summary: Checking that programs work.
    levels: {1: Runs the tests, 2: Writes unit tests, 3: Designs test suites, 4: Sets test strategy, 5: Writes test tools}
  - id: design
    name: Design
    category: architecture
    summary: Shaping systems.
    levels: {1: Reads a diagram, 2: Draws a component, 3: Designs a service, 4: Designs a platform, 5: Sets the architecture}
"""

ROLES = """\
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
      - {role: mid, years: 2}
  - id: mid
    name: Mid Dev
    track: dev
    seniority: 2
    summary: Ships features.
    skills: {coding: 2, sql: 2, testing: 2}
    next:
      - {role: senior, years: 3}
  - id: senior
    name: Senior Dev
    aliases: [sr]
    track: dev
    seniority: 3
    summary: Leads work.
    skills: {coding: 3, sql: 3, testing: 3, design: {level: 2, weight: 5}}
"""


def write_ladder(folder: Path) -> Path:
    """Write the ladder KB into `folder` and return the folder."""
    return write_kb(folder, SKILLS, ROLES)
