"""What the app functions return: typed results whose `doc` is the --json document.

Each `*Doc` Struct below IS a `careerctl.<kind>/1` document, key for key: `render.json` encodes
it as it is, and the JSON Schemas in `careerctl/schemas` are generated from these types
(`python -m careerctl.schemas`; tests/test_json_schemas.py fails when the shipped files drift).
The descriptions on the fields are the documentation of the documents.

Each `*Result` dataclass pairs a document with the core objects the human views draw from
(the KB, the plan, the routes), so that no renderer recomputes or re-reads anything.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Generic, Literal, Optional, TypeVar, Union

import msgspec
from msgspec import Meta, Struct

from careerctl.errors import ExitCode

if TYPE_CHECKING:  # the views only read these; importing them would slow every command down
    from datetime import date

    from careerctl.assess import Outcome, Progress
    from careerctl.calibration import Calibration
    from careerctl.errors import Problem
    from careerctl.evidence import Evidence
    from careerctl.kb.stats import Stats
    from careerctl.match import MatchRow
    from careerctl.model import KnowledgeBase, Levels, Profile, Role, Skill
    from careerctl.plan import Plan, Schedule, Step
    from careerctl.review import Review
    from careerctl.route import Route
    from careerctl.scan import Scan
    from careerctl.team import Team

# Field types shared by the documents. Optional[...] (not `X | None`): msgspec reads these
# annotations at run time, on Python 3.10 too.
Ratio = Annotated[float, Meta(ge=0, le=1, description="A fraction from 0 to 1, to four decimals.")]
Level = Annotated[int, Meta(ge=0, le=5, description="A proficiency level: 0 none .. 5 expert.")]
Hours = Annotated[int, Meta(ge=0, description="Hours of study.")]
Id = Annotated[str, Meta(description="An id of the knowledge base (kebab-case).")]


class Entry(Struct, forbid_unknown_fields=True):
    """Base of every document part: a closed object (its schema allows no other keys)."""


class KbRef(Entry):
    """Which knowledge base an answer came from."""

    identity: Annotated[str, Meta(description="Content hash of the KB files: same KB, same identity.")]
    name: Annotated[str, Meta(description="The KB's name from its `about` block; empty when it has none.")]
    default_effort: Annotated[
        bool,
        Meta(
            description="True when some skill gives no effort, so its hours come from the default table (rough)."
        ),
    ] = False


class RoleRef(Entry):
    """A role named by id and name."""

    id: Id
    name: Annotated[str, Meta(description="The role's name.")]


class RequirementEntry(Entry):
    """One skill a role requires."""

    skill: Id
    level: Level
    weight: Annotated[int, Meta(ge=1, le=5, description="Importance, 1..5 (3 by default).")]


class MoveEntry(Entry):
    """A usual move out of a role."""

    role: Id
    years: Annotated[float, Meta(ge=0, description="Typical years in this role before the move.")]


class RoleEntry(Entry):
    """A role with its requirements and transitions."""

    id: Id
    name: Annotated[str, Meta(description="The role's display name.")]
    aliases: Annotated[list[str], Meta(description="Short names people type for it: junior, sre.")]
    track: Annotated[str, Meta(description="The ladder it belongs to: backend, management, platform ...")]
    seniority: Annotated[int, Meta(description="The rung on its track; higher is more senior.")]
    summary: Annotated[str, Meta(description="What the role is, in a sentence or two.")]
    responsibilities: Annotated[list[str], Meta(description="What a person in this role does.")]
    requirements: Annotated[
        list[RequirementEntry], Meta(description="The skills it requires, each with a level and a weight.")
    ]
    next: Annotated[list[MoveEntry], Meta(description="The usual moves out of it.")]


class AnchorEntry(Entry):
    """What a person at one level of a skill can do."""

    level: Annotated[int, Meta(ge=1, le=5)]
    anchor: str


class PrerequisiteEntry(Entry):
    """A skill level needed before a level of another skill."""

    for_level: Annotated[int, Meta(ge=1, le=5, description="The level of this skill that needs it.")]
    skill: Id
    level: Level


class ResourceEntry(Entry):
    """Something to read, take or practise, for one level."""

    title: str
    kind: Annotated[str, Meta(description="book, course, certification, docs or practice.")]
    level: Annotated[int, Meta(ge=1, le=5)]
    url: Optional[str]
    author: Annotated[
        Optional[str], Meta(description="The person or organisation behind it, if the KB says.")
    ]
    cost: Annotated[Optional[str], Meta(description="free or paid; null when the KB does not say.")]
    language: Annotated[str, Meta(description="The language it is written in: en or id.")]
    stack: Annotated[
        list[str], Meta(description="The languages or frameworks it is written for; empty when it fits any.")
    ]


class SkillEntry(Entry):
    """A skill with its anchors, prerequisites, effort and resources."""

    id: Id
    name: Annotated[str, Meta(description="The skill's display name.")]
    category: Annotated[str, Meta(description="The group it is listed under: data, tools, leadership ...")]
    summary: Annotated[str, Meta(description="What the skill is, in a sentence or two.")]
    levels: Annotated[list[AnchorEntry], Meta(description="One behavioural anchor for each level 1..5.")]
    requires: Annotated[
        list[PrerequisiteEntry],
        Meta(description="Prerequisites: skill levels needed before a level of this one."),
    ]
    effort_hours: Annotated[list[int], Meta(description="Hours to reach each level 1..5 from the one below.")]
    resources: Annotated[
        list[ResourceEntry], Meta(description="Books, courses, docs and practice, each for a level.")
    ]
    tags: Annotated[list[str], Meta(description="Free-form labels (a stack, a language).")]
    technologies: Annotated[
        list[str],
        Meta(description="Tools and names it covers, as people type them: `show` finds the skill by them."),
    ]
    replaces: Annotated[
        list[str], Meta(description="Earlier skill ids whose saved ratings carry over to this skill.")
    ]
    mappings: Annotated[
        dict[str, list[str]],
        Meta(
            description="The units of national standards it matches: a standard's id (skkni-282-2016) "
            "to its unit codes."
        ),
    ]


class RolesDoc(Entry):
    """careerctl.roles/1: the roles of the knowledge base."""

    schema: Literal["careerctl.roles/1"]
    kb: KbRef
    roles: list[RoleEntry]


class SkillsDoc(Entry):
    """careerctl.skills/1: the skills of the knowledge base."""

    schema: Literal["careerctl.skills/1"]
    kb: KbRef
    skills: list[SkillEntry]


class RoleDoc(Entry):
    """careerctl.role/1: one role in full."""

    schema: Literal["careerctl.role/1"]
    kb: KbRef
    role: RoleEntry


class SkillDoc(Entry):
    """careerctl.skill/1: one skill in full."""

    schema: Literal["careerctl.skill/1"]
    kb: KbRef
    skill: SkillEntry
    first_job_level: Annotated[
        int | None,
        Meta(
            description="The highest level of this skill that the KB's entry rung (the rung above its intern "
            "rung) needs, prerequisites included: the effort up to it is full-time study, above it the study "
            "beside practice at work. 0 when the entry rung does not need the skill; null when the KB has no "
            "entry rung."
        ),
    ]


class SearchHitEntry(Entry):
    """A role or skill that matches the search text."""

    kind: Annotated[Literal["role", "skill"], Meta(description="Whether the hit is a role or a skill.")]
    id: Id
    name: Annotated[str, Meta(description="Its display name.")]
    match: Annotated[
        Literal["exact", "name", "text"],
        Meta(
            description="exact: the text is its id, alias, name or a technology it covers; name: every word "
            "is a word of its name; text: the words appear in its other fields."
        ),
    ]
    fields: Annotated[
        list[str],
        Meta(
            description="Where the words were found: name, alias, technology, summary, level N, resource ..."
        ),
    ]
    excerpt: Annotated[str, Meta(description="The first text that matched, shortened.")]


class SearchDoc(Entry):
    """careerctl.search/1: the roles and skills that match a text, best first."""

    schema: Literal["careerctl.search/1"]
    kb: KbRef
    query: Annotated[str, Meta(description="The text searched for.")]
    hits: Annotated[
        list[SearchHitEntry],
        Meta(
            description="Exact names first, then name words, then text hits; ties by fields matched, then id."
        ),
    ]


class FolderRef(Entry):
    """The KB folder that was checked."""

    folder: str
    identity: Annotated[Optional[str], Meta(description="Content hash when the KB loaded, else null.")]


class ProblemEntry(Entry):
    """One validation finding."""

    severity: Literal["error", "warning"]
    file: str
    line: Annotated[Optional[int], Meta(description="1-based line in `file`, null when unknown.")]
    key: Annotated[str, Meta(description="The key at fault, e.g. roles.senior.skills; may be empty.")]
    message: Annotated[str, Meta(description="What is wrong, without the file, line or key.")]


class ValidationDoc(Entry):
    """careerctl.validation/1: every problem of a knowledge base."""

    schema: Literal["careerctl.validation/1"]
    kb: FolderRef
    valid: Annotated[bool, Meta(description="True when there is no error (warnings allowed).")]
    errors: Annotated[int, Meta(ge=0)]
    warnings: Annotated[int, Meta(ge=0)]
    problems: list[ProblemEntry]


class AboutEntry(Entry):
    """Where a KB comes from, as its `about` block says."""

    name: str
    source: str
    version: str
    licence: str
    url: Optional[str]


class StatsDoc(Entry):
    """careerctl.stats/1: the size and shape of a knowledge base."""

    schema: Literal["careerctl.stats/1"]
    kb: KbRef
    about: AboutEntry
    roles: Annotated[int, Meta(ge=0)]
    skills: Annotated[int, Meta(ge=0)]
    requirements: Annotated[int, Meta(ge=0)]
    transitions: Annotated[int, Meta(ge=0)]
    prerequisites: Annotated[int, Meta(ge=0)]
    resources: Annotated[int, Meta(ge=0)]
    tracks: Annotated[dict[str, int], Meta(description="Roles per track.")]
    categories: Annotated[dict[str, int], Meta(description="Skills per category.")]


class StepResourceEntry(Entry):
    """A resource for the level a step reaches."""

    title: Annotated[str, Meta(description="What to read, take or practise.")]
    kind: Annotated[str, Meta(description="book, course, certification, docs or practice.")]
    url: Annotated[Optional[str], Meta(description="Where to find it; null when the KB gives none.")]


class StepEntry(Entry, kw_only=True):
    """One ranked step: raise one skill by one level."""

    rank: Annotated[int, Meta(ge=1, description="Position in the whole plan, from 1.")]
    phase: Annotated[str, Meta(description="Id of the rung whose phase the step belongs to.")]
    skill: Id
    skill_name: Annotated[str, Meta(description="The skill's name.")]
    from_: Annotated[int, Meta(ge=0, le=5, description="The level before the step.")] = msgspec.field(
        name="from"
    )
    to: Annotated[int, Meta(ge=1, le=5, description="The level the step reaches (from + 1).")]
    hours: Annotated[
        int, Meta(ge=0, description="Hours of study of this step (the skill's effort for `to`).")
    ]
    cumulative_hours: Annotated[int, Meta(ge=0, description="Hours of this step and every one before it.")]
    readiness_after: Annotated[
        float, Meta(ge=0, le=1, description="Readiness for the target after this step, 0..1 (four decimals).")
    ]
    readiness_gain: Annotated[
        float, Meta(ge=0, le=1, description="What this step adds to readiness for the target, 0..1.")
    ]
    phase_readiness_after: Annotated[
        float, Meta(ge=0, le=1, description="Readiness for the phase's rung after this step, 0..1.")
    ]
    phase_readiness_gain: Annotated[
        float, Meta(ge=0, le=1, description="What this step adds to readiness for the phase's rung, 0..1.")
    ]
    weight: Annotated[
        int,
        Meta(
            ge=1, le=5, description="Priority, first part: the rung's weight for the skill (or the lent one)."
        ),
    ]
    levels_short: Annotated[
        int,
        Meta(
            ge=1, le=5, description="Priority, second part: levels the skill is short of the rung (or lent)."
        ),
    ]
    priority_from: Annotated[
        Optional[str],
        Meta(
            description="The blocked skill whose priority this prerequisite step carries; null for its own."
        ),
    ]
    why: Annotated[str, Meta(description="Why this step comes here, in one sentence.")]
    also_needed_by: Annotated[
        list[str], Meta(description="Later rungs of the route that need this skill higher.")
    ]
    unblocks: Annotated[
        list[str],
        Meta(description="Skills whose next level this step makes available (all prerequisites met)."),
    ]
    resource: Annotated[
        Optional[StepResourceEntry], Meta(description="A resource for the level reached; null when none.")
    ]


class GapEntry(Entry):
    """A requirement of the target the person does not meet yet."""

    skill: Id
    category: Annotated[str, Meta(description="The skill's category.")]
    have: Annotated[int, Meta(ge=0, le=5, description="The person's level now.")]
    need: Annotated[int, Meta(ge=0, le=5, description="The level the target requires.")]
    weight: Annotated[int, Meta(ge=1, le=5, description="The target's weight (importance) for the skill.")]


class PhaseEntry(Entry):
    """The steps that fully meet one rung of the route, and when that rung is met."""

    role: Annotated[RoleRef, Meta(description="The rung this phase meets.")]
    after: Annotated[Optional[str], Meta(description="Id of the rung before it; null for the current role.")]
    readiness: Annotated[float, Meta(ge=0, le=1, description="Readiness for this rung today, 0..1.")]
    readiness_start: Annotated[
        float,
        Meta(ge=0, le=1, description="Readiness for this rung when the phase starts (earlier phases done)."),
    ]
    first_rank: Annotated[int, Meta(ge=1, description="Rank of the phase's first step.")]
    steps_total: Annotated[int, Meta(ge=1, description="Steps in the phase.")]
    hours: Annotated[int, Meta(ge=0, description="Hours of study of the phase.")]
    cumulative_hours: Annotated[int, Meta(ge=0, description="Hours of study to the end of this phase.")]
    years: Annotated[
        Optional[Annotated[float, Meta(ge=0)]],
        Meta(description="Typical years in the rungs before this one (KB transitions); null: none known."),
    ]
    study_done: Annotated[str, Meta(description="ISO date the phase's study ends at hours_per_week.")]
    in_role_done: Annotated[
        Optional[str],
        Meta(description="ISO date the typical years before this rung have passed; null: none."),
    ]
    met: Annotated[
        str, Meta(description="ISO date the rung is met: the later of study_done and in_role_done.")
    ]
    set_by: Annotated[Literal["study", "time-in-role"], Meta(description="Which of the two dates set `met`.")]


class BlockSkillEntry(Entry, kw_only=True):
    """One skill in focus during a block, and the levels it climbs."""

    skill: Id
    skill_name: Annotated[str, Meta(description="The skill's name.")]
    from_: Annotated[int, Meta(ge=0, le=5, description="Its level when the block starts.")] = msgspec.field(
        name="from"
    )
    to: Annotated[int, Meta(ge=1, le=5, description="Its level when the block ends.")]


class BlockEntry(Entry):
    """A stretch of weeks on at most `focus` skills of one phase."""

    phase: Annotated[str, Meta(description="Id of the phase's rung.")]
    start: Annotated[str, Meta(description="ISO date the block starts.")]
    end: Annotated[str, Meta(description="ISO date the block ends, at hours_per_week.")]
    hours: Annotated[int, Meta(ge=0, description="Hours of study in the block.")]
    skills: Annotated[list[BlockSkillEntry], Meta(description="The skills in focus, in plan order.")]


class PlanDoc(Entry):
    """careerctl.plan/1: phases of ranked steps towards a target role, on the calendar."""

    schema: Literal["careerctl.plan/1"]
    kb: KbRef
    target: Annotated[RoleRef, Meta(description="The role the plan leads to.")]
    target_chosen: Annotated[
        Literal["given", "saved", "default"],
        Meta(
            description="given: --target; saved: the profile's target; default: the first role on the "
            "current role's track the levels do not fully meet."
        ),
    ]
    current: Annotated[Optional[RoleRef], Meta(description="Where the person stands; null when unknown.")]
    horizon: Annotated[
        list[str], Meta(description="The rungs of the route after the current role, target last.")
    ]
    readiness: Annotated[float, Meta(ge=0, le=1, description="Readiness for the target today, 0..1.")]
    readiness_after: Annotated[
        float, Meta(ge=0, le=1, description="Readiness for the target after every step (1 unless no plan).")
    ]
    steps_total: Annotated[int, Meta(ge=0, description="Steps in the whole plan (steps may show fewer).")]
    truncated: Annotated[bool, Meta(description="Whether `steps` stops short of the whole plan (--top).")]
    shown_hours: Annotated[int, Meta(ge=0, description="Hours of the steps shown.")]
    shown_readiness_after: Annotated[
        float, Meta(ge=0, le=1, description="Readiness for the target after the steps shown.")
    ]
    total_hours: Annotated[
        int,
        Meta(
            ge=0,
            description="Hours of study of the whole plan: every rung on the route, prerequisites included.",
        ),
    ]
    hours_direct: Annotated[
        int,
        Meta(ge=0, description="Hours to meet the target alone from today's levels (what `match` shows)."),
    ]
    hours_for_rungs: Annotated[
        int,
        Meta(
            ge=0, description="total_hours - hours_direct: what the rungs on the way need beyond the target."
        ),
    ]
    hours_per_week: Annotated[float, Meta(gt=0, description="The pace the dates assume.")]
    focus: Annotated[int, Meta(ge=1, description="Skills worked on at a time in the schedule.")]
    weeks: Annotated[
        float, Meta(ge=0, description="Weeks of study of the whole plan at hours_per_week, to one decimal.")
    ]
    start: Annotated[str, Meta(description="ISO date the schedule starts (today).")]
    finish: Annotated[
        str, Meta(description="ISO date the target is met: its phase's `met` (start when met).")
    ]
    phases: Annotated[list[PhaseEntry], Meta(description="One per rung not fully met, nearest first.")]
    schedule: Annotated[
        list[BlockEntry], Meta(description="The whole plan as blocks of at most `focus` skills.")
    ]
    steps: Annotated[
        list[StepEntry], Meta(description="The ranked steps, the first `--top` of them if given.")
    ]
    gaps: Annotated[list[GapEntry], Meta(description="The target's requirements not met today.")]


class RaiseEntry(Entry, kw_only=True):
    """One skill raised on a leg of a route."""

    skill: Id
    from_: Level = msgspec.field(name="from")
    to: Level
    hours: Hours


class LegEntry(Entry):
    """One move of a route, with the skills it raises."""

    from_role: Id
    to_role: Id
    years: Annotated[float, Meta(ge=0, description="Typical years in from_role before the move.")]
    hours: Hours
    raises: list[RaiseEntry]


class RouteEntry(Entry):
    """One route: its roles in order, its legs, and totals."""

    roles: Annotated[list[str], Meta(description="Role ids from the start to the target, in order.")]
    hours: Annotated[Hours, Meta(description="Hours of study of the whole route.")]
    years: Annotated[float, Meta(ge=0)]
    legs: list[LegEntry]
    track_changes: Annotated[
        int,
        Meta(ge=0, description="Moves to a role on another track; routes rank by the fewest, then by hours."),
    ]


class RouteDoc(Entry):
    """careerctl.route/1: the best route between two roles (route null when there is none)."""

    schema: Literal["careerctl.route/1"]
    kb: KbRef
    source: RoleRef
    target: RoleRef
    start_levels: Annotated[
        Literal["person", "role"],
        Meta(description="person: the first rung is costed from the person's levels; role: from its own."),
    ]
    route: Optional[RouteEntry]
    alternatives: Annotated[
        list[RouteEntry], Meta(description="The next best routes (--alternatives K), in the same order.")
    ]
    reason: Annotated[Optional[str], Meta(description="Why there is no route; null when there is one.")]
    direct_hours: Annotated[
        Optional[Annotated[int, Meta(ge=0)]],
        Meta(
            description="When there is no route: hours to meet the target straight from the start levels; else null.",
        ),
    ] = None


class MatchEntry(Entry):
    """One role ranked by fit."""

    rank: Annotated[
        int,
        Meta(ge=1, description="Position in the list: by fit, rungs below the current one last (see order)."),
    ]
    id: Id
    name: Annotated[str, Meta(description="The role's name.")]
    track: Annotated[str, Meta(description="The role's track.")]
    fit: Annotated[
        float,
        Meta(
            ge=0,
            le=1,
            description="Half how closely the levels agree with the role's (weighted Jaccard), half what they share (skills, title words; README: How careerctl decides).",
        ),
    ]
    readiness: Annotated[
        float, Meta(ge=0, le=1, description="Share of the role's weighted requirements the levels meet.")
    ]
    hours_needed: Annotated[
        int,
        Meta(ge=0, description="Hours to meet the role directly, prerequisites included (no rungs between)."),
    ]
    current: Annotated[bool, Meta(description="Whether this is the person's current role.")]
    below_current: Annotated[
        bool, Meta(description="Whether it is a lower rung than the current role, on the same track.")
    ]
    why: Annotated[
        str,
        Meta(description="One line: how many of its important skills the person meets, and the largest gap."),
    ] = ""


class MatchDoc(Entry):
    """careerctl.match/1: roles ranked by how well the person's levels fit them."""

    schema: Literal["careerctl.match/1"]
    kb: KbRef
    track: Annotated[Optional[str], Meta(description="The --track the roles were limited to; null: all.")]
    current: Annotated[Optional[RoleRef], Meta(description="The person's current role; null when unknown.")]
    lower_rungs_last: Annotated[
        bool, Meta(description="Whether rungs below the current role come after the others (not with --all).")
    ]
    roles: list[MatchEntry]


