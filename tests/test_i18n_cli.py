"""The command line's own words in Indonesian: the assessment on a real terminal, its script
output, errors with their exit codes, and no English sentence of cli*.py, app.py, errors.py,
levels.py, assess.py, prompts.py, store.py or config.py left on an Indonesian screen."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest
import yaml

from careerctl import i18n
from careerctl.context import Env
from terminal import terminal_env

REPO = Path(__file__).resolve().parents[1]
CAREERCTL = shutil.which("careerctl", path=str(Path(sys.executable).parent))
pytestmark = pytest.mark.skipif(CAREERCTL is None, reason="the careerctl script is not installed")

ENGLISH = [
    # prompts.py and assess.py: the assessment's screens
    "which best describes",
    "Not yet",
    "Review your answers",
    "Enter saves; pick a skill",
    "arrow keys and Enter; type to filter",
    "Note or evidence for",
    "Save these",
    "Your current role?",
    "Your target role?",
    "goes back, n adds a note",
    "Resume your unfinished assessment",
    "keep their earlier answers",
    "needs {need} first",
    "is claimed with no note or evidence",
    "matches and plans are unreliable",
    "months old",
    # app.py: notices and closing lines
    "Saved the assessment",
    "levels from your profile of",
    "kept their previous level",
    "resources for the",
    "are not in this knowledge base",
    "Wrote ",
    "Imported ",
    "Restored ",
    "Profile moved to",
    "No backups beside",
    "No settings in",
    "Checked and compiled it",
    "crediting commits by",
    "Added evidence for",
    "Attached the",
    "Removed the review",
    "warning:",
    "interrupted;",
    "no terminal to ask on",
    "nothing was changed",
    # errors.py, levels.py, store.py, config.py
    "unknown role",
    "unknown skill",
    "did you mean",
    "no levels to work from",
    "must be a mapping",
    "invalid knowledge base",
    "fix it, or run",
    "unknown setting",
    # cli*.py: help and usage errors
    "Plan the way to a target role",
    "Rate yourself skill by skill",
    "Print a JSON document instead of tables",
    "each choose the output",
]
"""English sentences (or their fixed parts) of the modules above; none may show in Indonesian."""

DOWN, ENTER = "\x1b[B", "\r"
ANSI = re.compile(r"\x1b\[[0-9;?]*[a-zA-Z]")


def english_left(text: str) -> list[str]:
    return [phrase for phrase in ENGLISH if phrase in text]


def run(*args: str, env: dict[str, str] | None = None, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(CAREERCTL), *args],
        capture_output=True,
        text=True,
        input=stdin,
        env={**os.environ, **(env or {})},
        timeout=60,
    )


def indonesian(skill: str) -> dict[str, object]:
    """The bundled KB's Indonesian texts for one skill (data/i18n/id/skills.yaml)."""
    doc = yaml.safe_load((REPO / "data" / "i18n" / "id" / "skills.yaml").read_text(encoding="utf-8"))
    return next(item for item in doc["skills"] if item["id"] == skill)  # type: ignore[no-any-return]


def overlay_is_read() -> bool:
    """Whether loading the bundled KB in Indonesian applies its overlay (i18n-core's branch does)."""
    try:
        i18n.use("id")
        kb = Env(lang="id").load().kb  # type: ignore[call-arg]
    except TypeError:
        return False
    finally:
        i18n.use("en")
    return kb.skills["programming-languages"].name == indonesian("programming-languages")["name"]


# ---- the assessment on a real terminal ---------------------------------------------------------------


def spawn(tmp_path: Path, *args: str) -> pexpect.spawn:
    env = terminal_env(tmp_path)
    child = pexpect.spawn(
        str(CAREERCTL), list(args), env=env, encoding="utf-8", timeout=30, dimensions=(50, 120)
    )
    child.delaybeforesend = None
    return child


def finish(child: pexpect.spawn) -> tuple[int, str]:
    child.expect(pexpect.EOF)
    child.close()
    return int(child.exitstatus if child.exitstatus is not None else -1), ANSI.sub("", child.before or "")


