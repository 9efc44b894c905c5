"""The profile file: read it with clear errors, write it atomically, reset it, export and import it.

The file is YAML (`version: 1`, `current`, `target`, `assessments`). It is rewritten whole on
every save through `write_profile`, the one write path: temp file, fsync, rename. A reader
sees the old file or the new one, never a mix. Whatever reads the profile, changes it and writes it
back does so under its lock (`update_profile`, files.locked), so two careerctl processes at once
lose nothing: each assessment is merged into what is on disk at the moment it is saved.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import msgspec

from careerctl.errors import InputError, StorageError
from careerctl.files import atomic_write, describe_os_error, locked
from careerctl.i18n import _
from careerctl.kb.parse import as_int, bad_int, describe, line_of
from careerctl.kb.yamlio import Limits, clip, parse_yaml, read_bytes, shorten
from careerctl.model import LEVEL_MAX, LEVEL_MIN, Assessment, Profile

if TYPE_CHECKING:  # only `careerctl team` reads many profiles; the rest need not import it
    from careerctl.team import Notice, ProfileFile

PROFILE_VERSION = 1
PROFILE_MODE = 0o600  # a profile is personal: only its owner may read it
PROFILE_SCHEMA = "careerctl.profile/1"

TOP_KEYS = (
    "version",
    "current",
    "target",
    "stack",
    "assessments",
    "name",
    "schema",
    "levels",
)  # the last two: JSON exports
ASSESSMENT_KEYS = ("at", "kb", "current", "target", "complete", "skills", "levels", "notes")
TEAM_SUFFIXES = (".yaml", ".yml", ".json")
# Characters that reorder or hide text (bidi controls, zero-width and other format characters).
_INVISIBLE = re.compile("[\xad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]")
HEADER = b"# careerctl profile, written by `careerctl assess`. See `careerctl profile --help`.\n"


def utc_now() -> str:
    """The time now in UTC, to the second, as ISO 8601 with a Z."""
    return dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


BACKUPS = "backups"
"""The folder beside the profile where every profile that reset, import or restore replaced is kept."""


def backups_dir(path: Path) -> Path:
    """Where `reset`, `import` and `restore` keep the profiles they replace."""
    return path.parent / BACKUPS


def backup_path(path: Path, at: str) -> Path:
    """A new backup file for the profile at `path`, named by the UTC time `at` (unique in its folder)."""
    stamp = at.replace("-", "").replace(":", "")
    folder = backups_dir(path)
    candidate = folder / f"{path.stem}-{stamp}{path.suffix}"
    count = 2
    while candidate.exists() or candidate.is_symlink():
        candidate = folder / f"{path.stem}-{stamp}-{count}{path.suffix}"
        count += 1
    return candidate


def list_backups(path: Path) -> list[Path]:
    """The profile's backups, newest first (by the time in their names)."""
    folder = backups_dir(path)
    if not folder.is_dir():
        return []
    found = [p for p in folder.glob(f"{path.stem}-*{path.suffix}") if p.is_file() and not p.is_symlink()]
    return sorted(found, key=lambda p: _backup_order(p, path.stem), reverse=True)


def _backup_order(backup: Path, stem: str) -> tuple[str, int]:
    """A backup's time stamp and its count within that second (profile-STAMP[-N].yaml)."""
    stamp, _sep, count = backup.stem.removeprefix(f"{stem}-").partition("-")
    return stamp, int(count) if count.isdigit() else 1


def check_regular(path: Path) -> None:
    """InputError unless `path` is a regular file (a folder, a FIFO or a link is never a profile)."""
    if path.is_symlink() or not path.is_file():
        raise InputError(path, _("is not a regular file, so it is not a profile; nothing was changed"))


def keep_backup(path: Path, at: str) -> Path | None:
    """Copy the profile at `path` into a new backup file (None when there is no profile)."""
    if not path.exists() and not path.is_symlink():
        return None
    check_regular(path)
    backup = backup_path(path, at)
    try:
        backup.parent.mkdir(mode=0o700, exist_ok=True)
        atomic_write(backup, path.read_bytes(), mode=PROFILE_MODE)
    except OSError as exc:
        raise StorageError(
            _("{path}: cannot keep a copy in {folder}: {reason}").format(
                path=path, folder=backup.parent, reason=describe_os_error(exc)
            )
        ) from None
    return backup


