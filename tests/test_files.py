"""Writes respect what is at the path: devices and FIFOs are written into, symlinks through, read-only refused."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from careerctl.errors import InputError
from careerctl.files import atomic_write, refuse_inputs, remove_stale_temps
from careerctl.model import Profile
from careerctl.store import write_profile


def test_a_fifo_is_written_into_and_its_reader_gets_everything(tmp_path: Path) -> None:
    fifo = tmp_path / "report.html"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    atomic_write(fifo, b"<html>" * 50_000)
    reader.join(10)
    assert got == [b"<html>" * 50_000]
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


def test_dev_null_stays_a_device() -> None:
    atomic_write(Path("/dev/null"), b"gone")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_dev_stdout_is_written_into_even_when_it_is_a_file(tmp_path: Path) -> None:
    out = tmp_path / "out.txt"
    code = "from pathlib import Path; from careerctl.files import atomic_write; atomic_write(Path('/dev/stdout'), b'hi')"
    with out.open("wb") as handle:
        subprocess.run([sys.executable, "-c", code], stdout=handle, check=True)
    assert out.read_bytes() == b"hi"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_a_symlink_is_written_through_to_its_target(tmp_path: Path) -> None:
    dotfiles = tmp_path / "dotfiles"
    dotfiles.mkdir()
    real = dotfiles / "profile.yaml"
    real.write_text("old\n")
    link = tmp_path / "profile.yaml"
    link.symlink_to(real)
    write_profile(link, Profile("a", "b"))
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert "current: a" in real.read_text()
    assert stat.S_IMODE(real.stat().st_mode) == 0o600
    assert sorted(p.name for p in dotfiles.iterdir()) == [
        "profile.yaml"
    ]  # no .lock left in a dotfiles or team repository


def test_a_dangling_symlink_creates_its_target(tmp_path: Path) -> None:
    link = tmp_path / "report.md"
    link.symlink_to(tmp_path / "real.md")
    atomic_write(link, b"# report\n")
    assert link.is_symlink() and (tmp_path / "real.md").read_bytes() == b"# report\n"


def test_a_read_only_file_is_refused_with_one_line(tmp_path: Path) -> None:
    path = tmp_path / "profile.yaml"
    path.write_text("keep\n")
    path.chmod(0o444)
    with pytest.raises(InputError, match=r"profile.yaml: is read-only; careerctl does not replace it"):
        write_profile(path, Profile())
    assert path.read_text() == "keep\n"


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a folder"):
        atomic_write(tmp_path, b"x")


def test_leftover_temps_of_the_profile_are_cleaned_on_the_next_save(tmp_path: Path) -> None:
    path = tmp_path / "profile.yaml"
    killed = tmp_path / ".profile.yaml.abc123.tmp"
    killed.write_bytes(b"half")
    other = tmp_path / ".notes.txt.abc123.tmp"  # not careerctl's: left alone however old it is
    other.write_bytes(b"x")
    os.utime(other, (time.time() - 7200, time.time() - 7200))
    write_profile(path, Profile())  # under the profile's lock no other writer is alive: any age goes
    assert not killed.exists() and other.exists()


def test_stale_temps_of_a_name_only(tmp_path: Path) -> None:
    old, mine = tmp_path / ".a.yaml.1.tmp", tmp_path / ".b.yaml.1.tmp"
    for path in (old, mine):
        path.write_bytes(b"x")
        os.utime(path, (time.time() - 7200, time.time() - 7200))
    remove_stale_temps(tmp_path, "a.yaml")
    assert not old.exists() and mine.exists()


def test_a_report_onto_an_input_is_refused(tmp_path: Path) -> None:
    profile = tmp_path / "profile.yaml"
    profile.write_text("x\n")
    alias = tmp_path / "same.yaml"
    alias.symlink_to(profile)
    for output in (profile, alias, tmp_path / "." / "profile.yaml"):
        with pytest.raises(InputError, match="is the profile; careerctl will not write a report over it"):
            refuse_inputs(output, [("the profile", profile)])
    refuse_inputs(tmp_path / "report.html", [("the profile", profile), ("a KB file", tmp_path / "none")])
