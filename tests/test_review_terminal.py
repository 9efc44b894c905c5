"""`careerctl assess --rater peer` in a real pseudo-terminal: third-person questions, a review file out."""

from __future__ import annotations

from pathlib import Path

import pytest

from careerctl.records import read_review
from ladder import write_ladder
from test_assess_terminal import CAREERCTL, Session

pytestmark = pytest.mark.skipif(CAREERCTL is None, reason="the careerctl script is not installed")


def test_a_peer_rates_dana_in_the_third_person_and_a_review_file_is_written(tmp_path: Path) -> None:
    write_ladder(tmp_path / "kb")
    out = tmp_path / "ana.yaml"
    session = Session(
        tmp_path, "assess", "--rater", "peer", "--for", "Dana", "--by", "Ana", "--current", "junior",
        "--target", "mid", "--out", str(out),
    )  # fmt: skip
    session.expect("(1/3) Coding: which best describes Dana?")
    session.send("2")
    session.expect("(2/3) SQL: which best describes Dana?")
    session.send("1")
    session.expect("(3/3) Testing: which best describes Dana?")
    session.send("3")
    session.save()
    code, rest = session.finish()
    assert code == 0, rest
    assert "Wrote the peer review of Dana by Ana (3 skills)" in rest
    review = read_review(out)
    assert (review.rater, review.relation, review.subject) == ("Ana", "peer", "Dana")
    assert review.levels() == {"coding": 2, "sql": 1, "testing": 3}
    assert not (tmp_path / "profile.yaml").exists()  # a review never touches the reviewer's profile
