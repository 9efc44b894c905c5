"""The ESCO importer: slugs, levels and shared-skill transitions on a tiny excerpt and on ESCO 1.2.0."""

from __future__ import annotations

import csv
import json
import math
import re
import shutil
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
import yaml

from careerctl.errors import InputError
from careerctl.kb.importers import ImportReport, slugify, unique_slugs
from careerctl.kb.importers.esco import anchor_texts, import_esco

EXCERPT = Path(__file__).parent / "fixtures" / "esco_excerpt"
ESCO = Path(__file__).resolve().parents[1].parent / "shared" / "external" / "esco"
KEBAB = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


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


def expected_next(src: Path) -> dict[str, list[str]]:
    """Occupation label -> the 5 roles most alike, by brute force over every pair (docs/importers.md).

    Features: the words of the preferred and alternative labels, and the skills (an optional
    one counts half), each weighing log(N / occupations with it); likeness is the cosine,
    times 1.25 for the same 3-digit ISCO group or 1.1 for the same 2 digits; ties by id.
    """
    with (src / "occupations_en.csv").open(encoding="utf-8", newline="") as file:
        rows = {r["conceptUri"].rsplit("/", 1)[1]: r for r in csv.DictReader(file)}
    features: dict[str, dict[str, float]] = defaultdict(dict)
    with (src / "occupation_skill_relations.tsv").open(encoding="utf-8", newline="") as file:
        for r in csv.DictReader(file, delimiter="\t", quoting=csv.QUOTE_NONE):
            label = (
                " ".join(r["preferredLabel"].split())
                if False
                else " ".join(rows[r["occupationId"]]["preferredLabel"].split())
            )
            skill = " ".join(r["skillLabel"].split())
            strength = 1.0 if r["relationType"] == "essential" else 0.5
            features[label][skill] = max(features[label].get(skill, 0.0), strength)
    isco = {" ".join(r["preferredLabel"].split()): r["iscoGroup"] for r in rows.values()}
    for r in rows.values():
        label = " ".join(r["preferredLabel"].split())
        words = re.findall(
            r"[^\W\d_]\w*", " ".join([r["preferredLabel"], r["altLabels"]]).lower().replace("-", " ")
        )
        features[label].update({f"word:{w}": 1.0 for w in words if len(w) > 1})
    n = len(features)
    df: dict[str, int] = defaultdict(int)
    for found in features.values():
        for f in found:
            df[f] += 1
    vectors = {}
    for label, found in features.items():
        v = {f: s * math.log(n / df[f]) for f, s in found.items()}
        norm = math.sqrt(sum(x * x for x in v.values()))
        vectors[label] = {f: x / norm for f, x in v.items()}
    ids = {label: slugify(label) for label in features}

    def bonus(a: str, b: str) -> float:
        return 1.25 if isco[a][:3] == isco[b][:3] else 1.1 if isco[a][:2] == isco[b][:2] else 1.0

    nexts = {}
    for a, va in vectors.items():
        scored = [
            (-bonus(a, b) * sum(x * vb.get(f, 0.0) for f, x in va.items()), ids[b])
            for b, vb in vectors.items()
            if b != a and va.keys() & vb.keys()
        ]
        nexts[a] = [role for score, role in sorted(scored) if score < 0][:5]
    return nexts


# --- rules ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "slug"),
    [
        ("Computer Systems Engineers/Architects", "computer-systems-engineers-architects"),
        (" artificial intelligence engineer ", "artificial-intelligence-engineer"),
        ("C++", "c-plus-plus"),
        ("C#", "c-sharp"),
        ("dance répétiteur", "dance-repetiteur"),
        ("assess the animal’s rehabilitation requirements", "assess-the-animals-rehabilitation-requirements"),
        ("project management methodology (PM²)", "project-management-methodology-pm2"),
        ("assess\xa0candidates", "assess-candidates"),
        ("???", "item"),
    ],
)
def test_slugify(label: str, slug: str) -> None:
    assert slugify(label) == slug
    assert KEBAB.match(slugify(label))


def test_unique_slugs_are_deterministic_and_skip_taken_ones() -> None:
    labels = {"k3": "data 2", "k1": "Data", "k2": "data"}
    # (label, key) order: "Data" keeps "data", "data 2" keeps its own "data-2", "data" gets -3
    assert unique_slugs(labels) == {"k1": "data", "k2": "data-3", "k3": "data-2"}
    assert unique_slugs(dict(reversed(labels.items()))) == unique_slugs(labels)


