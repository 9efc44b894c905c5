"""Human output: Rich tables, trees and panels. Every KB string is shown literally (see `lit`)."""

from __future__ import annotations

import os
import re
from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.console import Console, RenderableType
from rich.text import Text
from rich.tree import Tree

from careerctl.context import PIPE_WIDTH
from careerctl.i18n import N_, _, ngettext
from careerctl.model import STANDARDS, KnowledgeBase, Levels, Resource, Role, Skill
from careerctl.text import duration, figure, hours, number, percent, visible, years

if TYPE_CHECKING:  # the renderers only read these; importing them would slow every command down
    from rich.table import Column, Table

    from careerctl.context import Env
    from careerctl.errors import Problem
    from careerctl.kb.stats import Stats
    from careerctl.match import MatchRow
    from careerctl.plan import Plan, Step
    from careerctl.results import SearchHitEntry
    from careerctl.route import Route


def block(console: Console, value: object, style: str = "") -> Text:
    """A multi-line field from data, indented under its heading, wrapped lines too: no line of it
    starts at column 0, where it could pose as a line of careerctl's own."""
    import textwrap

    width = max(20, console.width - 2)
    lines = [part for line in str(value).split("\n") for part in textwrap.wrap(visible(line), width) or [""]]
    return Text("\n".join("  " + line for line in lines), style=style)


def hanging(console: Console, line: object, style: str = "") -> Text:
    """One line of careerctl's at two spaces in, wrapped at whole words with its wrapped lines four
    spaces in, so a long schedule line stays under the one it continues."""
    import textwrap

    wrapped = textwrap.wrap(
        visible(line),
        max(20, console.width),
        initial_indent="  ",
        subsequent_indent="    ",
        break_long_words=False,
        break_on_hyphens=False,
    )
    return Text("\n".join(wrapped), style=style)


def lit(value: object, style: str = "") -> Text:
    """Text from data (KB, profile, answers): never markup, never a terminal escape."""
    return Text(visible(value), style=style)


class QuietConsole(Console):
    """A console that stops quietly when its reader goes away (`careerctl plan | head`)."""

    def on_broken_pipe(self) -> None:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, self.file.fileno())
        raise SystemExit(0)  # the reader has what it wanted; exit 1 would mean "no result"


def make_console(env: Env) -> Console:
    """A console on env.stdout that colours only a terminal and honours NO_COLOR (from env.environ)."""
    console = QuietConsole(
        file=env.stdout,
        highlight=False,
        emoji=False,
        markup=False,
        soft_wrap=False,
        _environ=dict(env.environ),
    )
    if not console.is_terminal and "COLUMNS" not in env.environ:
        console.width = PIPE_WIDTH
    return console


def table(console: Console, *columns: str, title: str | Text | None = None) -> Table:
    """A table with box characters on a terminal and plain ASCII when piped."""
    from rich import box

    from careerctl.render.tables import CappedTable  # rich.table: only commands that draw one

    style = box.ROUNDED if console.is_terminal else box.ASCII
    grid = CappedTable(*columns, box=style, title=title, title_justify="left", show_lines=False)
    for column in grid.columns:
        column.overflow = "fold"  # wrap long words rather than cut them with an ellipsis
        column.min_width = min(len(str(column.header)), 5)
    return grid


def keep_whole(grid: Table, *columns: int) -> None:
    """Never cut the values of these columns (ids): they do not wrap, and are as wide as the widest."""
    for index in columns:
        column = grid.columns[index]
        column.no_wrap = True
        column.min_width = max(
            (c.cell_len if isinstance(c, Text) else cell_len(str(c)) for c in column.cells), default=1
        )


COMFORT = 16
"""Columns narrower than this (in cells) make a table hard to read: `fit` drops a column sooner."""


