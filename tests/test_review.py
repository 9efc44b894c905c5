"""Review files: their format and errors, attaching them beside the profile, and assessing someone else."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from careerctl.assess import Options, run_assessment
from careerctl.errors import InputError
from careerctl.kb.load import load_kb
from careerctl.model import KnowledgeBase, Profile, Role, Skill
from careerctl.records import (
    add_review,
    dump_review,
    list_reviews,
    read_review,
    remove_review,
    reviews_dir,
    write_review,
)
from careerctl.review import Rating, Review, check_relation, review_of
from ladder import write_ladder

AT = "2026-12-01T10:00:00Z"


@pytest.fixture
def kb(tmp_path: Path) -> KnowledgeBase:
    return load_kb(write_ladder(tmp_path / "ladder")).kb


def review_text(
    kb: KnowledgeBase, body: str = "ratings: {sql: 3, coding: {level: 4, note: Led the rewrite}}\n"
) -> str:
    return (
        f"version: 1\nrater: Sam Lee\nrelation: manager\nfor: Dana\nat: 2026-12-01\n"
        f"kb: {kb.identity}\nkb_name: ''\n{body}"
    )


def test_a_review_file_round_trips(tmp_path: Path, kb: KnowledgeBase) -> None:
    source = tmp_path / "r.yaml"
    source.write_text(review_text(kb))
    review = read_review(source)
    assert review.rater == "Sam Lee" and review.relation == "manager" and review.subject == "Dana"
    assert review.at == "2026-12-01T00:00:00Z"
    assert review.ratings == {"sql": Rating(3), "coding": Rating(4, "Led the rewrite")}
    again = tmp_path / "again.yaml"
    write_review(again, review)
    assert read_review(again) == review
    text = dump_review(review).decode()
    assert "ratings:\n  sql: 3\n  coding:\n    level: 4\n    note: Led the rewrite\n" in text


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("ratings: {sql: 7}\n", ":8: ratings.sql: level 7 is outside 0..5"),
        (
            "ratings: {sql: {level: 2, grade: A}}\n",
            ":8: ratings.sql.grade: unknown key (expected level, note)",
        ),
        ("ratings: [sql]\n", ":8: ratings: must map skill ids to levels 0..5 (a list)"),
        ("ratings: {sql: 2}\nmood: good\n", ":9: mood: unknown key"),
    ],
)
def test_a_broken_review_names_the_file_line_and_key(
    tmp_path: Path, kb: KnowledgeBase, body: str, message: str
) -> None:
    source = tmp_path / "r.yaml"
    source.write_text(review_text(kb, body))
    with pytest.raises(InputError) as caught:
        read_review(source)
    assert f"{source}{message}" in str(caught.value)


def test_a_bad_relation_is_named(tmp_path: Path, kb: KnowledgeBase) -> None:
    source = tmp_path / "r.yaml"
    source.write_text(review_text(kb).replace("relation: manager", "relation: boss"))
    with pytest.raises(
        InputError, match=r"r.yaml:3: relation: must be one of self, manager, peer, not 'boss'"
    ):
        read_review(source)
    with pytest.raises(InputError, match="--rater: must be one of self, manager, peer"):
        check_relation("boss")


def test_review_add_list_and_remove_keep_files_beside_the_profile(tmp_path: Path, kb: KnowledgeBase) -> None:
    profile = tmp_path / "team" / "dana.yaml"
    source = tmp_path / "from-sam.yaml"
    source.write_text(review_text(kb))
    name, review, note = add_review(profile, source, kb)
    assert (name, note) == ("manager-sam-lee-2026-12-01", None)
    assert (reviews_dir(profile) / f"{name}.yaml").is_file()
    assert list_reviews(profile) == {name: review}
    with pytest.raises(InputError, match="is already attached as manager-sam-lee-2026-12-01"):
        add_review(profile, source, kb)
    moved = remove_review(profile, name)
    assert moved.parent == tmp_path / "team" / "backups" and moved.is_file()
    assert list_reviews(profile) == {}
    with pytest.raises(InputError, match="no such review"):
        remove_review(profile, name)


def test_a_review_from_another_kb_is_named_and_refused(tmp_path: Path, kb: KnowledgeBase) -> None:
    source = tmp_path / "r.yaml"
    source.write_text(
        review_text(kb)
        .replace(kb.identity, "0123456789abcdef")
        .replace("kb_name: ''", "kb_name: Acme ladder")
    )
    with pytest.raises(InputError) as caught:
        add_review(tmp_path / "p.yaml", source, kb)
    assert "was made with another knowledge base (Acme ladder, identity 0123456789ab)" in str(caught.value)
    assert not reviews_dir(tmp_path / "p.yaml").exists()


def test_another_revision_of_the_same_named_kb_is_accepted_with_a_note(tmp_path: Path) -> None:
    from careerctl.model import About

    base = load_kb(write_ladder(tmp_path / "ladder")).kb
    import msgspec

    kb = msgspec.structs.replace(base, about=About(name="Ladder"))
    source = tmp_path / "r.yaml"
    source.write_text(
        review_text(kb).replace(kb.identity, "feedface").replace("kb_name: ''", "kb_name: Ladder")
    )
    _, _, note = add_review(tmp_path / "p.yaml", source, kb)
    assert note is not None and "another revision of Ladder" in note


class Script:
    """A Prompter answering from a list and recording the questions."""

    def __init__(self, levels: Sequence[int]) -> None:
        self.levels = list(levels)
        self.messages: list[str] = []

    def choose_role(self, message: str, roles: Sequence[Role], default: str) -> str:
        self.messages.append(message)
        return default

    def confirm(self, message: str, default: bool) -> bool:
        return default

    def rate_skill(self, skill: Skill, index: int, total: int, default: int) -> int:
        return self.levels.pop(0)

    def note(self, skill: Skill, default: str) -> str:
        return default

    def review(self, rows: object) -> str | None:
        return None

    def tell(self, message: str) -> None:
        self.messages.append(message)


def test_assessing_someone_else_asks_about_them_and_makes_a_review(kb: KnowledgeBase) -> None:
    script = Script([2, 1, 3])
    outcome = run_assessment(kb, Profile(), script, lambda p: None, AT, Options(subject="Dana", target="mid"))
    assert script.messages[0] == "Dana's current role?"
    review = review_of(outcome.assessment, "Sam Lee", "manager", "Dana", kb)
    assert review.levels() == {"coding": 2, "sql": 1, "testing": 3}
    assert review.kb == kb.identity and review.at == AT


def test_a_scripted_review_rates_only_what_the_answers_give(kb: KnowledgeBase) -> None:
    options = Options(current="junior", target="senior", given={"sql": 4}, subject="Dana")
    outcome = run_assessment(kb, Profile(), None, lambda p: None, AT, options)
    assert outcome.assessment.levels == {"sql": 4}
    assert outcome.assessment.skills == ("sql",)
    assert outcome.kept == []


def test_a_review_written_after_each_answer_survives_an_interrupt(tmp_path: Path, kb: KnowledgeBase) -> None:
    out = tmp_path / "review.yaml"

    def save(profile: Profile) -> None:
        write_review(out, review_of(profile.assessments[-1], "Sam", "peer", "Dana", kb))

    class Stops(Script):
        def rate_skill(self, skill: Skill, index: int, total: int, default: int) -> int:
            if not self.levels:
                raise KeyboardInterrupt
            return self.levels.pop(0)

    with pytest.raises(KeyboardInterrupt):
        run_assessment(kb, Profile(), Stops([3]), save, AT, Options("junior", "mid", subject="Dana"))
    assert read_review(out).levels() == {"coding": 3}


def test_hostile_text_in_a_review_is_kept_as_data(tmp_path: Path, kb: KnowledgeBase) -> None:
    review = Review(
        rater="[bold red]Sam\x1b[31m</td><script>",
        relation="peer",
        subject="Dana",
        at=AT,
        kb=kb.identity,
        kb_name="",
        ratings={"sql": Rating(2, "[link=file:///etc/passwd]x[/link] <img src=x onerror=alert(1)>")},
    )
    path = tmp_path / "h.yaml"
    write_review(path, review)
    assert read_review(path) == review


def test_a_review_of_an_earlier_kb_revision_carries_its_ratings_over_renames_and_splits() -> None:
    import msgspec

    from careerctl.model import About
    from careerctl.review import foreign_skills, review_in
    from factories import kb as make_kb
    from factories import skill

    base = make_kb([skill("containers"), skill("kubernetes"), skill("sql"), skill("linux")])
    renamed = {
        "containers": msgspec.structs.replace(
            base.skills["containers"], replaces=("containers-orchestration",)
        ),
        "kubernetes": msgspec.structs.replace(
            base.skills["kubernetes"], replaces=("containers-orchestration",)
        ),
        "linux": msgspec.structs.replace(base.skills["linux"], replaces=("linux-networking",)),
    }
    kb = msgspec.structs.replace(base, skills={**base.skills, **renamed}, about=About(name="Ladder"))
    old = Review(
        "Sam", "manager", "Dana", AT, "first-edition", "Ladder",
        {"containers-orchestration": Rating(3, "ran the cluster"), "linux-networking": Rating(2),
         "sql": Rating(4), "gone": Rating(1)},
    )  # fmt: skip
    assert foreign_skills(old, kb) == ["gone"]
    carried = review_in(kb, old)
    assert carried.ratings == {
        "sql": Rating(4),
        "containers": Rating(3, "ran the cluster"),
        "kubernetes": Rating(3, "ran the cluster"),
        "linux": Rating(2),
    }
