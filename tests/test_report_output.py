"""`report -o` respects what is at the path: a FIFO's reader gets the report, a device stays a
device, a symlink is written through, and careerctl's own inputs are never written over."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

from careerctl.cli import app

REPORT = ["report", "--from", "junior", "--target", "senior", "--format", "markdown", "-o"]


def run(runner: CliRunner, kb: Path, profile: Path, output: str) -> tuple[int, str]:
    result = runner.invoke(app, ["--kb", str(kb), "--profile", str(profile), *REPORT, output])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stderr


def test_a_fifo_delivers_the_report_to_its_reader(runner: CliRunner, mini_kb: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "report.md"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    code, err = run(runner, mini_kb, tmp_path / "profile.yaml", str(fifo))
    reader.join(20)
    assert code == 0, err
    assert got and got[0].startswith(b"# ") and b"Senior" in got[0]
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_a_symlinked_report_is_written_through(runner: CliRunner, mini_kb: Path, tmp_path: Path) -> None:
    real = tmp_path / "shared" / "report.md"
    real.parent.mkdir()
    real.write_text("old\n")
    link = tmp_path / "report.md"
    link.symlink_to(real)
    assert run(runner, mini_kb, tmp_path / "profile.yaml", str(link))[0] == 0
    assert link.is_symlink() and real.read_text().startswith("# ")


@pytest.mark.parametrize("which", ["profile", "backup", "skills", "roles", "link-to-profile"])
def test_a_report_onto_careerctl_s_own_inputs_is_refused(
    runner: CliRunner, mini_kb: Path, tmp_path: Path, which: str
) -> None:
    profile = tmp_path / "profile.yaml"
    profile.write_text("version: 1\nassessments: []\n")
    (tmp_path / "profile.yaml.bak").write_text("version: 1\n")
    (tmp_path / "alias.md").symlink_to(profile)
    target = {
        "profile": profile,
        "backup": tmp_path / "profile.yaml.bak",
        "skills": mini_kb / "skills.yaml",
        "roles": mini_kb / "roles.yaml",
        "link-to-profile": tmp_path / "alias.md",
    }[which]
    before = target.read_bytes()
    code, err = run(runner, mini_kb, profile, str(target))
    what = {
        "backup": "the profile's backup",
        "skills": "a file of the KB in use",
        "roles": "a file of the KB in use",
    }
    assert (code, err) == (
        2,
        f"careerctl: {target}: is {what.get(which, 'the profile')}; careerctl will not write a report over it\n",
    )
    assert target.read_bytes() == before


@pytest.mark.parametrize(
    ("which", "said"),
    [
        ("evidence", "is the evidence log; careerctl will not write a report over it"),
        ("config", "is the config file; careerctl will not write a report over it"),
        ("review", "is in the reviews folder; careerctl will not write a report there"),
        ("new-in-reviews", "is in the reviews folder; careerctl will not write a report there"),
        ("backup", "is in the profile's backups folder; careerctl will not write a report there"),
        ("overlay", "is in a folder of the KB in use; careerctl will not write a report there"),
    ],
)
def test_a_report_onto_the_profile_s_other_files_is_refused(
    runner: CliRunner, mini_kb: Path, tmp_path: Path, which: str, said: str
) -> None:
    """The evidence log, the config, reviews, dated backups and the KB's language overlays."""
    profile = tmp_path / "profile.yaml"
    files = {
        "evidence": tmp_path / "profile.evidence.yaml",
        "config": Path(os.environ["CAREERCTL_CONFIG"]),
        "review": tmp_path / "profile.reviews" / "peer-sam-2026-12-01.yaml",
        "new-in-reviews": tmp_path / "profile.reviews" / "report.md",
        "backup": tmp_path / "backups" / "profile-20261201T100000Z.yaml",
        "overlay": mini_kb / "i18n" / "id" / "skills.yaml",
    }
    for path in files.values():
        path.parent.mkdir(parents=True, exist_ok=True)
    target = files[which]
    # a comment in YAML and in TOML; an overlay must load (every command reads it, for names)
    mine = "version: 1\nlanguage: id\nskills: []\n" if which == "overlay" else "# mine\n"
    if which != "new-in-reviews":
        target.write_text(mine)
    code, err = run(runner, mini_kb, profile, str(target))
    assert (code, err) == (2, f"careerctl: {target}: {said}\n")
    assert target.read_text() == mine if which != "new-in-reviews" else not target.exists()


