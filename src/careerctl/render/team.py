"""The team view: a skills heatmap (people x skills) and its findings, for the terminal, Markdown and HTML.

In the terminal each level is a digit on a colour that darkens with the level; piped or with
NO_COLOR the colours go and the digits stay (0 is `0` when piped, so scripts can read it, and
`·` on a terminal). The HTML page stands alone like the report: no scripts, nothing fetched.
Every string from a profile or the KB is escaped for where it lands (`lit`, `md`, `esc`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from rich.console import Console
from rich.text import Text

from careerctl.i18n import _, current, ngettext
from careerctl.model import LEVEL_MAX, KnowledgeBase
from careerctl.render.report import CSP, esc, md, md_table
from careerctl.render.rich import lit, table
from careerctl.team import HOLDS, MENTORS_PER_NEED, STRONG, Closest, Team
from careerctl.text import number, percent

PALETTE = ("#f4f6f8", "#deebf7", "#9ecae1", "#4292c6", "#2171b5", "#08306b")
"""Background per level 0..5: light to dark blue (ColorBrewer's Blues), readable in print."""
INK = ("#9aa5b1", "#1f2933", "#1f2933", "#ffffff", "#ffffff", "#ffffff")
"""Text colour on each background, for contrast."""
TERMINAL_PALETTE = ("", "#d7d7ff", "#afd7ff", "#5f87d7", "#005faf", "#00005f")
"""The terminal's blues: colours of the xterm 256-colour cube, so a 256-colour terminal shows them as they are."""
NAME_WIDTH = 10
"""A person's column in the terminal is at most this wide; longer names are cut with an ellipsis."""
SKILL_WIDTH = 28
SKILL_WIDTH_MAX = 40
"""The skill names' column in the terminal: up to 28 characters, or 40 when the people leave room."""
NAMES_SHOWN = 6
"""People named in one readiness row before '+N more'."""
MATRIX_SKILLS = 200
"""Skills (rows) a human view of the matrix shows; --category and --skills choose, --json has them all."""


@dataclass(frozen=True, slots=True)
class Row:
    """One skill of the matrix: its levels per person, coverage and what to flag."""

    skill: str
    name: str
    category: str
    levels: list[int]
    competent: int
    proficient: int
    flag: str  # "one deep: Ana", "gap: need 3, best 2" or ""
    kind: str = ""  # "gap", "one" (one deep) or "": what the flag says, in any language


def more_skills(team: Team) -> str:
    """What the human views say when the matrix has more skills than they show, else ''."""
    hidden = len(team.skills) - MATRIX_SKILLS
    if hidden <= 0:
        return ""
    more = ngettext(
        "... and {n} more skill: --category or --skills chooses which to show, --json lists them all",
        "... and {n} more skills: --category or --skills chooses which to show, --json lists them all",
        hidden,
    )
    return more.format(n=number(hidden))


def matrix_rows(kb: KnowledgeBase, team: Team) -> list[Row]:
    """The matrix's first MATRIX_SKILLS rows, one per skill, in the team's order (category, then id)."""
    single = {h.skill: h.person for h in team.single_holders}
    gaps = {g.skill: g for g in team.gaps}
    rows = []
    for item in team.coverage[:MATRIX_SKILLS]:
        skill = kb.skills[item.skill]
        if item.skill in gaps:
            kind, flag = (
                "gap",
                _("gap: need {need}, best {best}").format(
                    need=gaps[item.skill].need, best=gaps[item.skill].best
                ),
            )
        elif item.skill in single:
            kind, flag = "one", _("one deep: {person}").format(person=single[item.skill])
        else:
            kind, flag = "", ""
        rows.append(
            Row(
                item.skill,
                skill.name,
                kb.term("categories", skill.category),
                [m.levels.get(item.skill, 0) for m in team.members],
                item.competent,
                item.proficient,
                flag,
                kind,
            )
        )
    return rows


def summary(kb: KnowledgeBase, team: Team) -> str:
    """One sentence: how many people and skills, and the roles the team is measured against."""
    people = ngettext("{n} person", "{n} people", len(team.members)).format(n=len(team.members))
    skills = ngettext("{n} skill", "{n} skills", len(team.skills)).format(n=len(team.skills))
    roles = ", ".join(kb.roles[r].name for r in team.roles) or _("none")
    return _("{people}, {skills}; the team's roles: {roles}").format(
        people=people, skills=skills, roles=roles
    )


def closest_text(closest: Sequence[Closest]) -> str:
    """'Dee 83%, Eli 50%'."""
    return ", ".join(f"{c.person} {percent(c.readiness)}" for c in closest)


def names_text(names: Sequence[str], limit: int = NAMES_SHOWN) -> str:
    """The first names, then how many more."""
    shown = ", ".join(names[:limit])
    return (
        _("{names} +{n} more").format(names=shown, n=number(len(names) - limit))
        if len(names) > limit
        else shown
    )


# ---------------------------------------------------------------------------------------------- terminal


def print_team(console: Console, kb: KnowledgeBase, team: Team) -> None:
    """The heatmap, then single holders, gaps, mentoring pairs and readiness."""
    console.print(lit(summary(kb, team)))
    if not team.skills:
        console.print(
            _(
                "No skills in view (nobody has one above 0, the roles require none, or the filters leave none)."
            )
        )
    else:
        print_matrix(console, kb, team)
    print_findings(console, kb, team)


def print_matrix(console: Console, kb: KnowledgeBase, team: Team) -> None:
    """The skills heatmap, in blocks of as many people as the width holds."""
    rows = matrix_rows(kb, team)
    names = [m.name for m in team.members]
    widths = [min(NAME_WIDTH, max(3, len(lit(name).plain))) for name in names]
    longest = max([len(lit(r.name).plain) + 2 for r in rows] + [len(r.category) for r in rows])
    tail = 8 + max([len(r.flag) + 2 for r in rows if r.flag] + [0])  # "  ≥3 ≥4" and the flags
    room = console.width - sum(w + 1 for w in widths) - tail  # what the people leave the skill names
    label = min(longest, max(SKILL_WIDTH, min(room, SKILL_WIDTH_MAX)))
    for block in _blocks(widths, console.width - label - tail):
        console.print()
        _print_block(console, rows, names, widths, label, block)
        if more_skills(team):
            console.print(Text(more_skills(team), style="dim"))
    _print_legend(console, kb)


def _blocks(widths: Sequence[int], room: int) -> Iterator[range]:
    """Ranges of people whose columns fit in `room` characters (at least one person each)."""
    start, used = 0, 0
    for index, width in enumerate(widths):
        if used and used + width + 1 > room:
            yield range(start, index)
            start, used = index, 0
        used += width + 1
    if start < len(widths):
        yield range(start, len(widths))


def _print_block(
    console: Console, rows: list[Row], names: list[str], widths: list[int], label: int, block: range
) -> None:
    """One block of people: their names, then a line per skill (printed at once: a print costs ~1 ms)."""
    head = Text(" " * label, style="bold")
    for n in block:
        head.append(" ")
        head.append_text(_cut(names[n], widths[n]))
    head.append(f"  ≥{HOLDS} ≥{STRONG}", style="bold")
    lines = [head]
    category = None
    colour = console.is_terminal
    for row in rows:
        if row.category != category:
            category = row.category
            lines.append(lit(_clip(category, label), style="bold dim"))
        line = lit(_clip("  " + row.name, label).ljust(label))
        for n in block:
            line.append(" ")
            line.append_text(_cell(row.levels[n], widths[n], colour))
        line.append(f"  {row.competent:>2} {row.proficient:>2}")
        if row.flag:
            line.append("  ")
            line.append_text(lit(row.flag, style="bold red" if row.kind == "gap" else "yellow"))
        lines.append(line)
    console.print(Text("\n").join(lines), no_wrap=True, overflow="ellipsis")


def _cut(name: str, width: int) -> Text:
    """A person's name in a column of `width`: cut with an ellipsis when longer, centred."""
    shown = lit(name).plain
    if len(shown) > width:
        shown = shown[: width - 1] + "…"
    return Text(shown.center(width), style="bold")


def _clip(text: str, width: int) -> str:
    shown = lit(text).plain
    return shown if len(shown) <= width else shown[: width - 1] + "…"


def _cell(level: int, width: int, terminal: bool) -> Text:
    """A level as a digit on its colour; 0 is a dim `·` on a terminal (no block: dark themes) and `0` piped."""
    if not level:
        return Text(("·" if terminal else "0").center(width), style="dim")
    return Text(str(level).center(width), style=f"{INK[level]} on {TERMINAL_PALETTE[level]}")


def _print_legend(console: Console, kb: KnowledgeBase) -> None:
    """The colours and names of the levels (on two lines when one does not fit), and the counts."""
    parts = []
    for level in range(LEVEL_MAX + 1):
        part = _cell(level, 3, console.is_terminal)
        part.append_text(lit(f" {kb.level_name(level)}", style="dim"))
        parts.append(part)
    line = Text("  ").join(parts)
    if line.cell_len <= console.width:
        console.print(line, no_wrap=True)
    else:
        half = (len(parts) + 1) // 2
        console.print(Text("  ").join(parts[:half]), no_wrap=True, overflow="ellipsis")
        console.print(Text("  ").join(parts[half:]), no_wrap=True, overflow="ellipsis")
    console.print(
        Text(
            _("≥{holds} ≥{strong}: people at that level or above; one deep: the only one at {holds}+").format(
                holds=HOLDS, strong=STRONG
            ),
            style="dim",
        )
    )


def print_findings(console: Console, kb: KnowledgeBase, team: Team) -> None:
    """Single holders, gaps, mentoring pairs and readiness, each a table (or a sentence when empty)."""
    console.print()
    if team.single_holders:
        grid = table(console, _("skill"), _("the one person"), _("level"), title=_("One person deep"))
        for h in team.single_holders:
            grid.add_row(lit(kb.skills[h.skill].name), lit(h.person), str(h.level))
        console.print(grid)
    else:
        console.print(_("No skill rests on one person (at level {level} or more).").format(level=HOLDS))
    console.print()
    if team.gaps:
        title = _("Gaps: the team's roles need more")
        grid = table(console, _("skill"), _("needed"), _("best on the team"), _("roles"), title=title)
        for g in team.gaps:
            roles = ", ".join(kb.roles[r].name for r in g.roles)
            grid.add_row(lit(kb.skills[g.skill].name), str(g.need), str(g.best), lit(roles))
        console.print(grid)
    else:
        console.print(_("No gaps: for every skill the team's roles need, someone has the level."))
    _print_pairs(console, kb, team)
    _print_readiness(console, kb, team)


def _print_pairs(console: Console, kb: KnowledgeBase, team: Team) -> None:
    console.print()
    if not team.mentoring:
        console.print(_("No mentoring pairs: nobody is 2 levels above someone whose target needs it."))
        return
    title = _("Mentoring pairs")
    grid = table(
        console, _("skill"), _("mentor (level)"), _("mentee (level)"), _("target needs"), title=title
    )
    for p in team.mentoring:
        grid.add_row(
            lit(kb.skills[p.skill].name),
            lit(f"{p.mentor} ({p.mentor_level})"),
            lit(f"{p.mentee} ({p.mentee_level})"),
            str(p.need),
        )
    console.print(grid)
    if team.mentoring_left_out:
        console.print(Text(left_out_text(team), style="dim"))


def left_out_text(team: Team) -> str:
    """How many pairs were not listed, and why."""
    count = team.mentoring_left_out
    left_out = ngettext(
        "{n} more pair left out: only the {mentors} strongest mentors per mentee and skill are listed.",
        "{n} more pairs left out: only the {mentors} strongest mentors per mentee and skill are listed.",
        count,
    )
    return left_out.format(n=number(count), mentors=MENTORS_PER_NEED)


def _print_readiness(console: Console, kb: KnowledgeBase, team: Team) -> None:
    if not team.readiness:
        return
    console.print()
    title = _("Readiness for the team's roles")
    grid = table(console, _("role"), _("meet it"), _("who"), _("closest"), title=title)
    everyone = len(team.members)
    for r in team.readiness:
        grid.add_row(
            lit(kb.roles[r.role].name),
            of_everyone(len(r.meet), everyone),
            lit(names_text(r.meet)),
            lit(closest_text(r.closest)),
        )
    console.print(grid)


# ---------------------------------------------------------------------------------------------- Markdown


def markdown_team(kb: KnowledgeBase, team: Team) -> str:
    """The team view as GitHub-flavoured Markdown."""
    rows = matrix_rows(kb, team)
    lines = ["# " + _("Team skills"), "", md(summary(kb, team)) + ".", "", "## " + _("Skills matrix"), ""]
    head = [
        _("Skill"),
        _("Category"),
        *(md(m.name) for m in team.members),
        f"≥{HOLDS}",
        f"≥{STRONG}",
        _("Note"),
    ]
    body = [
        [
            md(r.name),
            md(r.category),
            *(str(level) for level in r.levels),
            str(r.competent),
            str(r.proficient),
            md(r.flag),
        ]
        for r in rows
    ]
    lines += md_table(head, body) if rows else [_("No skills in view.")]
    if more_skills(team):
        lines += ["", md(more_skills(team))]
    scale = ", ".join(f"{n} {md(kb.level_name(n))}" for n in range(LEVEL_MAX + 1))
    lines += ["", _("Levels: {scale}.").format(scale=scale)]
    lines += ["", "## " + _("One person deep"), ""]
    lines += (
        md_table(
            [_("Skill"), _("The one person"), _("Level")],
            [[md(kb.skills[h.skill].name), md(h.person), str(h.level)] for h in team.single_holders],
        )
        if team.single_holders
        else [_("No skill rests on one person (at level {level} or more).").format(level=HOLDS)]
    )
    lines += ["", "## " + _("Gaps"), ""]
    lines += (
        md_table(
            [_("Skill"), _("Needed"), _("Best on the team"), _("Roles")],
            [
                [
                    md(kb.skills[g.skill].name),
                    str(g.need),
                    str(g.best),
                    md(", ".join(kb.roles[r].name for r in g.roles)),
                ]
                for g in team.gaps
            ],
        )
        if team.gaps
        else [_("No gaps: for every skill the team's roles need, someone has the level.")]
    )
    lines += ["", "## " + _("Mentoring pairs"), ""]
    lines += (
        md_table(
            [_("Skill"), _("Mentor"), _("Level"), _("Mentee"), _("Level"), _("Target needs")],
            [
                [
                    md(kb.skills[p.skill].name),
                    md(p.mentor),
                    str(p.mentor_level),
                    md(p.mentee),
                    str(p.mentee_level),
                    str(p.need),
                ]
                for p in team.mentoring
            ],
        )
        if team.mentoring
        else [_("No mentoring pairs.")]
    )
    if team.mentoring_left_out:
        lines += ["", md(left_out_text(team))]
    lines += ["", "## " + _("Readiness for the team's roles"), ""]
    lines += md_table(
        [_("Role"), _("Meet it"), _("Who"), _("Closest")],
        [
            [
                md(kb.roles[r.role].name),
                of_everyone(len(r.meet), len(team.members)),
                md(", ".join(r.meet)),
                md(closest_text(r.closest)),
            ]
            for r in team.readiness
        ],
    )
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------------- HTML

STYLE = """
:root { --ink: #1f2933; --muted: #5b6770; --line: #d9dee3; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
       color: var(--ink); margin: 0 auto; padding: 24px 28px 48px; background: #fff; max-width: 1400px; }
h1 { font-size: 1.9em; margin: 0 0 4px; }
h2 { font-size: 1.3em; margin: 32px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
.subtitle { color: var(--muted); margin: 0 0 18px; font-size: 1.1em; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; font-size: 0.92em; }
th, td { text-align: left; vertical-align: top; padding: 5px 8px; border-bottom: 1px solid var(--line); }
th { background: #f4f6f8; font-weight: 600; }
td.num, th.num { text-align: right; white-space: nowrap; }
table.heatmap { border-collapse: separate; border-spacing: 2px; }
table.heatmap th, table.heatmap td { border: 0; }
table.heatmap th { background: none; }
table.heatmap th.person { vertical-align: bottom; padding: 4px 2px; background: none; }
table.heatmap th.person span { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap;
       display: inline-block; max-height: 11em; overflow: hidden; text-overflow: ellipsis; }
table.heatmap th.skill { font-weight: normal; background: none; white-space: nowrap; padding-right: 14px; }
table.heatmap tr.category th { font-weight: 600; color: var(--muted); padding-top: 10px; }
table.heatmap td.level { width: 2.2em; min-width: 2.2em; height: 2em; text-align: center; vertical-align: middle;
       font-weight: 600; border-radius: 3px; padding: 0; }
table.heatmap td.count { text-align: right; color: var(--muted); padding: 0 6px; vertical-align: middle; }
table.heatmap td.flag { white-space: nowrap; vertical-align: middle; font-size: 0.9em; }
.flag-gap { color: #c53030; font-weight: 600; }
.flag-one { color: #975a16; font-weight: 600; }
.legend { display: flex; flex-wrap: wrap; gap: 6px 14px; align-items: center; margin: 12px 0 0; color: var(--muted); }
.legend .swatch { display: inline-block; width: 2em; text-align: center; font-weight: 600; border-radius: 3px;
       margin-right: 4px; }
footer { margin-top: 40px; color: var(--muted); font-size: 0.85em; border-top: 1px solid var(--line); padding-top: 8px; }
@page { margin: 12mm; size: landscape; }
@media print { body { font-size: 10pt; padding: 0; max-width: none; } tr { break-inside: avoid; } }
"""
LEVEL_CSS = "\n".join(
    f"td.l{n}, .swatch.l{n} {{ background: {PALETTE[n]}; color: {INK[n]}; }}" for n in range(LEVEL_MAX + 1)
)


def html_team(kb: KnowledgeBase, team: Team) -> str:
    """The team view as one self-contained HTML page with a colour heatmap."""
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{current()}">',
        "<head>",
        '<meta charset="utf-8" />',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}" />',
        '<meta name="viewport" content="width=device-width, initial-scale=1" />',
        '<meta name="generator" content="careerctl" />',
        f"<title>{esc(_('Team skills'))}</title>",
        f"<style>{STYLE}{LEVEL_CSS}</style>",
        "</head>",
        "<body>",
        f"<header><h1>{esc(_('Team skills'))}</h1>",
        f'<p class="subtitle">{esc(summary(kb, team))}</p></header>',
        f'<section id="matrix"><h2>{esc(_("Skills matrix"))}</h2>{html_matrix(kb, team)}{html_legend(kb)}</section>',
        f'<section id="single"><h2>{esc(_("One person deep"))}</h2>{html_single(kb, team)}</section>',
        f'<section id="gaps"><h2>{esc(_("Gaps"))}</h2>{html_gaps(kb, team)}</section>',
        f'<section id="mentoring"><h2>{esc(_("Mentoring pairs"))}</h2>{html_pairs(kb, team)}</section>',
        f'<section id="readiness"><h2>{readiness_heading()}</h2>{html_readiness(kb, team)}</section>',
        f"<footer>{esc(footer(kb))}</footer>",
        "</body>",
        "</html>",
    ]
    return "\n".join(parts) + "\n"


