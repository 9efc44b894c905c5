"""Search the KB's roles and skills for a text, best match first.

Every query word must appear (in any case) in one field of a role or skill for that field to
match. Hits rank in three tiers, then by how many fields match, then roles before skills and by
id, so the same query always gives the same list:

0. an exact name: the query is the id, an alias, a technology the skill covers, or the name;
1. a name word: every query word is a whole word of the name or the id;
2. a text hit: the words appear in an alias, technology, summary, anchor, responsibility or
   resource title.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from careerctl.model import KnowledgeBase, Role, Skill
from careerctl.names import normal

EXACT, NAME_WORDS, TEXT = 0, 1, 2
EXCERPT = 80  # longest excerpt shown, in characters


@dataclass(frozen=True, slots=True)
class Hit:
    """A role or skill that matches a search, with where it matched."""

    kind: str  # "role" or "skill"
    id: str
    name: str
    tier: int  # 0 exact name, 1 name words, 2 text
    fields: tuple[str, ...]  # where the words were found, e.g. "technology", "level 3", "resource"
    excerpt: str  # the first text that matched, shortened


def search(kb: KnowledgeBase, text: str, limit: int | None = None) -> list[Hit]:
    """Roles and skills that match `text`, best first (at most `limit`)."""
    query = normal(text)
    words = query.split()
    if not words:
        return []
    items: list[Role | Skill] = [*kb.roles.values(), *kb.skills.values()]
    hits = [hit for item in items if (hit := match(item, query, words))]
    hits.sort(key=lambda h: (h.tier, -len(h.fields), h.kind != "role", h.id))
    return hits[:limit] if limit is not None else hits


def match(item: Role | Skill, query: str, words: list[str]) -> Hit | None:
    """How `item` matches the query, or None."""
    found = [(where, value) for where, value in fields_of(item) if all(w in value.lower() for w in words)]
    tier = TEXT
    if query in exact_names(item):
        tier = EXACT
    elif set(words) <= name_words(item):
        tier = NAME_WORDS
    elif not found:
        return None
    where = tuple(dict.fromkeys(name for name, _ in found))
    excerpt = shorten(found[0][1]) if found else item.name
    kind = "role" if isinstance(item, Role) else "skill"
    return Hit(kind, item.id, item.name, tier, where, excerpt)


def exact_names(item: Role | Skill) -> set[str]:
    """What a person may type to name `item` exactly (its names in the KB's other languages too)."""
    names = {item.id, normal(item.name), *item.names}
    if isinstance(item, Role):
        names.update(normal(alias) for alias in item.aliases)
    else:
        names.update(item.technologies)
    return names


def name_words(item: Role | Skill) -> set[str]:
    """The whole words of the item's name and id."""
    return set(re.findall(r"\w+", f"{item.name} {item.id}".lower()))


def fields_of(item: Role | Skill) -> Iterator[tuple[str, str]]:
    """Each searchable text of `item`, with the name of its field."""
    yield "name", item.name
    if isinstance(item, Role):
        for alias in item.aliases:
            yield "alias", alias
        yield "summary", item.summary
        for duty in item.responsibilities:
            yield "responsibility", duty
        return
    for tech in item.technologies:
        yield "technology", tech
    yield "summary", item.summary
    for level, anchor in enumerate(item.levels, start=1):
        yield f"level {level}", anchor
    for resource in item.resources:
        yield "resource", resource.title


def shorten(text: str) -> str:
    """`text` cut to EXCERPT characters at a word boundary."""
    if len(text) <= EXCERPT:
        return text
    return text[: EXCERPT - 1].rsplit(" ", 1)[0] + "…"
