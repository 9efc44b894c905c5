"""Safe YAML reading: line numbers for every mapping key, duplicate keys rejected, limits enforced.

A YAML file from a stranger can only ever become plain data (mappings, lists, text, numbers):
the loader derives from SafeLoader, so tags such as `!!python/object` are refused. Each limit
below stops one way a small file can cost a lot of time or memory (README: Safety).
"""

from __future__ import annotations

import errno
import os
import re
import reprlib
import stat
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any, BinaryIO, NamedTuple

from careerctl.errors import InputError

# The parser recurses once per nesting level; far beyond this it would overflow the C stack.
DEPTH_CEILING = 1000
PROFILE_BYTES = 16 * 1024 * 1024
"""A profile or answers file may expand to this many bytes: thousands of full assessments."""
_BOM = b"\xef\xbb\xbf"


class Limits(NamedTuple):
    """Bounds on input files; each can be overridden by an environment variable (README: Safety)."""

    max_bytes: int = 64 * 1024 * 1024  # ESCO's biggest file is 12 MB; parsing 64 MB takes a minute
    max_aliases: int = 10_000
    max_alias_nodes: int = 1_000_000
    max_depth: int = 64
    max_expanded: int = 64 * 1024 * 1024  # the size with every alias written out
    expanded_variable: str = "CAREERCTL_MAX_EXPANDED_BYTES"

    @classmethod
    def from_env(cls) -> Limits:
        """Defaults, overridden by the CAREERCTL_MAX_* environment variables."""
        base = cls()
        return cls(
            max_bytes=env_int("CAREERCTL_MAX_BYTES", base.max_bytes),
            max_aliases=env_int("CAREERCTL_MAX_ALIASES", base.max_aliases),
            max_alias_nodes=env_int("CAREERCTL_MAX_ALIAS_NODES", base.max_alias_nodes),
            max_depth=env_int("CAREERCTL_MAX_DEPTH", base.max_depth, ceiling=DEPTH_CEILING),
            max_expanded=env_int("CAREERCTL_MAX_EXPANDED_BYTES", base.max_expanded),
        )

    @classmethod
    def for_person(cls) -> Limits:
        """The limits for a profile or an answers file: one person's data, a smaller expanded size."""
        base = cls.from_env()
        size = env_int("CAREERCTL_MAX_PROFILE_BYTES", PROFILE_BYTES)
        return base._replace(
            max_expanded=min(size, base.max_expanded), expanded_variable="CAREERCTL_MAX_PROFILE_BYTES"
        )


def env_int(name: str, default: int, ceiling: int | None = None) -> int:
    """The whole number in environment variable `name`, else `default`; InputError when it is not one."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise InputError(f"${name}", f"must be a whole number, not {reprlib.repr(raw)}") from None
    if value <= 0:
        raise InputError(f"${name}", "must be greater than 0")
    if ceiling is not None and value > ceiling:
        raise InputError(f"${name}", f"must be at most {ceiling:,}")
    return value


NO_LINES: Mapping[Any, int] = MappingProxyType({})
"""The `lines` of a mapping whose keys all sit on its own line (a flow mapping): most of them, in big KBs."""


class LineDict(dict[Any, Any]):
    """A mapping that remembers the line of itself and of each of its keys."""

    __slots__ = ("line", "lines")
    line: int
    lines: Mapping[Any, int]  # only the keys on another line than the mapping's own

    def line_of(self, key: Any) -> int:
        """The 1-based line where `key` appears, else the mapping's own line."""
        return self.lines.get(key, self.line)


class LineList(list[Any]):
    """A list that remembers its own line and the line of each item."""

    line: int = 0
    lines: list[int]


_SHORT = reprlib.Repr()
_SHORT.maxstring = _SHORT.maxother = 60


def shorten(value: Any) -> str:
    """A bounded repr of `value` for messages: long text and big structures are elided."""
    return _SHORT.repr(value)


def clip(text: str, limit: int = 60) -> str:
    """`text`, cut short with '...' when longer than `limit` characters."""
    return text if len(text) <= limit else text[: limit - 3] + "..."


def short_number(value: int) -> str:
    """A whole number for a message: in full up to 20 digits, else cut short with its length."""
    try:
        text = str(value)
    except ValueError:  # beyond Python's limit on digits to convert
        return "a number with too many digits"
    digits = len(text.lstrip("-"))
    return text if digits <= 20 else f"{text[:9]}...{text[-4:]} ({digits:,} digits)"


def too_deep(limit: int) -> str:
    """The message for nesting past the depth limit."""
    return f"nested deeper than {limit} levels (set CAREERCTL_MAX_DEPTH to raise it)"