def fit(console: Console, grid: Table, *optional: int) -> list[str]:
    """Drop the fewest of the `optional` columns (the first given goes first) for the table to fit.

    A table's width here counts every unwrappable column (ids) whole and every other one at its
    longest word or COMFORT cells, whichever is wider. Returns the headers of the columns dropped.
    """
    from itertools import combinations

    every = list(grid.columns)
    choices = [grid.columns[i] for i in optional]
    for count in range(len(choices) + 1):
        for dropped in combinations(choices, count):
            grid.columns = [column for column in every if column not in dropped]
            if needed_width(console, grid) <= console.width:
                return [str(column.header) for column in dropped]
    for column in [c for c in grid.columns if c.no_wrap]:
        fold_at_hyphens(console, grid, column)
    return [str(column.header) for column in choices]


def fold_at_hyphens(console: Console, grid: Table, column: Column) -> None:
    """The last resort for ids too long for the room left (an imported taxonomy's): break each one
    after a hyphen, so no word of it is cut and a line of it never ends mid-word."""
    room = console.width - (needed_width(console, grid) - (column.min_width or 0))
    cells = list(column.cells)
    pieces = [
        re.findall(r"[^-]*-|[^-]+$", cell.plain if isinstance(cell, Text) else str(cell)) for cell in cells
    ]
    room = max([room, *(len(piece) for parts in pieces for piece in parts)])
    folded: list[RenderableType] = []
    for cell, parts in zip(cells, pieces, strict=True):
        lines = [""]
        for piece in parts:
            if lines[-1] and len(lines[-1]) + len(piece) > room:
                lines.append("")
            lines[-1] += piece
        folded.append(Text("\n".join(lines), style=cell.style if isinstance(cell, Text) else ""))
    column._cells = folded  # noqa: SLF001 - rich keeps a column's cells here; the ids are re-laid out
    column.min_width = max(cell_len(line) for text in folded for line in str(text).split("\n"))


def needed_width(console: Console, grid: Table) -> int:
    """The cells `grid` needs to show its ids whole and its other columns readably (see `fit`)."""
    from rich.measure import Measurement

    wide = console.options.update_width(10_000)
    total = len(grid.columns) + 1  # the rules between the columns and at the edges
    for column in grid.columns:
        sizes = [Measurement.get(console, wide, cell) for cell in (column.header, *column.cells)]
        longest = max(size.maximum for size in sizes)
        shortest = longest if column.no_wrap else max(size.minimum for size in sizes)
        total += max(shortest, min(longest, COMFORT)) + 2  # and one space of padding either side
    return total


def left_out(console: Console, headers: list[str], where: str) -> None:
    """A line under a table that `fit` narrowed: which columns it left out, and where they are."""
    if headers:
        said = _("Left out to fit {width} columns: {columns}; {where}.")
        console.print(lit(said.format(width=console.width, columns=", ".join(headers), where=where), "dim"))


def print_roles(console: Console, kb: KnowledgeBase, roles: Iterable[Role]) -> None:
    """The roles table (transitions are in `roles --tree` and `show`); narrow, without the aliases."""
    grid = table(console, _("id"), _("name"), _("aliases"), _("track"), _("rung"), _("skills"))

    for role in roles:
        grid.add_row(
            lit(role.id, "bold"),
            lit(role.name),
            lit(short_aliases(role.aliases)),
            lit(kb.term("tracks", role.track)),
            str(role.seniority),
            str(len(role.requirements)),
        )
    keep_whole(grid, 0)
    dropped = fit(console, grid, 5, 2)
    console.print(grid)
    left_out(console, dropped, _("`careerctl show ROLE` has them"))


def short_aliases(aliases: tuple[str, ...], shown: int = 3) -> str:
    """The first few aliases, and how many more `show ROLE` lists."""
    more = f" (+{len(aliases) - shown})" if len(aliases) > shown else ""
    return ", ".join(aliases[:shown]) + more


