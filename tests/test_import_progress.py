"""`kb import` shows its phases on a terminal, and is quiet when piped or with --quiet."""

from __future__ import annotations

import io
from pathlib import Path

from typer.testing import CliRunner

from careerctl import app as use
from careerctl.cli import app
from careerctl.context import Env
from careerctl.render.progress import phases

EXCERPT = Path(__file__).parent / "fixtures" / "esco_excerpt"


class Terminal(io.StringIO):
    """A stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def test_the_import_tells_each_phase_in_order(tmp_path: Path) -> None:
    told: list[str] = []
    use.kb_import(Env(stderr=io.StringIO()), "esco", EXCERPT, tmp_path / "kb", progress=told.append)
    assert told == ["read", "build", "write", "check"] == list(use.IMPORT_PHASES)


def test_the_bar_draws_on_a_terminal_and_is_gone_at_the_end() -> None:
    stream = Terminal()
    with phases(stream, ("read", "build")) as advance:
        advance("read")
        advance("build")
    drawn = stream.getvalue()
    assert "build (2/2)" in drawn or "read (1/2)" in drawn  # transient: erased when done


def test_piped_or_quiet_import_prints_no_bar(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["kb", "import", "esco", str(EXCERPT), "--out", str(tmp_path / "a")])
    assert result.exit_code == 0
    assert result.stderr.startswith("Imported 9 ESCO v1.2.0 occupations") and "\r" not in result.stderr
    result = runner.invoke(
        app, ["kb", "import", "esco", str(EXCERPT), "--out", str(tmp_path / "b"), "--quiet"]
    )
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    assert (tmp_path / "b" / "roles.yaml").is_file()
