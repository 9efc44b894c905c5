"""The cache's stamps and names index: a KB is re-read whenever its files may have changed, and only then."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import platformdirs
import pytest

from careerctl.kb import cache
from careerctl.kb import load as loader
from careerctl.kb.load import load_kb
from kbfiles import MINI_ROLES


@pytest.fixture
def settled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Stamp files at once (outside tests, a file must be 2 s old before its stamp is trusted)."""
    monkeypatch.setattr(cache, "SETTLED_SECONDS", -1.0)


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The YAML files the loader reads."""
    seen: list[Path] = []
    real = loader.read_bytes

    def spy(path: Path, limits: loader.Limits) -> bytes:
        seen.append(path)
        return real(path, limits)

    monkeypatch.setattr(loader, "read_bytes", spy)
    return seen


@pytest.mark.usefixtures("settled")
def test_a_stamped_kb_loads_without_reading_its_files(
    mini_kb: Path, tmp_path: Path, reads: list[Path]
) -> None:
    first = load_kb(mini_kb, cache_dir=tmp_path / "cache")
    assert len(reads) == 2
    again = load_kb(mini_kb, cache_dir=tmp_path / "cache")
    assert again.from_cache and again.kb == first.kb and len(reads) == 2


@pytest.mark.usefixtures("settled")
def test_an_edit_that_keeps_the_size_and_the_time_is_still_seen(mini_kb: Path, tmp_path: Path) -> None:
    load_kb(mini_kb, cache_dir=tmp_path / "cache")
    roles = mini_kb / "roles.yaml"
    before = os.stat(roles)
    roles.write_text(MINI_ROLES.replace("Senior Dev", "Senior Eng"))
    os.utime(roles, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert os.stat(roles).st_size == before.st_size
    loaded = load_kb(mini_kb, cache_dir=tmp_path / "cache")
    assert not loaded.from_cache and loaded.kb.roles["senior"].name == "Senior Eng"


def test_files_changed_moments_ago_are_hashed_every_time(
    mini_kb: Path, tmp_path: Path, reads: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "SETTLED_SECONDS", 3600.0)
    load_kb(mini_kb, cache_dir=tmp_path / "cache")
    assert load_kb(mini_kb, cache_dir=tmp_path / "cache").from_cache
    assert len(reads) == 4 and not list((tmp_path / "cache").glob("*.stamp.json"))


@pytest.mark.usefixtures("settled")
@pytest.mark.parametrize("damage", [b"", b"{not json", b"[]", b'{"format": "kb-stamp/1", "files": 3}'])
def test_a_damaged_stamp_is_ignored_and_rewritten(
    mini_kb: Path, tmp_path: Path, reads: list[Path], damage: bytes
) -> None:
    load_kb(mini_kb, cache_dir=tmp_path / "cache")
    (stamp,) = (tmp_path / "cache").glob("*.stamp.json")
    stamp.write_bytes(damage)
    assert load_kb(mini_kb, cache_dir=tmp_path / "cache").from_cache and len(reads) == 4
    assert load_kb(mini_kb, cache_dir=tmp_path / "cache").from_cache and len(reads) == 4


@pytest.mark.usefixtures("settled")
def test_stamps_of_another_careerctl_version_are_not_trusted(
    mini_kb: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_kb(mini_kb, cache_dir=tmp_path / "cache")
    stamp = cache.stamp_files([mini_kb / "skills.yaml", mini_kb / "roles.yaml"])
    assert stamp is not None and cache.known_identity(tmp_path / "cache", mini_kb, stamp)
    monkeypatch.setattr(cache, "__version__", "99.0")
    assert cache.known_identity(tmp_path / "cache", mini_kb, stamp) is None


def test_the_names_index_lists_role_ids_aliases_and_tracks(mini_kb: Path, tmp_path: Path) -> None:
    kb = load_kb(mini_kb, cache_dir=tmp_path / "cache").kb
    assert cache.read_names(tmp_path / "cache", kb.identity) == (["jr", "junior", "senior", "sr"], ["dev"])
    assert cache.read_names(tmp_path / "cache", "0" * 40) is None


@pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="careerctl applies the XDG rule itself on Linux"
)
@pytest.mark.parametrize("xdg", [None, "", "relative/cache", "/somewhere/cache"])
def test_the_cache_folder_is_where_platformdirs_puts_it(
    monkeypatch: pytest.MonkeyPatch, xdg: str | None
) -> None:
    monkeypatch.delenv("CAREERCTL_CACHE_DIR")
    if xdg is None:
        monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_CACHE_HOME", xdg)
    assert cache.default_cache_dir() == Path(platformdirs.user_cache_dir("careerctl")) / "kb"


def test_the_cache_records_need_only_the_standard_library() -> None:
    """TAB completion reads them before anything else is imported: no msgspec, no YAML."""
    code = "import sys, careerctl.kb.cache; print(sorted(m for m in sys.modules if m.startswith(('msgspec', 'yaml'))))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_cached_warnings_name_the_files_of_the_folder_loaded(tmp_path: Path) -> None:
    """Two folders with the same content share a cache entry; each is named as itself, even once the first is gone."""
    import shutil

    from careerctl.kb.load import load_kb
    from kbfiles import MINI_ROLES
    from kbfiles import write_kb as write_files

    roles = MINI_ROLES.replace("    next:\n      - {role: senior, years: 2}\n", "")  # a warning: unreachable
    cache = tmp_path / "cache"
    first = write_files(tmp_path / "first", roles=roles)
    second = tmp_path / "second"
    shutil.copytree(first, second)
    assert [w.path for w in load_kb(first, cache_dir=cache).warnings] == [str(first / "roles.yaml")]
    shutil.rmtree(first)
    loaded = load_kb(second, cache_dir=cache)
    assert loaded.from_cache
    assert [w.path for w in loaded.warnings] == [str(second / "roles.yaml")]


def test_damaged_cached_warnings_are_checked_again_from_the_files(tmp_path: Path) -> None:
    """Cached warnings are decoded only when asked for; an entry whose warnings are damaged is not trusted."""
    import msgspec

    from kbfiles import write_kb as write_files

    roles = MINI_ROLES.replace("    next:\n      - {role: senior, years: 2}\n", "")  # a warning: unreachable
    folder, cache_dir = write_files(tmp_path / "kb", roles=roles), tmp_path / "cache"
    expected = [str(w) for w in load_kb(folder, cache_dir=cache_dir).warnings]
    (entry,) = cache_dir.glob("*.msgpack")
    data = msgspec.msgpack.decode(entry.read_bytes())
    data["warnings"] = [{"severity": 3}]  # the KB part is fine, the warnings are not
    entry.write_bytes(msgspec.msgpack.encode(data))
    loaded = load_kb(folder, cache_dir=cache_dir)
    assert loaded.from_cache
    assert [str(w) for w in loaded.warnings] == expected
