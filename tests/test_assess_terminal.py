"""The real `careerctl assess` in a pseudo-terminal: arrow keys and Enter, Ctrl-C, then resume."""

from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path

import pexpect
import pytest

from ladder import write_ladder
from terminal import terminal_env

DOWN, ENTER, CTRL_C = "\x1b[B", "\r", "\x03"
CAREERCTL = shutil.which("careerctl", path=str(Path(sys.executable).parent))
pytestmark = pytest.mark.skipif(CAREERCTL is None, reason="the careerctl script is not installed")


class Session:
    """One careerctl process on a pseudo-terminal, with its own KB, profile and cache."""

    def __init__(self, home: Path, *args: str, shell: str | None = None) -> None:
        """Run `careerctl ARGS`, or with `shell`, that shell command line (careerctl is "$CAREERCTL")."""
        env = {**terminal_env(home), "CAREERCTL_KB": str(home / "kb")}
        program, argv = (str(CAREERCTL), list(args)) if shell is None else ("/bin/sh", ["-c", shell])
        env["CAREERCTL"] = str(CAREERCTL)
        self.child = pexpect.spawn(program, argv, env=env, encoding="utf-8", timeout=20, dimensions=(40, 120))
        self.child.delaybeforesend = None  # each step already waits for the prompt it answers

    def expect(self, text: str) -> None:
        self.child.expect_exact(text)

    def send(self, keys: str) -> None:
        self.child.send(keys)

    def answer(self, progress: str, level: int, note: str = "") -> None:
        """At the question showing `progress`: with a note, n, the note and Enter first; then the digit."""
        self.expect(progress)
        if note:
            self.send("n")
            self.expect("Note or evidence")
            self.send(note + ENTER)
            self.expect(progress)
        self.send(str(level))

    def save(self) -> None:
        """Enter on the review screen: save the answers."""
        self.expect("Review your answers")
        self.send(ENTER)

    def finish(self) -> tuple[int, str]:
        """The exit code and the rest of the screen output, without colour and style codes."""
        self.child.expect(pexpect.EOF)
        self.child.close()
        rest = re.sub(r"\x1b\[[0-9;?]*[a-zA-Z]", "", self.child.before or "")
        return int(self.child.exitstatus if self.child.exitstatus is not None else -1), rest


@pytest.fixture
def home(tmp_path: Path) -> Path:
    write_ladder(tmp_path / "kb")
    return tmp_path


def profile_levels(home: Path) -> dict[str, int]:
    import yaml

    data = yaml.safe_load((home / "profile.yaml").read_text())
    return data["assessments"][-1]["levels"]  # type: ignore[no-any-return]


def test_arrow_keys_and_enter_to_the_end_then_profile_show(home: Path) -> None:
    term = Session(home, "assess")
    term.expect("Your current role?")
    term.send(ENTER)  # Junior Dev, first in the list
    term.expect("Your target role?")
    term.send(ENTER)  # Mid Dev, the next rung
    term.answer("(1/3) Coding", 2, "built a CLI")
    term.answer("(2/3) SQL", 1)
    term.answer("(3/3) Testing", 3)
    term.save()
    code, rest = term.finish()
    assert code == 0 and "Readiness for Mid Dev: 83%" in rest
    shown = Session(home, "profile", "show", "--json")
    shown.child.expect(pexpect.EOF)
    doc = json.loads(shown.child.before.replace("\r\n", "\n"))
    assert doc["levels"] == {"coding": 2, "sql": 1, "testing": 3}
    assert doc["assessments"][0]["notes"] == {"coding": "built a CLI"}


def test_ctrl_c_after_three_answers_then_resume(home: Path) -> None:
    term = Session(home, "assess", "--current", "junior", "--target", "senior")
    term.answer("(1/4) Coding", 1)
    term.answer("(2/4) SQL", 2)
    term.answer("(3/4) Testing", 3)
    term.expect("(4/4) Design")
    term.send(CTRL_C)
    code, rest = term.finish()
    assert code == 130 and "interrupted; 3 answers saved" in rest
    assert profile_levels(home) == {"coding": 1, "sql": 2, "testing": 3}

    again = Session(home, "assess")
    again.expect("Resume your unfinished assessment of ")
    again.expect("Junior Dev -> Senior Dev: 3 of 4 answered")
    again.send(ENTER)
    again.answer("(4/4) Design", 2)
    again.save()
    code, rest = again.finish()
    assert code == 0 and "Readiness for Senior Dev: " in rest
    assert profile_levels(home) == {"coding": 1, "sql": 2, "testing": 3, "design": 2}


