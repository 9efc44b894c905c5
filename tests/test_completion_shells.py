"""TAB completion in a real zsh and bash, in a pseudo-terminal, on names that would run or glob.

Validation refuses such names (kb/parse.py: check_token calls is_token for tracks, check_id
matches ID_PATTERN, parse_aliases ALIAS_PATTERN), so a sitecustomize module switches those
checks off in the careerctl processes the shell starts: the names reach completion as a KB would
deliver them past a validation bug. Neither completion path (the fast entry point, Typer's own
completion classes) may let the shell run a command substitution or expand a name as a pattern.
The fixture first checks that the hostile KB really loads in such a process: if it did not,
completion would offer nothing and the shells would list files, which proves nothing.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kbfiles import MINI_ROLES, write_kb

pexpect = pytest.importorskip("pexpect")

BIN = Path(sys.executable).parent
WAIT = 6.0  # seconds for a TAB to be answered: a careerctl start, a KB load on the first
QUIET = 1.5  # seconds of silence after the names appear: both TABs have been answered


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


def hostile_roles(flag: Path) -> list[tuple[str, list[str]]]:
    """Role ids and their aliases that run `touch FLAG-...` or glob if a shell evaluates them."""
    return [
        (f"$(touch {flag}-id)", [f"`touch {flag}-alias`", ".*"]),
        (f"a'; touch {flag}-idquote; 'b", ["*"]),
    ]


STEMS = ("dollar", "backtick", "single", "double", "id", "alias", "idquote")
"""The flag files' suffixes: none may ever exist."""

SITECUSTOMIZE = """\
import re

import careerctl.kb.parse as parse

parse.is_token = lambda text, spaces=False: True
parse.ID_PATTERN = re.compile(r"(?s).+")
parse.ALIAS_PATTERN = re.compile(r"(?s).+")
"""
"""Switches off the token, id and alias checks in every careerctl process the shell starts."""


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
    ) + "".join(
        f"  - {{id: {yaml_quoted(ident)}, aliases: [{', '.join(map(yaml_quoted, aliases))}],"
        " name: Hostile, track: dev, seniority: 1, summary: s, skills: {coding: 1}}\n"
        for ident, aliases in hostile_roles(flag)
    )
    head, checks = MINI_ROLES.split("checks:")  # the roles list, then its `checks:` block
    kb = write_kb(tmp_path / "kb", roles=head + extra + "checks:" + checks)
    (tmp_path / "LISTED-FILE").write_text("x")
    (tmp_path / ".listed-dotfile").write_text("x")
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(SITECUSTOMIZE)
    env = {
        "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}",
        "HOME": str(tmp_path),
        "TERM": "dumb",
        "PYTHONPATH": str(site),
        "CAREERCTL_CACHE_DIR": str(tmp_path / "cache"),
        "LANG": "C.UTF-8",
    }
    shown = subprocess.run(
        [str(BIN / "careerctl"), "--kb", str(kb), "roles", "--json"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert shown.returncode == 0, shown.stderr  # the hostile KB loads past validation
    for track in tracks:
        assert json.dumps(track) in shown.stdout, shown.stdout
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
        quiet = 0.0  # seconds without output since the names were shown
        while time.monotonic() < deadline and quiet < QUIET:
            try:
                screen += child.read_nonblocking(65536, timeout=0.5)
                quiet = 0.0
            except pexpect.TIMEOUT:
                quiet += 0.5 if "touch" in screen else 0.0
            except pexpect.EOF:
                break
        return screen
    finally:
        child.sendcontrol("c")
        child.close(force=True)


COMMANDS = {
    "roles-track-fast": "roles --track ",
    "roles-track-typer": "--profile p.yaml roles --track ",  # --profile: the Typer app answers
    "match-track-fast": "match --track ",
    "match-track-typer": "--profile p.yaml match --track ",
    "show-role-fast": "show ",
    "plan-target-typer": "--profile p.yaml plan --target ",
}
"""Command lines before the TAB: tracks, then role ids and aliases, on both completion paths."""


@pytest.mark.parametrize("shell", ["zsh", "bash"])
@pytest.mark.parametrize("command", list(COMMANDS.values()), ids=list(COMMANDS))
def test_tab_never_runs_or_globs_a_name(
    world: tuple[Path, Path, dict[str, str]], shell: str, command: str
) -> None:
    if shutil.which(shell) is None:
        pytest.skip(f"{shell} is not installed (.ci/run installs it)")
    kb, flag, env = world
    screen = press_tab(shell, f"careerctl --kb {kb} {command}", flag.parent, env)
    for stem in STEMS:
        assert not flag.with_name(f"FLAG-{stem}").exists(), screen
    assert "touch" in screen, screen  # the names were offered
    assert "LISTED-FILE" not in screen and ".listed-dotfile" not in screen, screen
    assert "unmatched" not in screen and "parse error" not in screen, screen
