"""The --json output: one document, `"schema": "careerctl.<kind>/1"` first, inert on a terminal.

The documents themselves are the typed results of careerctl/results.py; this module only
encodes them, exactly as `json.dumps(doc, ensure_ascii=False, indent=2)` would.
"""

from __future__ import annotations

import errno
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

    text = dumps(msgspec.to_builtins(doc))
    # json.dumps escapes every C0 control, so ASCII JSON text can hold only DEL raw (quick on 15 MB)
    text = text.replace("\x7f", "\\u007f") if text.isascii() else json_escaped(text)
    write_whole(env, text + "\n")


def write_whole(env: Env, text: str) -> None:
    """Write `text` in one piece and flush it: a full disk or a short write raises OSError.

    A reader never gets half a document with exit code 0 (the entry point reports the error).
    """
    env.stdout.flush()
    buffer = getattr(env.stdout, "buffer", None)
    if buffer is None:
        env.stdout.write(text)
        env.stdout.flush()
        return
    data = text.encode("utf-8")
    written = buffer.write(data)
    buffer.flush()
    if written is not None and written != len(data):
        raise OSError(errno.EIO, f"only {written:,} of {len(data):,} bytes were written")


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