class AssessmentRecord(Entry):
    """One saved assessment, as the profile file holds it."""

    at: Annotated[str, Meta(description="ISO 8601 UTC time, e.g. 2026-05-01T10:00:00Z.")]
    kb: Annotated[str, Meta(description="Identity of the KB it was made on.")]
    current: Id
    target: Id
    complete: bool
    skills: Annotated[list[str], Meta(description="The skills it covers, in the order asked.")]
    levels: dict[str, Level]
    notes: dict[str, str]


class AssessmentDoc(Entry):
    """careerctl.assessment/1: what `assess` saved, readiness, and the first steps."""

    schema: Literal["careerctl.assessment/1"]
    kb: KbRef
    profile: Annotated[str, Meta(description="The profile file written.")]
    resumed: bool
    kept_previous: Annotated[list[str], Meta(description="Skills not answered that kept their level.")]
    assessment: AssessmentRecord
    current: RoleRef
    target: RoleRef
    readiness: Annotated[Ratio, Meta(description="Readiness for the target after this assessment.")]
    top_steps: Annotated[
        list[StepEntry], Meta(description="The first five steps of the plan for the target.")
    ]
    warnings: Annotated[
        list[str],
        Meta(
            description="Checks on the answers worth a second look: a level above what its prerequisites "
            "allow, the same level almost everywhere, a level 4-5 claim without a note, ratings over "
            "the stale age (also printed on stderr)."
        ),
    ] = []


