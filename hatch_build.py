"""Build hook: compile the gettext catalogues (src/careerctl/locale/*/LC_MESSAGES/*.po) to .mo files.

The .po files are the sources kept in git; the .mo files are built here, for the wheel and for
editable installs alike, and are not committed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CompileCatalogs(BuildHookInterface):  # type: ignore[misc]
    """Compile every .po catalogue beside itself and ship the .mo files."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        root = Path(self.root)
        for po in sorted((root / "src" / "careerctl" / "locale").glob("*/LC_MESSAGES/*.po")):
            with po.open("rb") as source:
                catalog = read_po(source)
            mo = po.with_suffix(".mo")
            with mo.open("wb") as target:
                write_mo(target, catalog, use_fuzzy=False)
            build_data["artifacts"].append(str(mo.relative_to(root)))
