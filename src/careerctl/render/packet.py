"""The promotion packet: Markdown or one offline HTML file for a promotion or growth conversation.

For each skill the target role needs: the required level, the self and calibrated levels, the
gaps flagged for discussion, the evidence with dates and links, and the plan for what is still
missing. The HTML stands alone like the report (render/report.py, whose escaping and style it
shares): no scripts, nothing fetched, a Content-Security-Policy saying so, and a hand-built SVG
radar of the self, manager and target levels. Every string from a review, the evidence log or
the KB is escaped for where it lands; links are kept only when they are plain http(s) addresses.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from careerctl.calibration import Row
from careerctl.evidence import Evidence
from careerctl.i18n import N_, _, current, ngettext
from careerctl.model import LEVEL_MAX
from careerctl.plan import Step
from careerctl.render.report import (
    CSP,
    RADAR_SKILL_AXES,
    STYLE,
    _point,
    esc,
    md,
    md_link,
    md_table,
    more_steps,
    safe_url,
    spoke_label,
)
from careerctl.results import Packet
from careerctl.review import Review
from careerctl.text import flat, number, percent

SERIES = ("target", "self", "manager")
SERIES_LABEL = {
    "target": N_("what the target requires"),
    "self": N_("self rating"),
    "manager": N_("manager's rating"),
}
SERIES_NAME = {"target": N_("target"), "self": N_("self"), "manager": N_("manager")}


@dataclass(frozen=True)
class SkillRow:
    """One skill the target needs, with every rating, the evidence and the steps still to take."""

    skill: str
    name: str
    category: str
    required: int
    weight: int
    self_level: int | None
    manager: int | None
    peers_median: int | None
    calibrated: int
    gap: int | None
    flagged: bool
    notes: tuple[tuple[str, str], ...]
    evidence: list[Evidence] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)

    @property
    def used(self) -> int:
        """The level the packet judges this skill by."""
        return self.calibrated

    def status(self) -> str:
        """'met', 'met, +1' or 'short 2' against the required level."""
        if self.used < self.required:
            return _("short {n}").format(n=self.required - self.used)
        return _("met") if self.used == self.required else _("met, +{n}").format(n=self.used - self.required)


def skill_rows(packet: Packet) -> list[SkillRow]:
    """The target's requirements with every rating, by category and name."""
    kb = packet.kb
    by_skill: dict[str, Row] = {row.skill: row for row in packet.calibration.rows}
    evidence: dict[str, list[Evidence]] = defaultdict(list)
    for item in sorted(packet.evidence, key=lambda e: e.date, reverse=True):
        evidence[item.skill].append(item)
    steps: dict[str, list[Step]] = defaultdict(list)
    for step in packet.plan.steps:
        steps[step.skill].append(step)
    rows = []
    for req in packet.target.requirements:
        skill = kb.skills[req.skill]
        cal = by_skill.get(req.skill)
        own = packet.self_levels.get(req.skill)
        agreed = cal.agreed if cal else own or 0
        used = agreed if packet.levels_used == "calibrated" else own or 0
        rows.append(
            SkillRow(
                skill=req.skill,
                name=skill.name,
                category=kb.term("categories", skill.category),
                required=req.level,
                weight=req.weight,
                self_level=own,
                manager=cal.manager if cal else None,
                peers_median=cal.peers_median if cal else None,
                calibrated=used,
                gap=cal.gap if cal else None,
                flagged=cal.flagged if cal else False,
                notes=cal.notes if cal else (),
                evidence=evidence.get(req.skill, []),
                steps=steps.get(req.skill, []),
            )
        )
    return sorted(rows, key=lambda r: (r.category, r.name.lower(), r.skill))


def level_text(level: int | None) -> str:
    """A level, or a dash where nobody gave one."""
    return "–" if level is None else str(level)


