"""The --json output: one document, `"schema": "careerctl.<kind>/1"` first, inert on a terminal.

The documents themselves are the typed results of careerctl/results.py; this module only
encodes them, exactly as `json.dumps(doc, ensure_ascii=False, indent=2)` would.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from careerctl.text import json_escaped

if TYPE_CHECKING:
    from careerctl.context import Env


def emit(doc: Any, env: Env) -> None:
    """Print one JSON document to env.stdout; no character in it can act on a terminal.

    json.dumps escapes C0 controls; json_escaped escapes what would still reach the terminal
    raw (C1 controls such as the one-byte CSI, bidi overrides, lone surrogates).
    """
    import msgspec

    env.stdout.write(json_escaped(dumps(msgspec.to_builtins(doc))) + "\n")


def dumps(doc: Any) -> str:
    """`json.dumps(doc, ensure_ascii=False, indent=2)`, byte for byte, about ten times faster.

    Python's json encodes in C only without indent (3.13 indents in C too); msgspec indents the
    compact text again, keeping numbers and strings as json wrote them (tests/test_render_json.py).
    """
    import msgspec

    compact = json.dumps(doc, ensure_ascii=False, separators=(",", ":"))
    try:
        return msgspec.json.format(compact.encode(), indent=2).decode()
    except (UnicodeEncodeError, msgspec.DecodeError):  # a lone surrogate, NaN: json does it all
        return json.dumps(doc, ensure_ascii=False, indent=2)
