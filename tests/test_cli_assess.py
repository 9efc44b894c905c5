"""assess, progress and profile as a user runs them: from scripts, and with keys fed to the real prompts."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import jsonschema
import pytest
from prompt_toolkit.input import PipeInput, create_pipe_input
from prompt_toolkit.output import DummyOutput
from typer.testing import CliRunner

from careerctl import prompts
from careerctl.cli import app
from careerctl.store import read_profile
from ladder import write_ladder
from test_json_schemas import schema_for

DOWN, ENTER, CTRL_C = "\x1b[B", "\r", "\x03"


@pytest.fixture
def ladder(tmp_path: Path) -> Path:
    return write_ladder(tmp_path / "ladder")


@pytest.fixture
def profile() -> Path:
    return Path(os.environ["CAREERCTL_PROFILE"])


@pytest.fixture
def keys(monkeypatch: pytest.MonkeyPatch) -> Iterator[PipeInput]:
    """Keys for the real questionary prompts, which draw on a dummy screen."""
    with create_pipe_input() as pipe:
        monkeypatch.setattr(prompts, "open_terminal", lambda *streams: prompts.Terminal(pipe, DummyOutput()))
        yield pipe


def run(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def valid(out: str) -> dict[str, object]:
    doc = json.loads(out)
    jsonschema.validate(doc, schema_for(doc), cls=jsonschema.Draft202012Validator)
    return doc  # type: ignore[no-any-return]


# ---------------------------------------------------------------- no terminal


def test_no_terminal_and_no_answers_exits_2_with_nothing_on_stdout(runner: CliRunner, profile: Path) -> None:
    code, out, err = run(runner, "assess")
    assert (code, out) == (2, "")
    assert err == (
        "careerctl: no terminal to ask on: give --answers FILE and/or --set SKILL=LEVEL "
        "(with --current ROLE and --target ROLE) to assess from a script\n"
    )
    assert not profile.exists()


def test_a_script_assesses_with_answers_and_sets_then_plan_uses_the_profile(
    runner: CliRunner, tmp_path: Path, profile: Path
) -> None:
    answers = tmp_path / "a.yaml"
    answers.write_text("sql: 3\nprogramming-languages: 2\n")
    code, out, err = run(
        runner,
        "assess",
        "--current",
        "junior",
        "--target",
        "senior",
        "--answers",
        str(answers),
        "--set",
        "sql=4",
        "--json",
    )
    doc = valid(out)
    assert code == 0 and doc["assessment"]["levels"]["sql"] == 4  # --set wins over --answers
    assert doc["target"] == {"id": "senior-backend-developer", "name": "Senior Backend Developer"}
    assert len(doc["top_steps"]) == 5 and 0 < doc["readiness"] < 1
    assert "kept their previous level, else 0" in err
    saved = read_profile(profile)
    assert saved is not None and saved.current == "junior-backend-developer"
    code, out, _ = run(runner, "plan", "--json")
    plan = json.loads(out)
    assert code == 0 and plan["target"]["id"] == "senior-backend-developer"
    assert plan["current"]["id"] == "junior-backend-developer" and plan["readiness"] == doc["readiness"]


def test_path_and_match_use_the_saved_levels(runner: CliRunner, profile: Path) -> None:
    run(runner, "assess", "--current", "junior", "--target", "mid", "--set", "sql=5")
    _, out, _ = run(runner, "path", "junior", "mid", "--json")
    assert json.loads(out)["start_levels"] == "person"
    code, _, err = run(runner, "match", "--json")
    assert code == 0 and err == (
        f"careerctl: levels from your profile of {json.loads(run(runner, 'profile', 'show', '--json')[1])['assessments'][-1]['at'][:10]} "
        f"({profile}); --from, --answers or --set to override\n"
    )
    assert run(runner, "--quiet", "match", "--json")[2] == ""


def test_a_script_without_roles_gets_the_best_fit_and_the_next_rung(runner: CliRunner, ladder: Path) -> None:
    code, out, _ = run(
        runner,
        "--kb",
        str(ladder),
        "assess",
        "--set",
        "coding=2",
        "--set",
        "sql=2",
        "--set",
        "testing=2",
        "--json",
    )
    doc = json.loads(out)
    assert code == 0 and (doc["current"]["id"], doc["target"]["id"]) == ("mid", "senior")


def test_an_unknown_role_is_bad_input(runner: CliRunner) -> None:
    code, out, err = run(runner, "assess", "--current", "juniour", "--set", "sql=1")
    assert (code, out) == (2, "") and "did you mean junior" in err


def test_a_damaged_profile_is_named_and_kept(runner: CliRunner, profile: Path) -> None:
    profile.write_text("version: 1\nassessments: {\n")
    code, out, err = run(runner, "assess", "--set", "sql=1")
    assert (code, out) == (2, "")
    assert err.startswith(f"careerctl: {profile}:") and "careerctl profile reset" in err
    assert profile.read_text() == "version: 1\nassessments: {\n"
    code, _, err = run(runner, "profile", "reset", "--yes")
    assert code == 0 and f"{profile.parent / 'backups'}" in err and not profile.exists()
    assert run(runner, "plan")[0] == 2  # no profile now: no levels to plan from


def test_a_profile_that_cannot_be_written_is_a_clear_error(runner: CliRunner, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    target = blocker / "profile.yaml"
    code, out, err = run(runner, "--profile", str(target), "assess", "--current", "junior", "--set", "sql=1")
    assert (code, out) == (2, "") and err.startswith(f"careerctl: {target}: cannot write: ")


# ---------------------------------------------------------------- the real prompts, fed keys


def test_arrow_keys_and_enter_to_the_end(
    runner: CliRunner, ladder: Path, keys: PipeInput, profile: Path
) -> None:
    # current: junior (first), target: mid (the default); coding: n, a note, then 2 levels down;
    # sql: 1 down; testing: not yet; Enter on the review screen saves
    keys.send_text(
        ENTER + ENTER + "n" + "ran the build\r" + DOWN + DOWN + ENTER + DOWN + ENTER + ENTER + ENTER
    )
    code, out, err = run(runner, "--kb", str(ladder), "assess", "--json")
    doc = valid(out)
    assert code == 0, err
    assert doc["assessment"]["levels"] == {"coding": 2, "sql": 1, "testing": 0}
    assert doc["assessment"]["notes"] == {"coding": "ran the build"}
    code, out, _ = run(runner, "--kb", str(ladder), "profile", "show", "--json")
    shown = valid(out)
    assert shown["levels"] == {"coding": 2, "sql": 1, "testing": 0} and shown["current"] == "junior"


def test_type_to_filter_picks_a_role(runner: CliRunner, ladder: Path, keys: PipeInput) -> None:
    keys.send_text("sen" + ENTER + ENTER + ENTER * 8)
    code, out, _ = run(runner, "--kb", str(ladder), "assess", "--json")
    assert code == 0 and json.loads(out)["current"]["id"] == "senior"


def test_ctrl_c_exits_130_keeps_the_answers_and_the_next_run_resumes(
    runner: CliRunner, ladder: Path, keys: PipeInput, profile: Path
) -> None:
    keys.send_text(DOWN + ENTER + DOWN + ENTER + CTRL_C)
    code, out, err = run(runner, "--kb", str(ladder), "assess", "--current", "junior", "--target", "senior")
    assert (code, out) == (130, "")
    assert "interrupted; 2 answers saved in" in err and "Run `careerctl assess` to resume." in err
    saved = read_profile(profile)
    assert saved is not None and saved.assessments[-1].levels == {"coding": 1, "sql": 1}
    # resume (Enter = yes), then testing and design
    keys.send_text(ENTER + DOWN + DOWN + DOWN + ENTER + DOWN + ENTER + ENTER)
    code, out, err = run(runner, "--kb", str(ladder), "assess", "--json")
    doc = valid(out)
    assert code == 0, err
    assert doc["resumed"] and doc["assessment"]["levels"] == {
        "coding": 1,
        "sql": 1,
        "testing": 3,
        "design": 1,
    }


def test_ctrl_c_at_the_first_question_saves_nothing(
    runner: CliRunner, ladder: Path, keys: PipeInput, profile: Path
) -> None:
    keys.send_text(CTRL_C)
    code, out, err = run(runner, "--kb", str(ladder), "assess")
    assert (code, out, err) == (130, "", "\ncareerctl: interrupted; nothing was saved\n")
    assert not profile.exists()


def test_the_human_summary_shows_readiness_and_five_steps(runner: CliRunner) -> None:
    code, out, err = run(runner, "assess", "--current", "junior", "--target", "mid", "--set", "sql=2")
    assert code == 0 and out.startswith("Readiness for Backend Developer: ")
    assert "Your next steps" in out and "Saved the assessment (34 skills)" in err


# ---------------------------------------------------------------- profile and progress


@pytest.fixture
def two_assessments(runner: CliRunner, ladder: Path) -> Path:
    for sets in (["coding=1", "sql=1"], ["coding=2", "sql=1", "testing=2"]):
        args = ["--kb", str(ladder), "assess", "--current", "junior", "--target", "mid"]
        assert run(runner, *args, *(x for s in sets for x in ("--set", s)))[0] == 0
    return ladder


def test_progress_shows_each_level_over_time_and_what_changed(
    runner: CliRunner, two_assessments: Path
) -> None:
    code, out, _ = run(runner, "--kb", str(two_assessments), "progress")
    assert code == 0
    assert "Coding" in out and "↑ 1 -> 2" in out and "Readiness for Mid Dev: 33% -> 83%" in out
    assert "Testing ↑ 0 -> 2" in out
    code, out, _ = run(runner, "--kb", str(two_assessments), "progress", "--json")
    doc = valid(out)
    assert [p["readiness"] for p in doc["assessments"]] == [pytest.approx(2 / 6), pytest.approx(5 / 6)]
    assert doc["changes"] == [
        {"skill": "coding", "name": "Coding", "from": 1, "to": 2},
        {"skill": "testing", "name": "Testing", "from": 0, "to": 2},
    ]


def test_no_profile_yet_is_no_result(runner: CliRunner, profile: Path) -> None:
    for command in (["progress"], ["profile", "show"], ["profile", "export"]):
        code, out, err = run(runner, *command)
        assert (code, out) == (1, "")
        assert err == f"careerctl: no assessment saved yet in {profile}: run `careerctl assess` first\n"


def test_profile_path_prints_the_file_in_use(runner: CliRunner, tmp_path: Path, profile: Path) -> None:
    assert run(runner, "profile", "path") == (0, f"{profile}\n", "")
    other = tmp_path / "elsewhere.yaml"
    assert run(runner, "--profile", str(other), "profile", "path") == (0, f"{other}\n", "")


def test_profile_show_lists_each_skill_with_its_anchor(runner: CliRunner, two_assessments: Path) -> None:
    code, out, _ = run(runner, "--kb", str(two_assessments), "profile", "show")
    assert code == 0 and "Current role: Junior Dev;  target: Mid Dev" in out
    assert "2 assessments" in out and "Writes a module" in out and "not yet" not in out


def test_export_then_import_round_trips(
    runner: CliRunner, two_assessments: Path, tmp_path: Path, profile: Path
) -> None:
    for flag, name in (([], "p.yaml"), (["--json"], "p.json")):
        code, out, _ = run(runner, "profile", "export", *flag)
        exported = tmp_path / name
        exported.write_text(out)
        before = profile.read_bytes()
        code, _, err = run(runner, "profile", "import", str(exported), "--yes")
        assert code == 0 and "Imported 2 assessments" in err
        assert profile.read_bytes() == before
        assert max((profile.parent / "backups").iterdir()).read_bytes() == before


def test_import_of_a_bad_file_changes_nothing(
    runner: CliRunner, two_assessments: Path, tmp_path: Path, profile: Path
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("version: 1\nassessments: 3\n")
    before = profile.read_bytes()
    code, _, err = run(runner, "profile", "import", str(bad))
    assert code == 2 and err == f"careerctl: {bad}:2: assessments: must be a list, not a whole number\n"
    assert profile.read_bytes() == before


# ---------------------------------------------------------------- cost


def test_help_and_scripted_json_runs_do_not_import_questionary(tmp_path: Path) -> None:
    code = (
        "import sys\nfrom careerctl.cli import app\n"
        "for args in (['--help'], ['assess', '--current', 'junior', '--target', 'mid', '--set', 'sql=2', '--json']):\n"
        "    try:\n        app(args, prog_name='careerctl')\n    except SystemExit:\n        pass\n"
        "print('questionary' in sys.modules, 'prompt_toolkit' in sys.modules, file=sys.stderr)"
    )
    env = {**os.environ, "CAREERCTL_PROFILE": str(tmp_path / "p.yaml")}
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        env=env,
        check=True,
    )
    assert done.stderr.splitlines()[-1] == "False False"
