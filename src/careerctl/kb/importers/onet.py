"""Import the O*NET database (skills, technologies, occupations, titles, job zones) as a KB.

Rules (docs/importers.md): O*NET levels 0..7 map to careerctl's 0..5 as round(LV * 5 / 7),
keeping the unrounded figure as `exact`; importance 1..5 becomes the weight; every rating is
kept, and those not relevant or below "somewhat important" are not needed to meet the role.
Technologies become skills that help but are not needed; alternate titles become aliases.
Transitions go to the occupations most alike in technologies, titles and skills, within a job
zone of the source (related_occupations.tsv is never read: it is the benchmark's answer key).
The track is the SOC major group and the seniority the job zone.
"""

from __future__ import annotations

import re
from collections import defaultdict
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
    half_up,
    number,
    plural,
    quiet,
    read_source_text,
    read_table,
    slugify,
    unique_slugs,
    write_kb,
)
from careerctl.kb.importers.esco import anchor_texts as generic_anchors
from careerctl.kb.importers.similar import nearest, title_features

CODE = "O*NET-SOC Code"
LV_MAX = 7  # O*NET's level scale runs 0..7
MIN_IMPORTANCE = 2.0  # O*NET's "somewhat important"; below it a skill is not needed
EXACT_DIGITS = 2  # O*NET gives levels to two decimals
TECHNOLOGY_LEVEL = 2  # O*NET says an occupation uses a technology, not how well
TRANSITIONS = 8  # per occupation
TECHNOLOGY_FILE = "technology_skills.tsv"
TITLES_FILE = "alternate_titles.tsv"
DESCRIPTOR_URL = "https://www.onetonline.org/find/descriptor/result/{}"
SOURCE_URL = "https://www.onetcenter.org/database.html"
README_FILE = "ONET_Read_Me.txt"

SOC_MAJOR_GROUPS = {
    "11": "Management",
    "13": "Business and Financial Operations",
    "15": "Computer and Mathematical",
    "17": "Architecture and Engineering",
    "19": "Life, Physical, and Social Science",
    "21": "Community and Social Service",
    "23": "Legal",
    "25": "Educational Instruction and Library",
    "27": "Arts, Design, Entertainment, Sports, and Media",
    "29": "Healthcare Practitioners and Technical",
    "31": "Healthcare Support",
    "33": "Protective Service",
    "35": "Food Preparation and Serving Related",
    "37": "Building and Grounds Cleaning and Maintenance",
    "39": "Personal Care and Service",
    "41": "Sales and Related",
    "43": "Office and Administrative Support",
    "45": "Farming, Fishing, and Forestry",
    "47": "Construction and Extraction",
    "49": "Installation, Maintenance, and Repair",
    "51": "Production",
    "53": "Transportation and Material Moving",
    "55": "Military Specific",
}


@dataclass
class Rating:
    """One occupation's importance and level ratings for one skill."""

    importance: float | None = None
    level: float | None = None
    not_relevant: bool = False


@dataclass(frozen=True)
class _Occupation:
    code: str
    title: str
    description: str


Ratings = dict[str, dict[str, Rating]]  # SOC code -> element id -> rating


def import_onet(src: Path, out: Path, progress: Progress = quiet) -> ImportReport:
    """Read the O*NET tables in `src` and write a careerctl KB folder to `out`."""
    check_source(src, "O*NET")
    progress("read")
    ratings = _read_ratings(src / "skills.tsv")
    elements = _read_elements(src / "content_model_reference.tsv")
    skill_ids = _skill_ids(ratings, elements, src / "skills.tsv")
    anchors = _read_anchors(src / "level_scale_anchors.tsv", skill_ids)
    occupations = _read_occupations(src / "occupation_data.tsv")
    zones = _read_zones(src / "job_zones.tsv")
    requirements = {
        code: reqs for code in occupations if (reqs := _requirements(ratings.get(code, {}), skill_ids))
    }
    role_ids = unique_slugs({c: occupations[c].title for c in requirements})
    technologies = _read_technologies(src / TECHNOLOGY_FILE, requirements)
    tech_ids = _technology_ids(technologies, set(skill_ids.values()))
    for code, used in technologies.uses.items():
        requirements[code].update(
            (tech_ids[name], _technology_requirement(flags)) for name, flags in sorted(used.items())
        )
    titles = _read_titles(src / TITLES_FILE, requirements)
    progress("build")
    aliases = _aliases(titles, occupations, role_ids)
    nexts = _transitions(requirements, titles, occupations, zones)
    skills = [_skill(e, skill_ids[e], elements, anchors) for e in skill_ids]
    skills += [
        _technology(technologies, name, tech_ids[name]) for name in sorted(tech_ids, key=tech_ids.__getitem__)
    ]
    roles = [
        _role(occupations[c], role_ids[c], zones, requirements[c], nexts.get(c, []), role_ids, aliases[c])
        for c in sorted(requirements)
    ]
    version = _version(src / README_FILE)
    progress("write")
    write_kb(
        out,
        {"version": KB_VERSION, "skills": skills},
        {"version": KB_VERSION, "checks": IMPORTED_CHECKS, "about": _about(version), "roles": roles},
    )
    skipped = tuple(f"{c} {occupations[c].title}" for c in sorted(occupations) if c not in requirements)
    return build_report(f"O*NET {version}", skills, roles, skipped, N_("with no usable skill ratings"))