def test_the_assessment_asks_in_indonesian_on_a_real_terminal_and_saves(tmp_path: Path) -> None:
    child = spawn(tmp_path, "--lang", "id", "assess", "--quick")
    child.expect_exact("Peran Anda saat ini?")
    child.expect_exact("(tombol panah dan Enter; ketik untuk menyaring)")
    child.send("junior backend developer")
    child.expect_exact("junior backend developer")  # the filter, echoed
    child.send(ENTER)
    child.expect_exact("Peran tujuan Anda?")
    child.send(ENTER)  # the next rung, offered first
    child.expect(r"(\d+) pertanyaan, sekitar \d+ menit: 0-5 menjawab, ← kembali, n catatan\.")
    total = int(child.match.group(1))
    child.expect_exact(f"(1/{total}) ")
    child.expect_exact(": mana yang paling menggambarkan Anda?")
    child.expect_exact("0  Belum")
    child.expect(r"1  Pemula: ")
    child.expect(r"3  Cakap: ")
    child.expect(r"5  Ahli: ")
    child.send("n")
    child.expect_exact("Catatan atau bukti untuk")
    child.send("Membuat REST API internal" + ENTER)
    child.expect_exact(f"(1/{total}) ")
    child.send("3")
    for index in range(2, total + 1):
        child.expect_exact(f"({index}/{total}) ")
        child.send("2")
    child.expect_exact("Tinjau jawaban Anda:")
    child.expect_exact("(Enter menyimpan; pilih skill untuk mengubah jawabannya)")
    child.expect_exact(f"Simpan {total} jawaban ini")
    child.expect_exact("(catatan)")
    child.send(ENTER)
    code, rest = finish(child)
    assert code == 0, rest
    assert f"Asesmen ({total} skill) disimpan ke {tmp_path / 'profile.yaml'}" in rest
    assert english_left(rest) == []
    saved = yaml.safe_load((tmp_path / "profile.yaml").read_text())["assessments"][-1]
    assert (saved["current"], saved["target"]) == ("junior-backend-developer", "backend-developer")
    assert sorted(set(saved["levels"].values())) == [2, 3]
    assert saved["notes"] == {
        next(s for s, level in saved["levels"].items() if level == 3): "Membuat REST API internal"
    }


@pytest.mark.skipif(not overlay_is_read(), reason="the Indonesian KB overlay is read on i18n-core's branch")
def test_the_level_anchors_come_from_the_indonesian_overlay(tmp_path: Path) -> None:
    child = spawn(tmp_path, "--lang", "id", "assess", "--current", "junior", "--target", "mid", "--all")
    child.expect_exact("(1/")
    skill = indonesian("programming-languages")
    child.expect_exact(f"{skill['name']}: mana yang paling menggambarkan Anda?")
    anchors = skill["levels"]
    assert isinstance(anchors, dict)
    first_words = " ".join(str(anchors[1]).split()[:4])
    child.expect_exact(f"1  Pemula: {first_words}")
    child.sendcontrol("c")
    code, _rest = finish(child)
    assert code == 130


def test_a_rater_is_asked_about_the_person_rated_in_the_third_person(tmp_path: Path) -> None:
    out = tmp_path / "review.yaml"
    child = spawn(
        tmp_path, "--lang", "id", "assess", "--rater", "manager", "--for", "Dana", "--by", "Sam",
        "--out", str(out), "--current", "junior", "--target", "mid", "--quick",
    )  # fmt: skip
    child.expect(r"\(1/(\d+)\) ")
    total = int(child.match.group(1))
    child.expect_exact(": mana yang paling menggambarkan Dana?")
    for index in range(1, total + 1):
        if index > 1:
            child.expect_exact(f"({index}/{total}) ")
        child.send("2")
    child.expect_exact("Tinjau jawaban Anda:")
    child.send(ENTER)
    code, rest = finish(child)
    assert code == 0, rest
    assert f"Ulasan manajer untuk Dana oleh Sam ({total} skill) ditulis ke {out}" in rest
    assert english_left(rest) == []


# ---- the assessment from a script -------------------------------------------------------------------


