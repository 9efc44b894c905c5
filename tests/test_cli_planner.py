"""plan, path and match as a user runs them, on the bundled KB."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from careerctl.cli import app


def run(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_path_junior_senior_prints_the_ladder_with_the_skills_each_rung_raises(runner: CliRunner) -> None:
    code, out, _ = run(runner, "path", "junior", "senior")
    assert code == 0
    assert "Junior Backend Developer -> Backend Developer -> Senior Backend Developer" in out
    assert "SQL 2 -> 3" in out and "total:" in out


def test_path_json_lists_role_ids_in_order(runner: CliRunner) -> None:
    code, out, _ = run(runner, "path", "junior", "senior", "--json")
    doc = json.loads(out)
    assert code == 0 and doc["route"]["roles"] == [
        "junior-backend-developer",
        "backend-developer",
        "senior-backend-developer",
    ]
    assert doc["route"]["hours"] == sum(leg["hours"] for leg in doc["route"]["legs"])


def test_path_alternatives_rank_by_track_changes_then_hours(runner: CliRunner) -> None:
    code, out, _ = run(runner, "path", "junior", "cto", "--alternatives", "4", "--json")
    doc = json.loads(out)
    keys = [(r["track_changes"], r["hours"]) for r in [doc["route"], *doc["alternatives"]]]
    assert code == 0 and len(keys) == 5 and keys == sorted(keys)


def test_path_junior_cto_climbs_the_backend_ladder_then_says_where_it_switches_track(
    runner: CliRunner,
) -> None:
    code, out, _ = run(runner, "path", "junior", "cto", "--json")
    route = json.loads(out)["route"]
    assert route["roles"] == [
        "junior-backend-developer",
        "backend-developer",
        "senior-backend-developer",
        "engineering-manager",
        "cto",
    ]
    assert (route["hours"], route["track_changes"]) == (2840, 1)
    code, out, _ = run(runner, "path", "junior", "cto")
    switches = [line for line in out.splitlines() if "switches track" in line]
    assert switches == ["├── switches track: backend -> management at Engineering Manager"]
    assert "switches track" not in run(runner, "path", "junior", "senior")[1]


def test_no_route_is_a_sentence_and_exit_1(runner: CliRunner) -> None:
    code, out, err = run(runner, "path", "senior", "intern")
    assert (code, err) == (1, "")
    assert (
        out
        == "There is no route from Senior Backend Developer to Backend Intern: no chain of transitions leads there.\n"
        "Senior Backend Developer's levels already meet everything Backend Intern needs.\n"
    )


def test_from_equal_to_is_a_route_of_zero_length(runner: CliRunner) -> None:
    code, out, _ = run(runner, "path", "mid", "mid", "--json")
    route = json.loads(out)["route"]
    assert code == 0 and route == {
        "roles": ["backend-developer"],
        "hours": 0,
        "years": 0,
        "legs": [],
        "track_changes": 0,
    }


def test_path_from_the_persons_levels(runner: CliRunner) -> None:
    _, plain, _ = run(runner, "path", "junior", "mid", "--json")
    _, mine, _ = run(runner, "path", "junior", "mid", "--from", "mid", "--json")
    assert json.loads(plain)["route"]["hours"] > 0 and json.loads(mine)["route"]["hours"] == 0


def test_path_unknown_role_suggests(runner: CliRunner) -> None:
    code, out, err = run(runner, "path", "junoir", "senior")
    assert (code, out) == (2, "")
    assert "unknown role 'junoir'; did you mean junior?" in err


def test_plan_from_junior_to_senior(runner: CliRunner) -> None:
    code, out, _ = run(runner, "plan", "--from", "junior", "--target", "senior", "--json")
    doc = json.loads(out)
    steps = doc["steps"]
    assert code == 0 and steps
    assert all({"skill", "from", "to", "hours", "why"} <= set(step) for step in steps)
    ready = [s["readiness_after"] for s in steps]
    assert ready == sorted(ready) and ready[-1] == 1.0
    assert [s["cumulative_hours"] for s in steps][-1] == doc["total_hours"]


def test_plan_human_output_is_short_with_a_closing_line(runner: CliRunner) -> None:
    code, out, _ = run(runner, "plan", "--from", "junior", "--target", "senior", "--hours-per-week", "10")
    assert code == 0
    lines = out.rstrip().splitlines()
    assert lines[0].startswith("Readiness for Senior Backend Developer: ")
    assert lines[2].startswith("Phase 1 of 2: Backend Developer, ")
    assert "more steps in this phase (--all shows every step)" in out
    assert "Phase 2 of 2: Senior Backend Developer" in out
    assert "still needs" not in out  # the gap tree is for --all
    closing, hours_line = lines[-2:]  # the closing line, then what the hours count
    assert closing.startswith("Senior Backend Developer about ") and " h of study at 10 h/week" in closing
    assert hours_line.startswith("Hours are deliberate study")


def test_plan_all_prints_every_step_and_the_gap_tree(runner: CliRunner) -> None:
    _, out, _ = run(runner, "plan", "--from", "junior", "--target", "senior", "--all")
    assert "What Senior Backend Developer still needs" in out
    assert "more step" not in out
    total = json.loads(run(runner, "plan", "--from", "junior", "--target", "senior", "--json")[1])[
        "steps_total"
    ]
    assert f"| {total} |" in out


def test_plan_top_shortens_every_part(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    _, out, _ = run(runner, "plan", "--from", "junior", "--target", "senior", "--top", "3")
    assert len(out.splitlines()) < 25
    assert "| 3 |" in out and "| 4 |" not in out
    assert "Largest gaps for Senior Backend Developer: System design 0/4, " in out


def test_plan_top_and_all_do_not_go_together(runner: CliRunner) -> None:
    code, _, err = run(runner, "plan", "--from", "junior", "--top", "3", "--all")
    assert code == 2 and "give only one" in err


def test_plan_says_when_it_chose_the_target(runner: CliRunner) -> None:
    _, out, _ = run(runner, "plan", "--from", "junior")
    assert (
        "Target: Backend Developer, the first role on your track you do not fully meet (--target to choose)"
        in out
    )
    _, out, _ = run(runner, "plan", "--from", "junior", "--target", "mid")
    assert "Target:" not in out


def test_plan_json_says_what_it_holds(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1798761600")  # 2027-01-01
    _, out, _ = run(runner, "plan", "--from", "junior", "--target", "senior", "--top", "10", "--json")
    doc = json.loads(out)
    assert doc["truncated"] and doc["steps_total"] > len(doc["steps"]) == 10
    assert doc["shown_hours"] == doc["steps"][-1]["cumulative_hours"] < doc["total_hours"]
    assert doc["shown_readiness_after"] < doc["readiness_after"] == 1.0
    assert [p["role"]["id"] for p in doc["phases"]] == ["backend-developer", "senior-backend-developer"]
    assert (doc["start"], doc["target_chosen"]) == ("2027-01-01", "given")
    assert len(doc["schedule"][0]["skills"]) == 3


@pytest.mark.parametrize("per_week", ["40", "168"])
def test_plan_dates_never_beat_the_typical_years(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, per_week: str
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1798761600")  # 2027-01-01
    _, out, _ = run(
        runner, "plan", "--from", "junior", "--target", "cto", "--hours-per-week", per_week, "--json"
    )
    doc = json.loads(out)
    typical = sum(p["years"] or 0 for p in doc["phases"])
    assert typical >= 5 and doc["finish"] >= f"{2027 + int(typical)}-01-01"  # never before the typical years
    assert all(p["set_by"] == "time-in-role" for p in doc["phases"])


def test_plan_default_target_is_the_next_rung(runner: CliRunner) -> None:
    code, out, _ = run(runner, "plan", "--from", "junior", "--json")
    assert code == 0 and json.loads(out)["target"]["id"] == "backend-developer"


def test_plan_top_limits_steps(runner: CliRunner) -> None:
    _, out, _ = run(runner, "plan", "--from", "junior", "--target", "senior", "--top", "3", "--json")
    assert [s["rank"] for s in json.loads(out)["steps"]] == [1, 2, 3]


def test_set_overrides_answers(runner: CliRunner, tmp_path: Path) -> None:
    answers = tmp_path / "a.yaml"
    answers.write_text("sql: 1\nsystem-design: 2\n")
    _, out, _ = run(
        runner, "plan", "--answers", str(answers), "--set", "sql=4", "--target", "senior", "--json"
    )
    gaps = {g["skill"]: g["have"] for g in json.loads(out)["gaps"]}
    assert "sql" not in gaps and gaps["system-design"] == 2


def test_no_levels_says_how_to_give_them(runner: CliRunner) -> None:
    code, out, err = run(runner, "plan")
    assert (code, out) == (2, "")
    assert "--answers FILE" in err and "--set SKILL=LEVEL" in err and err.count("\n") == 1


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("sql: 2\nkotlin: 3\n", "a.yaml:2: kotlin: unknown skill"),
        ("sql: 9\n", "a.yaml:1: sql: level 9 is outside 0..5"),
        ("- sql\n- 3\n", "a.yaml:1: must be a mapping of skill ids to levels 0..5, not a list"),
        ("sql: three\n", "a.yaml:1: sql: level must be a whole number from 0 to 5, not text"),
        ("sql: true\n", "a.yaml:1: sql: level must be a whole number from 0 to 5, not a boolean"),
        (
            '{"sql": 2.5}',
            "a.yaml:1: sql: level must be a whole number from 0 to 5, not a number with a fraction",
        ),
    ],
)
def test_bad_answers_file_names_file_and_key(
    runner: CliRunner, tmp_path: Path, content: str, expected: str
) -> None:
    answers = tmp_path / "a.yaml"
    answers.write_text(content)
    code, out, err = run(runner, "plan", "--answers", str(answers))
    assert (code, out) == (2, "")
    assert expected in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("value", "message"),
    [("sql", "must look like SKILL=LEVEL"), ("sql=6", "level must be"), ("sqll=2", "did you mean sql?")],
)
def test_bad_set_values(runner: CliRunner, value: str, message: str) -> None:
    code, _, err = run(runner, "plan", "--set", value)
    assert code == 2 and message in err


def test_match_from_senior_lists_senior_first(runner: CliRunner) -> None:
    code, out, _ = run(runner, "match", "--from", "senior", "--json")
    roles = json.loads(out)["roles"]
    assert code == 0 and roles[0]["id"] == "senior-backend-developer" and roles[0]["fit"] == 1.0


def test_match_by_track(runner: CliRunner) -> None:
    code, out, _ = run(runner, "match", "--from", "devops", "--track", "platform", "--json")
    roles = json.loads(out)["roles"]
    assert code == 0 and {r["track"] for r in roles} == {"platform"} and roles[0]["id"] == "devops-engineer"


def test_role_names_complete_on_tab(runner: CliRunner) -> None:
    result = runner.invoke(
        app,
        [],
        env={"_CAREERCTL_COMPLETE": "complete_bash", "COMP_WORDS": "careerctl path sen", "COMP_CWORD": "2"},
        prog_name="careerctl",
    )
    assert "senior" in result.stdout.split() and "senior-backend-developer" in result.stdout.split()


def test_match_puts_lower_rungs_last_and_marks_the_current_role(runner: CliRunner) -> None:
    _, out, _ = run(runner, "match", "--from", "senior", "--top", "100", "--json")
    doc = json.loads(out)
    rows = doc["roles"]
    assert doc["current"]["id"] == "senior-backend-developer" and doc["lower_rungs_last"]
    assert [r["id"] for r in rows if r["current"]] == ["senior-backend-developer"]
    lower = [r["below_current"] for r in rows]
    assert any(lower) and lower == sorted(lower)  # every lower rung after every other role
    assert {r["id"] for r in rows if r["below_current"]} >= {"backend-developer", "junior-backend-developer"}
    assert [r["rank"] for r in rows] == list(range(1, len(rows) + 1))
    _, out, _ = run(runner, "match", "--from", "senior", "--top", "100", "--all", "--json")
    plain = json.loads(out)["roles"]
    assert [r["fit"] for r in plain] == sorted((r["fit"] for r in plain), reverse=True)
    _, out, _ = run(runner, "match", "--from", "senior", "--top", "100")
    assert out.startswith("fit: how close your skills are to the role's; ready: ")
    assert "Senior Backend Developer (your role)" in out and "Backend Intern (a rung below yours)" in out


def test_a_plan_for_a_role_already_met_says_so_and_plans_nothing(runner: CliRunner) -> None:
    # Backend Developer meets every requirement of Junior; the KB's only way back down runs
    # through Associate PM, Business Analyst and QA, which the plan once walked for years.
    code, out, _ = run(runner, "plan", "--from", "mid", "--target", "junior")
    assert code == 0
    assert "You already meet every requirement of Junior Backend Developer." in out
    assert "Phase" not in out
    doc = json.loads(run(runner, "plan", "--from", "mid", "--target", "junior", "--json")[1])
    assert (doc["phases"], doc["steps_total"], doc["total_hours"], doc["readiness"]) == ([], 0, 0, 1.0)


def test_no_route_gives_the_direct_gap_and_the_plan_to_close_it(runner: CliRunner, tmp_path: Path) -> None:
    from kbfiles import MINI_ROLES, write_kb

    architect = """\
  - id: architect
    name: Architect
    track: dev
    seniority: 3
    summary: Nobody moves here.
    skills: {coding: 4}
