"""Crash-safe file writing: a reader sees the old file or the new one, never a mix."""

from __future__ import annotations

import contextlib
import errno
import os
import time
from pathlib import Path

from careerctl.errors import StorageError


def atomic_write(path: Path, data: bytes, mode: int | None = None) -> None:
    """Write `data` to a temp file beside `path`, fsync it, rename it over `path`, fsync the folder.

    The file gets `mode`, else the old file's mode, else the usual mode for new files (umask applied).
    """
    import tempfile  # here, not at the top: only writes pay for it (random, shutil), not every read

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        kept = "; the old file is unchanged" if path.exists() else ""
        raise StorageError(f"{path}: cannot write: {describe_os_error(exc)}{kept}") from None
    try:
        os.chmod(tmp, file_mode(path, mode))
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
        sync_folder(path.parent)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise StorageError(
            f"{path}: cannot write: {describe_os_error(exc)}; the old file is unchanged"
        ) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def remove_stale_temps(folder: Path, older_than: float = 3600.0) -> None:
    """Delete temp files that writers killed mid-write left in `folder` (a live writer's are recent)."""
    cutoff = time.time() - older_than
    with contextlib.suppress(OSError):
        for entry in folder.glob(".*.tmp"):
            with contextlib.suppress(OSError):
                if entry.lstat().st_mtime < cutoff:
                    entry.unlink()


def file_mode(path: Path, mode: int | None) -> int:
    """The permission bits a rewritten file should have."""
    if mode is not None:
        return mode
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def sync_folder(folder: Path) -> None:
    """Make a rename durable (best effort: not every system can fsync a folder)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def describe_os_error(exc: OSError) -> str:
    """A short reason for an OS error, in words a user knows."""
    if exc.errno == errno.ENOSPC:
        return "the disk is full"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if exc.errno == errno.EROFS:
        return "the file system is read-only"
    return exc.strerror or str(exc)
