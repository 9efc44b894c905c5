"""A shareable report of a person's plan: Markdown (renders on GitHub and GitLab) or one HTML file.

The HTML file stands alone: no scripts, no fonts, images or styles fetched from anywhere (a
Content-Security-Policy says so to the browser too), readable offline and printable. Its charts
are hand-built inline SVG: a radar chart of the person's levels against the target's, and the
route as boxes and arrows. Every string from the KB is escaped for where it lands, and the HTML
is also well-formed XML, so tests can parse it strictly.
"""

from __future__ import annotations

import html
import math
import re
import textwrap
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from careerctl.i18n import _, current, ngettext
from careerctl.model import LEVEL_MAX, KnowledgeBase, Levels, Role
from careerctl.plan import Step, schedule
from careerctl.render.diagram import mermaid_route
from careerctl.results import Report
from careerctl.text import (
    beyond_a_century,
    duration,
    figure,
    flat,
    hours,
    month,
    month_name,
    number,
    percent,
    years,
)

RADAR_SKILL_AXES = 12
"""Up to this many required skills the radar has one axis per skill; past it, one per category."""


@dataclass(frozen=True, slots=True)
class Axis:
    """One spoke of the radar chart: a skill or a category, the person's level and the target's."""

    label: str
    have: float
    need: float


def finish_sentence(report: Report) -> str:
    """Hours of study left and when they are done at the given pace."""
    if not report.plan.steps:
        return _("none: every requirement is met")
    study = _("{hours} hours: {duration} at {pace} h/week").format(
        hours=number(report.plan.total_hours),
        duration=duration(report.weeks),
        pace=figure(report.hours_per_week),
    )
    if not beyond_a_century(report.weeks):
        done = report.today + timedelta(weeks=report.weeks)
        study = _("{study} (around {month})").format(study=study, month=month_name(done))
    if report.kb.uses_default_effort():
        study += _(
            "; rough: the knowledge base gives no effort for some skills, so the default table applies"
        )
    else:
        study += _("; deliberate study, which above what a first job needs assumes practice at work too")
    return study


def met_sentence(report: Report) -> str:
    """When the target is met: the later of the study and the typical years in each role on the way."""
    if not report.plan.phases:
        return _("now")
    timeline = schedule(report.plan, report.today, report.hours_per_week)
    if timeline.phases[-1].set_by == "study":
        return _("{month} (set by the study)").format(month=month(timeline.finish))
    return _("{month} (set by the typical years in the roles on the way)").format(
        month=month(timeline.finish)
    )


def facts(report: Report) -> list[tuple[str, str]]:
    """The report's header: who, when, where they stand and where they are going."""
    rows = []
    if report.name:
        rows.append((_("Prepared for"), flat(report.name)))
    rows += [
        (_("Date"), report.today.isoformat()),
        (_("Current role"), flat(report.current.name) if report.current else _("not given")),
        (_("Target role"), flat(report.target.name)),
        (_("Readiness"), percent(report.plan.readiness)),
        (_("Study still needed"), finish_sentence(report)),
        (_("Target met about"), met_sentence(report)),
        (_("Levels from"), flat(report.levels_from)),
        (_("Knowledge base"), flat(report.kb.about.name or _("unnamed"))),
    ]
    return rows


def route_lines(report: Report) -> list[tuple[str, str]]:
    """Each rung of the route: the role's name, and the years, hours and skills it takes."""
    route = report.route
    if route is None:
        return []
    kb = report.kb
    rows = [(kb.roles[route.roles[0]].name, _("where you start"))]
    for leg in route.legs:
        raised = ", ".join(
            sorted(f"{kb.skills[r.skill].name} {r.from_level}→{r.to_level}" for r in leg.raises)
        )
        detail = _("after ~{years}; {hours} of study").format(years=years(leg.years), hours=hours(leg.hours))
        if raised:
            detail += "; " + _("raises {skills}").format(skills=raised)
        rows.append((kb.roles[leg.to_role].name, detail))
    return rows


