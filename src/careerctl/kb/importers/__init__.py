"""Turn public occupation taxonomies (O*NET, ESCO) into careerctl KB folders.

`onet.import_onet` and `esco.import_esco` read a source folder and write `skills.yaml` and
`roles.yaml`; this module holds what both share: the report, slugs, rounding, table reading
and atomic, deterministic YAML writing.

A source folder may come from anyone, so every file is opened the way `open_source` says: only a
regular file of bounded size inside the folder (a FIFO, a device or a symlink out of the folder is
refused at once, without reading it), decoded as UTF-8 with an optional BOM, and every number in
it must be finite.
"""

from __future__ import annotations

import contextlib
import csv
import errno
import io
import math
import os
import shutil
import stat
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

try:
    from yaml import CSafeDumper as _BaseDumper
except ImportError:  # PyYAML built without libyaml
    from yaml import SafeDumper as _BaseDumper  # type: ignore[assignment]

from careerctl.errors import InputError, StorageError
from careerctl.files import STALE_SECONDS, atomic_write, describe_os_error, sync_folder
from careerctl.i18n import _, ngettext
from careerctl.kb.yamlio import clip, env_int, os_problem
from careerctl.slug import slugify
from careerctl.text import number as thousands

__all__ = ["slugify"]  # the importers' slugs, from careerctl.slug

KB_VERSION = 1
IMPORTED_CHECKS = {"skip": ["anchor-length", "anchor-title", "resource-per-level", "duplicate-anchor"]}
"""Calibration rules a public taxonomy cannot meet: it lists no resources and words anchors its own way."""
ROLES_FILE = "roles.yaml"
SKILLS_FILE = "skills.yaml"


Row = dict[str, str]
MAX_TABLE_BYTES = 1024 * 1024 * 1024  # the biggest O*NET and ESCO tables are well under 100 MB


Progress = Callable[[str], None]
"""Told each phase of an import as it starts: read, build, write."""


def quiet(phase: str) -> None:
    """A Progress that shows nothing."""


@dataclass(frozen=True)
class ImportReport:
    """What an import wrote, and what it left out."""

    roles: int
    skills: int
    requirements: int
    transitions: int
    skipped: tuple[str, ...]
    summary: str


def unique_slugs(labels: Mapping[str, str]) -> dict[str, str]:
    """Give each key the slug of its label; on a clash, the first in (label, key) order
    keeps the slug and the others get -2, -3... (skipping slugs already taken)."""
    ordered = sorted(labels, key=lambda key: (labels[key], key))
    slugs = {key: slugify(labels[key]) for key in ordered}
    ids: dict[str, str] = {}
    taken: set[str] = set()
    for key in ordered:
        if slugs[key] not in taken:
            ids[key] = slugs[key]
            taken.add(slugs[key])
    for key in ordered:
        if key not in ids:
            n = 2
            while f"{slugs[key]}-{n}" in taken:
                n += 1
            ids[key] = f"{slugs[key]}-{n}"
            taken.add(ids[key])
    return {key: ids[key] for key in ordered}


def clean(text: str) -> str:
    """`text` with surrounding and repeated whitespace (including no-break spaces) removed."""
    return " ".join(text.split())


def half_up(value: float) -> int:
    """`value` rounded to the nearest integer, halves away from zero (2.5 -> 3)."""
    return int(value + 0.5) if value >= 0 else -int(-value + 0.5)


def plural(count: int, noun: str) -> str:
    """`count` and `noun`, with an s when count is not 1 ("1 role", "3 roles")."""
    return f"{count:,} {noun}" if count == 1 else f"{count:,} {noun}s"


def build_report(
    source: str,
    skills: Sequence[Any],
    roles: Sequence[Mapping[str, Any]],
    skipped: tuple[str, ...],
    why_skipped: str,
) -> ImportReport:
    """Count what an import of `source` ("O*NET 29.3") wrote and say it in one sentence.

    `why_skipped` is marked with N_ and said in the interface's language.
    """
    requirements = sum(len(r["skills"]) for r in roles)
    transitions = sum(len(r.get("next", ())) for r in roles)
    wrote = ngettext("Imported {n} {source} occupation", "Imported {n} {source} occupations", len(roles))
    counts = (
        ngettext("{n} skill", "{n} skills", len(skills)).format(n=thousands(len(skills))),
        ngettext("{n} requirement", "{n} requirements", requirements).format(n=thousands(requirements)),
        ngettext("{n} transition", "{n} transitions", transitions).format(n=thousands(transitions)),
    )
    summary = f"{wrote.format(n=thousands(len(roles)), source=source)} ({', '.join(counts)})"
    if skipped:
        examples = ", ".join(skipped[:3]) + (", ..." if len(skipped) > 3 else "")
        left = ngettext(
            "; skipped {n} occupation {why} ({examples})",
            "; skipped {n} occupations {why} ({examples})",
            len(skipped),
        )
        summary += left.format(n=thousands(len(skipped)), why=_(why_skipped), examples=examples)
    return ImportReport(len(roles), len(skills), requirements, transitions, skipped, summary + ".")