# An alias starts a line or follows a blank, a comma, a bracket or a colon. Counting these finds
# every alias, and a few asterisks in text besides: enough to skip the exact count for files with
# no alias, and to refuse files flooded with aliases before parsing them.
_MAYBE_ALIAS = re.compile(rb"(?:^|[\s,\[{:])\*", re.MULTILINE)
FLOOD_FACTOR = 4
_BRACKETS = re.compile(rb"[^\[\]{}]+")


def read_bytes(path: Path, limits: Limits) -> bytes:
    """Read a whole regular file, turning every OS failure into a one-line InputError."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)  # non-blocking: opening a FIFO must not hang
    except OSError as exc:
        raise InputError(path, os_problem(exc)) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise InputError(path, "is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise InputError(path, "is not a regular file")
        if info.st_size > limits.max_bytes:
            raise InputError(path, _too_big(limits))
        with os.fdopen(os.dup(fd), "rb") as handle:
            data = handle.read(limits.max_bytes + 1)
    except OSError as exc:
        raise InputError(path, os_problem(exc)) from None
    finally:
        os.close(fd)
    if len(data) > limits.max_bytes:
        raise InputError(path, _too_big(limits))
    return data


def read_stream(stream: BinaryIO, name: str, limits: Limits) -> bytes:
    """Read a whole stream (standard input) of at most `limits.max_bytes`; InputError naming `name`."""
    try:
        data = stream.read(limits.max_bytes + 1)
    except OSError as exc:
        raise InputError(name, os_problem(exc)) from None
    if len(data) > limits.max_bytes:
        raise InputError(name, _too_big(limits))
    return data


def _too_big(limits: Limits) -> str:
    return f"larger than the {limits.max_bytes:,}-byte limit (set CAREERCTL_MAX_BYTES to raise it)"


def os_problem(exc: OSError) -> str:
    """Why a file could not be read, in a user's words."""
    reasons = {
        errno.ENOENT: "no such file",
        errno.EISDIR: "is a folder, not a file",
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
        errno.ELOOP: "too many levels of symbolic links (a symlink loop?)",
        errno.ENOTDIR: "a part of the path is not a folder",
        errno.ENAMETOOLONG: "the file name is too long",
    }
    return reasons.get(exc.errno or 0) or f"cannot read: {exc.strerror or exc}"


def parse_yaml(data: bytes, path: Path, limits: Limits) -> Any:
    """Parse one YAML document safely; any problem becomes an InputError naming file and line."""
    if data.startswith(_BOM):
        data = data[len(_BOM) :]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(path, "is not valid UTF-8 text", line) from None
    _check_depth(data, text, path, limits)
    _count_alias_marks(data, path, limits)
    from careerctl.kb.yamlsafe import load  # only a cache miss or an answers file pays for PyYAML

    return load(data, text, path, limits)


def _count_alias_marks(data: bytes, path: Path, limits: Limits) -> int:
    """How many aliases the file may hold; far too many is refused before parsing (alias floods)."""
    if b"*" not in data:
        return 0
    found = _MAYBE_ALIAS.findall(data)
    if len(found) > FLOOD_FACTOR * limits.max_aliases:
        raise InputError(
            path,
            f"uses about {len(found):,} YAML aliases, over the limit of {limits.max_aliases:,} "
            "(set CAREERCTL_MAX_ALIASES to raise it)",
        )
    return len(found)


def _check_depth(data: bytes, text: str, path: Path, limits: Limits) -> None:
    """Reject deep nesting before the parser recurses into it (the C parser would crash).

    A cheap over-estimate: brackets anywhere (even inside text) and block indentation. The
    exact depth is checked again while building the document.
    """
    guard = 2 * limits.max_depth + 8
    block = re.compile(rb"^(?:[ \t]|[-?:][ \t]){%d}" % guard, re.MULTILINE)
    found = block.search(data)
    if found is not None:
        raise InputError(path, too_deep(limits.max_depth), data.count(b"\n", 0, found.start()) + 1)
    brackets = _BRACKETS.sub(b"", data)
    if len(brackets) <= guard:
        return
    depth = 0
    for index, char in enumerate(brackets):
        if char in b"[{":
            depth += 1
            if depth > guard:
                raise InputError(path, too_deep(limits.max_depth), _line_of_bracket(text, index))
        elif depth:
            depth -= 1


def _line_of_bracket(text: str, index: int) -> int:
    """The line of the `index`-th bracket of `text`."""
    seen = -1
    for match in re.finditer(r"[\[\]{}]", text):
        seen += 1
        if seen == index:
            return text.count("\n", 0, match.start()) + 1
    return 1


def _one_line(text: str) -> str:
    return " ".join(text.split())