def no_route_sentence(report: Report) -> str:
    """Why the report shows no route."""
    if report.current is None:
        return _("No current role was given, so there is no route to draw.")
    if report.current.id == report.target.id:
        return _("Your levels fit the target role best already, so there is no route to draw.")
    if report.plan.readiness >= 1.0:
        return _("You already meet every requirement of {target}, so there is no route to draw.").format(
            target=report.target.name
        )
    none = _("No chain of transitions leads from {start} to {target} in this knowledge base.")
    return none.format(start=report.current.name, target=report.target.name)


def skill_rows(report: Report) -> list[tuple[str, str, int, int, int]]:
    """The target's requirements as (skill name, category, have, need, weight), by category and name."""
    kb = report.kb
    rows = [
        (
            kb.skills[r.skill].name,
            kb.term("categories", kb.skills[r.skill].category),
            report.levels.get(r.skill, 0),
            r.level,
            r.weight,
        )
        for r in report.target.requirements
    ]
    return sorted(rows, key=lambda row: (row[1], row[0].lower()))


def verdict(have: int, need: int) -> str:
    """'met', 'met, +1' or 'short 2'."""
    if have < need:
        return _("short {n}").format(n=need - have)
    return _("met") if have == need else _("met, +{n}").format(n=have - need)


def safe_url(url: str | None) -> str | None:
    """The URL if it is a plain web address (no javascript: or data: links), else None."""
    if url and re.fullmatch(r"https?://[^\s<>\"'`]+", url):
        return url
    return None


# ---------------------------------------------------------------------------------------------- Markdown

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|~#])")


def md(text: object) -> str:
    """KB text as literal Markdown: formatting characters escaped, HTML defused, one line."""
    escaped = flat(text).replace("&", "&amp;")
    return _MD_SPECIAL.sub(r"\\\1", escaped)


def md_link(title: str, url: str | None) -> str:
    """A Markdown link to a plain web address, or the title alone."""
    safe = safe_url(url)
    if safe is None:
        return md(title)
    return f"[{md(title)}](<{safe.replace('>', '%3E')}>)"


def md_table(head: list[str], rows: list[list[str]]) -> list[str]:
    """A GitHub-flavoured Markdown table."""
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def markdown_report(report: Report) -> str:
    """The report as Markdown: facts, the ranked plan with resources, the route as Mermaid, the skills."""
    target = report.target
    out = ["# " + _("Career report: {role}").format(role=md(target.name)), ""]
    out += md_table(["", ""], [[f"**{k}**", md(v)] for k, v in facts(report)])
    out += ["", "## " + _("Learning plan"), ""]
    out += markdown_plan(report)
    out += ["", "## " + _("Route"), ""]
    out += markdown_route(report)
    out += ["", "## " + _("Skills against {role}").format(role=md(target.name)), ""]
    out += md_table(
        [_("Skill"), _("Category"), _("You"), _("Needed"), _("Weight"), ""],
        [[md(n), md(c), str(h), str(r), str(w), verdict(h, r)] for n, c, h, r, w in skill_rows(report)],
    )
    out += ["", "---", "", footer_text(report, md)]
    return "\n".join(out) + "\n"


def markdown_plan(report: Report) -> list[str]:
    """The ranked steps as a table, or a sentence when nothing is left to learn."""
    if not report.plan.steps:
        return [_("You already meet every requirement of {role}.").format(role=md(report.target.name))]
    kb = report.kb
    rows = [
        [
            str(s.rank),
            md(kb.skills[s.skill].name),
            f"{s.from_level} → {s.to_level}",
            f"{number(s.hours)}",
            f"{number(s.cumulative_hours)}",
            percent(s.target_readiness_after),
            md(s.why),
            f"{md_link(s.resource.title, s.resource.url)} ({md(kb.term('kinds', s.resource.kind))})"
            if s.resource
            else "",
        ]
        for s in report.steps
    ]
    head = ["#", _("Skill"), _("Level"), _("Hours"), _("Total"), _("Ready after"), _("Why"), _("Resource")]
    lines = md_table(head, rows)
    hidden = len(report.plan.steps) - len(report.steps)
    if hidden:
        lines += ["", more_steps(hidden)]
    return lines


