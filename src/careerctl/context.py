"""Where careerctl reads and writes: the KB folder, the cache folder and the profile file."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, TextIO, TypeVar

from careerctl.kb import bundled_kb_dir
from careerctl.kb.cache import default_cache_dir

if TYPE_CHECKING:
    from datetime import date

    from careerctl.kb.load import Loaded
    from careerctl.kb.renames import CarriedOver

APP_NAME = "careerctl"
T = TypeVar("T")
PIPE_WIDTH = 80  # piped output, when $COLUMNS is not set: the width a reader and a pager most often have


def lazy_module(name: str) -> ModuleType:
    """Module `name`, imported when one of its attributes is first read (importlib's LazyLoader)."""
    if name in sys.modules:  # already imported (the fast entry point may have): never load it twice
        return sys.modules[name]
    import importlib.util

    spec = importlib.util.find_spec(name)
    assert spec is not None and spec.loader is not None, name
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def silence_stdout() -> None:
    """Point stdout at /dev/null: its reader has gone (`| head`), and Python must not complain at exit."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or minimal stream
        return False


def user_cache_dir() -> Path:
    """The compiled-KB cache folder: $CAREERCTL_CACHE_DIR, else the platform's user cache folder."""
    return default_cache_dir()


def default_profile_path() -> Path:
    """The profile file in the platform's user data folder."""
    if sys.platform.startswith("linux"):  # the XDG rule, as platformdirs applies it, without importing it
        base = os.environ.get("XDG_DATA_HOME", "")
        if not os.path.isabs(base):
            base = os.path.expanduser("~/.local/share")
        if os.path.isabs(base):
            return Path(base) / APP_NAME / "profile.yaml"
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME)) / "profile.yaml"


def profile_location() -> Path:
    """$CAREERCTL_PROFILE, else the default profile file (what --profile overrides)."""
    override = os.environ.get("CAREERCTL_PROFILE")
    return Path(override) if override else default_profile_path()


def _stdout() -> TextIO:
    return sys.stdout  # read when the Env is made: test runners swap sys.stdout per run


def _stderr() -> TextIO:
    return sys.stderr


def _stdin() -> TextIO:
    return sys.stdin


