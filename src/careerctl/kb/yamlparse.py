"""The YAML parser behind `yamlio.parse_yaml`; imported only when a YAML file must actually be parsed.

Two builders give the same result. `build` turns the parser's event stream straight into
LineDicts, lists and scalars, with no node tree in between: about three times faster than the
composer and constructor, and it never holds a node per value (a node tree for an ESCO-sized KB
takes hundreds of megabytes). It covers the YAML that KB files use. For anything else (anchors
and aliases, explicit tags, merge keys, several documents, duplicate or non-scalar keys, and every
syntax error) it gives up and `load` runs the full loader, which defines what the result or the
error is.
"""

from __future__ import annotations

from typing import Any, cast

import yaml
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
from yaml.nodes import MappingNode, ScalarNode

from careerctl.kb.yamlio import NO_LINES, LineDict

try:  # the C parser is several times faster; fall back when libyaml is missing
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]


class Loader(_BaseLoader):
    """A safe loader whose mappings are LineDicts and whose duplicate keys are errors."""


def _construct_map(loader: Loader, node: MappingNode) -> Any:
    mapping = LineDict()
    mapping.line = line = node.start_mark.line + 1
    mapping.lines = NO_LINES
    yield mapping
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            duplicate = key in mapping
        except TypeError:
            raise yaml.constructor.ConstructorError(
                None, None, "a mapping key must be a plain value", key_node.start_mark
            ) from None
        if duplicate:
            raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
        mapping[key] = loader.construct_object(value_node, deep=True)
        key_line = key_node.start_mark.line + 1
        if key_line != line:
            if mapping.lines is NO_LINES:
                mapping.lines = {}
            cast("dict[Any, int]", mapping.lines)[key] = key_line


Loader.add_constructor("tag:yaml.org,2002:map", _construct_map)


class Unsupported(Exception):
    """The text uses a YAML feature the quick builder leaves to the full loader."""


def load(text: str) -> Any:
    """Parse one YAML document into LineDicts, lists and scalars (yaml.YAMLError when it is not valid)."""
    try:
        return build(text)
    except (Unsupported, yaml.YAMLError):
        pass
    return yaml.load(text, Loader=Loader)  # noqa: S506 - Loader derives from SafeLoader


def build(text: str) -> Any:
    """Build the document from parser events; Unsupported when the full loader must do it."""
    loader = Loader(text)
    try:
        return _Builder(loader).run()
    finally:
        loader.dispose()


_MISSING = object()
_PLAIN = (True, False)


class _Builder:
    """An event loop with an explicit stack, so deep documents cannot overflow Python's."""

    def __init__(self, loader: Loader) -> None:
        self.loader = loader
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
                    value, pending = [], None
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

    @staticmethod
    def place(top: tuple[Any, list[Any] | None], value: Any, event: Any) -> None:
        """Put `value` into the innermost open collection: a list item, a key, or a key's value."""
        container, pending = top
        if pending is None:
            container.append(value)
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
        tag = self.loader.resolve(ScalarNode, text, _PLAIN)  # type: ignore[no-untyped-call]
        construct = self.constructors.get(tag)
        if construct is None:
            raise Unsupported  # merge keys, `=` values
        value = construct(self.loader, ScalarNode(tag, text))
        self.plain[text] = value
        return value