class ProfileDoc(Entry):
    """careerctl.profile/1: the saved profile; what `profile import` reads back."""

    schema: Literal["careerctl.profile/1"]
    version: Annotated[int, Meta(description="The profile file format's version.")]
    current: Annotated[Optional[str], Meta(description="The person's current role id, if known.")]
    target: Annotated[Optional[str], Meta(description="The role id the person aims for, if known.")]
    levels: Annotated[dict[str, Level], Meta(description="The latest level of each skill.")]
    assessments: list[AssessmentRecord]
    name: Annotated[
        Optional[str],
        Meta(description="Who the profile is about (its `name:`, for `careerctl team`), if given."),
    ] = None


class PointEntry(Entry):
    """One assessment on the time line."""

    at: str
    complete: bool
    readiness: Annotated[
        Optional[Ratio],
        Meta(description="Readiness for the target at that assessment; null when it cannot be computed."),
    ]


class TrendEntry(Entry):
    """One skill's level at each assessment (null where one did not ask it)."""

    skill: Id
    name: str
    levels: list[Optional[Level]]
    now: Level


class ChangeEntry(Entry, kw_only=True):
    """A skill whose level moved with the latest assessment."""

    skill: Id
    name: str
    from_: Optional[Level] = msgspec.field(name="from")
    to: Level