def facts(packet: Packet) -> list[tuple[str, str]]:
    """The packet's header: who, when, the roles, readiness, and where the levels come from."""
    rows = [(_("Prepared for"), flat(packet.name))] if packet.name else []
    current = packet.current
    if packet.levels_used == "calibrated":
        readiness = _("{readiness} (on the calibrated levels)")
    else:
        readiness = _("{readiness} (on the self levels)")
    entries = ngettext("{n} entry in the log", "{n} entries in the log", len(packet.evidence))
    rows += [
        (_("Date"), packet.today.isoformat()),
        (_("Current role"), flat(current.name) if current else _("not given")),
        (_("Target role"), flat(packet.target.name)),
        (_("Readiness"), readiness.format(readiness=percent(packet.plan.readiness))),
        (_("Levels used"), levels_sentence(packet)),
        (_("Reviews"), reviews_sentence(packet.reviews)),
        (_("Evidence"), entries.format(n=len(packet.evidence))),
        (_("Knowledge base"), flat(packet.kb.about.name or _("unnamed"))),
    ]
    return rows


def levels_sentence(packet: Packet) -> str:
    """Which levels the packet judges by, in one sentence."""
    if packet.levels_used == "calibrated":
        return _("calibrated: the agreed level of each skill ({rule} rule)").format(
            rule=packet.calibration.rule
        )
    return _("self: the person's own ratings")


def reviews_sentence(reviews: list[Review]) -> str:
    """Who reviewed, and when."""
    if not reviews:
        return _("none attached")
    return "; ".join(f"{flat(r.rater)} ({r.relation}, {r.at[:10]})" for r in reviews)


# ---------------------------------------------------------------------------------------------- Markdown


def markdown_packet(packet: Packet) -> str:
    """The packet as Markdown: facts, the skills table, flagged gaps, evidence per skill, the plan."""
    rows = skill_rows(packet)
    who = f"{packet.name}: " if packet.name else ""
    out = ["# " + _("Promotion packet: {who}").format(who=md(who + packet.target.name)), ""]
    out += md_table(["", ""], [[f"**{k}**", md(v)] for k, v in facts(packet)])
    out += ["", "## " + _("Skills {role} needs").format(role=md(packet.target.name)), ""]
    out += md_table(
        [
            _("Skill"),
            _("Required"),
            _("Self"),
            _("Manager"),
            _("Peers"),
            _("Calibrated"),
            _("Status"),
            _("Evidence"),
        ],
        [
            [
                md(r.name) + (" **(" + _("discuss") + ")**" if r.flagged else ""),
                str(r.required),
                level_text(r.self_level),
                level_text(r.manager),
                level_text(r.peers_median),
                str(r.calibrated),
                r.status(),
                str(len(r.evidence)),
            ]
            for r in rows
        ],
    )
    out += ["", "## " + _("Gaps to discuss"), ""]
    out += markdown_gaps(rows)
    out += ["", "## " + _("Evidence"), ""]
    out += markdown_evidence(rows)
    out += ["", "## " + _("Plan for what is still missing"), ""]
    out += markdown_plan(packet)
    out += ["", "---", "", footer_text(packet, md)]
    return "\n".join(out) + "\n"


def gap_sentence(row: SkillRow) -> str:
    """How far the self rating is from the agreed level, and who said what."""
    others = []
    if row.manager is not None:
        others.append(_("manager {level}").format(level=row.manager))
    if row.peers_median is not None:
        others.append(_("peers' median {level}").format(level=row.peers_median))
    said = f" ({', '.join(others)})" if others else ""
    return (
        _("self {own}, agreed {agreed}").format(own=level_text(row.self_level), agreed=row.calibrated) + said
    )


def quiet_sentence(rows: list[SkillRow]) -> str:
    """The skills one level apart, each with the self and agreed levels."""
    said = _("self {own}, agreed {agreed}")
    return ", ".join(
        f"{r.name} ({said.format(own=level_text(r.self_level), agreed=r.calibrated)})" for r in rows
    )


def markdown_gaps(rows: list[SkillRow]) -> list[str]:
    """Flagged gaps (2 or more levels) as a list, then one-level gaps in one quiet line."""
    flagged = [r for r in rows if r.flagged]
    quiet = [r for r in rows if r.gap is not None and abs(r.gap) == 1]
    lines = [f"- **{md(r.name)}**: {md(gap_sentence(r))}" for r in flagged]
    for r in flagged:
        lines += [f"  - {md(rater)}: “{md(note)}”" for rater, note in r.notes]
    if not flagged:
        lines.append(_("No self rating is 2 or more levels from the agreed level."))
    if quiet:
        lines += ["", md(one_apart(quiet))]
    return lines