def print_ladders(console: Console, kb: KnowledgeBase, roles: Iterable[Role]) -> None:
    """Each track's ladder as a tree, rung by rung, with the moves out of each role."""
    by_track: dict[str, list[Role]] = defaultdict(list)
    for role in roles:
        by_track[role.track].append(role)
    root = Tree(lit(_("career map") if not kb.about.name else kb.about.name, "bold"))
    for track in sorted(by_track, key=kb.track_order().__getitem__):
        branch = root.add(lit(kb.term("tracks", track), "bold cyan"))
        for role in sorted(by_track[track], key=lambda r: (r.seniority, r.id)):
            label = lit(f"{role.seniority}  {role.name}", "bold")
            label.append(lit(f"  ({', '.join(role.aliases)})" if role.aliases else "", "dim"))
            node = branch.add(label)
            for move in role.next:
                target = kb.roles.get(move.role)
                name = target.name if target else move.role
                node.add(
                    lit(_("-> {role} after ~{years}").format(role=name, years=years(move.years)), "green")
                )
    console.print(root)


def print_skills(console: Console, kb: KnowledgeBase, skills: Iterable[Skill]) -> None:
    """The skills table."""
    grid = table(console, _("id"), _("name"), _("category"), _("needs first"), _("hours to 5"))
    for skill in skills:
        needs = skill.prerequisites(5)
        grid.add_row(
            lit(skill.id, "bold"),
            lit(skill.name),
            lit(kb.term("categories", skill.category)),
            lit(", ".join(f"{k} {v}" for k, v in sorted(needs.items()))),
            str(sum(skill.effort)),
        )
    keep_whole(grid, 0)
    dropped = fit(console, grid, 3)
    console.print(grid)
    left_out(console, dropped, _("`careerctl show SKILL` has them"))


def print_role(console: Console, kb: KnowledgeBase, role: Role) -> None:
    """One role: who it is, what it does, what it needs, where it leads."""
    title = lit(role.name, "bold")
    title.append(lit(f"  {role.id}", "dim"))
    console.print(title)
    console.print(
        lit(
            _("track {track}, rung {rung}; aliases: {aliases}").format(
                track=kb.term("tracks", role.track),
                rung=role.seniority,
                aliases=", ".join(role.aliases) or "-",
            )
        )
    )
    console.print(block(console, role.summary))
    if role.responsibilities:
        console.print(Text("\n" + _("Responsibilities"), style="bold"))
        for item in role.responsibilities:
            console.print(lit(f"  - {item}"))
    grid = table(console, _("skill"), _("level"), _("weight"), title=_("Requirements"))
    for req in sorted(role.requirements, key=lambda r: (-r.weight, r.skill)):
        skill = kb.skills.get(req.skill)
        grid.add_row(
            lit(skill.name if skill else req.skill),
            lit(f"{req.level} {kb.level_name(req.level)}"),
            str(req.weight),
        )
    console.print(grid)
    if role.next:
        console.print(Text(_("Next"), style="bold"))
        for move in role.next:
            target = kb.roles.get(move.role)
            name = target.name if target else move.role
            console.print(
                lit("  " + _("-> {role} after ~{years}").format(role=name, years=years(move.years)))
            )


def print_skill(console: Console, kb: KnowledgeBase, skill: Skill, hours_note: str = "") -> None:
    """One skill: its anchors, prerequisites and resources; `hours_note` under the table says what its hours count."""
    title = lit(skill.name, "bold")
    title.append(lit(f"  {skill.id}, {kb.term('categories', skill.category)}", "dim"))
    console.print(title)
    console.print(block(console, skill.summary))
    if skill.technologies:
        console.print(
            lit(_("covers: {technologies}").format(technologies=", ".join(skill.technologies)), "dim")
        )
    for standard, codes in skill.mappings.items():
        console.print(lit(f"{STANDARDS.get(standard, standard)}: {', '.join(codes)}", "dim"))
    grid = table(console, _("level"), _("what a person at this level does"), _("hours"), _("needs first"))
    for level in range(1, len(skill.levels) + 1):
        needs = skill.prerequisites(level)
        grid.add_row(
            lit(f"{level} {kb.level_name(level)}"),
            lit(skill.anchor(level)),
            str(skill.hours(level)),
            lit(", ".join(f"{k} {v}" for k, v in sorted(needs.items()))),
        )
    console.print(grid)
    if hours_note:
        console.print(lit(hours_note, "dim"))
    if skill.resources:
        console.print(Text(_("Resources"), style="bold"))
        for res in sorted(skill.resources, key=lambda r: (r.level, r.title)):
            line = lit(
                "  "
                + _("level {level}").format(level=res.level)
                + f"  {res.title}{resource_details(res, kb)}"
            )
            if res.url:
                line.append(lit(f"  {res.url}", "dim"))
            console.print(line)