def test_a_review_onto_the_profile_is_refused(runner: CliRunner, mini_kb: Path, tmp_path: Path) -> None:
    """`assess --rater ... --out` writes a review: never over the profile (an earlier review, yes)."""
    profile = tmp_path / "profile.yaml"
    profile.write_text("version: 1\nassessments: []\n")
    rate = ["--set", "coding=1", "--set", "sql=1", "--current", "junior", "--target", "senior"]
    base = ["--kb", str(mini_kb), "--profile", str(profile), "assess", "--rater", "peer", "--for", "Dana"]
    result = runner.invoke(app, [*base, "--by", "Sam", *rate, "--out", str(profile)])
    assert (result.exit_code, result.stderr) == (
        2,
        f"careerctl: {profile}: is the profile; careerctl will not write a review over it\n",
    )
    assert profile.read_text() == "version: 1\nassessments: []\n"
    review = tmp_path / "review.yaml"
    for _ in range(2):
        assert runner.invoke(app, [*base, "--by", "Sam", *rate, "--out", str(review)]).exit_code == 0


def test_a_read_only_report_is_refused(runner: CliRunner, mini_kb: Path, tmp_path: Path) -> None:
    output = tmp_path / "report.md"
    output.write_text("mine\n")
    output.chmod(0o444)
    code, err = run(runner, mini_kb, tmp_path / "profile.yaml", str(output))
    assert (code, err.count("\n")) == (2, 1) and "is read-only" in err
    assert output.read_text() == "mine\n"


def test_dash_means_stdout(runner: CliRunner, mini_kb: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["--kb", str(mini_kb), *REPORT, "-"])
    assert result.exit_code == 0 and result.stdout.startswith("# ")


NAMESPACE_SCRIPT = r"""
set -e
mount -t tmpfs careerctl-test /dev
mknod -m 666 /dev/null c 1 3
mknod -m 666 /dev/zero c 1 5
mknod -m 666 /dev/urandom c 1 9
ln -s /proc/self/fd /dev/fd
ln -s /proc/self/fd/1 /dev/stdout
ln -s /proc/self/fd/2 /dev/stderr
"$PYTHON" -m careerctl --kb "$KB" --profile "$PROFILE" report --from junior --target senior --format markdown -o /dev/null
test -c /dev/null
echo NULL-STILL-A-DEVICE
"$PYTHON" -m careerctl --kb "$KB" --profile "$PROFILE" report --from junior --target senior --format markdown -o /dev/stdout | head -c 2
echo
test ! -e /dev/stdout.tmp
"""


def test_as_root_in_a_mount_namespace_dev_null_stays_a_device(mini_kb: Path, tmp_path: Path) -> None:
    """Root may replace anything: run where /dev is a private tmpfs, so a bug cannot break the host."""
    if os.geteuid() != 0 or shutil.which("unshare") is None:
        pytest.skip("needs root and unshare(1) for a private mount namespace")
    probe = subprocess.run(["unshare", "-m", "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip(f"cannot make a mount namespace here: {probe.stderr.decode().strip()}")
    env = {**os.environ, "PYTHON": sys.executable, "KB": str(mini_kb), "PROFILE": str(tmp_path / "p.yaml")}
    result = subprocess.run(
        ["unshare", "-m", "--propagation", "private", "sh", "-c", NAMESPACE_SCRIPT],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["NULL-STILL-A-DEVICE", "# "]
