"""TAB completion in a real zsh and bash, in a pseudo-terminal, on names that would run or glob.

Validation refuses such names (kb/parse.py: is_token), so a sitecustomize module switches that
check off in the careerctl processes the shell starts: the names reach completion as a KB would
deliver them past a validation bug. Neither completion path (the fast entry point, Typer's own
completion classes) may let the shell run a command substitution or expand a name as a pattern.
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from pathlib import Path

import pytest

from kbfiles import MINI_ROLES, write_kb

pexpect = pytest.importorskip("pexpect")

BIN = Path(sys.executable).parent
WAIT = 6.0  # seconds for a TAB to be answered: a careerctl start, a KB load on the first


def hostile_tracks(flag: Path) -> list[str]:
    """Tracks that run `touch FLAG-...` if a shell evaluates them, or list files if it globs them."""
    return [
        f"$(touch {flag}-dollar)",
        f"`touch {flag}-backtick`",
        f"'; touch {flag}-single; '",
        f'") ; touch {flag}-double ; ("',
        "z\\",
        ".*",
        "*",
    ]


def yaml_quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


@pytest.fixture
def world(tmp_path: Path) -> tuple[Path, Path, dict[str, str]]:
    """A KB whose tracks are hostile, the flag files' stem, and the shell's environment."""
    flag = tmp_path / "FLAG"
    tracks = hostile_tracks(flag)
    extra = "".join(
        f"  - {{id: extra-{n}, name: Extra {n}, track: {yaml_quoted(track)}, seniority: 1,"
        " summary: s, skills: {coding: 1}}\n"
        for n, track in enumerate(tracks)
    )
    kb = write_kb(tmp_path / "kb", roles=MINI_ROLES.rstrip("\n") + "\n" + extra)
    (tmp_path / "LISTED-FILE").write_text("x")
    (tmp_path / ".listed-dotfile").write_text("x")
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(
        "import careerctl.kb.parse as parse\n\nparse.is_token = lambda text, spaces=False: True\n"
    )
    env = {
        "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}",
        "HOME": str(tmp_path),
        "TERM": "dumb",
        "PYTHONPATH": str(site),
        "CAREERCTL_CACHE_DIR": str(tmp_path / "cache"),
        "LANG": "C.UTF-8",
    }
    return kb, flag, env


def completion_script(shell: str) -> str:
    from typer._completion_shared import get_completion_script

    return get_completion_script(prog_name="careerctl", complete_var="_CAREERCTL_COMPLETE", shell=shell)


def press_tab(shell: str, line: str, cwd: Path, env: dict[str, str]) -> str:
    """Type `line` and TAB twice in an interactive `shell` with careerctl's completion; the screen."""
    script = cwd / f"completion.{shell}"
    script.write_text(completion_script(shell) + "\n")
    if shell == "zsh":
        argv = ["-f", "-i"]
        setup = f"PS1='%% '; autoload -U compinit; compinit -u; source {script}; echo READY"
    else:
        argv = ["--norc", "--noprofile", "-i"]
        setup = f"PS1='% '; source {script}; echo READY"
    child = pexpect.spawn(shell, argv, env=env, cwd=str(cwd), encoding="utf-8", timeout=30)
    try:
        child.sendline(setup)
        child.expect("READY\r\n")
        child.send(line + "\t\t")
        screen = ""
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            try:
                screen += child.read_nonblocking(65536, timeout=0.5)
            except pexpect.TIMEOUT:
                continue
            except pexpect.EOF:
                break
        return screen
    finally:
        child.sendcontrol("c")
        child.close(force=True)


@pytest.mark.parametrize("shell", ["zsh", "bash"])
@pytest.mark.parametrize(
    "command",
    ["roles --track ", "--profile p.yaml roles --track "],  # the fast entry point, then Typer's classes
    ids=["fast-path", "typer"],
)
@pytest.mark.xfail(
    reason="since the merge with the second-edition KB parser the injected hostile KB no longer "
    "loads in the child shell, so zsh and bash fall back to listing files; investigate (open in #17)",
    strict=False,
)
def test_tab_never_runs_or_globs_a_name(
    world: tuple[Path, Path, dict[str, str]], shell: str, command: str
) -> None:
    if shutil.which(shell) is None:
        pytest.skip(f"{shell} is not installed (.ci/run installs it)")
    kb, flag, env = world
    screen = press_tab(shell, f"careerctl --kb {kb} {command}", flag.parent, env)
    for stem in ("dollar", "backtick", "single", "double"):
        assert not flag.with_name(f"FLAG-{stem}").exists(), screen
    assert "touch" in screen, screen  # the names were offered
    assert "LISTED-FILE" not in screen and ".listed-dotfile" not in screen, screen
    assert "unmatched" not in screen and "parse error" not in screen, screen
