"""Import ESCO occupations and their essential and optional skills as a KB.

Rules (docs/importers.md): an essential skill is required at level 3 with weight 4, an
optional one at level 2 with weight 2; anchors are generic; the track is the ISCO major
group; transitions go to the 5 occupations sharing the most essential skills.
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from careerctl.errors import InputError
from careerctl.kb.importers import (
    IMPORTED_CHECKS,
    KB_VERSION,
    ImportReport,
    build_report,
    check_source,
    clean,
    flow,
    flow_list,
    plural,
    read_table,
    slugify,
    unique_slugs,
    write_kb,
)

ESSENTIAL = (3, 4)  # (level, weight) of an essential skill
OPTIONAL = (2, 2)  # (level, weight) of an optional skill
SENIORITY = 1  # ESCO has no seniority
TRANSITIONS = 5  # per occupation
TRANSITION_YEARS = 2
MAX_ANCHOR = 140
VERSION = "1.2.0"
ATTRIBUTION = "Contains data from ESCO v1.2.0, © European Union, https://esco.ec.europa.eu"
LICENCE = "CC BY 4.0 (European Commission reuse policy, Decision 2011/833/EU)"
DOWNLOAD_URL = "https://esco.ec.europa.eu/en/use-esco/download"
PORTAL_URL = "https://esco.ec.europa.eu/en/classification/skill_main"
ANCHORS = (
    "{}: knows what it involves and has seen it done.",
    "{}: does it in simple, routine cases with guidance.",
    "{}: does it unaided in the usual cases of the job.",
    "{}: does it in hard or unusual cases and guides others.",
    "{}: teaches it to others and improves how it is done.",
)

Relations = dict[str, dict[str, bool]]  # occupation uuid -> skill label -> essential?


@dataclass(frozen=True)
class _Occupation:
    uuid: str
    label: str
    code: str
    group: str  # ISCO major group name
    description: str


def import_esco(src: Path, out: Path) -> ImportReport:
    """Read the ESCO CSV files in `src` and write a careerctl KB folder to `out`."""
    check_source(src, "ESCO")
    groups = _read_major_groups(src / "ISCOGroups_en.csv")
    occupations = _read_occupations(src / "occupations_en.csv", groups)
    relations = _read_relations(src / "occupation_skill_relations.tsv", occupations)
    kept = sorted(u for u in occupations if relations.get(u))
    role_ids = unique_slugs({u: occupations[u].label for u in kept})
    skill_ids = unique_slugs({label: label for u in kept for label in relations[u]})
    essentials = {
        role_ids[u]: {skill_ids[label] for label, essential in relations[u].items() if essential}
        for u in kept
    }
    nexts = shared_skill_transitions(essentials)
    roles = [
        _role(occupations[u], role_ids[u], relations[u], skill_ids, nexts[role_ids[u]])
        for u in sorted(kept, key=role_ids.__getitem__)
    ]
    skills = _skills(kept, occupations, relations, skill_ids)
    write_kb(
        out,
        {"version": KB_VERSION, "skills": skills},
        {"version": KB_VERSION, "checks": IMPORTED_CHECKS, "about": _about(), "roles": roles},
    )
    skipped = tuple(f"{o.code} {o.label}" for u, o in sorted(occupations.items()) if u not in role_ids)
    return build_report(f"ESCO v{VERSION} occupation", skills, roles, skipped, "with no skills")


def _read_major_groups(path: Path) -> dict[str, str]:
    """ISCO major group digit -> its name."""
    groups = {
        row["code"]: clean(row["preferredLabel"])
        for _, row in read_table(path, ("code", "preferredLabel"), tsv=False)
        if len(row["code"]) == 1
    }
    if not groups:
        raise InputError(path, "no ISCO major groups (one-digit codes) found")
    return groups


def _read_occupations(path: Path, groups: dict[str, str]) -> dict[str, _Occupation]:
    occupations: dict[str, _Occupation] = {}
    columns = ("conceptUri", "iscoGroup", "preferredLabel", "code", "description")
    for line, row in read_table(path, columns, tsv=False):
        uuid = row["conceptUri"].rstrip("/").rsplit("/", 1)[-1]
        label = clean(row["preferredLabel"])
        major = row["iscoGroup"].strip()[:1]
        if major not in groups:
            found = f"iscoGroup {row['iscoGroup']!r} is in no ISCO major group"
            raise InputError(path, found, line)
        if not uuid or not label:
            raise InputError(path, "conceptUri and preferredLabel must not be empty", line)
        occupations[uuid] = _Occupation(
            uuid, label, clean(row["code"]), groups[major], clean(row["description"])
        )
    return occupations


def _read_relations(path: Path, occupations: Mapping[str, _Occupation]) -> Relations:
    """Occupation uuid -> skill label -> essential; essential wins over optional."""
    relations: Relations = defaultdict(dict)
    columns = ("occupationId", "relationType", "skillLabel")
    for line, row in read_table(path, columns, tsv=True):
        uuid, kind, label = row["occupationId"], row["relationType"], clean(row["skillLabel"])
        if uuid not in occupations:
            raise InputError(path, f"occupationId {uuid!r} is not in occupations_en.csv", line)
        if kind not in ("essential", "optional"):
            found = f"relationType: expected essential or optional, found {kind!r}"
            raise InputError(path, found, line)
        if not label:
            raise InputError(path, "skillLabel is empty", line)
        skills = relations[uuid]
        skills[label] = skills.get(label, False) or kind == "essential"
    return relations


def shared_skill_transitions(
    essentials: Mapping[str, set[str]], limit: int = TRANSITIONS
) -> dict[str, list[str]]:
    """Role id -> the `limit` other roles sharing most of its essential skills (ties by id).

    Uses an inverted index (skill -> roles) so only roles that share a skill are counted.
    """
    index: dict[str, list[str]] = defaultdict(list)
    for role, skills in essentials.items():
        for skill in skills:
            index[skill].append(role)
    nexts: dict[str, list[str]] = {}
    for role, skills in essentials.items():
        shared: Counter[str] = Counter()
        for skill in skills:
            shared.update(index[skill])
        del shared[role]
        best = heapq.nsmallest(limit, shared.items(), key=lambda item: (-item[1], item[0]))
        nexts[role] = [other for other, _ in best]
    return nexts


def anchor_texts(label: str) -> list[str]:
    """Generic anchors for levels 1..5 built from the skill's label, each <= 140 chars."""
    texts = []
    for template in ANCHORS:
        room = MAX_ANCHOR - len(template.format(""))
        short = label if len(label) <= room else label[: room - 1].rstrip() + "…"
        texts.append(template.format(_capitalised(short)))
    return texts


