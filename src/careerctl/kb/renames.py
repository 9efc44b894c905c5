"""Carry a profile's saved ratings over a KB revision: renamed and split skills keep their levels.

A skill of the new KB may list `replaces: [old-id, ...]`: earlier skill ids whose ratings now
belong to it. An old id that one skill replaces was renamed; one that two or more skills replace
was split, and each part starts from the old rating. An old id that is neither in the KB nor
replaced was removed: its rating is reported, kept in the profile, and not planned with.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from careerctl.model import KnowledgeBase, Levels


@dataclass(frozen=True)
class CarriedOver:
    """Saved levels as this KB names them, and what changed on the way."""

    levels: dict[str, int]
    """Level per skill id of this KB: the person's own rating, else one carried over."""
    renamed: dict[str, str] = field(default_factory=dict)
    """Old id -> the one skill that replaces it (its rating was kept)."""
    split: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Old id -> the skills that replace it (each was given its rating)."""
    removed: dict[str, int] = field(default_factory=dict)
    """Old id -> its saved level, for ids this KB neither has nor replaces."""
    new: tuple[str, ...] = ()
    """Skills of this KB that the profile has no rating for, in KB order."""

    @property
    def changed(self) -> bool:
        """Whether any saved rating had to be renamed, split or left out."""
        return bool(self.renamed or self.split or self.removed)


def successors(kb: KnowledgeBase) -> dict[str, tuple[str, ...]]:
    """Each replaced id and the skills that replace it, in KB order."""
    found: dict[str, list[str]] = {}
    for skill in kb.skills.values():
        for old in skill.replaces:
            if old != skill.id:
                found.setdefault(old, []).append(skill.id)
    return {old: tuple(new) for old, new in found.items()}


def carry_over(saved: Levels, kb: KnowledgeBase) -> CarriedOver:
    """`saved` (levels keyed by the ids they were rated under) as levels of `kb`'s skills.

    A rating of a skill the KB still has is kept as it is, and beats a carried one; when two
    old skills carry into one new skill, the higher level wins.
    """
    heirs = successors(kb)
    levels = {name: level for name, level in saved.items() if name in kb.skills}
    carried: dict[str, int] = {}
    renamed: dict[str, str] = {}
    split: dict[str, tuple[str, ...]] = {}
    removed: dict[str, int] = {}
    for old, level in saved.items():
        targets = heirs.get(old, ())
        if not targets:
            if old not in kb.skills:
                removed[old] = level
            continue
        if len(targets) == 1 and old not in kb.skills:
            renamed[old] = targets[0]
        else:
            split[old] = targets
        for new in targets:
            carried[new] = max(carried.get(new, 0), level)
    for new, level in carried.items():
        levels.setdefault(new, level)
    ordered = {name: levels[name] for name in kb.skills if name in levels}
    new_skills = tuple(name for name in kb.skills if name not in levels)
    return CarriedOver(ordered, renamed, split, removed, new_skills)


def describe_changes(account: CarriedOver) -> str:
    """One paragraph telling the person what the KB revision changed for their ratings ('' if nothing)."""
    if not account.changed:
        return ""
    parts = []
    if account.renamed:
        moves = ", ".join(f"{old} -> {new}" for old, new in account.renamed.items())
        parts.append(f"renamed, rating kept: {moves}")
    if account.split:
        moves = ", ".join(f"{old} -> {' + '.join(new)}" for old, new in account.split.items())
        parts.append(f"split, rating copied to each part: {moves}")
    if account.removed:
        gone = ", ".join(account.removed)
        parts.append(f"no longer in this knowledge base (kept in your profile, not planned with): {gone}")
    if account.new:
        count = len(account.new)
        parts.append(f"{count} skill{'s' if count != 1 else ''} not rated yet (`careerctl assess --all`)")
    return "The knowledge base has changed since your assessment: " + "; ".join(parts) + "."
