"""The team view: a skills matrix of many people, coverage, single holders, gaps, mentors, readiness.

A team is a set of profiles made on the KB in use. For each skill in view, coverage counts the
people at level 3 (competent) or more and at 4 (proficient) or more; a skill only one person
holds at 3 or more is a *single holder* (the team is one person deep there); a skill the team's
roles require that nobody holds at the required level is a *gap*. A *mentoring pair* is two
people where the mentor is 2 or more levels above the mentee in a skill the mentee's target role
requires and the mentee does not yet meet. Team readiness says, per role, who fully meets it
and who is closest (plan.readiness).

Pure: the profiles arrive parsed (store.read_profiles); nothing here reads a file or prints.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import PurePath

from careerctl.i18n import _
from careerctl.model import KnowledgeBase, Profile, Role
from careerctl.plan import readiness

HOLDS = 3
"""Holding a skill means being at least competent in it: the level of coverage and single holders."""
STRONG = 4
"""The second coverage count: people who are proficient or better."""
MENTOR_LEAD = 2
"""A mentor is at least this many levels above the mentee."""
MENTORS_PER_NEED = 3
"""At most this many mentors are listed for one mentee and skill (the strongest, then by name)."""
CLOSEST = 3
"""People listed as closest to a role they do not meet yet."""


@dataclass(frozen=True, slots=True)
class ProfileFile:
    """A profile as read from one file, with the line of each assessment's `kb:` key."""

    path: str
    profile: Profile
    kb_lines: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Notice:
    """A profile that was left out (`skipped`) or used in part, with where and why."""

    path: str
    line: int | None
    message: str
    skipped: bool = True

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


@dataclass(frozen=True, slots=True)
class Member:
    """One person of the team: a name, the file it came from, roles and latest levels."""

    name: str
    path: str
    current: str | None
    target: str | None
    levels: dict[str, int]


@dataclass(frozen=True, slots=True)
class Coverage:
    """How many people hold a skill at level 3 or more, and at 4 or more."""

    skill: str
    competent: int
    proficient: int


@dataclass(frozen=True, slots=True)
class SingleHolder:
    """A skill only one person holds at level 3 or more."""

    skill: str
    person: str
    level: int


@dataclass(frozen=True, slots=True)
class TeamGap:
    """A skill the team's roles require that nobody holds at the level required."""

    skill: str
    need: int  # the highest level any of the team's roles requires
    best: int  # the highest level anyone on the team has
    roles: list[str]  # the team's roles that require more than `best`


@dataclass(frozen=True, slots=True)
class Pair:
    """A mentor 2 or more levels above a mentee in a skill the mentee's target role needs."""

    skill: str
    mentor: str
    mentor_level: int
    mentee: str
    mentee_level: int
    need: int  # what the mentee's target requires


@dataclass(frozen=True, slots=True)
class Closest:
    """A person's readiness for a role."""

    person: str
    readiness: float


@dataclass(frozen=True, slots=True)
class RoleReadiness:
    """Who on the team fully meets a role, and who is closest among the rest."""

    role: str
    meet: list[str]
    closest: list[Closest]


@dataclass(frozen=True, slots=True)
class Team:
    """Everything the team view shows."""

    members: list[Member]
    skills: list[str]  # the matrix's skills, by category then id
    roles: list[str]  # the team's roles: --roles, else every member's current and target role
    coverage: list[Coverage]
    single_holders: list[SingleHolder]
    gaps: list[TeamGap]
    mentoring: list[Pair]
    mentoring_left_out: int  # pairs past MENTORS_PER_NEED for one mentee and skill
    readiness: list[RoleReadiness]
    notices: list[Notice] = field(default_factory=list)

    @property
    def skipped(self) -> list[Notice]:
        """The profiles that were left out."""
        return [n for n in self.notices if n.skipped]


# ---------------------------------------------------------------- from profiles to members


def gather_members(kb: KnowledgeBase, files: Iterable[ProfileFile]) -> tuple[list[Member], list[Notice]]:
    """The team's members from their profiles, and a notice for each profile left out or cut."""
    members: list[Member] = []
    notices: list[Notice] = []
    for item in files:
        member = _member(kb, item, notices)
        if member is not None:
            members.append(member)
    return _unique_names(members), notices


