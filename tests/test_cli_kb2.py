"""The second-edition KB from the command line: search, technologies in show, --stack, and a
first-edition profile that keeps its ratings (issues #18 and #13)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from careerctl.cli import app
from careerctl.kb.load import bundled_kb_dir

FIRST_EDITION_PROFILE = Path(__file__).parent / "fixtures" / "profile-first-edition.yaml"


def run(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def first_edition_profile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    profile = tmp_path / "profile.yaml"
    shutil.copy(FIRST_EDITION_PROFILE, profile)
    monkeypatch.setenv("CAREERCTL_PROFILE", str(profile))
    return profile


def test_kb_stats_meets_the_issue(runner: CliRunner) -> None:
    code, out, _ = run(runner, "kb", "stats", "--json")
    doc = json.loads(out)
    assert code == 0
    assert (
        doc["roles"] >= 45 and doc["skills"] >= 60 and doc["transitions"] >= 120 and doc["resources"] >= 300
    )


def test_from_nothing_to_junior_is_600_to_1200_hours(runner: CliRunner) -> None:
    code, out, _ = run(runner, "plan", "--target", "junior", "--set", "programming-languages=0", "--json")
    doc = json.loads(out)
    assert code == 0 and 600 <= doc["total_hours"] == doc["hours_direct"] <= 1200
    # Levels all 0 stand on the lowest rung, not on the cheapest role to meet: Associate Product
    # Manager's levels cost a fifth of a first job's (study beside a job), and would win on hours.
    assert doc["current"]["id"] == "backend-intern"


@pytest.mark.parametrize(
    "name", ["staff", "principal", "director", "backend engineer", "caching", "kubernetes"]
)
def test_show_finds_the_new_roles_and_skills(runner: CliRunner, name: str) -> None:
    code, out, err = run(runner, "show", name)
    assert (code, err) == (0, "") and out


@pytest.mark.parametrize(("source", "target"), [("pm", "cto"), ("architect", "sa")])
def test_the_issues_routes_exist(runner: CliRunner, source: str, target: str) -> None:
    code, out, _ = run(runner, "path", source, target, "--json")
    assert code == 0 and json.loads(out)["route"] is not None


def test_show_a_technology_names_the_skill_and_the_others_that_cover_it(runner: CliRunner) -> None:
    code, out, err = run(runner, "show", "redis")
    assert code == 0 and out.startswith("Caching  caching, web\n")
    assert "covers: redis, memcached" in out
    assert err == (
        "redis is covered by Caching; Real-time APIs, NoSQL databases also cover it (`careerctl search redis`)\n"
    )


def test_show_json_carries_technologies_and_resource_details(runner: CliRunner) -> None:
    doc = json.loads(run(runner, "show", "kubernetes", "--json")[1])
    assert "helm" in doc["skill"]["technologies"] and doc["skill"]["replaces"] == ["containers-orchestration"]
    resource = doc["skill"]["resources"][0]
    assert set(resource) == {"title", "kind", "level", "url", "author", "cost", "language", "stack"}
    assert resource["cost"] in ("free", "paid")


def test_did_you_mean_reaches_technologies(runner: CliRunner) -> None:
    code, out, err = run(runner, "show", "kubernets")
    assert (code, out) == (2, "") and "did you mean kubernetes" in err


def test_search_kafka_finds_the_skills_that_cover_it(runner: CliRunner) -> None:
    code, out, err = run(runner, "search", "kafka", "--json")
    doc = json.loads(out)
    assert (code, err, doc["schema"], doc["query"]) == (0, "", "careerctl.search/1", "kafka")
    assert [(h["id"], h["match"]) for h in doc["hits"][:2]] == [
        ("message-queues-streaming", "exact"),
        ("data-engineering", "exact"),
    ]


def test_search_prints_a_table_and_says_when_nothing_matches(runner: CliRunner) -> None:
    code, out, _ = run(runner, "search", "Event Streaming", "--top", "2")
    assert code == 0 and "message-queues-streaming" in out and "| 3 |" not in out
    assert run(runner, "search", "zzyzx") == (1, "Nothing in this knowledge base matches 'zzyzx'.\n", "")


@pytest.mark.parametrize(
    ("stack", "title"),
    [
        ("java", "Learn Java (Dev.java tutorials)"),
        ("php", "PHP manual - A simple tutorial"),
        ("go", "A Tour of Go"),
        ("python", "The Python Tutorial"),
    ],
)
def test_stack_picks_the_resources_of_the_persons_language(runner: CliRunner, stack: str, title: str) -> None:
    args = ("plan", "--target", "junior", "--set", "programming-languages=0", "--stack", stack, "--json")
    doc = json.loads(run(runner, *args)[1])
    first = next(s for s in doc["steps"] if s["skill"] == "programming-languages")
    assert first["resource"]["title"] == title


def test_the_profiles_stack_is_used_and_said(runner: CliRunner, first_edition_profile: Path) -> None:
    text = first_edition_profile.read_text(encoding="utf-8")
    first_edition_profile.write_text(
        text.replace("version: 1\n", "version: 1\nstack: go\n"), encoding="utf-8"
    )
    code, out, err = run(runner, "plan", "--target", "senior", "--json")
    assert code == 0 and "resources for the go stack, from" in err
    titles = {
        s["resource"]["title"] for s in json.loads(out)["steps"] if s["skill"] == "programming-languages"
    }
    assert any("Go" in title for title in titles)


def test_a_first_edition_profile_plans_on_the_second_edition_and_is_told_once(
    runner: CliRunner, first_edition_profile: Path
) -> None:
    code, out, err = run(runner, "plan", "--json")
    assert code == 0 and json.loads(out)["target"]["id"] == "senior-backend-developer"
    assert err.count("The knowledge base has changed since your assessment") == 1
    assert "security -> web-security + authentication-authorisation + application-security" in err
    assert "not in this knowledge base" not in err  # no rating left out
    levels = json.loads(run(runner, "plan", "--json")[1])
    assert levels["readiness"] > 0.5


def test_a_declared_rename_keeps_readiness_from_the_command_line(
    runner: CliRunner, tmp_path: Path, first_edition_profile: Path
) -> None:
    """Issue 13: rename a rated skill in a copy of the KB, declare it: readiness unchanged, said once."""
    import re

    renamed = tmp_path / "renamed"
    shutil.copytree(bundled_kb_dir(), renamed)
    for name in ("skills.yaml", "roles.yaml"):
        text = re.sub(r"(?<=[\s{,])sql:(?= )", "sql-renamed:", (renamed / name).read_text(encoding="utf-8"))
        text = text.replace("  - id: sql\n", "  - id: sql-renamed\n    replaces: [sql]\n")
        (renamed / name).write_text(text, encoding="utf-8")
    before = json.loads(run(runner, "plan", "--json")[1])
    code, out, err = run(runner, "--kb", str(renamed), "plan", "--json")
    after = json.loads(out)
    assert code == 0 and after["readiness"] == before["readiness"]
    assert after["total_hours"] == before["total_hours"]
    assert err.count("sql -> sql-renamed") == 1


def test_path_from_a_first_edition_profile_says_what_changed(
    runner: CliRunner, first_edition_profile: Path
) -> None:
    code, out, err = run(runner, "path", "mid", "senior", "--json")
    assert code == 0 and json.loads(out)["start_levels"] == "person"
    assert err.count("The knowledge base has changed since your assessment") == 1
