"""The KB in the interface language: its Indonesian overlay, names in both languages, SKKNI mappings."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from careerctl.context import Env
from careerctl.errors import InputError, InvalidKB
from careerctl.kb.load import load_kb
from careerctl.kb.translate import localise, missing_texts, read_overlay
from conftest import BUNDLED
from ladder import write_ladder

FIXED_DATE = "1767225600"


def careerctl(*args: str, **environ: str) -> subprocess.CompletedProcess[str]:
    """The console script as a user runs it."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": FIXED_DATE, "COLUMNS": "100", **environ}
    return subprocess.run(
        [sys.executable, "-m", "careerctl", *args], capture_output=True, text=True, env=env, check=False
    )


def shown_json(*args: str) -> dict[str, Any]:
    done = careerctl(*args)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("name", "role"),
    [
        ("pengembang-backend", "backend-developer"),
        ("Pengembang Backend", "backend-developer"),
        ("magang", "backend-intern"),
        ("programmer", "backend-developer"),
        ("insinyur perangkat lunak", "backend-developer"),
        ("Backend Developer", "backend-developer"),  # the KB's own name, in Indonesian too
    ],
)
@pytest.mark.parametrize("lang", ["en", "id"])
def test_indonesian_and_english_names_find_the_role_in_both_languages(
    lang: str, name: str, role: str
) -> None:
    assert shown_json("--lang", lang, "show", name, "--json")["role"]["id"] == role


def test_show_in_indonesian_prints_the_indonesian_texts() -> None:
    done = careerctl("--lang", "id", "show", "pengembang-backend")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Pengembang Backend  backend-developer")
    assert "Merancang dan membangun endpoint API" in done.stdout


@pytest.mark.parametrize("lang", ["en", "id"])
def test_did_you_mean_searches_both_languages(lang: str) -> None:
    indonesian = careerctl("--lang", lang, "show", "pengembang bakcend")
    assert indonesian.returncode == 2 and "pengembang backend" in indonesian.stderr
    english = careerctl("--lang", lang, "show", "backend devloper")
    assert english.returncode == 2 and "backend developer" in english.stderr


def test_a_kb_without_an_overlay_stays_in_its_own_language(tmp_path: Path) -> None:
    folder = write_ladder(tmp_path / "kb")
    assert localise(load_kb(folder).kb, folder, "id") == load_kb(folder).kb
    doc = shown_json("--lang", "id", "--kb", str(folder), "show", "junior", "--json")
    assert doc["role"]["name"] == "Junior Dev"


def test_kb_validate_lang_lists_missing_translations_as_warnings(tmp_path: Path) -> None:
    folder = write_ladder(tmp_path / "kb")
    (folder / "i18n" / "id").mkdir(parents=True)
    (folder / "i18n" / "id" / "roles.yaml").write_text(
        "version: 1\nlanguage: id\nroles:\n  - id: junior\n    name: Pengembang Junior\n"
    )
    done = careerctl("kb", "validate", str(folder), "--lang", "id", "--json")
    assert done.returncode == 0, done.stderr
    doc = json.loads(done.stdout)
    keys = {p["key"] for p in doc["problems"]}
    assert doc["errors"] == 0 and doc["warnings"] == len(doc["problems"]) > 0
    assert {"skills.sql.name", "roles.junior.summary", "terms.tracks.dev", "terms.scale"} <= keys
    assert "roles.junior.name" not in keys
    english = json.loads(careerctl("kb", "validate", str(folder), "--json").stdout)["problems"]
    assert english and not [p for p in english if "no id text" in p["message"]]


def test_every_bundled_kb_text_has_an_indonesian_text() -> None:
    kb = load_kb(BUNDLED).kb
    assert missing_texts(kb, read_overlay(BUNDLED, "id"), "id") == []


def test_the_indonesian_kb_changes_words_only() -> None:
    english = Env(lang="en").load().kb
    indonesian = Env(lang="id").load().kb
    assert indonesian.language == "id" and english.language == "en"
    assert set(indonesian.skills) == set(english.skills) and set(indonesian.roles) == set(english.roles)
    for rid, role in english.roles.items():
        shown = indonesian.roles[rid]
        assert (shown.requirements, shown.next, shown.track, shown.seniority) == (
            role.requirements,
            role.next,
            role.track,
            role.seniority,
        )
        assert shown.aliases == role.aliases  # the KB's own aliases are listed; the others only found
    for sid, skill in english.skills.items():
        shown = indonesian.skills[sid]
        assert (shown.effort, shown.requires, shown.mappings) == (
            skill.effort,
            skill.requires,
            skill.mappings,
        )
        assert shown.resources[: len(skill.resources)] == skill.resources  # Indonesian ones after
    assert indonesian.scale[0] == "belum" and indonesian.term("categories", "security") == "keamanan"
    assert english.term("categories", "security") == "security"


