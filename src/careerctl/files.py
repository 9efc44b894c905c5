"""Writing files safely: what is at the path decides how, and a reader never sees a half-written file.

`atomic_write` is the one write path. A regular file is replaced atomically (a temp file beside it,
fsync, rename, fsync the folder); a symlink is written through, atomically, to the file it names;
a device, a FIFO or `/dev/stdout` is written into, never replaced; a read-only file is refused.
`locked` serialises the writers of one file that read, change and write it back (the profile).
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from careerctl.errors import InputError, StorageError
from careerctl.i18n import _

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: writers are not serialised there
    fcntl = None  # type: ignore[assignment]

STALE_SECONDS = 3600.0
"""A temp file this old was left by a killed writer (a live writer's is seconds old)."""
LOCK_TIMEOUT = 10.0
"""How long a writer waits for another careerctl to finish with the same file."""
TEMP_SUFFIX = ".tmp"


def atomic_write(path: Path, data: bytes, mode: int | None = None) -> None:
    """Write `data` to `path` as what is there asks (see the module docstring).

    A replaced file gets `mode`, else the old file's mode, else the usual mode for new files.
    """
    info = _stat(path)
    if info is not None and (not stat.S_ISREG(info.st_mode) or _is_stream(path)):
        if stat.S_ISDIR(info.st_mode):
            raise InputError(path, _("is a folder; name a file to write"))
        write_into(path, data)
        return
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    if info is not None and not info.st_mode & stat.S_IWUSR:
        raise InputError(path, _("is read-only; careerctl does not replace it (chmod u+w it to allow)"))
    _replace(target, data, mode)
    remove_stale_temps(target.parent, target.name)


def _is_stream(path: Path) -> bool:
    """Whether `path` is a stream the system names (`/dev/stdout`, `/dev/fd/3`): written into, always."""
    return os.path.abspath(path).startswith(("/dev/", "/proc/"))


def _stat(path: Path) -> os.stat_result | None:
    """What `path` names after following symlinks; None when nothing is there (or a dangling link)."""
    try:
        return os.stat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise StorageError(
            _("{path}: cannot write: {reason}").format(path=path, reason=describe_os_error(exc))
        ) from None


def write_into(path: Path, data: bytes) -> None:
    """Write `data` into a device, a FIFO or a terminal: opened for writing, never created or replaced."""
    try:
        fd = os.open(path, os.O_WRONLY | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise StorageError(
            _("{path}: cannot write: {reason}").format(path=path, reason=describe_os_error(exc))
        ) from None
    try:
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]
    except OSError as exc:
        raise StorageError(
            _("{path}: cannot write: {reason}").format(path=path, reason=describe_os_error(exc))
        ) from None
    finally:
        os.close(fd)


def _replace(path: Path, data: bytes, mode: int | None) -> None:
    """Write a temp file beside `path`, fsync it, rename it over `path`, fsync the folder."""
    import tempfile  # here, not at the top: only writes pay for it (random, shutil), not every read

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=TEMP_SUFFIX)
    except OSError as exc:
        said = (
            _("{path}: cannot write: {reason}; the old file is unchanged")
            if path.exists()
            else _("{path}: cannot write: {reason}")
        )
        raise StorageError(said.format(path=path, reason=describe_os_error(exc))) from None
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
            _("{path}: cannot write: {reason}; the old file is unchanged").format(
                path=path, reason=describe_os_error(exc)
            )
        ) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def remove_stale_temps(folder: Path, name: str | None = None, older_than: float = STALE_SECONDS) -> None:
    """Delete temp files that writers killed mid-write left in `folder` (of file `name`, or any).

    A live writer's temp file is recent, so only those older than `older_than` seconds go.
    """
    prefix = f".{name}." if name is not None else "."
    cutoff = time.time() - older_than
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            if entry.name.startswith(prefix) and entry.name.endswith(TEMP_SUFFIX):
                with contextlib.suppress(OSError):
                    if entry.stat(follow_symlinks=False).st_mtime < cutoff:
                        os.unlink(entry.path)


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
    if exc.errno == errno.ELOOP:
        return "too many levels of symbolic links (a symlink loop?)"
    return exc.strerror or str(exc)


