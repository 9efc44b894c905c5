"""The YAML loader behind `yamlio.parse_yaml`: imported only when a file must really be parsed.

Files without aliases are first built straight from the parser's events (kb/yamlparse.py: fast,
and no node tree in memory); anything that builder leaves alone, and every error, goes through
the full safe loader below, which counts depth and alias expansion and words the message.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from careerctl.errors import InputError
from careerctl.kb.yamlio import Limits, _one_line

try:  # the C parser is several times faster; fall back when libyaml is missing
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]


class _Loader(_BaseLoader):
    """PyYAML's safe loader: its parser gives the events, its resolver and constructors the scalars."""


def load(data: bytes, text: str, path: Path, limits: Limits) -> Any:
    """The document in `text`; InputError naming file and line when it is not acceptable."""
    from careerctl.kb.yamlparse import build

    try:
        return build(_Loader, text, path, limits, len(data))
    except yaml.MarkedYAMLError as exc:
        raise _yaml_error(exc, path, text) from None
    except yaml.reader.ReaderError as exc:
        line = data.count(b"\n", 0, exc.position) + 1  # libyaml counts bytes
        shown = f"U+{exc.character:04X}" if isinstance(exc.character, int) else "a control character"
        raise InputError(path, f"contains {shown}, a control character YAML does not allow", line) from None
    except yaml.YAMLError as exc:
        raise InputError(path, f"invalid YAML: {_one_line(str(exc))}") from None


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