def read_profile(path: Path) -> Profile | None:
    """The profile at `path`, None when there is none; InputError naming the file when unusable."""
    if not path.exists() and not path.is_symlink():  # a symlink loop or a dangling link is an error
        return None
    try:
        return load_profile(path)
    except InputError as exc:
        hint = _("fix it, or run `careerctl profile reset` to start over (the old file is kept in backups/)")
        raise InputError(exc.path, f"{exc.detail}; {hint}", exc.line, exc.key) from None


def load_profile(path: Path) -> Profile:
    """Read and check a profile file (YAML, or JSON from `profile export --json`)."""
    limits = Limits.for_person()
    return parse_profile(parse_yaml(read_bytes(path, limits), path, limits), path)


def write_profile(path: Path, profile: Profile) -> None:
    """Save `profile` to `path` atomically, readable by its owner only, under the profile's lock."""
    with locked(path):
        _write(path, profile)


def _write(path: Path, profile: Profile) -> None:
    """Save `profile` to `path` atomically; the caller holds the lock."""
    atomic_write(path, HEADER + dump_profile(profile), mode=PROFILE_MODE)


def update_profile(path: Path, change: Callable[[Profile | None], Profile]) -> Profile:
    """Read the profile, apply `change`, write the result: all under the profile's lock."""
    with locked(path):
        profile = change(read_profile(path))
        _write(path, profile)
    return profile


class ProfileSaver:
    """The `save` callback of an assessment: merges its one assessment into the profile on disk.

    Another careerctl may have saved its own assessment since this one started, or reset the
    profile: both stand. Only this session's assessment is replaced (or appended the first time).
    """

    def __init__(self, path: Path, start: Profile) -> None:
        self.path = path
        self.start = start  # the profile as read when the assessment began (a resumed one is its last)
        self.written: Assessment | None = None

    def __call__(self, latest: Profile) -> None:
        """Save the last assessment of `latest`, and its current and target roles."""
        mine = latest.assessments[-1]
        before = self.written
        if before is None and len(latest.assessments) == len(self.start.assessments):
            before = self.start.assessments[-1]  # a resumed assessment replaces the unfinished one

        def merge(disk: Profile | None) -> Profile:
            items = list(disk.assessments) if disk is not None else []
            where = _last_index(items, before)
            if where is None:
                items.append(mine)
            else:
                items[where] = mine
            base = disk if disk is not None else latest  # its name, stack and other keys stay
            return msgspec.structs.replace(
                base, current=latest.current, target=latest.target, assessments=tuple(items)
            )

        update_profile(self.path, merge)
        self.written = mine


def _last_index(items: list[Assessment], wanted: Assessment | None) -> int | None:
    """Where the last item equal to `wanted` is; None when absent."""
    if wanted is None:
        return None
    for index in range(len(items) - 1, -1, -1):
        if items[index] == wanted:
            return index
    return None


def dump_profile(profile: Profile) -> bytes:
    """The profile as YAML text."""
    import yaml

    class Dumper(yaml.SafeDumper):
        """Writes each assessment's list of skills on one line, and invisible characters as escapes."""

    def represent_str(dumper: yaml.SafeDumper, data: str) -> yaml.Node:
        style = '"' if _INVISIBLE.search(data) else None  # only a double-quoted scalar can escape
        return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)

    Dumper.add_representer(
        tuple, lambda dumper, data: dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=True)
    )
    Dumper.add_representer(str, represent_str)
    data = profile_dict(profile)
    for item in data["assessments"]:
        item["skills"] = tuple(item["skills"])
    text = yaml.dump(
        data, Dumper=Dumper, sort_keys=False, allow_unicode=True, default_flow_style=False, width=100
    )
    # PyYAML writes bidi overrides and zero-width characters raw even in double quotes; every one
    # of them sits in a double-quoted scalar (represent_str), where \uXXXX reads back the same.
    return _INVISIBLE.sub(lambda m: f"\\u{ord(m.group()):04x}", text).encode("utf-8")


def reset_profile(path: Path, at: str) -> Path | None:
    """Move the profile into a new backup file; None when there is none. Works on a damaged profile."""
    with locked(path):  # an assessment saving elsewhere waits, then starts from no profile
        backup = keep_backup(path, at)
        if backup is not None:
            try:
                path.unlink()
            except OSError as exc:
                raise StorageError(
                    _("{path}: kept a copy in {backup}, but cannot remove it: {reason}").format(
                        path=path, backup=backup, reason=describe_os_error(exc)
                    )
                ) from None
    return backup


def import_profile(source: Path, path: Path, at: str) -> tuple[Profile, Path | None]:
    """Replace the profile with the one in `source`, keeping the old one in a new backup file."""
    profile = load_profile(source)
    with locked(path):
        backup = keep_backup(path, at)
        _write(path, profile)
    return profile, backup