def markdown_evidence(rows: list[SkillRow]) -> list[str]:
    """Each needed skill's evidence, newest first; the skills without any in one line."""
    lines: list[str] = []
    for r in rows:
        if not r.evidence:
            continue
        lines += [f"### {md(r.name)}", ""]
        for item in r.evidence:
            level = " " + _("(level {level})").format(level=item.level) if item.level is not None else ""
            link = f" [{_('link')}](<{safe.replace('>', '%3E')}>)" if (safe := safe_url(item.link)) else ""
            lines.append(f"- {item.date}: {md(item.what)}{level}{link}")
        lines.append("")
    missing = [r.name for r in rows if not r.evidence]
    if missing:
        lines.append(_("No evidence logged yet for {skills}.").format(skills=md(", ".join(missing))))
    return lines


def markdown_plan(packet: Packet) -> list[str]:
    """The steps still to take, as a table."""
    steps = packet.plan.steps[: packet.top] if packet.top else packet.plan.steps
    if not steps:
        return [all_met(packet, md(packet.target.name))]
    kb = packet.kb
    rows = [
        [
            str(s.rank),
            md(kb.skills[s.skill].name),
            f"{s.from_level} → {s.to_level}",
            number(s.hours),
            md(s.why),
            f"{md_link(s.resource.title, s.resource.url)} ({md(kb.term('kinds', s.resource.kind))})"
            if s.resource
            else "",
        ]
        for s in steps
    ]
    lines = md_table(["#", _("Skill"), _("Level"), _("Hours"), _("Why"), _("Resource")], rows)
    hidden = len(packet.plan.steps) - len(steps)
    if hidden:
        lines += ["", more_steps(hidden)]
    lines += ["", in_all(packet)]
    return lines


def all_met(packet: Packet, target: str) -> str:
    """The plan section when nothing is left: `target` already escaped."""
    if packet.levels_used == "calibrated":
        return _("Every requirement of {role} is met on the calibrated levels.").format(role=target)
    return _("Every requirement of {role} is met on the self levels.").format(role=target)


def in_all(packet: Packet) -> str:
    """The plan's total hours."""
    return _("{hours} hours of study in all.").format(hours=number(packet.plan.total_hours))


def one_apart(rows: list[SkillRow]) -> str:
    """The line for gaps of one level."""
    return _("One level apart: {skills}.").format(skills=quiet_sentence(rows))


def footer_text(packet: Packet, escape: Callable[[object], str]) -> str:
    """Where the packet comes from, escaped for its format."""
    kb = packet.kb
    name = kb.about.name or _("an unnamed knowledge base")
    made = _("Made with careerctl from {kb} (KB identity {identity}).")
    return escape(made.format(kb=name, identity=kb.identity[:12] or _("unknown")))


# ---------------------------------------------------------------------------------------------- SVG


@dataclass(frozen=True)
class Spoke:
    """One radar axis: a skill or a category, with each series' level (None: no rating)."""

    label: str
    values: dict[str, float | None]


def radar_spokes(packet: Packet, rows: list[SkillRow]) -> list[Spoke]:
    """One spoke per needed skill when there are few, else per category (weighted mean levels)."""
    categories = {r.category for r in rows}
    if len(rows) <= RADAR_SKILL_AXES or len(categories) < 3:
        return [
            Spoke(r.name, {"target": r.required, "self": r.self_level or 0, "manager": r.manager})
            for r in rows
        ]
    sums: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(lambda: [0.0, 0.0]))
    for r in rows:
        acc = sums[r.category]
        for series, value in (("target", r.required), ("self", r.self_level or 0), ("manager", r.manager)):
            if value is not None:
                acc[series][0] += r.weight * value
                acc[series][1] += r.weight
    return [
        Spoke(cat, {s: (acc[s][0] / acc[s][1] if acc[s][1] else None) for s in SERIES})
        for cat, acc in sorted(sums.items())
    ]


