"""`kb import` shows its phases on a terminal, and is quiet when piped or with --quiet."""

from __future__ import annotations

import io
from pathlib import Path

from typer.testing import CliRunner

from careerctl import app as use
from careerctl import i18n
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
    assert told == ["read", "build", "write", "check", "done"] == [*use.IMPORT_PHASES, "done"]


def test_the_bar_draws_on_a_terminal_and_is_gone_at_the_end() -> None:
    stream = Terminal()
    with phases(stream, ("read", "build")) as advance:
        advance("read")
        advance("build")
    drawn = stream.getvalue()
    assert "build (2/2)" in drawn or "read (1/2)" in drawn  # transient: erased when done


def test_the_bar_says_each_phase_in_the_interface_language_and_is_gone_before_the_summary(
    tmp_path: Path,
) -> None:
    stream = Terminal()
    try:
        i18n.use("id")
        with phases(stream, use.IMPORT_PHASES, use.IMPORT_PHASE_WORDS) as progress:
            use.kb_import(Env(stderr=stream), "esco", EXCERPT, tmp_path / "kb", progress=progress)
    finally:
        i18n.use("en")
    drawn = stream.getvalue()
    assert "memeriksa (4/4)" in drawn  # the last phase, drawn as the bar stops
    assert not [word for word in ("starting", "read (", "build (", "write (", "check (") if word in drawn]
    bar_ends, summary = drawn.rindex("(4/4)"), drawn.index("9 okupasi ESCO v1.2.0 diimpor")
    assert bar_ends < summary and "\n" in drawn[bar_ends:summary]  # the summary starts a line of its own
    assert drawn.endswith("Pakai dengan: careerctl --kb " + str(tmp_path / "kb") + " roles\n")


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