def restore_profile(path: Path, backup: Path, at: str) -> tuple[Profile, Path | None]:
    """Bring back a backup (it stays in backups/); the profile it replaces is kept in a new backup."""
    return import_profile(backup, path, at)


def team_files(paths: Sequence[Path]) -> list[Path]:
    """The profile files named: files as given, and each folder's *.yaml, *.yml and *.json, by name."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            inside = sorted(
                item
                for item in path.iterdir()
                if item.suffix.lower() in TEAM_SUFFIXES and not item.name.startswith(".") and item.is_file()
            )
            if not inside:
                raise InputError(path, _("holds no profile files (*.yaml, *.yml or *.json)"))
            found += inside
        elif path.exists() or path.is_symlink():
            found.append(path)
        else:
            raise InputError(path, _("no such file or folder"))
    return list(dict.fromkeys(found))


def read_team(paths: Sequence[Path]) -> tuple[list[ProfileFile], list[Notice]]:
    """Every profile in `paths` (see team_files); a damaged one becomes a notice and the rest still load."""
    from careerctl.team import Notice, ProfileFile

    limits = Limits.from_env()
    files: list[ProfileFile] = []
    notices: list[Notice] = []
    for path in team_files(paths):
        try:
            doc = parse_yaml(read_bytes(path, limits), path, limits)
            profile = parse_profile(doc, path)
        except InputError as exc:
            what = f"{exc.key}: {exc.detail}" if exc.key else exc.detail
            notices.append(Notice(str(path), exc.line, _("{problem}; left out").format(problem=what)))
            continue
        kb_lines = tuple(line_of(item, "kb") for item in doc.get("assessments") or ())
        files.append(ProfileFile(str(path), profile, kb_lines))
    return files, notices


def profile_dict(profile: Profile) -> dict[str, Any]:
    """The profile as plain data, in the file's key order."""
    data: dict[str, Any] = {"version": PROFILE_VERSION}
    if profile.name is not None:
        data["name"] = profile.name
    data.update(current=profile.current, target=profile.target)
    if profile.stack is not None:
        data["stack"] = profile.stack
    data["assessments"] = [assessment_dict(a) for a in profile.assessments]
    return data


def assessment_dict(item: Assessment) -> dict[str, Any]:
    """One assessment as plain data."""
    return {
        "at": item.at,
        "kb": item.kb,
        "current": item.current,
        "target": item.target,
        "complete": item.complete,
        "skills": list(item.skills),
        "levels": dict(item.levels),
        "notes": dict(item.notes),
    }


# ---------------------------------------------------------------- checking what was read


def parse_profile(doc: Any, path: Path) -> Profile:
    """Check a parsed profile document and build the Profile; InputError at the first fault."""
    if not isinstance(doc, dict):
        what = _("empty") if doc is None else describe(doc)
        detail = _("must be a mapping with 'version: 1' and 'assessments:', not {what}").format(what=what)
        raise InputError(path, detail, 1)
    _reject_unknown(doc, TOP_KEYS, path, "")
    version = doc.get("version")
    if version != PROFILE_VERSION or isinstance(version, bool):
        found = _("missing") if "version" not in doc else shorten(version)
        raise InputError(
            path,
            _("version: must be {version} (found {found})").format(version=PROFILE_VERSION, found=found),
            line_of(doc, "version") or 1,
        )
    if "schema" in doc and doc["schema"] != PROFILE_SCHEMA:
        raise InputError(
            path, _("schema: must be {schema}").format(schema=repr(PROFILE_SCHEMA)), line_of(doc, "schema")
        )
    items = doc.get("assessments", [])
    if items is None:
        items = []
    if not isinstance(items, list):
        raise InputError(
            path,
            _("assessments: must be a list, not {what}").format(what=describe(items)),
            line_of(doc, "assessments"),
        )
    return Profile(
        current=_optional_text(doc, "current", path, ""),
        target=_optional_text(doc, "target", path, ""),
        assessments=tuple(_assessment(item, path, f"assessments[{n}]", doc) for n, item in enumerate(items)),
        stack=_optional_text(doc, "stack", path, "") or None,
        name=_optional_text(doc, "name", path, ""),
    )


