"""The promotion packet: what it shows per skill, and hostile review and evidence text kept inert."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest

from careerctl.calibration import calibrate
from careerctl.evidence import Evidence
from careerctl.kb.load import load_kb
from careerctl.model import KnowledgeBase
from careerctl.plan import build_plan
from careerctl.render.packet import html_packet, markdown_packet, skill_rows
from careerctl.results import Packet
from careerctl.review import Rating, Review
from ladder import write_ladder

NASTY = '<script>alert("x")</script> & <b>Bold</b> [red]rich[/red] \x1b[31m | [link](javascript:alert(1)) `c` *em*'
SELF = {"coding": 4, "sql": 2, "testing": 3, "design": 1}


@pytest.fixture
def kb(tmp_path: Path) -> KnowledgeBase:
    return load_kb(write_ladder(tmp_path / "ladder")).kb


def packet(kb: KnowledgeBase, levels_used: str = "calibrated", manager: bool = True) -> Packet:
    reviews = [
        Review(
            "Ana",
            "peer",
            "Dana",
            "2026-11-01T00:00:00Z",
            kb.identity,
            "",
            {"coding": Rating(3), "sql": Rating(2)},
        )
    ]
    if manager:
        reviews.append(
            Review(
                f"Sam {NASTY}",
                "manager",
                "Dana",
                "2026-11-02T00:00:00Z",
                kb.identity,
                "",
                {
                    "coding": Rating(2, f"note {NASTY}"),
                    "sql": Rating(3),
                    "testing": Rating(3),
                    "design": Rating(2),
                },
            )
        )
    cal = calibrate(kb, SELF, reviews)
    levels = cal.levels() if levels_used == "calibrated" else SELF
    evidence = [
        Evidence("sql", f"Tuned {NASTY}", "2026-10-02", 3, "https://example.org/pr?a=1&b=2"),
        Evidence("sql", "Older work", "2026-01-05", None, "javascript:alert(1)"),
        Evidence("coding", "Wrote the importer", "2026-11-20"),
    ]
    plan = build_plan(kb, "senior", levels, current_id="mid")
    return Packet(kb, plan, SELF, cal, evidence, date(2026, 12, 1), levels_used, name=f"Dana {NASTY}")


def parse_html(text: str) -> ET.Element:
    assert text.startswith("<!DOCTYPE html>\n")
    return ET.fromstring(text.split("\n", 1)[1])


def test_each_needed_skill_shows_required_self_calibrated_and_flags(kb: KnowledgeBase) -> None:
    rows = {r.skill: r for r in skill_rows(packet(kb))}
    assert set(rows) == {"coding", "sql", "testing", "design"}
    coding = rows["coding"]
    assert (coding.required, coding.self_level, coding.manager, coding.peers_median, coding.calibrated) == (
        3,
        4,
        2,
        3,
        2,
    )
    assert coding.flagged and coding.status() == "short 1"
    assert not rows["sql"].flagged and rows["sql"].gap == -1
    assert [e.date for e in rows["sql"].evidence] == ["2026-10-02", "2026-01-05"]
    assert [s.skill for s in rows["coding"].steps] == ["coding"]


def test_markdown_lists_gaps_evidence_and_the_plan_with_hostile_text_escaped(kb: KnowledgeBase) -> None:
    text = markdown_packet(packet(kb))
    assert "<script>" not in text and "<b>" not in text and "\x1b" not in text
    assert not re.search(r"(?<!\\)\]\(<?javascript:", text)  # no live link, only escaped brackets
    assert "\\<script\\>" in text
    assert "- **Coding**: self 4, agreed 2 (manager 2, peers' median 3)" in text
    assert "One level apart: Design (self 1, agreed 2), SQL (self 2, agreed 3)." in text
    assert "- 2026-10-02: Tuned " in text and "[link](<https://example.org/pr?a=1&b=2>)" in text
    assert "- 2026-01-05: Older work\n" in text  # its javascript: link is dropped
    assert "## Plan for what is still missing" in text and "| Coding | 2 → 3 |" in text
    assert "| **Levels used** | calibrated: the agreed level of each skill (manager rule) |" in text


def test_html_is_well_formed_offline_and_hostile_strings_are_text(kb: KnowledgeBase) -> None:
    text = html_packet(packet(kb))
    root = parse_html(text)
    assert root.find(".//script") is None and root.find(".//b") is None
    assert not re.search(r"<(?:script|img|iframe|link|object|embed)\b|\bsrc\s*=|@import", text, re.I)
    assert "\x1b" not in text
    hrefs = [a.get("href") for a in root.iter("a")]
    assert "https://example.org/pr?a=1&b=2" in hrefs
    assert not any(h and not h.startswith(("http://", "https://")) for h in hrefs)
    words = " ".join(t for t in root.itertext())
    assert f"Tuned {NASTY.replace(chr(27), ' ')}" in words
    assert "Sam " in words and "note <script>" in words


def test_the_html_radar_draws_target_self_and_manager(kb: KnowledgeBase) -> None:
    root = parse_html(html_packet(packet(kb)))
    svg = root.find(".//{*}svg[@class='radar packet']")
    if svg is None:
        svg = root.find(".//svg[@class='radar packet']")
    assert svg is not None
    classes = [p.get("class") for p in svg.iter() if p.tag.endswith("polygon") and p.get("class") != "ring"]
    assert classes == ["target", "manager", "self"]
    alone = parse_html(html_packet(packet(kb, manager=False)))
    svg = alone.find(".//svg[@class='radar packet']")
    assert svg is not None
    classes = [p.get("class") for p in svg.iter() if p.tag.endswith("polygon") and p.get("class") != "ring"]
    assert classes == ["target", "self"]
    assert "no manager review attached" in " ".join(svg.itertext())


def test_self_levels_judge_by_the_self_rating(kb: KnowledgeBase) -> None:
    rows = {r.skill: r for r in skill_rows(packet(kb, "self"))}
    assert rows["coding"].calibrated == 4 and rows["coding"].status() == "met, +1"
    assert "on the self levels" in markdown_packet(packet(kb, "self"))