def _read_ratings(path: Path) -> Ratings:
    ratings: Ratings = defaultdict(lambda: defaultdict(Rating))
    columns = (CODE, "Element ID", "Scale ID", "Data Value", "Not Relevant")
    for line, row in read_table(path, columns, tsv=True):
        scale = row["Scale ID"]
        if scale not in ("IM", "LV"):
            continue
        value = number(path, line, "Data Value", row["Data Value"])
        rating = ratings[row[CODE]][row["Element ID"]]
        if scale == "IM":
            rating.importance = value
        else:
            rating.level = value
            rating.not_relevant = row["Not Relevant"] == "Y"
    if not ratings:
        raise InputError(path, "no skill ratings (IM or LV rows) found")
    return ratings


def _read_elements(path: Path) -> dict[str, tuple[str, str]]:
    """Content model element id -> (name, description)."""
    columns = ("Element ID", "Element Name", "Description")
    return {
        row["Element ID"]: (clean(row["Element Name"]), clean(row["Description"]))
        for _, row in read_table(path, columns, tsv=True)
    }


def _skill_ids(ratings: Ratings, elements: dict[str, tuple[str, str]], path: Path) -> dict[str, str]:
    """Element id -> skill id, for every rated element, in element id order."""
    rated = sorted({e for by_element in ratings.values() for e in by_element}, key=_element_key)
    unknown = [e for e in rated if e not in elements or _group(e) not in elements]
    if unknown:
        message = f"element(s) missing from content_model_reference.tsv: {', '.join(unknown)}"
        raise InputError(path, message)
    ids = unique_slugs({e: elements[e][0] for e in rated})
    return {e: ids[e] for e in rated}


def _element_key(element: str) -> list[tuple[int, str]]:
    """Sort key putting 2.B.2 before 2.B.10."""
    return [(int(p), "") if p.isdigit() else (0, p) for p in element.split(".")]


def _group(element: str) -> str:
    """O*NET's grouping of a skill: 2.A (Basic Skills), or 2.B.n (Social Skills...)."""
    parts = element.split(".")
    return ".".join(parts[:2] if parts[1:2] == ["A"] else parts[:3])


def _read_anchors(path: Path, skill_ids: dict[str, str]) -> dict[str, dict[float, str]]:
    """Element id -> {O*NET level: anchor text} for the level scale."""
    anchors: dict[str, dict[float, str]] = {e: {} for e in skill_ids}
    columns = ("Element ID", "Scale ID", "Anchor Value", "Anchor Description")
    for line, row in read_table(path, columns, tsv=True):
        if row["Scale ID"] == "LV" and row["Element ID"] in anchors:
            value = number(path, line, "Anchor Value", row["Anchor Value"])
            anchors[row["Element ID"]][value] = clean(row["Anchor Description"]).rstrip(".")
    bare = [e for e, points in anchors.items() if not points]
    if bare:
        raise InputError(path, f"no level anchors for element(s): {', '.join(bare)}")
    return anchors


def _read_occupations(path: Path) -> dict[str, _Occupation]:
    columns = (CODE, "Title", "Description")
    return {
        row[CODE]: _Occupation(row[CODE], clean(row["Title"]), clean(row["Description"]))
        for _, row in read_table(path, columns, tsv=True)
    }


def _read_zones(path: Path) -> dict[str, int]:
    zones: dict[str, int] = {}
    for line, row in read_table(path, (CODE, "Job Zone"), tsv=True):
        zone = number(path, line, "Job Zone", row["Job Zone"])
        if zone not in (1, 2, 3, 4, 5):
            raise InputError(path, f"Job Zone: expected 1..5, found {row['Job Zone']!r}", line)
        zones[row[CODE]] = int(zone)
    return zones


def _requirements(by_element: dict[str, Rating], skill_ids: dict[str, str]) -> dict[str, Any]:
    """Skill id -> {level, weight, exact[, needed]} for every complete rating."""
    reqs: dict[str, Any] = {}
    for element, skill in skill_ids.items():
        mapped = map_rating(by_element.get(element, Rating()))
        if mapped:
            level, weight, exact, needed = mapped
            reqs[skill] = flow(level=level, weight=weight, exact=exact)
            if not needed:
                reqs[skill]["needed"] = False
    return reqs


