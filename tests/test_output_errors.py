"""Output to a full or closed stdout: one line on stderr, exit 1, no traceback; JSON whole or not at all."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from careerctl.context import Env
from careerctl.render.json import write_whole

COMMANDS = [
    ["roles", "--json"],
    ["roles"],
    ["roles", "--tree"],
    ["skills", "--json"],
    ["show", "junior"],
    ["path", "junior", "senior", "--json"],
    ["path", "junior", "senior"],
    ["plan", "--from", "junior", "--target", "senior", "--json"],
    ["match", "--from", "junior"],
    ["kb", "stats", "--json"],
    ["kb", "validate"],
    ["report", "--from", "junior", "--target", "senior", "--format", "html"],
    ["--profile", "p.yaml", "roles", "--json"],  # not the fast path: Typer's
]


def careerctl(args: list[str], kb: Path, stdout: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "careerctl", "--kb", str(kb), *args],
        stdout=stdout,  # type: ignore[arg-type]
        stderr=subprocess.PIPE,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_a_full_disk_on_stdout_is_one_line_and_exit_1(args: list[str], mini_kb: Path) -> None:
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full on this system")
    with open("/dev/full", "w") as full:
        result = careerctl(args, mini_kb, full)
    assert (result.returncode, result.stderr) == (
        1,
        "careerctl: cannot write to standard output: the disk is full\n",
    )


def test_a_closed_stdout_is_one_line_and_exit_1(mini_kb: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "careerctl", "--kb", str(mini_kb), "roles", "--json"],
        stderr=subprocess.PIPE,
        text=True,
        close_fds=True,
        stdout=subprocess.DEVNULL,
        preexec_fn=lambda: os.close(1),
        timeout=60,
    )
    assert (result.returncode, result.stderr) == (
        1,
        "careerctl: cannot write to standard output: it is closed\n",
    )


class Short(io.BytesIO):
    """A stream that takes only part of each write, as a nearly full pipe or disk may."""

    def write(self, data: bytes) -> int:  # type: ignore[override]
        return super().write(bytes(data)[: len(data) // 2])


def test_a_short_write_is_an_error_never_a_silent_half_document() -> None:
    stdout = io.TextIOWrapper(Short(), encoding="utf-8")
    env = Env(stdout=stdout)
    with pytest.raises(OSError, match="only 5 of 11 bytes were written"):
        write_whole(env, '{"a": 12}\n\n')


def test_json_is_written_in_one_piece(mini_kb: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    with out.open("w") as handle:
        assert careerctl(["roles", "--json"], mini_kb, handle).returncode == 0
    assert out.read_text().startswith("{") and out.read_text().endswith("}\n")
