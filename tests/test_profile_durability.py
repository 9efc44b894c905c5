"""SIGKILL while answers are being saved, many times over: the profile always loads, no reported answer is lost."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from careerctl.store import read_profile

ROUNDS = 20

CHILD = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    from careerctl.assess import NOTE, Options, run_assessment
    from careerctl.context import Env
    from careerctl.model import Profile
    from careerctl.store import read_profile, write_profile

    kb = Env().load().kb
    path, run = Path(sys.argv[1]), int(sys.argv[2])

    class Answers:
        noted = set()
        def choose_role(self, message, roles, default):
            return default
        def confirm(self, message, default):
            return True  # always resume the assessment the last kill interrupted
        def rate_skill(self, skill, index, total, default):
            if skill.id not in self.noted:
                self.noted.add(skill.id)
                return NOTE  # a note first, then the level
            return (index + run) % 6
        def note(self, skill, default):
            return f"run {run}"
        def review(self, rows):
            return None
        def tell(self, message):
            pass

    def save(profile):
        write_profile(path, profile)
        last = profile.assessments[-1]
        # reported only once write_profile has returned: this answer is on disk
        print(json.dumps([len(profile.assessments) - 1, last.levels, last.notes]), flush=True)

    options = Options(current="junior-backend-developer", target="senior-backend-developer", every=True)
    run_assessment(kb, read_profile(path) or Profile(), Answers(), save, f"2026-05-01T10:{run // 60 % 60:02d}:{run % 60:02d}Z", options)
    """
)


def test_sigkill_while_saving_never_corrupts_or_loses_a_saved_answer(tmp_path: Path) -> None:
    kill_while_saving(tmp_path, ROUNDS, saves=200)


@pytest.mark.fuzz
def test_many_more_kills(tmp_path: Path) -> None:
    kill_while_saving(tmp_path, 500, saves=1000)


def kill_while_saving(tmp_path: Path, rounds: int, saves: int) -> None:
    """Start an assessment that saves as fast as it can, SIGKILL it at a random moment, check the file.

    Goes on for at least `rounds` kills and until the writers have reported at least `saves` saves.
    """
    path = tmp_path / "profile.yaml"
    script = tmp_path / "child.py"
    script.write_text(CHILD)
    env = {**os.environ, "CAREERCTL_PROFILE": str(path)}
    chance = random.Random(4)
    kills = reported_saves = run = 0
    while run < rounds or reported_saves < saves:
        assert run < 20 * rounds, f"only {reported_saves} saves reported in {run} runs"
        child = subprocess.Popen(
            [sys.executable, str(script), str(path), str(run)], stdout=subprocess.PIPE, text=True, env=env
        )
        assert child.stdout is not None
        reported = [json.loads(child.stdout.readline())]  # the child is saving now
        time.sleep(chance.uniform(0, 0.25))
        child.send_signal(signal.SIGKILL)
        out, _ = child.communicate()
        kills += child.returncode == -signal.SIGKILL
        reported += [json.loads(line) for line in out.splitlines() if line.endswith("]")]
        reported_saves += len(reported)
        run += 1
        profile = read_profile(path)  # must load: never half a file
        assert profile is not None
        index, levels, notes = reported[-1]
        on_disk = profile.assessments[index]
        assert levels.items() <= on_disk.levels.items()
        assert notes.items() <= on_disk.notes.items()
    assert kills > run // 2  # most kills landed while the child was still saving
