"""The use cases: one function per command, taking an Env and typed options, returning a result.

Both command lines (cli.py, Typer; entry.py, the fast path) parse their arguments and call these
functions; `render.render(result, format, env)` turns the result into output. A result's `doc`
is the command's --json document (careerctl/results.py). Nothing here prints a result, parses
an argument or formats a number: a notice for the person goes to stderr through `env.say`.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Literal, Optional

from msgspec import Struct

from careerctl.context import Env
from careerctl.errors import (
    CareerctlError,
    ExitCode,
    InputError,
    Interrupted,
    InvalidKB,
    NoLevels,
    NoResult,
    UnknownName,
)
from careerctl.i18n import N_, _, ngettext
from careerctl.results import (
    AboutEntry,
    AnchorEntry,
    AssessmentDoc,
    AssessmentRecord,
    AssessResult,
    BlockEntry,
    BlockSkillEntry,
    CalibrationDoc,
    CalibrationEntry,
    CalibrationResult,
    ChangeEntry,
    CloseEntry,
    ConfigDoc,
    ConfigResult,
    CountEntry,
    CoverageEntry,
    EvidenceDoc,
    EvidenceEntry,
    EvidenceResult,
    FolderRef,
    GapEntry,
    KbRef,
    LegEntry,
    MatchDoc,
    MatchEntry,
    MatchResult,
    MentoringEntry,
    MoveEntry,
    NoticeEntry,
    Packet,
    PhaseEntry,
    PlanDoc,
    PlanResult,
    PointEntry,
    PrerequisiteEntry,
    ProblemEntry,
    ProfileDoc,
    ProfileResult,
    ProgressDoc,
    ProgressResult,
    RaiseEntry,
    RaterNote,
    RepoEntry,
    Report,
    RequirementEntry,
    ResourceEntry,
    ReviewRef,
    ReviewsDoc,
    ReviewsResult,
    RoleDoc,
    RoleEntry,
    RoleRef,
    RolesDoc,
    RolesResult,
    RouteDoc,
    RouteEntry,
    RouteResult,
    ScanDoc,
    ScanResult,
    SearchDoc,
    SearchHitEntry,
    SearchResult,
    ShowResult,
    SingleHolderEntry,
    SkillDoc,
    SkillEntry,
    SkillsDoc,
    SkillsResult,
    StatsDoc,
    StatsResult,
    StepEntry,
    StepResourceEntry,
    SuggestionEntry,
    TeamDoc,
    TeamGapEntry,
    TeamMemberEntry,
    TeamResult,
    TeamRoleEntry,
    TrendEntry,
    ValidationDoc,
    ValidationResult,
)
from careerctl.text import number, visible

if TYPE_CHECKING:  # annotations only: importing them would slow every command down
    from datetime import date

    from careerctl.assess import AnswerWarning, Outcome, Progress
    from careerctl.calibration import Calibration
    from careerctl.evidence import Evidence
    from careerctl.match import MatchRow
    from careerctl.model import Assessment, KnowledgeBase, Profile, Role, Skill
    from careerctl.plan import Plan, Schedule, Step
    from careerctl.review import Review
    from careerctl.route import Route
    from careerctl.team import Team


class Given(Struct, frozen=True):
    """The LEVELS options: --answers FILE, --set SKILL=LEVEL ..., --from ROLE; none of them: the profile."""

    answers: Optional[Path] = None
    sets: tuple[str, ...] = ()
    from_role: Optional[str] = None
    levels: Optional[str] = None  # --levels self|calibrated; None: self, without saying so

    @classmethod
    def of(
        cls,
        answers: Path | None,
        sets: list[str] | None,
        from_role: str | None = None,
        levels: str | None = None,
    ) -> Given:
        """The LEVELS options as a command line gives them."""
        return cls(answers, tuple(sets or ()), from_role, levels)

    @property
    def any(self) -> bool:
        """Whether any LEVELS option was given."""
        return self.answers is not None or bool(self.sets) or self.from_role is not None

    def words(self) -> str:
        """How the levels were given, in the words of the options."""
        given = [f"--from {self.from_role}"] if self.from_role else []
        given += [f"--answers {self.answers.name}"] if self.answers else []
        given += [f"--set {item}" for item in self.sets]
        words = ", ".join(given) or _("the saved profile")
        return (
            _("{words}, calibrated (the agreed levels)").format(words=words)
            if self.levels == "calibrated"
            else words
        )


class Person(Struct, frozen=True):
    """Whose levels a command works from, and where they stand."""

    levels: dict[str, int]
    current: Optional[str]
    target: Optional[str] = None


# ---- what both command lines share ----------------------------------------------------------------


def error_text(exc: CareerctlError) -> str:
    """The stderr line(s) for an error: `careerctl: ` and its message, shown literally."""
    lead = "\n" if isinstance(exc, Interrupted) else ""  # after the ^C the terminal echoed
    if isinstance(exc, InvalidKB):  # one line per problem, each shown literally
        lines = [str(exc).split("\n", 1)[0], *(str(problem) for problem in exc.problems)]
        return lead + "careerctl: " + "\n".join(visible(line) for line in lines) + "\n"
    return f"{lead}careerctl: {visible(str(exc))}\n"


def rendered(result: object, fmt: str, env: Env) -> str:
    """`result` rendered in `fmt` as text, for a file (a report)."""
    import io

    from careerctl.render import render

    buffer = io.StringIO()
    render(result, fmt, env.writing_to(buffer))
    return buffer.getvalue()


# ---- browsing the KB ----------------------------------------------------------------------------


def roles(env: Env, track: str | None = None) -> RolesResult:
    """`careerctl roles`: the roles of one track or all, by track (in the KB's order), rung and id."""
    kb = env.load().kb
    chosen = [r for r in kb.roles.values() if track is None or r.track == track.lower()]
    if track is not None and not chosen:
        unknown("track", track, {r.track for r in kb.roles.values()})
    tracks = kb.track_order()
    chosen.sort(key=lambda r: (tracks[r.track], r.seniority, r.id))
    doc = RolesDoc("careerctl.roles/1", kb_ref(kb), [role_entry(r) for r in chosen])
    return RolesResult(doc, kb, chosen)


def skills(env: Env, category: str | None = None) -> SkillsResult:
    """`careerctl skills`: the skills of one category or all, by category (in the KB's order) and id."""
    kb = env.load().kb
    chosen = [s for s in kb.skills.values() if category is None or s.category == category.lower()]
    if category is not None and not chosen:
        unknown("category", category, {s.category for s in kb.skills.values()})
    categories = kb.category_order()
    chosen.sort(key=lambda s: (categories[s.category], s.id))
    return SkillsResult(
        SkillsDoc("careerctl.skills/1", kb_ref(kb), [skill_entry(s) for s in chosen]), chosen, kb
    )


def show(env: Env, name: str) -> ShowResult:
    """`careerctl show NAME`: one role or skill, by id, alias or name."""
    from careerctl.model import Role
    from careerctl.names import find_any

    kb = env.load().kb
    item = find_any(kb, name)
    if isinstance(item, Role):
        return ShowResult(RoleDoc("careerctl.role/1", kb_ref(kb), role_entry(item)), kb, item)
    say_technology(env, kb, item, name)
    doc = SkillDoc("careerctl.skill/1", kb_ref(kb), skill_entry(item), first_job_level(kb, item))
    return ShowResult(doc, kb, item)


def first_job_level(kb: KnowledgeBase, skill: Skill) -> int | None:
    """The highest level of `skill` a first job needs (priced as full-time study); None without an entry rung."""
    from careerctl.kb.calibrate import first_job_levels

    levels = first_job_levels(kb.skills, kb.roles.values())
    return None if levels is None else levels.get(skill.id, 0)


def say_technology(env: Env, kb: KnowledgeBase, skill: Skill, name: str) -> None:
    """When `name` is a technology the skill covers, say so, and which other skills cover it."""
    from careerctl.names import covered_by, normal

    tech = normal(name)
    if tech in (skill.id, skill.name.lower()) or tech not in skill.technologies:
        return
    others = [s.name for s in covered_by(kb, tech) if s.id != skill.id]
    if others:
        said = _("{tech} is covered by {skill}; {others} also cover it (`careerctl search {tech}`)")
    else:
        said = _("{tech} is covered by {skill}")
    env.say(said.format(tech=tech, skill=skill.name, others=", ".join(others)))


def search(env: Env, text: str, top: int | None = None) -> SearchResult:
    """`careerctl search TEXT`: roles and skills whose names, aliases, technologies or texts match."""
    from careerctl.search import EXACT, NAME_WORDS
    from careerctl.search import search as find

    kb = env.load().kb
    tiers = {EXACT: "exact", NAME_WORDS: "name"}
    hits = [
        SearchHitEntry(h.kind, h.id, h.name, tiers.get(h.tier, "text"), list(h.fields), h.excerpt)  # type: ignore[arg-type]
        for h in find(kb, text, limit=top)
    ]
    doc = SearchDoc("careerctl.search/1", kb_ref(kb), " ".join(text.split()), hits)
    return SearchResult(doc, exit_code=ExitCode.OK if hits else ExitCode.NO_RESULT)


def validate(env: Env, folder: Path | None = None) -> ValidationResult:
    """`careerctl kb validate`: every problem of a KB folder; exit code 2 when one is an error."""
    target = folder or env.kb_folder
    identity = None
    try:
        loaded = Env(kb_dir=target).load()
        problems, identity = loaded.warnings, loaded.kb.identity
        if env.lang != "en":  # `kb validate --lang id`: what is left untranslated, as warnings
            from careerctl.kb.translate import missing_translations

            problems = [*problems, *missing_translations(loaded.kb, target, env.lang)]
    except InvalidKB as exc:
        problems = exc.problems
    except InputError as exc:
        problems = [exc.problem()]
    errors = sum(p.severity == "error" for p in problems)
    entries = [ProblemEntry(p.severity, p.path, p.line, p.key, p.message) for p in problems]  # type: ignore[arg-type]
    doc = ValidationDoc(
        "careerctl.validation/1",
        FolderRef(str(target), identity),
        errors == 0,
        errors,
        len(problems) - errors,
        entries,
    )
    code = ExitCode.BAD_INPUT if errors else ExitCode.OK
    return ValidationResult(doc, str(target), problems, exit_code=code)


def stats(env: Env) -> StatsResult:
    """`careerctl kb stats`: the size and shape of the KB, and where it comes from."""
    from careerctl.kb.stats import kb_stats

    kb = env.load().kb
    counted = kb_stats(kb)
    about = AboutEntry(kb.about.name, kb.about.source, kb.about.version, kb.about.licence, kb.about.url)
    doc = StatsDoc(
        "careerctl.stats/1",
        kb_ref(kb),
        about,
        counted.roles,
        counted.skills,
        counted.requirements,
        counted.transitions,
        counted.prerequisites,
        counted.resources,
        counted.tracks,
        counted.categories,
    )
    return StatsResult(doc, kb, str(env.kb_folder), counted)


def schema_kinds() -> list[str]:
    """The document kinds careerctl writes (careerctl.KIND/1)."""
    from careerctl.results import DOCUMENTS

    return sorted(DOCUMENTS)


def schema(kind: str) -> str:
    """`careerctl kb schema KIND`: the JSON Schema of one document kind, as shipped."""
    from importlib import resources

    wanted = kind.removeprefix("careerctl.").removesuffix("/1")
    if wanted not in schema_kinds():
        unknown("schema", kind, schema_kinds())
    return resources.files("careerctl").joinpath(f"schemas/{wanted}.json").read_text(encoding="utf-8")


# ---- the person's levels ------------------------------------------------------------------------


def person(env: Env, given: Given) -> Person:
    """The person's levels from the LEVELS options, else from the saved profile."""
    from careerctl.levels import resolve_levels
    from careerctl.names import find_role

    kb = env.load().kb
    saved = env.saved_person() if not given.any else None
    if saved is not None:
        levels, current, target = saved
        say_carried_over(env)
        known = resolve_levels(kb, saved=levels)
        warn_foreign_profile(env, len(levels), len(known))
        note_profile(env)
        return Person(with_levels(env, kb, known, given.levels), current, target)
    levels = resolve_levels(kb, given.answers, list(given.sets), given.from_role, stdin=binary_stdin(env))
    current = find_role(kb, given.from_role).id if given.from_role else None
    return Person(with_levels(env, kb, levels, given.levels), current)


def note_profile(env: Env) -> None:
    """Say that the saved profile's levels are used, and how to use others."""
    when = (env.saved_at or "")[:10]
    said = _("levels from your profile of {when} ({profile}); --from, --answers or --set to override")
    env.note(said.format(when=when, profile=env.profile))


def say_carried_over(env: Env) -> None:
    """Tell the person, in one paragraph, what a KB revision changed for their saved ratings."""
    from careerctl.kb.renames import describe_changes

    if env.carried is not None and env.carried.changed:
        env.say(f"careerctl: {describe_changes(env.carried)}")


def chosen_stack(env: Env, stack: str | None) -> str | None:
    """The stack the plan's resources follow: --stack, else the one saved in the profile."""
    if stack is not None:
        return stack.strip().lower() or None
    saved = env.saved_stack()
    if saved is not None:
        env.note(
            _("resources for the {stack} stack, from {profile} (`--stack` to change)").format(
                stack=saved, profile=env.profile
            )
        )
        return saved
    configured: str | None = env.setting("stack", None, None)
    return configured


def warn_foreign_profile(env: Env, saved: int, known: int) -> None:
    """Say when the saved profile was made on another KB: its unknown skills are ignored."""
    if saved and not known:
        raise NoLevels(
            _(
                "{profile}: the saved profile was made on another knowledge base (none of its skills are "
                "in this one); give --answers, --set or --from, or run `careerctl assess` with this KB"
            ).format(profile=env.profile)
        )
    if known < saved:
        said = _(
            "{count} of the {total} skills in {profile} are not in this knowledge base; they are left out"
        )
        env.say("careerctl: " + said.format(count=saved - known, total=saved, profile=env.profile))


# ---- plan, path, match, report --------------------------------------------------------------------


HOURS_PER_WEEK = 6.0
"""Study hours a week when neither --hours-per-week nor the config says."""
DEFAULT_FOCUS = 3
"""Skills worked on at a time when neither --focus nor the config says."""


def plan(
    env: Env,
    given: Given,
    target: str | None = None,
    top: int | None = None,
    hours_per_week: float | None = None,
    stack: str | None = None,
    focus: int | None = None,
    show_all: bool = False,
    paged: bool = True,
) -> PlanResult:
    """`careerctl plan`: phases of ranked steps towards the target, on the calendar from today."""
    from careerctl.levels import choose_roles
    from careerctl.plan import build_plan, schedule, weeks_to_meet

    hours_per_week = env.setting("hours_per_week", hours_per_week, HOURS_PER_WEEK)
    focus = env.setting("focus", focus, DEFAULT_FOCUS)
    kb = env.load().kb
    who = person(env, given)
    current, goal = choose_roles(kb, who.levels, who.current, target or who.target)
    chosen = "given" if target else "saved" if who.target else "default"
    result = build_plan(kb, goal, who.levels, current_id=current, top=top, stack=chosen_stack(env, stack))
    weeks = weeks_to_meet(result, hours_per_week)
    timeline = schedule(result, env.today(), hours_per_week, focus)
    doc = plan_doc(kb, result, timeline, weeks, chosen)
    return PlanResult(doc, kb, result, hours_per_week, weeks, top, who.levels, timeline, show_all, paged)


def path(env: Env, source: str, goal: str, given: Given = Given(), alternatives: int = 0) -> RouteResult:
    """`careerctl path FROM TO`: the best routes; exit code 1, with the reason, when there is none."""
    from careerctl.climb import is_met
    from careerctl.names import find_role
    from careerctl.route import find_routes

    kb = env.load().kb
    start, end = find_role(kb, source), find_role(kb, goal)
    levels = None
    if given.any or given.levels is not None:
        levels = person(env, given).levels
    elif (saved := env.saved_person()) is not None:
        levels = saved[0]  # the first rung is costed from the levels saved by `careerctl assess`
        say_carried_over(env)
        note_profile(env)
    try:
        routes = find_routes(kb, start.id, end.id, alternatives + 1, levels)
    except NoResult as exc:
        from careerctl.match import hours_needed

        direct = hours_needed(kb, end, start.required() if levels is None else levels)
        kind: Literal["person", "role"] = "role" if levels is None else "person"
        doc = RouteDoc(
            "careerctl.route/1", kb_ref(kb), role_ref(start), role_ref(end), kind, None, [], str(exc), direct
        )
        return RouteResult(doc, kb, [], str(exc), exit_code=ExitCode.NO_RESULT)
    held = levels if levels is not None else start.required()
    if start.id != end.id and is_met(end, held):
        said = (
            _("Your levels already meet every requirement of {target}: `plan` finds nothing to learn.")
            if levels is not None
            else _(
                "{source}'s levels already meet every requirement of {target}: `plan` finds nothing to learn."
            )
        )
        env.say(
            said.format(source=start.name, target=end.name)
            + " "
            + _("The route below climbs through other roles, and its hours are what those roles need.")
        )
    best, *others = routes
    doc = RouteDoc(
        "careerctl.route/1",
        kb_ref(kb),
        role_ref(start),
        role_ref(end),
        "person" if levels is not None else "role",
        route_entry(kb, best),
        [route_entry(kb, r) for r in others],
        None,
    )
    pace = env.setting("hours_per_week", None, HOURS_PER_WEEK)
    return RouteResult(doc, kb, routes, None, hours_per_week=pace)


def match(
    env: Env, given: Given, track: str | None = None, top: int = 10, every: bool = False
) -> MatchResult:
    """`careerctl match`: every role ranked by fit to the person's levels.

    Roles below the person's current rung on its track come after the others (nobody is
    looking for a step down), unless `every`: then plain fit order.
    """
    from careerctl.match import match_roles

    kb = env.load().kb
    who = person(env, given)
    tracks = {r.track for r in kb.roles.values()}
    if track is not None and track.lower() not in tracks:
        unknown("track", track, tracks)
    here = kb.roles.get(who.current) if who.current else None
    lower = set() if every or here is None else {r.id for r in kb.roles.values() if is_below(r, here)}
    # the best `top` others are among the best `top + len(lower)` by fit (hours cost a climb a row)
    rows = match_roles(
        kb, who.levels, track=track.lower() if track else None, top=top + len(lower), current=who.current
    )

    def below(row: MatchRow) -> bool:
        return here is not None and is_below(kb.roles[row.role], here)

    if not every:
        rows = sorted(rows, key=below)  # stable: fit order within each group
    from dataclasses import replace

    rows = [replace(r, rank=i) for i, r in enumerate(rows[:top], start=1)]
    entries = [
        MatchEntry(
            r.rank,
            r.role,
            r.name,
            r.track,
            ratio(r.fit),
            ratio(r.readiness),
            r.hours_needed,
            r.role == who.current,
            below(r),
            r.why,
        )
        for r in rows
    ]
    doc = MatchDoc(
        "careerctl.match/1", kb_ref(kb), track, role_ref(here) if here else None, not every, entries
    )
    return MatchResult(doc, rows, kb, who.current, {r.role for r in rows if below(r)})


def is_below(role: Role, here: Role) -> bool:
    """Whether `role` is a lower rung than `here` on the same track."""
    return role.track == here.track and role.seniority < here.seniority


def report(
    env: Env,
    given: Given,
    target: str | None = None,
    name: str | None = None,
    top: int | None = None,
    hours_per_week: float | None = None,
    stack: str | None = None,
) -> Report:
    """`careerctl report`: the plan, the route and the dates a shareable report shows."""
    from careerctl.levels import choose_roles
    from careerctl.plan import build_plan, route_there, weeks_to_meet

    hours_per_week = env.setting("hours_per_week", hours_per_week, HOURS_PER_WEEK)
    kb = env.load().kb
    who = person(env, given)
    current, goal = choose_roles(kb, who.levels, who.current, target or who.target)
    result = build_plan(kb, goal, who.levels, current_id=current, stack=chosen_stack(env, stack))
    route = route_there(kb, result, who.levels)
    weeks = weeks_to_meet(result, hours_per_week)
    return Report(kb, who.levels, result, route, hours_per_week, weeks, env.today(), given.words(), name, top)


def binary_stdin(env: Env) -> BinaryIO:
    """The Env's standard input as bytes, for `--answers -`."""
    buffer = getattr(env.stdin, "buffer", None)
    return buffer if buffer is not None else io.BytesIO(env.stdin.read().encode("utf-8"))


def write_output(env: Env, output: Path, text: str, what: str) -> None:
    """Write `text` to `output` as what is there asks (files.atomic_write), or to stdout for `-`.

    Never onto careerctl's own inputs: the profile, its backup, or a file of the KB in use.
    """
    if str(output) == "-":
        env.stdout.write(text)
        return
    from careerctl.files import atomic_write

    refuse_own_files(env, output, _("a report"))
    if not output.parent.is_dir():
        raise InputError(output, _("cannot write: there is no folder {folder}").format(folder=output.parent))
    data = text.encode("utf-8")
    atomic_write(output, data)
    env.say(_("Wrote {what} to {path} ({size} bytes)").format(what=what, path=output, size=number(len(data))))


def refuse_own_files(env: Env, output: Path, writing: str, reviews: bool = True) -> None:
    """InputError when `output` is a file careerctl reads: the profile, its backups, a review
    (unless `reviews` is False: `assess --out` rewrites one), the evidence log, the config, or a
    file of the KB in use (its overlays too)."""
    from careerctl.config import config_location
    from careerctl.files import refuse_inputs
    from careerctl.kb import ROLES_FILE, SKILLS_FILE
    from careerctl.kb.translate import languages, overlay_folder
    from careerctl.records import evidence_path, reviews_dir
    from careerctl.store import backups_dir

    kb_dir = env.kb_folder
    kb_folders = [
        (_("a folder of the KB in use"), overlay_folder(kb_dir, lang)) for lang in languages(kb_dir)
    ]
    refuse_inputs(
        output,
        [
            (_("the profile"), env.profile),
            (_("the profile's backup"), env.profile.with_name(env.profile.name + ".bak")),
            (_("the evidence log"), evidence_path(env.profile)),
            (_("the config file"), config_location(env.environ)),
            (_("a file of the KB in use"), kb_dir / SKILLS_FILE),
            (_("a file of the KB in use"), kb_dir / ROLES_FILE),
        ],
        [
            (_("the profile's backups folder"), backups_dir(env.profile)),
            *([(_("the reviews folder"), reviews_dir(env.profile))] if reviews else []),
            *kb_folders,
        ],
        writing,
    )


# ---- assessment and the profile ----------------------------------------------------------------


class AssessOptions(Struct, frozen=True):
    """The options of `careerctl assess`."""

    current: Optional[str] = None
    target: Optional[str] = None
    every: bool = False
    given: Given = Given()
    skills: tuple[str, ...] = ()  # --skills: re-rate only these
    quick: bool = False  # --quick: only the target's highest-weight skills
    rater: Optional[str] = None  # self, manager or peer: who rates (--rater); None is self
    subject: Optional[str] = None  # whose skills a review rates (--for)
    by: Optional[str] = None  # the rater's name (--by)
    out: Optional[Path] = None  # the review file to write (--out)


def assess(env: Env, options: AssessOptions) -> AssessResult | ReviewsResult:
    """`careerctl assess`: ask (or read) the levels, save each answer, then readiness and first steps."""
    if options.out is not None or options.rater not in (None, "self"):
        return assess_other(env, options)
    from careerctl import prompts

    terminal = prompts.open_terminal(env.stdin, env.stderr)
    if terminal is None and options.given.answers is None and not options.given.sets:
        raise NoLevels(
            _(
                "no terminal to ask on: give --answers FILE and/or --set SKILL=LEVEL "
                "(with --current ROLE and --target ROLE) to assess from a script"
            )
        )
    from careerctl.assess import Options, run_assessment
    from careerctl.levels import parse_sets, read_answers
    from careerctl.model import Profile
    from careerctl.names import find_role, find_skill
    from careerctl.store import ProfileSaver, read_profile

    kb = env.load().kb
    profile = read_profile(env.profile) or Profile()
    answers = options.given.answers
    given = {
        **(read_answers(answers, kb, stdin=binary_stdin(env)) if answers else {}),
        **parse_sets(list(options.given.sets), kb),
    }
    asked = Options(
        current=find_role(kb, options.current).id if options.current else None,
        target=find_role(kb, options.target).id if options.target else None,
        every=options.every,
        given=given,
        skills=tuple(find_skill(kb, name).id for name in options.skills),
        quick=options.quick,
        stale_days=round(30.4 * env.setting("stale_months", None, 6)),
    )
    saved: list[Profile] = []
    merge = ProfileSaver(env.profile, profile)  # another careerctl's answers and resets stand

    def save(latest: Profile) -> None:
        merge(latest)
        saved[:] = [latest]

    prompter = (
        prompts.TerminalPrompter(
            terminal, kb.scale, evidence=evidence_lines(env), tracks=kb.terms.get("tracks")
        )
        if terminal
        else None
    )
    try:
        outcome = run_assessment(kb, profile, prompter, save, env.now(), asked)
    except KeyboardInterrupt:
        raise interrupted(env.profile, saved[0] if saved else None) from None
    return assessed(env, kb, outcome)


def evidence_lines(env: Env) -> dict[str, list[str]]:
    """Per skill, its evidence as the assessment shows it under the question, newest first."""
    from careerctl.evidence import for_skill
    from careerctl.records import read_evidence

    lines: dict[str, list[str]] = {}
    for item in for_skill(read_evidence(evidence_file(env)), None):
        if item.level is None:
            line = f"{item.date}: {item.what}"
        else:
            line = _("{date}: {what} (level {level})").format(
                date=item.date, what=item.what, level=item.level
            )
        lines.setdefault(item.skill, []).append(line)
    return lines


def assess_other(env: Env, options: AssessOptions) -> ReviewsResult:
    """`careerctl assess --rater manager --for NAME --by NAME --out FILE`: a review, written as it goes."""
    from careerctl import prompts
    from careerctl.assess import Options, run_assessment
    from careerctl.levels import parse_sets, read_answers
    from careerctl.model import Profile
    from careerctl.names import find_role
    from careerctl.records import read_review, write_review
    from careerctl.review import check_name, check_relation, review_of

    relation = check_relation(options.rater or "self")
    if options.subject is None:
        raise InputError("--for", _("name whose skills this review rates, e.g. --for Dana"))
    subject = check_name(options.subject, "--for")
    if options.by is None and relation != "self":
        raise InputError(
            "--by",
            _("name who is rating, e.g. --by 'Sam Lee' (the {relation} review records it)").format(
                relation=relation
            ),
        )
    rater = check_name(options.by or subject, "--by")
    if options.out is None:
        raise InputError("--out", _("name the review file to write, e.g. --out review.yaml"))
    out = options.out
    refuse_own_files(env, out, _("a review"), reviews=False)
    terminal = prompts.open_terminal(env.stdin, env.stderr)
    if terminal is None and options.given.answers is None and not options.given.sets:
        raise NoLevels(
            _("no terminal to ask on: give --answers FILE and/or --set SKILL=LEVEL to rate {name}").format(
                name=subject
            )
        )
    kb = env.load().kb
    answers = options.given.answers
    given = {**(read_answers(answers, kb) if answers else {}), **parse_sets(list(options.given.sets), kb)}
    asked = Options(
        current=find_role(kb, options.current).id if options.current else None,
        target=find_role(kb, options.target).id if options.target else None,
        every=options.every,
        given=given,
        subject=subject,
    )

    def save(latest: Profile) -> None:
        write_review(out, review_of(latest.assessments[-1], rater, relation, subject, kb))

    prompter = (
        prompts.TerminalPrompter(terminal, kb.scale, subject=subject, tracks=kb.terms.get("tracks"))
        if terminal
        else None
    )
    try:
        outcome = run_assessment(kb, Profile(), prompter, save, env.now(), asked)
    except KeyboardInterrupt:
        if out.exists():
            raise Interrupted(
                _("interrupted; the answers given so far are in {path}").format(path=out)
            ) from None
        raise Interrupted(_("interrupted; nothing was saved")) from None
    count = len(outcome.assessment.levels)
    said = ngettext(
        "Wrote the {relation} review of {name} by {rater} ({count} skill) to {path}; "
        "`careerctl review add {path}` attaches it to {name}'s profile",
        "Wrote the {relation} review of {name} by {rater} ({count} skills) to {path}; "
        "`careerctl review add {path}` attaches it to {name}'s profile",
        count,
    )
    env.say(said.format(relation=relation_word(relation), name=subject, rater=rater, count=count, path=out))
    review = read_review(out)
    doc = ReviewsDoc("careerctl.reviews/1", "", str(out.parent), [review_ref(out.stem, review)])
    return ReviewsResult(doc, kb)


def interrupted(where: Path, profile: Profile | None) -> Interrupted:
    """Ctrl-C during `assess`: what was kept."""
    if profile is None:
        return Interrupted(_("interrupted; nothing was saved"))
    done = len(profile.assessments[-1].levels)
    said = ngettext(
        "interrupted; {count} answer saved in {path}. Run `careerctl assess` to resume.",
        "interrupted; {count} answers saved in {path}. Run `careerctl assess` to resume.",
        done,
    )
    return Interrupted(said.format(count=done, path=where))


def relation_word(relation: str) -> str:
    """A review's relation (self, manager, peer) in the interface's words."""
    return {"self": _("self"), "manager": _("manager"), "peer": _("peer")}.get(relation, relation)


def assessed(env: Env, kb: KnowledgeBase, outcome: Outcome) -> AssessResult:
    """After `assess`: say what was saved, then readiness and the top five steps."""
    from careerctl.assess import latest_levels
    from careerctl.plan import build_plan, readiness

    item = outcome.assessment
    if outcome.kept:
        names = ", ".join(outcome.kept[:5]) + (
            _(" and {count} more").format(count=len(outcome.kept) - 5) if len(outcome.kept) > 5 else ""
        )
        said = _("{count} skill(s) not in --answers/--set kept their previous level, else 0: {names}")
        env.say("careerctl: " + said.format(count=len(outcome.kept), names=names))
    saved = ngettext(
        "Saved the assessment ({count} skill) to {path}",
        "Saved the assessment ({count} skills) to {path}",
        len(item.levels),
    )
    env.say(saved.format(count=len(item.levels), path=env.profile))
    levels = latest_levels(outcome.profile)
    doubts = [w.message for w in answer_warnings(env, kb, outcome.profile, skip=outcome.kept)]
    for doubt in doubts:
        env.say("careerctl: " + _("warning: {message}").format(message=doubt))
    try:
        first: Plan | None = build_plan(kb, item.target, levels, current_id=item.current)
    except NoResult:
        first = None
    ready = readiness(kb.roles[item.target], levels)
    doc = AssessmentDoc(
        "careerctl.assessment/1",
        kb_ref(kb),
        str(env.profile),
        outcome.resumed,
        list(outcome.kept),
        assessment_record(item),
        role_ref(kb.roles[item.current]),
        role_ref(kb.roles[item.target]),
        ratio(ready),
        [step_entry(kb, s) for s in first.steps[:5]] if first else [],
        doubts,
    )
    return AssessResult(doc, kb, outcome, ready, first, levels)


def answer_warnings(
    env: Env, kb: KnowledgeBase, profile: Profile, skip: Sequence[str] = ()
) -> list[AnswerWarning]:
    """The checks on a profile's latest answers (prerequisites, sameness, unbacked claims, age);
    `skip`: skills nobody answered (they kept a level without being asked)."""
    from careerctl.assess import check_levels, latest_levels, latest_notes, rated_at

    months = env.setting("stale_months", None, 6)
    known = {s: lvl for s, lvl in latest_levels(profile).items() if s in kb.skills and s not in skip}
    days = round(30.4 * months)
    backing = evidence_backing(env, known)
    return check_levels(kb, known, latest_notes(profile), rated_at(profile), env.now(), days, backing)


def saved_profile(env: Env) -> Profile:
    """The saved profile with at least one assessment; NoResult otherwise."""
    from careerctl.store import read_profile

    profile = read_profile(env.profile)
    if profile is None or not profile.assessments:
        raise NoResult(
            _("no assessment saved yet in {profile}: run `careerctl assess` first").format(
                profile=env.profile
            )
        )
    return profile


def profile_show(env: Env, with_kb: bool = True) -> ProfileResult:
    """`careerctl profile show` / `export`: the saved profile (and the KB that names its skills)."""
    from careerctl.assess import latest_notes

    profile = saved_profile(env)
    kb = env.load().kb if with_kb else None
    doc = profile_doc(profile)
    return ProfileResult(doc, kb, profile, str(env.profile), doc.levels, latest_notes(profile))


def profile_export(env: Env, as_yaml: bool) -> ProfileResult:
    """`careerctl profile export`: the whole profile, as its YAML file or as careerctl.profile/1."""
    from careerctl.store import dump_profile

    result = profile_show(env, with_kb=False)
    if as_yaml:
        result.exported = dump_profile(result.profile).decode("utf-8")
    return result


def progress(env: Env) -> ProgressResult:
    """`careerctl progress`: levels and readiness at each assessment, and what changed last."""
    from careerctl.assess import build_progress

    kb = env.load().kb
    result = build_progress(kb, saved_profile(env))
    return ProgressResult(progress_doc(kb, result), kb, result)


def profile_import(env: Env, source: Path, yes: bool = False) -> None:
    """`careerctl profile import FILE`: replace the profile, keeping the old one in backups/."""
    from careerctl.store import import_profile, load_profile

    load_profile(source)  # a bad file is refused before anything is asked
    if os.path.lexists(env.profile):
        confirm(
            env,
            yes,
            _("Replace your profile {profile} with {path}?").format(profile=env.profile, path=source),
        )
    profile, backup = import_profile(source, env.profile, env.now())
    count = len(profile.assessments)
    if backup:
        said = ngettext(
            "Imported {count} assessment into {profile}; the old one is kept as {backup}",
            "Imported {count} assessments into {profile}; the old one is kept as {backup}",
            count,
        )
    else:
        said = ngettext(
            "Imported {count} assessment into {profile}", "Imported {count} assessments into {profile}", count
        )
    env.say(said.format(count=count, profile=env.profile, backup=backup))


def profile_reset(env: Env, yes: bool = False) -> None:
    """`careerctl profile reset`: move the profile into a dated file in backups/."""
    from careerctl.store import check_regular, reset_profile

    if not os.path.lexists(env.profile):
        env.say(_("No profile at {profile}: nothing to reset").format(profile=env.profile))
        return
    check_regular(env.profile)
    confirm(
        env, yes, _("Move your profile {profile} into backups/ and start afresh?").format(profile=env.profile)
    )
    backup = reset_profile(env.profile, env.now())
    env.say(
        _(
            "Profile moved to {backup}; the next `careerctl assess` starts afresh (`careerctl profile restore`)"
        ).format(backup=backup)
    )


def profile_restore(env: Env, name: str | None = None, yes: bool = False, listing: bool = False) -> None:
    """`careerctl profile restore [BACKUP]`: bring back a backup (the newest by default), or list them."""
    from careerctl.store import list_backups, restore_profile

    backups = list_backups(env.profile)
    if listing or not backups:
        env.stdout.write("".join(f"{visible(p.name)}\n" for p in backups))
        if not backups:
            env.say(_("No backups beside {profile}").format(profile=env.profile))
        return
    chosen = backups[0] if name is None else next((p for p in backups if name in (p.name, str(p))), None)
    if chosen is None:
        unknown("backup", name or "", [p.name for p in backups])
    assert chosen is not None
    if os.path.lexists(env.profile):
        confirm(env, yes, _("Replace your profile with the backup {backup}?").format(backup=chosen.name))
    profile, kept = restore_profile(env.profile, chosen, env.now())
    count = len(profile.assessments)
    if kept:
        said = ngettext(
            "Restored {count} assessment from {backup}; the profile it replaced is kept as {kept}",
            "Restored {count} assessments from {backup}; the profile it replaced is kept as {kept}",
            count,
        )
    else:
        said = ngettext(
            "Restored {count} assessment from {backup}", "Restored {count} assessments from {backup}", count
        )
    env.say(said.format(count=count, backup=chosen, kept=kept))


def confirm(env: Env, yes: bool, question: str) -> None:
    """Ask on the terminal before replacing the profile; without one, --yes must say so."""
    if yes:
        return
    from careerctl import prompts

    terminal = prompts.open_terminal(env.stdin, env.stderr)
    if terminal is None:
        said = _("{question}: there is no terminal to ask on; add --yes to go ahead")
        raise NoLevels(said.format(question=question.rstrip("?")))
    if not prompts.TerminalPrompter(terminal).confirm(question, False):
        raise NoResult(_("nothing was changed"))


# ---- the config file ------------------------------------------------------------------------------


def config_show(env: Env) -> ConfigResult:
    """`careerctl config` and `config show`: the settings the file holds, as the file says them."""
    from careerctl.config import dump_config

    path = env.config_file
    if not env.settings:
        env.say(_("No settings in {path} (`careerctl config set KEY VALUE` makes it)").format(path=path))
    text = dump_config(env.settings).decode("utf-8") if env.settings else ""
    return ConfigResult(ConfigDoc("careerctl.config/1", str(path), dict(env.settings)), text)


def config(env: Env, action: str, key: str | None = None, value: str | None = None) -> None:
    """`careerctl config set|unset|path`: change the settings file, or say where it is."""
    from careerctl.config import set_setting, unset_setting

    path = env.config_file
    if action == "path":
        env.stdout.write(f"{visible(str(path))}\n")
    elif action == "set" and key is not None and value is not None:
        kept = set_setting(path, key, value)
        shown = f"{kept:g}" if isinstance(kept, float) else kept
        env.say(_("Set {key} = {value} in {path}").format(key=key, value=shown, path=path))
    elif key is not None:
        done = unset_setting(path, key)
        said = _("Removed {key} from {path}") if done else _("{key} was not set in {path}")
        env.say(said.format(key=key, path=path))


IMPORT_PHASES = ("read", "build", "write", "check")
"""What `kb import` does, in order: the phases a progress bar shows."""

IMPORT_PHASE_WORDS = {
    "read": N_("reading"),
    "build": N_("building"),
    "write": N_("writing"),
    "check": N_("checking"),
}
"""What the progress bar says for each phase of IMPORT_PHASES."""


def kb_import(
    env: Env,
    taxonomy: str,
    source: Path,
    out: Path,
    force: bool = False,
    progress: Callable[[str], None] | None = None,
    quiet: bool = False,
) -> None:
    """`careerctl kb import onet|esco SRC --out DIR`: write a KB folder, then check and compile it.

    `progress` is told each phase of IMPORT_PHASES as it starts, then "done"; `quiet` drops the summary.
    """
    from careerctl.kb.load import ROLES_FILE, SKILLS_FILE

    if out.exists() and not out.is_dir():
        raise InputError(out, _("is not a folder: --out names the folder to write the KB into"))
    existing = [name for name in (SKILLS_FILE, ROLES_FILE) if (out / name).exists()]
    if existing and not force:
        raise InputError(
            out,
            _("already holds a KB ({files}); add --force to replace it").format(files=", ".join(existing)),
        )
    if taxonomy == "onet":
        from careerctl.kb.importers.onet import import_onet as importer
    else:
        from careerctl.kb.importers.esco import import_esco as importer
    tell = progress or (lambda phase: None)
    summary = importer(source, out, tell).summary
    tell("check")
    loaded = Env(kb_dir=out).load()  # validates the result and compiles the cache, so first use is fast
    tell("done")  # the bar goes before the summary, or the summary lands on the bar's line
    if quiet:
        return
    env.say(summary)
    if loaded.warnings:
        said = _(
            "Checked and compiled it ({count} warnings: see careerctl kb validate {path}). "
            "Use it with: careerctl --kb {path} roles"
        )
    else:
        said = _("Checked and compiled it. Use it with: careerctl --kb {path} roles")
    env.say(said.format(count=number(len(loaded.warnings)), path=out))


# ---- the team view ---------------------------------------------------------------------------------


def team(
    env: Env,
    paths: list[Path],
    roles: list[str] | None = None,
    category: str | None = None,
    skills: list[str] | None = None,
    strict: bool = False,
) -> TeamResult:
    """`careerctl team`: a skills matrix of many profiles, coverage, single holders, gaps, mentors, readiness.

    A damaged profile, or one made on another KB, is named on stderr and left out; with `strict`
    the result's exit code is then 2 (the view is still given for the others).
    """
    from careerctl.names import find_role, find_skill
    from careerctl.store import read_team
    from careerctl.team import build_team, gather_members

    kb = env.load().kb
    role_ids = [find_role(kb, name).id for name in roles] if roles else None
    skill_ids = [find_skill(kb, name).id for name in skills] if skills else None
    wanted = category.strip().lower() if category is not None else None
    categories = {s.category for s in kb.skills.values()}
    if wanted is not None and wanted not in categories:
        unknown("category", category or "", categories)
    files, notices = read_team(paths)
    members, more = gather_members(kb, files)
    notices += more
    for notice in notices:
        env.say(f"careerctl: {notice}")
    if not members:
        where = paths[0] if len(paths) == 1 else _("the profiles given")
        raise InputError(
            where,
            _("no profile made on this knowledge base could be read ({count} left out)").format(
                count=len(notices)
            ),
        )
    built = build_team(kb, members, role_ids, skill_ids, wanted, notices)
    code = ExitCode.BAD_INPUT if strict and built.skipped else ExitCode.OK
    return TeamResult(team_doc(kb, built, wanted, skill_ids), kb=kb, team=built, exit_code=code)


def team_doc(kb: KnowledgeBase, built: Team, category: str | None, skills: list[str] | None) -> TeamDoc:
    """The careerctl.team/1 document of a team view."""
    view = set(built.skills)
    people = [
        TeamMemberEntry(
            m.name, m.path, m.current, m.target, {s: lvl for s, lvl in sorted(m.levels.items()) if s in view}
        )
        for m in built.members
    ]
    coverage = [
        CoverageEntry(
            c.skill, kb.skills[c.skill].name, kb.skills[c.skill].category, c.competent, c.proficient
        )
        for c in built.coverage
    ]
    return TeamDoc(
        schema="careerctl.team/1",
        kb=kb_ref(kb),
        roles=built.roles,
        category=category,
        skill_filter=skills,
        people=people,
        skills=coverage,
        single_holders=[SingleHolderEntry(h.skill, h.person, h.level) for h in built.single_holders],
        gaps=[TeamGapEntry(g.skill, g.need, g.best, g.roles) for g in built.gaps],
        mentoring=[
            MentoringEntry(p.skill, p.mentor, p.mentor_level, p.mentee, p.mentee_level, p.need)
            for p in built.mentoring
        ],
        mentoring_left_out=built.mentoring_left_out,
        readiness=[
            TeamRoleEntry(
                r.role,
                kb.roles[r.role].name,
                len(r.meet),
                r.meet,
                [CloseEntry(c.person, ratio(c.readiness)) for c in r.closest],
            )
            for r in built.readiness
        ],
        skipped=[NoticeEntry(n.path, n.line, n.message) for n in built.notices if n.skipped],
        notes=[NoticeEntry(n.path, n.line, n.message) for n in built.notices if not n.skipped],
    )


# ---- building the documents -----------------------------------------------------------------------


def unknown(kind: str, name: str, known: set[str] | list[str]) -> None:
    """Raise UnknownName for `name`, with the nearest of `known` as suggestions."""
    from careerctl.names import suggest

    raise UnknownName(kind, name, suggest(name, known))


def ratio(value: float) -> float:
    """A 0..1 fraction to four decimals: enough for a percentage with two decimals."""
    return round(value, 4)


def kb_ref(kb: KnowledgeBase) -> KbRef:
    """Which KB an answer came from."""
    return KbRef(kb.identity, kb.about.name, kb.uses_default_effort())


def role_ref(role: Role) -> RoleRef:
    """A role named by id and name."""
    return RoleRef(role.id, role.name)


def role_entry(role: Role) -> RoleEntry:
    """A role with its requirements and transitions."""
    return RoleEntry(
        role.id,
        role.name,
        list(role.aliases),
        role.track,
        role.seniority,
        role.summary,
        list(role.responsibilities),
        [RequirementEntry(r.skill, r.level, r.weight) for r in role.requirements],
        [MoveEntry(t.role, t.years) for t in role.next],
    )


def skill_entry(skill: Skill) -> SkillEntry:
    """A skill with its anchors, prerequisites, effort and resources."""
    return SkillEntry(
        skill.id,
        skill.name,
        skill.category,
        skill.summary,
        [AnchorEntry(n, text) for n, text in enumerate(skill.levels, start=1)],
        [
            PrerequisiteEntry(at, name, level)
            for at, prereqs in sorted(skill.requires.items())
            for name, level in sorted(prereqs.items())
        ],
        list(skill.effort),
        [
            ResourceEntry(r.title, r.kind, r.level, r.url, r.author, r.cost, r.language, list(r.stack))
            for r in skill.resources
        ],
        list(skill.tags),
        list(skill.technologies),
        list(skill.replaces),
        {standard: list(codes) for standard, codes in skill.mappings.items()},
    )


def step_entry(kb: KnowledgeBase, s: Step) -> StepEntry:
    """One plan step."""
    resource = StepResourceEntry(s.resource.title, s.resource.kind, s.resource.url) if s.resource else None
    return StepEntry(
        rank=s.rank,
        phase=s.phase,
        skill=s.skill,
        skill_name=kb.skills[s.skill].name,
        from_=s.from_level,
        to=s.to_level,
        hours=s.hours,
        cumulative_hours=s.cumulative_hours,
        readiness_after=ratio(s.target_readiness_after),
        readiness_gain=ratio(s.target_gain),
        phase_readiness_after=ratio(s.readiness_after),
        phase_readiness_gain=ratio(s.gain),
        weight=s.weight,
        levels_short=s.levels_short,
        priority_from=s.priority_from,
        why=s.why,
        also_needed_by=list(s.also_needed_by),
        unblocks=list(s.unblocks),
        resource=resource,
    )


def plan_doc(kb: KnowledgeBase, plan: Plan, timeline: Schedule, weeks: float, chosen: str) -> PlanDoc:
    """careerctl.plan/1"""
    dates = {d.role: d for d in timeline.phases}
    return PlanDoc(
        schema="careerctl.plan/1",
        kb=kb_ref(kb),
        target=role_ref(kb.roles[plan.target]),
        target_chosen=chosen,  # type: ignore[arg-type]
        current=role_ref(kb.roles[plan.current]) if plan.current else None,
        horizon=list(plan.horizon),
        readiness=ratio(plan.readiness),
        readiness_after=ratio(plan.readiness_after),
        steps_total=plan.steps_total,
        truncated=plan.truncated,
        shown_hours=plan.shown_hours,
        shown_readiness_after=ratio(plan.shown_readiness_after),
        total_hours=plan.total_hours,
        hours_direct=plan.hours_direct,
        hours_for_rungs=plan.hours_for_rungs,
        hours_per_week=timeline.hours_per_week,
        focus=timeline.focus,
        weeks=round(weeks, 1),
        start=timeline.start.isoformat(),
        finish=timeline.finish.isoformat(),
        phases=[
            PhaseEntry(
                role=role_ref(kb.roles[p.role]),
                after=p.after,
                readiness=ratio(p.readiness),
                readiness_start=ratio(p.readiness_start),
                first_rank=p.first_rank,
                steps_total=p.steps_total,
                hours=p.hours,
                cumulative_hours=p.cumulative_hours,
                years=p.years,
                study_done=dates[p.role].study_done.isoformat(),
                in_role_done=iso(dates[p.role].in_role_done),
                met=dates[p.role].met.isoformat(),
                set_by=dates[p.role].set_by,
            )
            for p in plan.phases
        ],
        schedule=[
            BlockEntry(
                b.phase,
                b.start.isoformat(),
                b.end.isoformat(),
                b.hours,
                [
                    BlockSkillEntry(
                        skill=i.skill, skill_name=kb.skills[i.skill].name, from_=i.from_level, to=i.to_level
                    )
                    for i in b.items
                ],
            )
            for b in timeline.blocks
        ],
        steps=[step_entry(kb, s) for s in plan.steps],
        gaps=[GapEntry(g.skill, g.category, g.have, g.need, g.weight) for g in plan.gaps],
    )


def iso(day: date | None) -> str | None:
    """A date as ISO 8601, or None."""
    return day.isoformat() if day else None


def route_entry(kb: KnowledgeBase, route: Route) -> RouteEntry:
    """One route: its roles in order, legs with the skills each raises, and totals."""
    from careerctl.route import track_switches

    legs = [
        LegEntry(
            leg.from_role,
            leg.to_role,
            leg.years,
            leg.hours,
            [RaiseEntry(skill=r.skill, from_=r.from_level, to=r.to_level, hours=r.hours) for r in leg.raises],
        )
        for leg in route.legs
    ]
    changes = len(track_switches(kb, route.roles))
    return RouteEntry(list(route.roles), route.hours, route.years, legs, changes)


def assessment_record(item: Assessment) -> AssessmentRecord:
    """One saved assessment, as the profile file holds it."""
    return AssessmentRecord(
        item.at,
        item.kb,
        item.current,
        item.target,
        item.complete,
        list(item.skills),
        dict(item.levels),
        dict(item.notes),
    )


def profile_doc(profile: Profile) -> ProfileDoc:
    """careerctl.profile/1: also what `profile export --json` prints and `profile import` reads."""
    from careerctl.assess import latest_levels
    from careerctl.store import PROFILE_VERSION

    return ProfileDoc(
        "careerctl.profile/1",
        PROFILE_VERSION,
        profile.current,
        profile.target,
        latest_levels(profile),
        [assessment_record(a) for a in profile.assessments],
        profile.name,
    )


def progress_doc(kb: KnowledgeBase, progress: Progress) -> ProgressDoc:
    """careerctl.progress/1"""
    return ProgressDoc(
        "careerctl.progress/1",
        kb_ref(kb),
        role_ref(kb.roles[progress.target]) if progress.target else None,
        [PointEntry(p.at, p.complete, p.readiness) for p in progress.points],
        [TrendEntry(t.skill, kb.skills[t.skill].name, list(t.levels), t.now) for t in progress.trends],
        [
            ChangeEntry(skill=c.skill, name=kb.skills[c.skill].name, from_=c.before, to=c.after)
            for c in progress.changes
        ],
    )


# ---- reviews, calibration, evidence and the promotion packet (issue #15) -------------------------


LEVEL_SOURCES = ("self", "calibrated")
"""What `--levels` chooses: the person's own ratings, or the agreed levels of calibration."""


def review_ref(name: str, review: Review) -> ReviewRef:
    """A review as its documents list it."""
    return ReviewRef(name, review.rater, review.relation, review.subject, review.at, len(review.ratings))


def attached(env: Env) -> list[Review]:
    """The reviews attached to the profile, one per rater (their latest)."""
    from careerctl.records import list_reviews
    from careerctl.review import latest_by_rater, review_in

    kb = env.load().kb
    return [review_in(kb, review) for review in latest_by_rater(list_reviews(env.profile))]


def calibrated(env: Env, kb: KnowledgeBase, own: dict[str, int], rule: str = "manager") -> Calibration:
    """Calibration of the person's own levels against the attached reviews."""
    from careerctl.calibration import calibrate as agree_levels

    return agree_levels(kb, own, attached(env), rule)


def with_levels(env: Env, kb: KnowledgeBase, own: dict[str, int], source: str | None) -> dict[str, int]:
    """The levels `--levels` chooses (None: self, silently); says which on stderr when chosen."""
    if source is None:
        return own
    if source not in LEVEL_SOURCES:
        raise InputError("--levels", _("must be self or calibrated, not {value}").format(value=repr(source)))
    if source == "self":
        env.say("careerctl: " + _("levels: self (your own ratings)"))
        return own
    cal = calibrated(env, kb, own)
    if not cal.reviews:
        raise NoLevels(
            _(
                "--levels calibrated: no reviews are attached to {profile}; "
                "`careerctl review add FILE` attaches one (or use --levels self)"
            ).format(profile=env.profile)
        )
    agreed = cal.levels()
    changed = sum(1 for skill, level in agreed.items() if own.get(skill, 0) != level)
    reviews = ngettext("{count} review", "{count} reviews", len(cal.reviews)).format(count=len(cal.reviews))
    said = ngettext(
        "levels: calibrated (agreed levels from {reviews}, manager rule; {count} skill differ from your own)",
        "levels: calibrated (agreed levels from {reviews}, manager rule; {count} skills differ from your own)",
        changed,
    )
    env.say("careerctl: " + said.format(reviews=reviews, count=changed))
    return {**own, **agreed}


def review_add(env: Env, source: Path) -> ReviewsResult:
    """`careerctl review add FILE`: check a review and attach it beside the profile."""
    from careerctl.records import add_review

    kb = env.load().kb
    name, review, note = add_review(env.profile, source, kb)
    if note:
        env.say(f"careerctl: {note}")
    count = len(review.ratings)
    said = ngettext(
        "Attached the {relation} review by {rater} ({count} skill) as {name}",
        "Attached the {relation} review by {rater} ({count} skills) as {name}",
        count,
    )
    env.say(said.format(relation=relation_word(review.relation), rater=review.rater, count=count, name=name))
    return review_list(env)


def review_list(env: Env) -> ReviewsResult:
    """`careerctl review list`: the reviews attached to the profile, by name."""
    from careerctl.records import list_reviews, reviews_dir

    kb = env.load().kb
    found = list_reviews(env.profile)
    doc = ReviewsDoc(
        "careerctl.reviews/1",
        str(env.profile),
        str(reviews_dir(env.profile)),
        [review_ref(name, review) for name, review in found.items()],
    )
    return ReviewsResult(doc, kb)


def review_remove(env: Env, name: str) -> None:
    """`careerctl review remove NAME`: take a review off (it is kept in backups/)."""
    from careerctl.records import remove_review

    moved = remove_review(env.profile, name)
    env.say(_("Removed the review {name}; it is kept as {path}").format(name=name, path=moved))


def calibration_doc(kb: KnowledgeBase, cal: Calibration, names: dict[int, str]) -> CalibrationDoc:
    """The calibration document."""
    from careerctl.calibration import RULES

    skills = [
        CalibrationEntry(
            row.skill,
            kb.skills[row.skill].name,
            row.self_level,
            row.manager,
            list(row.peers),
            row.peers_median,
            row.agreed,
            row.gap,
            row.flagged,
            [RaterNote(rater, note) for rater, note in row.notes],
        )
        for row in cal.rows
    ]
    refs = [review_ref(names.get(id(r), ""), r) for r in cal.reviews]
    flagged = [row.skill for row in cal.flagged]
    return CalibrationDoc(
        "careerctl.calibration/1", kb_ref(kb), cal.rule, RULES[cal.rule], refs, skills, flagged
    )


def calibrate(env: Env, rule: str = "manager") -> CalibrationResult:
    """`careerctl calibrate`: self, manager and peers per skill, the agreed level, the gaps to discuss."""
    from careerctl.calibration import RULES
    from careerctl.calibration import calibrate as agree_levels
    from careerctl.records import list_reviews
    from careerctl.review import latest_by_rater

    if rule not in RULES:
        raise InputError(
            "--rule",
            _("must be one of {choices}, not {value}").format(choices=", ".join(RULES), value=repr(rule)),
        )
    kb = env.load().kb
    saved = env.saved_person()
    own = {s: v for s, v in saved[0].items() if s in kb.skills} if saved else {}
    found = list_reviews(env.profile)
    if not found:
        raise NoResult(
            _("no reviews are attached to {profile}: `careerctl review add FILE` attaches one").format(
                profile=env.profile
            )
        )
    from careerctl.review import review_in

    named = {name: review_in(kb, review) for name, review in found.items()}
    chosen = latest_by_rater(named)
    names = {id(review): name for name, review in named.items()}
    cal = agree_levels(kb, own, chosen, rule)
    if not own:
        env.say(
            "careerctl: "
            + _("no self-assessment in {profile}: there are no gaps to flag").format(profile=env.profile)
        )
    return CalibrationResult(calibration_doc(kb, cal, names), kb, cal)


def evidence_file(env: Env) -> Path:
    """The evidence log of the profile in use."""
    from careerctl.records import evidence_path

    return evidence_path(env.profile)


def evidence_result(env: Env, kb: KnowledgeBase, items: list[Evidence], skill: str | None) -> EvidenceResult:
    """The log, or one skill's entries, newest first."""
    from careerctl.evidence import for_skill

    chosen = for_skill(items, skill)
    entries = [EvidenceEntry(e.skill, e.what, e.date, e.level, e.link, e.source) for e in chosen]
    return EvidenceResult(
        EvidenceDoc("careerctl.evidence/1", str(evidence_file(env)), skill, entries), kb, chosen
    )


def evidence_add(
    env: Env, skill: str, what: str, level: int | None = None, link: str | None = None, day: str | None = None
) -> EvidenceResult:
    """`careerctl evidence add SKILL "what I did"`: one entry in the evidence log."""
    from careerctl.evidence import new_evidence
    from careerctl.records import add_evidence

    kb = env.load().kb
    entry = new_evidence(kb, skill, what, day or env.today().isoformat(), level, link)
    items = add_evidence(evidence_file(env), [entry])
    said = ngettext(
        "Added evidence for {skill} to {path} ({count} entry)",
        "Added evidence for {skill} to {path} ({count} entries)",
        len(items),
    )
    env.say(said.format(skill=kb.skills[entry.skill].name, path=evidence_file(env), count=len(items)))
    return evidence_result(env, kb, items, entry.skill)


def evidence_list(env: Env, skill: str | None = None) -> EvidenceResult:
    """`careerctl evidence list`: the evidence log, newest first."""
    from careerctl.evidence import check_skill
    from careerctl.records import read_evidence

    kb = env.load().kb
    chosen = check_skill(kb, skill, "--skill") if skill else None
    return evidence_result(env, kb, read_evidence(evidence_file(env)), chosen)


def scan_authors(env: Env, authors: list[str]) -> list[str]:
    """Whose commits count: --author, else the config's `author`, else the user's git user.email."""
    if authors:
        return authors
    from careerctl.config import config_location, read_config

    configured = read_config(config_location(env.environ)).get("author")
    if configured:
        said = _("crediting commits by {author} (the `author` setting; --author for another)")
        env.say("careerctl: " + said.format(author=configured))
        return [str(configured)]
    from careerctl.scan import git_user_email

    email = git_user_email()
    if email:
        said = _("crediting commits by {author} (your git user.email; --author for another)")
        env.say("careerctl: " + said.format(author=email))
        return [email]
    return []


def evidence_scan(env: Env, paths: list[Path], authors: list[str], accept: list[str]) -> ScanResult:
    """`careerctl evidence scan PATH...`: suggest evidence from the author's commits; --accept logs it."""
    from careerctl.evidence import Evidence as Entry
    from careerctl.evidence import check_skill
    from careerctl.evidence_signals import signals_for
    from careerctl.kb import bundled_kb_dir
    from careerctl.records import add_evidence
    from careerctl.scan import scan

    kb = env.load().kb
    bundled = env.kb_dir is None or env.kb_dir.resolve() == bundled_kb_dir().resolve()
    result = scan(paths, scan_authors(env, authors), signals_for(kb, bundled))
    by_skill = {s.skill: s for s in result.suggestions}
    wanted = [check_skill(kb, name, "--accept") for name in accept]
    for skill in wanted:
        if skill not in by_skill:
            raise InputError("--accept", _("{skill}: the scan suggests nothing for it").format(skill=skill))
    if wanted:
        day = env.today().isoformat()
        add_evidence(evidence_file(env), [Entry(s, by_skill[s].what(), day, source="scan") for s in wanted])
        said = ngettext(
            "Added {count} suggestion to {path}", "Added {count} suggestions to {path}", len(wanted)
        )
        env.say(said.format(count=len(wanted), path=evidence_file(env)))
    doc = ScanDoc(
        "careerctl.scan/1",
        kb_ref(kb),
        list(result.authors),
        [RepoEntry(str(r.path), len(r.commits), r.all_commits, r.tracked) for r in result.repos],
        [
            SuggestionEntry(
                s.skill,
                kb.skills[s.skill].name,
                s.commits,
                s.files,
                [CountEntry(n, c) for n, c in s.repos],
                [CountEntry(n, c) for n, c in s.kinds],
                s.sentence(),
            )
            for s in result.suggestions
        ],
        wanted,
    )
    return ScanResult(doc, kb, result)


def packet(
    env: Env,
    given: Given,
    target: str | None = None,
    name: str | None = None,
    top: int | None = None,
) -> Packet:
    """`careerctl report --format packet`: every needed skill's ratings, evidence and plan."""
    from careerctl.levels import choose_roles
    from careerctl.plan import build_plan
    from careerctl.records import read_evidence

    kb = env.load().kb
    who = person(env, Given(given.answers, given.sets, given.from_role))
    cal = calibrated(env, kb, who.levels)
    source = given.levels or ("calibrated" if cal.reviews else "self")
    levels = with_levels(env, kb, who.levels, source)
    current, goal = choose_roles(kb, levels, who.current, target or who.target)
    result = build_plan(kb, goal, levels, current_id=current)
    items = read_evidence(evidence_file(env))
    return Packet(kb, result, who.levels, cal, items, env.today(), source, name, top)


def evidence_backing(env: Env, levels: dict[str, int]) -> dict[str, int]:
    """Per skill, the evidence entries that back its level: assess.check_levels(..., evidence=this)."""
    from careerctl.evidence import supporting_counts
    from careerctl.records import read_evidence

    return supporting_counts(read_evidence(evidence_file(env)), levels)