def check_source(src: Path, kind: str) -> None:
    """An InputError unless `src` is a folder (of `kind` tables)."""
    if not src.is_dir():
        raise InputError(src, f"no such folder: expected the {kind} files here")


def read_table(path: Path, columns: Sequence[str], *, tsv: bool) -> Iterator[tuple[int, Row]]:
    """Yield (line, row) for each record of a TSV or CSV file with a header naming `columns`."""
    handle = open_source(path)
    try:
        with io.TextIOWrapper(handle, encoding="utf-8-sig", newline="") as file:  # -sig: a BOM is a BOM
            yield from _records(path, file, columns, tsv=tsv)
    except UnicodeDecodeError as exc:
        raise InputError(path, f"not UTF-8 text ({exc.reason})") from None
    except OSError as exc:
        raise InputError(path, os_problem(exc)) from None
    finally:
        handle.close()


def read_source_text(path: Path) -> str | None:
    """The whole text of a small file of the source folder (a README); None when there is none."""
    try:
        handle = open_source(path)
    except InputError:
        if not os.path.lexists(path):
            return None
        raise
    with handle:
        return handle.read().decode("utf-8", errors="replace")


def open_source(path: Path) -> io.BufferedReader:
    """Open a file of a source folder for reading, refusing at once what must not be read.

    Only a regular file (not a FIFO or a device: those would hang or never end), no larger than
    $CAREERCTL_MAX_TABLE_BYTES, and inside the folder: a symlink may not lead out of it.
    """
    folder = os.path.realpath(path.parent)
    real = os.path.realpath(path)
    if path.is_symlink() and os.path.commonpath([folder, real]) != folder:
        raise InputError(path, f"is a symlink out of the source folder (to {clip(real)}); it is not read")
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)  # non-blocking: opening a FIFO must not hang
    except FileNotFoundError:
        raise InputError(path, "file not found") from None
    except OSError as exc:
        raise InputError(path, os_problem(exc)) from None
    try:
        info = os.fstat(fd)
        limit = env_int("CAREERCTL_MAX_TABLE_BYTES", MAX_TABLE_BYTES)
        if not stat.S_ISREG(info.st_mode):
            raise InputError(path, "is not a regular file (a FIFO or a device?); it is not read")
        if info.st_size > limit:
            raise InputError(
                path, f"larger than the {limit:,}-byte limit (set CAREERCTL_MAX_TABLE_BYTES to raise it)"
            )
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _records(
    path: Path, file: Iterable[str], columns: Sequence[str], *, tsv: bool
) -> Iterator[tuple[int, Row]]:
    if tsv:
        reader = csv.reader(file, delimiter="\t", quoting=csv.QUOTE_NONE)
    else:
        reader = csv.reader(file, strict=True)
    try:
        header = next(reader, None)
        if header is None:
            raise InputError(path, "empty file, expected a header row", 1)
        missing = [c for c in columns if c not in header]
        if missing:
            raise InputError(path, f"missing column(s): {', '.join(missing)}{_hidden(header, missing)}", 1)
        where = [header.index(c) for c in columns]
        start = reader.line_num + 1
        for fields in reader:
            if len(fields) != len(header) and any(fields):
                found = f"expected {len(header)} fields, found {len(fields)}"
                raise InputError(path, found, start)
            if any(fields):
                yield start, {c: fields[i] for c, i in zip(columns, where, strict=True)}
            start = reader.line_num + 1
    except csv.Error as exc:
        raise InputError(path, f"malformed {'TSV' if tsv else 'CSV'}: {exc}", reader.line_num) from None


_INVISIBLE_IN_NAMES = dict.fromkeys(map(ord, "\ufeff\u200b\u200c\u200d\u2060"))


def _hidden(header: Sequence[str], missing: Sequence[str]) -> str:
    """Why a missing column is missing when a header cell names it behind an invisible character."""
    for index, cell in enumerate(header, 1):
        if cell.translate(_INVISIBLE_IN_NAMES) in missing:
            return f"; column {index} is {clip(repr(cell))}, with an invisible character (a second BOM?)"
    return ""


def number(path: Path, line: int, column: str, text: str) -> float:
    """`text` as a finite number, or an InputError naming the file, line and column."""
    try:
        value = float(text)
    except ValueError:
        raise InputError(path, f"{column}: expected a number, found {clip(repr(text))}", line) from None
    if not math.isfinite(value):
        raise InputError(path, f"{column}: expected a finite number, found {clip(repr(text))}", line)
    return value


