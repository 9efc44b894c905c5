"""Renderers: one `render(result, format, env)` for every command's output.

`json` encodes the result's document (render/json.py); every other format is a view of the
result (render/views.py): `rich`, `tree`, `mermaid`, `dot`, `yaml`, `markdown`, `html`. A view
module is imported only when its format is asked for, so --json never pays for Rich.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from careerctl.context import Env


def render(result: Any, fmt: str, env: Env) -> None:
    """Write `result` to env.stdout in format `fmt`; a format the result has no view for is a bug."""
    if fmt == "json":
        from careerctl.render.json import emit

        emit(result.doc, env)
        return
    from careerctl.render.views import view

    view(result, fmt)(result, env)
