"""Issue #15's acceptance, through the real command line: reviews, calibration, evidence, the packet."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from careerctl.cli import app

SELF = {
    "programming-languages": 4,
    "api-development": 3,
    "sql": 4,
    "testing-debugging": 2,
    "system-design": 1,
}
MANAGER = {
    "programming-languages": 3,
    "api-development": 3,
    "sql": 2,
    "testing-debugging": 3,
    "system-design": 3,
}
PEER_A = {"programming-languages": 4, "sql": 3, "testing-debugging": 2, "system-design": 2}
PEER_B = {"programming-languages": 3, "sql": 2, "system-design": 2}
NASTY = "<script>alert(1)</script> [bold red]boo[/bold red] \x1b[2J\x1b]8;;http://x\x07 & <b>"


def run(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def answers(tmp_path: Path, name: str, levels: dict[str, int]) -> str:
    path = tmp_path / f"{name}.yaml"
    path.write_text(json.dumps(levels))
    return str(path)


def schema(kind: str) -> dict[str, object]:
    from importlib import resources

    text = resources.files("careerctl").joinpath("schemas", f"{kind}.json").read_text(encoding="utf-8")
    return json.loads(text)  # type: ignore[no-any-return]


@pytest.fixture
def reviewed(runner: CliRunner, tmp_path: Path) -> Path:
    """The person assesses; a manager and two peers write reviews with --answers; each is added."""
    code, _, err = run(
        runner, "assess", "--current", "mid", "--target", "senior", "--answers", answers(tmp_path, "me", SELF)
    )
    assert code == 0, err
    for relation, by, levels in (
        ("manager", "Sam Lee", MANAGER),
        ("peer", "Ana", PEER_A),
        ("peer", "Bo", PEER_B),
    ):
        out = tmp_path / f"review-{by.split()[0].lower()}.yaml"
        code, _, err = run(
            runner, "assess", "--rater", relation, "--for", "Dana", "--by", by,
            "--answers", answers(tmp_path, by.split()[0], levels), "--out", str(out),
        )  # fmt: skip
        assert code == 0, err
        assert f"Wrote the {relation} review of Dana by {by} ({len(levels)} skills) to {out}" in err
        code, _, err = run(runner, "review", "add", str(out))
        assert code == 0, err
    return tmp_path


def test_acceptance_calibrate_flags_exactly_the_skills_two_levels_from_agreed(
    runner: CliRunner, reviewed: Path
) -> None:
    code, out, err = run(runner, "calibrate", "--json")
    assert code == 0, err
    doc = json.loads(out)
    jsonschema.validate(doc, schema("calibration"), cls=jsonschema.Draft202012Validator)
    rows = {row["skill"]: row for row in doc["skills"]}
    agreed = {skill: row["agreed"] for skill, row in rows.items()}
    # the default rule: the manager's level where there is one, else the peers' median, else self
    expected_agreed = {skill: MANAGER.get(skill, SELF.get(skill)) for skill in SELF}
    assert {s: agreed[s] for s in SELF} == expected_agreed
    expected = sorted(s for s in SELF if abs(SELF[s] - expected_agreed[s]) >= 2)
    assert expected == ["sql", "system-design"]
    assert sorted(doc["flagged"]) == expected
    assert sorted(s for s, row in rows.items() if row["flagged"]) == expected
    assert rows["sql"]["peers"] == [3, 2] and rows["sql"]["peers_median"] == 2
    assert [r["rater"] for r in doc["reviews"]] == ["Sam Lee", "Ana", "Bo"]


def test_acceptance_plan_with_calibrated_levels_uses_the_agreed_levels_and_says_so(
    runner: CliRunner, reviewed: Path
) -> None:
    code, out, err = run(runner, "plan", "--levels", "calibrated", "--target", "senior", "--json")
    assert code == 0, err
    assert (
        "levels: calibrated (agreed levels from 3 reviews, manager rule; 4 skills differ from your own)"
        in err
    )
    steps = json.loads(out)["steps"]
    sql = [s for s in steps if s["skill"] == "sql"]
    assert sql[0]["from"] == 2  # the agreed 2, not the self rating 4
    design = [s for s in steps if s["skill"] == "system-design"]
    assert design[0]["from"] == 3
    code, out, err = run(runner, "plan", "--levels", "self", "--target", "senior", "--json")
    assert "levels: self (your own ratings)" in err
    assert not [s for s in json.loads(out)["steps"] if s["skill"] == "sql"]  # self 4 meets senior's 4
    code, _, err = run(runner, "match", "--levels", "calibrated", "--json")
    assert code == 0 and "levels: calibrated" in err


def test_calibrated_levels_need_a_review(runner: CliRunner, tmp_path: Path) -> None:
    run(
        runner, "assess", "--current", "mid", "--target", "senior", "--answers", answers(tmp_path, "me", SELF)
    )
    code, _, err = run(runner, "plan", "--levels", "calibrated")
    assert code == 2 and "--levels calibrated: no reviews are attached to" in err
    code, _, err = run(runner, "calibrate")
    assert code == 1 and "no reviews are attached to" in err


def test_calibrate_prints_a_table_with_the_gaps_to_discuss(runner: CliRunner, reviewed: Path) -> None:
    code, out, _ = run(runner, "calibrate")
    assert code == 0
    assert re.search(r"\| SQL +\| 4 +\| 2 +\| 3 2 +\| 2 +\| 2 +\| \+2 discuss", out)
    assert "To discuss (self 2 or more levels from agreed): SQL, System design." in out
    code, out, _ = run(runner, "calibrate", "--rule", "lowest", "--json")
    assert json.loads(out)["rule"] == "lowest"


def test_review_list_and_remove(runner: CliRunner, reviewed: Path) -> None:
    code, out, _ = run(runner, "review", "list", "--json")
    doc = json.loads(out)
    jsonschema.validate(doc, schema("reviews"), cls=jsonschema.Draft202012Validator)
    names = [r["name"] for r in doc["reviews"]]
    assert len(names) == 3 and names[0].startswith("manager-sam-lee-")
    code, _, err = run(runner, "review", "remove", names[0])
    assert code == 0 and f"Removed the review {names[0]}; it is kept as" in err
    code, _, err = run(runner, "review", "remove", names[1][:-1] + "9")
    assert code == 2 and f"no such review; did you mean {names[1]} or" in err


def test_a_review_for_another_kb_is_refused(runner: CliRunner, tmp_path: Path, mini_kb: Path) -> None:
    out = tmp_path / "r.yaml"
    code, _, err = run(
        runner, "--kb", str(mini_kb), "assess", "--rater", "peer", "--for", "Dana", "--by", "Ana",
        "--set", "sql=2", "--out", str(out),
    )  # fmt: skip
    assert code == 0, err
    code, _, err = run(runner, "review", "add", str(out))
    assert code == 2 and f"careerctl: {out}: was made with another knowledge base" in err


def test_a_review_needs_for_by_and_out(runner: CliRunner, tmp_path: Path) -> None:
    code, _, err = run(
        runner, "assess", "--rater", "manager", "--set", "sql=2", "--out", str(tmp_path / "r.yaml")
    )
    assert code == 2 and "--for: name whose skills this review rates" in err
    code, _, err = run(runner, "assess", "--rater", "manager", "--for", "Dana", "--set", "sql=2")
    assert code == 2 and "--by: name who is rating" in err


def test_evidence_add_list_and_the_level_check(runner: CliRunner, tmp_path: Path) -> None:
    code, _, err = run(runner, "evidence", "add", "sql", "Rewrote the report query", "--level", "4",
                       "--link", "https://example.org/pr/1", "--date", "2026-10-02")  # fmt: skip
    assert code == 0 and "Added evidence for SQL to" in err and "(1 entry)" in err
    code, _, err = run(runner, "evidence", "add", "sqll", "x")
    assert code == 2 and "unknown skill; did you mean sql?" in err
    code, _, err = run(runner, "evidence", "add", "sql", "x", "--link", "javascript:alert(1)")
    assert code == 2 and "--link: must be an http:// or https:// address" in err
    code, out, _ = run(runner, "evidence", "list", "--skill", "SQL", "--json")
    doc = json.loads(out)
    jsonschema.validate(doc, schema("evidence"), cls=jsonschema.Draft202012Validator)
    assert [(e["skill"], e["level"], e["link"]) for e in doc["evidence"]] == [
        ("sql", 4, "https://example.org/pr/1")
    ]


def test_hostile_review_and_evidence_text_reaches_no_terminal(runner: CliRunner, reviewed: Path) -> None:
    code, _, err = run(runner, "evidence", "add", "sql", f"did {NASTY}")
    assert code == 0, err
    review = reviewed / "nasty.yaml"
    run(runner, "assess", "--rater", "peer", "--for", f"Dana {NASTY}", "--by", f"Eve {NASTY}",
        "--set", "sql=1", "--out", str(review))  # fmt: skip
    code, _, err = run(runner, "review", "add", str(review))
    assert code == 0, err
    for args in (["evidence", "list"], ["review", "list"], ["calibrate"]):
        code, out, err = run(runner, *args)
        assert code == 0
        assert "\x1b" not in out + err and "\x07" not in out + err
        assert "[bold red]boo[/bold red]" in out  # Rich markup printed as text, not obeyed
    md = reviewed / "p.md"
    code, _, err = run(runner, "report", "--format", "packet", "--target", "senior", "-o", str(md))
    assert code == 0, err
    text = md.read_text()
    assert "<script>" not in text and "\x1b" not in text and "\\<script\\>" in text


def test_acceptance_the_packet_renders_with_evidence_and_the_radar(runner: CliRunner, reviewed: Path) -> None:
    run(runner, "evidence", "add", "sql", "Tuned the ledger queries", "--date", "2026-11-02",
        "--link", "https://example.org/pr/7")  # fmt: skip
    out = reviewed / "p.html"
    code, _, err = run(
        runner, "report", "--format", "packet", "--name", "Dana", "--target", "senior", "-o", str(out)
    )
    assert code == 0, err
    assert "levels: calibrated" in err and f"Wrote html promotion packet to {out}" in err
    text = out.read_text()
    root = ET.fromstring(text.split("\n", 1)[1])
    assert root.find(".//script") is None
    radar = root.find(".//svg[@class='radar packet']")
    assert radar is not None
    polygons = [p.get("class") for p in radar.iter("polygon") if p.get("class") != "ring"]
    assert polygons == ["target", "manager", "self"]
    words = " ".join(root.itertext())
    assert re.search(r"2026-11-02\s+Tuned the ledger queries", words)
    assert [a.get("href") for a in root.iter("a") if a.text == "link"] == ["https://example.org/pr/7"]
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        return
    shot = reviewed / "packet.png"
    profile = reviewed / "chromium-profile"
    subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={profile}",
         f"--screenshot={shot}", "--window-size=1200,1600", out.as_uri()],
        capture_output=True, timeout=120, check=False, env={**os.environ, "HOME": str(reviewed)},
    )  # fmt: skip
    assert shot.is_file() and shot.stat().st_size > 20_000  # a page was drawn, not a blank


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_evidence_scan_json_and_accept(runner: CliRunner, tmp_path: Path) -> None:
    from test_scan import DANA, build_repo

    repo = build_repo(tmp_path / "billing")
    code, out, err = run(
        runner, "evidence", "scan", str(repo), "--author", DANA, "--accept", "ci-cd", "--json"
    )
    assert code == 0, err
    doc = json.loads(out)
    jsonschema.validate(doc, schema("scan"), cls=jsonschema.Draft202012Validator)
    found = {s["skill"]: s for s in doc["suggestions"]}
    assert found["ci-cd"]["commits"] == 2 and found["containers"]["commits"] == 3
    assert doc["repos"][0]["your_commits"] == 6 and doc["repos"][0]["all_commits"] == 14
    assert doc["accepted"] == ["ci-cd"]
    code, out, _ = run(runner, "evidence", "list", "--json")
    (entry,) = json.loads(out)["evidence"]
    assert entry["skill"] == "ci-cd" and entry["source"] == "scan"
    assert entry["what"] == "2 commits touching *.yml in billing (evidence scan)"
    code, _, err = run(runner, "evidence", "scan", str(repo), "--author", DANA, "--accept", "sql")
    assert code == 2 and "--accept: sql: the scan suggests nothing for it" in err


def test_the_level_four_check_after_assess_counts_the_evidence_log(runner: CliRunner, tmp_path: Path) -> None:
    claims = answers(tmp_path, "me", {"sql": 4, "programming-languages": 4})
    code, out, _ = run(
        runner, "assess", "--current", "mid", "--target", "senior", "--answers", claims, "--json"
    )
    unbacked = [w for w in json.loads(out)["warnings"] if "no note or evidence" in w]
    assert sorted(unbacked) == [
        "Programming languages 4 is claimed with no note or evidence",
        "SQL 4 is claimed with no note or evidence",
    ]
    run(runner, "evidence", "add", "sql", "Designed the ledger schema and its indexes", "--level", "4")
    code, out, _ = run(
        runner, "assess", "--current", "mid", "--target", "senior", "--answers", claims, "--json"
    )
    unbacked = [w for w in json.loads(out)["warnings"] if "no note or evidence" in w]
    assert unbacked == ["Programming languages 4 is claimed with no note or evidence"]