def resource_details(res: Resource, kb: KnowledgeBase | None = None) -> str:
    """What a resource is, in brackets: its author, kind, cost, stack and language (when not English)."""
    parts = [res.author] if res.author else []
    parts.append(kb.term("kinds", res.kind) if kb else res.kind)
    parts += [_(COSTS.get(res.cost, res.cost))] if res.cost else []
    parts += [", ".join(res.stack)] if res.stack else []
    if res.language != "en":
        parts.append(_("in {language}").format(language=_(LANGUAGES.get(res.language, res.language))))
    return f" ({'; '.join(parts)})"


COSTS = {"free": N_("free"), "paid": N_("paid")}
"""A resource's cost as the KB says it, and the word shown for it."""

LANGUAGES = {"en": N_("English"), "id": N_("Indonesian")}
"""A resource's language code, and the language's name ("in Indonesian"); other codes are shown as they are."""


SEARCH_WORDS = {
    "role": N_("role"),
    "skill": N_("skill"),
    "exact": N_("exact"),
    "name": N_("name"),
    "text": N_("text"),
    "alias": N_("alias"),
    "summary": N_("summary"),
    "responsibility": N_("responsibility"),
    "technology": N_("technology"),
    "resource": N_("resource"),
}
"""The words search's JSON uses for kinds, matches and fields, to show in the interface's language."""


def search_word(word: str) -> str:
    """A kind, match or field of a search hit in the interface's language ("level 3" too)."""
    if word.startswith("level "):
        return _("level {n}").format(n=word.removeprefix("level "))
    return _(SEARCH_WORDS[word]) if word in SEARCH_WORDS else word


def print_hits(console: Console, hits: list[SearchHitEntry]) -> None:
    """Search hits, best first: what matched and where."""
    grid = table(console, "#", _("kind"), _("id"), _("name"), _("matched"), _("where"))
    for rank, hit in enumerate(hits, start=1):
        fields = ", ".join(search_word(f) for f in hit.fields)
        grid.add_row(
            str(rank),
            search_word(hit.kind),
            lit(hit.id, "bold"),
            lit(hit.name),
            search_word(hit.match),
            lit(f"{fields}: {hit.excerpt}" if hit.fields else ""),
        )
    keep_whole(grid, 2)
    fit(console, grid, 4)  # the rank already says how good a match is
    console.print(grid)


def print_problems(console: Console, folder: str, problems: list[Problem]) -> None:
    """Validation results, one problem per line, then a summary line."""
    for problem in problems:
        style = "red" if problem.severity == "error" else "yellow"
        console.print(lit(str(problem), style), soft_wrap=True)
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    counts = ngettext("{n} error", "{n} errors", errors).format(n=errors)
    counts += ", " + ngettext("{n} warning", "{n} warnings", warnings).format(n=warnings)
    verdict = _("{folder}: invalid ({counts})") if errors else _("{folder}: valid ({counts})")
    console.print(lit(verdict.format(folder=folder, counts=counts), "bold"))


