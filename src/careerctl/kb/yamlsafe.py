"""The YAML loader behind `yamlio.parse_yaml`: imported only when a file must really be parsed.

Files without aliases are first built straight from the parser's events (kb/yamlparse.py: fast,
and no node tree in memory); anything that builder leaves alone, and every error, goes through
the full safe loader below, which counts depth and alias expansion and words the message.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode

from careerctl.errors import InputError
from careerctl.kb.yamlio import Limits, LineDict, LineList, _one_line, _too_deep, shorten

try:  # the C parser is several times faster; fall back when libyaml is missing
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]


class _Loader(_BaseLoader):
    """A safe loader whose mappings are LineDicts and whose duplicate keys are errors."""

    max_depth: int = Limits.max_depth
    depth: int = 0


def _nested_error(loader: _Loader, node: Node) -> yaml.constructor.ConstructorError:
    return yaml.constructor.ConstructorError(None, None, _too_deep(loader.max_depth), node.start_mark)


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


def load(data: bytes, text: str, path: Path, limits: Limits, aliases: int) -> Any:
    """The document in `text`; InputError naming file and line when it is not acceptable."""
    if not aliases:
        from careerctl.kb.yamlparse import Unsupported, build

        try:
            return build(_Loader, text, limits.max_depth)
        except (Unsupported, yaml.YAMLError):
            pass  # the full loader decides, and words any error
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