def _points(cx: float, cy: float, radius: float, values: list[float]) -> str:
    pts = [
        _point(cx, cy, radius * min(v, LEVEL_MAX) / LEVEL_MAX, i, len(values)) for i, v in enumerate(values)
    ]
    return " ".join(f"{x:.1f},{y:.1f}" for x, y in pts)


def radar_svg(spokes: list[Spoke], title: str) -> str:
    """Target, self and manager as three polygons on rings 1..5 (manager only where they rated)."""
    if len(spokes) < 3:
        return ""
    cx, cy, radius = 300, 255, 170
    parts = [
        '<svg class="radar packet" viewBox="0 0 600 520" role="img" aria-labelledby="packet-radar-title">',
        f'<title id="packet-radar-title">{esc(title)}</title>',
    ]
    count = len(spokes)
    for level in range(1, LEVEL_MAX + 1):
        parts.append(f'<polygon class="ring" points="{_points(cx, cy, radius, [level] * count)}" />')
        parts.append(
            f'<text class="tick" x="{cx + 4}" y="{cy - radius * level / LEVEL_MAX + 11:.1f}">{level}</text>'
        )
    for i, spoke in enumerate(spokes):
        x, y = _point(cx, cy, radius, i, count)
        parts.append(f'<line class="spoke" x1="{cx}" y1="{cy}" x2="{x:.1f}" y2="{y:.1f}" />')
        parts.append(_label(cx, cy, radius + 14, i, count, spoke))
    have_manager = any(s.values.get("manager") is not None for s in spokes)
    for series in ("target", "manager", "self"):  # self last: on top, never hidden by the manager's
        if series == "manager" and not have_manager:
            continue
        values = [s.values.get(series) or 0.0 for s in spokes]
        parts.append(f'<polygon class="{series}" points="{_points(cx, cy, radius, values)}" />')
    for i, spoke in enumerate(spokes):
        x, y = _point(cx, cy, radius * min(spoke.values.get("self") or 0.0, LEVEL_MAX) / LEVEL_MAX, i, count)
        parts.append(f'<circle class="self-dot" cx="{x:.1f}" cy="{y:.1f}" r="3" />')
    legend = [s for s in SERIES if s != "manager" or have_manager]
    items = []
    for n, series in enumerate(legend):
        x = 20 + n * 190
        items.append(
            f'<rect class="{series}" x="{x}" y="492" width="14" height="14" />'
            f'<text x="{x + 20}" y="504">{esc(_(SERIES_LABEL[series]))}</text>'
        )
    if not have_manager:
        alone = _("no manager review attached")
        items.append(f'<text x="400" y="504">{esc(alone)}</text>')
    parts.append(f'<g class="legend">{"".join(items)}</g>')
    parts.append("</svg>")
    return "\n".join(parts)


def _label(cx: float, cy: float, radius: float, index: int, count: int, spoke: Spoke) -> str:
    """A spoke's label, every series' level in its tooltip."""
    said = ", ".join(
        f"{_(SERIES_NAME[series])} {number(round(value, 1)) if current() == 'id' else f'{value:.1f}'}"
        for series in SERIES
        if (value := spoke.values.get(series)) is not None
    )
    return spoke_label(cx, cy, radius, index, count, spoke.label, f"{spoke.label}: {said}")


# ---------------------------------------------------------------------------------------------- HTML

PACKET_STYLE = """
svg.radar.packet polygon.target, svg.radar.packet rect.target { fill: rgba(192, 86, 33, 0.10); stroke: var(--need); stroke-width: 2; stroke-dasharray: 6 4; }
svg.radar.packet polygon.self, svg.radar.packet rect.self { fill: rgba(43, 108, 176, 0.22); stroke: var(--have); stroke-width: 2.5; }
svg.radar.packet polygon.manager, svg.radar.packet rect.manager { fill: rgba(47, 133, 90, 0.18); stroke: var(--met); stroke-width: 2.5; }
svg.radar.packet .self-dot { fill: var(--have); }
svg.radar.packet .legend text { font-size: 12px; fill: var(--ink); }
tr.flagged td { background: #fff5f5; }
.flag { color: var(--short); font-weight: 600; }
.quiet { color: var(--muted); }
ul.evidence { margin: 4px 0 14px; padding-left: 20px; }
ul.evidence li { margin: 3px 0; }
.date { color: var(--muted); font-variant-numeric: tabular-nums; }
blockquote { margin: 4px 0 8px 16px; color: var(--muted); }
h3 { font-size: 1.05em; margin: 18px 0 4px; }
"""


