"""The evidence log: entries checked on the way in, the file's errors, and the level-4 check counting it."""

from __future__ import annotations

from pathlib import Path

import pytest

from careerctl.assess import check_levels
from careerctl.errors import InputError
from careerctl.evidence import Evidence, for_skill, new_evidence, supporting_counts
from careerctl.kb.load import load_kb
from careerctl.model import KnowledgeBase
from careerctl.records import add_evidence, evidence_path, read_evidence
from ladder import write_ladder


@pytest.fixture
def kb(tmp_path: Path) -> KnowledgeBase:
    return load_kb(write_ladder(tmp_path / "ladder")).kb


def test_evidence_is_added_beside_the_profile_and_listed_newest_first(
    tmp_path: Path, kb: KnowledgeBase
) -> None:
    log = evidence_path(tmp_path / "dana.yaml")
    assert log == tmp_path / "dana.evidence.yaml"
    first = new_evidence(
        kb, "SQL", "Tuned  the\nbilling report query", "2026-10-02", 3, "https://example.com/pr/1"
    )
    second = new_evidence(kb, "coding", "Wrote the importer", "2026-11-20")
    add_evidence(log, [first])
    add_evidence(log, [second, first])  # the same entry is not added twice
    items = read_evidence(log)
    assert items == [first, second]
    assert first.what == "Tuned the billing report query"
    assert for_skill(items, None) == [second, first]
    assert for_skill(items, "sql") == [first]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("sqll", "x", "2026-01-01"), "SKILL: sqll: unknown skill; did you mean sql?"),
        (("sql", "  ", "2026-01-01"), "what: must say what you did"),
        (("sql", "x", "yesterday"), "--date: must be a date like 2026-12-01, not 'yesterday'"),
        (("sql", "x", "2026-01-01", 9), "--level: level 9 is outside 1..5"),
        (
            ("sql", "x", "2026-01-01", None, "javascript:alert(1)"),
            "--link: must be an http:// or https:// address",
        ),
        (("sql", "x", "2026-01-01", None, 'https://a.example/"><script>'), "--link: must be an http"),
    ],
)
def test_bad_entries_are_refused_with_the_option_named(kb: KnowledgeBase, args: tuple, message: str) -> None:
    with pytest.raises(InputError) as caught:
        new_evidence(kb, *args)
    assert message in str(caught.value)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("version: 1\nevidence:\n  - {skill: sql, what: x}\n", ":3: evidence[0].date: is missing"),
        (
            "version: 1\nevidence:\n  - skill: sql\n    what: x\n    date: 2026-13-01\n",
            ":5: evidence[0].date: must be a date",
        ),
        (
            "version: 1\nevidence:\n  - skill: sql\n    what: x\n    date: 2026-01-01\n    link: ftp://x\n",
            ":6: evidence[0].link: must be an http",
        ),
        ("version: 2\nevidence: []\n", ":1: version: must be 1 (found 2)"),
        (
            "version: 1\nevidence:\n  - skill: sql\n    what: x\n    date: 2026-01-01\n    stars: 5\n",
            ":6: evidence[0].stars: unknown key",
        ),
    ],
)
def test_a_broken_log_names_the_file_line_and_key(tmp_path: Path, text: str, message: str) -> None:
    log = tmp_path / "p.evidence.yaml"
    log.write_text(text)
    with pytest.raises(InputError) as caught:
        read_evidence(log)
    assert f"{log}{message}" in str(caught.value)


def test_only_evidence_at_the_claimed_level_or_without_one_backs_a_claim() -> None:
    items = [
        Evidence("sql", "a", "2026-01-01", level=2),
        Evidence("sql", "b", "2026-01-01", level=4),
        Evidence("sql", "c", "2026-01-01"),
        Evidence("coding", "d", "2026-01-01", level=3),
    ]
    assert supporting_counts(items, {"sql": 4, "coding": 4}) == {"sql": 2}


def test_the_level_four_check_counts_evidence(kb: KnowledgeBase) -> None:
    levels = {"coding": 4, "sql": 4, "testing": 1, "design": 0}
    items = [Evidence("sql", "Designed the ledger schema", "2026-01-01", level=4)]
    found = check_levels(kb, levels, {}, {}, "2026-12-01T00:00:00Z", 183, supporting_counts(items, levels))
    assert [w.message for w in found] == ["Coding 4 is claimed with no note or evidence"]


def test_a_kb_declares_evidence_globs_per_skill(tmp_path: Path) -> None:
    from careerctl.errors import InvalidKB
    from kbfiles import MINI_ROLES, MINI_SKILLS, write_kb

    declared = MINI_SKILLS.replace(
        "    requires: {coding: 1}\n",
        '    requires: {coding: 1}\n    evidence: ["*.sql", "db/migrations/**"]\n',
    )
    kb = load_kb(write_kb(tmp_path / "ok", declared, MINI_ROLES)).kb
    assert kb.skills["sql"].evidence == ("*.sql", "db/migrations/**")
    assert kb.skills["coding"].evidence == ()
    broken = declared.replace('"db/migrations/**"', '"../secrets/*"')
    with pytest.raises(InvalidKB) as caught:
        load_kb(write_kb(tmp_path / "bad", broken, MINI_ROLES))
    assert "skills.yaml:17: error: sql.evidence: glob '../secrets/*' must be a relative path" in str(
        caught.value
    )
