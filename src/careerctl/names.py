"""Finding roles and skills by id, alias or name, in any case, with suggestions when nothing matches."""

from __future__ import annotations

from collections.abc import Iterable

from careerctl.errors import UnknownName
from careerctl.model import KnowledgeBase, Role, Skill


def suggest(name: str, candidates: Iterable[str], limit: int = 3) -> list[str]:
    """The closest distinct candidates to a mistyped `name`, best first."""
    import difflib  # only a mistake pays for it

    unique = list(dict.fromkeys(candidates))
    return difflib.get_close_matches(name.lower(), unique, n=limit, cutoff=0.6)


def suggest_roles(name: str, keys: dict[str, str], limit: int = 3) -> list[str]:
    """The closest role names to `name`, one per role (its best-matching id, alias or name)."""
    import difflib

    found: dict[str, str] = {}
    for key in difflib.get_close_matches(name.lower(), list(keys), n=limit * 4, cutoff=0.6):
        found.setdefault(keys[key], key)
    return list(found.values())[:limit]


def role_keys(kb: KnowledgeBase) -> dict[str, str]:
    """Every way to name a role (id, alias, lower-cased name, its names in other languages) mapped to its id."""
    keys: dict[str, str] = {}
    for role in kb.roles.values():
        keys.setdefault(role.name.lower(), role.id)
        for alias in role.aliases:
            keys[alias.lower()] = role.id
    for role in kb.roles.values():
        for name in role.names:  # another language's: the names above win
            keys.setdefault(name, role.id)
    for role_id in kb.roles:
        keys[role_id] = role_id
    return keys


def normal(name: str) -> str:
    """`name` as names are compared: lower case, single spaces."""
    return " ".join(name.split()).lower()


def spaced(name: str) -> str:
    """A kebab-case name as words (`pengembang-backend` -> `pengembang backend`), to match a name."""
    return name.replace("-", " ")


def find_role(kb: KnowledgeBase, name: str) -> Role:
    """The role called `name` (id, alias or name in any language the KB has, any case); UnknownName otherwise."""
    wanted = normal(name)
    if wanted in kb.roles:
        return kb.roles[wanted]
    keys = role_keys(kb)
    for key in (wanted, spaced(wanted)):
        if key in keys:
            return kb.roles[keys[key]]
    from careerctl.slug import slugify  # here, not at the top: only a name typed unlike an id needs it

    slug = slugify(wanted)  # "Java Programmer" finds the alias java-programmer
    if slug in keys:
        return kb.roles[keys[slug]]
    raise UnknownName("role", name, suggest_roles(wanted, keys))


def skill_keys(kb: KnowledgeBase) -> dict[str, str]:
    """Every way to name a skill (id, lower-cased name, a technology it covers) mapped to its id.

    A technology that several skills cover names the first of them in KB order; `careerctl
    search` lists them all.
    """
    keys: dict[str, str] = {}
    for skill in kb.skills.values():
        for tech in skill.technologies:
            keys.setdefault(tech, skill.id)
    for skill in kb.skills.values():
        keys[skill.name.lower()] = skill.id
    for skill in kb.skills.values():
        for name in skill.names:  # its names in the KB's other languages: the names above win
            keys.setdefault(name, skill.id)
    for skill_id in kb.skills:
        keys[skill_id] = skill_id
    return keys


def find_skill(kb: KnowledgeBase, name: str) -> Skill:
    """The skill called `name` (id, name or a technology it covers, any case); UnknownName otherwise."""
    wanted = normal(name)
    if wanted in kb.skills:
        return kb.skills[wanted]
    keys = skill_keys(kb)
    if wanted in keys:
        covering = covered_by(kb, wanted)
        return covering[0] if covering else kb.skills[keys[wanted]]
    if spaced(wanted) in keys:
        return kb.skills[keys[spaced(wanted)]]
    raise UnknownName("skill", name, suggest_roles(wanted, keys))


def covered_by(kb: KnowledgeBase, technology: str) -> list[Skill]:
    """The skills that list `technology`, best first: as `careerctl search` ranks them."""
    from careerctl.search import EXACT, search

    hits = search(kb, technology)
    return [
        kb.skills[h.id]
        for h in hits
        if h.kind == "skill" and h.tier == EXACT and technology in kb.skills[h.id].technologies
    ]


def find_any(kb: KnowledgeBase, name: str) -> Role | Skill:
    """A role, else a skill, called `name`; the suggestion draws on both."""
    try:
        return find_role(kb, name)
    except UnknownName:
        pass
    try:
        return find_skill(kb, name)
    except UnknownName:
        keys = role_keys(kb)
        for key, skill_id in skill_keys(kb).items():
            keys.setdefault(key, f"skill:{skill_id}")
        raise UnknownName("role or skill", name, suggest_roles(normal(name), keys)) from None