def html_packet(packet: Packet) -> str:
    """The packet as one self-contained HTML file: no scripts, nothing fetched, printable."""
    rows = skill_rows(packet)
    who = f"{packet.name}: " if packet.name else ""
    start = f"{packet.current.name} → " if packet.current and packet.current.id != packet.target.id else ""
    heading = _("Promotion packet: {who}").format(who=packet.name) if packet.name else _("Promotion packet")
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{current()}">',
        "<head>",
        '<meta charset="utf-8" />',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}" />',
        '<meta name="viewport" content="width=device-width, initial-scale=1" />',
        '<meta name="generator" content="careerctl" />',
        f"<title>{esc(_('Promotion packet: {who}').format(who=who + packet.target.name))}</title>",
        f"<style>{STYLE}{PACKET_STYLE}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{esc(heading)}</h1>",
        f'<p class="subtitle">{esc(start + packet.target.name)}</p>',
        "</header>",
        '<div class="top">',
        f"<div>{html_facts(packet)}</div>",
        html_radar(packet, rows),
        "</div>",
        f'<section id="skills"><h2>{esc(_("Skills {role} needs").format(role=packet.target.name))}</h2>{html_skills(rows)}</section>',
        f'<section id="gaps"><h2>{esc(_("Gaps to discuss"))}</h2>{html_gaps(rows)}</section>',
        f'<section id="evidence"><h2>{esc(_("Evidence"))}</h2>{html_evidence(rows)}</section>',
        f'<section id="plan"><h2>{esc(_("Plan for what is still missing"))}</h2>{html_plan(packet)}</section>',
        f"<footer>{footer_text(packet, esc)}</footer>",
        "</body>",
        "</html>",
    ]
    return "\n".join(parts) + "\n"


def html_facts(packet: Packet) -> str:
    """The header facts as a definition list."""
    items = "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in facts(packet))
    return f'<dl class="facts">{items}</dl>'


def html_radar(packet: Packet, rows: list[SkillRow]) -> str:
    """The radar in a figure, or nothing when the target needs fewer than three axes."""
    spokes = radar_spokes(packet, rows)
    title = _("Self and manager ratings against {role}").format(role=packet.target.name)
    svg = radar_svg(spokes, title)
    if not svg:
        return "<div></div>"
    if len(spokes) == len(rows):
        caption = _("{title}, one axis per skill, levels 0 to {top}")
    else:
        caption = _(
            "{title}, one axis per category (weighted mean level; the manager's over the skills they rated), levels 0 to {top}"
        )
    return f"<figure>{svg}<figcaption>{esc(caption.format(title=title, top=LEVEL_MAX))}</figcaption></figure>"


def html_skills(rows: list[SkillRow]) -> str:
    """Every needed skill with each rating, the status and how much evidence backs it."""
    head = (
        f'<tr><th>{esc(_("Skill"))}</th><th class="num">{esc(_("Required"))}</th>'
        f'<th class="num">{esc(_("Self"))}</th><th class="num">{esc(_("Manager"))}</th>'
        f'<th class="num">{esc(_("Peers"))}</th><th class="num">{esc(_("Calibrated"))}</th>'
        f'<th>{esc(_("Status"))}</th><th class="num">{esc(_("Evidence"))}</th></tr>'
    )
    body = []
    for r in rows:
        flag = f' <span class="flag">{esc(_("discuss"))}</span>' if r.flagged else ""
        state = "short" if r.used < r.required else "met"
        mark = ' class="flagged"' if r.flagged else ""
        body.append(
            f"<tr{mark}><td>{esc(r.name)}{flag}</td>"
            f'<td class="num">{r.required}</td><td class="num">{level_text(r.self_level)}</td>'
            f'<td class="num">{level_text(r.manager)}</td><td class="num">{level_text(r.peers_median)}</td>'
            f'<td class="num">{r.calibrated}</td><td class="verdict-{state}">{esc(r.status())}</td>'
            f'<td class="num">{len(r.evidence)}</td></tr>'
        )
    return f"<table><thead>{head}</thead><tbody>{''.join(body)}</tbody></table>"


