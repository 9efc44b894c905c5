"""The use cases: one function per command, taking an Env and typed options, returning a result.

Both command lines (cli.py, Typer; entry.py, the fast path) parse their arguments and call these
functions; `render.render(result, format, env)` turns the result into output. A result's `doc`
is the command's --json document (careerctl/results.py). Nothing here prints a result, parses
an argument or formats a number: a notice for the person goes to stderr through `env.say`.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Optional

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
from careerctl.results import (
    AboutEntry,
    AnchorEntry,
    AssessmentDoc,
    AssessmentRecord,
    AssessResult,
    ChangeEntry,
    FolderRef,
    GapEntry,
    KbRef,
    LegEntry,
    MatchDoc,
    MatchEntry,
    MatchResult,
    MoveEntry,
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
    Report,
    RequirementEntry,
    ResourceEntry,
    RoleDoc,
    RoleEntry,
    RoleRef,
    RolesDoc,
    RolesResult,
    RouteDoc,
    RouteEntry,
    RouteResult,
    ShowResult,
    SkillDoc,
    SkillEntry,
    SkillsDoc,
    SkillsResult,
    StatsDoc,
    StatsResult,
    StepEntry,
    StepResourceEntry,
    TrendEntry,
    ValidationDoc,
    ValidationResult,
)
from careerctl.text import number, plural, visible

if TYPE_CHECKING:  # annotations only: importing them would slow every command down
    from careerctl.assess import Outcome, Progress
    from careerctl.model import Assessment, KnowledgeBase, Profile, Role, Skill
    from careerctl.plan import Plan, Step
    from careerctl.route import Route


class Given(Struct, frozen=True):
    """The LEVELS options: --answers FILE, --set SKILL=LEVEL ..., --from ROLE; none of them: the profile."""

    answers: Optional[Path] = None
    sets: tuple[str, ...] = ()
    from_role: Optional[str] = None

    @classmethod
    def of(cls, answers: Path | None, sets: list[str] | None, from_role: str | None = None) -> Given:
        """The LEVELS options as a command line gives them."""
        return cls(answers, tuple(sets or ()), from_role)

    @property
    def any(self) -> bool:
        """Whether any LEVELS option was given."""
        return self.answers is not None or bool(self.sets) or self.from_role is not None

    def words(self) -> str:
        """How the levels were given, in the words of the options."""
        given = [f"--from {self.from_role}"] if self.from_role else []
        given += [f"--answers {self.answers.name}"] if self.answers else []
        given += [f"--set {item}" for item in self.sets]
        return ", ".join(given) or "the saved profile"


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
    from dataclasses import replace

    from careerctl.render import render

    buffer = io.StringIO()
    render(result, fmt, replace(env, stdout=buffer))
    return buffer.getvalue()


# ---- browsing the KB ----------------------------------------------------------------------------


def roles(env: Env, track: str | None = None) -> RolesResult:
    """`careerctl roles`: the roles of one track or all, by track, rung and id."""
    kb = env.load().kb
    chosen = [r for r in kb.roles.values() if track is None or r.track == track.lower()]
    if track is not None and not chosen:
        unknown("track", track, {r.track for r in kb.roles.values()})
    chosen.sort(key=lambda r: (r.track, r.seniority, r.id))
    doc = RolesDoc("careerctl.roles/1", kb_ref(kb), [role_entry(r) for r in chosen])
    return RolesResult(doc, kb, chosen)


def skills(env: Env, category: str | None = None) -> SkillsResult:
    """`careerctl skills`: the skills of one category or all, by category and id."""
    kb = env.load().kb
    chosen = [s for s in kb.skills.values() if category is None or s.category == category.lower()]
    if category is not None and not chosen:
        unknown("category", category, {s.category for s in kb.skills.values()})
    chosen.sort(key=lambda s: (s.category, s.id))
    return SkillsResult(SkillsDoc("careerctl.skills/1", kb_ref(kb), [skill_entry(s) for s in chosen]), chosen)


def show(env: Env, name: str) -> ShowResult:
    """`careerctl show NAME`: one role or skill, by id, alias or name."""
    from careerctl.model import Role
    from careerctl.names import find_any

    kb = env.load().kb
    item = find_any(kb, name)
    if isinstance(item, Role):
        return ShowResult(RoleDoc("careerctl.role/1", kb_ref(kb), role_entry(item)), kb, item)
    return ShowResult(SkillDoc("careerctl.skill/1", kb_ref(kb), skill_entry(item)), kb, item)


def validate(env: Env, folder: Path | None = None) -> ValidationResult:
    """`careerctl kb validate`: every problem of a KB folder; exit code 2 when one is an error."""
    target = folder or env.kb_folder
    identity = None
    try:
        loaded = Env(kb_dir=target).load()
        problems, identity = loaded.warnings, loaded.kb.identity
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
        known = resolve_levels(kb, saved=levels)
        warn_foreign_profile(env, len(levels), len(known))
        return Person(known, current, target)
    levels = resolve_levels(kb, given.answers, list(given.sets), given.from_role, stdin=binary_stdin(env))
    current = find_role(kb, given.from_role).id if given.from_role else None
    return Person(levels, current)


def warn_foreign_profile(env: Env, saved: int, known: int) -> None:
    """Say when the saved profile was made on another KB: its unknown skills are ignored."""
    if saved and not known:
        raise NoLevels(
            f"{env.profile}: the saved profile was made on another knowledge base (none of its skills are "
            "in this one); give --answers, --set or --from, or run `careerctl assess` with this KB"
        )
    if known < saved:
        env.say(
            f"careerctl: {saved - known} of the {saved} skills in {env.profile} are not in this "
            "knowledge base; they are left out"
        )


# ---- plan, path, match, report --------------------------------------------------------------------


def plan(
    env: Env, given: Given, target: str | None = None, top: int | None = None, hours_per_week: float = 6.0
) -> PlanResult:
    """`careerctl plan`: the ranked next steps towards the target, and when they are done."""
    from careerctl.levels import choose_roles
    from careerctl.plan import build_plan, weeks_to_meet

    kb = env.load().kb
    who = person(env, given)
    current, goal = choose_roles(kb, who.levels, who.current, target or who.target)
    result = build_plan(kb, goal, who.levels, current_id=current)
    weeks = weeks_to_meet(result, hours_per_week)
    doc = plan_doc(kb, result, hours_per_week, weeks, top)
    return PlanResult(doc, kb, result, hours_per_week, weeks, top, who.levels)


def path(env: Env, source: str, goal: str, given: Given = Given(), alternatives: int = 0) -> RouteResult:
    """`careerctl path FROM TO`: the cheapest routes; exit code 1, with the reason, when there is none."""
    from careerctl.names import find_role
    from careerctl.route import find_routes

    kb = env.load().kb
    start, end = find_role(kb, source), find_role(kb, goal)
    levels = None
    if given.any:
        levels = person(env, given).levels
    elif (saved := env.saved_person()) is not None:
        levels = saved[0]  # the first rung is costed from the levels saved by `careerctl assess`
    try:
        routes = find_routes(kb, start.id, end.id, alternatives + 1, levels)
    except NoResult as exc:
        doc = RouteDoc(
            "careerctl.route/1", kb_ref(kb), role_ref(start), role_ref(end), "role", None, [], str(exc)
        )
        return RouteResult(doc, kb, [], str(exc), exit_code=ExitCode.NO_RESULT)
    best, *others = routes
    doc = RouteDoc(
        "careerctl.route/1",
        kb_ref(kb),
        role_ref(start),
        role_ref(end),
        "person" if levels is not None else "role",
        route_entry(best),
        [route_entry(r) for r in others],
        None,
    )
    return RouteResult(doc, kb, routes, None)


def match(env: Env, given: Given, track: str | None = None, top: int = 10) -> MatchResult:
    """`careerctl match`: every role ranked by fit to the person's levels."""
    from careerctl.match import match_roles

    kb = env.load().kb
    who = person(env, given)
    tracks = {r.track for r in kb.roles.values()}
    if track is not None and track.lower() not in tracks:
        unknown("track", track, tracks)
    rows = match_roles(kb, who.levels, track=track.lower() if track else None, top=top)
    entries = [
        MatchEntry(r.rank, r.role, r.name, r.track, ratio(r.fit), ratio(r.readiness), r.hours_needed)
        for r in rows
    ]
    return MatchResult(MatchDoc("careerctl.match/1", kb_ref(kb), track, entries), rows)


