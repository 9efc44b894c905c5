"""The knowledge base and everything the planner reasons about, as plain typed values."""

from __future__ import annotations

from collections.abc import Mapping

import msgspec

LEVEL_MIN = 0
LEVEL_MAX = 5
WEIGHT_MIN = 1
WEIGHT_MAX = 5
DEFAULT_WEIGHT = 3
DEFAULT_SCALE = ("none", "novice", "advanced beginner", "competent", "proficient", "expert")
DEFAULT_EFFORT = (10, 30, 80, 200, 400)  # hours to reach levels 1..5 from the one below
RESOURCE_KINDS = ("book", "course", "certification", "docs", "practice")
RESOURCE_COSTS = ("free", "paid")
RESOURCE_LANGUAGES = ("en", "id")
DEFAULT_LANGUAGE = "en"
STANDARDS = {"skkni-282-2016": "SKKNI 282/2016"}
"""The national standards a skill's `mappings` may name, and how they are written."""

# The KB values below are `gc=False`: they hold only text, numbers, and tuples and dicts of them,
# so they can never be part of a reference cycle. Left untracked, the cycle collector never
# walks the hundreds of thousands of them in a big KB (a third of the time of a cache load).

Levels = Mapping[str, int]
"""A person's level per skill id; a skill that is absent counts as level 0."""


class Resource(msgspec.Struct, frozen=True, gc=False):
    """Something to read, take or practise to reach `level` of a skill."""

    title: str
    kind: str
    level: int
    url: str | None = None
    author: str | None = None
    cost: str | None = None  # "free" or "paid"; None when the KB does not say
    language: str = DEFAULT_LANGUAGE
    stack: tuple[str, ...] = ()  # the languages or frameworks it is written for; () = any

    def fits_stack(self, stack: str | None) -> int:
        """0 when written for `stack`, 1 when stack-neutral, 2 when written for other stacks."""
        if not self.stack:
            return 1
        return 0 if stack is not None and stack in self.stack else 2


class Skill(msgspec.Struct, frozen=True, gc=False):
    """A skill with one behavioural anchor per level 1..5."""

    id: str
    name: str
    category: str
    summary: str
    levels: tuple[str, ...]
    requires: dict[int, dict[str, int]]
    effort: tuple[int, ...]
    resources: tuple[Resource, ...]
    tags: tuple[str, ...] = ()
    technologies: tuple[str, ...] = ()  # tools and names it covers, as people type them
    replaces: tuple[str, ...] = ()  # earlier skill ids whose saved ratings carry over to this one
    evidence: tuple[str, ...] = ()  # path globs whose changes suggest evidence (`evidence scan`)
    names: tuple[str, ...] = ()  # its names in the KB's other languages (i18n overlays): found, not listed
    mappings: dict[str, tuple[str, ...]] = {}  # a standard's id -> its unit codes (skkni-282-2016: ...)
    default_effort: bool = False  # True when the KB gave no effort and DEFAULT_EFFORT applies

    def anchor(self, level: int) -> str:
        """The behaviour that describes `level` (1..5)."""
        return self.levels[level - 1]

    def hours(self, level: int) -> int:
        """Hours of deliberate study to reach `level` from the level below it.

        Not all the learning: in the bundled KB a level above what a first job needs is priced
        as the study beside a job, whose practice the typical years in a role stand for
        (README: What an hour counts).
        """
        return self.effort[level - 1]

    def prerequisites(self, level: int) -> dict[str, int]:
        """Skill levels needed before this skill can reach `level`."""
        needed: dict[str, int] = {}
        for at, prereqs in self.requires.items():
            if at <= level:
                for skill, lvl in prereqs.items():
                    needed[skill] = max(needed.get(skill, 0), lvl)
        return needed

    def resource_for(self, level: int, stack: str | None = None) -> Resource | None:
        """The resource that best fits `level`: an exact match, else the nearest below, else any.

        Among equally near ones, a resource for the person's `stack` comes first, then a
        stack-neutral one, then one for another stack; then the KB's order.
        """
        if not self.resources:
            return None
        return min(self.resources, key=lambda r: (r.level > level, abs(r.level - level), r.fits_stack(stack)))


