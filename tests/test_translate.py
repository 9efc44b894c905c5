"""KB overlays in another language: words change, ids and numbers do not; gaps are listed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from careerctl.errors import InputError
from careerctl.kb.load import load_kb
from careerctl.kb.translate import languages, missing_texts, read_overlay, translate, with_aliases
from careerctl.names import find_role
from careerctl.plan import readiness
from ladder import write_ladder

SKILLS_ID = """\
version: 1
language: id
skills:
  - id: sql
    name: SQL (basis data)
    summary: Mengambil data dengan query.
    levels: {1: Memilih baris, 2: Menggabungkan tabel, 3: Menyetel query, 4: Merancang skema, 5: Menulis planner}
terms:
  categories: {data: data, programming: pemrograman}
  scale: [belum, pemula, pemula lanjut, cakap, mahir, ahli]
"""

ROLES_ID = """\
version: 1
language: id
roles:
  - id: junior
    name: Pengembang Junior
    aliases: [pengembang junior, jr]
    summary: Menulis kode kecil.
terms:
  tracks: {dev: pengembangan}
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    kb_dir = write_ladder(tmp_path / "kb")
    (kb_dir / "i18n" / "id").mkdir(parents=True)
    (kb_dir / "i18n" / "id" / "skills.yaml").write_text(SKILLS_ID)
    (kb_dir / "i18n" / "id" / "roles.yaml").write_text(ROLES_ID)
    return kb_dir


def test_an_overlay_changes_words_and_keeps_ids_and_numbers(folder: Path) -> None:
    kb = load_kb(folder).kb
    overlay = read_overlay(folder, "id")
    assert overlay is not None and languages(folder) == ["id"]
    shown = translate(kb, overlay)
    assert shown.skills["sql"].name == "SQL (basis data)"
    assert shown.skills["sql"].anchor(3) == "Menyetel query"
    assert shown.skills["coding"] == kb.skills["coding"]  # not translated: the KB's own words
    assert shown.roles["junior"].name == "Pengembang Junior"
    assert shown.roles["junior"].requirements == kb.roles["junior"].requirements
    assert shown.scale[0] == "belum" and overlay.terms["tracks"] == {"dev": "pengembangan"}
    levels = {"coding": 1, "sql": 2}
    assert readiness(shown.roles["mid"], levels) == readiness(kb.roles["mid"], levels)


def test_overlay_aliases_find_roles_and_never_take_a_name_already_used(folder: Path) -> None:
    kb = load_kb(folder).kb
    overlay = read_overlay(folder, "id")
    assert overlay is not None
    both = with_aliases(kb, [overlay])
    assert find_role(both, "pengembang junior").id == "junior"
    assert both.roles["junior"].aliases.count("jr") == 1  # `jr` is the KB's already


def test_missing_texts_are_listed_as_warnings(folder: Path) -> None:
    kb = load_kb(folder).kb
    overlay = read_overlay(folder, "id")
    keys = [p.key for p in missing_texts(kb, overlay, "id")]
    assert "skills.sql.name" not in keys and "skills.coding.name" in keys
    assert "skills.coding.levels.1" in keys and "roles.mid.name" in keys
    assert all(p.severity == "warning" for p in missing_texts(kb, overlay, "id"))
    assert len(missing_texts(kb, None, "id")) > len(keys) - 1


def test_no_overlay_is_none(folder: Path) -> None:
    assert read_overlay(folder, "fr") is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            SKILLS_ID.replace("language: id", "language: en"),
            "language: must be 'id' (the folder's name), not text",
        ),
        (
            SKILLS_ID.replace("    name: SQL (basis data)\n", "    name: [x]\n"),
            "skills.sql.name: must be text, not a list",
        ),
        (SKILLS_ID.replace("{1: Memilih", "{7: Memilih"), "skills.sql.levels.7: must be a level from 1 to 5"),
        (
            SKILLS_ID.replace("    summary:", "    colour: red\n    summary:"),
            "skills.sql.colour: unknown key",
        ),
        (
            SKILLS_ID.replace("terms:", "  - id: sql\n    name: lagi\nterms:"),
            "skills[1].id: 'sql' is translated twice",
        ),
        *(
            (
                SKILLS_ID.replace(
                    "    summary:", f"    aliases: [basis data, {json.dumps(alias)}]\n    summary:", 1
                ),
                f"skills.sql.aliases: alias '{shown}' may only hold letters, digits",
            )
            for alias, shown in [
                ("$(touch /tmp/careerctl-flag)", "$(touch /tmp/careerctl-flag)"),
                ("*", "*"),
                ("data\u202e", "data\\u202e"),
                ("`id`", "`id`"),
            ]
        ),
    ],
)
def test_a_broken_overlay_is_named_with_its_file_line_and_key(folder: Path, text: str, message: str) -> None:
    path = folder / "i18n" / "id" / "skills.yaml"
    path.write_text(text)
    with pytest.raises(InputError) as caught:
        read_overlay(folder, "id")
    assert str(caught.value).startswith(f"{path}:") and message in str(caught.value)