def markdown_route(report: Report) -> list[str]:
    """The route as a Mermaid diagram followed by its rungs as a numbered list."""
    if report.route is None:
        return [md(no_route_sentence(report))]
    lines = ["```mermaid", mermaid_route(report.kb, report.route).rstrip("\n"), "```", ""]
    lines += [f"{i}. **{md(name)}**: {md(detail)}" for i, (name, detail) in enumerate(route_lines(report), 1)]
    return lines


def footer_text(report: Report, escape: Callable[[object], str]) -> str:
    """Where the report comes from, escaped for its format."""
    kb = report.kb
    name = kb.about.name or _("an unnamed knowledge base")
    made = _("Made with careerctl from {kb} (KB identity {identity}).")
    return escape(made.format(kb=name, identity=kb.identity[:12] or _("unknown")))


def more_steps(hidden: int) -> str:
    """The line under a plan cut short."""
    return ngettext("… and {n} more step.", "… and {n} more steps.", hidden).format(n=hidden)


# ---------------------------------------------------------------------------------------------- SVG


def esc(text: object) -> str:
    """KB text escaped for HTML and XML text or a quoted attribute."""
    return html.escape(flat(text), quote=True)


def radar_axes(kb: KnowledgeBase, levels: Levels, role: Role) -> list[Axis]:
    """One axis per required skill when there are few, else one per category (weighted mean levels)."""
    reqs = sorted(role.requirements, key=lambda r: (kb.skills[r.skill].category, kb.skills[r.skill].name))
    categories = {kb.skills[r.skill].category for r in reqs}
    if len(reqs) <= RADAR_SKILL_AXES or len(categories) < 3:
        return [Axis(kb.skills[r.skill].name, levels.get(r.skill, 0), r.level) for r in reqs]
    sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for r in reqs:
        acc = sums[kb.skills[r.skill].category]
        acc[0] += r.weight * levels.get(r.skill, 0)
        acc[1] += r.weight * r.level
        acc[2] += r.weight
    return [
        Axis(kb.term("categories", cat), have / weight, need / weight)
        for cat, (have, need, weight) in sums.items()
    ]


def _point(cx: float, cy: float, radius: float, index: int, count: int) -> tuple[float, float]:
    """Where spoke `index` of `count` ends at `radius`, the first pointing up, clockwise."""
    angle = -math.pi / 2 + 2 * math.pi * index / count
    return cx + radius * math.cos(angle), cy + radius * math.sin(angle)


def _polygon(cx: float, cy: float, radius: float, values: list[float]) -> str:
    """The points attribute of a radar polygon for `values` on a 0..LEVEL_MAX scale."""
    pts = [
        _point(cx, cy, radius * min(v, LEVEL_MAX) / LEVEL_MAX, i, len(values)) for i, v in enumerate(values)
    ]
    return " ".join(f"{x:.1f},{y:.1f}" for x, y in pts)