class ProgressDoc(Entry):
    """careerctl.progress/1: levels and readiness over every assessment."""

    schema: Literal["careerctl.progress/1"]
    kb: KbRef
    target: Optional[RoleRef]
    assessments: Annotated[
        list[PointEntry],
        Meta(description="Every assessment, oldest first, with readiness for the target then."),
    ]
    skills: Annotated[list[TrendEntry], Meta(description="Each skill's level at each assessment.")]
    changes: Annotated[
        list[ChangeEntry], Meta(description="Skills whose level the latest assessment changed.")
    ]


# ---- the team view (careerctl team) ----------------------------------------------------------------


class TeamMemberEntry(Entry):
    """One person of the team and their levels in the skills in view."""

    name: Annotated[str, Meta(description="The profile's `name:`, else its file name without the suffix.")]
    file: Annotated[str, Meta(description="The profile file it was read from.")]
    current: Optional[Id]
    target: Optional[Id]
    levels: Annotated[
        dict[str, Level],
        Meta(description="Latest level per skill in view, from 1; a skill that is absent is at 0."),
    ]


class CoverageEntry(Entry):
    """One skill of the matrix and how many people hold it."""

    skill: Id
    name: str
    category: str
    at_least_3: Annotated[int, Meta(ge=0, description="People at level 3 (competent) or more.")]
    at_least_4: Annotated[int, Meta(ge=0, description="People at level 4 (proficient) or more.")]