def _assessment(item: Any, path: Path, key: str, parent: Any) -> Assessment:
    if not isinstance(item, dict):
        raise InputError(
            path,
            _("{key}: must be a mapping, not {what}").format(key=key, what=describe(item)),
            line_of(parent, "assessments"),
        )
    _reject_unknown(item, ASSESSMENT_KEYS, path, key)
    levels = _levels(item, path, key)
    skills = _skills(item, path, key, levels)
    complete = item.get("complete", True)
    if not isinstance(complete, bool):
        raise InputError(
            path,
            _("{key}.complete: must be true or false, not {what}").format(key=key, what=describe(complete)),
            line_of(item, "complete"),
        )
    return Assessment(
        at=_timestamp(item, path, key),
        kb=_required_text(item, "kb", path, key),
        current=_optional_text(item, "current", path, key) or "",
        target=_optional_text(item, "target", path, key) or "",
        skills=skills,
        levels=levels,
        notes=_notes(item, path, key),
        complete=complete,
    )


def _reject_unknown(entry: dict[Any, Any], allowed: tuple[str, ...], path: Path, key: str) -> None:
    for name in entry:
        if name not in allowed:
            where = f"{key}.{name}" if key else str(name)
            raise InputError(
                path,
                _("{key}: unknown key (expected one of: {keys})").format(key=where, keys=", ".join(allowed)),
                line_of(entry, name),
            )


def _optional_text(entry: dict[Any, Any], name: str, path: Path, key: str) -> str | None:
    value = entry.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        where = f"{key}.{name}" if key else name
        raise InputError(
            path,
            _("{key}: must be text, not {what}").format(key=where, what=describe(value)),
            line_of(entry, name),
        )
    return value


def _required_text(entry: dict[Any, Any], name: str, path: Path, key: str) -> str:
    if name not in entry:
        raise InputError(path, _("{key}: is missing").format(key=f"{key}.{name}"), line_of(entry))
    return _optional_text(entry, name, path, key) or ""


def _timestamp(entry: dict[Any, Any], path: Path, key: str) -> str:
    if "at" not in entry:
        raise InputError(path, _("{key}: is missing").format(key=f"{key}.at"), line_of(entry))
    value = entry["at"]
    if isinstance(value, dt.datetime):  # an unquoted timestamp written by hand
        if value.tzinfo is not None:
            value = value.astimezone(dt.timezone.utc).replace(tzinfo=None)
        return value.strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(value, str):
        try:
            dt.datetime.fromisoformat(value.removesuffix("Z"))
        except ValueError:
            pass
        else:
            return value
    raise InputError(
        path,
        _("{key}.at: must be a time like 2026-05-01T10:00:00Z, not {what}").format(
            key=key, what=describe(value)
        ),
        line_of(entry, "at"),
    )


def _levels(entry: dict[Any, Any], path: Path, key: str) -> dict[str, int]:
    raw = entry.get("levels", {})
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise InputError(
            path,
            _("{key}.levels: must be a mapping of skill ids to levels, not {what}").format(
                key=key, what=describe(raw)
            ),
            line_of(entry, "levels"),
        )
    levels: dict[str, int] = {}
    for skill, value in raw.items():
        level = as_int(value, LEVEL_MIN, LEVEL_MAX)
        if not isinstance(skill, str) or level is None:
            problem = (
                _("a skill id must be text")
                if not isinstance(skill, str)
                else bad_int(value, LEVEL_MIN, LEVEL_MAX, "level")
            )
            raise InputError(path, f"{key}.levels.{clip(str(skill))}: {problem}", line_of(raw, skill))
        levels[skill] = level
    return levels


def _skills(entry: dict[Any, Any], path: Path, key: str, levels: dict[str, int]) -> tuple[str, ...]:
    raw = entry.get("skills")
    if raw is None:
        return tuple(levels)
    if not isinstance(raw, list) or not all(isinstance(s, str) for s in raw):
        raise InputError(
            path, _("{key}.skills: must be a list of skill ids").format(key=key), line_of(entry, "skills")
        )
    return tuple(dict.fromkeys([*raw, *levels]))


def _notes(entry: dict[Any, Any], path: Path, key: str) -> dict[str, str]:
    raw = entry.get("notes", {})
    if raw is None:
        return {}
    if not isinstance(raw, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in raw.items()
    ):
        raise InputError(
            path,
            _("{key}.notes: must be a mapping of skill ids to text").format(key=key),
            line_of(entry, "notes"),
        )
    notes = {k: one_line(v) for k, v in raw.items()}
    return {k: v for k, v in notes.items() if v}


def one_line(text: str) -> str:
    """A note as careerctl keeps it: one line, runs of white space (line breaks too) as one space."""
    return " ".join(text.split())