def report(
    env: Env,
    given: Given,
    target: str | None = None,
    name: str | None = None,
    top: int | None = None,
    hours_per_week: float = 6.0,
) -> Report:
    """`careerctl report`: the plan, the route and the dates a shareable report shows."""
    from careerctl.levels import choose_roles
    from careerctl.plan import build_plan, route_there, weeks_to_meet

    kb = env.load().kb
    who = person(env, given)
    current, goal = choose_roles(kb, who.levels, who.current, target or who.target)
    result = build_plan(kb, goal, who.levels, current_id=current)
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
    from careerctl.files import atomic_write, refuse_inputs
    from careerctl.kb import ROLES_FILE, SKILLS_FILE

    kb_dir = env.kb_folder
    refuse_inputs(
        output,
        [
            ("the profile", env.profile),
            ("the profile's backup", env.profile.with_name(env.profile.name + ".bak")),
            ("a file of the KB in use", kb_dir / SKILLS_FILE),
            ("a file of the KB in use", kb_dir / ROLES_FILE),
        ],
    )
    if not output.parent.is_dir():
        raise InputError(output, f"cannot write: there is no folder {output.parent}")
    data = text.encode("utf-8")
    atomic_write(output, data)
    env.say(f"Wrote {what} to {output} ({number(len(data))} bytes)")


