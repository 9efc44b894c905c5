"""Two careerctl processes at once: the profile's lock keeps both sets of answers, and a reset stands."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from careerctl.errors import StorageError
from careerctl.files import locked
from careerctl.model import Assessment, Profile
from careerctl.store import ProfileSaver, read_profile, reset_profile, write_profile
from kbfiles import write_kb

ROUNDS = 20

# One process: ROUNDS assessments, each saved answer by answer through a ProfileSaver, as `assess` does.
CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from careerctl.assess import Options, run_assessment
    from careerctl.context import Env
    from careerctl.model import Profile
    from careerctl.store import ProfileSaver, read_profile

    kb = Env().load().kb
    path, name = Path(sys.argv[1]), sys.argv[2]
    skills, (current, target) = list(kb.skills)[:6], list(kb.roles)[:2]
    for n in range(int(sys.argv[3])):
        start = read_profile(path) or Profile()
        given = {skill: (n + i) % 6 for i, skill in enumerate(skills)}
        options = Options(current=current, target=target, given=given)
        run_assessment(kb, start, None, ProfileSaver(path, start), f"2026-01-01T00:00:{n:02d}Z", options)
        print(name, n, flush=True)
    """
)


def test_two_assessing_processes_keep_all_their_assessments(tmp_path: Path) -> None:
    path = tmp_path / "profile.yaml"
    children = [
        subprocess.Popen(
            [sys.executable, "-c", CHILD, str(path), name, str(ROUNDS)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("a", "b")
    ]
    for child in children:
        out, err = child.communicate(timeout=300)
        assert child.returncode == 0, err
        assert len(out.splitlines()) == ROUNDS
    profile = read_profile(path)
    assert profile is not None
    assert len(profile.assessments) == 2 * ROUNDS
    assert all(item.complete for item in profile.assessments)


def _assessment(at: str, **levels: int) -> Assessment:
    return Assessment(at, "kb", "junior", "mid", tuple(levels), dict(levels), {}, False)


def test_a_reset_elsewhere_is_not_undone_by_the_next_answer(tmp_path: Path) -> None:
    path = tmp_path / "profile.yaml"
    old = _assessment("2026-01-01T00:00:00Z", sql=1)
    write_profile(path, Profile("junior", "mid", (old,)))
    start = read_profile(path)
    assert start is not None
    save = ProfileSaver(path, start)
    mine = _assessment("2026-01-02T00:00:00Z", sql=2)
    save(Profile("junior", "mid", (old, mine)))
    assert reset_profile(path, "2026-05-01T10:00:00Z") is not None  # another terminal starts over
    save(Profile("junior", "mid", (old, _assessment("2026-01-02T00:00:00Z", sql=3))))
    profile = read_profile(path)
    assert profile is not None
    assert [item.levels for item in profile.assessments] == [{"sql": 3}]  # the old one stays gone


def test_a_resumed_assessment_replaces_the_unfinished_one(tmp_path: Path) -> None:
    path = tmp_path / "profile.yaml"
    unfinished = _assessment("2026-01-01T00:00:00Z", sql=1)
    start = Profile("junior", "mid", (unfinished,))
    write_profile(path, start)
    ProfileSaver(path, start)(Profile("junior", "mid", (_assessment("2026-01-01T00:00:00Z", sql=1, go=2),)))
    profile = read_profile(path)
    assert profile is not None and [item.levels for item in profile.assessments] == [{"sql": 1, "go": 2}]


def test_a_writer_that_waits_too_long_says_so(tmp_path: Path) -> None:
    path = tmp_path / "profile.yaml"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path; from careerctl.files import locked\n"
            "with locked(Path(sys.argv[1])):\n    print('held', flush=True); time.sleep(30)",
            str(path),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        started = time.monotonic()
        with (
            pytest.raises(StorageError, match="another careerctl is still writing it"),
            locked(path, timeout=0.3),
        ):
            pass
        assert time.monotonic() - started < 5
    finally:
        holder.kill()
        holder.wait()
    with locked(path, timeout=5):  # a killed holder leaves no lock behind
        pass


def test_two_assess_commands_at_once_keep_all_forty_assessments(tmp_path: Path, mini_kb: Path) -> None:
    """The acceptance run: two `careerctl assess --answers` processes, 20 rounds each, together."""
    profile = tmp_path / "profile.yaml"
    answers = tmp_path / "answers.yaml"
    answers.write_text("coding: 2\nsql: 1\n")
    loop = (
        'for n in $(seq 20); do careerctl --kb "$1" --profile "$2" assess --current junior --target senior'
        ' --answers "$3" >/dev/null || exit 1; done'
    )
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    runs = [
        subprocess.Popen(["sh", "-c", loop, "sh", str(mini_kb), str(profile), str(answers)], env=env)
        for _ in range(2)
    ]
    assert [run.wait(timeout=600) for run in runs] == [0, 0]
    saved = read_profile(profile)
    assert saved is not None and len(saved.assessments) == 40


# Two processes change the profile's other files at once, RECORD_ROUNDS times each: the reviews
# folder, the evidence log and the config file are read, changed and written under their locks.
RECORD_ROUNDS = 30
RECORDS_CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from careerctl.config import set_setting
    from careerctl.context import Env
    from careerctl.evidence import Evidence
    from careerctl.records import add_evidence, add_review, write_review
    from careerctl.review import Rating, Review

    what, folder, name, rounds = sys.argv[1], Path(sys.argv[2]), sys.argv[3], int(sys.argv[4])
    profile = folder / "profile.yaml"
    kb = Env(kb_dir=folder / "kb").load().kb if what == "reviews" else None
    for n in range(rounds):
        if what == "evidence":
            add_evidence(folder / "profile.evidence.yaml", [Evidence("sql", f"{name} {n}", "2026-01-01")])
        elif what == "config":
            set_setting(folder / "config.toml", "author" if name == "a" else "stack", f"{name}{n}")
        else:
            source = folder / f"{name}-{n}.yaml"
            at = f"2026-01-01T00:{n:02d}:00Z"
            ratings = {"sql": Rating(1 if name == "a" else 2)}
            write_review(source, Review("Sam", "peer", "Dana", at, kb.identity, kb.about.name, ratings))
            add_review(profile, source, kb)
    """
)


def _run_two(what: str, folder: Path) -> None:
    children = [
        subprocess.Popen(
            [sys.executable, "-c", RECORDS_CHILD, what, str(folder), name, str(RECORD_ROUNDS)],
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("a", "b")
    ]
    for child in children:
        _, err = child.communicate(timeout=300)
        assert child.returncode == 0, err


def test_two_processes_adding_evidence_keep_every_entry(tmp_path: Path) -> None:
    from careerctl.records import read_evidence

    _run_two("evidence", tmp_path)
    kept = {item.what for item in read_evidence(tmp_path / "profile.evidence.yaml")}
    assert kept == {f"{name} {n}" for name in "ab" for n in range(RECORD_ROUNDS)}


def test_two_processes_setting_config_keep_both_keys(tmp_path: Path) -> None:
    from careerctl.config import read_config

    _run_two("config", tmp_path)
    last = RECORD_ROUNDS - 1
    assert read_config(tmp_path / "config.toml") == {"author": f"a{last}", "stack": f"b{last}"}


def test_two_processes_adding_reviews_keep_every_review(tmp_path: Path) -> None:
    from careerctl.records import list_reviews

    write_kb(tmp_path / "kb")
    _run_two("reviews", tmp_path)
    reviews = list_reviews(tmp_path / "profile.yaml")
    assert len(reviews) == 2 * RECORD_ROUNDS  # each under its own name: none written over another
    assert (
        sorted(r.ratings["sql"].level for r in reviews.values()) == [1] * RECORD_ROUNDS + [2] * RECORD_ROUNDS
    )
