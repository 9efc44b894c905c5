"""The self-assessment: which skills to ask about, asking them through a Prompter, and the history.

Pure: no I/O and no printing. The questions go through a `Prompter` (the terminal one lives in
prompts.py, tests pass a scripted one) and every answer is handed to a `save` callback the
moment it is given, so an interrupted assessment loses nothing and can be resumed.

A person's levels are the latest answer for each skill over all their assessments: an
assessment covers the skills of a few roles, and what it did not ask keeps its earlier answer.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

import msgspec

from careerctl.errors import NoResult
from careerctl.i18n import _, ngettext
from careerctl.model import Assessment, KnowledgeBase, Profile, Role, Skill

Save = Callable[[Profile], None]


class Prompter(Protocol):
    """Asks the person; each method returns their answer or raises KeyboardInterrupt."""

    def choose_role(self, message: str, roles: Sequence[Role], default: str) -> str:
        """One role id picked from `roles`, starting on `default`."""
        ...

    def confirm(self, message: str, default: bool) -> bool:
        """Yes or no."""
        ...

    def rate_skill(self, skill: Skill, index: int, total: int, default: int) -> int:
        """The level 0..5 whose anchor describes the person ("not yet" is 0), or BACK or NOTE."""
        ...

    def note(self, skill: Skill, default: str) -> str:
        """An optional one-line note or piece of evidence; empty to skip."""
        ...

    def review(self, rows: Sequence[ReviewRow]) -> str | None:
        """Every answer before saving: None to save them, or the id of a skill to answer again."""
        ...

    def tell(self, message: str) -> None:
        """Show a line of information (how many questions there are, what was skipped)."""
        ...


BACK = -1
"""What `rate_skill` returns when the person goes back to the previous question."""
NOTE = -2
"""What `rate_skill` returns when the person wants to add a note to this skill first."""
SECONDS_PER_QUESTION = 20
"""About how long a careful reader takes over one question and its five anchors."""
QUICK_WEIGHT = 4
"""`--quick` asks only the target's skills of at least this weight."""


@dataclass(frozen=True)
class ReviewRow:
    """One line of the review screen: a skill, the level given and its note."""

    skill: Skill
    level: int
    note: str


@dataclass(frozen=True)
class Options:
    """What the command line fixed before any question: roles, scope and given answers."""

    current: str | None = None
    target: str | None = None
    every: bool = False
    given: Mapping[str, int] = field(default_factory=dict)
    skills: tuple[str, ...] = ()  # re-rate only these (`--skills`), whatever the roles need
    quick: bool = False  # ask only the target's highest-weight skills
    stale_days: int = 183  # a rating older than this is stale (about 6 months)
    subject: str | None = None  # whose skills are rated, when not the person's own (a review)


@dataclass(frozen=True)
class Outcome:
    """The profile after an assessment, the assessment itself, and how it went."""

    profile: Profile
    assessment: Assessment
    resumed: bool
    kept: list[str]  # skills nobody answered (no terminal): they kept their previous level, else 0
    skipped: list[str] = field(default_factory=list)  # relevant skills this run chose not to ask


# ---------------------------------------------------------------- what a profile says


def latest_levels(profile: Profile, upto: int | None = None) -> dict[str, int]:
    """The latest answer for each skill, over the assessments before index `upto` (all by default)."""
    levels: dict[str, int] = {}
    for item in profile.assessments[:upto]:
        levels.update(item.levels)
    return levels


def latest_notes(profile: Profile) -> dict[str, str]:
    """The latest note for each skill, over every assessment."""
    notes: dict[str, str] = {}
    for item in profile.assessments:
        notes.update(item.notes)
    return notes


def resumable(profile: Profile) -> Assessment | None:
    """The unfinished assessment the next `assess` offers to resume, if any."""
    last = profile.assessments[-1] if profile.assessments else None
    return last if last is not None and not last.complete and last.levels else None


# ---------------------------------------------------------------- which questions


def skills_to_ask(
    kb: KnowledgeBase, current: str, target: str, levels: Mapping[str, int], every: bool = False
) -> list[str]:
    """Skills the current role, the target and the roles between them require, in KB order."""
    if every:
        return list(kb.skills)
    from careerctl.route import find_route

    try:
        roles = find_route(kb, current, target, levels).roles
    except NoResult:
        roles = [current, target]
    wanted = {r.skill for role in roles for r in kb.roles[role].requirements}
    return [skill for skill in kb.skills if skill in wanted]