def test_assess_with_answers_says_what_it_saved_in_indonesian(tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text("sql: 4\ntesting-debugging: 2\nprogramming-languages: 2\n", encoding="utf-8")
    profile = tmp_path / "profile.yaml"
    done = run(
        "--lang", "id", "assess", "--answers", str(answers), "--current", "junior", "--target", "mid",
        env={"CAREERCTL_PROFILE": str(profile)},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    lines = done.stderr.replace(str(profile), "PROFILE").splitlines()
    kept = [
        line for line in lines if line.startswith("careerctl: ") and "tetap memakai level sebelumnya" in line
    ]
    assert len(kept) == 1
    assert re.fullmatch(
        r"careerctl: \d+ skill yang tidak ada di --answers/--set tetap memakai level sebelumnya, atau 0: "
        r"[a-z0-9-]+(, [a-z0-9-]+)*( dan \d+ lainnya)?",
        kept[0],
    )
    assert re.search(r"^Asesmen \(\d+ skill\) disimpan ke PROFILE$", "\n".join(lines), re.M)
    assert "careerctl: peringatan: SQL 4 diklaim tanpa catatan atau bukti" in lines
    assert english_left(done.stderr) == []


def test_assess_with_answers_in_english_is_unchanged(tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text("sql: 4\n", encoding="utf-8")
    profile = tmp_path / "profile.yaml"
    done = run(
        "assess", "--answers", str(answers), "--current", "junior", "--target", "mid",
        env={"CAREERCTL_PROFILE": str(profile)},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert re.search(
        rf"^Saved the assessment \(\d+ skills\) to {re.escape(str(profile))}$", done.stderr, re.M
    )
    assert "careerctl: warning: SQL 4 is claimed with no note or evidence" in done.stderr


# ---- errors: Indonesian one-liners, the same exit codes -------------------------------------------------


@pytest.mark.parametrize(
    ("args", "indonesian_line", "english_line"),
    [
        (
            ["path", "juniorx", "senior"],
            "careerctl: peran 'juniorx' tidak dikenal; maksud Anda junior atau senior?",
            "careerctl: unknown role 'juniorx'; did you mean junior or senior?",
        ),
        (
            ["plan", "--target", "senior", "--set", "sqlx=3"],
            "careerctl: --set: sqlx: skill tidak dikenal; maksud Anda sql?",
            "careerctl: --set: sqlx: unknown skill; did you mean sql?",
        ),
        (
            ["plan", "--target", "senior", "--set", "sql=9"],
            "careerctl: --set: sql: level harus bilangan bulat dari 0 sampai 5, bukan '9'",
            "careerctl: --set: sql: level must be a whole number from 0 to 5, not '9'",
        ),
        (
            ["plan", "--target", "senior"],
            "careerctl: tidak ada level untuk dipakai: berikan --answers FILE, --set SKILL=LEVEL, atau "
            "--from ROLE, atau jalankan `careerctl assess` sekali untuk menyimpan profil",
            "careerctl: no levels to work from: give --answers FILE, --set SKILL=LEVEL or --from ROLE, "
            "or run `careerctl assess` once to save a profile",
        ),
    ],
)
def test_errors_are_one_indonesian_line_with_the_english_exit_code(
    args: list[str], indonesian_line: str, english_line: str
) -> None:
    english, translated = run(*args), run("--lang", "id", *args)
    assert english.stderr == english_line + "\n"
    assert translated.stderr == indonesian_line + "\n"
    assert translated.returncode == english.returncode == 2
    assert translated.stdout == english.stdout == ""


@pytest.mark.parametrize(
    ("content", "indonesian_detail"),
    [
        ("sqlx: 3\n", "1: sqlx: skill tidak dikenal; maksud Anda sql?"),
        ("- sql\n", "1: harus berupa mapping dari id skill ke level 0..5, bukan "),
    ],
)
def test_a_bad_answers_file_is_named_in_indonesian(
    tmp_path: Path, content: str, indonesian_detail: str
) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text(content, encoding="utf-8")
    done = run("--lang", "id", "assess", "--answers", str(answers), "--current", "junior", "--target", "mid")
    assert done.returncode == 2
    assert done.stderr.startswith(f"careerctl: {answers}:{indonesian_detail}")
    assert done.stderr.count("\n") == 1
    assert run("assess", "--answers", str(answers), "--current", "junior", "--target", "mid").returncode == 2


def test_a_usage_error_of_ours_is_indonesian(tmp_path: Path) -> None:
    done = run("--lang", "id", "plan", "--from", "junior", "--top", "3", "--all")
    assert done.returncode == 2
    assert "--top memendekkan rencana dan --all mencetak semuanya; pilih salah satu saja" in done.stderr


def test_a_bad_setting_is_named_in_indonesian(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    done = run("--lang", "id", "config", "set", "focus", "99", env={"CAREERCTL_CONFIG": str(config)})
    assert done.returncode == 2
    assert done.stderr == "careerctl: config set: focus: harus dari 1 sampai 10, bukan 99\n"


# ---- help ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("command", "indonesian_help"),
    [
        ([], "Rencanakan karier software dari basis pengetahuan berisi peran dan skill."),
        (["plan"], "Rencanakan jalan menuju peran tujuan"),
        (["assess"], "Nilai diri Anda skill demi skill dengan tombol panah"),
        (["profile"], "Tampilkan, ekspor, impor, reset, atau pulihkan profil tersimpan Anda."),
        (["evidence", "scan"], "Sarankan bukti dari commit Anda sendiri"),
    ],
)
def test_command_help_is_indonesian(command: list[str], indonesian_help: str) -> None:
    done = run("--lang", "id", *command, "--help", env={"COLUMNS": "400"})
    assert done.returncode == 0
    assert indonesian_help in done.stdout
    assert english_left(done.stdout) == []


def test_the_acceptance_commands_show_none_of_our_english(tmp_path: Path) -> None:
    plan = run("plan", "--from", "junior", "--target", "senior", env={"LANG": "id_ID.UTF-8"})
    path = run("--lang", "id", "path", "junior", "senior")
    for done in (plan, path):
        assert done.returncode == 0, done.stderr
        assert english_left(done.stdout + done.stderr) == []


def test_the_role_menu_names_the_track_and_rung_in_indonesian() -> None:
    from careerctl.prompts import role_title

    try:
        i18n.use("id")
        kb = Env(lang="id").load().kb
        title = role_title(kb.roles["engineering-manager"], kb.terms.get("tracks"))
    finally:
        i18n.use("en")
    assert title.startswith("Engineering Manager  (manajemen, jenjang 4; em, ")
    assert role_title(Env().load().kb.roles["engineering-manager"]).startswith(
        "Engineering Manager  (management, rung 4; em, "
    )