class SingleHolderEntry(Entry):
    """A skill only one person holds at level 3 or more."""

    skill: Id
    person: str
    level: Level


class TeamGapEntry(Entry):
    """A skill the team's roles require that nobody on the team has at the level required."""

    skill: Id
    need: Annotated[int, Meta(ge=1, le=5, description="The highest level any of the team's roles requires.")]
    best: Annotated[int, Meta(ge=0, le=5, description="The highest level anyone on the team has.")]
    roles: Annotated[list[Id], Meta(description="The team's roles that require more than `best`.")]


class MentoringEntry(Entry):
    """A mentor 2 or more levels above a mentee, in a skill the mentee's target requires and they lack."""

    skill: Id
    mentor: str
    mentor_level: Level
    mentee: str
    mentee_level: Level
    need: Annotated[int, Meta(ge=1, le=5, description="The level the mentee's target role requires.")]


class CloseEntry(Entry):
    """A person's readiness for a role they do not fully meet yet."""

    person: str
    readiness: Ratio


class TeamRoleEntry(Entry):
    """Who on the team fully meets a role, and who is closest."""

    role: Id
    name: str
    meet_count: Annotated[int, Meta(ge=0, description="How many people meet every requirement.")]
    meet: Annotated[list[str], Meta(description="Who they are, by name.")]
    closest: Annotated[
        list[CloseEntry],
        Meta(description="Up to 3 others by readiness, highest first (only people with one of its skills)."),
    ]