def print_stats(console: Console, kb: KnowledgeBase, folder: str, stats: Stats) -> None:
    """KB size, shape and attribution."""
    grid = table(
        console, _("what"), _("count"), title=lit(_("Knowledge base {folder}").format(folder=folder))
    )
    counted = {
        "roles": _("roles"),
        "skills": _("skills"),
        "requirements": _("requirements"),
        "transitions": _("transitions"),
        "prerequisites": _("prerequisites"),
        "resources": _("resources"),
    }
    for name, label in counted.items():
        grid.add_row(label, f"{number(getattr(stats, name))}")
    grid.add_row(_("tracks"), lit(", ".join(f"{kb.term('tracks', k)} {v}" for k, v in stats.tracks.items())))
    categories = ", ".join(f"{kb.term('categories', k)} {v}" for k, v in stats.categories.items())
    grid.add_row(_("categories"), lit(categories))
    console.print(grid)
    about = kb.about
    if any((about.name, about.source, about.version, about.licence)):
        console.print(Text(_("Source"), style="bold"))
        for label, value in (
            (_("name"), about.name),
            (_("source"), about.source),
            (_("version"), about.version),
            (_("licence"), about.licence),
            (_("url"), about.url),
        ):
            if value:
                console.print(lit(f"  {label}: {value}"))


def print_plan(
    console: Console,
    kb: KnowledgeBase,
    plan: Plan,
    hours_per_week: float,
    weeks: float,
    top: int | None,
    levels: Levels | None = None,
) -> None:
    """Readiness as a gauge, the ranked steps, the gaps with level bars, and when you get there.

    The remaining gaps are a tree by category; with `levels`, each skill also gets its level bar.
    """
    from careerctl.render.charts import gap_tree, readiness_gauge

    target = kb.roles[plan.target]
    head = lit(
        _("Readiness for {role}: {readiness}").format(role=target.name, readiness=percent(plan.readiness)),
        "bold",
    )
    if plan.current:
        head.append(lit("  " + _("(from {role})").format(role=kb.roles[plan.current].name), "dim"))
    console.print(head)
    console.print(readiness_gauge(plan.readiness))
    if not plan.steps:
        console.print(lit(_("You already meet every requirement of {role}.").format(role=target.name)))
        return
    console.print(steps_table(console, kb, plan.steps[:top] if top else plan.steps))
    if top and len(plan.steps) > top:
        console.print(
            lit(
                ngettext(
                    "... {n} more step (drop --top to see them all)",
                    "... {n} more steps (drop --top to see them all)",
                    len(plan.steps) - top,
                ).format(n=len(plan.steps) - top),
                "dim",
            )
        )
    if levels is None:
        print_gaps(console, kb, plan)
    else:
        console.print(gap_tree(kb, levels, target))
    console.print(
        lit(
            _("At {pace} h/week you meet {role} in {duration} ({hours} hours of study).").format(
                pace=figure(hours_per_week),
                role=target.name,
                duration=duration(weeks),
                hours=number(plan.total_hours),
            ),
            "bold",
        )
    )


def steps_table(console: Console, kb: KnowledgeBase, steps: list[Step]) -> Table:
    """Plan steps as a table, with the running total and a resource for each."""
    columns = ["#", _("skill"), _("level"), _("why"), _("hours"), _("total h"), _("ready"), _("resource")]
    grid = table(console, *columns)
    for step in steps:
        resource = step.resource
        grid.add_row(
            str(step.rank),
            lit(kb.skills[step.skill].name),
            f"{step.from_level} -> {step.to_level}",
            lit(short_why(kb, step)),
            str(step.hours),
            str(step.cumulative_hours),
            percent(step.target_readiness_after),
            lit(f"{resource.title} ({kb.term('kinds', resource.kind)})" if resource else "-"),
        )
    return grid


def short_why(kb: KnowledgeBase, step: Step) -> str:
    """The step's reasons in table-sized words (the JSON carries the full sentence)."""
    gain = _("+{gain} for {role}").format(gain=percent(step.gain, 1), role=kb.roles[step.phase].name)
    parts = [gain] if step.gain > 0 else []
    if step.also_needed_by:
        roles = ", ".join(kb.roles[r].name for r in step.also_needed_by)
        parts.append(_("also for {roles}").format(roles=roles))
    if step.unblocks:
        parts.append(
            _("unblocks {skills}").format(skills=", ".join(kb.skills[s].name for s in step.unblocks))
        )
    return "; ".join(parts)