class _FlowMap(dict[str, Any]):
    """A mapping written on one line: `{level: 3, weight: 4}`."""


class _Dumper(_BaseDumper):
    """The fastest safe YAML dumper available, writing _FlowMap in flow style."""

    def ignore_aliases(self, data: Any) -> bool:
        """Never write anchors and aliases: every value is spelled out."""
        return True


class _FlowList(list[Any]):
    """A list written on one line: `[a, b]`."""


def _represent_flow_map(dumper: _Dumper, data: _FlowMap) -> yaml.Node:
    return dumper.represent_mapping("tag:yaml.org,2002:map", data.items(), flow_style=True)


def _represent_flow_list(dumper: _Dumper, data: _FlowList) -> yaml.Node:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=True)


_Dumper.add_representer(_FlowMap, _represent_flow_map)
_Dumper.add_representer(_FlowList, _represent_flow_list)


def flow(**items: Any) -> dict[str, Any]:
    """A mapping that the KB writer puts on one line."""
    return _FlowMap(items)


def flow_list(*items: Any) -> list[Any]:
    """A list that the KB writer puts on one line."""
    return _FlowList(items)


def write_kb(out: Path, skills: Mapping[str, Any], roles: Mapping[str, Any]) -> None:
    """Write `skills.yaml` and `roles.yaml` into `out`; a KB already there is replaced whole.

    The new KB is written into a temporary folder beside `out`, which is then swapped in, so a
    full disk or a kill leaves the old KB or the new one, never the new skills with the old roles.
    """
    documents = {SKILLS_FILE: _dump(skills), ROLES_FILE: _dump(roles)}
    if not any((out / name).exists() for name in documents):
        for name, text in documents.items():
            atomic_write(out / name, text)
        return
    others = sorted(p.name for p in out.iterdir() if p.name not in documents and not p.name.startswith("."))
    if others:
        shown = ", ".join(others[:3]) + (", ..." if len(others) > 3 else "")
        raise InputError(
            out,
            f"holds other files besides a KB ({clip(shown)}); the KB is replaced as a whole folder, "
            "so --force needs a folder that holds only a KB",
        )
    _remove_stale_folders(out)
    new = Path(tempfile.mkdtemp(dir=out.parent, prefix=f".{out.name}.", suffix=".new"))
    try:
        os.chmod(new, stat.S_IMODE(out.stat().st_mode))
        for name, text in documents.items():
            _write_new(new / name, text)
        sync_folder(new)
        swap_folders(new, out)
    except OSError as exc:
        raise StorageError(
            f"{out}: cannot write the new KB: {describe_os_error(exc)}; the old KB is unchanged"
        ) from None
    finally:
        shutil.rmtree(new, ignore_errors=True)  # after the swap it holds the old KB


def _write_new(path: Path, data: bytes) -> None:
    """Write a file of the new KB folder and flush it to disk."""
    with open(path, "xb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def swap_folders(new: Path, old: Path) -> None:
    """Put folder `new` where `old` is, and `old` where `new` was: atomically where the system can."""
    if not _exchange(new, old):
        aside = Path(tempfile.mkdtemp(dir=old.parent, prefix=f".{old.name}.", suffix=".old"))
        os.rename(old, aside / "kb")
        try:
            os.rename(new, old)
        except OSError:
            os.rename(aside / "kb", old)
            aside.rmdir()
            raise
        os.rename(aside / "kb", new)
        aside.rmdir()
    sync_folder(old.parent)


def _exchange(one: Path, other: Path) -> bool:
    """Swap two paths in one step with Linux's renameat2(RENAME_EXCHANGE); False when unavailable."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    done = renameat2(at_fdcwd, os.fsencode(one), at_fdcwd, os.fsencode(other), rename_exchange)
    if done == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False  # an old kernel or a file system without it: fall back to two renames
    raise OSError(code, os.strerror(code), str(other))


def _remove_stale_folders(out: Path) -> None:
    """Remove the temporary KB folders that killed imports left beside `out` over an hour ago."""
    cutoff = time.time() - STALE_SECONDS
    with contextlib.suppress(OSError):
        for entry in out.parent.iterdir():
            name = entry.name
            if name.startswith(f".{out.name}.") and name.endswith((".new", ".old")):
                with contextlib.suppress(OSError):
                    if entry.lstat().st_mtime < cutoff and entry.is_dir() and not entry.is_symlink():
                        shutil.rmtree(entry)


def _dump(document: Mapping[str, Any]) -> bytes:
    """`document` as deterministic YAML bytes."""
    text = yaml.dump(
        dict(document),
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=1_000_000,
        default_flow_style=False,
    )
    return text.encode("utf-8")
