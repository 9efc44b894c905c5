"""The one YAML document builder: plain data straight from the parser's events.

`build` turns PyYAML's event stream (the C parser when libyaml is there) into LineDicts,
LineLists and scalars, with no node tree in between: on the ESCO roles file it is about three
times faster than PyYAML's composer and constructor and needs a fifth of the memory
(docs/performance.md). It reads all of YAML that a safe loader reads: anchors and aliases, merge
keys, the standard tags, and it words every error.

Aliases are never expanded: an alias is the very object its anchor built. What an expansion
would cost is measured instead (values and bytes, each anchored value measured once), so an
alias bomb is refused cheaply and exactly (README: Safety).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from yaml.events import (
    AliasEvent,
    DocumentEndEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
    StreamStartEvent,
)
from yaml.nodes import ScalarNode

from careerctl.errors import InputError
from careerctl.kb.yamlio import NO_LINES, Limits, LineDict, LineList, shorten, too_deep

_MISSING = object()
_MERGE = object()  # the plain key `<<`
_PLAIN = (True, False)
MAP, SEQ, SET = "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:set"
MERGE_TAG, TIMESTAMP = "tag:yaml.org,2002:merge", "tag:yaml.org,2002:timestamp"
INT = "tag:yaml.org,2002:int"
SCALAR_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "timestamp", "binary")
)
VALUE_BYTES = 2  # what a value adds to the expanded size besides its text (a separator, a newline)


def build(loader_class: type[Any], text: str, path: Path, limits: Limits, size: int) -> Any:
    """The document in `text` (`size` bytes), or None for an empty stream; InputError when refused.

    Parser errors (yaml.MarkedYAMLError, yaml.reader.ReaderError) are left to the caller to word.
    """
    loader = loader_class(text)
    try:
        builder = _Builder(loader, path, limits)
        root = builder.run()
        builder.check_expansion(size)
        return root
    finally:
        loader.dispose()


class _Frame:
    """An open collection: the container, its pending key and line, and its merge keys."""

    __slots__ = ("container", "key", "key_line", "merges", "anchor", "tag")

    def __init__(self, container: Any, anchor: str | None, tag: str | None) -> None:
        self.container = container
        self.key: Any = _MISSING
        self.key_line = 0
        self.merges: list[tuple[Any, int]] | None = None
        self.anchor = anchor
        self.tag = tag


class _Builder:
    """An event loop with an explicit stack, so deep documents cannot overflow Python's."""

    def __init__(self, loader: Any, path: Path, limits: Limits) -> None:
        self.loader = loader
        self.path = path
        self.limits = limits
        self.constructors = type(loader).yaml_constructors
        self.plain: dict[str, Any] = {}  # plain scalars resolve by value alone; equal ones share one object
        self.anchors: dict[str, tuple[Any, int]] = {}  # name -> (value, line)
        self.open_anchors: dict[str, int] = {}  # anchors of collections still being built -> line
        self.uses: dict[str, int] = {}  # alias uses per anchor
        self.sizes: dict[int, tuple[int, int, int]] = {}  # id(collection) -> (values, bytes, depth)
        self.added = 0  # values the aliases so far bring in

    def fail(self, message: str, line: int) -> InputError:
        """The error to raise about this document."""
        return InputError(self.path, message, line)

    def run(self) -> Any:
        """The document, or None for an empty stream."""
        get_event: Any = self.loader.get_event
        plain = self.plain
        root: Any = None
        documents = 0
        stack: list[_Frame] = []
        while True:
            event = get_event()
            kind = type(event)
            if kind is ScalarEvent:
                if event.tag is None and event.implicit[0]:
                    value = plain.get(event.value, _MISSING)
                    if value is _MISSING:
                        value = self.plain_scalar(event)
                else:
                    value = self.tagged_scalar(event)
                if event.anchor is not None:
                    self.anchors[event.anchor] = (value, event.start_mark.line + 1)
                frame = None
            elif kind is MappingStartEvent or kind is SequenceStartEvent:
                value = self.open(event, kind is MappingStartEvent)
                frame = _Frame(value, event.anchor, event.tag)
                if event.anchor is not None:
                    self.open_anchors[event.anchor] = value.line
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                done = stack.pop()
                closed = self.close(done)
                if closed is not done.container:  # a !!set: put the set where the mapping was
                    if stack:
                        self.replace_last(stack[-1], closed)
                    else:
                        root = closed
                if done.anchor is not None:
                    del self.open_anchors[done.anchor]
                    self.anchors[done.anchor] = (closed, done.container.line)
                continue
            elif kind is AliasEvent:
                value = self.alias(event, len(stack))
                frame = None
            elif kind is StreamStartEvent or kind is DocumentEndEvent:
                continue
            elif kind is DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise self.fail(
                        "holds more than one YAML document; careerctl reads one per file",
                        event.start_mark.line + 1,
                    )
                continue
            elif kind is StreamEndEvent:
                return root
            else:  # pragma: no cover - PyYAML has no other events
                raise self.fail(f"invalid YAML: unexpected {kind.__name__}", event.start_mark.line + 1)
            if stack:
                self.place(stack[-1], value, event)
            else:
                root = value
            if frame is not None:
                stack.append(frame)
                if len(stack) > self.limits.max_depth:
                    raise self.fail(too_deep(self.limits.max_depth), event.start_mark.line + 1)

    # ------------------------------------------------------------ collections

    def open(self, event: Any, mapping: bool) -> Any:
        """A new, empty LineDict or LineList for a collection's start event."""
        tag = event.tag
        allowed = (MAP, SET) if mapping else (SEQ,)
        if tag is not None and tag != "!" and tag not in allowed:
            raise self.no_constructor(tag, event)
        value: Any
        if mapping:
            value = LineDict()
            value.lines = NO_LINES
        else:
            value = LineList()
            value.lines = []
        value.line = event.start_mark.line + 1
        return value

    def place(self, frame: _Frame, value: Any, event: Any) -> None:
        """Put `value` into the innermost open collection: a list item, a key, or a key's value."""
        container: Any = frame.container
        line = event.start_mark.line + 1
        if isinstance(container, LineList):
            container.append(value)
            container.lines.append(line)
            return
        key = frame.key
        if key is _MISSING:
            if isinstance(value, (list, dict, set)):
                raise self.fail("invalid YAML: a mapping key must be a plain value", line)
            if value is not _MERGE:
                try:
                    duplicate = value in container
                except TypeError:
                    raise self.fail("invalid YAML: a mapping key must be a plain value", line) from None
                if duplicate:
                    raise self.fail(f"invalid YAML: duplicate key {shorten(value)}", line)
            frame.key, frame.key_line = value, line
            return
        frame.key = _MISSING
        if key is _MERGE:
            self.merge_later(frame, value, line)
            return
        container[key] = value
        if frame.key_line != container.line:
            if container.lines is NO_LINES:
                container.lines = {}
            container.lines[key] = frame.key_line

    @staticmethod
    def replace_last(frame: _Frame, value: Any) -> None:
        """Replace the value just placed in `frame` (a mapping that closed as a set)."""
        container = frame.container
        if isinstance(container, list):
            container[-1] = value
        else:
            container[next(reversed(container))] = value

    @staticmethod
    def merge_later(frame: _Frame, value: Any, line: int) -> None:
        """Keep the value of a `<<` key (a list may still be filling); merged when the mapping closes."""
        if frame.merges is None:
            frame.merges = []
        frame.merges.append((value, line))

    def close(self, frame: _Frame) -> Any:
        """Finish a collection: apply its merge keys, turn a !!set into a set."""
        container = frame.container
        if frame.merges is not None:
            sources = self.merge_sources(frame.merges)
            if self.added <= self.limits.max_alias_nodes:  # past it, the document is refused anyway
                self.apply_merges(container, sources)
        if frame.tag == SET:
            return set(container)
        return container

    def merge_sources(self, merges: list[tuple[Any, int]]) -> list[LineDict]:
        """The mappings that `<<` keys name, in the order they take precedence."""
        sources: list[LineDict] = []
        for value, line in merges:
            found = value if isinstance(value, list) else [value]
            if not found or not all(isinstance(source, LineDict) for source in found):
                raise self.fail(
                    "invalid YAML: a merge key (<<) must name a mapping or a list of mappings", line
                )
            sources.extend(found)
        return sources

    @staticmethod
    def apply_merges(mapping: LineDict, sources: list[LineDict]) -> None:
        """Merged keys come first; earlier merged mappings win; keys written in `mapping` win over all."""
        written = dict(mapping)
        written_lines = mapping.lines
        mapping.clear()
        lines: dict[Any, int] = {}
        for source in sources:
            for key, value in source.items():
                if key not in mapping:
                    mapping[key] = value
                    lines[key] = source.line_of(key)
        mapping.update(written)
        for key in written:
            lines[key] = written_lines.get(key, mapping.line)
        mapping.lines = {key: line for key, line in lines.items() if line != mapping.line} or NO_LINES

    # ------------------------------------------------------------ anchors and aliases

    def alias(self, event: Any, depth: int) -> Any:
        """The value an alias names (the same object), its cost counted."""
        name = event.anchor
        line = event.start_mark.line + 1
        if name in self.open_anchors:
            raise self.fail("an alias refers to a collection that contains it", self.open_anchors[name])
        if name not in self.anchors:
            raise self.fail(f"invalid YAML: found undefined alias {shorten(name)}", line)
        value = self.anchors[name][0]
        self.uses[name] = self.uses.get(name, 0) + 1
        values, _, nested = self.measure(value)
        self.added += values
        if depth + nested > self.limits.max_depth:
            raise self.fail(too_deep(self.limits.max_depth), line)
        return value

    def measure(self, value: Any) -> tuple[int, int, int]:
        """How many values `value` holds (itself included), their size in bytes, and its depth."""
        if isinstance(value, str):
            return 1, len(value) + VALUE_BYTES, 0
        if not isinstance(value, (list, dict, set)):
            return 1, 8, 0
        known = self.sizes.get(id(value))
        if known is not None:
            return known
        values, size, depth = 1, VALUE_BYTES, 0
        parts: Iterator[Any] = (
            (part for pair in value.items() for part in pair) if isinstance(value, dict) else iter(value)
        )
        for part in parts:
            count, more, deep = self.measure(part)
            values, size, depth = values + count, size + more, max(depth, deep)
        self.sizes[id(value)] = found = (values, size, depth + 1)
        return found

    def check_expansion(self, text_bytes: int) -> None:
        """Refuse a document whose aliases are too many, or that expands past the limits."""
        limits = self.limits
        if not self.uses:
            if text_bytes > limits.max_expanded:
                raise self.fail(self.too_big(text_bytes), 1)
            return
        cost = {name: uses * self.measure(self.anchors[name][0])[0] for name, uses in self.uses.items()}
        aliases = sum(self.uses.values())
        if aliases > limits.max_aliases:
            most = max(self.uses, key=lambda name: self.uses[name])
            raise self.fail(
                f"uses {aliases:,} YAML aliases, over the limit of {limits.max_aliases:,} "
                "(set CAREERCTL_MAX_ALIASES to raise it)",
                self.anchors[most][1],
            )
        added = sum(cost.values())
        worst = self.anchors[max(cost, key=lambda name: cost[name])][1]
        if added > limits.max_alias_nodes:
            raise self.fail(
                f"its YAML aliases expand to {added:,} more values, over the limit of "
                f"{limits.max_alias_nodes:,} (set CAREERCTL_MAX_ALIAS_NODES to raise it)",
                worst,
            )
        size = text_bytes + sum(
            uses * self.measure(self.anchors[name][0])[1] for name, uses in self.uses.items()
        )
        if size > limits.max_expanded:
            raise self.fail(self.too_big(size), worst)

    def too_big(self, size: int) -> str:
        """The message for a document too big once its aliases are written out."""
        return (
            f"is about {size:,} bytes with its YAML aliases written out, over the limit of "
            f"{self.limits.max_expanded:,} (set {self.limits.expanded_variable} to raise it)"
        )

    # ------------------------------------------------------------ scalars

    def plain_scalar(self, event: Any) -> Any:
        """A plain scalar as the safe loader reads it: null, bool, int, float, timestamp or text."""
        text = event.value
        tag = self.loader.resolve(ScalarNode, text, _PLAIN)
        if tag == MERGE_TAG:
            return _MERGE
        value = self.construct(tag, event)
        self.plain[text] = value
        return value

    def tagged_scalar(self, event: Any) -> Any:
        """A quoted scalar (text), or one with an explicit tag."""
        tag = event.tag
        if tag is None:
            return event.value
        if tag == "!":  # the non-specific tag: resolved as PyYAML's composer does
            tag = self.loader.resolve(ScalarNode, event.value, event.implicit)
        if tag not in SCALAR_TAGS:
            raise self.no_constructor(tag, event)
        return self.construct(tag, event)

    def construct(self, tag: str, event: Any) -> Any:
        """The value of a scalar of `tag`, as PyYAML's safe constructor makes it."""
        construct = self.constructors.get(tag)
        if construct is None:  # `=`, PyYAML's "value" tag: plain text to careerctl
            return event.value
        try:
            return construct(self.loader, ScalarNode(tag, event.value, event.start_mark, event.end_mark))
        except (ValueError, OverflowError, AttributeError, TypeError):
            if tag == TIMESTAMP:  # `2024-13-45` looks like a date and is not one: it stays text
                return event.value
            line = event.start_mark.line + 1
            if tag == INT and len(event.value) > 1000:  # Python refuses ints of thousands of digits
                raise self.fail("invalid YAML: a number with too many digits", line) from None
            kind = tag.rsplit(":", 1)[-1]
            raise self.fail(f"invalid YAML: {shorten(event.value)} is not a valid {kind}", line) from None

    def no_constructor(self, tag: str, event: Any) -> InputError:
        """The error for a tag careerctl does not read (`!!python/object`, `!include`)."""
        return self.fail(
            f"invalid YAML: could not determine a constructor for the tag {shorten(tag)}",
            event.start_mark.line + 1,
        )