class NoticeEntry(Entry):
    """A profile file left out, or used in part, and why."""

    file: str
    line: Optional[int]
    message: str


class TeamDoc(Entry):
    """careerctl.team/1: a skills matrix of many profiles, coverage, single holders, gaps, mentors, readiness."""

    schema: Literal["careerctl.team/1"]
    kb: KbRef
    roles: Annotated[
        list[Id], Meta(description="The team's roles: --roles, else every member's current and target.")
    ]
    category: Annotated[
        Optional[str], Meta(description="--category: only skills of this category are in view.")
    ]
    skill_filter: Annotated[Optional[list[Id]], Meta(description="--skills: only these skills are in view.")]
    people: list[TeamMemberEntry]
    skills: Annotated[
        list[CoverageEntry], Meta(description="The skills in view, by category then id, with coverage.")
    ]
    single_holders: list[SingleHolderEntry]
    gaps: list[TeamGapEntry]
    mentoring: Annotated[
        list[MentoringEntry],
        Meta(
            description="By skill (in view order), mentee, then strongest mentor; 3 mentors per need at most."
        ),
    ]
    mentoring_left_out: Annotated[int, Meta(ge=0, description="Pairs past the 3 strongest mentors per need.")]
    readiness: list[TeamRoleEntry]
    skipped: Annotated[
        list[NoticeEntry], Meta(description="Profiles left out: damaged, or made on another KB.")
    ]
    notes: Annotated[
        list[NoticeEntry], Meta(description="Profiles used in part (e.g. older assessments on another KB).")
    ]


# ---- reviews, calibration, evidence -------------------------------------------------------------


class ReviewRef(Entry):
    """A review attached to the profile."""

    name: Annotated[str, Meta(description="Its name: the file name in NAME.reviews/ without .yaml.")]
    rater: str
    relation: Annotated[str, Meta(description="self, manager or peer.")]
    subject: Annotated[str, Meta(description="Whose skills were rated (`for:` in the file).")]
    at: Annotated[str, Meta(description="When, ISO 8601 UTC.")]
    skills: Annotated[int, Meta(ge=0, description="How many skills it rates.")]


class ReviewsDoc(Entry):
    """careerctl.reviews/1: the reviews attached to a profile."""

    schema: Literal["careerctl.reviews/1"]
    profile: Annotated[str, Meta(description="The profile file they belong to.")]
    folder: Annotated[str, Meta(description="The folder that holds them.")]
    reviews: list[ReviewRef]


class RaterNote(Entry):
    """A reviewer's note on one skill."""

    rater: str
    note: str