def role_menu(kb: KnowledgeBase) -> list[Role]:
    """Every role in the order a menu lists them: by track in the KB's order, then by rung and name.

    The KB's order puts its own people first: the bundled backend KB lists backend, then management.
    """
    tracks = kb.track_order()
    return sorted(kb.roles.values(), key=lambda r: (tracks[r.track], r.seniority, r.name.lower(), r.id))


def default_current(kb: KnowledgeBase, profile: Profile, levels: Mapping[str, int]) -> str:
    """Where the person stood last time, else the role their levels fit best."""
    if profile.current in kb.roles:
        return profile.current
    from careerctl.levels import guess_current

    return guess_current(kb, levels)


def default_target(
    kb: KnowledgeBase, profile: Profile, current: str, levels: Mapping[str, int]
) -> str | None:
    """The saved target while the current role is unchanged, else the next rung; None at the top."""
    if current == profile.current and profile.target in kb.roles and profile.target != current:
        return profile.target
    from careerctl.route import next_rung

    return next_rung(kb, current, levels)


# ---------------------------------------------------------------- recording answers


def begin(
    profile: Profile, kb: KnowledgeBase, current: str, target: str, skills: list[str], at: str
) -> Profile:
    """The profile with a new, empty, unfinished assessment appended."""
    fresh = Assessment(at, kb.identity, current, target, tuple(skills), {}, {}, False)
    return msgspec.structs.replace(
        profile, current=current, target=target, assessments=(*profile.assessments, fresh)
    )


def _with_last(profile: Profile, last: Assessment) -> Profile:
    return msgspec.structs.replace(profile, assessments=(*profile.assessments[:-1], last))


def answer(profile: Profile, skill: str, level: int) -> Profile:
    """The profile with `skill` at `level` in its last assessment."""
    last = profile.assessments[-1]
    skills = last.skills if skill in last.skills else (*last.skills, skill)
    return _with_last(
        profile, msgspec.structs.replace(last, skills=skills, levels={**last.levels, skill: level})
    )


def annotate(profile: Profile, skill: str, note: str) -> Profile:
    """The profile with `note` on `skill` in its last assessment (an empty note removes it)."""
    last = profile.assessments[-1]
    notes = {k: v for k, v in last.notes.items() if k != skill}
    if note:
        notes[skill] = note
    return _with_last(profile, msgspec.structs.replace(last, notes=notes))


def finish(profile: Profile) -> Profile:
    """The profile with its last assessment marked complete."""
    return _with_last(profile, msgspec.structs.replace(profile.assessments[-1], complete=True))


# ---------------------------------------------------------------- the flow


def run_assessment(
    kb: KnowledgeBase,
    profile: Profile,
    prompter: Prompter | None,
    save: Save,
    at: str,
    options: Options | None = None,
) -> Outcome:
    """Ask (or take from `options`) the roles and a level per relevant skill, saving each answer.

    With no prompter (no terminal), skills that `options.given` leaves out keep their previous
    level, else 0. KeyboardInterrupt from the prompter leaves every answer given so far saved.
    """
    options = options or Options()
    unfinished = resumable(profile)
    resumed = unfinished is not None and _resume(kb, unfinished, options, prompter)
    skipped: list[str] = []
    if not resumed:
        current, target = _roles(kb, profile, prompter, options)
        levels = {**latest_levels(profile), **options.given}
        relevant = skills_to_ask(kb, current, target, levels, options.every)
        skills = _narrow(kb, profile, prompter, options, target, relevant, at)
        skipped = [s for s in relevant if s not in skills]
        profile = begin(profile, kb, current, target, skills, at)
    profile = _record_given(profile, options.given, save)
    kept: list[str] = []
    if prompter is None and options.subject is not None:
        profile = _only_answered(profile)  # a review rates what the reviewer gave, nothing more
    elif prompter is None:
        profile, kept = _keep_previous(profile)
    else:
        profile = _ask_skills(kb, profile, prompter, save, skipped)
    profile = finish(profile)
    save(profile)
    return Outcome(profile, profile.assessments[-1], resumed, kept, skipped)


