"""Input limits: generous defaults, each can be raised, each is enforced exactly and cheaply."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from careerctl.cli import app
from careerctl.errors import InputError
from careerctl.kb import yamlsafe
from careerctl.kb.load import load_kb
from careerctl.kb.yamlio import DEPTH_CEILING, Limits, parse_yaml, read_bytes
from conftest import BUNDLED
from kbfiles import write_kb


def parse(text: str, **limits: int) -> Any:
    return parse_yaml(text.encode(), Path("f.yaml"), Limits(**limits))


def nested_maps(depth: int) -> str:
    """`depth` block mappings, each inside the one before, one space deeper."""
    return "".join(" " * i + f"k{i}:\n" for i in range(depth - 1)) + " " * (depth - 1) + "end: 1\n"


def test_defaults_are_generous() -> None:
    assert Limits() == Limits(
        max_bytes=64 * 1024 * 1024,
        max_aliases=10_000,
        max_alias_nodes=1_000_000,
        max_depth=64,
        max_expanded=64 * 1024 * 1024,
    )
    assert Limits.for_person().max_expanded == 16 * 1024 * 1024


@pytest.mark.parametrize(
    ("name", "field", "value"),
    [
        ("CAREERCTL_MAX_BYTES", "max_bytes", 1000),
        ("CAREERCTL_MAX_ALIASES", "max_aliases", 5),
        ("CAREERCTL_MAX_ALIAS_NODES", "max_alias_nodes", 70),
        ("CAREERCTL_MAX_DEPTH", "max_depth", 200),
    ],
)
def test_each_limit_can_be_overridden(
    monkeypatch: pytest.MonkeyPatch, name: str, field: str, value: int
) -> None:
    monkeypatch.setenv(name, str(value))
    assert getattr(Limits.from_env(), field) == value


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("CAREERCTL_MAX_BYTES", "lots", "$CAREERCTL_MAX_BYTES: must be a whole number, not 'lots'"),
        ("CAREERCTL_MAX_ALIASES", "0", "$CAREERCTL_MAX_ALIASES: must be greater than 0"),
        ("CAREERCTL_MAX_DEPTH", str(DEPTH_CEILING + 1), "$CAREERCTL_MAX_DEPTH: must be at most 1,000"),
    ],
)
def test_a_bad_override_is_a_clear_error(
    runner: CliRunner, mini_kb: Path, monkeypatch: pytest.MonkeyPatch, name: str, value: str, message: str
) -> None:
    monkeypatch.setenv(name, value)
    result = runner.invoke(app, ["--kb", str(mini_kb), "roles"])
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", f"careerctl: {message}\n")


def test_depth_is_exact_for_block_and_flow_nesting() -> None:
    assert parse(nested_maps(64))
    with pytest.raises(InputError, match="f.yaml:65: nested deeper than 64 levels"):
        parse(nested_maps(65))
    assert parse("[" * 64 + "]" * 64)
    with pytest.raises(InputError, match="nested deeper than 64 levels"):
        parse("[" * 65 + "]" * 65)
    assert parse(nested_maps(65), max_depth=65)


def test_depth_counts_what_aliases_bring_in() -> None:
    inner = "[" * 40 + "]" * 40
    with pytest.raises(InputError, match="nested deeper than 64 levels"):
        parse(f"a: &a {inner}\nb: {'[' * 30}*a{']' * 30}\n")


def test_far_too_deep_is_refused_before_parsing() -> None:
    """The C parser recurses per level and would crash the process; the pre-scan stops it first."""
    for text in ["[" * 100_000, "- " * 100_000 + "x", "? " * 100_000 + "x", "{a: " * 50_000]:
        with pytest.raises(InputError, match="nested deeper than 1000 levels"):
            parse(text, max_depth=DEPTH_CEILING)


def test_brackets_inside_text_do_not_count_as_nesting() -> None:
    assert parse("a: '" + "[" * 100 + "'\nb: " + "x]" * 100 + "\n") is not None


def test_alias_count_limit_is_exact() -> None:
    ten = "a: &a 1\nb: [" + ", ".join(["*a"] * 10) + "]\n"
    assert parse(ten, max_aliases=10)["b"] == [1] * 10
    with pytest.raises(InputError, match="f.yaml:1: uses 10 YAML aliases, over the limit of 9"):
        parse(ten, max_aliases=9)


def test_an_alias_flood_is_refused_before_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def parse_it(*_: object) -> None:
        raise AssertionError("the document was parsed")

    monkeypatch.setattr(yamlsafe._Loader, "get_event", parse_it)
    flood = "a: &a 1\nb: [" + ", ".join(["*a"] * 41) + "]\n"
    with pytest.raises(InputError, match="uses about 41 YAML aliases, over the limit of 10"):
        parse(flood, max_aliases=10)


def test_alias_expansion_limit_is_exact() -> None:
    text = "a: &a [1, 2, 3, 4]\nb: [*a, *a]\n"  # each *a brings in 5 values: the list and its 4 items
    assert parse(text, max_alias_nodes=10)
    with pytest.raises(
        InputError, match="f.yaml:1: its YAML aliases expand to 10 more values, over the limit of 9"
    ):
        parse(text, max_alias_nodes=9)


def test_an_alias_bomb_is_refused_without_building_it() -> None:
    bomb = (Path(__file__).parent / "corpus" / "skills" / "billion-laughs.yaml").read_bytes()
    assert len(bomb) <= 1024

    import tracemalloc

    tracemalloc.start()
    with pytest.raises(InputError, match="aliases expand to 23,456,790,101 more values"):
        parse_yaml(bomb, Path("bomb.yaml"), Limits())
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 2_000_000  # the expansion is measured, never made


def test_merge_keys_work_and_written_keys_override_merged_ones() -> None:
    doc = parse("base: &b {level: 2, weight: 5}\nsql:\n  <<: *b\n  level: 3\n")
    assert doc["sql"] == {"level": 3, "weight": 5}
    with pytest.raises(InputError, match="f.yaml:5: invalid YAML: duplicate key 'level'"):
        parse("base: &b {level: 2}\nsql:\n  <<: *b\n  level: 3\n  level: 4\n")


def test_impossible_dates_stay_text_and_long_numbers_are_refused() -> None:
    assert parse("version: 2024-13-45\nwhen: 2024-01-01\n") == {
        "version": "2024-13-45",
        "when": date(2024, 1, 1),
    }
    # an offset with seconds: PyYAML's resolver takes it for a time, its constructor then crashed
    assert parse("at: 1941-01-01 00:00:00+03:22:20\n") == {"at": "1941-01-01 00:00:00+03:22:20"}
    with pytest.raises(InputError, match="f.yaml:1: invalid YAML: a number with too many digits"):
        parse("a: " + "1" * 10_000)


def test_size_limit_is_checked_before_reading(tmp_path: Path) -> None:
    """A sparse 300 MB file is refused from its size alone: nothing is read."""
    big = tmp_path / "big.yaml"
    with big.open("wb") as handle:
        handle.truncate(300 * 1024 * 1024)
    with pytest.raises(InputError, match="larger than the 67,108,864-byte limit"):
        read_bytes(big, Limits())
    small = tmp_path / "small.yaml"
    small.write_bytes(b"x" * 11)
    assert read_bytes(small, Limits(max_bytes=11)) == b"x" * 11
    with pytest.raises(InputError, match="larger than the 10-byte limit"):
        read_bytes(small, Limits(max_bytes=10))


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "answers.yaml"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="is not a regular file"):
        read_bytes(fifo, Limits())


def test_a_normal_kb_uses_few_of_its_limits(tmp_path: Path) -> None:
    """The bundled KB and one written with anchors and merge keys load with the defaults."""
    assert load_kb(BUNDLED).kb.roles
    roles = (
        "version: 1\nroles:\n"
        "  - {id: junior, name: J, track: dev, seniority: 1, summary: s, skills: &core {coding: 1, sql: 1},"
        " next: [{role: senior, years: 2}]}\n"
        "  - {id: senior, name: S, track: dev, seniority: 2, summary: s, skills: {<<: *core, coding: 3}}\n"
    )
    kb = load_kb(write_kb(tmp_path / "kb", roles=roles)).kb
    assert kb.roles["senior"].required() == {"coding": 3, "sql": 1}


# An ESCO-sized KB (3,039 roles, 13,492 skills, 128,987 requirements) loading with the default
# limits is tested with the real ESCO files: test_import_esco.py::test_real_esco_kb_plans_matches_and_routes.


def test_a_small_profile_that_expands_into_a_huge_one_is_refused(tmp_path: Path) -> None:
    """66 KB within the alias limits used to import as a 25 MB profile; now it is refused at once."""
    from careerctl.store import load_profile

    notes = "n" * 1500
    levels = "{" + ", ".join(f"s{n}: 3" for n in range(90)) + "}"
    text = (
        f"version: 1\nx: &levels {levels}\nn: &notes {{a: {notes}, b: {notes}, c: {notes}}}\nassessments:\n"
        + "".join(
            "  - {at: '2026-01-01T00:00:00Z', kb: k, levels: *levels, notes: *notes}\n" for _ in range(4000)
        )
    )
    path = tmp_path / "profile.yaml"
    path.write_text(text)
    assert len(text) < 700_000
    with pytest.raises(
        InputError,
        match=r"profile.yaml:2: is about 2\d,\d{3},\d{3} bytes with its YAML aliases"
        r" written out, over the limit of 16,777,216 \(set CAREERCTL_MAX_PROFILE_BYTES",
    ):
        load_profile(path)