# ---- assessment and the profile ----------------------------------------------------------------


class AssessOptions(Struct, frozen=True):
    """The options of `careerctl assess`."""

    current: Optional[str] = None
    target: Optional[str] = None
    every: bool = False
    given: Given = Given()


def assess(env: Env, options: AssessOptions) -> AssessResult:
    """`careerctl assess`: ask (or read) the levels, save each answer, then readiness and first steps."""
    from careerctl import prompts

    terminal = prompts.open_terminal(env.stdin, env.stderr)
    if terminal is None and options.given.answers is None and not options.given.sets:
        raise NoLevels(
            "no terminal to ask on: give --answers FILE and/or --set SKILL=LEVEL "
            "(with --current ROLE and --target ROLE) to assess from a script"
        )
    from careerctl.assess import Options, run_assessment
    from careerctl.levels import parse_sets, read_answers
    from careerctl.model import Profile
    from careerctl.names import find_role
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
    )
    saved: list[Profile] = []
    merge = ProfileSaver(env.profile, profile)  # another careerctl's answers and resets stand

    def save(latest: Profile) -> None:
        merge(latest)
        saved[:] = [latest]

    prompter = prompts.TerminalPrompter(terminal) if terminal else None
    try:
        outcome = run_assessment(kb, profile, prompter, save, env.now(), asked)
    except KeyboardInterrupt:
        raise interrupted(env.profile, saved[0] if saved else None) from None
    return assessed(env, kb, outcome)


def interrupted(where: Path, profile: Profile | None) -> Interrupted:
    """Ctrl-C during `assess`: what was kept."""
    if profile is None:
        return Interrupted("interrupted; nothing was saved")
    done = len(profile.assessments[-1].levels)
    return Interrupted(
        f"interrupted; {plural(done, 'answer')} saved in {where}. Run `careerctl assess` to resume."
    )


def assessed(env: Env, kb: KnowledgeBase, outcome: Outcome) -> AssessResult:
    """After `assess`: say what was saved, then readiness and the top five steps."""
    from careerctl.assess import latest_levels
    from careerctl.plan import build_plan, readiness

    item = outcome.assessment
    if outcome.kept:
        names = ", ".join(outcome.kept[:5]) + (
            f" and {len(outcome.kept) - 5} more" if len(outcome.kept) > 5 else ""
        )
        env.say(
            f"careerctl: {len(outcome.kept)} skill(s) not in --answers/--set kept their previous level, else 0: "
            f"{names}"
        )
    env.say(f"Saved the assessment ({len(item.levels)} skills) to {env.profile}")
    levels = latest_levels(outcome.profile)
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
    )
    return AssessResult(doc, kb, outcome, ready, first, levels)