def footer(kb: KnowledgeBase) -> str:
    """Where the page comes from."""
    name = kb.about.name or _("an unnamed knowledge base")
    made = _("Made with careerctl from {kb} (KB identity {identity}).")
    return made.format(kb=name, identity=kb.identity[:12] or _("unknown"))


def readiness_heading() -> str:
    """The last section's heading, escaped (its apostrophe too, as before)."""
    return esc(_("Readiness for the team's roles"))


def of_everyone(meet: int, everyone: int) -> str:
    """'2 of 5': how many people meet a role."""
    return _("{meet} of {everyone}").format(meet=meet, everyone=everyone)


def html_matrix(kb: KnowledgeBase, team: Team) -> str:
    """The heatmap: a row per skill, grouped by category; a coloured cell per person."""
    rows = matrix_rows(kb, team)
    if not rows:
        return "<p>" + esc(_("No skills in view.")) + "</p>"
    people = "".join(f'<th class="person" scope="col"><span>{esc(m.name)}</span></th>' for m in team.members)
    head = (
        f'<tr><th></th>{people}<th class="num" scope="col">≥{HOLDS}</th>'
        f'<th class="num" scope="col">≥{STRONG}</th><th></th></tr>'
    )
    body = []
    category = None
    span = len(team.members) + 4
    for r in rows:
        if r.category != category:
            category = r.category
            body.append(f'<tr class="category"><th colspan="{span}">{esc(r.category)}</th></tr>')
        cells = "".join(
            f'<td class="level l{level}" title="{esc(person.name)}: {esc(r.name)} {level}">{level or "·"}</td>'
            for level, person in zip(r.levels, team.members, strict=True)
        )
        flag = f'<span class="flag-{r.kind}">{esc(r.flag)}</span>' if r.flag else ""
        body.append(
            f'<tr><th class="skill" scope="row">{esc(r.name)}</th>{cells}'
            f'<td class="count">{r.competent}</td><td class="count">{r.proficient}</td>'
            f'<td class="flag">{flag}</td></tr>'
        )
    more = f"<p>{esc(more_skills(team))}</p>" if more_skills(team) else ""
    return (
        f'<div class="scroll"><table class="heatmap"><thead>{head}</thead>'
        f"<tbody>{''.join(body)}</tbody></table></div>{more}"
    )