def map_rating(rating: Rating) -> tuple[int, int, float, bool] | None:
    """(level 0..5, weight 1..5, exact level, needed) for an O*NET rating; None if incomplete."""
    if rating.importance is None or rating.level is None:
        return None
    exact = min(max(round(rating.level * 5 / LV_MAX, EXACT_DIGITS), 0.0), 5.0)
    level = min(max(half_up(rating.level * 5 / LV_MAX), 0), 5)
    needed = not rating.not_relevant and rating.importance >= MIN_IMPORTANCE
    return level, min(max(half_up(rating.importance), 1), 5), exact, needed


@dataclass
class _Technologies:
    """Technology examples: which occupations use each (and flag it hot or in demand), and its kind."""

    uses: dict[str, dict[str, tuple[bool, bool]]]  # SOC code -> example -> (hot, in demand)
    kinds: dict[str, str]  # example -> commodity title


def _read_technologies(path: Path, requirements: dict[str, Any]) -> _Technologies:
    """The technology examples of the rated occupations; none when the table is absent."""
    found = _Technologies(defaultdict(dict), {})
    if not path.exists():
        return found
    columns = (CODE, "Example", "Commodity Title", "Hot Technology", "In Demand")
    for _, row in read_table(path, columns, tsv=True):
        name = clean(row["Example"])
        if row[CODE] in requirements and name:
            found.uses[row[CODE]][name] = (row["Hot Technology"] == "Y", row["In Demand"] == "Y")
            found.kinds.setdefault(name, clean(row["Commodity Title"]))
    return found


def _technology_ids(technologies: _Technologies, taken: set[str]) -> dict[str, str]:
    """Example -> skill id: its slug, made unique, never one of the O*NET skills' ids."""
    ids: dict[str, str] = {}
    for name, slug in unique_slugs({n: n for n in technologies.kinds}).items():
        base, n = slug, 2
        while slug in taken:
            slug, n = f"{base}-{n}", n + 1
        ids[name] = slug
        taken.add(slug)
    return ids


def _technology_requirement(flags: tuple[bool, bool]) -> dict[str, Any]:
    """A technology helps (weight 2 where O*NET flags it in demand) but is not needed."""
    return flow(level=TECHNOLOGY_LEVEL, weight=2 if flags[1] else 1, needed=False)


def _technology(technologies: _Technologies, name: str, skill_id: str) -> dict[str, Any]:
    users = [flags for used in technologies.uses.values() if (flags := used.get(name))]
    tags = [
        tag
        for tag, on in (("hot-technology", any(h for h, _ in users)), ("in-demand", any(d for _, d in users)))
        if on
    ]
    kind = technologies.kinds[name]
    skill: dict[str, Any] = {
        "id": skill_id,
        "name": name,
        "category": slugify(kind),
        "summary": (
            f"Technology: {name} ({kind}), used in {plural(len(users), 'O*NET occupation')}."
            " O*NET says which occupations use it, not how well, so the anchors are generic."
        ),
        "levels": {level: text for level, text in enumerate(generic_anchors(name), start=1)},
    }
    if tags:
        skill["tags"] = flow_list(*tags)
    return skill


def _read_titles(path: Path, requirements: dict[str, Any]) -> dict[str, list[str]]:
    """SOC code -> its alternate and short titles, for the rated occupations; none when absent."""
    titles: dict[str, list[str]] = defaultdict(list)
    if not path.exists():
        return titles
    for _, row in read_table(path, (CODE, "Alternate Title", "Short Title"), tsv=True):
        if row[CODE] in requirements:
            titles[row[CODE]] += [t for t in (clean(row["Alternate Title"]), clean(row["Short Title"])) if t]
    return titles


def _aliases(
    titles: dict[str, list[str]], occupations: dict[str, _Occupation], role_ids: dict[str, str]
) -> dict[str, list[str]]:
    """SOC code -> its code and the slugs of its titles that name no other occupation."""
    owners: dict[str, set[str]] = defaultdict(set)
    for code, names in titles.items():
        for name in names:
            owners[slugify(name)].add(code)
    names_taken = set(role_ids.values()) | {slugify(o.title) for o in occupations.values()}
    return {
        code: [
            code,
            *sorted(
                a
                for a in {slugify(n) for n in titles.get(code, [])}
                if owners[a] == {code} and a not in names_taken and a != "item"
            ),
        ]
        for code in role_ids
    }