def test_anchors_are_generic_short_and_name_the_skill() -> None:
    long_label = "undertake procedures to meet requirements for flying aircraft heavier than 5,700 kg" * 2
    for label in ("iOS", "manage staff", long_label):
        texts = anchor_texts(label)
        assert len(texts) == 5 and all(len(t) <= 140 for t in texts)
    assert anchor_texts("manage staff")[0] == "Manage staff: knows what it involves and has seen it done."
    assert anchor_texts("iOS")[4] == "iOS: teaches it to others and improves how it is done."
    assert anchor_texts(long_label)[0].endswith("…: knows what it involves and has seen it done.")


# --- the excerpt ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def excerpt(tmp_path_factory: pytest.TempPathFactory) -> tuple[ImportReport, Path]:
    out = tmp_path_factory.mktemp("esco-excerpt")
    return import_esco(EXCERPT, out), out


def test_excerpt_report(excerpt: tuple[ImportReport, Path]) -> None:
    report, _ = excerpt
    # 634 relation rows; ICT account manager, ICT application developer, system configurator and
    # telecommunications manager each list "service-oriented modelling" twice
    assert (report.roles, report.skills, report.requirements) == (9, 329, 630)
    assert report.skipped == ()
    assert report.summary.startswith("Imported 9 ESCO v1.2.0 occupations (329 skills, 630 requirements")


def test_excerpt_roles(excerpt: tuple[ImportReport, Path]) -> None:
    _, out = excerpt
    roles = load(out)[1]
    engineer = roles["artificial-intelligence-engineer"]
    assert engineer["name"] == "artificial intelligence engineer"  # " artificial intelligence engineer "
    assert engineer["aliases"][0] == "2511.11"
    assert "ai-system-designer" in engineer["aliases"]  # alternative labels that name no other occupation
    assert (engineer["track"], engineer["seniority"]) == ("professionals", 1)
    assert roles["telecommunications-manager"]["track"] == "managers"
    tester = roles["ict-accessibility-tester"]
    assert tester["skills"]["screen-reader"] == {"level": 3, "weight": 4}  # essential
    assert tester["skills"]["ajax"] == {"level": 2, "weight": 1, "needed": False}  # optional
    # listed as both essential and optional: essential wins
    assert roles["ict-account-manager"]["skills"]["service-oriented-modelling"] == {"level": 3, "weight": 4}


def test_excerpt_transitions_match_brute_force(excerpt: tuple[ImportReport, Path]) -> None:
    _, out = excerpt
    roles = load(out)[1]
    expected = expected_next(EXCERPT)
    for role in roles.values():
        nexts = [t["role"] for t in role.get("next", [])]
        assert nexts == expected[role["name"]]
        assert role["id"] not in nexts
        assert all(t["years"] == 2 for t in role.get("next", []))


def test_excerpt_skills(excerpt: tuple[ImportReport, Path]) -> None:
    _, out = excerpt
    skills, _, about = load(out)
    assert all(KEBAB.match(s) for s in skills)
    skill = skills["service-oriented-modelling"]
    assert skill["name"] == "service-oriented modelling"
    assert sorted(skill["levels"]) == [1, 2, 3, 4, 5]
    assert skill["category"] == "professionals"
    assert "generic" in skill["summary"]
    assert skill["resources"][0]["kind"] == "docs"
    assert about["source"] == "Contains data from ESCO v1.2.0, © European Union, https://esco.ec.europa.eu"


def test_reimport_is_byte_identical(excerpt: tuple[ImportReport, Path], tmp_path: Path) -> None:
    _, out = excerpt
    import_esco(EXCERPT, tmp_path)
    for name in ("skills.yaml", "roles.yaml"):
        assert (tmp_path / name).read_bytes() == (out / name).read_bytes()


# --- bad input -----------------------------------------------------------------------------


@pytest.fixture
def source(tmp_path: Path) -> Path:
    return Path(shutil.copytree(EXCERPT, tmp_path / "src"))


def test_missing_folder_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"nowhere: no such folder: expected the ESCO files here"):
        import_esco(tmp_path / "nowhere", tmp_path / "out")


def test_unknown_relation_type_names_the_line(source: Path, tmp_path: Path) -> None:
    path = source / "occupation_skill_relations.tsv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[4] = lines[4].replace("\tessential\t", "\tmandatory\t").replace("\toptional\t", "\tmandatory\t")
    path.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(InputError, match=r"relations\.tsv:5: relationType: expected essential or optional"):
        import_esco(source, tmp_path / "out")


def test_unknown_occupation_is_an_input_error(source: Path, tmp_path: Path) -> None:
    with (source / "occupation_skill_relations.tsv").open("a", encoding="utf-8") as file:
        file.write("no-such-uuid\tessential\tmanage staff\n")
    with pytest.raises(InputError, match=r"occupationId 'no-such-uuid' is not in occupations_en.csv"):
        import_esco(source, tmp_path / "out")


