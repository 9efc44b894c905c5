"""What a new backend developer sees at 80 columns, in English and Indonesian: ids never cut, the
KB's own tracks first, short screens, and every word in the interface's language."""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import pexpect
import pytest
from typer.testing import CliRunner

from careerctl.assess import role_menu
from careerctl.cli import app
from careerctl.context import Env
from kbfiles import MINI_ROLES, write_kb
from terminal import terminal_env

ESCO_EXCERPT = Path(__file__).parent / "fixtures" / "esco_excerpt"
CAREERCTL = shutil.which("careerctl", path=str(Path(sys.executable).parent))
KB = Env().load().kb


def run(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def narrow(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")


def whole_cells(out: str) -> set[str]:
    """The first cell of every table row: an id, when the row starts one."""
    return {m.group(1) for m in re.finditer(r"^\| ([a-z0-9-]+) +\|", out, re.M)} - {"id"}


def test_roles_at_80_columns_keep_every_id_whole_and_say_what_they_left_out(
    runner: CliRunner, narrow: None
) -> None:
    code, out, _ = run(runner, "roles")
    assert code == 0
    assert whole_cells(out) == set(KB.roles)
    assert max(len(line) for line in out.splitlines()) <= 80
    assert out.endswith("Left out to fit 80 columns: skills, aliases; `careerctl show ROLE` has them.\n")


def test_roles_of_one_track_at_80_columns_keep_the_skill_counts(runner: CliRunner, narrow: None) -> None:
    out = run(runner, "roles", "--track", "backend")[1]
    assert "| skills |" in out and "| aliases" not in out
    assert re.search(
        r"^\| junior-backend-developer +\| Junior Backend +\| backend +\| 1 +\| 20 +\|", out, re.M
    )
    assert out.endswith("Left out to fit 80 columns: aliases; `careerctl show ROLE` has them.\n")


def test_roles_at_120_columns_show_the_aliases_and_leave_nothing_out(runner: CliRunner) -> None:
    out = run(runner, "roles")[1]
    assert "| aliases " in out and "Left out" not in out
    assert whole_cells(out) == set(KB.roles)


def test_an_id_too_long_for_80_columns_is_folded_after_a_hyphen_never_inside_a_word(
    runner: CliRunner, narrow: None, tmp_path: Path
) -> None:
    long_id = "agriculture-forestry-and-fishery-vocational-teacher-and-examiner-of-apprentices"
    kb = write_kb(
        tmp_path,
        roles=MINI_ROLES.replace("id: senior", f"id: {long_id}").replace("role: senior", f"role: {long_id}"),
    )
    code, out, _ = run(runner, "--kb", str(kb), "roles")
    assert code == 0 and max(len(line) for line in out.splitlines()) <= 80
    cells = [m.group(1) for m in re.finditer(r"^\| (\S+) +\|", out, re.M)][1:]
    assert "".join(cells[1:]) == long_id  # its lines, read in order, make the id
    assert all(cell.endswith("-") for cell in cells[1:-1])


def test_skills_at_80_columns_keep_every_id_whole(runner: CliRunner, narrow: None) -> None:
    out = run(runner, "skills")[1]
    assert whole_cells(out) == set(KB.skills)
    assert out.endswith("Left out to fit 80 columns: needs first; `careerctl show SKILL` has them.\n")


def test_search_at_80_columns_keeps_the_id_whole(runner: CliRunner, narrow: None) -> None:
    out = run(runner, "search", "redis")[1]
    assert re.search(r"\| message-queues-streaming +\|", out)
    assert "| matched |" not in out  # the rank already says how good each match is


def test_the_kb_lists_its_own_track_first_in_every_listing(runner: CliRunner) -> None:
    assert [r.id for r in role_menu(KB)][:3] == [
        "backend-intern",
        "junior-backend-developer",
        "backend-developer",
    ]
    assert run(runner, "roles")[1].splitlines()[3].startswith("| backend-intern ")
    assert run(runner, "roles", "--tree")[1].splitlines()[1] == "├── backend"
    assert run(runner, "skills")[1].splitlines()[3].startswith("| ai-assisted-development ")  # programming


@pytest.mark.skipif(CAREERCTL is None, reason="the careerctl script is not installed")
def test_the_role_menu_on_an_80_column_terminal_starts_with_backend_and_shows_the_rung(
    tmp_path: Path,
) -> None:
    env = terminal_env(tmp_path)
    env.pop("CAREERCTL_KB", None)
    child = pexpect.spawn(
        str(CAREERCTL), ["assess"], env=env, encoding="utf-8", timeout=20, dimensions=(24, 80)
    )
    child.expect_exact("Principal Engineer")  # the last backend rung: the menu's first screen is drawn
    screen = re.sub(r"\x1b\[[0-9;?]*[a-zA-Z]", "", child.before or "")
    child.send("\x03")
    child.expect(pexpect.EOF)
    child.close()
    assert screen.index("Backend Intern  (backend, rung 0; intern") < screen.index(
        "Tech Lead  (backend, rung 4"
    )
    assert "Cloud Engineer" not in screen  # platform comes after backend and management now
    assert child.exitstatus == 130


def test_the_plans_schedule_lines_wrap_under_their_indent_at_80_columns(
    runner: CliRunner, narrow: None
) -> None:
    out = run(runner, "plan", "--from", "junior", "--target", "senior")[1]
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if "skills at a time" in line)
    schedule = lines[start + 1 : next(i for i, line in enumerate(lines) if line.startswith("Phase 2"))]
    assert schedule and all(line.startswith("  ") for line in schedule)
    assert any(line.startswith("    ") for line in schedule)  # a wrapped block line, four spaces in


def test_the_assessment_summary_fits_an_80_by_24_terminal(runner: CliRunner, narrow: None) -> None:
    levels = ["--set", "sql=2", "--set", "programming-languages=2", "--set", "api-development=2"]
    code, out, _ = run(runner, "assess", "--current", "junior", "--target", "mid", *levels)
    assert code == 0
    assert len(out.splitlines()) <= 20  # and two lines on stderr: what was kept, where it was saved
    assert "What Backend Developer still needs" not in out  # the gap tree is plan --all's
    assert out.splitlines()[-2].startswith("34 skills are still short of Backend Developer: `careerctl plan`")
    assert "weight 4, 2 levels short" in out  # the same reasons as plan's table


def test_indonesian_tables_name_tracks_categories_and_costs_in_indonesian(runner: CliRunner) -> None:
    out = run(runner, "--lang", "id", "match", "--from", "junior", "--top", "5")[1]
    assert "| full-stack " in out and "fullstack" not in out
    out = run(runner, "--lang", "id", "skills", "--category", "programming")[1]
    assert "| pemrograman " in out and "| programming " not in out
    out = run(runner, "--lang", "id", "show", "sql")[1]
    assert "kursus; gratis; dalam bahasa Indonesia)" in out and "free" not in out and "bahasa id" not in out
    assert "(SQLBolt; latihan; gratis)" in out or "latihan; gratis" in out


def test_an_indonesian_import_says_its_summary_in_indonesian(runner: CliRunner, tmp_path: Path) -> None:
    code, _, err = run(
        runner, "--lang", "id", "kb", "import", "esco", str(ESCO_EXCERPT), "--out", str(tmp_path)
    )
    assert code == 0
    assert err.startswith("9 okupasi ESCO v1.2.0 diimpor (329 skill, 630 persyaratan, ")
    assert "Imported" not in err and "occupation" not in err


def test_progress_after_one_assessment_has_no_empty_trend_columns(runner: CliRunner) -> None:
    run(runner, "assess", "--current", "junior", "--target", "mid", "--set", "sql=2")
    code, out, _ = run(runner, "progress")
    assert code == 0 and "| trend " not in out and "| change " not in out
    assert "One assessment so far: the next `careerctl assess` starts the trend." in out
    run(runner, "assess", "--current", "junior", "--target", "mid", "--set", "sql=3")
    out = run(runner, "progress")[1]
    assert "| trend " in out and "↑ 2 -> 3" in out and "One assessment so far" not in out
