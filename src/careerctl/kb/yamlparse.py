"""A quick YAML builder for `yamlsafe.load`: plain documents straight from parser events.

Two builders give the same result. `build` turns the parser's event stream straight into
LineDicts, lists and scalars, with no node tree in between: about three times faster than the
composer and constructor, and it never holds a node per value (a node tree for an ESCO-sized KB
takes hundreds of megabytes). It covers the YAML that KB files use. For anything else (anchors
and aliases, explicit tags, merge keys, several documents, duplicate or non-scalar keys, and every
syntax error) it gives up and yamlsafe runs the full safe loader, which defines what the result or
the error is.
"""

from __future__ import annotations

from typing import Any

from yaml.events import (
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

from careerctl.kb.yamlio import NO_LINES, LineDict, LineList


class Unsupported(Exception):
    """The text uses a YAML feature the quick builder leaves to the full loader."""


def build(loader_class: type[Any], text: str, max_depth: int) -> Any:
    """Build the document from parser events; Unsupported when the full loader must do it."""
    loader = loader_class(text)
    try:
        return _Builder(loader, max_depth).run()
    finally:
        loader.dispose()


_MISSING = object()
_PLAIN = (True, False)


class _Builder:
    """An event loop with an explicit stack, so deep documents cannot overflow Python's."""

    def __init__(self, loader: Any, max_depth: int) -> None:
        self.loader = loader
        self.max_depth = max_depth
        self.constructors = type(loader).yaml_constructors
        self.plain: dict[str, Any] = {}  # plain scalars resolve by value alone; equal ones share one object

    def run(self) -> Any:
        """The document, or None for an empty stream."""
        get_event: Any = self.loader.get_event
        plain = self.plain
        root: Any = None
        documents = 0
        # each open collection: (the list or LineDict, [pending key, its line] for a mapping)
        stack: list[tuple[Any, list[Any] | None]] = []
        while True:
            event = get_event()
            kind = type(event)
            if kind is ScalarEvent:
                if event.anchor is not None or event.tag is not None:
                    raise Unsupported
                value = event.value
                if event.implicit[0]:
                    value = plain.get(value, _MISSING)
                    if value is _MISSING:
                        value = self.scalar(event.value)
                opened = False
            elif kind is MappingStartEvent or kind is SequenceStartEvent:
                if event.anchor is not None or event.tag is not None:
                    raise Unsupported
                if kind is MappingStartEvent:
                    value = LineDict()
                    value.line = event.start_mark.line + 1
                    value.lines = NO_LINES
                    pending: list[Any] | None = [_MISSING, 0]
                else:
                    value, pending = LineList(), None
                    value.line = event.start_mark.line + 1
                    value.lines = []
                opened = True
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                stack.pop()
                continue
            elif kind is StreamStartEvent or kind is DocumentEndEvent:
                continue
            elif kind is DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise Unsupported
                continue
            elif kind is StreamEndEvent:
                return root
            else:  # an alias
                raise Unsupported
            if stack:
                self.place(stack[-1], value, event)
            else:
                root = value
            if opened:
                stack.append((value, pending))
                if len(stack) > self.max_depth:
                    raise Unsupported  # the full loader finds the exact place and words the error

    @staticmethod
    def place(top: tuple[Any, list[Any] | None], value: Any, event: Any) -> None:
        """Put `value` into the innermost open collection: a list item, a key, or a key's value."""
        container, pending = top
        if pending is None:
            container.append(value)
            container.lines.append(event.start_mark.line + 1)
            return
        key = pending[0]
        if key is _MISSING:
            if isinstance(value, (list, dict)) or value in container:
                raise Unsupported  # non-scalar or duplicate key: the full loader words the error
            pending[0], pending[1] = value, event.start_mark.line + 1
            return
        container[key] = value
        if pending[1] != container.line:
            if container.lines is NO_LINES:
                container.lines = {}
            container.lines[key] = pending[1]
        pending[0] = _MISSING

    def scalar(self, text: str) -> Any:
        """A plain scalar as the safe loader reads it: null, bool, int, float, timestamp or text."""
        tag = self.loader.resolve(ScalarNode, text, _PLAIN)
        construct = self.constructors.get(tag)
        if construct is None:
            raise Unsupported  # merge keys, `=` values
        try:
            value = construct(self.loader, ScalarNode(tag, text))
        except (ValueError, OverflowError, AttributeError):
            raise Unsupported from None  # odd numbers and dates: the full loader words them
        self.plain[text] = value
        return value