def radar_svg(axes: list[Axis], title: str) -> str:
    """A radar chart: one spoke per axis, rings for levels 1..5, the target's polygon and the person's."""
    if len(axes) < 3:
        return ""
    size, cx, cy, radius = 560, 280, 250, 165
    parts = [
        f'<svg class="radar" viewBox="0 0 {size} 500" role="img" aria-labelledby="radar-title">',
        f'<title id="radar-title">{esc(title)}</title>',
    ]
    for level in range(1, LEVEL_MAX + 1):
        ring = _polygon(cx, cy, radius, [level] * len(axes))
        parts.append(f'<polygon class="ring" points="{ring}" />')
        parts.append(
            f'<text class="tick" x="{cx + 4}" y="{cy - radius * level / LEVEL_MAX + 11:.1f}">{level}</text>'
        )
    for i, axis in enumerate(axes):
        x, y = _point(cx, cy, radius, i, len(axes))
        parts.append(f'<line class="spoke" x1="{cx}" y1="{cy}" x2="{x:.1f}" y2="{y:.1f}" />')
        parts.append(_radar_label(cx, cy, radius + 14, i, len(axes), axis))
    parts.append(f'<polygon class="need" points="{_polygon(cx, cy, radius, [a.need for a in axes])}" />')
    parts.append(f'<polygon class="have" points="{_polygon(cx, cy, radius, [a.have for a in axes])}" />')
    for i, axis in enumerate(axes):
        x, y = _point(cx, cy, radius * min(axis.have, LEVEL_MAX) / LEVEL_MAX, i, len(axes))
        parts.append(f'<circle class="dot" cx="{x:.1f}" cy="{y:.1f}" r="3" />')
    yours, required = _("your levels"), _("what the target requires")
    parts.append(
        '<g class="legend"><rect class="have" x="20" y="470" width="14" height="14" />'
        f'<text x="40" y="482">{esc(yours)}</text>'
        '<rect class="need" x="150" y="470" width="14" height="14" />'
        f'<text x="170" y="482">{esc(required)}</text></g>'
    )
    parts.append("</svg>")
    return "\n".join(parts)


def _radar_label(cx: float, cy: float, radius: float, index: int, count: int, axis: Axis) -> str:
    """A spoke's label, its tooltip the person's level and the target's."""
    full = _("{axis}: you {have}, needed {need}").format(
        axis=axis.label, have=number(round(axis.have, 1)), need=number(round(axis.need, 1))
    )
    return spoke_label(cx, cy, radius, index, count, axis.label, full)


def spoke_label(cx: float, cy: float, radius: float, index: int, count: int, label: str, tooltip: str) -> str:
    """A spoke's label outside the rim, anchored away from the centre, wrapped to two lines."""
    x, y = _point(cx, cy, radius, index, count)
    dx = x - cx
    anchor = "start" if dx > 8 else "end" if dx < -8 else "middle"
    lines = textwrap.wrap(flat(label), 20, max_lines=2, placeholder="…") or [""]
    top = y - (len(lines) - 1) * 13 if y < cy - 8 else y + 4 if y > cy + 8 else y - (len(lines) - 1) * 6.5 + 4
    spans = "".join(
        f'<tspan x="{x:.1f}" y="{top + n * 13:.1f}">{esc(line)}</tspan>' for n, line in enumerate(lines)
    )
    return f'<text class="axis" text-anchor="{anchor}"><title>{esc(tooltip)}</title>{spans}</text>'


def route_svg(report: Report) -> str:
    """The route as boxes joined by arrows, each arrow with its years and hours of study."""
    route = report.route
    if route is None:
        return ""
    kb = report.kb
    box_w, box_h, gap, pad = 190, 78, 120, 12
    roles = route.roles
    width = pad * 2 + len(roles) * box_w + (len(roles) - 1) * gap
    title = _("Route: {roles}").format(roles=" → ".join(kb.roles[r].name for r in roles))
    parts = [
        f'<svg class="route" viewBox="0 0 {width} {box_h + pad * 2 + 8}" role="img" aria-labelledby="route-title">',
        f'<title id="route-title">{esc(title)}</title>',
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="11" markerHeight="11" '
        'markerUnits="userSpaceOnUse" orient="auto"><path d="M 0 0 L 10 5 L 0 10 z" class="arrowhead" /></marker></defs>',
    ]
    for i, role_id in enumerate(roles):
        role = kb.roles[role_id]
        x = pad + i * (box_w + gap)
        kind = "start" if i == 0 else "target" if i == len(roles) - 1 else "rung"
        parts.append(
            f'<g class="step {kind}"><rect x="{x}" y="{pad}" width="{box_w}" height="{box_h}" rx="10" />'
        )
        lines = textwrap.wrap(flat(role.name), 18, max_lines=2, placeholder="…")
        first = pad + (24 if len(lines) > 1 else 33)
        for n, line in enumerate(lines):
            parts.append(
                f'<text class="name" x="{x + box_w / 2}" y="{first + n * 17}" text-anchor="middle">{esc(line)}</text>'
            )
        sub = _("rung {rung} · {track}").format(
            rung=role.seniority, track=flat(kb.term("tracks", role.track))
        )
        parts.append(
            f'<text class="sub" x="{x + box_w / 2}" y="{pad + box_h - 12}" text-anchor="middle">{esc(sub)}</text></g>'
        )
    for i, leg in enumerate(route.legs):
        x1 = pad + i * (box_w + gap) + box_w
        y = pad + box_h / 2
        parts.append(
            f'<line class="edge" x1="{x1 + 4}" y1="{y}" x2="{x1 + gap - 4}" y2="{y}" marker-end="url(#arrow)" />'
        )
        mid = x1 + gap / 2
        parts.append(
            f'<text class="leg" x="{mid}" y="{y - 8}" text-anchor="middle">~{years(leg.years)}</text>'
        )
        parts.append(
            f'<text class="leg" x="{mid}" y="{y + 18}" text-anchor="middle">{hours(leg.hours)}</text>'
        )
    parts.append("</svg>")
    return "\n".join(parts)


