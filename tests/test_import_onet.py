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
from careerctl.kb.load import load_kb
from careerctl.match import match_roles

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
        (Rating(importance=4.75, level=4.88), (3, 5, 3.49, True)),  # 4.88 * 5/7 = 3.486
        (Rating(importance=3.38, level=3.5), (3, 3, 2.5, True)),  # 3.5 * 5/7 = 2.5 rounds up
        (Rating(importance=2.0, level=1.5), (1, 2, 1.07, True)),  # IM exactly 2.0 is needed
        (Rating(importance=1.88, level=1.25), (1, 2, 0.89, False)),  # below "somewhat important"
        (Rating(importance=4.0, level=3.0, not_relevant=True), (2, 4, 2.14, False)),
        (Rating(importance=3.0, level=0.4), (0, 3, 0.29, True)),  # level 0, kept with its figure
        (Rating(importance=1.0, level=0.0), (0, 1, 0.0, False)),
        (Rating(importance=5.0, level=7.0), (5, 5, 5.0, True)),
        (Rating(importance=3.0), None),  # no level rating
        (Rating(level=3.0), None),  # no importance rating
    ],
)
def test_map_rating(rating: Rating, mapped: tuple[int, int, float, bool] | None) -> None:
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
    # 6 O*NET skills + 5 technologies; 4 x 6 ratings + 4 x 5 technologies; 8 neighbours at most
    assert (report.roles, report.skills, report.requirements) == (4, 11, 44)
    assert 0 < report.transitions <= 4 * 3
    assert report.skipped == ("15-1252.00 Software Developers",)
    assert "\n" not in report.summary
    assert (
        "skipped 1 occupation with no usable skill ratings (15-1252.00 Software Developers)" in report.summary
    )


def test_excerpt_role_follows_the_rules(excerpt: tuple[ImportReport, Path]) -> None:
    _, out = excerpt
    roles = load(out)[1]
    programmers = roles["computer-programmers"]
    # "Applications Programmer" also names Software Developers, which is not imported
    assert programmers["aliases"] == [
        "15-1251.00",
        "applications-programmer",
        "computer-programmer",
        "programmer",
    ]
    # "Computer Systems Specialist" names both analysts and support specialists: no alias
    assert roles["computer-systems-analysts"]["aliases"] == ["15-1211.00", "systems-analyst"]
    assert (programmers["track"], programmers["seniority"]) == ("computer-and-mathematical", 4)
    skills = programmers["skills"]
    # every rating is kept with its exact level; Not Relevant ones are not needed
    assert skills["programming"] == {"level": 3, "weight": 5, "exact": 3.49}
    assert skills["reading-comprehension"] == {"level": 3, "weight": 3, "exact": 2.5}
    assert skills["repairing"] == {"level": 0, "weight": 1, "exact": 0.0, "needed": False}
    # technologies: level 2, weight 2 where O*NET flags them in demand, never needed
    assert skills["python"] == {"level": 2, "weight": 2, "needed": False}
    assert skills["microsoft-windows-server"] == {"level": 2, "weight": 1, "needed": False}
    # analysts rate Installation at IM 1.62: below 2.0, so not needed
    assert roles["computer-systems-analysts"]["skills"]["installation"]["needed"] is False
    assert "software-developers" not in roles
    # transitions come from likeness (never from related_occupations.tsv), within job zone reach
    for role in roles.values():
        assert all(move["role"] in roles and move["role"] != role["id"] for move in role.get("next", []))


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
        "c-plus-plus",
        "microsoft-excel",
        "microsoft-windows-server",
        "oracle-java",
        "python",
    ]
    python = skills["python"]
    assert python["category"] == "object-or-component-oriented-development-software"
    assert python["tags"] == ["hot-technology", "in-demand"]
    assert "effort" not in python and "resources" not in python
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
    replace_line(source / "technology_skills.tsv", 1, "In Demand", "Wanted")
    with pytest.raises(InputError, match=r"technology_skills\.tsv:1: missing column\(s\): In Demand"):
        import_onet(source, tmp_path / "out")


