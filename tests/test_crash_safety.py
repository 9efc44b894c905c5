"""Crash-safe files: a writer killed at any moment leaves the old file or the new one, never a mix;
a full disk or a read-only folder is a clear message and leaves the old file intact."""

from __future__ import annotations

import errno
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import msgspec
import pytest
from typer.testing import CliRunner

from careerctl.cli import app
from careerctl.errors import StorageError
from careerctl.files import atomic_write, remove_stale_temps
from careerctl.kb.load import load_kb
from careerctl.store import read_profile
from kbfiles import write_kb

# Writes numbered documents of varying size (up to ~200 KB, so a kill often lands mid-write), going
# on from the number in the file, and prints each number once its write has returned.
WRITER = """
import sys, msgspec
from pathlib import Path
from careerctl.files import atomic_write
path = Path(sys.argv[1])
try:
    n = msgspec.msgpack.decode(path.read_bytes())["n"]
except FileNotFoundError:
    n = 0
print("started", flush=True)
while True:
    n += 1
    atomic_write(path, msgspec.msgpack.encode({"n": n, "pad": "x" * (n * 7919 % 200_000)}))
    print(n, flush=True)
"""


class Saved(msgspec.Struct):
    n: int
    pad: str


def kill_writer_at_random(path: Path, rng: random.Random) -> int:
    """Start the writer, SIGKILL it after a random delay; return the last number it reported saved."""
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    assert writer.stdout is not None
    assert writer.stdout.readline() == "started\n"  # imports done, old file read
    time.sleep(rng.uniform(0, 0.15))
    writer.send_signal(signal.SIGKILL)
    out, err = writer.communicate()
    assert writer.returncode == -signal.SIGKILL, err
    reported = [int(line) for line in out.split()]
    return reported[-1] if reported else -1


def test_a_writer_killed_at_random_moments_never_leaves_a_broken_file(tmp_path: Path) -> None:
    rng = random.Random(5)
    path = tmp_path / "cache" / "kb.msgpack"
    saves = kills = 0
    while kills < 15 or saves < 200:
        last = kill_writer_at_random(path, rng)
        kills += 1
        if not path.exists():
            assert last == -1
            continue
        saved = msgspec.msgpack.decode(path.read_bytes(), type=Saved)  # complete, or this raises
        assert saved.n >= last and len(saved.pad) == saved.n * 7919 % 200_000
        saves = saved.n
        assert kills < 200, "the writer hardly ever got to save"
    leftovers = [p.name for p in path.parent.iterdir() if p != path]
    assert all(name.startswith(".kb.msgpack.") and name.endswith(".tmp") for name in leftovers)


def test_temp_files_of_killed_writers_are_cleaned_up_once_stale(mini_kb: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    stale, fresh = cache / ".old.msgpack.x1.tmp", cache / ".new.msgpack.x2.tmp"
    stale.write_bytes(b"half a cache")
    fresh.write_bytes(b"a live writer's")
    os.utime(stale, (time.time() - 7200, time.time() - 7200))
    load_kb(mini_kb, cache_dir=cache)
    assert not stale.exists() and fresh.exists()
    remove_stale_temps(tmp_path / "nowhere")  # a missing folder is no error


@pytest.mark.parametrize(
    ("where", "code", "reason"),
    [
        ("replace", errno.ENOSPC, "the disk is full"),
        ("fsync", errno.ENOSPC, "the disk is full"),
        ("mkstemp", errno.EROFS, "the file system is read-only"),
        ("mkstemp", errno.EACCES, "permission denied"),
    ],
)
def test_a_failed_write_says_why_and_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str, code: int, reason: str
) -> None:
    path = tmp_path / "profile.yaml"
    path.write_bytes(b"old: 1\n")

    def fail(*_: object, **__: object) -> None:
        raise OSError(code, os.strerror(code))

    target = "tempfile.mkstemp" if where == "mkstemp" else f"careerctl.files.os.{where}"
    monkeypatch.setattr(target, fail)
    with pytest.raises(StorageError, match=f"{path}: cannot write: {reason}; the old file is unchanged"):
        atomic_write(path, b"new: 2\n")
    assert path.read_bytes() == b"old: 1\n"
    assert [p.name for p in tmp_path.iterdir()] == ["profile.yaml"]