def print_gaps(console: Console, kb: KnowledgeBase, plan: Plan) -> None:
    """The target's remaining gaps as a tree grouped by category."""
    root = Tree(lit(_("What {role} still needs").format(role=kb.roles[plan.target].name), "bold"))
    by_category: dict[str, list[str]] = defaultdict(list)
    for gap in plan.gaps:
        by_category[gap.category].append(
            _("{skill}: {have} -> {need} (weight {weight})").format(
                skill=kb.skills[gap.skill].name, have=gap.have, need=gap.need, weight=gap.weight
            )
        )
    for category in sorted(by_category):
        branch = root.add(lit(kb.term("categories", category), "cyan"))
        for line in by_category[category]:
            branch.add(lit(line))
    console.print(root)


def print_routes(
    console: Console, kb: KnowledgeBase, routes: list[Route], hours_per_week: float = 6.0
) -> None:
    """The best route as a tree of rungs with the skills each raises; alternatives after it.

    The total gives both clocks, as `plan` does: the study at the pace, and the years people
    typically spend in the roles on the way.
    """
    from careerctl.route import track_switches

    for index, route in enumerate(routes):
        names = " -> ".join(kb.roles[r].name for r in route.roles)
        label = _("Best route: {roles}") if index == 0 else _("Alternative {n}: {roles}")
        root = Tree(lit(label.format(roles=names, n=index), "bold"))
        root.add(lit(_("start: {role}").format(role=kb.roles[route.roles[0]].name)))
        for left, joined, role in track_switches(kb, route.roles):
            line = _("switches track: {left} -> {joined} at {role}").format(
                left=kb.term("tracks", left), joined=kb.term("tracks", joined), role=kb.roles[role].name
            )
            root.add(lit(line, "yellow"))
        for leg in route.legs:
            node = root.add(
                lit(
                    _("{role}: {hours} of study, ~{years} in the role before").format(
                        role=kb.roles[leg.to_role].name, hours=hours(leg.hours), years=years(leg.years)
                    )
                )
            )
            for change in sorted(leg.raises, key=lambda r: kb.skills[r.skill].name.lower()):
                node.add(
                    lit(
                        f"{kb.skills[change.skill].name} {change.from_level} -> {change.to_level} ({hours(change.hours)})"
                    )
                )
            if not leg.raises:
                node.add(lit(_("no skill needs to rise"), "dim"))
        if route.hours:
            total = _(
                "total: {hours} hours of study ({duration} at {pace} h/week); typically {years} in the roles"
            )
        else:
            total = _("total: no study; typically {years} in the roles")
        shown = total.format(
            hours=number(route.hours),
            duration=duration(route.hours / hours_per_week),
            pace=figure(hours_per_week),
            years=years(route.years),
        )
        root.add(lit(shown, "bold"))
        console.print(root)


def print_matches(
    console: Console,
    kb: KnowledgeBase,
    rows: list[MatchRow],
    current: str | None = None,
    below: Iterable[str] = (),
) -> None:
    """Roles ranked by fit, a legend above them, the current role marked, each row's why under it."""
    legend = _("fit: how close your skills are to the role's; ready: share of its needs you meet")
    console.print(lit(legend, "dim"))  # fit and readiness are in the README's How careerctl decides
    lower = set(below)
    grid = table(console, "#", _("role (and why)"), _("track"), _("fit"), _("ready"), _("direct hours"))
    for row in rows:
        name = lit(row.name)
        if row.role == current:
            name.append(" " + _("(your role)"), style="bold")
        elif row.role in lower:
            name.append(" " + _("(a rung below yours)"), style="dim")
        if row.why:
            name.append("\n")
            name.append_text(lit(row.why, "dim"))
        grid.add_row(
            str(row.rank),
            name,
            lit(kb.term("tracks", row.track)),
            percent(row.fit),
            percent(row.readiness),
            f"{number(row.hours_needed)}",
        )
    console.print(grid)
    if lower:
        console.print(lit(_("Rungs below your role come last; --all lists every role by fit alone."), "dim"))