def _member(kb: KnowledgeBase, item: ProfileFile, notices: list[Notice]) -> Member | None:
    """One profile as a member, or None (with a notice) when it cannot be used."""
    profile, path = item.profile, item.path
    if not profile.assessments:
        notices.append(Notice(path, None, _("has no assessment yet; left out")))
        return None
    ours = [a for a in profile.assessments if a.kb == kb.identity]
    if not ours:
        line = item.kb_lines[-1] if item.kb_lines else None
        found = profile.assessments[-1].kb
        notices.append(
            Notice(
                path,
                line,
                _(
                    "was made on another knowledge base (KB identity {found}, this one is {ours}); left out"
                ).format(found=found[:12] or _("empty"), ours=kb.identity[:12]),
            )
        )
        return None
    if len(ours) < len(profile.assessments):
        others = len(profile.assessments) - len(ours)
        notices.append(
            Notice(
                path,
                None,
                _(
                    "{n} of its {total} assessments were made on another knowledge base; they are left out"
                ).format(n=others, total=len(profile.assessments)),
                skipped=False,
            )
        )
    levels: dict[str, int] = {}
    for assessment in ours:
        levels.update(assessment.levels)
    last = ours[-1]
    current = _known_role(kb, profile.current or last.current, "current", path, notices)
    target = _known_role(kb, profile.target or last.target, "target", path, notices)
    name = " ".join((profile.name or "").split()) or PurePath(path).stem  # one line, as notes are
    kept = {skill: level for skill, level in levels.items() if skill in kb.skills and level > 0}
    return Member(name, path, current, target, kept)


def _known_role(
    kb: KnowledgeBase, role: str | None, key: str, path: str, notices: list[Notice]
) -> str | None:
    if not role:
        return None
    if role in kb.roles:
        return role
    unknown = _("{key}: unknown role {role}; it is left out").format(key=key, role=repr(role))
    notices.append(Notice(path, None, unknown, skipped=False))
    return None


def _unique_names(members: list[Member]) -> list[Member]:
    """Members sorted by name; two with one name are told apart by file name, else by path."""
    by_name = _counts(m.name for m in members)
    by_file = _counts(f"{m.name} ({PurePath(m.path).name})" for m in members)

    def label(member: Member) -> str:
        if by_name[member.name.casefold()] == 1:
            return member.name
        named = f"{member.name} ({PurePath(member.path).name})"
        return named if by_file[named.casefold()] == 1 else f"{member.name} ({member.path})"

    named = [Member(label(m), m.path, m.current, m.target, m.levels) for m in members]
    return sorted(named, key=lambda m: (m.name.casefold(), m.name, m.path))


def _counts(names: Iterable[str]) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for name in names:
        counts[name.casefold()] += 1
    return counts


# ---------------------------------------------------------------- the team view


def team_roles(kb: KnowledgeBase, members: Sequence[Member], given: Sequence[str] | None = None) -> list[str]:
    """The roles the team works towards: `given` (ids), else every member's current and target role."""
    if given:
        return list(dict.fromkeys(given))
    found = {role for m in members for role in (m.current, m.target) if role}
    return sorted(found, key=lambda r: (kb.roles[r].track, kb.roles[r].seniority, r))


def build_team(
    kb: KnowledgeBase,
    members: Sequence[Member],
    roles: Sequence[str] | None = None,
    skills: Iterable[str] | None = None,
    category: str | None = None,
    notices: Sequence[Notice] = (),
) -> Team:
    """The team view of `members`; `skills` and `category` narrow every per-skill part to those."""
    chosen = team_roles(kb, members, roles)
    holders = _holders(members)
    required = _required(kb, chosen)
    columns = _columns(kb, holders, required, skills, category)
    coverage = [_coverage(skill, holders[skill]) for skill in columns]
    pairs, left_out = mentoring_pairs(kb, members, holders, columns)
    return Team(
        members=list(members),
        skills=columns,
        roles=chosen,
        coverage=coverage,
        single_holders=_single_holders(coverage, holders),
        gaps=_gaps(kb, columns, holders, required, chosen),
        mentoring=pairs,
        mentoring_left_out=left_out,
        readiness=[role_readiness(kb.roles[r], members, holders) for r in chosen],
        notices=list(notices),
    )


Holders = Mapping[str, list[tuple[int, str]]]
"""Per skill, (level, name) of everyone at level 1 or more, strongest first, then by name."""


