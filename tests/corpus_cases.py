"""Set up one case of tests/corpus as the file careerctl is given, and the command that reads it."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from kbfiles import write_kb

CORPUS = Path(__file__).resolve().parent / "corpus"
KINDS = ("skills", "roles", "answers", "profile", "kb")


@dataclass(frozen=True)
class Expected:
    """What careerctl must say about a case: the line it names (None: no line) and part of the message."""

    line: int | None
    fragment: str
    env: dict[str, str] = field(default_factory=dict)


def read_manifest() -> dict[str, Expected]:
    """tests/corpus/expected.tsv: case, line or '-', message fragment, optional NAME=VALUE settings."""
    cases: dict[str, Expected] = {}
    for row in (CORPUS / "expected.tsv").read_text(encoding="utf-8").splitlines():
        if not row or row.startswith("#"):
            continue
        case, line, fragment, *settings = row.split("\t")
        env = dict(setting.split("=", 1) for setting in settings)
        cases[case] = Expected(None if line == "-" else int(line), fragment, env)
    return cases


def corpus_files() -> set[str]:
    """Every case file in the corpus, as 'kind/name.yaml'."""
    return {f"{path.parent.name}/{path.name}" for kind in KINDS for path in (CORPUS / kind).glob("*.yaml")}


def refuse_to_open(monkeypatch: pytest.MonkeyPatch, target: Path) -> None:
    """Make `target` unreadable even for root (who ignores file modes): os.open raises EACCES."""
    real_open = os.open

    def guarded(path: object, flags: int, *args: object, **kwargs: object) -> int:
        if Path(os.fsdecode(path)) == target:  # type: ignore[arg-type]
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", guarded)


def make_special(name: str, target: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Create the file-system trouble a '@name' case stands for, at `target`."""
    target.unlink(missing_ok=True)
    makers: dict[str, Callable[[], None]] = {
        "@missing": lambda: None,
        "@directory": lambda: target.mkdir(),
        "@fifo": lambda: os.mkfifo(target),
        "@symlink-loop": lambda: (
            target.symlink_to(target.with_name("loop.yaml")),
            target.with_name("loop.yaml").symlink_to(target),
        ),
        "@unreadable": lambda: (
            target.write_text("coding: 1\n"),
            target.chmod(0),
            refuse_to_open(monkeypatch, target),
        ),
        "@not-a-folder": lambda: target.write_text("version: 1\n"),
        "@dev-zero": lambda: target.symlink_to("/dev/zero"),  # an endless device: refused unread
        "@dev-null": lambda: target.symlink_to("/dev/null"),
    }
    makers[name]()


def place(case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[list[str], Path]:
    """Put the case where careerctl will read it; return the command line and the path it must name."""
    kind, name = case.split("/")
    mini = write_kb(tmp_path / "mini")
    if kind == "kb":
        folder = tmp_path / "broken-kb"
        make_special(name, folder, monkeypatch)
        return ["--kb", str(folder), "roles"], folder
    if kind == "answers":
        target = tmp_path / "answers.yaml"
        args = ["--kb", str(mini), "match", "--answers", str(target)]
    elif kind == "profile":
        target = tmp_path / "profile.yaml"
        args = ["--kb", str(mini), "--profile", str(target), "profile", "show"]
    else:
        folder = write_kb(tmp_path / "kb")
        target = folder / f"{kind}.yaml"
        args = ["--kb", str(folder), "roles"]
    if name.startswith("@"):
        make_special(name, target, monkeypatch)
    else:
        target.unlink(missing_ok=True)
        shutil.copyfile(CORPUS / kind / name, target)
    return args, target
