"""A synthetic knowledge base at any scale, the same for the same seed: `write_kb(folder, scale, seed)`.

At scale 1 it is the size of ESCO v1.2 (3,039 occupations, 13,939 skills, 129,004 links):
3,000 roles on 150 tracks of 20 rungs, 14,000 skills in 75 categories, about 130,000
requirements. Unlike ESCO it has what careerctl reasons about, built the way a real ladder is:

- Each track draws its skills from one category plus a shared pool of general skills. A rung
  requires more skills than the rung below, each at the same level or higher, and weights
  its track's core skills most.
- Each rung moves up to the next (1.5 to 3.5 years), and about a quarter of the roles also
  move across to a nearby track (one rung down, the same rung or one up), so routes between
  distant tracks take many hops through other ladders.
- A third of the skills have prerequisites (earlier skills of the same category, so there are
  no cycles), for level 2 or per level; most have their own effort table and one or two resources.

`write_kb` returns the entry rung of the first track and the role furthest from it (the most
transitions away): the two roles the benchmark routes and plans between.
"""

from __future__ import annotations

import random
from collections import deque
from dataclasses import dataclass
from pathlib import Path

ROLES, SKILLS, TRACKS, REQUIREMENTS_PER_ROLE = 3000, 14000, 150, 43
GENERAL_SHARE = 0.04  # of the skills: a pool every track draws a few from
VERBS = (
    "design", "operate", "audit", "model", "negotiate", "teach", "secure", "measure", "plan",
    "review", "automate", "document", "test", "debug", "forecast", "coordinate", "assess", "tune",
)  # fmt: skip
NOUNS = (
    "pipelines", "contracts", "budgets", "schemas", "networks", "campaigns", "workflows", "reports",
    "interfaces", "inventories", "experiments", "incidents", "roadmaps", "services", "surveys",
    "circuits", "datasets", "curricula", "portfolios", "supply chains", "clinical trials", "kilns",
)  # fmt: skip
FIELDS = (
    "data", "platform", "finance", "clinical", "logistics", "retail", "marine", "energy", "legal",
    "design", "security", "research", "education", "hospitality", "mining", "media", "aviation",
    "agriculture", "public sector", "manufacturing", "insurance", "telecoms", "construction",
)  # fmt: skip
TITLES = ("assistant", "associate", "specialist", "lead", "manager", "head", "director")
ANCHORS = (
    "knows what {} involves and has seen it done",
    "does {} in simple, routine cases with guidance",
    "does {} unaided in the usual cases of the job",
    "does {} in hard or unusual cases and guides others",
    "teaches {} to others and improves how it is done",
)


@dataclass(frozen=True)
class Shape:
    """How many of each thing a synthetic KB has."""

    roles: int
    skills: int
    tracks: int

    @classmethod
    def at(cls, scale: float) -> Shape:
        """The shape at `scale` times the size of ESCO."""
        tracks = max(2, round(TRACKS * scale))
        return cls(
            roles=max(tracks * 2, round(ROLES * scale)), skills=max(200, round(SKILLS * scale)), tracks=tracks
        )

    @property
    def categories(self) -> int:
        """One category per two tracks."""
        return max(1, self.tracks // 2)

    def rungs(self, track: int) -> int:
        """Rungs on `track` (the roles are spread evenly)."""
        return self.roles // self.tracks + (1 if track < self.roles % self.tracks else 0)


def role_id(track: int, rung: int) -> str:
    """The id of a rung of a track."""
    return f"t{track}-r{rung}"


@dataclass(frozen=True)
class Written:
    """A synthetic KB on disk, and the two roles furthest apart in it."""

    folder: Path
    source: str
    target: str
    hops: int


def write_kb(folder: Path, scale: float = 1.0, seed: int = 6) -> Written:
    """Write skills.yaml and roles.yaml for a synthetic KB into `folder`."""
    shape = Shape.at(scale)
    rng = random.Random(seed)
    skills, by_category, general = make_skills(shape, rng)
    moves: dict[str, list[tuple[str, float]]] = {}
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "skills.yaml").write_text(skills_yaml(skills), encoding="utf-8")
    roles = roles_yaml(shape, by_category, general, rng, scale, moves)
    (folder / "roles.yaml").write_text(roles, encoding="utf-8")
    source = role_id(0, 1)
    target, hops = furthest(source, moves)
    return Written(folder, source, target, hops)