def html_gaps(rows: list[SkillRow]) -> str:
    """Flagged gaps with the reviewers' notes, then one-level gaps quietly."""
    flagged = [r for r in rows if r.flagged]
    quiet = [r for r in rows if r.gap is not None and abs(r.gap) == 1]
    parts = []
    if flagged:
        items = []
        for r in flagged:
            notes = "".join(
                f"<blockquote>{esc(rater)}: “{esc(note)}”</blockquote>" for rater, note in r.notes
            )
            items.append(f'<li><span class="flag">{esc(r.name)}</span>: {esc(gap_sentence(r))}{notes}</li>')
        parts.append(f"<ul>{''.join(items)}</ul>")
    else:
        parts.append("<p>" + esc(_("No self rating is 2 or more levels from the agreed level.")) + "</p>")
    if quiet:
        parts.append(f'<p class="quiet">{esc(one_apart(quiet))}</p>')
    return "".join(parts)


def html_evidence(rows: list[SkillRow]) -> str:
    """Each needed skill's evidence, newest first, links only when they are plain web addresses."""
    parts = []
    for r in rows:
        if not r.evidence:
            continue
        items = []
        for item in r.evidence:
            level = " " + esc(_("(level {level})").format(level=item.level)) if item.level is not None else ""
            url = safe_url(item.link)
            link = f' <a href="{esc(url)}" rel="noopener noreferrer">{esc(_("link"))}</a>' if url else ""
            items.append(f'<li><span class="date">{esc(item.date)}</span> {esc(item.what)}{level}{link}</li>')
        parts.append(f'<h3>{esc(r.name)}</h3><ul class="evidence">{"".join(items)}</ul>')
    missing = [r.name for r in rows if not r.evidence]
    if missing:
        none = _("No evidence logged yet for {skills}.").format(skills=", ".join(missing))
        parts.append(f'<p class="quiet">{esc(none)}</p>')
    return "".join(parts)


def html_plan(packet: Packet) -> str:
    """The steps still to take, as a table."""
    steps = packet.plan.steps[: packet.top] if packet.top else packet.plan.steps
    if not steps:
        return f"<p>{all_met(packet, esc(packet.target.name))}</p>"
    kb = packet.kb
    head = (
        f'<tr><th class="num">#</th><th>{esc(_("Skill"))}</th><th>{esc(_("Level"))}</th>'
        f'<th class="num">{esc(_("Hours"))}</th><th>{esc(_("Why"))}</th><th>{esc(_("Resource"))}</th></tr>'
    )
    body = []
    for s in steps:
        resource = ""
        if s.resource is not None:
            url = safe_url(s.resource.url)
            title = esc(s.resource.title)
            if url:
                title = f'<a href="{esc(url)}" rel="noopener noreferrer">{title}</a>'
            resource = f"{title} ({esc(kb.term('kinds', s.resource.kind))})"
        body.append(
            f'<tr><td class="num">{s.rank}</td><td>{esc(kb.skills[s.skill].name)}</td>'
            f'<td>{s.from_level} → {s.to_level}</td><td class="num">{number(s.hours)}</td>'
            f"<td>{esc(s.why)}</td><td>{resource}</td></tr>"
        )
    hidden = len(packet.plan.steps) - len(steps)
    more = f"<p>{esc(more_steps(hidden))}</p>" if hidden else ""
    total = f"<p>{esc(in_all(packet))}</p>"
    return f"<table><thead>{head}</thead><tbody>{''.join(body)}</tbody></table>{more}{total}"