def _transitions(
    requirements: dict[str, Any],
    titles: dict[str, list[str]],
    occupations: dict[str, _Occupation],
    zones: dict[str, int],
) -> dict[str, list[str]]:
    """SOC code -> the occupations most alike in what they use and do, within reach of its job zone.

    Alike: technologies, title words and the skills that matter most (importance 3 or more, by
    level); within reach: at most one job zone up and two down.
    """
    features: dict[str, dict[str, float]] = {}
    for code, reqs in requirements.items():
        found = title_features([occupations[code].title, *titles.get(code, [])])
        for skill, req in reqs.items():
            if req.get("needed", True) and req["weight"] >= 3:
                found[f"{skill}:{req['level']}"] = 1.0
            elif not req.get("needed", True) and req["level"] == TECHNOLOGY_LEVEL and "exact" not in req:
                found[skill] = 1.0
        features[code] = found

    def reach(a: str, b: str) -> float:
        climb = zones.get(b, 1) - zones.get(a, 1)
        return 0.0 if climb > 1 or climb < -2 else 1.0 / (1 + 0.25 * abs(climb))

    return nearest(features, TRANSITIONS, reach)


def anchor_texts(points: dict[float, str]) -> list[str]:
    """Anchors for levels 1..5 from O*NET's level anchors, interpolating the gaps."""
    return [_anchor_text(level, sorted(points.items())) for level in range(1, 6)]


def _anchor_text(level: int, points: list[tuple[float, str]]) -> str:
    exact = [(abs(lv * 5 / LV_MAX - level), lv, t) for lv, t in points if _mapped(lv) == level]
    if exact:
        _, lv, text = min(exact)
        return f"{text} (O*NET level {lv:g} of {LV_MAX})."
    below = [(lv, t) for lv, t in points if _mapped(lv) < level]
    above = [(lv, t) for lv, t in points if _mapped(lv) > level]
    if below and above:
        (lo, low), (hi, high) = below[-1], above[0]
        return f'Between "{low}" and "{high}" (O*NET levels {lo:g} and {hi:g}).'
    if below:
        lo, low = below[-1]
        return f'Beyond "{low}" (O*NET level {lo:g}, its highest example).'
    hi, high = above[0]
    return f'Short of "{high}" (O*NET level {hi:g}, its lowest example).'


def _mapped(lv: float) -> int:
    return half_up(lv * 5 / LV_MAX)


def _skill(
    element: str,
    skill_id: str,
    elements: dict[str, tuple[str, str]],
    anchors: dict[str, dict[float, str]],
) -> dict[str, Any]:
    name, description = elements[element]
    texts = anchor_texts(anchors[element])
    return {
        "id": skill_id,
        "name": name,
        "category": slugify(elements[_group(element)][0]),
        "summary": description,
        "levels": {level: text for level, text in enumerate(texts, start=1)},
        "resources": [
            flow(
                title=f"O*NET OnLine: {name}",
                kind="docs",
                level=1,
                url=DESCRIPTOR_URL.format(element),
            )
        ],
    }


def _role(
    occupation: _Occupation,
    role_id: str,
    zones: dict[str, int],
    requirements: dict[str, Any],
    related: list[str],
    role_ids: dict[str, str],
    aliases: list[str],
) -> dict[str, Any]:
    zone = zones.get(occupation.code, 1)
    role: dict[str, Any] = {
        "id": role_id,
        "name": occupation.title,
        "aliases": flow_list(*aliases),
        "track": track(occupation.code),
        "seniority": zone,
        "summary": occupation.description,
        "skills": requirements,
    }
    if related:
        role["next"] = [
            flow(role=role_ids[t], years=transition_years(zone, zones.get(t, 1))) for t in related
        ]
    return role


def track(code: str) -> str:
    """The role's track: its SOC major group name, slugged."""
    major = code[:2]
    return slugify(SOC_MAJOR_GROUPS.get(major, f"soc {major}"))


def transition_years(zone_from: int, zone_to: int) -> int:
    """Years before a move: 1, plus 1 for each job zone the move climbs."""
    return 1 + max(0, zone_to - zone_from)


def _version(readme: Path) -> str:
    text = read_source_text(readme)
    if text is None:
        return "unknown"
    found = re.search(r"O\*NET (\d+(?:\.\d+)*) Database", text)
    return found.group(1) if found else "unknown"


def _about(version: str) -> dict[str, str]:
    return {
        "name": f"O*NET {version} occupations",
        "source": (
            f"O*NET {version} Database by the U.S. Department of Labor, Employment and Training"
            " Administration (USDOL/ETA); O*NET® is a trademark of USDOL/ETA. Modified by"
            " careerctl (ratings mapped to its 0-5 scale, see docs/importers.md); USDOL/ETA"
            " has not approved, endorsed, or tested these modifications."
        ),
        "version": version,
        "licence": "CC BY 4.0",
        "url": SOURCE_URL,
    }