def test_technologies_and_titles_are_optional(source: Path, tmp_path: Path) -> None:
    (source / "technology_skills.tsv").unlink()
    (source / "alternate_titles.tsv").unlink()
    (source / "related_occupations.tsv").unlink()  # never read: the benchmark's answer key
    report = import_onet(source, tmp_path / "out")
    assert (report.roles, report.skills, report.requirements) == (4, 6, 24)


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
    # 35 O*NET skills and 8,538 technologies; every one of the 879 x 35 ratings is kept
    assert (report.roles, report.skills, len(report.skipped)) == (879, 8_573, 137)
    assert report.requirements == 879 * 35 + 30_316
    assert "15-1252.00 Software Developers" in report.skipped
    assert "15-2051.00 Data Scientists" in report.skipped
    assert "\n" not in report.summary


@needs_onet
def test_real_computer_programmers(real: tuple[ImportReport, Path]) -> None:
    _, out = real
    role = block((out / "roles.yaml").read_text(encoding="utf-8"), "computer-programmers")
    assert role["aliases"][0] == "15-1251.00"
    assert {"computer-programmer", "java-programmer", "cobol-programmer"} <= set(role["aliases"])
    assert (role["track"], role["seniority"]) == ("computer-and-mathematical", 4)
    # skills.tsv: Programming IM 4.75, LV 4.88; Reading Comprehension IM 3.38, LV 3.5;
    # Troubleshooting IM 2.25, LV 1.62; Equipment Selection Not Relevant (IM 1.0, LV 0.0)
    assert role["skills"]["programming"] == {"level": 3, "weight": 5, "exact": 3.49}
    assert role["skills"]["reading-comprehension"] == {"level": 3, "weight": 3, "exact": 2.5}
    assert role["skills"]["troubleshooting"] == {"level": 1, "weight": 2, "exact": 1.16}
    assert role["skills"]["equipment-selection"] == {"level": 0, "weight": 1, "exact": 0.0, "needed": False}
    assert role["skills"]["python"] == {"level": 2, "weight": 2, "needed": False}
    # 8 likeliest moves, none more than one job zone up (programmers are in zone 4)
    assert len(role["next"]) == 8
    assert "computer-systems-analysts" in [move["role"] for move in role["next"]]


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
def test_real_support_specialist_reaches_programmers_and_plans_programming_first(
    real: tuple[ImportReport, Path],
) -> None:
    _, out = real
    code, stdout, _ = careerctl(
        out, "path", "computer-user-support-specialists", "computer-programmers", "--json"
    )
    assert code == 0 and json.loads(stdout)["route"]["roles"][-1] == "computer-programmers"
    code, stdout, _ = careerctl(
        out,
        "plan",
        "--from",
        "computer-user-support-specialists",
        "--target",
        "computer-programmers",
        "--json",
    )
    steps = json.loads(stdout)["steps"]
    assert code == 0 and "programming" in [s["skill"] for s in steps[:3]]
    # --from keeps every level O*NET gives the support specialist, so no step starts below it
    kb = load_kb(out, cache_dir=out / ".cache").kb
    have = kb.roles["computer-user-support-specialists"].required()
    first = {}
    for step in steps:
        first.setdefault(step["skill"], step["from"])
    assert all(level == have.get(skill, 0) for skill, level in first.items())
    # and none goes past what its phase's rung asks (the plan walks the route: a rung between
    # may ask more of a skill than the target does)
    assert all(kb.roles[s["phase"]].required()[s["skill"]] >= s["to"] for s in steps)


@needs_onet
def test_real_match_ranks_nurses_near_nurses(real: tuple[ImportReport, Path]) -> None:
    _, out = real
    kb = load_kb(out, cache_dir=out / ".cache").kb
    levels = kb.roles["registered-nurses"].required()
    rows = match_roles(kb, levels, top=6, current="registered-nurses")
    assert rows[0].role == "registered-nurses"
    assert sum("nurs" in row.name.lower() for row in rows[1:6]) >= 3
    assert rows[1].fit - rows[5].fit > 0.02  # the top rows differ visibly


@needs_onet
def test_real_plan_and_stats(real: tuple[ImportReport, Path]) -> None:
    _, out = real
    code, stdout, _ = careerctl(
        out, "plan", "--from", "web-developers", "--target", "computer-programmers", "--json"
    )
    assert code == 0 and json.loads(stdout)["steps"][-1]["readiness_after"] == 1.0
    code, stdout, _ = careerctl(out, "kb", "stats")
    assert code == 0 and "879" in stdout and "CC BY 4.0" in stdout
