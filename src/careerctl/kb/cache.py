"""The compiled-KB cache: where it lives, and what it knows about a KB folder without reading it.

The cache entries themselves (a whole KB, msgpack-encoded) are read and written by kb/load.py.
This module holds what is cheaper than an entry: stamps and the names index.

Hashing the YAML of an ESCO-sized KB (21 MB) on every command would cost more than decoding
its cache entry, so the cache also keeps, per folder, a *stamp*: for each file its device,
inode, size, modification time and change time, and the content identity that was hashed from
exactly those files. When every stamp still matches, the identity is taken from the record;
when anything differs (an edit, a `touch`, a copy over the file, a rename into place), the
loader hashes the content again and writes a new record.

A stamp is only written for files that were last changed more than `SETTLED_SECONDS` ago.
A file changed within the file system's timestamp granularity could change again without its
stamp changing (git calls this the "racy" case); such files are simply hashed every time until
they settle.

The names index lists the role ids and aliases and the tracks of one KB identity: TAB
completion reads it instead of the whole cache entry.

This module imports only the standard library (no msgspec, no YAML), so that completion and
the cache lookup stay cheap.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import time
import zlib
from pathlib import Path
from typing import Any

from careerctl import __version__

CACHE_FORMAT = "kb-cache/3"
"""The format of a cache entry; 2: resources carry author, cost, language, stack; skills technologies,
replaces; 3: skills carry aliases and mappings, the KB its language and terms.

It is part of a KB's identity, and a stamp record names it, so a new format never reads an old entry.
"""
STAMP_FORMAT = "kb-stamp/1"
NAMES_FORMAT = "kb-names/1"
SETTLED_SECONDS = 2.0
"""A file changed less than this long ago is hashed on every load (coarse timestamps; FAT has 2 s)."""

Stamp = list[list[int]]


def default_cache_dir() -> Path:
    """$CAREERCTL_CACHE_DIR, else the platform's user cache folder for careerctl, + "kb"."""
    override = os.environ.get("CAREERCTL_CACHE_DIR")
    if override:
        return Path(override)
    if sys.platform.startswith("linux"):  # the XDG rule, without importing platformdirs (~10 ms a command)
        base = os.environ.get("XDG_CACHE_HOME", "")
        if not os.path.isabs(base):
            base = os.path.expanduser("~/.cache")
        if os.path.isabs(base):
            return Path(base) / "careerctl" / "kb"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("careerctl")) / "kb"


def stamp_files(paths: list[Path]) -> Stamp | None:
    """The stamp of each file, or None when one cannot be examined (the loader will say why)."""
    found = []
    for path in paths:
        try:
            st = os.stat(path)
        except OSError:
            return None
        found.append([st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns])
    return found


def settled(stamp: Stamp) -> bool:
    """Whether every file was last changed long enough ago for its stamp to be trusted."""
    newest = max(max(mtime, ctime) for *_, mtime, ctime in stamp)
    return time.time_ns() - newest > SETTLED_SECONDS * 1e9


def stamp_file(cache_dir: Path, folder: Path) -> Path:
    """Where the stamp record of `folder` lives (named by a checksum of its absolute path)."""
    where = os.path.abspath(folder)
    return cache_dir / f"{zlib.crc32(where.encode('utf-8', 'surrogateescape')):08x}.stamp.json"


def known_identity(cache_dir: Path, folder: Path, stamp: Stamp) -> str | None:
    """The content identity recorded for `folder` if its files still carry exactly this stamp."""
    record = _read_json(stamp_file(cache_dir, folder))
    if (
        record is None
        or record.get("format") != STAMP_FORMAT
        or record.get("version") != __version__
        or record.get("cache") != CACHE_FORMAT
        or record.get("folder") != os.path.abspath(folder)
        or record.get("files") != stamp
    ):
        return None
    identity = record.get("identity")
    return identity if isinstance(identity, str) else None


def remember_identity(cache_dir: Path, folder: Path, stamp: Stamp, identity: str) -> None:
    """Record that the files with this stamp have this identity (skipped while they are unsettled)."""
    if not settled(stamp):
        return
    record = {
        "format": STAMP_FORMAT,
        "version": __version__,
        "cache": CACHE_FORMAT,
        "folder": os.path.abspath(folder),
        "files": stamp,
        "identity": identity,
    }
    _write_json(stamp_file(cache_dir, folder), record)


def names_file(cache_dir: Path, identity: str) -> Path:
    """Where the names index of a KB identity lives, beside its cache entry."""
    return cache_dir / f"{identity[:40]}.names.json"


def read_names(cache_dir: Path, identity: str) -> tuple[list[str], list[str]] | None:
    """Role ids and aliases, and tracks, of the KB with this identity; None when not indexed."""
    record = _read_json(names_file(cache_dir, identity))
    if record is None or record.get("format") != NAMES_FORMAT or record.get("identity") != identity:
        return None
    roles, tracks = record.get("roles"), record.get("tracks")
    if not isinstance(roles, list) or not isinstance(tracks, list):
        return None
    return [str(name) for name in roles], [str(name) for name in tracks]


def write_names(cache_dir: Path, identity: str, roles: list[str], tracks: list[str]) -> None:
    """Write the names index of a KB identity."""
    record = {"format": NAMES_FORMAT, "identity": identity, "roles": roles, "tracks": tracks}
    _write_json(names_file(cache_dir, identity), record)


def _read_json(path: Path) -> dict[str, Any] | None:
    """A small JSON object from the cache, or None when it is missing or damaged (never trusted)."""
    try:
        with open(path, encoding="utf-8") as handle:
            record = json.load(handle)
    except (OSError, ValueError):
        return None
    return record if isinstance(record, dict) else None


def _write_json(path: Path, record: dict[str, Any]) -> None:
    """Write a cache record atomically; a cache folder that cannot be written is not an error."""
    from careerctl.errors import StorageError
    from careerctl.files import atomic_write

    with contextlib.suppress(StorageError):
        atomic_write(path, json.dumps(record, ensure_ascii=False).encode("utf-8"))
