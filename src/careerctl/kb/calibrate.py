"""Calibration checks: warnings about a KB that is valid but would mislead the person using it.

Each rule has a name; a KB silences rules it does not want with `checks: {skip: [name, ...]}`
at the top of roles.yaml (a company ladder may well have a rung that needs level 5). The rules:

- `level-5-below-top`: a role needs level 5 of a skill but is not the top rung of its track.
- `anchor-length`: an anchor longer than 25 words.
- `anchor-title`: an anchor that names a job title or a scope (senior, manager, company ...).
- `resource-per-level`: a skill with no resource for one of its levels 1..5.
- `entry-hours`: the study hours from nothing to an entry rung fall outside a band.
- `duplicate-anchor`: two anchors describe the same behaviour (same words, any order).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from careerctl.errors import Problem
from careerctl.kb.parse import Sheet, as_int, describe, get_texts, line_of, reject_unknown_keys
from careerctl.model import LEVEL_MAX, Role, Skill

RULES = (
    "level-5-below-top",
    "anchor-length",
    "anchor-title",
    "resource-per-level",
    "entry-hours",
    "duplicate-anchor",
)
ANCHOR_WORDS = 25
ENTRY_HOURS = (600, 1200)
"""Hours of study from nothing to an entry rung (docs/kb-format.md: Calibration)."""
TITLE_WORDS = re.compile(
    r"\b(?:interns?|juniors?|seniors?|lead|managers?|directors?|architects?|executives?|cto|vp|"
    r"head of|organi[sz]ations?|compan(?:y|ies))\b",
    re.IGNORECASE,
)
NOT_TITLES = re.compile(
    r"\b(?:package|password|secrets?|dependency|window|task|process|service) managers?\b|\blead times?\b",
    re.IGNORECASE,
)
"""Tools and measures whose names contain a title word (a package manager is not a manager)."""
TITLE_STEMS = ("intern", "junior", "senior", "lead", "manager", "director", "architect", "executive", "cto",
               "vp", "head of", "organi", "compan")  # fmt: skip
WORD = re.compile(r"\w+")
PLURAL = re.compile(r"s\b")  # "writes tests" and "write test" say the same
SMALL_WORDS = frozenset(("a", "an", "the", "and", "or", "of", "to", "in", "on", "for", "with", "by", "at", "from",
                         "into", "it", "their"))  # fmt: skip
"""Words that do not change what an anchor says (after PLURAL: "as" is "a", "its" is "it")."""
CHECKS_KEYS = ("skip", "entry-hours")
ENTRY_KEYS = ("roles", "min", "max")


@dataclass(frozen=True)
class Checks:
    """Which calibration rules a KB runs, and its entry-hours band."""

    skip: frozenset[str] = frozenset()
    entry_roles: tuple[str, ...] | None = None  # None: the rung above the intern rung of each track
    entry_hours: tuple[int, int] = ENTRY_HOURS

    def runs(self, rule: str) -> bool:
        """Whether the KB keeps `rule` on."""
        return rule not in self.skip


def parse_checks(doc: Any, sheet: Sheet) -> Checks:
    """The optional `checks:` block at the top of roles.yaml."""
    raw = doc.get("checks") if isinstance(doc, dict) else None
    if raw is None:
        return Checks()
    if not isinstance(raw, dict):
        sheet.error(line_of(doc, "checks"), "checks", f"must be a mapping, not {describe(raw)}")
        return Checks()
    reject_unknown_keys(raw, CHECKS_KEYS, sheet, "checks")
    skip = get_texts(raw, "skip", sheet, "checks")
    for name in skip:
        if name not in RULES:
            sheet.error(
                line_of(raw, "skip"), "checks.skip", f"unknown rule {name!r} (rules: {', '.join(RULES)})"
            )
    roles, band = parse_entry_hours(raw, sheet)
    return Checks(skip=frozenset(skip), entry_roles=roles, entry_hours=band)


def parse_entry_hours(raw: dict[Any, Any], sheet: Sheet) -> tuple[tuple[str, ...] | None, tuple[int, int]]:
    """`entry-hours: {roles: [...], min: H, max: H}`: which rungs, and the band of hours."""
    entry = raw.get("entry-hours")
    if entry is None:
        return None, ENTRY_HOURS
    if not isinstance(entry, dict):
        sheet.error(line_of(raw, "entry-hours"), "checks.entry-hours", "must be a mapping of roles, min, max")
        return None, ENTRY_HOURS
    reject_unknown_keys(entry, ENTRY_KEYS, sheet, "checks.entry-hours")
    roles = get_texts(entry, "roles", sheet, "checks.entry-hours") if "roles" in entry else None
    bounds = []
    for name, default in zip(("min", "max"), ENTRY_HOURS, strict=True):
        value = as_int(entry.get(name, default), 0, 1_000_000)
        if value is None:
            sheet.error(line_of(entry, name), f"checks.entry-hours.{name}", "must be whole hours 0..1000000")
            value = default
        bounds.append(value)
    low, high = bounds
    if low > high:
        sheet.error(line_of(entry, "min"), "checks.entry-hours", f"min {low} is above max {high}")
    return roles, (low, high)


def calibrate(
    skills: list[Skill], roles: list[Role], checks: Checks, skill_sheet: Sheet, role_sheet: Sheet
) -> list[Problem]:
    """Every calibration warning of a KB, rule by rule, minus the rules it skips."""
    by_id = {skill.id: skill for skill in skills}
    found: list[Problem] = []
    if checks.runs("level-5-below-top"):
        found += level_5_below_top(roles, role_sheet)
    if checks.runs("anchor-length") or checks.runs("anchor-title"):
        found += anchor_wording(skills, checks, skill_sheet)
    if checks.runs("resource-per-level"):
        found += missing_resources(skills, skill_sheet)
    if checks.runs("entry-hours"):
        found += entry_hours(by_id, roles, checks, role_sheet)
    if checks.runs("duplicate-anchor"):
        found += duplicate_anchors(skills, skill_sheet)
    return found


def warning(sheet: Sheet, line: int | None, key: str, rule: str, message: str) -> Problem:
    """A calibration warning, naming its rule so that a KB can skip it."""
    return Problem("warning", sheet.path, line or None, key, f"{message} [{rule}]")


def level_5_below_top(roles: list[Role], sheet: Sheet) -> list[Problem]:
    """Roles that need expert level (5) in a skill without being the top rung of their track."""
    top: dict[str, int] = {}
    for role in roles:
        top[role.track] = max(top.get(role.track, role.seniority), role.seniority)
    found = []
    for role in roles:
        if role.seniority >= top[role.track]:
            continue
        for need in role.requirements:
            if need.level == LEVEL_MAX:
                line = sheet.lines.get(("requirement", role.id, need.skill))
                message = f"needs {need.skill} at 5 (expert) but is not the top rung of track {role.track!r}"
                found.append(warning(sheet, line, f"{role.id}.skills", "level-5-below-top", message))
    return found


def anchor_wording(skills: list[Skill], checks: Checks, sheet: Sheet) -> list[Problem]:
    """Anchors that are too long, or that describe a title or scope instead of a behaviour."""
    found = []
    for skill in skills:
        for level, text in enumerate(skill.levels, start=1):
            line = sheet.lines.get(("anchor", skill.id, str(level)))
            key = f"{skill.id}.levels.{level}"
            words = len(text.split())
            if checks.runs("anchor-length") and words > ANCHOR_WORDS:
                message = f"anchor has {words} words; keep it to one behaviour in {ANCHOR_WORDS} or fewer"
                found.append(warning(sheet, line, key, "anchor-length", message))
            title = title_word(text)
            if checks.runs("anchor-title") and title:
                message = f"anchor names a title or scope ({title!r}); describe what the person does"
                found.append(warning(sheet, line, key, "anchor-title", message))
    return found


def title_word(text: str) -> str | None:
    """The first job title or scope word in an anchor, if any."""
    low = text.lower()
    if not any(stem in low for stem in TITLE_STEMS):  # most anchors: a cheap no
        return None
    match = TITLE_WORDS.search(NOT_TITLES.sub(" ", low))
    return match.group(0) if match else None


def missing_resources(skills: list[Skill], sheet: Sheet) -> list[Problem]:
    """Skills with levels 1..5 that no resource helps reach; one warning per skill."""
    found = []
    for skill in skills:
        covered = {resource.level for resource in skill.resources}
        missing = [level for level in range(1, LEVEL_MAX + 1) if level not in covered]
        if missing:
            line = sheet.lines.get(("skill", skill.id, "resources")) or sheet.lines.get(("skill", skill.id))
            levels = ", ".join(str(level) for level in missing)
            message = f"no resource for level{'s' if len(missing) > 1 else ''} {levels}"
            found.append(warning(sheet, line, f"{skill.id}.resources", "resource-per-level", message))
    return found


def hours_from_nothing(skills: dict[str, Skill], role: Role) -> int:
    """Study hours from level 0 in everything to every requirement of `role`, prerequisites included.

    Each skill is raised to the highest level that the role or a prerequisite chain needs; the
    same total the plan gives for that role from nothing.
    """
    needed = closed_needs(skills, role)
    return sum(sum(skills[name].effort[:level]) for name, level in needed.items())


def closed_needs(skills: Mapping[str, Skill], role: Role) -> dict[str, int]:
    """The level of each skill that `role` needs, directly or through a chain of prerequisites."""
    needed: dict[str, int] = {}
    todo = [(need.skill, need.level) for need in role.requirements]
    while todo:
        name, level = todo.pop()
        skill = skills.get(name)
        if skill is None or level <= needed.get(name, 0):
            continue
        needed[name] = level
        todo.extend(skill.prerequisites(level).items())
    return needed


def first_job_levels(skills: Mapping[str, Skill], roles: Iterable[Role]) -> dict[str, int] | None:
    """Per skill, the highest level an entry rung needs (prerequisites included); None without one.

    This is the line the effort model draws (docs/kb-format.md, Calibration): the levels a
    first job needs are priced as full-time study, as a bootcamp teaches them; every level
    above is priced as the deliberate study beside a job that gives the practice. A skill
    that no entry rung needs is absent (its first-job level is 0).
    """
    entries = entry_rungs(list(roles))
    if not entries:
        return None
    levels: dict[str, int] = {}
    for role in entries:
        for name, level in closed_needs(skills, role).items():
            levels[name] = max(levels.get(name, 0), level)
    return levels


def entry_rungs(roles: list[Role]) -> list[Role]:
    """The lowest rung above the intern rung (seniority 0) of each track that has an intern rung."""
    ladders: dict[str, list[Role]] = {}
    for role in roles:
        ladders.setdefault(role.track, []).append(role)
    found = []
    for ladder in ladders.values():
        if min(role.seniority for role in ladder) != 0:
            continue
        above = [role.seniority for role in ladder if role.seniority > 0]
        found += [role for role in ladder if above and role.seniority == min(above)]
    return found


def entry_hours(skills: dict[str, Skill], roles: list[Role], checks: Checks, sheet: Sheet) -> list[Problem]:
    """Entry rungs whose hours from nothing fall outside the KB's band."""
    if checks.entry_roles is None:
        chosen = entry_rungs(roles)
    else:
        by_id = {role.id: role for role in roles}
        chosen = [by_id[name] for name in checks.entry_roles if name in by_id]
    low, high = checks.entry_hours
    found = []
    for role in chosen:
        hours = hours_from_nothing(skills, role)
        if not low <= hours <= high:
            line = sheet.lines.get(("role", role.id))
            message = f"takes {hours:,} hours of study from nothing, outside the entry band {low:,}-{high:,}"
            found.append(warning(sheet, line, role.id, "entry-hours", message))
    return found


def behaviour(text: str) -> frozenset[str]:
    """An anchor's words without case, punctuation, small words or order: what it says it does."""
    return frozenset(WORD.findall(PLURAL.sub("", text.lower()))) - SMALL_WORDS


def duplicate_anchors(skills: Iterable[Skill], sheet: Sheet) -> list[Problem]:
    """Anchors that say the same as an earlier one, in another skill or at another level."""
    first: dict[frozenset[str], tuple[str, int]] = {}
    found = []
    for skill in skills:
        for level, text in enumerate(skill.levels, start=1):
            words = behaviour(text)
            if not words:
                continue
            seen = first.setdefault(words, (skill.id, level))
            if seen != (skill.id, level):
                line = sheet.lines.get(("anchor", skill.id, str(level)))
                message = f"describes the same behaviour as {seen[0]} level {seen[1]}"
                found.append(warning(sheet, line, f"{skill.id}.levels.{level}", "duplicate-anchor", message))
    return found