def test_malformed_csv_is_an_input_error(source: Path, tmp_path: Path) -> None:
    with (source / "occupations_en.csv").open("a", encoding="utf-8", newline="") as file:
        file.write('Occupation,http://x/1,2511,"unclosed\n')
    with pytest.raises(InputError, match=r"occupations_en\.csv:\d+: malformed CSV"):
        import_esco(source, tmp_path / "out")


def test_occupation_outside_any_major_group(source: Path, tmp_path: Path) -> None:
    path = source / "ISCOGroups_en.csv"
    with path.open(encoding="utf-8", newline="") as file:
        rows = [r for r in csv.reader(file) if r[2] != "1"]
    with path.open("w", encoding="utf-8", newline="") as file:
        csv.writer(file).writerows(rows)
    with pytest.raises(InputError, match=r"iscoGroup '1330' is in no ISCO major group"):
        import_esco(source, tmp_path / "out")


# --- the real ESCO 1.2.0 files -------------------------------------------------------------

needs_esco = pytest.mark.skipif(
    not ESCO.is_dir(), reason=f"ESCO files not found at {ESCO} (../shared/external/esco)"
)


@pytest.fixture(scope="module")
def real(tmp_path_factory: pytest.TempPathFactory) -> tuple[ImportReport, Path]:
    out = tmp_path_factory.mktemp("esco")
    return import_esco(ESCO, out), out


@needs_esco
def test_real_counts(real: tuple[ImportReport, Path]) -> None:
    report, _ = real
    # 129,004 relation rows, 17 occupation/label pairs listed both as essential and optional
    assert (report.roles, report.skills, report.requirements) == (3_039, 13_492, 128_987)
    assert report.skipped == ()
    assert 4 * 3_039 < report.transitions <= 5 * 3_039


@needs_esco
def test_real_roles(real: tuple[ImportReport, Path]) -> None:
    _, out = real
    text = (out / "roles.yaml").read_text(encoding="utf-8")
    developer = block(text, "software-developer")
    assert developer["aliases"][0] == "2512.4"
    assert "application-programmer" in developer["aliases"]
    assert developer["track"] == "professionals"
    tester = block(text, "ict-accessibility-tester")
    assert tester["skills"]["screen-reader"] == {"level": 3, "weight": 4}
    assert tester["skills"]["ajax"] == {"level": 2, "weight": 1, "needed": False}
    assert block(text, "social-services-manager")["skills"]["manage-staff"] == {"level": 3, "weight": 4}
    assert block(text, "artificial-intelligence-engineer")["name"] == "artificial intelligence engineer"


@needs_esco
def test_real_transitions_are_alike_occupations(real: tuple[ImportReport, Path]) -> None:
    _, out = real
    text = (out / "roles.yaml").read_text(encoding="utf-8")
    nexts = [t["role"] for t in block(text, "software-developer")["next"]]
    assert len(set(nexts)) == 5 and "software-developer" not in nexts
    assert {"ict-application-developer", "mobile-application-developer"} <= set(nexts)


@needs_esco
def test_real_reimport_is_byte_identical(real: tuple[ImportReport, Path], tmp_path: Path) -> None:
    _, out = real
    import_esco(ESCO, tmp_path)
    for name in ("skills.yaml", "roles.yaml"):
        assert (tmp_path / name).read_bytes() == (out / name).read_bytes()


@needs_esco
def test_real_esco_kb_plans_matches_and_routes(real: tuple[ImportReport, Path]) -> None:
    from typer.testing import CliRunner

    from careerctl.cli import app

    _, out = real
    runner = CliRunner()

    def careerctl(*args: str) -> tuple[int, str]:
        result = runner.invoke(app, ["--kb", str(out), *args])
        return result.exit_code, result.stdout

    code, stdout = careerctl("kb", "stats", "--json")
    assert code == 0 and json.loads(stdout)["roles"] == 3_039
    code, stdout = careerctl("match", "--from", "software-developer", "--top", "3", "--json")
    assert code == 0 and json.loads(stdout)["roles"][0]["id"] == "software-developer"
    code, stdout = careerctl("path", "ict-help-desk-agent", "software-developer", "--json")
    roles = json.loads(stdout)["route"]["roles"]
    assert code == 0 and (roles[0], roles[-1]) == ("ict-help-desk-agent", "software-developer")
    code, stdout = careerctl(
        "plan", "--from", "ict-help-desk-agent", "--target", "software-developer", "--json"
    )
    assert code == 0 and json.loads(stdout)["steps"][-1]["readiness_after"] == 1.0
    code, stdout = careerctl("path", "software-developer", "ict-project-manager", "--json")
    assert code == 0 and json.loads(stdout)["route"]["roles"][-1] == "ict-project-manager"
