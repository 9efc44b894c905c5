"""Shared fixtures: every test gets its own cache and profile, and a way to write small KBs."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from careerctl import i18n
from kbfiles import write_kb

REPO = Path(__file__).resolve().parents[1]
BUNDLED = REPO / "data"
EXTERNAL = REPO.parent / "shared" / "external"


@pytest.fixture(autouse=True)
def isolated(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Keep the user's real cache, profile, settings and language out of every test."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("CAREERCTL_CACHE_DIR", str(home / "cache"))
    monkeypatch.setenv("CAREERCTL_PROFILE", str(home / "profile.yaml"))
    monkeypatch.setenv("CAREERCTL_CONFIG", str(home / "config.toml"))
    monkeypatch.delenv("CAREERCTL_KB", raising=False)
    monkeypatch.delenv("CAREERCTL_LANG", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "120")
    for name in ("LC_ALL", "LANG"):  # English unless a test asks for another language
        if os.environ.get(name):
            monkeypatch.setenv(name, "C.UTF-8")
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.delenv("LANGUAGE", raising=False)
    yield
    i18n.use(i18n.DEFAULT)  # a test that ran the app in-process with --lang leaves no language behind


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def mini_kb(tmp_path: Path) -> Path:
    """A valid two-skill, two-role KB."""
    return write_kb(tmp_path / "kb")
