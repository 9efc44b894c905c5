"""Loading a KB folder: errors name file and line, and the compiled cache is used but never trusted."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from careerctl.errors import InputError
from careerctl.kb.load import load_kb
from kbfiles import MINI_ROLES, write_kb


@pytest.mark.parametrize(
    ("roles", "where", "message"),
    [
        ("version: 1\nroles:\n  - id: a\n    name: [unclosed\n", "roles.yaml:5", "invalid YAML"),
        (
            "version: 1\nroles: !!python/object:os.system {}\n",
            "roles.yaml:2",
            "could not determine a constructor",
        ),
        ("", "roles.yaml:1", "must be a mapping with 'version: 1' and 'roles:', not empty"),
        ("- a\n- b\n", "roles.yaml:1", "not a list"),
    ],
)
def test_broken_files_name_file_and_line(tmp_path: Path, roles: str, where: str, message: str) -> None:
    folder = write_kb(tmp_path, roles=roles)
    with pytest.raises(Exception, match=message) as caught:
        load_kb(folder)
    assert where in str(caught.value)


def test_missing_folder_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such knowledge base folder"):
        load_kb(tmp_path / "nowhere")
    (tmp_path / "kb").mkdir()
    with pytest.raises(InputError, match=r"skills.yaml: no such file"):
        load_kb(tmp_path / "kb")


def test_second_load_comes_from_the_cache(mini_kb: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = load_kb(mini_kb, cache_dir=cache)
    second = load_kb(mini_kb, cache_dir=cache)
    assert (first.from_cache, second.from_cache) == (False, True)
    assert first.kb == second.kb


def test_an_edit_invalidates_the_cache(mini_kb: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    load_kb(mini_kb, cache_dir=cache)
    (mini_kb / "roles.yaml").write_text(MINI_ROLES.replace("Senior Dev", "Staff Dev"))
    loaded = load_kb(mini_kb, cache_dir=cache)
    assert not loaded.from_cache and loaded.kb.roles["senior"].name == "Staff Dev"


@pytest.mark.parametrize("garbage", [b"", b"\x00\x01garbage", b"\x92\xc0\xc0"])
def test_a_broken_cache_is_rebuilt(mini_kb: Path, tmp_path: Path, garbage: bytes) -> None:
    cache = tmp_path / "cache"
    load_kb(mini_kb, cache_dir=cache)
    (entry,) = cache.glob("*.msgpack")
    entry.write_bytes(garbage)
    loaded = load_kb(mini_kb, cache_dir=cache)
    assert not loaded.from_cache and loaded.kb.roles["junior"].name == "Junior Dev"
    assert load_kb(mini_kb, cache_dir=cache).from_cache


def test_the_cache_key_is_the_content_not_the_process(mini_kb: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    load_kb(mini_kb, cache_dir=cache)
    names = {p.name for p in cache.iterdir()}
    os.utime(mini_kb / "roles.yaml", (0, 0))
    assert load_kb(mini_kb, cache_dir=cache).from_cache
    assert {p.name for p in cache.iterdir()} == names


def test_an_unwritable_cache_folder_is_not_fatal(mini_kb: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert load_kb(mini_kb, cache_dir=blocker / "cache").kb.roles