def saved_profile(env: Env) -> Profile:
    """The saved profile with at least one assessment; NoResult otherwise."""
    from careerctl.store import read_profile

    profile = read_profile(env.profile)
    if profile is None or not profile.assessments:
        raise NoResult(f"no assessment saved yet in {env.profile}: run `careerctl assess` first")
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


def profile_import(env: Env, source: Path) -> None:
    """`careerctl profile import FILE`: replace the profile, keeping the old one as .bak."""
    from careerctl.store import import_profile

    profile, backup = import_profile(source, env.profile)
    kept = f"; the old one is kept as {backup}" if backup else ""
    env.say(f"Imported {plural(len(profile.assessments), 'assessment')} into {env.profile}{kept}")


def profile_reset(env: Env) -> None:
    """`careerctl profile reset`: move the profile aside to a .bak file."""
    from careerctl.store import reset_profile

    backup = reset_profile(env.profile)
    if backup is None:
        env.say(f"No profile at {env.profile}: nothing to reset")
    else:
        env.say(f"Profile moved to {backup}; the next `careerctl assess` starts afresh")


def kb_import(env: Env, taxonomy: str, source: Path, out: Path, force: bool = False) -> None:
    """`careerctl kb import onet|esco SRC --out DIR`: write a KB folder, then check and compile it."""
    from careerctl.kb.load import ROLES_FILE, SKILLS_FILE

    if out.exists() and not out.is_dir():
        raise InputError(out, "is not a folder: --out names the folder to write the KB into")
    existing = [name for name in (SKILLS_FILE, ROLES_FILE) if (out / name).exists()]
    if existing and not force:
        raise InputError(out, f"already holds a KB ({', '.join(existing)}); add --force to replace it")
    if taxonomy == "onet":
        from careerctl.kb.importers.onet import import_onet as importer
    else:
        from careerctl.kb.importers.esco import import_esco as importer
    env.say(importer(source, out).summary)
    loaded = Env(kb_dir=out).load()  # validates the result and compiles the cache, so first use is fast
    warned = (
        f" ({number(len(loaded.warnings))} warnings: see careerctl kb validate {out})"
        if loaded.warnings
        else ""
    )
    env.say(f"Checked and compiled it{warned}. Use it with: careerctl --kb {out} roles")


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
    return KbRef(kb.identity, kb.about.name)


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
        [ResourceEntry(r.title, r.kind, r.level, r.url) for r in skill.resources],
        list(skill.tags),
    )


def step_entry(kb: KnowledgeBase, s: Step) -> StepEntry:
    """One plan step."""
    resource = StepResourceEntry(s.resource.title, s.resource.kind, s.resource.url) if s.resource else None
    return StepEntry(
        rank=s.rank,
        skill=s.skill,
        skill_name=kb.skills[s.skill].name,
        from_=s.from_level,
        to=s.to_level,
        hours=s.hours,
        cumulative_hours=s.cumulative_hours,
        readiness_after=ratio(s.readiness_after),
        readiness_gain=ratio(s.gain),
        why=s.why,
        also_needed_by=list(s.also_needed_by),
        unblocks=list(s.unblocks),
        resource=resource,
    )


def plan_doc(kb: KnowledgeBase, plan: Plan, hours_per_week: float, weeks: float, top: int | None) -> PlanDoc:
    """careerctl.plan/1"""
    steps = plan.steps[:top] if top else plan.steps
    return PlanDoc(
        "careerctl.plan/1",
        kb_ref(kb),
        role_ref(kb.roles[plan.target]),
        role_ref(kb.roles[plan.current]) if plan.current else None,
        list(plan.horizon),
        ratio(plan.readiness),
        ratio(plan.readiness_after),
        plan.total_hours,
        hours_per_week,
        round(weeks, 1),
        [step_entry(kb, s) for s in steps],
        [GapEntry(g.skill, g.category, g.have, g.need, g.weight) for g in plan.gaps],
    )


def route_entry(route: Route) -> RouteEntry:
    """One route: its roles in order, legs with the skills each raises, and totals."""
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
    return RouteEntry(list(route.roles), route.hours, route.years, legs)


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