def test_a_cache_that_cannot_be_written_is_skipped(
    mini_kb: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(*_: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("careerctl.files.os.replace", full)
    cache = tmp_path / "cache"
    assert load_kb(mini_kb, cache_dir=cache).kb.roles
    assert list(cache.iterdir()) == []


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 64 KB file system (tmpfs), where the system lets tests mount one; else skip."""
    folder = tmp_path / "tiny"
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(folder)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip("cannot mount a tmpfs here (needs root)")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=True)


def test_a_really_full_or_read_only_disk(tiny_disk: Path, runner: CliRunner) -> None:
    report = tiny_disk / "report.md"
    report.write_text("old report\n")
    (tiny_disk / "filler").write_bytes(b"\0" * 60_000)
    args = ["report", "--from", "junior", "--target", "senior", "-o", str(report)]
    result = runner.invoke(app, args)
    assert (result.exit_code, result.stdout) == (2, "")
    assert (
        result.stderr == f"careerctl: {report}: cannot write: the disk is full; the old file is unchanged\n"
    )
    (tiny_disk / "filler").unlink()
    subprocess.run(["mount", "-o", "remount,ro", str(tiny_disk)], check=True)
    result = runner.invoke(app, args)
    assert (
        result.stderr
        == f"careerctl: {report}: cannot write: the file system is read-only; the old file is unchanged\n"
    )
    assert report.read_text() == "old report\n"
    assert sorted(p.name for p in tiny_disk.iterdir()) == ["report.md"]


# ---------------------------------------------------------------- the profile

LOW, HIGH = {"coding": 1, "sql": 1}, {"coding": 4, "sql": 3}


def assess_at_once(kb: Path, profile: Path, answers: list[Path]) -> None:
    """Start one `careerctl assess --answers` per file, all at once, and wait for them all."""
    command = [sys.executable, "-m", "careerctl", "--kb", str(kb), "--profile", str(profile), "assess"]
    runs = [
        subprocess.Popen(
            [*command, "--current", "junior", "--target", "senior", "--answers", str(path)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for path in answers
    ]
    for run in runs:
        _, err = run.communicate()
        assert run.returncode == 0, err


def concurrent_assessments(tmp_path: Path, rounds: int) -> None:
    kb = write_kb(tmp_path / "kb")
    profile = tmp_path / "profile.yaml"
    answers = []
    for name, levels in (("low", LOW), ("high", HIGH)):
        answers.append(tmp_path / f"{name}.yaml")
        answers[-1].write_text("".join(f"{skill}: {level}\n" for skill, level in levels.items()))
    count = 0
    for _ in range(rounds):
        assess_at_once(kb, profile, answers)
        saved = read_profile(profile)  # never corrupted: it loads
        assert saved is not None
        # Last writer wins: the file is one writer's view, whole. That view may hold the other
        # writer's assessment half-saved (not complete), or not at all; never a mix of the two.
        assert all(item.levels in (LOW, HIGH) for item in saved.assessments)
        assert saved.assessments[-1].complete
        assert count + 1 <= len(saved.assessments) <= count + 2
        count = len(saved.assessments)
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(".profile.yaml")]
    assert leftovers == []


def test_two_assess_processes_at_once_never_corrupt_the_profile(tmp_path: Path) -> None:
    concurrent_assessments(tmp_path, rounds=4)


@pytest.mark.fuzz
def test_many_concurrent_assessments(tmp_path: Path) -> None:
    concurrent_assessments(tmp_path, rounds=100)


@pytest.mark.parametrize(
    ("where", "code", "reason"),
    [("replace", errno.ENOSPC, "the disk is full"), ("mkstemp", errno.EROFS, "the file system is read-only")],
)
def test_assess_on_a_full_or_read_only_disk_keeps_the_old_profile(
    runner: CliRunner, mini_kb: Path, monkeypatch: pytest.MonkeyPatch, where: str, code: int, reason: str
) -> None:
    profile = Path(os.environ["CAREERCTL_PROFILE"])
    args = ["--kb", str(mini_kb), "assess", "--current", "junior", "--target", "senior", "--set", "sql=2"]
    assert runner.invoke(app, [*args, "--set", "coding=1"]).exit_code == 0
    before = profile.read_bytes()

    def fail(*_: object, **__: object) -> None:
        raise OSError(code, os.strerror(code))

    target = "tempfile.mkstemp" if where == "mkstemp" else f"careerctl.files.os.{where}"
    monkeypatch.setattr(target, fail)
    result = runner.invoke(app, [*args, "--set", "coding=3"])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"careerctl: {profile}: cannot write: {reason}; the old file is unchanged\n"
    assert profile.read_bytes() == before


def test_assess_on_a_really_full_or_read_only_disk(tiny_disk: Path, runner: CliRunner, mini_kb: Path) -> None:
    profile = tiny_disk / "profile.yaml"
    args = [
        "--kb",
        str(mini_kb),
        "--profile",
        str(profile),
        "assess",
        "--current",
        "junior",
        "--target",
        "senior",
    ]
    assert runner.invoke(app, [*args, "--set", "coding=1", "--set", "sql=1"]).exit_code == 0
    before = profile.read_bytes()
    (tiny_disk / "filler").write_bytes(b"\0" * (64 * 1024 - len(before) - 4096))
    result = runner.invoke(app, [*args, "--set", "coding=3", "--set", "sql=2"])
    assert (result.exit_code, result.stdout) == (2, "")
    assert (
        result.stderr == f"careerctl: {profile}: cannot write: the disk is full; the old file is unchanged\n"
    )
    (tiny_disk / "filler").unlink()
    subprocess.run(["mount", "-o", "remount,ro", str(tiny_disk)], check=True)
    result = runner.invoke(app, [*args, "--set", "coding=3", "--set", "sql=2"])
    assert (
        result.stderr
        == f"careerctl: {profile}: cannot write: the file system is read-only; the old file is unchanged\n"
    )
    assert profile.read_bytes() == before
    assert read_profile(profile) is not None