checks:"""
    roles = MINI_ROLES.replace("checks:", architect)
    kb = str(write_kb(tmp_path / "kb", roles=roles))
    code, out, _ = run(runner, "--kb", kb, "path", "junior", "architect")
    # coding 1 -> 4 at the mini KB's effort: 2 + 3 + 4 hours; sql has no effort: the note says so
    assert (code, out.splitlines()) == (
        1,
        [
            "There is no route from Junior Dev to Architect: no chain of transitions leads there.",
            "Straight to Architect from Junior Dev's levels: 9 hours of study. "
            "For the steps in order: careerctl plan --from junior --target architect",
            "Hours are rough: this KB gives no effort for some skills, so careerctl's default table applies.",
        ],
    )
    code, out, _ = run(runner, "--kb", kb, "path", "junior", "architect", "--set", "coding=2", "--json")
    doc = json.loads(out)
    assert (code, doc["direct_hours"], doc["kb"]["default_effort"]) == (1, 7, True)


def test_match_rows_say_why(runner: CliRunner) -> None:
    code, out, _ = run(runner, "match", "--from", "senior", "--top", "2", "--json")
    rows = json.loads(out)["roles"]
    assert code == 0 and rows[0]["why"].startswith("meets 28 of its 28 important skills")
    assert "short in" in rows[1]["why"]
    code, out, _ = run(runner, "match", "--from", "senior", "--top", "2")
    assert rows[1]["why"].split(";")[0] in out and "Hours are rough" not in out


def test_reports_say_hours_are_rough_on_a_kb_with_the_default_effort(
    runner: CliRunner, tmp_path: Path
) -> None:
    from kbfiles import write_kb

    rough = str(write_kb(tmp_path / "kb"))  # the mini KB's sql gives no effort
    code, out, _ = run(
        runner, "--kb", rough, "report", "--set", "coding=1", "--target", "senior", "--format", "markdown"
    )
    assert code == 0 and "rough: the knowledge base gives no effort for some skills" in out
    code, out, _ = run(runner, "report", "--from", "junior", "--target", "senior", "--format", "markdown")
    assert code == 0 and "rough:" not in out  # the bundled KB gives every effort


def test_show_says_a_skills_hours_are_rough_when_they_come_from_the_default_table(
    runner: CliRunner, tmp_path: Path
) -> None:
    from kbfiles import write_kb

    kb = str(write_kb(tmp_path / "kb"))  # sql gives no effort, coding does
    code, out, _ = run(runner, "--kb", kb, "show", "sql")
    assert code == 0 and "no effort for this skill" in out
    code, out, _ = run(runner, "--kb", kb, "show", "coding")
    assert code == 0 and "Hours are rough" not in out


def test_path_to_a_role_already_met_says_plan_has_nothing_to_learn(runner: CliRunner) -> None:
    # Backend Developer's own levels meet Junior's; the only way down climbs through other roles.
    code, out, err = run(runner, "path", "mid", "junior")
    assert code == 0 and "Best route" in out
    assert (
        "Backend Developer's levels already meet every requirement of Junior Backend Developer: "
        "`plan` finds nothing to learn." in err
    )
    assert "already meet" not in run(runner, "path", "junior", "senior")[2]


def test_path_gives_the_study_at_the_pace_and_the_typical_years(runner: CliRunner) -> None:
    # junior -> senior: 520 + 1,340 = 1,860 h; at 6 h/week 310 weeks, 5.9 years; 2 + 3 typical years
    out = run(runner, "path", "junior", "senior")[1]
    assert "total: 1,860 hours of study (about 5.9 years at 6 h/week); typically 5 years in the roles" in out


STUDY_LINE = "Hours are deliberate study; above what a first job needs, they assume practice at work too."


@pytest.mark.parametrize(
    "args",
    [("path", "junior", "senior"), ("plan", "--from", "junior", "--target", "senior")],
)
def test_plan_and_path_say_what_their_hours_count(runner: CliRunner, args: tuple[str, ...]) -> None:
    code, out, _ = run(runner, *args)
    assert code == 0 and out.rstrip().endswith(STUDY_LINE)


def test_the_hours_line_is_in_indonesian_too(runner: CliRunner) -> None:
    out = run(runner, "--lang", "id", "path", "junior", "senior")[1]
    assert out.rstrip().endswith(
        "Jam ini belajar yang disengaja; di atas kebutuhan pekerjaan pertama, jam ini mengandaikan latihan "
        "di tempat kerja juga."
    )
    assert STUDY_LINE not in out


@pytest.mark.parametrize(
    ("skill", "first_job", "line"),
    [
        # A junior needs SQL 2: levels 1-2 (40, 80 h) are full-time study, 3-5 (40, 70, 120 h) beside work.
        ("sql", 2, "Hours are deliberate study: full time up to level 2, as a first job needs it; above that, "
         "beside practice at work."),
        ("caching", 0, "Hours are deliberate study beside practice at work: a first job does not need this skill."),
    ],
)  # fmt: skip
def test_show_skill_says_where_full_time_study_ends(
    runner: CliRunner, skill: str, first_job: int, line: str
) -> None:
    code, out, _ = run(runner, "show", skill)
    assert code == 0 and line in " ".join(out.split())
    assert json.loads(run(runner, "show", skill, "--json")[1])["first_job_level"] == first_job


def test_the_hours_line_gives_way_to_the_rough_line_on_default_effort(
    runner: CliRunner, tmp_path: Path
) -> None:
    kb = tmp_path / "kb"
    kb.mkdir()
    for name in ("roles.yaml", "skills.yaml"):
        text = (Path(__file__).resolve().parents[1] / "data" / name).read_text(encoding="utf-8")
        if name == "skills.yaml":
            text = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("effort:"))
        (kb / name).write_text(text, encoding="utf-8")
    out = run(runner, "--kb", str(kb), "path", "junior", "senior")[1]
    assert "Hours are rough" in out and STUDY_LINE not in out


def test_show_skill_without_an_entry_rung_says_what_hours_count_in_general(
    runner: CliRunner, tmp_path: Path
) -> None:
    # No intern rung (seniority 0) on any track: no first job to draw the line at.
    kb = tmp_path / "kb"
    kb.mkdir()
    data = Path(__file__).resolve().parents[1] / "data"
    (kb / "skills.yaml").write_text((data / "skills.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    roles = (data / "roles.yaml").read_text(encoding="utf-8").replace("seniority: 0", "seniority: 1")
    (kb / "roles.yaml").write_text(roles, encoding="utf-8")
    code, out, _ = run(runner, "--kb", str(kb), "show", "sql")
    assert code == 0 and STUDY_LINE in " ".join(out.split())
    assert json.loads(run(runner, "--kb", str(kb), "show", "sql", "--json")[1])["first_job_level"] is None