class Env:
    """What a command may touch: files, streams, variables and the clock (as httpie's Environment).

    The command lines build one per run; tests build their own. The app and the renderers take
    their streams, terminal facts and today's date from here, never from sys or os.environ.
    (A plain class rather than a dataclass: importing dataclasses costs every command, TAB
    completion included, about 15 ms.)
    """

    __slots__ = (
        "kb_dir",
        "profile_path",
        "stdout",
        "stderr",
        "stdin",
        "environ",
        "quiet",
        "config_path",
        "lang",
        "saved_at",
        "carried",
        "_loaded",
        "_settings",
        "_noted",
    )

    def __init__(
        self,
        *,
        kb_dir: Path | None = None,
        profile_path: Path | None = None,
        stdout: TextIO | None = None,
        stderr: TextIO | None = None,
        stdin: TextIO | None = None,
        environ: Mapping[str, str] | None = None,
        quiet: bool = False,
        config_path: Path | None = None,
        lang: str = "en",
    ) -> None:
        self.kb_dir = kb_dir
        self.profile_path = profile_path
        self.stdout: TextIO = stdout if stdout is not None else _stdout()
        self.stderr: TextIO = stderr if stderr is not None else _stderr()
        self.stdin: TextIO = stdin if stdin is not None else _stdin()
        self.environ: Mapping[str, str] = environ if environ is not None else os.environ
        self.quiet = quiet  # --quiet: no notices about saved state (errors and warnings still show)
        self.config_path = config_path  # the settings file; None: $CAREERCTL_CONFIG, else the default one
        self.lang = lang  # the interface language (careerctl.i18n): the KB's words follow it too
        self.saved_at: str | None = None  # when the saved profile's latest assessment was made, once read
        self.carried: CarriedOver | None = None  # how the saved profile's ratings met this KB, once read
        self._loaded: Loaded | None = None
        self._settings: dict[str, Any] | None = None
        self._noted: set[str] = set()

    def writing_to(self, stdout: TextIO, environ: Mapping[str, str] | None = None) -> Env:
        """The same Env (the same loaded KB, settings and notices) printing to `stdout`."""
        other = Env.__new__(Env)
        for name in Env.__slots__:
            setattr(other, name, getattr(self, name))
        other.stdout = stdout
        if environ is not None:
            other.environ = environ
        return other

    @property
    def isatty(self) -> bool:
        """Whether stdout is a terminal (colour, box characters, the terminal's width)."""
        return _isatty(self.stdout)

    @property
    def stderr_isatty(self) -> bool:
        """Whether stderr is a terminal (where a progress bar may show)."""
        return _isatty(self.stderr)

    @property
    def width(self) -> int | None:
        """Columns to lay out in: $COLUMNS, else None on a terminal (its own width), else PIPE_WIDTH."""
        columns = self.environ.get("COLUMNS", "")
        if columns.isdigit() and int(columns) > 0:
            return int(columns)
        return None if self.isatty else PIPE_WIDTH

    def today(self) -> date:
        """Today, or the day of $SOURCE_DATE_EPOCH when set (reproducible reports and tests)."""
        from datetime import date, datetime, timezone

        epoch = self.environ.get("SOURCE_DATE_EPOCH", "").strip()
        if epoch.isdigit():
            return datetime.fromtimestamp(int(epoch), tz=timezone.utc).date()
        return date.today()

    def now(self) -> str:
        """The time now in UTC, to the second, as ISO 8601 with a Z: when an answer was given."""
        from datetime import datetime, timezone

        return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")

    def say(self, message: str) -> None:
        """One line for the person on stderr (what was saved, what was left out), shown literally."""
        from careerctl.text import visible

        self.stderr.write(visible(message) + "\n")

    def note(self, message: str) -> None:
        """Say, once per run and unless --quiet, that saved state (the profile, the config) was used."""
        if not self.quiet and message not in self._noted:
            self._noted.add(message)
            self.say(f"careerctl: {message}")

    @property
    def config_file(self) -> Path:
        """The settings file: --config's path, else $CAREERCTL_CONFIG, else the user config folder's."""
        from careerctl.config import config_location

        return self.config_path or config_location(self.environ)

    @property
    def settings(self) -> dict[str, Any]:
        """The checked settings of the config file ({} when there is none), read once."""
        if self._settings is None:
            from careerctl.config import read_config

            self._settings = read_config(self.config_file) if os.path.lexists(self.config_file) else {}
        return self._settings

    def setting(self, key: str, given: T | None, default: T) -> T:
        """An option's value: as given on the command line, else the config's (said once), else `default`."""
        if given is not None:
            return given
        if key in self.settings:
            value: T = self.settings[key]
            shown = f"{value:g}" if isinstance(value, float) else value
            self.note(
                f"{key} = {shown} from your config ({self.config_file}; `careerctl config unset {key}`)"
            )
            return value
        return default

    @property
    def kb_folder(self) -> Path:
        """The KB folder in use: --kb / $CAREERCTL_KB, else the config's kb, else the bundled one."""
        if self.kb_dir is not None:
            return self.kb_dir
        configured = self.setting("kb", None, "")
        return Path(configured).expanduser() if configured else bundled_kb_dir()

    def load(self) -> Loaded:
        """The KB, loaded once per command, in the interface language when it has that language's words."""
        if self._loaded is None:
            from careerctl.kb.load import load_kb
            from careerctl.kb.translate import localise

            folder, cache_dir = self.kb_folder, user_cache_dir()
            loaded = load_kb(folder, cache_dir=cache_dir)
            kb = localise(loaded.kb, folder, self.lang, cache_dir)
            self._loaded = loaded if kb is loaded.kb else loaded.with_kb(kb)
        return self._loaded

    def saved_person(self) -> tuple[dict[str, int], str | None, str | None] | None:
        """Levels, current role and target from the saved profile, or None when there is none.

        The levels are the latest answer for each skill, carried over the KB's renames and splits
        (`self.carried` says what changed); roles the KB does not know are dropped. Skills the KB
        no longer has keep their saved level under their old id, so callers can report them.
        """
        if not os.path.lexists(self.profile):
            return None  # without importing the store and YAML: the fast path stays fast
        from careerctl.assess import latest_levels
        from careerctl.kb.renames import carry_over
        from careerctl.store import read_profile

        profile = read_profile(self.profile)
        if profile is None or not profile.assessments:
            return None
        self.saved_at = profile.assessments[-1].at
        kb = self.load().kb
        current = profile.current if profile.current in kb.roles else None
        target = profile.target if profile.target in kb.roles else None
        self.carried = carry_over(latest_levels(profile), kb)
        return {**self.carried.removed, **self.carried.levels}, current, target

    def saved_stack(self) -> str | None:
        """The stack (python, java ...) saved in the profile, or None."""
        if not os.path.lexists(self.profile):
            return None
        from careerctl.store import read_profile

        profile = read_profile(self.profile)
        return profile.stack if profile is not None else None

    @property
    def profile(self) -> Path:
        """The profile file in use: --profile / $CAREERCTL_PROFILE, else the default one."""
        return self.profile_path or default_profile_path()