def furthest(source: str, moves: dict[str, list[tuple[str, float]]]) -> tuple[str, int]:
    """The role the most transitions away from `source` (breadth first), and how many."""
    depth = {source: 0}
    queue = deque([source])
    while queue:
        role = queue.popleft()
        for target, _ in moves.get(role, ()):
            if target not in depth:
                depth[target] = depth[role] + 1
                queue.append(target)
    best = max(depth, key=lambda role: (depth[role], role))
    return best, depth[best]


@dataclass
class SkillSpec:
    """One synthetic skill."""

    id: str
    name: str
    category: int
    requires: dict[int, dict[str, int]]
    effort: tuple[int, ...] | None
    resources: int


def make_skills(shape: Shape, rng: random.Random) -> tuple[list[SkillSpec], list[list[str]], list[str]]:
    """The skills, the ids in each category, and the general pool."""
    skills: list[SkillSpec] = []
    by_category: list[list[str]] = [[] for _ in range(shape.categories)]
    general: list[str] = []
    general_count = max(10, int(shape.skills * GENERAL_SHARE))
    for index in range(shape.skills):
        is_general = index < general_count
        category = -1 if is_general else index % shape.categories
        name = f"{rng.choice(VERBS)} {rng.choice(NOUNS)} {rng.choice(FIELDS)}"
        ident = f"{name.replace(' ', '-')}-{index:x}"
        pool = general if is_general else by_category[category]
        skills.append(
            SkillSpec(
                ident, name, category, prerequisites(pool, rng), effort_table(rng), rng.choice((0, 1, 1, 2))
            )
        )
        pool.append(ident)
    return skills, by_category, general


def prerequisites(earlier: list[str], rng: random.Random) -> dict[int, dict[str, int]]:
    """Prerequisites on earlier skills of the same pool (never a cycle), for a third of the skills."""
    if len(earlier) < 3 or rng.random() > 0.33:
        return {}
    chosen = rng.sample(earlier[-40:], rng.randint(1, 3))
    if rng.random() < 0.7:
        return {2: {name: rng.randint(1, 3) for name in chosen}}
    return {level: {name: min(5, level - 1 + rng.randint(0, 1)) for name in chosen} for level in (3, 4)}


def effort_table(rng: random.Random) -> tuple[int, ...] | None:
    """Hours per level, or None for the default table (a fifth of the skills)."""
    if rng.random() < 0.2:
        return None
    factor = rng.choice((0.5, 0.75, 1.0, 1.5, 2.0))
    return tuple(max(1, round(hours * factor)) for hours in (10, 30, 80, 200, 400))


def skills_yaml(skills: list[SkillSpec]) -> str:
    """skills.yaml for the synthetic skills."""
    out = ["version: 1", "skills:"]
    for skill in skills:
        category = "general" if skill.category < 0 else f"field-{skill.category}"
        out += [
            f"- id: {skill.id}",
            f"  name: {skill.name.capitalize()}",
            f"  category: {category}",
            f"  summary: 'Synthetic skill: {skill.name}, used by the careerctl benchmark at scale.'",
            "  levels:",
            *(f"    {n}: {anchor.format(skill.name).capitalize()}." for n, anchor in enumerate(ANCHORS, 1)),
        ]
        if skill.requires:
            if list(skill.requires) == [2]:
                out.append(f"  requires: {flow_map(skill.requires[2])}")
            else:
                out.append("  requires:")
                out += [f"    {level}: {flow_map(needs)}" for level, needs in skill.requires.items()]
        if skill.effort:
            out.append(f"  effort: {flow_map(dict(enumerate(skill.effort, 1)))}")
        if skill.resources:
            out.append("  resources:")
            for n in range(skill.resources):
                kind = ("course", "docs", "book", "practice")[n % 4]
                out.append(
                    f"  - {{title: 'A {kind} on {skill.name}', kind: {kind}, level: {n * 2 + 1}, "
                    f"url: 'https://example.org/{skill.id}/{n}'}}"
                )
    return "\n".join(out) + "\n"


