"""The environment of careerctl on a pseudo-terminal in the tests (pexpect)."""

from __future__ import annotations

import os
from pathlib import Path


def terminal_env(home: Path) -> dict[str, str]:
    """This process's environment, with the profile and cache under `home`, plain xterm, no colour."""
    return {
        **os.environ,
        "CAREERCTL_PROFILE": str(home / "profile.yaml"),
        "CAREERCTL_CACHE_DIR": str(home / "cache"),
        "PROMPT_TOOLKIT_NO_CPR": "1",  # else every prompt waits ~1 s for a cursor position reply
        "TERM": "xterm",
        "NO_COLOR": "1",
    }