def _capitalised(label: str) -> str:
    """`label` with a capital first letter, unless its first word has capitals (iOS)."""
    first = label.split(" ", 1)[0]
    return label if first != first.lower() else label[:1].upper() + label[1:]


def _role(
    occupation: _Occupation,
    role_id: str,
    relations: dict[str, bool],
    skill_ids: dict[str, str],
    nexts: list[str],
) -> dict[str, Any]:
    order = sorted(relations, key=lambda label: (not relations[label], skill_ids[label]))
    role: dict[str, Any] = {
        "id": role_id,
        "name": occupation.label,
        "aliases": flow_list(occupation.code) if occupation.code else flow_list(),
        "track": slugify(occupation.group),
        "seniority": SENIORITY,
        "summary": occupation.description or f"ESCO occupation: {occupation.label}.",
        "skills": {skill_ids[label]: _requirement(relations[label]) for label in order},
    }
    if nexts:
        role["next"] = [flow(role=other, years=TRANSITION_YEARS) for other in nexts]
    return role


def _requirement(essential: bool) -> dict[str, int]:
    level, weight = ESSENTIAL if essential else OPTIONAL
    return flow(level=level, weight=weight)


def _skills(
    kept: list[str],
    occupations: Mapping[str, _Occupation],
    relations: Relations,
    skill_ids: dict[str, str],
) -> list[dict[str, Any]]:
    groups: dict[str, Counter[str]] = defaultdict(Counter)
    essential: Counter[str] = Counter()
    optional: Counter[str] = Counter()
    for uuid in kept:
        for label, is_essential in relations[uuid].items():
            groups[label][occupations[uuid].group] += 1
            (essential if is_essential else optional)[label] += 1
    return [
        _skill(label, skill_ids[label], groups[label], essential[label], optional[label])
        for label in sorted(skill_ids, key=skill_ids.__getitem__)
    ]


def _skill(label: str, skill_id: str, groups: Counter[str], essential: int, optional: int) -> dict[str, Any]:
    group = min(groups, key=lambda name: (-groups[name], name))
    return {
        "id": skill_id,
        "name": label,
        "category": slugify(group),
        "summary": (
            f"ESCO skill: {label}. Essential for {plural(essential, 'occupation')}, optional"
            f" for {optional:,}. ESCO gives no proficiency levels, so the anchors are generic."
        ),
        "levels": {level: text for level, text in enumerate(anchor_texts(label), start=1)},
        "resources": [flow(title=f'ESCO portal: search for "{label}"', kind="docs", level=1, url=PORTAL_URL)],
    }


def _about() -> dict[str, str]:
    return {
        "name": f"ESCO v{VERSION} occupations",
        "source": ATTRIBUTION,
        "version": VERSION,
        "licence": LICENCE,
        "url": DOWNLOAD_URL,
    }