def roles_yaml(
    shape: Shape,
    by_category: list[list[str]],
    general: list[str],
    rng: random.Random,
    scale: float,
    moves: dict[str, list[tuple[str, float]]],
) -> str:
    """roles.yaml: every track's ladder, with moves up and across (also recorded in `moves`)."""
    out = [
        "version: 1",
        "about:",
        f"  name: careerctl synthetic KB at {scale:g}x ESCO",
        "  source: generated by benchmarks/synth.py",
        "roles:",
    ]
    for track in range(shape.tracks):
        core = ladder_skills(track, shape, by_category, general, rng)
        field = FIELDS[track % len(FIELDS)]
        rungs = shape.rungs(track)
        for rung in range(1, rungs + 1):
            title = TITLES[min(len(TITLES) - 1, (rung - 1) * len(TITLES) // max(1, rungs))]
            out += [
                f"- id: {role_id(track, rung)}",
                f"  name: {field.capitalize()} {title} {rung} (track {track})",
                f"  aliases: [s{track}.{rung}]",
                f"  track: track-{track}",
                f"  seniority: {rung}",
                f"  summary: 'Rung {rung} of synthetic track {track}, in {field}.'",
                "  skills:",
                *requirement_lines(core, rung, rungs),
            ]
            found = moves[role_id(track, rung)] = transitions(track, rung, shape, rng)
            if found:
                out.append("  next:")
                out += [f"  - {{role: {target}, years: {years}}}" for target, years in found]
    return "\n".join(out) + "\n"


def ladder_skills(
    track: int, shape: Shape, by_category: list[list[str]], general: list[str], rng: random.Random
) -> list[str]:
    """The skills a track's rungs draw on, most important first."""
    home = by_category[track % shape.categories]
    wanted = REQUIREMENTS_PER_ROLE + 14  # the top rung needs the most
    own = rng.sample(home, min(len(home), wanted - 5))
    return own + rng.sample(general, min(len(general), wanted - len(own)))


def requirement_lines(core: list[str], rung: int, rungs: int) -> list[str]:
    """A rung's requirements: more skills than the rung below, each at the same level or higher."""
    share = (rung - 1) / max(1, rungs - 1)
    count = min(len(core), REQUIREMENTS_PER_ROLE - 14 + round(28 * share))
    lines = []
    for position, skill in enumerate(core[:count]):
        level = min(5, 1 + round(4 * share) - (position * 2 // count) + (1 if position < 5 else 0))
        weight = 5 if position < 5 else 4 if position < 15 else 3 if position < 30 else 2
        lines.append(f"    {skill}: {{level: {max(1, level)}, weight: {weight}}}")
    return lines


def transitions(track: int, rung: int, shape: Shape, rng: random.Random) -> list[tuple[str, float]]:
    """Moves from a rung: up its own track, and sometimes across to a nearby track."""
    moves = []
    if rung < shape.rungs(track):
        moves.append((role_id(track, rung + 1), round(rng.uniform(1.5, 3.5), 1)))
    if rng.random() < 0.25:
        other = (track + rng.choice((1, 1, 2, 3))) % shape.tracks
        target = max(1, min(shape.rungs(other), rung + rng.choice((-1, 0, 0, 1))))
        if other != track:
            moves.append((role_id(other, target), round(rng.uniform(1.0, 3.0), 1)))
    return moves


def flow_map(items: dict[int, int] | dict[str, int]) -> str:
    """A one-line YAML mapping."""
    return "{" + ", ".join(f"{key}: {value}" for key, value in items.items()) + "}"