def html_legend(kb: KnowledgeBase) -> str:
    """What each colour means."""
    items = "".join(
        f'<span><span class="swatch l{n}">{n or "·"}</span>{esc(kb.level_name(n))}</span>'
        for n in range(LEVEL_MAX + 1)
    )
    note = _("≥{holds} ≥{strong}: people at that level or above; one deep: the only one at {holds} or more")
    note = f"<span>{esc(note.format(holds=HOLDS, strong=STRONG))}</span>"
    return f'<p class="legend">{items}{note}</p>'


def _html_table(head: Sequence[str], rows: Sequence[Sequence[str]], numeric: Sequence[int] = ()) -> str:
    """A table of already-escaped cells; `numeric` columns are right-aligned."""

    def cell(tag: str, n: int, text: str) -> str:
        align = ' class="num"' if n in numeric else ""
        return f"<{tag}{align}>{text}</{tag}>"

    ths = "".join(cell("th", n, esc(h)) for n, h in enumerate(head))
    trs = "".join("<tr>" + "".join(cell("td", n, c) for n, c in enumerate(row)) + "</tr>" for row in rows)
    return f"<table><thead><tr>{ths}</tr></thead><tbody>{trs}</tbody></table>"


def html_single(kb: KnowledgeBase, team: Team) -> str:
    """Skills only one person holds at level 3 or more."""
    if not team.single_holders:
        return (
            f"<p>{esc(_('No skill rests on one person (at level {level} or more).').format(level=HOLDS))}</p>"
        )
    rows = [[esc(kb.skills[h.skill].name), esc(h.person), str(h.level)] for h in team.single_holders]
    return _html_table([_("Skill"), _("The one person"), _("Level")], rows, numeric=(2,))


