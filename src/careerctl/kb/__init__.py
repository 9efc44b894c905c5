"""The knowledge base: loading, validating and importing."""

from __future__ import annotations

from pathlib import Path

SKILLS_FILE = "skills.yaml"
ROLES_FILE = "roles.yaml"


def bundled_kb_dir() -> Path:
    """The KB that ships with careerctl: inside the installed package, or data/ in a checkout."""
    here = Path(__file__).resolve().parent.parent
    installed = here / "data"
    return installed if installed.is_dir() else here.parent.parent / "data"