def test_indonesian_resources_appear_in_indonesian_only() -> None:
    english = Env(lang="en").load().kb.skills["api-development"].resources
    indonesian = Env(lang="id").load().kb.skills["api-development"].resources
    extra = indonesian[len(english) :]
    assert extra and all(r.language == "id" for r in extra)
    assert all(r.language == "en" for r in english)
    every = [r for s in Env(lang="id").load().kb.skills.values() for r in s.resources if r.language == "id"]
    assert len(every) >= 30
    assert not [r.url for r in every if r.url and "developer.mozilla.org/id/" in r.url]  # retired by MDN
    bnsp = [r.title for r in every if r.kind == "certification" and "BNSP" in r.title]
    assert any("Junior Web Programmer" in t for t in bnsp) and any("Programmer" in t for t in bnsp)


TEXT_FIELDS = {"name", "skill_name", "summary", "responsibilities", "anchor", "why"}
LANGUAGE_CONTENT = {"resource", "resources"}  # what to read: the Indonesian KB adds Indonesian resources


def without_words(doc: Any) -> Any:
    """The document with the fields meant to be translated blanked out."""
    if isinstance(doc, dict):
        return {
            k: "<text>" if k in TEXT_FIELDS | LANGUAGE_CONTENT else without_words(v) for k, v in doc.items()
        }
    if isinstance(doc, list):
        return [without_words(item) for item in doc]
    return doc


@pytest.mark.parametrize(
    "args",
    [
        ["plan", "--from", "junior-backend-developer", "--target", "senior-backend-developer"],
        ["path", "junior-backend-developer", "senior-backend-developer"],
        ["show", "sql"],
        ["show", "senior-backend-developer"],
        ["roles"],
        ["match", "--from", "backend-developer", "--top", "5"],
    ],
    ids=" ".join,
)
def test_json_is_the_same_in_both_languages_apart_from_the_translated_texts(args: list[str]) -> None:
    english = shown_json(*args, "--json")
    indonesian = shown_json("--lang", "id", *args, "--json")
    assert without_words(indonesian) == without_words(english)
    assert indonesian != english  # the words did change


def test_show_prints_the_skkni_units_of_a_skill() -> None:
    assert "SKKNI 282/2016: J.620100.021.02" in careerctl("show", "sql").stdout
    assert "SKKNI 282/2016: J.620100.021.02" in careerctl("--lang", "id", "show", "sql").stdout
    assert shown_json("show", "sql", "--json")["skill"]["mappings"] == {"skkni-282-2016": ["J.620100.021.02"]}


def test_a_broken_mapping_is_named_with_its_file_and_line(tmp_path: Path) -> None:
    folder = write_ladder(tmp_path / "kb")
    text = (folder / "skills.yaml").read_text()
    (folder / "skills.yaml").write_text(
        text.replace(
            "    summary: Querying data.\n", "    summary: Querying data.\n    mappings: {skkni: J 1}\n"
        )
    )
    with pytest.raises(InvalidKB) as caught:
        load_kb(folder)
    problem = caught.value.problems[0]
    assert (problem.key, problem.line) == ("sql.mappings.skkni", 12)
    assert "unit codes" in problem.message


def test_a_broken_overlay_resource_is_named_with_its_file_and_line(tmp_path: Path) -> None:
    folder = write_ladder(tmp_path / "kb")
    (folder / "i18n" / "id").mkdir(parents=True)
    (folder / "i18n" / "id" / "resources.yaml").write_text(
        "version: 1\nlanguage: id\nresources:\n  - skill: sql\n    title: Belajar SQL\n    kind: video\n    level: 1\n"
    )
    with pytest.raises(InputError) as caught:
        read_overlay(folder, "id")
    assert caught.value.problem().line == 6 and "resources[0].kind" in caught.value.problem().message
    done = careerctl("--kb", str(folder), "--lang", "id", "roles")
    assert done.returncode == 2 and "resources.yaml:6" in done.stderr and "Traceback" not in done.stderr


def test_search_shows_its_kinds_matches_and_fields_in_indonesian() -> None:
    shown = careerctl("--lang", "id", "search", "pengembang backend").stdout
    first = shown.splitlines()[3]
    assert "| peran |" in first and "| persis " in first and "nama, alias:" in first
    assert "| role " not in shown and "exact" not in shown
    english = careerctl("search", "kafka").stdout
    assert "| skill |" in english and "| exact " in english and "technology, summary" in english
    # the JSON keeps its enums in English
    assert shown_json("--lang", "id", "search", "pengembang backend", "--json")["hits"][0]["kind"] == "role"