# ---------------------------------------------------------------------------------------------- HTML

STYLE = """
:root { --ink: #1f2933; --muted: #5b6770; --line: #d9dee3; --have: #2b6cb0; --need: #c05621;
        --met: #2f855a; --short: #e53e3e; --over: #3182ce; --route: #b7791f; --route-fill: #fff3c4; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
       color: var(--ink); max-width: 1080px; margin: 0 auto; padding: 24px 28px 48px; background: #fff; }
h1 { font-size: 1.9em; margin: 0 0 4px; }
h2 { font-size: 1.3em; margin: 32px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
.subtitle { color: var(--muted); margin: 0 0 18px; font-size: 1.1em; }
.top { display: grid; grid-template-columns: minmax(300px, 1fr) minmax(320px, 1.2fr); gap: 24px; align-items: start; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 6px 16px; margin: 0; }
dl.facts dt { font-weight: 600; color: var(--muted); }
dl.facts dd { margin: 0; }
.gauge { margin: 18px 0 0; }
.gauge .track { height: 18px; background: #edf0f3; border-radius: 9px; overflow: hidden; border: 1px solid var(--line); }
.gauge .fill { height: 100%; background: var(--have); }
.gauge .label { font-weight: 600; margin-bottom: 4px; }
figure { margin: 0; }
figcaption { color: var(--muted); font-size: 0.9em; text-align: center; }
svg { display: block; width: 100%; height: auto; font-family: inherit; }
svg.radar .ring { fill: none; stroke: var(--line); }
svg.radar .spoke { stroke: var(--line); }
svg.radar .tick { font-size: 10px; fill: var(--muted); }
svg.radar .axis { font-size: 11.5px; fill: var(--ink); }
svg.radar polygon.need, svg.radar rect.need { fill: rgba(192, 86, 33, 0.12); stroke: var(--need); stroke-width: 2; stroke-dasharray: 6 4; }
svg.radar polygon.have, svg.radar rect.have { fill: rgba(43, 108, 176, 0.28); stroke: var(--have); stroke-width: 2.5; }
svg.radar .dot { fill: var(--have); }
svg.radar .legend text { font-size: 12px; fill: var(--ink); }
svg.route { max-height: 140px; }
svg.route rect { fill: #f4f6f8; stroke: #5b6770; stroke-width: 1.5; }
svg.route .step.start rect, svg.route .step.target rect { fill: var(--route-fill); stroke: var(--route); stroke-width: 2.5; }
svg.route .name { font-size: 14px; font-weight: 600; fill: var(--ink); }
svg.route .sub { font-size: 11px; fill: var(--muted); }
svg.route .edge { stroke: var(--route); stroke-width: 2.5; }
svg.route .arrowhead { fill: var(--route); }
svg.route .leg { font-size: 12px; fill: var(--route); font-weight: 600; }
table { border-collapse: collapse; width: 100%; font-size: 0.92em; }
th, td { text-align: left; vertical-align: top; padding: 5px 8px; border-bottom: 1px solid var(--line); }
th { background: #f4f6f8; font-weight: 600; }
td.num, th.num { text-align: right; white-space: nowrap; }
tr.category td { font-weight: 600; color: var(--muted); background: #fafbfc; }
.bar { display: inline-flex; width: 150px; height: 12px; background: #fff; border: 1px solid var(--line); vertical-align: middle; }
.bar span { display: block; height: 100%; }
.bar .met { background: var(--met); }
.bar .short { background: repeating-linear-gradient(45deg, #fed7d7, #fed7d7 3px, #feb2b2 3px, #feb2b2 6px); }
.bar .over { background: var(--over); }
.verdict-short { color: var(--short); }
.verdict-met { color: var(--met); }
ol.route li { margin: 4px 0; }
a { color: #2b6cb0; }
footer { margin-top: 40px; color: var(--muted); font-size: 0.85em; border-top: 1px solid var(--line); padding-top: 8px; }
@media (max-width: 760px) { .top { grid-template-columns: 1fr; } }
@page { margin: 14mm; }
@media print {
  body { font-size: 10.5pt; max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  tr, figure, svg, .gauge { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  table { font-size: 8.5pt; }
  th, td { padding: 3px 5px; }
  .top { grid-template-columns: 1fr 1.1fr; }
}
"""

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def html_report(report: Report) -> str:
    """The report as one self-contained HTML file: no scripts, nothing fetched, printable."""
    target = report.target
    moving = report.current is not None and report.current.id != target.id
    start = f"{report.current.name} → " if moving and report.current else ""
    heading = _("Career report")
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{current()}">',
        "<head>",
        '<meta charset="utf-8" />',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}" />',
        '<meta name="viewport" content="width=device-width, initial-scale=1" />',
        '<meta name="generator" content="careerctl" />',
        f"<title>{esc(_('Career report: {role}').format(role=target.name))}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{esc(heading)}</h1>",
        f'<p class="subtitle">{esc(start + target.name)}</p>',
        "</header>",
        '<div class="top">',
        "<div>",
        html_facts(report),
        html_gauge(report.plan.readiness),
        "</div>",
        html_radar(report),
        "</div>",
        f'<section id="plan"><h2>{esc(_("Learning plan"))}</h2>{html_plan(report)}</section>',
        f'<section id="route"><h2>{esc(_("Route"))}</h2>{html_route(report)}</section>',
        f'<section id="skills"><h2>{esc(_("Skills against {role}").format(role=target.name))}</h2>{html_skills(report)}</section>',
        f"<footer>{footer_text(report, esc)}</footer>",
        "</body>",
        "</html>",
    ]
    return "\n".join(parts) + "\n"


