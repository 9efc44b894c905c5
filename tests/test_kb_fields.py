"""The second-edition fields: resources' author, cost, language and stack; skills' technologies and
replaces; aliases with spaces. All optional, all checked, all kept by the cache."""

from __future__ import annotations

from pathlib import Path

import pytest

from careerctl.errors import InvalidKB
from careerctl.kb.load import load_kb
from careerctl.model import Resource, Skill
from kbfiles import MINI_ROLES, MINI_SKILLS, write_kb

RICH_SQL = """\
  - id: sql
    name: SQL
    category: data
    summary: Querying data.
    replaces: [queries, old-sql]
    technologies: [postgresql, mysql, sqlite, node.js, t_sql]
    levels: {1: Selects rows, 2: Joins tables, 3: Tunes queries, 4: Designs schemas, 5: Writes planners}
    requires: {coding: 1}
    resources:
      - title: Docs
        author: The PostgreSQL Global Development Group
        kind: docs
        level: 1
        url: https://example.org
        cost: free
        language: id
        stack: [python, java]
"""


def rich_kb(tmp_path: Path, sql: str = RICH_SQL, roles: str = MINI_ROLES) -> Path:
    skills = MINI_SKILLS[: MINI_SKILLS.index("  - id: sql")] + sql
    return write_kb(tmp_path, skills=skills, roles=roles)


def errors_of(folder: Path) -> list[str]:
    with pytest.raises(InvalidKB) as caught:
        load_kb(folder)
    return [str(p) for p in caught.value.problems if p.severity == "error"]


def test_new_fields_are_read(tmp_path: Path) -> None:
    skill = load_kb(rich_kb(tmp_path)).kb.skills["sql"]
    assert skill.replaces == ("queries", "old-sql")
    assert skill.technologies == ("postgresql", "mysql", "sqlite", "node.js", "t_sql")
    assert skill.resources[0] == Resource(
        title="Docs",
        kind="docs",
        level=1,
        url="https://example.org",
        author="The PostgreSQL Global Development Group",
        cost="free",
        language="id",
        stack=("python", "java"),
    )


def test_old_kbs_load_with_the_defaults(mini_kb: Path) -> None:
    kb = load_kb(mini_kb).kb
    resource = kb.skills["sql"].resources[0]
    assert (resource.author, resource.cost, resource.language, resource.stack) == (None, None, "en", ())
    assert (kb.skills["sql"].technologies, kb.skills["sql"].replaces) == ((), ())


def test_the_cache_keeps_the_new_fields(tmp_path: Path) -> None:
    folder, cache = rich_kb(tmp_path / "kb"), tmp_path / "cache"
    first = load_kb(folder, cache_dir=cache)
    again = load_kb(folder, cache_dir=cache)
    assert (first.from_cache, again.from_cache) == (False, True)
    assert again.kb.skills["sql"] == first.kb.skills["sql"]
    assert again.kb.skills["sql"].resources[0].stack == ("python", "java")


@pytest.mark.parametrize(
    ("old", "new", "fragment"),
    [
        ("cost: free", "cost: cheap", "sql.resources[0].cost: must be one of free, paid"),
        ("language: id", "language: fr", "sql.resources[0].language: must be one of en, id"),
        (
            "stack: [python, java]",
            "stack: [Python]",
            "sql.resources[0].stack: 'Python' must be one lowercase word",
        ),
        (
            "stack: [python, java]",
            "stack: python",
            "sql.resources[0].stack: must be a list of non-empty texts",
        ),
        ("author: The PostgreSQL", "authors: The PostgreSQL", "sql.resources[0].authors: unknown key"),
        (
            "technologies: [postgresql,",
            "technologies: [postgre sql,",
            "'postgre sql' must be one lowercase word",
        ),
        (
            "replaces: [queries, old-sql]",
            "replaces: [Old_SQL]",
            "sql.replaces: id 'Old_SQL' must be kebab-case",
        ),
        ("replaces: [queries, old-sql]", "replaces: queries", "sql.replaces: must be a list of skill ids"),
        ("    replaces:", "    replace:", "sql.replace: unknown key"),
    ],
)
def test_bad_new_fields_are_errors_naming_the_key(tmp_path: Path, old: str, new: str, fragment: str) -> None:
    assert old in RICH_SQL
    found = errors_of(rich_kb(tmp_path, RICH_SQL.replace(old, new)))
    assert any(fragment in message and "skills.yaml:" in message for message in found), found


def test_technologies_in_any_script_are_tokens(tmp_path: Path) -> None:
    sql = RICH_SQL.replace("technologies: [postgresql,", "technologies: [постгрес, データベース,")
    assert load_kb(rich_kb(tmp_path, sql)).kb.skills["sql"].technologies[:2] == ("постгрес", "データベース")


def test_aliases_may_hold_single_inner_spaces(tmp_path: Path) -> None:
    roles = MINI_ROLES.replace("aliases: [sr]", "aliases: [sr, backend engineer, software.engineer]")
    assert load_kb(rich_kb(tmp_path, roles=roles)).kb.roles["senior"].aliases[1] == "backend engineer"


@pytest.mark.parametrize("alias", ["backend  engineer", "Backend Engineer", "backend_engineer"])
def test_aliases_with_other_spacing_or_case_are_errors(tmp_path: Path, alias: str) -> None:
    roles = MINI_ROLES.replace("aliases: [sr]", f"aliases: ['{alias}']")
    found = errors_of(rich_kb(tmp_path, roles=roles))
    assert any(
        "senior.aliases: alias" in m and "must be kebab-case (single inner spaces allowed)" in m
        for m in found
    )


def resources(*specs: tuple[int, tuple[str, ...]]) -> Skill:
    found = tuple(Resource(f"r{i}", "docs", level, stack=stack) for i, (level, stack) in enumerate(specs))
    return Skill("s", "S", "c", "", ("a",) * 5, {}, (1,) * 5, found)


@pytest.mark.parametrize(
    ("specs", "level", "stack", "chosen"),
    [
        (((2, ("java",)), (2, ()), (2, ("python",))), 2, "python", "r2"),  # the person's stack first
        (((2, ("java",)), (2, ()), (2, ("python",))), 2, "go", "r1"),  # then a stack-neutral one
        (((2, ("java",)), (2, ()), (2, ("python",))), 2, None, "r1"),  # no stack: neutral first
        (((2, ("java",)),), 2, "python", "r0"),  # another stack beats nothing
        (((1, ("python",)), (2, ("java",))), 2, "python", "r1"),  # the right level beats the stack
        (((1, ()), (3, ("python",))), 2, "python", "r0"),  # nearest below beats above
    ],
)
def test_resource_for_prefers_the_persons_stack(
    specs: tuple[tuple[int, tuple[str, ...]], ...], level: int, stack: str | None, chosen: str
) -> None:
    found = resources(*specs).resource_for(level, stack)
    assert found is not None and found.title == chosen