class Requirement(msgspec.Struct, frozen=True, gc=False):
    """A role needs `skill` at `level`, with importance `weight` (1..5).

    `exact` is the source's own level on the 0..5 scale before rounding (O*NET rates to two
    decimals), for matching; `needed` is False for a skill that helps but is not needed to
    meet the role (ESCO's optional skills, O*NET's unimportant ones and technologies).
    """

    skill: str
    level: int
    weight: int = DEFAULT_WEIGHT
    exact: float | None = None
    needed: bool = True

    def precise(self) -> float:
        """The required level with the source's precision, when it gave more than the scale."""
        return self.level if self.exact is None else self.exact


class Transition(msgspec.Struct, frozen=True, gc=False):
    """A usual move to `role` after about `years` in the current one."""

    role: str
    years: float


class Role(msgspec.Struct, frozen=True, gc=False):
    """A job on a track, with what it requires and where people go next."""

    id: str
    name: str
    aliases: tuple[str, ...]
    track: str
    seniority: int
    summary: str
    responsibilities: tuple[str, ...]
    requirements: tuple[Requirement, ...]
    next: tuple[Transition, ...]
    names: tuple[str, ...] = ()  # its names and aliases in the KB's other languages: found, not listed

    def required(self) -> dict[str, int]:
        """Required level per skill id."""
        return {r.skill: r.level for r in self.requirements}

    def needed(self) -> tuple[Requirement, ...]:
        """The requirements needed to meet the role (those marked `needed: false` left out)."""
        return tuple(r for r in self.requirements if r.needed)


class About(msgspec.Struct, frozen=True, gc=False):
    """Where a KB comes from: shown by `kb stats`, required for imported taxonomies."""

    name: str = ""
    source: str = ""
    version: str = ""
    licence: str = ""
    url: str = ""


class KnowledgeBase(msgspec.Struct, frozen=True, gc=False):
    """Every skill and role of one KB, keyed by id, plus the KB's identity (a content hash)."""

    skills: dict[str, Skill]
    roles: dict[str, Role]
    scale: tuple[str, ...] = DEFAULT_SCALE
    about: About = About()
    identity: str = ""
    language: str = DEFAULT_LANGUAGE  # the language its words are in (an i18n overlay's, once applied)
    terms: dict[str, dict[str, str]] = {}  # categories, kinds, tracks: name -> word in `language`

    def level_name(self, level: int) -> str:
        """The scale's name for `level`."""
        return self.scale[level]

    def term(self, kind: str, name: str) -> str:
        """The word for a category, resource kind or track (`kind`: categories, kinds, tracks).

        Ids stay as they are in JSON; this is the word a table or tree shows for one.
        """
        return self.terms.get(kind, {}).get(name, name)

    def track_order(self) -> dict[str, int]:
        """Each track's place: the order its first role comes in the KB (a backend KB lists backend first)."""
        order: dict[str, int] = {}
        for role in self.roles.values():
            order.setdefault(role.track, len(order))
        return order

    def category_order(self) -> dict[str, int]:
        """Each category's place: the order its first skill comes in the KB."""
        order: dict[str, int] = {}
        for skill in self.skills.values():
            order.setdefault(skill.category, len(order))
        return order

    def uses_default_effort(self) -> bool:
        """Whether some skill's hours come from the default effort table (so hours are rough)."""
        return any(skill.default_effort for skill in self.skills.values())


class Assessment(msgspec.Struct, frozen=True):
    """One sitting of `careerctl assess`: when, against which KB, for which roles, and the answers."""

    at: str  # ISO 8601 UTC, e.g. 2026-05-01T10:00:00Z
    kb: str  # the KB's identity
    current: str
    target: str
    skills: tuple[str, ...]  # the skills this assessment covers, in the order they are asked
    levels: dict[str, int]
    notes: dict[str, str]
    complete: bool


class Profile(msgspec.Struct, frozen=True):
    """Where a person stands and wants to go, and every assessment they made, oldest first."""

    current: str | None = None
    target: str | None = None
    assessments: tuple[Assessment, ...] = ()
    stack: str | None = None  # the language or framework the person works in: the plan's resources follow it
    name: str | None = None  # who the profile is about, when a team keeps several (`careerctl team`)
