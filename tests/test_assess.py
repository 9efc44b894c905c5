"""The assessment flow through a scripted Prompter: what is asked, in what order, and what is saved."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from careerctl.assess import (
    BACK,
    NOTE,
    Change,
    Options,
    ReviewRow,
    build_progress,
    check_levels,
    latest_levels,
    latest_notes,
    resumable,
    role_menu,
    run_assessment,
    skills_to_ask,
)
from careerctl.kb.load import load_kb
from careerctl.model import KnowledgeBase, Profile, Role, Skill
from ladder import write_ladder


@pytest.fixture
def kb(tmp_path: Path) -> KnowledgeBase:
    return load_kb(write_ladder(tmp_path / "ladder")).kb


class Script:
    """A Prompter that answers from lists and records every question it was asked."""

    def __init__(
        self,
        roles: Sequence[str] = (),
        levels: Sequence[int] = (),
        notes: Sequence[str] = (),
        confirms: Sequence[bool] = (),
        interrupt_after: int | None = None,
        reviews: Sequence[str | None] = (),
    ) -> None:
        self.roles, self.levels, self.notes, self.confirms = (
            list(roles),
            list(levels),
            list(notes),
            list(confirms),
        )
        self.interrupt_after = interrupt_after
        self.reviews = list(reviews)  # what the review screen picks, in turn; then None (save)
        self.reviewed: list[list[tuple[str, int, str]]] = []
        self.told: list[str] = []
        self.asked: list[tuple[str, int, int, int]] = []  # (skill, index, total, default)
        self.role_defaults: list[str] = []
        self.note_defaults: list[str] = []
        self.confirmed: list[str] = []

    def choose_role(self, message: str, roles: Sequence[Role], default: str) -> str:
        self.role_defaults.append(default)
        return self.roles.pop(0) if self.roles else default

    def confirm(self, message: str, default: bool) -> bool:
        self.confirmed.append(message)
        return self.confirms.pop(0)

    def rate_skill(self, skill: Skill, index: int, total: int, default: int) -> int:
        if self.interrupt_after is not None and len(self.asked) == self.interrupt_after:
            raise KeyboardInterrupt
        self.asked.append((skill.id, index, total, default))
        return self.levels.pop(0) if self.levels else default

    def note(self, skill: Skill, default: str) -> str:
        self.note_defaults.append(default)
        return self.notes.pop(0) if self.notes else default

    def review(self, rows: Sequence[ReviewRow]) -> str | None:
        self.reviewed.append([(r.skill.id, r.level, r.note) for r in rows])
        return self.reviews.pop(0) if self.reviews else None

    def tell(self, message: str) -> None:
        self.told.append(message)


class Saves:
    """The save callback: keeps every profile it was handed, as the file would."""

    def __init__(self) -> None:
        self.profiles: list[Profile] = []

    def __call__(self, profile: Profile) -> None:
        self.profiles.append(profile)

    @property
    def last(self) -> Profile:
        return self.profiles[-1]


def assess(
    kb: KnowledgeBase, profile: Profile, prompter: Script | None, saves: Saves, **options: object
) -> Profile:
    return run_assessment(kb, profile, prompter, saves, "2026-05-01T10:00:00Z", Options(**options)).profile  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("current", "target", "every", "expected"),
    [
        ("junior", "mid", False, ["coding", "sql", "testing"]),
        ("junior", "senior", False, ["coding", "sql", "testing", "design"]),  # mid lies between them
        ("mid", "mid", False, ["coding", "sql", "testing"]),
        ("senior", "junior", False, ["coding", "sql", "testing", "design"]),  # no route: both roles
        ("junior", "mid", True, ["coding", "sql", "testing", "design"]),
    ],
)
def test_skills_to_ask_are_those_of_current_target_and_between(
    kb: KnowledgeBase, current: str, target: str, every: bool, expected: list[str]
) -> None:
    assert skills_to_ask(kb, current, target, {}, every) == expected


def test_roles_are_asked_then_each_skill_with_progress_and_level_zero_by_default(kb: KnowledgeBase) -> None:
    script, saves = Script(roles=["junior", "mid"], levels=[2, 1, 0]), Saves()
    profile = assess(kb, Profile(), script, saves)
    assert script.asked == [("coding", 1, 3, 0), ("sql", 2, 3, 0), ("testing", 3, 3, 0)]
    last = profile.assessments[-1]
    assert (profile.current, profile.target, last.complete) == ("junior", "mid", True)
    assert last.levels == {"coding": 2, "sql": 1, "testing": 0}
    assert last.kb == kb.identity and last.at == "2026-05-01T10:00:00Z"


def test_the_default_target_is_the_next_rung(kb: KnowledgeBase) -> None:
    script = Script(roles=["junior"])
    assess(kb, Profile(), script, Saves())
    assert script.role_defaults[1] == "mid"


def test_each_answer_is_saved_as_it_is_given(kb: KnowledgeBase) -> None:
    saves = Saves()
    assess(
        kb,
        Profile(),
        Script(levels=[2, NOTE, 1, 3], notes=["wrote the report queries"]),
        saves,
        current="junior",
        target="mid",
    )
    answered = [len(p.assessments[-1].levels) for p in saves.profiles]
    assert answered == [1, 1, 2, 3, 3]  # a save per level, one for the note, then the finished assessment
    assert [p.assessments[-1].complete for p in saves.profiles] == [False] * 4 + [True]
    assert saves.last.assessments[-1].notes == {"sql": "wrote the report queries"}


def test_a_reassessment_starts_from_the_previous_answers_and_notes(kb: KnowledgeBase) -> None:
    first = assess(
        kb,
        Profile(),
        Script(levels=[NOTE, 2, 1, 3], notes=["shipped a CLI"]),
        Saves(),
        current="junior",
        target="mid",
    )
    script = Script(levels=[NOTE, 3], notes=["shipped a CLI"])
    second = assess(kb, first, script, Saves(), current="junior", target="mid")
    assert [default for *_, default in script.asked] == [2, 2, 1, 3]
    assert script.note_defaults == ["shipped a CLI"]
    assert len(second.assessments) == 2 and latest_levels(second) == {"coding": 3, "sql": 1, "testing": 3}
    assert latest_notes(second) == {"coding": "shipped a CLI"}


def test_the_saved_target_is_the_default_while_the_current_role_is_unchanged(kb: KnowledgeBase) -> None:
    first = assess(kb, Profile(), Script(), Saves(), current="junior", target="senior")
    script = Script()
    assess(kb, first, script, Saves())
    assert script.role_defaults == ["junior", "senior"]


def test_given_levels_skip_their_questions(kb: KnowledgeBase) -> None:
    script = Script(levels=[1])
    profile = assess(
        kb, Profile(), script, Saves(), current="junior", target="mid", given={"coding": 4, "sql": 2}
    )
    assert [skill for skill, *_ in script.asked] == ["testing"]
    assert profile.assessments[-1].levels == {"coding": 4, "sql": 2, "testing": 1}


def test_a_given_skill_outside_the_roles_joins_the_assessment(kb: KnowledgeBase) -> None:
    profile = assess(kb, Profile(), Script(), Saves(), current="junior", target="mid", given={"design": 1})
    assert profile.assessments[-1].skills == ("coding", "sql", "testing", "design")


def test_without_a_terminal_unanswered_skills_keep_their_previous_level_else_zero(kb: KnowledgeBase) -> None:
    before = assess(kb, Profile(), None, Saves(), current="junior", target="mid", given={"coding": 3})
    assert before.assessments[-1].levels == {"coding": 3, "sql": 0, "testing": 0}
    outcome = run_assessment(
        kb, before, None, Saves(), "2026-06-01T10:00:00Z", Options("junior", "mid", given={"sql": 2})
    )
    assert outcome.assessment.levels == {"coding": 3, "sql": 2, "testing": 0}
    assert outcome.kept == ["coding", "testing"]


def test_ctrl_c_keeps_the_answers_and_the_next_run_offers_to_resume(kb: KnowledgeBase) -> None:
    saves = Saves()
    with pytest.raises(KeyboardInterrupt):
        assess(
            kb,
            Profile(),
            Script(levels=[2, 2, 2, 2], interrupt_after=3),
            saves,
            current="junior",
            target="senior",
        )
    kept = saves.last
    assert (
        kept.assessments[-1].levels == {"coding": 2, "sql": 2, "testing": 2}
        and not kept.assessments[-1].complete
    )
    assert resumable(kept) is kept.assessments[-1]
    script = Script(confirms=[True], levels=[1])
    outcome = run_assessment(kb, kept, script, Saves(), "2026-05-02T09:00:00Z", Options())
    assert outcome.resumed and script.asked == [("design", 4, 4, 0)]
    assert "Junior Dev -> Senior Dev: 3 of 4 answered" in script.confirmed[0]
    assert len(outcome.profile.assessments) == 1 and outcome.assessment.at == "2026-05-01T10:00:00Z"
    assert outcome.assessment.levels == {"coding": 2, "sql": 2, "testing": 2, "design": 1}


def test_declining_to_resume_starts_a_new_assessment_from_those_answers(kb: KnowledgeBase) -> None:
    saves = Saves()
    with pytest.raises(KeyboardInterrupt):
        assess(kb, Profile(), Script(levels=[4], interrupt_after=1), saves, current="junior", target="mid")
    script = Script(confirms=[False])
    outcome = run_assessment(kb, saves.last, script, Saves(), "2026-05-02T09:00:00Z", Options())
    assert not outcome.resumed and len(outcome.profile.assessments) == 2
    assert script.asked[0] == ("coding", 1, 3, 4)
    assert not outcome.profile.assessments[0].complete  # kept in the history, marked unfinished


def test_other_roles_on_the_command_line_do_not_offer_to_resume(kb: KnowledgeBase) -> None:
    saves = Saves()
    with pytest.raises(KeyboardInterrupt):
        assess(kb, Profile(), Script(interrupt_after=1), saves, current="junior", target="mid")
    script = Script()
    assess(kb, saves.last, script, Saves(), current="mid", target="senior")
    assert script.confirmed == []


def test_an_interrupt_before_any_answer_leaves_nothing_to_resume(kb: KnowledgeBase) -> None:
    saves = Saves()
    with pytest.raises(KeyboardInterrupt):
        assess(kb, Profile(), Script(interrupt_after=0), saves, current="junior", target="mid")
    assert saves.profiles == []


def test_notes_are_one_line_and_blank_notes_are_dropped(kb: KnowledgeBase) -> None:
    profile = assess(
        kb,
        Profile(),
        Script(levels=[NOTE, 0, NOTE, 0], notes=["  led the\tmigration  ", "   "]),
        Saves(),
        current="junior",
        target="mid",
    )
    assert profile.assessments[-1].notes == {"coding": "led the migration"}


def test_role_menu_lists_the_largest_track_first_then_by_rung(kb: KnowledgeBase) -> None:
    assert [r.id for r in role_menu(kb)] == ["junior", "mid", "senior"]


def test_progress_shows_levels_per_assessment_readiness_and_latest_changes(kb: KnowledgeBase) -> None:
    first = assess(kb, Profile(), Script(levels=[1, 1, 0]), Saves(), current="junior", target="mid")
    second = assess(
        kb,
        first,
        Script(levels=[2, 1, 2, 1], confirms=[False]),
        Saves(),
        current="junior",
        target="senior",
        every=True,
    )
    result = build_progress(kb, second)
    assert result.target == "senior"
    # senior: coding 3, sql 3, testing 3 (weight 3 each), design 2 (weight 5): total 37
    assert [p.readiness for p in result.points] == [pytest.approx(6 / 37), pytest.approx(20 / 37)]
    assert [(t.skill, t.levels, t.now) for t in result.trends] == [
        ("coding", [1, 2], 2),
        ("sql", [1, 1], 1),
        ("testing", [0, 2], 2),
        ("design", [None, 1], 1),
    ]
    assert result.changes == [Change("coding", 1, 2), Change("testing", 0, 2), Change("design", None, 1)]


def test_the_assessment_core_and_the_store_import_no_ui_library() -> None:
    import subprocess
    import sys

    code = (
        "import sys, careerctl.assess, careerctl.store\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('typer', 'click', 'rich', 'questionary', 'prompt_toolkit')))"
    )
    assert (
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
        == "[]\n"
    )


def test_back_returns_to_the_previous_question_whose_answer_can_change(kb: KnowledgeBase) -> None:
    script = Script(levels=[1, BACK, 3, 2, 0])
    profile = assess(kb, Profile(), script, Saves(), current="junior", target="mid")
    assert [(skill, index) for skill, index, *_ in script.asked] == [
        ("coding", 1),
        ("sql", 2),
        ("coding", 1),  # back: coding again, showing the answer given
        ("sql", 2),
        ("testing", 3),
    ]
    assert script.asked[2][3] == 1
    assert profile.assessments[-1].levels == {"coding": 3, "sql": 2, "testing": 0}


def test_the_review_screen_lists_every_answer_and_changes_one_before_saving(kb: KnowledgeBase) -> None:
    script = Script(levels=[1, 2, 3, 4], reviews=["sql"])
    saves = Saves()
    profile = assess(kb, Profile(), script, saves, current="junior", target="mid")
    assert script.reviewed[0] == [("coding", 1, ""), ("sql", 2, ""), ("testing", 3, "")]
    assert script.reviewed[1] == [("coding", 1, ""), ("sql", 4, ""), ("testing", 3, "")]
    assert profile.assessments[-1].levels == {"coding": 1, "sql": 4, "testing": 3}
    assert profile.assessments[-1].complete and not saves.profiles[-2].assessments[-1].complete


def test_the_start_says_how_many_questions_and_about_how_long(kb: KnowledgeBase) -> None:
    script = Script()
    assess(kb, Profile(), script, Saves(), current="junior", target="senior")
    assert script.told == ["4 questions, about 1 minute: 0-5 answers, \u2190 goes back, n adds a note."]


def test_skills_option_rerates_only_those(kb: KnowledgeBase) -> None:
    first = assess(kb, Profile(), Script(levels=[1, 1, 1]), Saves(), current="junior", target="mid")
    script = Script(levels=[3])
    second = assess(kb, first, script, Saves(), current="junior", target="mid", skills=("sql",))
    assert [skill for skill, *_ in script.asked] == ["sql"]
    assert latest_levels(second) == {"coding": 1, "sql": 3, "testing": 1}


def test_quick_asks_only_the_targets_heavy_skills_and_says_what_it_skipped(kb: KnowledgeBase) -> None:
    script = Script()
    run = run_assessment(
        kb, Profile(), script, Saves(), "2026-05-01T10:00:00Z", Options("junior", "senior", quick=True)
    )
    assert [skill for skill, *_ in script.asked] == ["design"]  # weight 5; the others weigh 3
    assert run.skipped == ["coding", "sql", "testing"]
    assert script.told[0].startswith("3 relevant skill(s) not asked")


def test_a_reassessment_offers_only_new_and_stale_skills(kb: KnowledgeBase) -> None:
    old = run_assessment(
        kb, Profile(), Script(levels=[1, 1, 1]), Saves(), "2025-01-01T10:00:00Z", Options("junior", "mid")
    ).profile
    recent = run_assessment(
        kb,
        old,
        Script(levels=[2], confirms=[False]),
        Saves(),
        "2026-04-01T10:00:00Z",
        Options("junior", "mid", skills=("sql",)),
    ).profile
    script = Script(levels=[4, 5], confirms=[True])
    after = run_assessment(
        kb, recent, script, Saves(), "2026-05-01T10:00:00Z", Options("junior", "senior")
    ).profile
    assert "Ask only the 3 skills that are new or rated over 6 months ago" in script.confirmed[0]
    assert [skill for skill, *_ in script.asked] == ["coding", "testing", "design"]
    assert latest_levels(after)["sql"] == 2


@pytest.mark.parametrize(
    ("levels", "notes", "expected"),
    [
        ({"s0": 1, "s1": 3}, {}, ["S1 3 needs S0 2 first, and it is rated 1"]),
        ({"s0": 2, "s1": 3}, {}, []),
        ({"s0": 4}, {}, ["S0 4 is claimed with no note or evidence"]),
        ({"s0": 4}, {"s0": "wrote the parser"}, []),
    ],
)
def test_checks_after_the_assessment(
    levels: dict[str, int], notes: dict[str, str], expected: list[str]
) -> None:
    from careerctl.model import KnowledgeBase as KB

    kb = KB(skills={"s0": _skill("s0"), "s1": _skill("s1", {3: {"s0": 2}})}, roles={})
    found = check_levels(kb, levels, notes, {}, "2026-05-01T10:00:00Z", 183)
    assert [w.message for w in found] == expected


def test_checks_warn_when_almost_every_answer_is_the_same_and_when_ratings_are_old() -> None:
    from careerctl.model import KnowledgeBase as KB

    skills = {f"s{i}": _skill(f"s{i}") for i in range(6)}
    kb = KB(skills=skills, roles={})
    same = check_levels(kb, {s: 3 for s in skills}, {}, {}, "2026-05-01T10:00:00Z", 183)
    assert [w.message for w in same] == [
        "6 of 6 skills are rated 3: matches and plans are unreliable when almost every answer is the same"
    ]
    rated = {"s0": "2025-01-01T10:00:00Z", "s1": "2026-04-30T10:00:00Z"}
    old = check_levels(kb, {"s0": 2, "s1": 1}, {}, rated, "2026-05-01T10:00:00Z", 183)
    assert [w.message for w in old] == [
        "1 rating(s) are over 6 months old (S0): `careerctl assess` offers to ask only those"
    ]


def _skill(skill_id: str, requires: dict[int, dict[str, int]] | None = None) -> Skill:
    return Skill(skill_id, skill_id.upper(), "c", "", ("a", "b", "c", "d", "e"), requires or {}, (1,) * 5, ())