def test_prompts_never_reach_stdout_so_json_redirected_to_a_file_stays_clean(home: Path) -> None:
    out = home / "out.json"
    term = Session(home, shell=f'"$CAREERCTL" assess --current junior --target mid --json > "{out}"')
    term.answer("(1/3) Coding", 1)
    term.answer("(2/3) SQL", 1)
    term.answer("(3/3) Testing", 1)
    term.save()
    code, _ = term.finish()
    assert code == 0
    assert json.loads(out.read_text())["assessment"]["levels"] == {"coding": 1, "sql": 1, "testing": 1}


LEFT = "\x1b[D"


def test_digits_only_one_key_per_question_then_enter_on_the_review(home: Path) -> None:
    term = Session(home, "assess", "--current", "junior", "--target", "senior")
    term.expect("4 questions, about 1 minute")
    keys = 0
    for progress, digit in [
        ("(1/4) Coding", "2"),
        ("(2/4) SQL", "1"),
        ("(3/4) Testing", "3"),
        ("(4/4) Design", "1"),
    ]:
        term.expect(progress)
        term.send(digit)
        keys += 1
    term.save()
    keys += 1
    code, _ = term.finish()
    assert code == 0 and keys == 5
    assert profile_levels(home) == {"coding": 2, "sql": 1, "testing": 3, "design": 1}


def test_left_goes_back_and_a_new_digit_changes_the_previous_answer(home: Path) -> None:
    term = Session(home, "assess", "--current", "junior", "--target", "mid")
    term.expect("(1/3) Coding")
    term.send("1")
    term.expect("(2/3) SQL")
    term.send(LEFT)
    term.expect("(1/3) Coding")
    term.send("4")
    term.expect("(2/3) SQL")
    term.send("2")
    term.expect("(3/3) Testing")
    term.send("0")
    term.save()
    code, _ = term.finish()
    assert code == 0
    assert profile_levels(home) == {"coding": 4, "sql": 2, "testing": 0}


def test_the_review_screen_changes_one_answer_before_saving(home: Path) -> None:
    term = Session(home, "assess", "--current", "junior", "--target", "mid")
    for progress, digit in [("(1/3) Coding", "1"), ("(2/3) SQL", "1"), ("(3/3) Testing", "1")]:
        term.expect(progress)
        term.send(digit)
    term.expect("Review your answers")
    term.expect("1  Testing")
    term.send("j" * 2 + ENTER)  # down past Coding to SQL
    term.expect("(2/3) SQL")
    term.send("3")
    term.expect("Review your answers")
    term.expect("3  SQL")
    term.send(ENTER)
    code, _ = term.finish()
    assert code == 0
    assert profile_levels(home) == {"coding": 1, "sql": 3, "testing": 1}


BACKSPACE = "\x7f"


def test_enter_does_nothing_while_the_filter_matches_no_role_and_the_answer_is_the_name(
    home: Path,
) -> None:
    term = Session(home, "assess")
    term.expect("Your current role?")
    # No role matches "qx": questionary lists every role again with the pointer on Junior Dev.
    # Enter is ignored there (it once chose Junior Dev unseen, and "mid" then filtered the target).
    term.send("qx" + ENTER + BACKSPACE + BACKSPACE + "mid" + ENTER)
    term.expect("Your target role?")
    echoed = re.sub(r"\x1b\[[0-9;?]*[a-zA-Z]", "", term.child.before or "")
    assert "Your current role? Mid Dev" in echoed  # the name alone, not "Mid Dev  (dev, rung 2)"
    assert "Your current role? Mid Dev  (" not in echoed
    term.send(ENTER)  # Senior Dev, the next rung
    term.answer("(1/4) Coding", 3)
    term.answer("(2/4) SQL", 3)
    term.answer("(3/4) Testing", 3)
    term.answer("(4/4) Design", 2)
    term.save()
    code, rest = term.finish()
    assert code == 0 and "Readiness for Senior Dev: 100%" in rest