def html_gaps(kb: KnowledgeBase, team: Team) -> str:
    """Skills the team's roles need that nobody has at the level."""
    if not team.gaps:
        return (
            "<p>" + esc(_("No gaps: for every skill the team's roles need, someone has the level.")) + "</p>"
        )
    rows = [
        [
            esc(kb.skills[g.skill].name),
            str(g.need),
            str(g.best),
            esc(", ".join(kb.roles[r].name for r in g.roles)),
        ]
        for g in team.gaps
    ]
    return _html_table([_("Skill"), _("Needed"), _("Best on the team"), _("Roles")], rows, numeric=(1, 2))


def html_pairs(kb: KnowledgeBase, team: Team) -> str:
    """Who can mentor whom, in what."""
    if not team.mentoring:
        return (
            f"<p>{esc(_('No mentoring pairs: nobody is 2 levels above someone whose target needs it.'))}</p>"
        )
    rows = [
        [
            esc(kb.skills[p.skill].name),
            esc(p.mentor),
            str(p.mentor_level),
            esc(p.mentee),
            str(p.mentee_level),
            str(p.need),
        ]
        for p in team.mentoring
    ]
    more = f"<p>{esc(left_out_text(team))}</p>" if team.mentoring_left_out else ""
    return (
        _html_table(
            [_("Skill"), _("Mentor"), _("Level"), _("Mentee"), _("Level"), _("Target needs")], rows, (2, 4, 5)
        )
        + more
    )


def html_readiness(kb: KnowledgeBase, team: Team) -> str:
    """Per role: who meets it, who is closest."""
    rows = [
        [
            esc(kb.roles[r.role].name),
            of_everyone(len(r.meet), len(team.members)),
            esc(", ".join(r.meet)),
            esc(closest_text(r.closest)),
        ]
        for r in team.readiness
    ]
    return _html_table([_("Role"), _("Meet it"), _("Who"), _("Closest")], rows, numeric=(1,))
