"""`careerctl team` end to end: six hand-computed profiles, skipped files, options and formats."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from typer.testing import CliRunner

from careerctl.cli import app
from careerctl.kb.load import load_kb
from ladder import write_ladder
from teamfiles import write_team
from test_json_schemas import schema_for


@pytest.fixture
def ladder(tmp_path: Path) -> Path:
    return write_ladder(tmp_path / "ladder")


@pytest.fixture
def folder(ladder: Path, tmp_path: Path) -> Path:
    return write_team(tmp_path / "team", load_kb(ladder).kb.identity)


def run(runner: CliRunner, ladder: Path, *args: str) -> Any:
    return runner.invoke(app, ["--kb", str(ladder), "team", *args])


def test_team_dir_json_gives_the_hand_computed_answers(runner: CliRunner, ladder: Path, folder: Path) -> None:
    result = run(runner, ladder, str(folder), "--json")
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    jsonschema.validate(doc, schema_for(doc), cls=jsonschema.Draft202012Validator)
    assert doc["schema"] == "careerctl.team/1"
    assert [p["name"] for p in doc["people"]] == ["Ana", "Ben", "Cai", "Dee", "Eli", "fay"]
    assert doc["people"][2]["levels"] == {"coding": 1, "sql": 1}  # Cai: 0 is absent
    coverage = {s["skill"]: (s["at_least_3"], s["at_least_4"]) for s in doc["skills"]}
    assert coverage == {"design": (1, 0), "sql": (1, 1), "coding": (2, 1), "testing": (0, 0)}
    assert doc["single_holders"] == [
        {"skill": "design", "person": "Ana", "level": 3},
        {"skill": "sql", "person": "Dee", "level": 4},
    ]
    assert doc["gaps"] == [{"skill": "testing", "need": 3, "best": 2, "roles": ["senior"]}]
    pairs = [(p["skill"], p["mentor"], p["mentee"]) for p in doc["mentoring"]]
    assert pairs == [
        ("design", "Ana", "Ben"),
        ("design", "Ana", "Dee"),
        ("design", "Ana", "fay"),
        ("sql", "Dee", "Ben"),
        ("sql", "Dee", "Cai"),
        ("sql", "Dee", "Eli"),
        ("sql", "Ana", "Eli"),
        ("sql", "Ben", "Eli"),
        ("sql", "Dee", "fay"),
        ("coding", "Ana", "Ben"),
        ("coding", "Ana", "Cai"),
        ("coding", "fay", "Cai"),
        ("coding", "Ana", "Dee"),
        ("testing", "Ana", "Cai"),
        ("testing", "Ben", "Cai"),
        ("testing", "fay", "Cai"),
    ]
    assert doc["mentoring_left_out"] == 1
    assert doc["readiness"][1] == {
        "role": "mid",
        "name": "Mid Dev",
        "meet_count": 3,
        "meet": ["Ana", "Ben", "fay"],
        "closest": [
            {"person": "Dee", "readiness": 0.8333},
            {"person": "Eli", "readiness": 0.5},
            {"person": "Cai", "readiness": 0.3333},
        ],
    }
    assert [(s["file"], s["line"]) for s in doc["skipped"]] == [
        (str(folder / "gus.yaml"), 8),
        (str(folder / "hal.yaml"), 8),
    ]


def test_skipped_profiles_are_named_on_stderr_and_strict_exits_2(
    runner: CliRunner, ladder: Path, folder: Path
) -> None:
    identity = load_kb(ladder).kb.identity
    expected = (
        f"careerctl: {folder / 'gus.yaml'}:8: assessments[0].levels.coding: level must be a whole number "
        "from 0 to 5, not text; left out\n"
        f"careerctl: {folder / 'hal.yaml'}:8: was made on another knowledge base (KB identity "
        f"000000000000, this one is {identity[:12]}); left out\n"
    )
    relaxed = run(runner, ladder, str(folder))
    assert relaxed.exit_code == 0 and relaxed.stderr == expected
    strict = run(runner, ladder, str(folder), "--strict", "--json")
    assert strict.exit_code == 2 and strict.stderr == expected
    assert len(json.loads(strict.stdout)["people"]) == 6  # the others are still shown
    clean = run(runner, ladder, *(str(folder / f"{n}.yaml") for n in ("ana", "ben")), "--strict")
    assert clean.exit_code == 0 and clean.stderr == ""


def test_roles_skills_and_category_take_names_and_say_did_you_mean(
    runner: CliRunner, ladder: Path, folder: Path
) -> None:
    doc = json.loads(
        run(runner, ladder, str(folder), "--roles", "sr, jr", "--skills", "SQL,testing", "--json").stdout
    )
    assert doc["roles"] == ["senior", "junior"] and [s["skill"] for s in doc["skills"]] == ["sql", "testing"]
    assert doc["skill_filter"] == ["sql", "testing"]
    doc = json.loads(run(runner, ladder, str(folder), "--category", "Data", "--json").stdout)
    assert [s["skill"] for s in doc["skills"]] == ["sql"] and doc["category"] == "data"
    bad = run(runner, ladder, str(folder), "--roles", "senoir")
    assert bad.exit_code == 2 and "unknown role 'senoir'; did you mean" in bad.stderr
    bad = run(runner, ladder, str(folder), "--skills", "sqll")
    assert bad.exit_code == 2 and "unknown skill 'sqll'; did you mean" in bad.stderr
    bad = run(runner, ladder, str(folder), "--category", "datta")
    assert bad.exit_code == 2 and "unknown category 'datta'; did you mean data?" in bad.stderr


def test_html_and_markdown_go_to_a_file(
    runner: CliRunner, ladder: Path, folder: Path, tmp_path: Path
) -> None:
    page = tmp_path / "t.html"
    result = run(runner, ladder, str(folder), "--format", "html", "-o", str(page))
    assert result.exit_code == 0 and f"Wrote team view (html) to {page}" in result.stderr
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>") and result.stdout == ""
    notes = tmp_path / "t.md"
    assert run(runner, ladder, str(folder), "-o", str(notes)).exit_code == 0  # the suffix chooses Markdown
    assert "| Design | architecture | 3 | 1 | 0 | 0 | 0 | 1 | 1 | 0 | one deep: Ana |" in notes.read_text()
    both = run(runner, ladder, str(folder), "--json", "--format", "html")
    assert both.exit_code == 2 and "--json and --format each choose the output" in both.stderr


def test_nothing_usable_is_bad_input(runner: CliRunner, ladder: Path, folder: Path, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = run(runner, ladder, str(tmp_path / "empty"))
    assert result.exit_code == 2
    assert (
        result.stderr
        == f"careerctl: {tmp_path / 'empty'}: holds no profile files (*.yaml, *.yml or *.json)\n"
    )
    result = run(runner, ladder, str(folder / "hal.yaml"))
    assert result.exit_code == 2
    assert result.stderr.endswith(
        f"careerctl: {folder / 'hal.yaml'}: no profile made on this knowledge base could be read (1 left out)\n"
    )
    missing = run(runner, ladder, str(tmp_path / "nobody.yaml"))
    assert (
        missing.exit_code == 2
        and missing.stderr == f"careerctl: {tmp_path / 'nobody.yaml'}: no such file or folder\n"
    )


def test_a_profiles_name_survives_a_new_assessment(runner: CliRunner, ladder: Path, tmp_path: Path) -> None:
    from careerctl.store import load_profile, write_profile
    from teamfiles import profile

    path = tmp_path / "dana.yaml"
    write_profile(path, profile("Dana Scully", "junior", "mid", {"sql": 1}, load_kb(ladder).kb.identity))
    result = runner.invoke(
        app,
        [
            "--kb",
            str(ladder),
            "--profile",
            str(path),
            "assess",
            "--current",
            "junior",
            "--target",
            "mid",
            "--set",
            "sql=2",
        ],
    )
    assert result.exit_code == 0, result.stderr
    again = load_profile(path)
    assert again.name == "Dana Scully" and len(again.assessments) == 2


def test_a_profiles_name_survives_export_and_import(runner: CliRunner, ladder: Path, tmp_path: Path) -> None:
    from careerctl.store import load_profile, write_profile
    from teamfiles import profile

    path, moved = tmp_path / "dana.yaml", tmp_path / "moved.yaml"
    write_profile(path, profile("Dana", "junior", "mid", {"sql": 1}, load_kb(ladder).kb.identity))
    exported = runner.invoke(app, ["--profile", str(path), "profile", "export", "--json"])
    assert exported.exit_code == 0 and json.loads(exported.stdout)["name"] == "Dana"
    (tmp_path / "dana.json").write_text(exported.stdout, encoding="utf-8")
    imported = runner.invoke(app, ["--profile", str(moved), "profile", "import", str(tmp_path / "dana.json")])
    assert imported.exit_code == 0, imported.stderr
    assert load_profile(moved).name == "Dana"
