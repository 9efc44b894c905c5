"""Where careerctl reads and writes: the KB folder, the cache folder and the profile file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from careerctl.kb import bundled_kb_dir
from careerctl.kb.cache import default_cache_dir

if TYPE_CHECKING:
    from careerctl.kb.load import Loaded

APP_NAME = "careerctl"


def user_cache_dir() -> Path:
    """The compiled-KB cache folder: $CAREERCTL_CACHE_DIR, else the platform's user cache folder."""
    return default_cache_dir()


def default_profile_path() -> Path:
    """The profile file in the platform's user data folder."""
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME)) / "profile.yaml"


@dataclass
class Env:
    """What a command may touch; the CLI builds one, tests build their own."""

    kb_dir: Path | None = None
    profile_path: Path | None = None
    _loaded: Loaded | None = None

    @property
    def kb_folder(self) -> Path:
        """The KB folder in use: --kb / $CAREERCTL_KB, else the bundled one."""
        return self.kb_dir or bundled_kb_dir()

    def load(self) -> Loaded:
        """The KB, loaded once per command."""
        if self._loaded is None:
            from careerctl.kb.load import load_kb

            self._loaded = load_kb(self.kb_folder, cache_dir=user_cache_dir())
        return self._loaded

    def saved_person(self) -> tuple[dict[str, int], str | None, str | None] | None:
        """Levels, current role and target from the saved profile, or None when there is none."""
        return None

    @property
    def profile(self) -> Path:
        """The profile file in use: --profile / $CAREERCTL_PROFILE, else the default one."""
        return self.profile_path or default_profile_path()