class CalibrationEntry(Entry):
    """One skill: self, manager, peers, the agreed level and the gap."""

    skill: Id
    name: str
    self_level: Annotated[
        Optional[Level], Meta(description="The person's own latest level; null when they never rated it.")
    ] = msgspec.field(name="self")
    manager: Annotated[
        Optional[Level], Meta(description="The latest manager review's level; null without one.")
    ] = None
    peers: Annotated[
        list[Level], Meta(description="Each peer's level (one per peer: their latest review).")
    ] = []
    peers_median: Annotated[
        Optional[Level], Meta(description="The middle peer level; of an even number, the lower middle one.")
    ] = None
    agreed: Annotated[
        Level, Meta(description="The agreed level under the rule: what --levels calibrated uses.")
    ] = 0
    gap: Annotated[Optional[int], Meta(description="Self minus agreed; null without a self level.")] = None
    flagged: Annotated[
        bool, Meta(description="True when the gap is 2 or more levels either way: discuss it.")
    ] = False
    notes: list[RaterNote] = []


class CalibrationDoc(Entry):
    """careerctl.calibration/1: self, manager and peers side by side, agreed levels and flagged gaps."""

    schema: Literal["careerctl.calibration/1"]
    kb: KbRef
    rule: Annotated[str, Meta(description="manager, median, reviewers or lowest.")]
    rule_says: Annotated[str, Meta(description="The rule in one sentence.")]
    reviews: list[ReviewRef]
    skills: list[CalibrationEntry]
    flagged: Annotated[list[Id], Meta(description="The skills to discuss (gap of 2 or more), in KB order.")]


class EvidenceEntry(Entry):
    """One entry of the evidence log."""

    skill: Id
    what: str
    date: Annotated[str, Meta(description="YYYY-MM-DD.")]
    level: Optional[Annotated[int, Meta(ge=1, le=5)]]
    link: Annotated[Optional[str], Meta(description="An http or https address, or null.")]
    source: Annotated[
        str, Meta(description="'' when added by hand; 'scan' when `evidence scan` suggested it.")
    ]


class EvidenceDoc(Entry):
    """careerctl.evidence/1: the evidence log, newest first."""

    schema: Literal["careerctl.evidence/1"]
    file: str
    skill: Annotated[Optional[Id], Meta(description="The skill --skill chose, or null for all.")]
    evidence: list[EvidenceEntry]


class RepoEntry(Entry):
    """One repository the scan read."""

    path: str
    your_commits: Annotated[int, Meta(ge=0, description="The author's commits, merges left out.")]
    all_commits: Annotated[int, Meta(ge=0, description="Everyone's commits, merges left out.")]
    tracked_files: Annotated[int, Meta(ge=0, description="Regular files git tracks now.")]


class CountEntry(Entry):
    """A name and how many of the author's commits it stands for."""

    name: str
    commits: Annotated[int, Meta(ge=0)]


class SuggestionEntry(Entry):
    """Evidence the scan suggests for one skill, with its counts; it changes no level."""

    skill: Id
    name: str
    commits: Annotated[int, Meta(ge=0, description="The author's commits that touch a matching file.")]
    files: Annotated[int, Meta(ge=0, description="Distinct matching files those commits touch.")]
    repos: list[CountEntry]
    kinds: Annotated[
        list[CountEntry], Meta(description="Kinds of file (*.py, Dockerfile) by commits touching one.")
    ]
    says: Annotated[str, Meta(description="The counts in one sentence.")]


class ScanDoc(Entry):
    """careerctl.scan/1: evidence suggested from the author's commits in local git repositories."""

    schema: Literal["careerctl.scan/1"]
    kb: KbRef
    authors: list[str]
    repos: list[RepoEntry]
    suggestions: list[SuggestionEntry]
    accepted: Annotated[list[Id], Meta(description="Skills whose suggestion --accept added to the log.")]


class ConfigDoc(Entry):
    """careerctl.config/1: the settings file and the settings it holds."""

    schema: Literal["careerctl.config/1"]
    file: Annotated[str, Meta(description="The settings file; it need not exist yet.")]
    settings: Annotated[
        dict[str, Union[str, int, float]],
        Meta(
            description="Each setting the file holds, as checked when read; a setting not in the file is absent."
        ),
    ]


DOCUMENTS: dict[str, type[Entry]] = {
    "roles": RolesDoc,
    "skills": SkillsDoc,
    "role": RoleDoc,
    "skill": SkillDoc,
    "search": SearchDoc,
    "validation": ValidationDoc,
    "stats": StatsDoc,
    "plan": PlanDoc,
    "route": RouteDoc,
    "match": MatchDoc,
    "assessment": AssessmentDoc,
    "profile": ProfileDoc,
    "progress": ProgressDoc,
    "team": TeamDoc,
    "reviews": ReviewsDoc,
    "calibration": CalibrationDoc,
    "evidence": EvidenceDoc,
    "scan": ScanDoc,
    "config": ConfigDoc,
}
"""Every document kind, by the name in its schema tag careerctl.KIND/1."""

D = TypeVar("D")


# ---- results: a document and what the human views draw from ---------------------------------


class Exit(Struct, kw_only=True):
    """The process's exit code for a result: 0, or 1 when the answer is "no result", 2 for bad input."""

    exit_code: ExitCode = ExitCode.OK


