"""Shared fixtures: every test gets its own cache and profile, and a way to write small KBs."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from kbfiles import write_kb

REPO = Path(__file__).resolve().parents[1]
BUNDLED = REPO / "data"
EXTERNAL = REPO.parent / "shared" / "external"


@pytest.fixture(autouse=True)
def isolated(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep the user's real cache, profile and settings out of every test."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("CAREERCTL_CACHE_DIR", str(home / "cache"))
    monkeypatch.setenv("CAREERCTL_PROFILE", str(home / "profile.yaml"))
    monkeypatch.setenv("CAREERCTL_CONFIG", str(home / "config.toml"))
    monkeypatch.delenv("CAREERCTL_KB", raising=False)
    monkeypatch.delenv("CAREERCTL_LANG", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "120")


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def mini_kb(tmp_path: Path) -> Path:
    """A valid two-skill, two-role KB."""
    return write_kb(tmp_path / "kb")