def lock_path(path: Path) -> Path:
    """The lock file that guards `path`: `profile.yaml.lock` beside `profile.yaml`."""
    return path.with_name(path.name + ".lock")


@contextlib.contextmanager
def locked(path: Path, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold the lock of `path` while reading, changing and writing it back.

    An fcntl lock on `path.lock`: the system releases it when its holder dies, so a killed
    careerctl never leaves a lock held. After `timeout` seconds of waiting, StorageError.
    Anything matching the file's temp-file pattern is then a leftover and is removed. The holder
    removes the lock file before it lets go, so no `.lock` stays in a profile's folder (a team's
    git repository); a waiter that then finds its file gone takes the lock anew.
    """
    if fcntl is None:  # pragma: no cover - see the import
        yield
        return
    real = Path(os.path.realpath(path))  # two links to one profile share one lock
    lock = lock_path(real)
    deadline = time.monotonic() + timeout
    while True:
        fd = _open_lock(lock)
        if fd is None:  # a read-only or full folder: the write that follows says what is wrong
            yield
            return
        try:
            _acquire(fd, path, max(0.0, deadline - time.monotonic()), timeout)
        except BaseException:
            os.close(fd)
            raise
        if _is_current(fd, lock):
            break
        os.close(fd)  # its holder removed that lock file as it let go: lock the one there now
    try:
        remove_stale_temps(real.parent, real.name, older_than=0.0)  # no writer of it is alive now
        yield
    finally:
        with contextlib.suppress(OSError):
            os.unlink(lock)  # while still held: a waiter on this file sees it is gone and retries
        os.close(fd)  # closing releases the lock


def _is_current(fd: int, lock: Path) -> bool:
    """Whether the open lock file `fd` is still the one at `lock` (not removed by its last holder)."""
    try:
        held, there = os.fstat(fd), os.stat(lock)
    except OSError:
        return False
    return (held.st_dev, held.st_ino) == (there.st_dev, there.st_ino)


def _open_lock(lock: Path) -> int | None:
    """The lock file, opened (created if need be); None when the folder allows neither."""
    flags = getattr(os, "O_CLOEXEC", 0)
    with contextlib.suppress(OSError):
        lock.parent.mkdir(parents=True, exist_ok=True)
    for how in (os.O_RDWR | os.O_CREAT, os.O_RDONLY):  # an fcntl lock needs no write access
        with contextlib.suppress(OSError):
            return os.open(lock, how | flags, 0o600)
    return None


def _acquire(fd: int, path: Path, left: float, timeout: float) -> None:
    deadline = time.monotonic() + left
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise StorageError(
                    _(
                        "{path}: another careerctl is still writing it (waited {timeout:g} s); try again when it has finished"
                    ).format(path=path, timeout=timeout)
                ) from None
            time.sleep(0.01)
        except OSError as exc:  # a file system without locks: go on unserialised
            if exc.errno in (errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOSYS):
                return
            raise StorageError(
                _("{path}: cannot lock it: {reason}").format(path=path, reason=describe_os_error(exc))
            ) from None


def same_file(one: Path, other: Path) -> bool:
    """Whether two paths name the same file (through symlinks and hard links), existing or not."""
    try:
        return os.path.samefile(one, other)
    except OSError:
        return os.path.realpath(one) == os.path.realpath(other)


def refuse_inputs(
    output: Path,
    inputs: Iterable[tuple[str, Path]],
    folders: Iterable[tuple[str, Path]] = (),
    writing: str = "a report",
) -> None:
    """InputError when `output` is one of careerctl's own inputs: ("the profile", path), ...

    or any file in one of `folders` (("the reviews folder", path), ...), where every file is one.
    Writing a report onto the profile, a review or a file of the KB in use would destroy it.
    """
    for what, path in inputs:
        if same_file(output, path):
            raise InputError(
                output,
                _("is {what}; careerctl will not write {writing} over it").format(what=what, writing=writing),
            )
    parent = Path(os.path.realpath(output)).parent
    for what, folder in folders:
        if same_file(parent, folder):
            raise InputError(
                output,
                _("is in {what}; careerctl will not write {writing} there").format(
                    what=what, writing=writing
                ),
            )
