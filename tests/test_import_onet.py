"""The O*NET importer: mapping rules on a tiny excerpt, and facts checked on the real 29.3 tables."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from careerctl.errors import InputError
from careerctl.kb.importers import ImportReport, half_up
from careerctl.kb.importers.onet import Rating, anchor_texts, import_onet, map_rating, track, transition_years

EXCERPT = Path(__file__).parent / "fixtures" / "onet_excerpt"
ONET = Path(__file__).resolve().parents[1].parent / "shared" / "external" / "onet"


def load(folder: Path) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    """The skills and roles of a small KB, keyed by id, and its `about`."""
    skills = yaml.safe_load((folder / "skills.yaml").read_text(encoding="utf-8"))
    roles = yaml.safe_load((folder / "roles.yaml").read_text(encoding="utf-8"))
    return (
        {s["id"]: s for s in skills["skills"]},
        {r["id"]: r for r in roles["roles"]},
        roles["about"],
    )


def block(text: str, item_id: str) -> dict[str, Any]:
    """One top-level list item of a large KB file, parsed on its own."""
    start = text.index(f"\n- id: {item_id}\n") + 1
    end = text.find("\n- id: ", start)
    item: dict[str, Any] = yaml.safe_load(text[start : end if end != -1 else None])[0]
    return item


# --- rules -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "rounded"), [(0.49, 0), (0.5, 1), (2.5, 3), (3.49, 3), (4.5, 5), (-1.5, -2)]
)
def test_half_up_rounds_halves_away_from_zero(value: float, rounded: int) -> None:
    assert half_up(value) == rounded


@pytest.mark.parametrize(
    ("rating", "mapped"),
    [
        (Rating(importance=4.75, level=4.88), (3, 5)),  # 4.88 * 5/7 = 3.49
        (Rating(importance=3.38, level=3.5), (3, 3)),  # 3.5 * 5/7 = 2.5 rounds up
        (Rating(importance=2.0, level=1.5), (1, 2)),  # IM exactly 2.0 is kept
        (Rating(importance=1.88, level=1.25), None),  # below "somewhat important"
        (Rating(importance=4.0, level=3.0, not_relevant=True), None),
        (Rating(importance=3.0, level=0.4), None),  # maps to level 0
        (Rating(importance=5.0, level=7.0), (5, 5)),
        (Rating(importance=3.0), None),  # no level rating
        (Rating(level=3.0), None),  # no importance rating
    ],
)
def test_map_rating(rating: Rating, mapped: tuple[int, int] | None) -> None:
    assert map_rating(rating) == mapped


def test_anchors_use_onet_examples_and_say_when_interpolated() -> None:
    texts = anchor_texts({2.0: "Take an order", 4.0: "Answer inquiries", 6.0: "Judge a case"})
    assert texts == [
        "Take an order (O*NET level 2 of 7).",
        'Between "Take an order" and "Answer inquiries" (O*NET levels 2 and 4).',
        "Answer inquiries (O*NET level 4 of 7).",
        "Judge a case (O*NET level 6 of 7).",
        'Beyond "Judge a case" (O*NET level 6, its highest example).',
    ]


def test_anchors_below_the_lowest_example_say_so() -> None:
    texts = anchor_texts({4.0: "Answer inquiries"})
    assert texts[0] == 'Short of "Answer inquiries" (O*NET level 4, its lowest example).'
    assert len(texts) == 5 and all(texts)


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("15-1251.00", "computer-and-mathematical"),
        ("27-1011.00", "arts-design-entertainment-sports-and-media"),
        ("55-1011.00", "military-specific"),
        ("99-0000.00", "soc-99"),
    ],
)
def test_track_is_the_soc_major_group(code: str, name: str) -> None:
    assert track(code) == name


@pytest.mark.parametrize(("zone_from", "zone_to", "years"), [(3, 3, 1), (4, 3, 1), (2, 4, 3), (1, 5, 5)])
def test_transition_years_grow_with_the_job_zone_climbed(zone_from: int, zone_to: int, years: int) -> None:
    assert transition_years(zone_from, zone_to) == years


# --- the excerpt ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def excerpt(tmp_path_factory: pytest.TempPathFactory) -> tuple[ImportReport, Path]:
    out = tmp_path_factory.mktemp("onet-excerpt")
    return import_onet(EXCERPT, out), out


def test_excerpt_report(excerpt: tuple[ImportReport, Path]) -> None:
    report, _ = excerpt
    assert (report.roles, report.skills, report.requirements, report.transitions) == (4, 6, 17, 5)
    assert report.skipped == ("15-1252.00 Software Developers",)
    assert "\n" not in report.summary
    assert (
        "skipped 1 occupation with no usable skill ratings (15-1252.00 Software Developers)" in report.summary
    )


def test_excerpt_role_follows_the_rules(excerpt: tuple[ImportReport, Path]) -> None:
    _, out = excerpt
    roles = load(out)[1]
    programmers = roles["computer-programmers"]
    assert programmers["aliases"] == ["15-1251.00"]
    assert (programmers["track"], programmers["seniority"]) == ("computer-and-mathematical", 4)
    # installation and repairing are rated Not Relevant for programmers: dropped
    assert programmers["skills"] == {
        "reading-comprehension": {"level": 3, "weight": 3},
        "social-perceptiveness": {"level": 2, "weight": 3},
        "programming": {"level": 3, "weight": 5},
        "management-of-financial-resources": {"level": 1, "weight": 2},
    }
    # Software Developers (unrated), Web and Digital Interface Designers and Database
    # Administrators (not in the excerpt) are dropped; Primary-Long rows are ignored
    assert programmers["next"] == [
        {"role": "computer-systems-engineers-architects", "years": 1},
        {"role": "computer-systems-analysts", "years": 1},
    ]
    # analysts rate Installation at IM 1.62 and Repairing at IM 1.88: below 2.0, dropped
    assert "installation" not in roles["computer-systems-analysts"]["skills"]
    assert "repairing" not in roles["computer-systems-analysts"]["skills"]
    assert "software-developers" not in roles


def test_excerpt_skills_have_category_anchors_and_resource(excerpt: tuple[ImportReport, Path]) -> None:
    _, out = excerpt
    skills = load(out)[0]
    assert list(skills) == [
        "reading-comprehension",
        "social-perceptiveness",
        "installation",
        "programming",
        "repairing",
        "management-of-financial-resources",
    ]
    programming = skills["programming"]
    assert programming["category"] == "technical-skills"
    assert skills["reading-comprehension"]["category"] == "basic-skills"
    assert skills["management-of-financial-resources"]["category"] == "resource-management-skills"
    assert programming["summary"] == "Writing computer programs for various purposes."
    assert sorted(programming["levels"]) == [1, 2, 3, 4, 5]
    assert programming["levels"][2].startswith("Between ")
    assert programming["resources"] == [
        {
            "title": "O*NET OnLine: Programming",
            "kind": "docs",
            "level": 1,
            "url": "https://www.onetonline.org/find/descriptor/result/2.B.3.e",
        }
    ]


def test_excerpt_attribution(excerpt: tuple[ImportReport, Path]) -> None:
    _, out = excerpt
    about = load(out)[2]
    assert (about["version"], about["licence"]) == ("29.3", "CC BY 4.0")
    assert "USDOL/ETA" in about["source"]
    assert about["url"] == "https://www.onetcenter.org/database.html"


def test_reimport_is_byte_identical_and_leaves_no_temp_files(
    excerpt: tuple[ImportReport, Path], tmp_path: Path
) -> None:
    _, out = excerpt
    import_onet(EXCERPT, tmp_path)
    for name in ("skills.yaml", "roles.yaml"):
        assert (tmp_path / name).read_bytes() == (out / name).read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["roles.yaml", "skills.yaml"]


# --- bad input -----------------------------------------------------------------------------


@pytest.fixture
def source(tmp_path: Path) -> Path:
    return Path(shutil.copytree(EXCERPT, tmp_path / "src"))


def replace_line(path: Path, number: int, old: str, new: str) -> None:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    assert old in lines[number - 1]
    lines[number - 1] = lines[number - 1].replace(old, new, 1)
    path.write_text("".join(lines), encoding="utf-8")


def test_missing_folder_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"nowhere: no such folder: expected the O\*NET files here"):
        import_onet(tmp_path / "nowhere", tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_missing_table_is_an_input_error(source: Path, tmp_path: Path) -> None:
    (source / "job_zones.tsv").unlink()
    with pytest.raises(InputError, match=r"job_zones\.tsv: file not found"):
        import_onet(source, tmp_path / "out")


def test_bad_number_names_file_and_line(source: Path, tmp_path: Path) -> None:
    replace_line(source / "skills.tsv", 3, "\t4.5\t", "\tfour\t")
    with pytest.raises(InputError, match=r"skills\.tsv:3: Data Value: expected a number, found 'four'"):
        import_onet(source, tmp_path / "out")


def test_missing_column_names_the_header(source: Path, tmp_path: Path) -> None:
    replace_line(source / "related_occupations.tsv", 1, "Relatedness Tier", "Tier")
    with pytest.raises(
        InputError, match=r"related_occupations\.tsv:1: missing column\(s\): Relatedness Tier"
    ):
        import_onet(source, tmp_path / "out")


def test_short_row_and_non_utf8_are_input_errors(source: Path, tmp_path: Path) -> None:
    replace_line(source / "occupation_data.tsv", 2, "\t", " ")
    with pytest.raises(InputError, match=r"occupation_data\.tsv:2: expected 3 fields, found 2"):
        import_onet(source, tmp_path / "out")
    (source / "occupation_data.tsv").write_bytes(b"O*NET-SOC Code\tTitle\tDescription\n\xff\xfe\n")
    with pytest.raises(InputError, match=r"occupation_data\.tsv: not UTF-8 text"):
        import_onet(source, tmp_path / "out")


# --- the real O*NET 29.3 tables ------------------------------------------------------------

needs_onet = pytest.mark.skipif(
    not ONET.is_dir(), reason=f"O*NET tables not found at {ONET} (../shared/external/onet)"
)


@pytest.fixture(scope="module")
def real(tmp_path_factory: pytest.TempPathFactory) -> tuple[ImportReport, Path]:
    out = tmp_path_factory.mktemp("onet")
    return import_onet(ONET, out), out


@needs_onet
def test_real_counts(real: tuple[ImportReport, Path]) -> None:
    report, _ = real
    assert (report.roles, report.skills, len(report.skipped)) == (879, 35, 137)
    # 30,765 rated pairs: 3,302 Not Relevant and 4,237 more below IM 2.0 are dropped
    assert report.requirements == 23_226
    assert "15-1252.00 Software Developers" in report.skipped
    assert "15-2051.00 Data Scientists" in report.skipped
    assert "\n" not in report.summary


@needs_onet
def test_real_computer_programmers(real: tuple[ImportReport, Path]) -> None:
    _, out = real
    role = block((out / "roles.yaml").read_text(encoding="utf-8"), "computer-programmers")
    assert role["aliases"] == ["15-1251.00"]
    assert (role["track"], role["seniority"]) == ("computer-and-mathematical", 4)
    # skills.tsv: Programming IM 4.75, LV 4.88; Reading Comprehension IM 3.38, LV 3.5;
    # Troubleshooting IM 2.25, LV 1.62; Equipment Selection Not Relevant
    assert role["skills"]["programming"] == {"level": 3, "weight": 5}
    assert role["skills"]["reading-comprehension"] == {"level": 3, "weight": 3}
    assert role["skills"]["troubleshooting"] == {"level": 1, "weight": 2}
    assert "equipment-selection" not in role["skills"]
    # Primary-Short: Software Developers and Web and Digital Interface Designers are unrated
    assert role["next"] == [
        {"role": "computer-systems-engineers-architects", "years": 1},
        {"role": "computer-systems-analysts", "years": 1},
        {"role": "database-administrators", "years": 1},
    ]


@needs_onet
def test_real_skill_and_attribution(real: tuple[ImportReport, Path]) -> None:
    _, out = real
    skill = block((out / "skills.yaml").read_text(encoding="utf-8"), "active-listening")
    assert skill["levels"][1] == "Take a customer's order (O*NET level 2 of 7)."
    assert skill["category"] == "basic-skills"
    roles = (out / "roles.yaml").read_text(encoding="utf-8")
    about = yaml.safe_load(roles[: roles.index("\nroles:")])["about"]
    assert (about["name"], about["version"], about["licence"]) == (
        "O*NET 29.3 occupations",
        "29.3",
        "CC BY 4.0",
    )


@needs_onet
def test_real_reimport_is_byte_identical(real: tuple[ImportReport, Path], tmp_path: Path) -> None:
    _, out = real
    import_onet(ONET, tmp_path)
    for name in ("skills.yaml", "roles.yaml"):
        assert (tmp_path / name).read_bytes() == (out / name).read_bytes()


# --- planning on the imported O*NET KB --------------------------------------------------------


def careerctl(out: Path, *args: str) -> tuple[int, str, str]:
    from typer.testing import CliRunner

    from careerctl.cli import app

    result = CliRunner().invoke(app, ["--kb", str(out), *args])
    return result.exit_code, result.stdout, result.stderr


@needs_onet
def test_real_match_ranks_an_occupation_first_for_its_own_requirements(
    real: tuple[ImportReport, Path],
) -> None:
    _, out = real
    for role in ("computer-programmers", "registered-nurses", "electricians"):
        code, stdout, _ = careerctl(out, "match", "--from", role, "--top", "5", "--json")
        assert code == 0 and json.loads(stdout)["roles"][0]["id"] == role


@needs_onet
def test_real_route_between_related_it_occupations(real: tuple[ImportReport, Path]) -> None:
    _, out = real
    code, stdout, _ = careerctl(out, "path", "web-developers", "computer-programmers", "--json")
    assert code == 0 and json.loads(stdout)["route"]["roles"] == ["web-developers", "computer-programmers"]
    code, stdout, _ = careerctl(out, "path", "15-1232.00", "database-administrators", "--json")
    roles = json.loads(stdout)["route"]["roles"]
    assert (
        code == 0
        and roles[0] == "computer-user-support-specialists"
        and roles[-1] == "database-administrators"
    )


@needs_onet
def test_real_no_route_is_explained(real: tuple[ImportReport, Path]) -> None:
    # Support specialists' Primary-Short relations stay within IT support and infrastructure.
    _, out = real
    code, stdout, _ = careerctl(out, "path", "computer-user-support-specialists", "computer-programmers")
    assert code == 1 and stdout.startswith("There is no route from Computer User Support Specialists")


@needs_onet
def test_real_plan_and_stats(real: tuple[ImportReport, Path]) -> None:
    _, out = real
    code, stdout, _ = careerctl(
        out, "plan", "--from", "web-developers", "--target", "computer-programmers", "--json"
    )
    assert code == 0 and json.loads(stdout)["steps"][-1]["readiness_after"] == 1.0
    code, stdout, _ = careerctl(out, "kb", "stats")
    assert code == 0 and "879" in stdout and "CC BY 4.0" in stdout
