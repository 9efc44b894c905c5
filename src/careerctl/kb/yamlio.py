"""Safe YAML reading: line numbers for every mapping key, duplicate keys rejected, limits enforced."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from careerctl.errors import InputError


@dataclass(frozen=True)
class Limits:
    """Bounds on input files; each can be overridden by an environment variable (README: Safety)."""

    max_bytes: int = 256 * 1024 * 1024
    max_aliases: int = 10_000
    max_depth: int = 64

    @classmethod
    def from_env(cls) -> Limits:
        """Defaults, overridden by CAREERCTL_MAX_BYTES, CAREERCTL_MAX_ALIASES, CAREERCTL_MAX_DEPTH."""
        base = cls()
        return cls(
            max_bytes=_env_int("CAREERCTL_MAX_BYTES", base.max_bytes),
            max_aliases=_env_int("CAREERCTL_MAX_ALIASES", base.max_aliases),
            max_depth=_env_int("CAREERCTL_MAX_DEPTH", base.max_depth),
        )


def _env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise InputError(f"${name}", f"must be a whole number, not {raw!r}") from None
    if value <= 0:
        raise InputError(f"${name}", "must be greater than 0")
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


# flow brackets, and runs of "- " that open nested block sequences on one line
_NESTING = re.compile(r"[\[\]{}]|^(?:[ \t]*-[ \t]+){2,}", re.MULTILINE)
_ALIAS = re.compile(rb"(?<![\w*])\*[^\s,\[\]{}*]+")
_NOT_FLOW = bytes(byte for byte in range(256) if byte not in b"[]{}")
_DASHES = re.compile(rb"-[ \t]+-[ \t]")  # what any run of two or more "- " at a line's start contains


def read_bytes(path: Path, limits: Limits) -> bytes:
    """Read a whole file, turning every OS failure into a one-line InputError."""
    try:
        with path.open("rb") as handle:
            data = handle.read(limits.max_bytes + 1)
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except IsADirectoryError:
        raise InputError(path, "is a directory, not a file") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}") from None
    if len(data) > limits.max_bytes:
        raise InputError(
            path,
            f"larger than the {limits.max_bytes:,}-byte limit (set CAREERCTL_MAX_BYTES to raise it)",
        )
    return data


def parse_yaml(data: bytes, path: Path, limits: Limits) -> Any:
    """Parse one YAML document safely; any problem becomes an InputError naming file and line."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(path, "is not valid UTF-8 text", line) from None
    _check_aliases(data, path, limits)
    if not _surely_shallow(data, limits.max_depth):
        _check_depth(text, path, limits)
    import yaml  # only a cache miss or an answers file pays for PyYAML

    from careerctl.kb.yamlparse import load

    try:
        return load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        raise InputError(
            path, f"invalid YAML: {_one_line(problem)}", mark.line + 1 if mark else None
        ) from None
    except yaml.YAMLError as exc:
        raise InputError(path, f"invalid YAML: {_one_line(str(exc))}") from None
    except RecursionError:
        raise InputError(path, "nested too deeply") from None


def _check_aliases(data: bytes, path: Path, limits: Limits) -> None:
    """Reject alias-heavy documents before parsing: alias bombs stay cheap to refuse."""
    if b"*" not in data:
        return
    count = len(_ALIAS.findall(data))
    if count > limits.max_aliases:
        raise InputError(
            path,
            f"uses {count:,} YAML aliases, over the limit of {limits.max_aliases:,} "
            "(set CAREERCTL_MAX_ALIASES to raise it)",
        )


def _surely_shallow(data: bytes, limit: int) -> bool:
    """A quick pass over the bytes that is sure when nothing is nested too deeply; else _check_depth looks."""
    if _DASHES.search(data):
        return False
    flow = 0
    for byte in data.translate(None, _NOT_FLOW):  # ASCII brackets never occur inside a UTF-8 sequence
        if byte in b"[{":
            flow += 1
            if flow > limit:
                return False
        elif flow:
            flow -= 1
    return True


def _check_depth(text: str, path: Path, limits: Limits) -> None:
    """Reject collections nested deeper than the limit, before the parser recurses into them."""
    flow = 0
    for match in _NESTING.finditer(text):
        token = match.group()
        if token in "]}":
            flow = max(0, flow - 1)
            continue
        if token in "[{":
            flow += 1
            nesting = flow
        else:
            nesting = token.count("-")
        if nesting > limits.max_depth:
            line = text.count("\n", 0, match.start()) + 1
            raise InputError(
                path,
                f"nested deeper than {limits.max_depth} levels (set CAREERCTL_MAX_DEPTH to raise it)",
                line,
            )


def _one_line(text: str) -> str:
    return " ".join(text.split())
