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
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode

from careerctl.errors import InputError

try:  # the C parser is several times faster; fall back when libyaml is missing
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

# The parser recurses once per nesting level; far beyond this it would overflow the C stack.
DEPTH_CEILING = 1000
_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class Limits:
    """Bounds on input files; each can be overridden by an environment variable (README: Safety)."""

    max_bytes: int = 64 * 1024 * 1024  # ESCO's biggest file is 12 MB; parsing 64 MB takes a minute
    max_aliases: int = 10_000
    max_alias_nodes: int = 1_000_000
    max_depth: int = 64

    @classmethod
    def from_env(cls) -> Limits:
        """Defaults, overridden by the CAREERCTL_MAX_* environment variables."""
        base = cls()
        return cls(
            max_bytes=_env_int("CAREERCTL_MAX_BYTES", base.max_bytes),
            max_aliases=_env_int("CAREERCTL_MAX_ALIASES", base.max_aliases),
            max_alias_nodes=_env_int("CAREERCTL_MAX_ALIAS_NODES", base.max_alias_nodes),
            max_depth=_env_int("CAREERCTL_MAX_DEPTH", base.max_depth, ceiling=DEPTH_CEILING),
        )


def _env_int(name: str, default: int, ceiling: int | None = None) -> int:
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


class LineDict(dict[Any, Any]):
    """A mapping that remembers the line of itself and of each of its keys."""

    line: int = 0
    lines: dict[Any, int]

    def line_of(self, key: Any) -> int:
        """The 1-based line where `key` appears, else the mapping's own line."""
        return self.lines.get(key, self.line)


class LineList(list[Any]):
    """A list that remembers its own line and the line of each item."""

    line: int = 0
    lines: list[int]


class _Loader(_BaseLoader):
    """A safe loader whose mappings are LineDicts and whose duplicate keys are errors."""

    max_depth: int = Limits.max_depth
    depth: int = 0


_SHORT = reprlib.Repr()
_SHORT.maxstring = _SHORT.maxother = 60


def shorten(value: Any) -> str:
    """A bounded repr of `value` for messages: long text and big structures are elided."""
    return _SHORT.repr(value)


def clip(text: str, limit: int = 60) -> str:
    """`text`, cut short with '...' when longer than `limit` characters."""
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _nested_error(loader: _Loader, node: Node) -> yaml.constructor.ConstructorError:
    return yaml.constructor.ConstructorError(None, None, _too_deep(loader.max_depth), node.start_mark)


def _too_deep(limit: int) -> str:
    return f"nested deeper than {limit} levels (set CAREERCTL_MAX_DEPTH to raise it)"


def _construct_map(loader: _Loader, node: MappingNode) -> Iterator[LineDict]:
    mapping = LineDict()
    mapping.line = node.start_mark.line + 1
    mapping.lines = {}
    yield mapping
    loader.depth += 1
    try:
        if loader.depth > loader.max_depth:
            raise _nested_error(loader, node)
        explicit = sum(1 for key_node, _ in node.value if key_node.tag != "tag:yaml.org,2002:merge")
        loader.flatten_mapping(node)
        merged = len(node.value) - explicit  # flatten_mapping puts merged pairs (`<<: *a`) first
        written: set[Any] = set()
        for index, (key_node, value_node) in enumerate(node.value):
            key = loader.construct_object(key_node, deep=True)
            try:
                duplicate = index >= merged and key in written
            except TypeError:
                raise yaml.constructor.ConstructorError(
                    None, None, "a mapping key must be a plain value", key_node.start_mark
                ) from None
            if duplicate:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {shorten(key)}", key_node.start_mark
                )
            if index >= merged:  # keys written in this mapping override merged ones, as YAML says
                written.add(key)
            mapping[key] = loader.construct_object(value_node, deep=True)
            mapping.lines[key] = key_node.start_mark.line + 1
    finally:
        loader.depth -= 1


def _construct_seq(loader: _Loader, node: yaml.SequenceNode) -> Iterator[LineList]:
    items = LineList()
    items.line = node.start_mark.line + 1
    items.lines = [child.start_mark.line + 1 for child in node.value]
    yield items
    loader.depth += 1
    try:
        if loader.depth > loader.max_depth:
            raise _nested_error(loader, node)
        items.extend(loader.construct_object(child, deep=True) for child in node.value)
    finally:
        loader.depth -= 1


def _construct_int(loader: _Loader, node: ScalarNode) -> int:
    try:
        return int(loader.construct_yaml_int(node))
    except ValueError:  # Python refuses to convert integers of more than a few thousand digits
        raise yaml.constructor.ConstructorError(
            None, None, "a number with too many digits", node.start_mark
        ) from None


def _construct_timestamp(loader: _Loader, node: ScalarNode) -> Any:
    """A date or time; text when it only looks like one (`2024-13-45` must not crash)."""
    try:
        return loader.construct_yaml_timestamp(node)
    except (ValueError, OverflowError, AttributeError):  # AttributeError: PyYAML's own regex misses
        return str(loader.construct_scalar(node))