def html_facts(report: Report) -> str:
    """The header facts as a definition list."""
    items = "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in facts(report))
    return f'<dl class="facts">{items}</dl>'


def html_gauge(value: float) -> str:
    """Readiness as a filled bar."""
    share = min(1.0, max(0.0, value)) * 100
    return (
        f'<div class="gauge" role="img" aria-label="{gauge_label(min(1.0, max(0.0, value)))}">'
        f'<div class="label">{gauge_label(min(1.0, max(0.0, value)))}</div>'
        f'<div class="track"><div class="fill" style="width: {share:.1f}%"></div></div></div>'
    )


def gauge_label(value: float) -> str:
    """'Readiness 54%' over the gauge (value is 0..1)."""
    return esc(_("Readiness {percent}").format(percent=percent(value)))


def html_radar(report: Report) -> str:
    """The radar chart in a figure, or nothing when the target needs fewer than three axes."""
    axes = radar_axes(report.kb, report.levels, report.target)
    title = _("Your levels against {role}").format(role=report.target.name)
    svg = radar_svg(axes, title)
    if not svg:
        return "<div></div>"
    if len(axes) == len(report.target.requirements):
        caption = _("{title}, one axis per skill, levels 0 to {top}")
    else:
        caption = _("{title}, one axis per category (weighted mean level), levels 0 to {top}")
    return f"<figure>{svg}<figcaption>{esc(caption.format(title=title, top=LEVEL_MAX))}</figcaption></figure>"


