"""The shareable report: Markdown and one self-contained HTML file; escaping; a real browser where installed."""

from __future__ import annotations

import json
import re
import shutil
import struct
import subprocess
import tempfile
import xml.etree.ElementTree as ET
import zlib
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from careerctl.cli import app
from careerctl.model import KnowledgeBase, Resource
from careerctl.plan import build_plan, weeks_to_meet
from careerctl.render.report import Report, html_report, markdown_report, md, radar_axes, safe_url
from careerctl.route import find_route
from factories import kb, role, skill

NASTY = '<script>alert("x")</script> & <b>Bold</b> | [link](javascript:alert(1)) `code` *em* #quot;'
CHROMIUM = next((p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None)
NO_CHROMIUM = "Chromium is not installed (apt-get install chromium); the browser check needs it"


def nasty_kb() -> KnowledgeBase:
    """Two roles and three skills whose names, categories and resources try to break out of HTML and Markdown."""
    skills = [
        skill(
            "a",
            name=f"A {NASTY}",
            category="cat <one>",
            resources=[Resource(NASTY, "book", 1, "javascript:alert(1)")],
        ),
        skill(
            "b",
            name="B \"quoted\" 'single'",
            category="cat & two",
            resources=[Resource("Docs", "docs", 1, "https://example.org/a_(b)?c=1&d=2")],
        ),
        skill("c", name="C", category="three"),
    ]
    roles = [
        role("from", {"a": 1}, next=[("to", 2)], name=f"From {NASTY}", track="t<rack>"),
        role("to", {"a": 2, "b": 2, "c": 1}, name=f"To {NASTY}", track="t<rack>", seniority=2),
    ]
    return kb(skills, roles)


def nasty_report(**changes: object) -> Report:
    base = nasty_kb()
    levels = {"a": 1}
    plan = build_plan(base, "to", levels, current_id="from")
    route = find_route(base, "from", "to", levels)
    fields: dict[str, object] = {
        "kb": base,
        "levels": levels,
        "plan": plan,
        "route": route,
        "hours_per_week": 5,
        "weeks": weeks_to_meet(plan, 5),
        "today": date(2026, 1, 2),
        "levels_from": "--set a=1 <x>",
        "name": "Ann <admin>",
    }
    fields.update(changes)
    return Report(**fields)  # type: ignore[arg-type]


def parse_html(text: str) -> ET.Element:
    """The report parsed as XML: fails on any unclosed tag, stray < or bare & (well-formedness)."""
    assert text.startswith("<!DOCTYPE html>\n")
    return ET.fromstring(text.split("\n", 1)[1])


def all_text(root: ET.Element) -> str:
    return " ".join(t.strip() for t in root.itertext() if t.strip())


def test_html_is_well_formed_and_kb_strings_are_text_not_markup() -> None:
    root = parse_html(html_report(nasty_report()))
    assert root.find(".//script") is None and root.find(".//b") is None
    text = all_text(root)
    for shown in (
        f"From {NASTY}",
        f"A {NASTY}",
        "B \"quoted\" 'single'",
        "cat <one>",
        "Ann <admin>",
        "--set a=1 <x>",
    ):
        assert shown in text
    assert root.findtext("head/title") == f"Career report: To {NASTY}"


def test_html_links_only_plain_web_addresses() -> None:
    root = parse_html(html_report(nasty_report()))
    hrefs = [a.get("href") for a in root.iter("a")]
    assert hrefs == ["https://example.org/a_(b)?c=1&d=2"] * hrefs.count("https://example.org/a_(b)?c=1&d=2")
    assert "javascript:" not in " ".join(h or "" for h in hrefs)


@pytest.mark.parametrize(
    ("url", "kept"),
    [
        ("https://example.org/a?b=c", True),
        ("http://example.org", True),
        ("javascript:alert(1)", False),
        ("data:text/html,<script>", False),
        ('https://x.org/" onmouseover="alert(1)', False),
        ("ftp://example.org", False),
        (None, False),
    ],
)
def test_safe_url(url: str | None, kept: bool) -> None:
    assert (safe_url(url) is not None) == kept


def fetching_references(text: str) -> list[str]:
    """Anything in the HTML a browser would load: scripts, styles, images, frames, CSS urls, imports."""
    found = re.findall(r"<(?:script|link|img|iframe|object|embed|audio|video|source|base)\b", text, re.I)
    found += re.findall(r"\bsrc\s*=", text, re.I)
    found += [u for u in re.findall(r"url\(([^)]*)\)", text) if not u.startswith("#")]
    found += re.findall(r"@import", text)
    root = parse_html(text)
    found += [f"{el.tag} href" for el in root.iter() if el.get("href") and el.tag != "a"]
    return found


def test_html_fetches_nothing_and_says_so_in_its_csp() -> None:
    text = html_report(nasty_report())
    assert fetching_references(text) == []
    root = parse_html(text)
    csp = root.find("head/meta[@http-equiv='Content-Security-Policy']")
    assert csp is not None and csp.get("content", "").startswith("default-src 'none'")


def test_html_has_a_radar_and_a_route_drawing_and_a_print_stylesheet() -> None:
    root = parse_html(html_report(nasty_report()))
    radar = root.find(".//svg[@class='radar']")
    assert radar is not None
    assert len(radar.findall("polygon[@class='ring']")) == 5
    assert len(radar.findall("line[@class='spoke']")) == 3
    assert (
        radar.find("polygon[@class='have']") is not None and radar.find("polygon[@class='need']") is not None
    )
    route = root.find(".//svg[@class='route']")
    assert route is not None and len(route.findall("g/rect")) == 2
    assert "@media print" in (root.findtext("head/style") or "")


def test_radar_has_one_axis_per_skill_or_per_category() -> None:
    few = nasty_kb()
    # by category ("cat & two" < "cat <one>" < "three"), then name
    assert [a.label for a in radar_axes(few, {}, few.roles["to"])] == [
        "B \"quoted\" 'single'",
        f"A {NASTY}",
        "C",
    ]
    skills = [skill(f"s{i}", category=f"c{i % 4}") for i in range(16)]
    many = kb(skills, [role("r", {f"s{i}": (1 + i % 5, 1 + i % 3) for i in range(16)})])
    axes = radar_axes(many, {"s0": 5}, many.roles["r"])
    assert [a.label for a in axes] == ["c0", "c1", "c2", "c3"]
    # c0 holds s0, s4, s8, s12: levels 1, 5, 4, 3 with weights 1, 2, 3, 1
    assert axes[0].need == pytest.approx((1 * 1 + 5 * 2 + 4 * 3 + 3 * 1) / 7)
    assert axes[0].have == pytest.approx(5 * 1 / 7)


def test_markdown_escapes_kb_strings() -> None:
    text = markdown_report(nasty_report())
    assert "<script>" not in text and "<b>" not in text
    prose = re.sub(r"```mermaid\n.*?```", "", text, flags=re.S)
    assert re.search(r"(?<!\\)\]\(javascript:", prose) is None
    assert md("a|b <c> *d* [e](f) `g` & #h") == r"a\|b \<c\> \*d\* \[e\](f) \`g\` &amp; \#h"
    for line in text.splitlines():
        if line.startswith("|"):
            cells = re.split(r"(?<!\\)\|", line.strip())[1:-1]
            assert len(cells) in (2, 6, 8), line


def test_markdown_holds_facts_plan_with_resources_and_the_route_as_mermaid() -> None:
    text = markdown_report(nasty_report(name=None))
    assert text.startswith("# Career report: To ")
    assert "| **Date** | 2026-01-02 |" in text and "Prepared for" not in text
    assert "| **Readiness** | 20% |" in text
    assert "[Docs](<https://example.org/a_(b)?c=1&d=2>) (docs)" in text
    mermaid = text.split("```mermaid\n", 1)[1].split("```", 1)[0]
    assert mermaid.startswith("flowchart LR") and mermaid.count("-->") == 1


def test_no_route_is_a_sentence() -> None:
    report = nasty_report(route=None)
    assert "No chain of transitions leads from" in markdown_report(report)
    assert parse_html(html_report(report)).find(".//svg[@class='route']") is None


# ---------------------------------------------------------------------------------------------- CLI


def test_report_cli_writes_html_named_by_suffix(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    result = runner.invoke(app, ["report", "--from", "junior", "--target", "senior", "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "" and result.stderr.startswith(f"Wrote html report to {out}")
    text = out.read_text(encoding="utf-8")
    assert "<script" not in text and fetching_references(text) == []
    root = parse_html(text)
    assert root.find(".//svg[@class='radar']") is not None
    assert len(root.findall(".//section[@id='plan']//tbody/tr")) > 20


def test_report_cli_markdown_to_stdout_with_a_fixed_date(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01 00:00 UTC
    result = runner.invoke(app, ["report", "--from", "junior", "--target", "senior", "--format", "markdown"])
    assert result.exit_code == 0
    assert "| **Date** | 2026-01-01 |" in result.stdout and "```mermaid\nflowchart LR" in result.stdout


def test_report_cli_needs_a_format(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["report", "--from", "junior", "-o", str(tmp_path / "r.txt")])
    assert result.exit_code == 2 and "give --format html or --format markdown" in result.stderr
    assert not (tmp_path / "r.txt").exists()


def test_report_cli_without_levels_says_how_to_give_them(runner: CliRunner) -> None:
    result = runner.invoke(app, ["report", "--format", "html"])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith("careerctl: no levels to work from")


def test_report_cli_unwritable_file_is_a_one_line_error(runner: CliRunner, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = runner.invoke(app, ["report", "--from", "junior", "-o", str(blocker / "r.md")])
    assert (
        result.exit_code == 2 and result.stderr.startswith("careerctl: ") and "Traceback" not in result.stderr
    )


# ---------------------------------------------------------------------------------------------- Chromium


def read_png(path: Path) -> tuple[int, int, list[bytes]]:
    """Width, height and RGB(A) rows of an 8-bit, non-interlaced PNG (what Chromium writes)."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, chunks, header = 8, [], b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        body = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            chunks.append(body)
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
    assert depth == 8 and colour in (2, 6) and interlace == 0
    bpp = 4 if colour == 6 else 3
    raw = zlib.decompress(b"".join(chunks))
    rows, prev, stride = [], bytearray(width * bpp), width * bpp
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + a) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + b) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 0xFF
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        rows.append(bytes(line) if bpp == 3 else bytes(v for i, v in enumerate(line) if i % 4 != 3))
        prev = line
    return width, height, rows


def near(pixel: tuple[int, ...], colour: tuple[int, int, int], slack: int = 40) -> bool:
    return all(abs(p - c) <= slack for p, c in zip(pixel, colour, strict=True))


def chromium(page: Path, *args: str) -> subprocess.CompletedProcess[str]:
    with tempfile.TemporaryDirectory() as profile:
        command = [
            str(CHROMIUM),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--host-resolver-rules=MAP * ~NOTFOUND",  # whatever is asked for, nothing leaves the machine
            f"--user-data-dir={profile}",
            *args,
            page.as_uri(),
        ]
        return subprocess.run(command, capture_output=True, text=True, timeout=120)


@pytest.mark.skipif(CHROMIUM is None, reason=NO_CHROMIUM)
def test_chromium_draws_the_radar_and_the_plan_and_fetches_nothing(runner: CliRunner, tmp_path: Path) -> None:
    page = tmp_path / "r.html"
    result = runner.invoke(
        app, ["report", "--from", "junior", "--target", "senior", "--format", "html", "-o", str(page)]
    )
    assert result.exit_code == 0
    shot, netlog = tmp_path / "shot.png", tmp_path / "net.json"
    chromium(page, f"--screenshot={shot}", "--window-size=1200,800", f"--log-net-log={netlog}")
    width, height, rows = read_png(shot)
    assert (width, height) == (1200, 800)
    # The radar sits top right: its person polygon is drawn in #2b6cb0, the target's in #c05621.
    right = [rows[y][x * 3 : x * 3 + 3] for y in range(100, 700, 2) for x in range(600, 1200, 2)]
    assert sum(near(tuple(p), (0x2B, 0x6C, 0xB0)) for p in right) > 50
    assert sum(near(tuple(p), (0xC0, 0x56, 0x21)) for p in right) > 50
    # With no scripts, a page can only fetch URLs written in it: the net log holds none of them.
    # (It does hold Chromium's own background requests, which the resolver rule keeps in.)
    text = page.read_text(encoding="utf-8")
    requested = {
        str(event["params"]["url"])
        for event in json.loads(netlog.read_text())["events"]
        if isinstance(event.get("params"), dict) and "url" in event["params"]
    }
    assert [url for url in requested if url.split("#")[0] in text] == []
    # The DOM Chromium built holds the plan: one row per step, and the radar's polygons.
    dom = chromium(page, "--dump-dom").stdout
    assert dom.count('class="have"') >= 2 and dom.count("<tr>") > 50
    assert "Performance optimisation" in dom.split('id="plan"')[1]


@pytest.mark.skipif(CHROMIUM is None, reason=NO_CHROMIUM)
def test_chromium_prints_the_report_to_pdf(tmp_path: Path) -> None:
    page = tmp_path / "r.html"
    page.write_text(html_report(nasty_report()), encoding="utf-8")
    pdf = tmp_path / "r.pdf"
    chromium(page, f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and data.count(b"/Type /Page") >= 1