def _holders(members: Sequence[Member]) -> dict[str, list[tuple[int, str]]]:
    found: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for member in members:
        for skill, level in member.levels.items():
            found[skill].append((level, member.name))
    for people in found.values():
        people.sort(key=lambda held: (-held[0], held[1].casefold(), held[1]))
    return found


def _required(kb: KnowledgeBase, roles: Sequence[str]) -> dict[str, int]:
    """The highest level any of `roles` requires, per skill."""
    need: dict[str, int] = {}
    for role_id in roles:
        for req in kb.roles[role_id].requirements:
            need[req.skill] = max(need.get(req.skill, 0), req.level)
    return need


def _columns(
    kb: KnowledgeBase,
    holders: Holders,
    required: Mapping[str, int],
    skills: Iterable[str] | None,
    category: str | None,
) -> list[str]:
    """The skills in view: those anyone has or the team's roles require, narrowed, by category then id."""
    if skills is not None:
        found = {s for s in skills if s in kb.skills}
    else:
        found = {s for s in holders if s in kb.skills} | set(required)
    if category is not None:
        found = {s for s in found if kb.skills[s].category == category}
    return sorted(found, key=lambda s: (kb.skills[s].category, s))


def _coverage(skill: str, people: list[tuple[int, str]]) -> Coverage:
    return Coverage(
        skill,
        sum(1 for level, _ in people if level >= HOLDS),
        sum(1 for level, _ in people if level >= STRONG),
    )


def _single_holders(coverage: Sequence[Coverage], holders: Holders) -> list[SingleHolder]:
    """The skills exactly one person holds at level 3 or more: the strongest holder is that one."""
    found = []
    for item in coverage:
        if item.competent == 1:
            level, name = holders[item.skill][0]
            found.append(SingleHolder(item.skill, name, level))
    return found


def _gaps(
    kb: KnowledgeBase,
    columns: Sequence[str],
    holders: Holders,
    required: Mapping[str, int],
    roles: Sequence[str],
) -> list[TeamGap]:
    best = {skill: holders[skill][0][0] if holders.get(skill) else 0 for skill in columns}
    short: dict[str, list[str]] = defaultdict(list)  # per skill, the roles that need more than the best
    for role_id in roles:
        for req in kb.roles[role_id].requirements:
            if req.skill in best and req.level > best[req.skill]:
                short[req.skill].append(role_id)
    return [
        TeamGap(skill, required[skill], best[skill], short[skill])
        for skill in columns
        if best[skill] < required.get(skill, 0)
    ]


def mentoring_pairs(
    kb: KnowledgeBase, members: Sequence[Member], holders: Holders, columns: Sequence[str]
) -> tuple[list[Pair], int]:
    """Mentoring pairs in the skills in view, in their order, then by mentee and strongest mentor.

    Also how many pairs were left out: past MENTORS_PER_NEED mentors for one mentee and skill.
    """
    order = {skill: n for n, skill in enumerate(columns)}
    pairs: list[Pair] = []
    left_out = 0
    for mentee in members:
        if mentee.target is None:
            continue
        for req in kb.roles[mentee.target].requirements:
            have = mentee.levels.get(req.skill, 0)
            if req.skill not in order or have >= req.level:
                continue
            mentors = [
                (level, name)
                for level, name in holders.get(req.skill, [])
                if level >= have + MENTOR_LEAD and name != mentee.name
            ]
            left_out += max(0, len(mentors) - MENTORS_PER_NEED)
            pairs += [
                Pair(req.skill, name, level, mentee.name, have, req.level)
                for level, name in mentors[:MENTORS_PER_NEED]
            ]
    pairs.sort(
        key=lambda p: (order[p.skill], p.mentee.casefold(), p.mentee, -p.mentor_level, p.mentor.casefold())
    )
    return pairs, left_out


def role_readiness(role: Role, members: Sequence[Member], holders: Holders) -> RoleReadiness:
    """Who meets `role` and the CLOSEST others by readiness (only people with some of its skills)."""
    needed = {req.skill for req in role.requirements}
    candidates = {name for skill in needed for _, name in holders.get(skill, [])}
    scored = []
    for member in members:
        if member.name in candidates or not needed:
            scored.append(Closest(member.name, readiness(role, member.levels)))
    meet = [c.person for c in scored if c.readiness >= 1.0]
    rest = sorted(
        (c for c in scored if c.readiness < 1.0),
        key=lambda c: (-c.readiness, c.person.casefold(), c.person),
    )
    return RoleReadiness(role.id, meet, rest[:CLOSEST])
