"""Importers on a hostile source folder: FIFOs, devices, links out, NaN and BOMs are refused at once."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from careerctl.errors import InputError
from careerctl.kb.importers.onet import import_onet

EXCERPT = Path(__file__).parent / "fixtures" / "onet_excerpt"


@pytest.fixture
def source(tmp_path: Path) -> Path:
    folder = tmp_path / "onet"
    shutil.copytree(EXCERPT, folder)
    return folder


def set_value(path: Path, line: int, value: str) -> None:
    """Put `value` in the Data Value column of row `line` of an O*NET table."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    fields = lines[line - 1].split("\t")
    fields[6] = value
    lines[line - 1] = "\t".join(fields)
    path.write_text("".join(lines), encoding="utf-8")


@pytest.mark.parametrize("value", ["nan", "NaN", "inf", "-inf", "Infinity", "1e999"])
def test_a_number_that_is_not_finite_names_file_line_and_column(source: Path, value: str) -> None:
    set_value(source / "skills.tsv", 3, value)
    with pytest.raises(
        InputError, match=rf"skills\.tsv:3: Data Value: expected a finite number, found '{value}'"
    ):
        import_onet(source, source.parent / "out")


def test_a_very_long_number_is_cut_short_in_the_message(source: Path) -> None:
    set_value(source / "skills.tsv", 3, "9" * 4299 + "x")
    with pytest.raises(InputError) as caught:
        import_onet(source, source.parent / "out")
    assert len(str(caught.value)) < 200 and "..." in str(caught.value)


def test_a_bom_is_read_as_a_bom(source: Path, tmp_path: Path) -> None:
    for table in source.glob("*.tsv"):
        table.write_bytes(b"\xef\xbb\xbf" + table.read_bytes())
    report = import_onet(source, tmp_path / "out")
    plain = import_onet(EXCERPT, tmp_path / "plain")
    assert report == plain
    assert (tmp_path / "out" / "roles.yaml").read_bytes() == (tmp_path / "plain" / "roles.yaml").read_bytes()


BOM = "\ufeff".encode()


@pytest.mark.parametrize(
    ("spoil", "where", "column"),
    [
        (lambda text: BOM + BOM + text, 1, "O*NET-SOC Code"),  # the first BOM is read as a BOM
        (lambda text: text.replace(b"\tData Value\t", b"\t" + BOM + b"Data Value\t", 1), 7, "Data Value"),
    ],
    ids=["two-boms", "bom-in-a-header-cell"],
)
def test_an_invisible_character_in_a_header_is_named(
    source: Path, spoil: Callable[[bytes], bytes], where: int, column: str
) -> None:
    """Not a bare "missing column": the cell that looks right but holds a BOM is pointed at."""
    table = source / "skills.tsv"
    table.write_bytes(spoil(table.read_bytes()))
    with pytest.raises(InputError) as caught:
        import_onet(source, source.parent / "out")
    assert str(caught.value) == (
        f"{table}:1: missing column(s): {column}; column {where} is '\\ufeff{column}',"
        " with an invisible character (a second BOM?)"
    )


def run_import(source: Path, out: Path) -> subprocess.CompletedProcess[str]:
    """`careerctl kb import onet` in a child process: a hang fails on the timeout, not forever."""
    return subprocess.run(
        [sys.executable, "-m", "careerctl", "kb", "import", "onet", str(source), "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda path: os.mkfifo(path), "is not a regular file (a FIFO or a device?); it is not read"),
        (lambda path: path.symlink_to("/dev/zero"), "is a symlink out of the source folder (to /dev/zero)"),
        (lambda path: path.symlink_to("/etc/hostname"), "is a symlink out of the source folder"),
    ],
    ids=["fifo", "dev-zero", "link-out"],
)
def test_special_files_are_refused_at_once_naming_the_file(source: Path, make: object, reason: str) -> None:
    table = source / "skills.tsv"
    table.unlink()
    make(table)  # type: ignore[operator]
    result = run_import(source, source.parent / "out")
    assert result.returncode == 2, result.stderr
    assert result.stderr == f"careerctl: {table}: {reason}" + result.stderr.split(reason, 1)[1]
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_a_fifo_readme_does_not_hang_the_import(source: Path) -> None:
    readme = source / "ONET_Read_Me.txt"
    readme.unlink()
    os.mkfifo(readme)
    result = run_import(source, source.parent / "out")
    assert result.returncode == 2
    assert f"{readme}: is not a regular file" in result.stderr


def test_a_symlink_inside_the_folder_is_read(source: Path, tmp_path: Path) -> None:
    table = source / "skills.tsv"
    table.rename(source / "skills-2023.tsv")
    table.symlink_to("skills-2023.tsv")
    import_onet(source, tmp_path / "out")


def test_a_table_over_the_size_limit_is_refused(
    source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CAREERCTL_MAX_TABLE_BYTES", "1000")
    with pytest.raises(InputError, match=r"larger than the 1,000-byte limit \(set CAREERCTL_MAX_TABLE_BYTES"):
        import_onet(source, tmp_path / "out")


@pytest.fixture
def old_kb(tmp_path: Path) -> Path:
    out = tmp_path / "kb"
    import_onet(EXCERPT, out)
    (out / "skills.yaml").write_text("old skills\n")
    (out / "roles.yaml").write_text("old roles\n")
    return out


@pytest.mark.parametrize("exchange", [True, False], ids=["renameat2", "two-renames"])
def test_force_replaces_the_whole_folder(
    old_kb: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, exchange: bool
) -> None:
    if not exchange:
        monkeypatch.setattr("careerctl.kb.importers._exchange", lambda one, other: False)
    import_onet(EXCERPT, old_kb)
    import_onet(EXCERPT, tmp_path / "fresh")
    for name in ("skills.yaml", "roles.yaml"):
        assert (old_kb / name).read_bytes() == (tmp_path / "fresh" / name).read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fresh", "kb"]


def test_a_full_disk_during_force_leaves_the_old_kb_whole(
    old_kb: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from careerctl.errors import StorageError
    from careerctl.kb import importers

    real = importers._write_new
    calls: list[Path] = []

    def fill_up(path: Path, data: bytes) -> None:
        calls.append(path)
        if len(calls) == 2:  # the new skills.yaml is written, the new roles.yaml does not fit
            raise OSError(28, "No space left on device")
        real(path, data)

    monkeypatch.setattr(importers, "_write_new", fill_up)
    with pytest.raises(
        StorageError, match=r"kb: cannot write the new KB: the disk is full; the old KB is unchanged"
    ):
        import_onet(EXCERPT, old_kb)
    assert (old_kb / "skills.yaml").read_text() == "old skills\n"
    assert (old_kb / "roles.yaml").read_text() == "old roles\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kb"]


def test_force_refuses_a_folder_holding_more_than_a_kb(old_kb: Path) -> None:
    (old_kb / "notes.md").write_text("mine\n")
    with pytest.raises(InputError, match=r"holds other files besides a KB \(notes.md\)"):
        import_onet(EXCERPT, old_kb)
    assert (old_kb / "notes.md").exists() and (old_kb / "roles.yaml").read_text() == "old roles\n"


def test_stale_folders_of_killed_imports_are_removed(old_kb: Path, tmp_path: Path) -> None:
    stale, fresh = tmp_path / ".kb.x1.new", tmp_path / ".kb.x2.new"
    for folder in (stale, fresh):
        folder.mkdir()
    os.utime(stale, (0, 0))
    import_onet(EXCERPT, old_kb)
    assert not stale.exists() and fresh.exists()