def _narrow(
    kb: KnowledgeBase,
    profile: Profile,
    prompter: Prompter | None,
    options: Options,
    target: str,
    relevant: list[str],
    at: str,
) -> list[str]:
    """The skills this run asks: `--skills`, `--quick`, or (offered) only the stale and new ones."""
    if options.skills:
        return [s for s in kb.skills if s in set(options.skills)]
    if options.quick:
        heavy = {r.skill for r in kb.roles[target].requirements if r.weight >= QUICK_WEIGHT}
        return [s for s in relevant if s in heavy or s in options.given]
    if prompter is None or not any(a.complete for a in profile.assessments):
        return relevant
    fresh = stale_or_new(profile, relevant, at, options.stale_days)
    if fresh and len(fresh) < len(relevant):
        asked = prompter.confirm(
            ngettext(
                "Ask only the {count} skill that is new or rated over {months} months ago "
                "(the other {others} keep their answers)?",
                "Ask only the {count} skills that are new or rated over {months} months ago "
                "(the other {others} keep their answers)?",
                len(fresh),
            ).format(count=len(fresh), months=options.stale_days // 30, others=len(relevant) - len(fresh)),
            True,
        )
        if asked:
            return fresh
    return relevant


def stale_or_new(profile: Profile, skills: Sequence[str], at: str, stale_days: int) -> list[str]:
    """Skills never rated, or last rated more than `stale_days` before `at`."""
    when = rated_at(profile)
    return [s for s in skills if s not in when or _days_between(when[s], at) > stale_days]


def rated_at(profile: Profile) -> dict[str, str]:
    """When each skill was last rated (the time of the assessment that gave its latest answer)."""
    found: dict[str, str] = {}
    for item in profile.assessments:
        for skill in item.levels:
            found[skill] = item.at
    return found


def _days_between(earlier: str, later: str) -> float:
    """Days from one ISO 8601 UTC time to another (0 when either cannot be read)."""
    from datetime import datetime

    try:
        start = datetime.fromisoformat(earlier.replace("Z", "+00:00"))
        end = datetime.fromisoformat(later.replace("Z", "+00:00"))
    except ValueError:
        return 0.0
    return (end - start).total_seconds() / 86400


def _resume(kb: KnowledgeBase, unfinished: Assessment, options: Options, prompter: Prompter | None) -> bool:
    """Whether to carry on with `unfinished`: asked on a terminal, never when roles differ."""
    if options.current not in (None, unfinished.current) or options.target not in (None, unfinished.target):
        return False
    if prompter is None:
        return False
    if unfinished.current not in kb.roles or unfinished.target not in kb.roles:
        return False  # made with another KB: its roles cannot be asked about here
    done, total = len(unfinished.levels), len(unfinished.skills)
    when = unfinished.at.replace("T", " ")[:16]
    roles = f"{kb.roles[unfinished.current].name} -> {kb.roles[unfinished.target].name}"
    question = _("Resume your unfinished assessment of {when} UTC?\n  {roles}: {done} of {total} answered")
    return prompter.confirm(question.format(when=when, roles=roles, done=done, total=total), True)


def _roles(
    kb: KnowledgeBase, profile: Profile, prompter: Prompter | None, options: Options
) -> tuple[str, str]:
    """The current and target role ids: from the options, else asked, else the defaults."""
    menu = role_menu(kb)
    levels = {**latest_levels(profile), **options.given}
    current = options.current
    if current is None:
        current = default_current(kb, profile, levels)
        if prompter is not None:
            current = prompter.choose_role(role_question("current", options.subject), menu, current)
    target = options.target
    if target is None:
        target = default_target(kb, profile, current, levels) or current
        if prompter is not None:
            target = prompter.choose_role(role_question("target", options.subject), menu, target)
    return current, target


def _record_given(profile: Profile, given: Mapping[str, int], save: Save) -> Profile:
    """Record the levels given on the command line (they skip their questions)."""
    for skill, level in given.items():
        profile = answer(profile, skill, level)
    if given:
        save(profile)
    return profile


def _keep_previous(profile: Profile) -> tuple[Profile, list[str]]:
    """Fill every unanswered skill with its previous level, else 0; return the skills filled."""
    previous = latest_levels(profile)
    last = profile.assessments[-1]
    kept = [skill for skill in last.skills if skill not in last.levels]
    for skill in kept:
        profile = answer(profile, skill, previous.get(skill, 0))
    return profile, kept


def _only_answered(profile: Profile) -> Profile:
    """The last assessment cut to the skills it has answers for."""
    last = profile.assessments[-1]
    return _with_last(
        profile, msgspec.structs.replace(last, skills=tuple(s for s in last.skills if s in last.levels))
    )


def role_question(which: str, subject: str | None) -> str:
    """The question for the current or target role, of the person or of `subject` ("Dana's")."""
    if which == "current":
        return (
            _("Your current role?") if subject is None else _("{name}'s current role?").format(name=subject)
        )
    return _("Your target role?") if subject is None else _("{name}'s target role?").format(name=subject)


def _ask_skills(
    kb: KnowledgeBase, profile: Profile, prompter: Prompter, save: Save, skipped: Sequence[str] = ()
) -> Profile:
    """Ask each unanswered skill of the last assessment, then show the review screen.

    Every answer and note is saved as it is given. BACK returns to the previous question (whose
    answer can then be changed); NOTE asks for a note, then the same question again.
    """
    skills = [s for s in profile.assessments[-1].skills if s in kb.skills]
    todo = [s for s in skills if s not in profile.assessments[-1].levels]
    if skipped:
        prompter.tell(
            _("{count} relevant skill(s) not asked keep their earlier answers (--all asks all).").format(
                count=len(skipped)
            )
        )
    if todo:
        prompter.tell(_introduction(len(todo)))
    previous = latest_levels(profile)
    index = skills.index(todo[0]) if todo else len(skills)
    while index < len(skills):
        profile, level = _rate(kb, profile, prompter, save, skills, index, previous)
        index = max(0, index - 1) if level == BACK else index + 1
    while (chosen := prompter.review(review_rows(kb, profile))) is not None:
        if chosen in skills:
            profile, _level = _rate(kb, profile, prompter, save, skills, skills.index(chosen), previous)
    return profile


def _introduction(count: int) -> str:
    """How many questions there are, about how long they take, and the keys."""
    minutes = max(1, round(count * SECONDS_PER_QUESTION / 60))
    questions = ngettext("{count} question", "{count} questions", count).format(count=count)
    return ngettext(
        "{questions}, about {minutes} minute: 0-5 answers, \u2190 goes back, n adds a note.",
        "{questions}, about {minutes} minutes: 0-5 answers, \u2190 goes back, n adds a note.",
        minutes,
    ).format(questions=questions, minutes=minutes)


def _rate(
    kb: KnowledgeBase,
    profile: Profile,
    prompter: Prompter,
    save: Save,
    skills: Sequence[str],
    index: int,
    previous: Mapping[str, int],
) -> tuple[Profile, int]:
    """Ask skill `index` (again after each note added) and save the answer; the profile and the
    level, or BACK with nothing changed."""
    skill_id = skills[index]
    skill = kb.skills[skill_id]
    while True:
        shown = profile.assessments[-1].levels.get(skill_id, previous.get(skill_id, 0))
        level = prompter.rate_skill(skill, index + 1, len(skills), shown)
        if level == BACK:
            return profile, BACK
        if level != NOTE:
            profile = answer(profile, skill_id, level)
            save(profile)
            return profile, level
        note = " ".join(prompter.note(skill, latest_notes(profile).get(skill_id, "")).split())
        noted = annotate(profile, skill_id, note)
        if noted != profile:
            profile = noted
            save(profile)


def review_rows(kb: KnowledgeBase, profile: Profile) -> list[ReviewRow]:
    """The review screen's rows: each skill of the last assessment with its answer and note."""
    last = profile.assessments[-1]
    notes = latest_notes(profile)
    return [
        ReviewRow(kb.skills[s], last.levels.get(s, 0), notes.get(s, ""))
        for s in last.skills
        if s in kb.skills
    ]


# ---------------------------------------------------------------- checks on the answers


@dataclass(frozen=True)
class AnswerWarning:
    """Something in the answers worth a second look, with the skill it is about (if one)."""

    skill: str | None
    message: str


SAME_LEVEL_SHARE = 0.8
"""Warn when at least this share of the answers give one level (CareerOneStop's caution)."""
SAME_LEVEL_MIN = 6
"""... and there are at least this many answers."""


def check_levels(
    kb: KnowledgeBase,
    levels: Mapping[str, int],
    notes: Mapping[str, str],
    rated: Mapping[str, str],
    at: str,
    stale_days: int,
    evidence: Mapping[str, int] | None = None,
) -> list[AnswerWarning]:
    """Warnings on a set of answers: levels their prerequisites do not allow, the same level almost
    everywhere, level 4-5 claims with neither a note nor evidence, and ratings older than `stale_days`.

    `evidence` counts, per skill, the evidence entries that back its level (evidence.supporting_counts).
    """
    evidence = evidence or {}
    found: list[AnswerWarning] = []
    for skill_id, level in levels.items():
        skill = kb.skills.get(skill_id)
        if skill is None or level < 1:
            continue
        for need_id, need in sorted(skill.prerequisites(level).items()):
            have = levels.get(need_id, 0)
            if have < need and need_id in kb.skills:
                found.append(
                    AnswerWarning(
                        skill_id,
                        _("{skill} {level} needs {need} {need_level} first, and it is rated {have}").format(
                            skill=skill.name,
                            level=level,
                            need=kb.skills[need_id].name,
                            need_level=need,
                            have=have,
                        ),
                    )
                )
    rated_levels = [lvl for lvl in levels.values()]
    if len(rated_levels) >= SAME_LEVEL_MIN:
        level, count = Counter(rated_levels).most_common(1)[0]
        if count >= SAME_LEVEL_SHARE * len(rated_levels):
            found.append(
                AnswerWarning(
                    None,
                    _(
                        "{count} of {total} skills are rated {level}: matches and plans are "
                        "unreliable when almost every answer is the same"
                    ).format(count=count, total=len(rated_levels), level=level),
                )
            )
    for skill_id, level in levels.items():
        if level >= 4 and not notes.get(skill_id) and not evidence.get(skill_id) and skill_id in kb.skills:
            found.append(
                AnswerWarning(
                    skill_id,
                    _("{skill} {level} is claimed with no note or evidence").format(
                        skill=kb.skills[skill_id].name, level=level
                    ),
                )
            )
    old = [s for s in levels if s in rated and _days_between(rated[s], at) > stale_days]
    if old:
        names = ", ".join(kb.skills[s].name for s in old[:3] if s in kb.skills)
        more = _(" and {count} more").format(count=len(old) - 3) if len(old) > 3 else ""
        found.append(
            AnswerWarning(
                None,
                _(
                    "{count} rating(s) are over {months} months old ({names}{more}): "
                    "`careerctl assess` offers to ask only those"
                ).format(count=len(old), months=stale_days // 30, names=names, more=more),
            )
        )
    return found


# ---------------------------------------------------------------- progress over time


@dataclass(frozen=True)
class Point:
    """One assessment on the time line, with readiness for the target at that moment."""

    at: str
    complete: bool
    readiness: float | None


@dataclass(frozen=True)
class Trend:
    """One skill's answer at each assessment (None where that assessment did not ask it)."""

    skill: str
    levels: list[int | None]
    now: int


@dataclass(frozen=True)
class Change:
    """A skill whose level moved with the latest assessment."""

    skill: str
    before: int | None  # None: never rated before
    after: int


@dataclass(frozen=True)
class Progress:
    """Levels and readiness over every assessment, and what the latest one changed."""

    target: str | None
    points: list[Point]
    trends: list[Trend]
    changes: list[Change]


def build_progress(kb: KnowledgeBase, profile: Profile) -> Progress:
    """Each skill's level at each assessment, readiness over time, and the latest changes."""
    from careerctl.plan import readiness

    target = profile.target if profile.target in kb.roles else None
    points = []
    for n, item in enumerate(profile.assessments, start=1):
        ready = readiness(kb.roles[target], latest_levels(profile, n)) if target else None
        points.append(Point(item.at, item.complete, ready))
    asked = {skill for item in profile.assessments for skill in item.levels}
    now = latest_levels(profile)
    trends = [
        Trend(skill, [item.levels.get(skill) for item in profile.assessments], now[skill])
        for skill in kb.skills
        if skill in asked
    ]
    return Progress(target, points, trends, changes_since_last(kb, profile))


def changes_since_last(kb: KnowledgeBase, profile: Profile) -> list[Change]:
    """Skills whose level the latest assessment moved, from the levels before it."""
    if len(profile.assessments) < 2:
        return []
    before, after = latest_levels(profile, -1), latest_levels(profile)
    return [
        Change(skill, before.get(skill), after[skill])
        for skill in kb.skills
        if skill in after and after[skill] != before.get(skill)
    ]