_Loader.add_constructor("tag:yaml.org,2002:map", _construct_map)
_Loader.add_constructor("tag:yaml.org,2002:seq", _construct_seq)
_Loader.add_constructor("tag:yaml.org,2002:int", _construct_int)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)

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
    aliases = _count_alias_marks(data, path, limits)
    loader = _Loader(text)
    loader.max_depth = limits.max_depth
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        if aliases:
            _check_aliases(node, path, limits)
        return loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        raise _yaml_error(exc, path, text) from None
    except yaml.reader.ReaderError as exc:
        line = data.count(b"\n", 0, exc.position) + 1  # libyaml counts bytes
        shown = f"U+{exc.character:04X}" if isinstance(exc.character, int) else "a control character"
        raise InputError(path, f"contains {shown}, a control character YAML does not allow", line) from None
    except yaml.YAMLError as exc:
        raise InputError(path, f"invalid YAML: {_one_line(str(exc))}") from None
    except RecursionError:
        raise InputError(path, _too_deep(limits.max_depth)) from None
    finally:
        loader.dispose()


def _yaml_error(exc: yaml.MarkedYAMLError, path: Path, text: str) -> InputError:
    """The InputError for a parser error: the problem in words, at the line it names."""
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else None
    problem = _one_line(exc.problem or exc.context or "invalid YAML")
    if exc.context == "expected a single document in the stream":
        return InputError(path, "holds more than one YAML document; careerctl reads one per file", line)
    if mark is not None and (
        "tab character" in problem or ("cannot start any token" in problem and _char_at(text, mark) == "\t")
    ):
        return InputError(path, "invalid YAML: a tab is used for indentation; indent with spaces", line)
    if problem.startswith("nested deeper"):
        return InputError(path, problem, line)
    return InputError(path, f"invalid YAML: {problem}", line)


def _char_at(text: str, mark: yaml.Mark) -> str:
    start = 0
    for _ in range(mark.line):
        start = text.find("\n", start) + 1
        if start == 0:
            return ""
    return text[start + mark.column : start + mark.column + 1]


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
        raise InputError(path, _too_deep(limits.max_depth), data.count(b"\n", 0, found.start()) + 1)
    brackets = _BRACKETS.sub(b"", data)
    if len(brackets) <= guard:
        return
    depth = 0
    for index, char in enumerate(brackets):
        if char in b"[{":
            depth += 1
            if depth > guard:
                raise InputError(path, _too_deep(limits.max_depth), _line_of_bracket(text, index))
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


def _check_aliases(root: Node, path: Path, limits: Limits) -> None:
    """Count alias uses and what they expand to, without expanding them (alias bombs stay cheap).

    Errors name the line of the anchor whose reuse costs most.
    """
    size: dict[int, int] = {}
    depth: dict[int, int] = {}
    uses: dict[int, int] = {}
    nodes: dict[int, Node] = {}
    open_nodes: set[int] = set()
    stack: list[tuple[Node, bool]] = [(root, False)]
    while stack:
        node, closing = stack.pop()
        key = id(node)
        if closing:
            open_nodes.discard(key)
            kids = _children(node)
            size[key] = 1 + sum(size[id(kid)] for kid in kids)
            depth[key] = 1 + max((depth[id(kid)] for kid in kids), default=0)
            if depth[key] > limits.max_depth + 1:  # + 1: the deepest scalars are not collections
                raise InputError(path, _too_deep(limits.max_depth), node.start_mark.line + 1)
            continue
        if key in size:
            continue
        if key in open_nodes:
            raise InputError(
                path, "an alias refers to a collection that contains it", node.start_mark.line + 1
            )
        nodes[key] = node
        if isinstance(node, ScalarNode):
            size[key], depth[key] = 1, 0
            continue
        open_nodes.add(key)
        stack.append((node, True))
        for kid in _children(node):
            uses[id(kid)] = uses.get(id(kid), 0) + 1
            stack.append((kid, False))
    reused = {key: count - 1 for key, count in uses.items() if count > 1}
    aliases = sum(reused.values())
    if aliases > limits.max_aliases:
        most = max(reused, key=lambda key: reused[key])
        raise InputError(
            path,
            f"uses {aliases:,} YAML aliases, over the limit of {limits.max_aliases:,} "
            "(set CAREERCTL_MAX_ALIASES to raise it)",
            nodes[most].start_mark.line + 1,
        )
    added = size[id(root)] - len(size)
    if added > limits.max_alias_nodes:
        worst = max(reused, key=lambda key: reused[key] * size[key])
        raise InputError(
            path,
            f"its YAML aliases expand to {added:,} more values, over the limit of "
            f"{limits.max_alias_nodes:,} (set CAREERCTL_MAX_ALIAS_NODES to raise it)",
            nodes[worst].start_mark.line + 1,
        )


def _children(node: Node) -> list[Node]:
    if isinstance(node, MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, ScalarNode):
        return []
    return list(node.value)


def _one_line(text: str) -> str:
    return " ".join(text.split())