class Result(Exit, Generic[D]):
    """An app function's answer: `doc` is the --json document, the other fields feed the human views.

    Results are Structs, not dataclasses, for start-up time: a Struct class costs microseconds
    to create, a dataclass about half a millisecond, and every command imports them all.
    """

    doc: D


class RolesResult(Result[RolesDoc]):
    """`roles`: the chosen roles, for the table, the ladders and the map."""

    kb: KnowledgeBase
    roles: list[Role]


class SkillsResult(Result[SkillsDoc]):
    """`skills`: the chosen skills, and the KB for the words of their categories."""

    skills: list[Skill]
    kb: KnowledgeBase


class ShowResult(Result[Union[RoleDoc, SkillDoc]]):
    """`show`: one role or skill."""

    kb: KnowledgeBase
    item: Role | Skill


class SearchResult(Result[SearchDoc]):
    """`search`: the hits, best first; exit code 1 when nothing matches."""


class ValidationResult(Result[ValidationDoc]):
    """`kb validate`: every problem; exit code 2 when one is an error."""

    folder: str
    problems: list[Problem]


class StatsResult(Result[StatsDoc]):
    """`kb stats`: the counts, and where the KB comes from."""

    kb: KnowledgeBase
    folder: str
    stats: Stats


class PlanResult(Result[PlanDoc]):
    """`plan`: the plan, the pace and the person's levels (for the gap tree)."""

    kb: KnowledgeBase
    plan: Plan
    hours_per_week: float
    weeks: float
    top: int | None
    levels: Levels
    timeline: Schedule
    show_all: bool = False
    paged: bool = True


class RouteResult(Result[RouteDoc]):
    """`path`: the routes, best first; none, with the reason and exit code 1, when there is no route."""

    kb: KnowledgeBase
    routes: list[Route]
    reason: str | None
    hours_per_week: float = 6.0  # the pace the total's study time is given at (config, else 6)


class MatchResult(Result[MatchDoc]):
    """`match`: the ranked rows."""

    rows: list[MatchRow]
    kb: KnowledgeBase
    current: Optional[str] = None
    below: frozenset[str] | set[str] = frozenset()


class ProfileResult(Result[ProfileDoc]):
    """`profile show` and `export`: the profile, its latest levels and notes."""

    kb: KnowledgeBase | None
    profile: Profile
    path: str
    levels: dict[str, int]
    notes: dict[str, str]
    exported: Optional[str] = None  # the profile file's YAML, for `profile export`


class AssessResult(Result[AssessmentDoc]):
    """`assess`: what was saved, readiness, and the plan's first steps."""

    kb: KnowledgeBase
    outcome: Outcome
    readiness: float
    plan: Plan | None
    levels: Levels


class ProgressResult(Result[ProgressDoc]):
    """`progress`: levels and readiness over time."""

    kb: KnowledgeBase
    progress: Progress


class TeamResult(Result[TeamDoc]):
    kb: KnowledgeBase
    team: Team


class ReviewsResult(Result[ReviewsDoc]):
    kb: KnowledgeBase


class CalibrationResult(Result[CalibrationDoc]):
    kb: KnowledgeBase
    calibration: Calibration


class EvidenceResult(Result[EvidenceDoc]):
    kb: KnowledgeBase
    items: list[Evidence]


class ConfigResult(Result[ConfigDoc]):
    """`config show`: the settings, and the file's text as `config set` wrote it."""

    text: str


class ScanResult(Result[ScanDoc]):
    kb: KnowledgeBase
    scan: Scan


class _Planned:
    """The target and current roles of a document built on a plan (a report, a packet)."""

    __slots__ = ()
    kb: KnowledgeBase
    plan: Plan

    @property
    def target(self) -> Role:
        """The role the plan aims at."""
        return self.kb.roles[self.plan.target]

    @property
    def current(self) -> Role | None:
        """The role the person stands in, if known."""
        return self.kb.roles[self.plan.current] if self.plan.current else None


class Report(_Planned, Struct, frozen=True):
    """Everything a report shows (a report is a file, not a --json document)."""

    kb: KnowledgeBase
    levels: Levels
    plan: Plan
    route: Route | None  # None when no route leads to the target
    hours_per_week: float
    weeks: float
    today: date
    levels_from: str
    name: Optional[str] = None
    top: Optional[int] = None

    @property
    def steps(self) -> list[Step]:
        """The plan's steps, cut to --top."""
        return self.plan.steps[: self.top] if self.top else self.plan.steps


class Packet(_Planned, Struct, frozen=True):
    """Everything a packet shows, gathered by the command that writes it."""

    kb: KnowledgeBase
    plan: Plan  # built on the levels in use (`levels_used`)
    self_levels: dict[str, int]
    calibration: Calibration
    evidence: list[Evidence]
    today: date
    levels_used: str  # "self" or "calibrated"
    name: Optional[str] = None
    top: Optional[int] = None

    @property
    def reviews(self) -> list[Review]:
        """The reviews calibration used."""
        return self.calibration.reviews
