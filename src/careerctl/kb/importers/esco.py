"""Import ESCO occupations and their essential and optional skills as a KB.

Rules (docs/importers.md): an essential skill is required at level 3 with weight 4, an
optional one at level 2 with weight 1 and is not needed to meet the role; anchors are
generic; alternative labels become aliases; the track is the ISCO major group; transitions
go to the occupations most alike in skills and titles, those in the same ISCO group first.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from careerctl.errors import InputError
from careerctl.i18n import N_
from careerctl.kb.importers import (
    IMPORTED_CHECKS,
    KB_VERSION,
    ImportReport,
    Progress,
    build_report,
    check_source,
    clean,
    flow,
    flow_list,
    plural,
    quiet,
    read_table,
    slugify,
    unique_slugs,
    write_kb,
)
from careerctl.kb.importers.similar import nearest, title_features

ESSENTIAL = (3, 4)  # (level, weight) of an essential skill
OPTIONAL = (2, 1)  # (level, weight) of an optional skill, which is not needed to meet the role
OPTIONAL_STRENGTH = 0.5  # how much an optional skill counts, next to an essential one, in likeness
SENIORITY = 1  # ESCO has no seniority
TRANSITIONS = 5  # per occupation (more make `path` on ESCO slower than its budget)
SAME_GROUP = {3: 1.25, 2: 1.1}  # likeness bonus for sharing the first 3 (or 2) ISCO digits
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
    isco: str = ""  # the 4-digit ISCO unit group
    labels: tuple[str, ...] = ()  # alternative labels


def import_esco(src: Path, out: Path, progress: Progress = quiet) -> ImportReport:
    """Read the ESCO CSV files in `src` and write a careerctl KB folder to `out`."""
    check_source(src, "ESCO")
    progress("read")
    groups = _read_major_groups(src / "ISCOGroups_en.csv")
    occupations = _read_occupations(src / "occupations_en.csv", groups)
    relations = _read_relations(src / "occupation_skill_relations.tsv", occupations)
    progress("build")
    kept = sorted(u for u in occupations if relations.get(u))
    role_ids = unique_slugs({u: occupations[u].label for u in kept})
    skill_ids = unique_slugs({label: label for u in kept for label in relations[u]})
    nexts = alike_transitions(kept, occupations, relations, role_ids, skill_ids)
    aliases = _aliases(kept, occupations, role_ids)
    roles = [
        _role(occupations[u], role_ids[u], relations[u], skill_ids, nexts[role_ids[u]], aliases[u])
        for u in sorted(kept, key=role_ids.__getitem__)
    ]
    skills = _skills(kept, occupations, relations, skill_ids)
    progress("write")
    write_kb(
        out,
        {"version": KB_VERSION, "skills": skills},
        {"version": KB_VERSION, "checks": IMPORTED_CHECKS, "about": _about(), "roles": roles},
    )
    skipped = tuple(f"{o.code} {o.label}" for u, o in sorted(occupations.items()) if u not in role_ids)
    return build_report(f"ESCO v{VERSION}", skills, roles, skipped, N_("with no skills"))


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
    columns = ("conceptUri", "iscoGroup", "preferredLabel", "altLabels", "code", "description")
    for line, row in read_table(path, columns, tsv=False):
        uuid = row["conceptUri"].rstrip("/").rsplit("/", 1)[-1]
        label = clean(row["preferredLabel"])
        major = row["iscoGroup"].strip()[:1]
        if major not in groups:
            found = f"iscoGroup {row['iscoGroup']!r} is in no ISCO major group"
            raise InputError(path, found, line)
        if not uuid or not label:
            raise InputError(path, "conceptUri and preferredLabel must not be empty", line)
        labels = tuple(dict.fromkeys(clean(a) for a in row["altLabels"].split("\n") if clean(a)))
        occupations[uuid] = _Occupation(
            uuid,
            label,
            clean(row["code"]),
            groups[major],
            clean(row["description"]),
            row["iscoGroup"].strip(),
            labels,
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


def alike_transitions(
    kept: list[str],
    occupations: Mapping[str, _Occupation],
    relations: Relations,
    role_ids: Mapping[str, str],
    skill_ids: Mapping[str, str],
    limit: int = TRANSITIONS,
) -> dict[str, list[str]]:
    """Role id -> the `limit` roles most alike in skills and title words, the same ISCO group first.

    Alike: the cosine of rarity-weighted skill sets (an optional skill counts half) and title
    words (similar.py); sharing the ISCO minor group (3 digits) multiplies it by 1.25, the
    sub-major group (2 digits) by 1.1.
    """
    features: dict[str, dict[str, float]] = {}
    for u in kept:
        o = occupations[u]
        found = title_features([o.label, *o.labels])
        for label, essential in relations[u].items():
            found[skill_ids[label]] = 1.0 if essential else OPTIONAL_STRENGTH
        features[u] = found

    def same_group(a: str, b: str) -> float:
        x, y = occupations[a].isco, occupations[b].isco
        return next((bonus for digits, bonus in SAME_GROUP.items() if x[:digits] == y[:digits]), 1.0)

    alike = nearest(features, limit, same_group)
    return {role_ids[u]: [role_ids[o] for o in alike[u]] for u in kept}


def _aliases(
    kept: list[str], occupations: Mapping[str, _Occupation], role_ids: Mapping[str, str]
) -> dict[str, list[str]]:
    """Occupation uuid -> its code and the slugs of its alternative labels that name no other occupation."""
    owners: dict[str, set[str]] = defaultdict(set)
    for u in kept:
        for label in occupations[u].labels:
            owners[slugify(label)].add(u)
    taken = set(role_ids.values())
    found = {}
    for u in kept:
        o = occupations[u]
        slugs = sorted(
            a for a in {slugify(x) for x in o.labels} if owners[a] == {u} and a not in taken and a != "item"
        )
        found[u] = [o.code, *slugs] if o.code else slugs
    return found


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
    aliases: list[str],
) -> dict[str, Any]:
    order = sorted(relations, key=lambda label: (not relations[label], skill_ids[label]))
    role: dict[str, Any] = {
        "id": role_id,
        "name": occupation.label,
        "aliases": flow_list(*aliases),
        "track": slugify(occupation.group),
        "seniority": SENIORITY,
        "summary": occupation.description or f"ESCO occupation: {occupation.label}.",
        "skills": {skill_ids[label]: _requirement(relations[label]) for label in order},
    }
    if nexts:
        role["next"] = [flow(role=other, years=TRANSITION_YEARS) for other in nexts]
    return role


def _requirement(essential: bool) -> dict[str, Any]:
    if essential:
        return flow(level=ESSENTIAL[0], weight=ESSENTIAL[1])
    return flow(level=OPTIONAL[0], weight=OPTIONAL[1], needed=False)


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
