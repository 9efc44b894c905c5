"""Saved state a person can see: the config file, notices on stderr, safe reset and restore, answer checks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from careerctl.cli import app
from ladder import write_ladder


def run(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_config_set_kb_then_a_plain_plan_uses_it_and_says_so(runner: CliRunner, tmp_path: Path) -> None:
    ladder = write_ladder(tmp_path / "acme")
    config = Path(os.environ["CAREERCTL_CONFIG"])
    code, _, err = run(runner, "config", "set", "kb", str(ladder))
    assert code == 0 and err == f"Set kb = {ladder} in {config}\n"
    code, out, err = run(runner, "plan", "--from", "junior", "--json")
    assert code == 0 and json.loads(out)["target"]["id"] == "mid"  # the ladder's roles, not the bundled KB's
    assert err == f"careerctl: kb = {ladder} from your config ({config}; `careerctl config unset kb`)\n"
    assert run(runner, "--quiet", "plan", "--from", "junior", "--json")[2] == ""
    assert run(runner, "config", "show")[
        1
    ] == f'# the knowledge base folder used when --kb is not given\nkb = "{ladder}"\n'.replace(
        "# the",
        "# careerctl settings: `careerctl config set KEY VALUE`; flags on the command line win.\n# the",
    )
    assert run(runner, "config", "path")[1] == f"{config}\n"
    assert run(runner, "config", "unset", "kb")[0] == 0
    assert json.loads(run(runner, "plan", "--from", "junior", "--json")[1])["target"]["id"] != "mid"


def test_a_bare_config_shows_the_settings_and_config_json_is_a_document(runner: CliRunner) -> None:
    import jsonschema

    from test_json_schemas import schema_for

    config = Path(os.environ["CAREERCTL_CONFIG"])
    assert run(runner, "config") == (
        0,
        "",
        f"No settings in {config} (`careerctl config set KEY VALUE` makes it)\n",
    )
    run(runner, "config", "set", "hours_per_week", "8")
    run(runner, "config", "set", "stack", "python")
    code, out, _ = run(runner, "config")
    assert code == 0 and out == run(runner, "config", "show")[1]
    assert "hours_per_week = 8\n" in out  # as it was typed, not 8.0
    code, out, _ = run(runner, "config", "--json")
    doc = json.loads(out)
    jsonschema.validate(doc, schema_for(doc), cls=jsonschema.Draft202012Validator)
    assert doc == {
        "schema": "careerctl.config/1",
        "file": str(config),
        "settings": {"hours_per_week": 8, "stack": "python"},
    }
    assert json.loads(run(runner, "config", "show", "--json")[1]) == doc
    code, _, err = run(runner, "config", "path", "--json")
    assert code == 2 and "--json goes with config show" in err


def test_the_config_files_comments_are_in_the_language_it_was_written_in(runner: CliRunner) -> None:
    run(runner, "--lang", "id", "config", "set", "hours_per_week", "8")
    assert Path(os.environ["CAREERCTL_CONFIG"]).read_text(encoding="utf-8") == (
        "# pengaturan careerctl: `careerctl config set KEY VALUE`; opsi di baris perintah lebih diutamakan.\n"
        "# jam belajar per minggu, untuk tanggal di rencana\n"
        "hours_per_week = 8\n"
    )


def test_a_bad_setting_is_refused_with_its_key(runner: CliRunner) -> None:
    code, _, err = run(runner, "config", "set", "hours_per_week", "lots")
    assert code == 2 and err == "careerctl: config set: hours_per_week: must be a number from 0.5 to 168\n"
    code, _, err = run(runner, "config", "set", "colour")
    assert code == 2 and "config set KEY VALUE" in err


def test_hours_per_week_comes_from_the_config_unless_given(runner: CliRunner) -> None:
    run(runner, "config", "set", "hours_per_week", "12")
    assert json.loads(run(runner, "plan", "--from", "junior", "--json")[1])["hours_per_week"] == 12
    doc = json.loads(run(runner, "plan", "--from", "junior", "--json", "--hours-per-week", "3")[1])
    assert doc["hours_per_week"] == 3


def test_global_options_work_after_the_command(tmp_path: Path) -> None:
    ladder = write_ladder(tmp_path / "acme")
    script = Path(sys.executable).parent / "careerctl"
    done = subprocess.run(
        [str(script), "plan", "--from", "junior", "--json", "--kb", str(ladder)],
        capture_output=True,
        text=True,
        env={**os.environ},
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["target"]["id"] == "mid"


def test_reset_twice_then_restore_brings_the_first_history_back(runner: CliRunner, tmp_path: Path) -> None:
    ladder = str(write_ladder(tmp_path / "kb"))
    profile = Path(os.environ["CAREERCTL_PROFILE"])
    for sql in ("1", "2", "3"):
        run(runner, "--kb", ladder, "assess", "--current", "junior", "--target", "mid", "--set", f"sql={sql}")
    first = profile.read_bytes()
    assert run(runner, "profile", "reset")[0] == 2  # no terminal to ask on, and no --yes
    assert profile.read_bytes() == first
    assert run(runner, "profile", "reset", "--yes")[0] == 0
    run(runner, "--kb", ladder, "assess", "--current", "junior", "--target", "mid", "--set", "sql=5")
    assert run(runner, "profile", "reset", "--yes")[0] == 0 and not profile.exists()
    code, out, _ = run(runner, "profile", "restore", "--list")
    names = out.split()
    assert code == 0 and len(names) == 2
    code, _, err = run(runner, "profile", "restore", names[-1], "--yes")  # the oldest: the first history
    assert code == 0 and "Restored 3 assessments" in err
    assert profile.read_bytes() == first


def test_an_answer_above_its_prerequisite_is_warned_about(runner: CliRunner, tmp_path: Path) -> None:
    from careerctl.context import Env

    kb = Env().load().kb  # the bundled KB: a skill whose level 4 needs another skill first
    skill = next(s for s in kb.skills.values() if s.prerequisites(4))
    needed, level = sorted(skill.prerequisites(4).items())[0]
    answers = tmp_path / "answers.yaml"
    answers.write_text(f"{skill.id}: 4\n{needed}: {level - 1}\n")
    code, out, err = run(
        runner, "assess", "--current", "junior", "--target", "mid", "--answers", str(answers), "--json"
    )
    assert code == 0
    expected = f"{skill.name} 4 needs {kb.skills[needed].name} {level} first, and it is rated {level - 1}"
    assert expected in json.loads(out)["warnings"]
    assert f"careerctl: warning: {expected}" in err.splitlines()