def html_plan(report: Report) -> str:
    """The ranked steps as a table."""
    if not report.plan.steps:
        return f"<p>{esc(_('You already meet every requirement of {role}.').format(role=report.target.name))}</p>"
    kb = report.kb
    head = (
        f'<tr><th class="num">#</th><th>{esc(_("Skill"))}</th><th>{esc(_("Level"))}</th>'
        f'<th class="num">{esc(_("Hours"))}</th><th class="num">{esc(_("Total"))}</th>'
        f'<th class="num">{esc(_("Ready after"))}</th><th>{esc(_("Why"))}</th><th>{esc(_("Resource"))}</th></tr>'
    )
    rows = [
        f'<tr><td class="num">{s.rank}</td><td>{esc(kb.skills[s.skill].name)}</td>'
        f"<td>{s.from_level} → {s.to_level}</td>"
        f'<td class="num">{number(s.hours)}</td><td class="num">{number(s.cumulative_hours)}</td>'
        f'<td class="num">{percent(s.target_readiness_after)}</td><td>{esc(s.why)}</td><td>{html_resource(s, kb)}</td></tr>'
        for s in report.steps
    ]
    hidden = len(report.plan.steps) - len(report.steps)
    more = f"<p>{esc(more_steps(hidden))}</p>" if hidden else ""
    return f"<table><thead>{head}</thead><tbody>{''.join(rows)}</tbody></table>{more}"


def html_resource(step: Step, kb: KnowledgeBase) -> str:
    """A step's resource: a link when it has a plain web address."""
    res = step.resource
    if res is None:
        return ""
    url = safe_url(res.url)
    title = esc(res.title)
    if url:
        title = f'<a href="{esc(url)}" rel="noopener noreferrer">{title}</a>'
    return f"{title} ({esc(kb.term('kinds', res.kind))})"


def html_route(report: Report) -> str:
    """The route drawn as SVG, then its rungs as a list."""
    if report.route is None:
        return f"<p>{esc(no_route_sentence(report))}</p>"
    items = "".join(
        f"<li><strong>{esc(name)}</strong>: {esc(detail)}</li>" for name, detail in route_lines(report)
    )
    return f'<figure>{route_svg(report)}</figure><ol class="route">{items}</ol>'


def html_skills(report: Report) -> str:
    """Every requirement of the target with the person's level as a bar, grouped by category."""
    you = _("You / needed")
    head = (
        f"<tr><th>{esc(_('Skill'))}</th><th>{esc(you)}</th>"
        f'<th class="num">{esc(_("Weight"))}</th><th></th></tr>'
    )
    rows = []
    category = None
    for name, cat, have, need, weight in skill_rows(report):
        if cat != category:
            category = cat
            rows.append(f'<tr class="category"><td colspan="4">{esc(cat)}</td></tr>')
        state = "short" if have < need else "met"
        rows.append(
            f"<tr><td>{esc(name)}</td><td>{html_bar(have, need)} {have} / {need}</td>"
            f'<td class="num">{weight}</td><td class="verdict-{state}">{verdict(have, need)}</td></tr>'
        )
    return f"<table><thead>{head}</thead><tbody>{''.join(rows)}</tbody></table>"


def html_bar(have: int, need: int) -> str:
    """A level bar: levels met, levels still needed, levels above the need (each a fifth of the bar)."""
    unit = 100 / LEVEL_MAX
    met, short, over = min(have, need), max(0, need - have), max(0, have - need)
    spans = "".join(
        f'<span class="{kind}" style="width: {count * unit:.0f}%"></span>'
        for kind, count in (("met", met), ("short", short), ("over", over))
        if count
    )
    label = esc(_("{have} of {need}").format(have=have, need=need))
    return f'<span class="bar" role="img" aria-label="{label}">{spans}</span>'
