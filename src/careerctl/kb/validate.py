"""Cross-reference checks over a whole KB: every problem at once, each with its file and line."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable

from careerctl.errors import Problem
from careerctl.kb.parse import Sheet
from careerctl.kb.yamlio import shorten
from careerctl.model import Role, Skill
from careerctl.names import suggest


def check_kb(skills: list[Skill], roles: list[Role], skill_sheet: Sheet, role_sheet: Sheet) -> list[Problem]:
    """Every cross-reference problem of a KB, errors first then warnings, each in file order."""
    skill_ids = {skill.id for skill in skills}
    role_ids = {role.id for role in roles}
    found: list[Problem] = []
    found += duplicate_ids(skills, skill_sheet, "skill")
    found += duplicate_ids(roles, role_sheet, "role")
    found += duplicate_aliases(roles, role_sheet)
    found += unknown_prerequisites(skills, skill_ids, skill_sheet)
    found += prerequisite_cycles(skills, skill_ids, skill_sheet)
    found += unknown_requirements(roles, skill_ids, role_sheet)
    found += bad_transitions(roles, role_ids, role_sheet)
    found += unreachable_roles(roles, role_ids, role_sheet)
    found += non_monotone_ladders(roles, skill_ids, role_sheet)
    return found


def duplicate_ids(items: Iterable[Skill | Role], sheet: Sheet, kind: str) -> list[Problem]:
    """Ids defined more than once."""
    seen: set[str] = set()
    found = []
    for item in items:
        if item.id in seen:
            line = sheet.lines.get((kind, item.id))
            found.append(Problem("error", sheet.path, line, item.id, f"duplicate {kind} id {item.id!r}"))
        seen.add(item.id)
    return found


def duplicate_aliases(roles: list[Role], sheet: Sheet) -> list[Problem]:
    """Aliases that name two roles, or that equal another role's id."""
    owner = {role.id: role.id for role in roles}
    found = []
    for role in roles:
        for alias in role.aliases:
            other = owner.setdefault(alias, role.id)
            if other != role.id:
                line = sheet.lines.get(("role", role.id, "aliases"))
                message = f"alias {alias!r} already names role {other!r}"
                found.append(Problem("error", sheet.path, line, f"{role.id}.aliases", message))
    return found


def unknown(kind: str, name: str, known: Iterable[str]) -> str:
    """The message for a reference to an id that does not exist."""
    hints = suggest(name, known)
    return f"unknown {kind} {shorten(name)}" + (f"; did you mean {' or '.join(hints)}?" if hints else "")


def unknown_prerequisites(skills: list[Skill], skill_ids: set[str], sheet: Sheet) -> list[Problem]:
    """Prerequisites that name no skill."""
    found = []
    for skill in skills:
        for prereqs in skill.requires.values():
            for name in prereqs:
                if name not in skill_ids:
                    line = sheet.lines.get(("prereq", skill.id, name))
                    message = unknown("skill", name, skill_ids)
                    found.append(Problem("error", sheet.path, line, f"{skill.id}.requires", message))
    return found


def prerequisite_cycles(skills: list[Skill], skill_ids: set[str], sheet: Sheet) -> list[Problem]:
    """Skills that (through their prerequisites) require themselves; one problem per cycle."""
    graph = {
        skill.id: sorted({n for prereqs in skill.requires.values() for n in prereqs if n in skill_ids})
        for skill in skills
    }
    found = []
    for cycle in find_cycles(graph):
        first = cycle[0]
        line = sheet.lines.get(("skill", first, "requires")) or sheet.lines.get(("skill", first))
        chain = " -> ".join([*cycle, first])
        found.append(Problem("error", sheet.path, line, f"{first}.requires", f"prerequisite cycle: {chain}"))
    return found


def find_cycles(graph: dict[str, list[str]]) -> list[list[str]]:
    """One cycle per strongly connected group of nodes that loops (Tarjan's algorithm, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    cycles: list[list[str]] = []
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(graph.get(root, ())))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(graph.get(child, ()))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1 or node in graph.get(node, ()):
                    cycles.append(order_cycle(sorted(group), graph))
    return cycles


def order_cycle(group: list[str], graph: dict[str, list[str]]) -> list[str]:
    """Walk the group from its first member along prerequisite edges, to show a readable loop."""
    members = set(group)
    path = [group[0]]
    while True:
        step = next((n for n in graph[path[-1]] if n in members), None)
        if step is None or step == group[0] or step in path:
            return path
        path.append(step)


def unknown_requirements(roles: list[Role], skill_ids: set[str], sheet: Sheet) -> list[Problem]:
    """Role requirements on skills that do not exist."""
    found = []
    for role in roles:
        for requirement in role.requirements:
            if requirement.skill not in skill_ids:
                line = sheet.lines.get(("requirement", role.id, requirement.skill))
                message = unknown("skill", requirement.skill, skill_ids)
                found.append(Problem("error", sheet.path, line, f"{role.id}.skills", message))
    return found


def bad_transitions(roles: list[Role], role_ids: set[str], sheet: Sheet) -> list[Problem]:
    """Transitions to roles that do not exist, or from a role to itself."""
    found = []
    for role in roles:
        for move in role.next:
            line = sheet.lines.get(("transition", role.id, move.role))
            if move.role == role.id:
                message = "a role cannot transition to itself"
                found.append(Problem("error", sheet.path, line, f"{role.id}.next", message))
            elif move.role not in role_ids:
                message = unknown("role", move.role, role_ids)
                found.append(Problem("error", sheet.path, line, f"{role.id}.next", message))
    return found


def entry_roles(roles: list[Role]) -> list[str]:
    """The lowest rung of each track: where people start."""
    lowest: dict[str, int] = {}
    for role in roles:
        lowest[role.track] = min(lowest.get(role.track, role.seniority), role.seniority)
    return [role.id for role in roles if role.seniority == lowest[role.track]]


def unreachable_roles(roles: list[Role], role_ids: set[str], sheet: Sheet) -> list[Problem]:
    """Roles that no chain of transitions reaches from any track's lowest rung (a warning)."""
    edges = {role.id: [m.role for m in role.next if m.role in role_ids] for role in roles}
    seen = set(entry_roles(roles))
    queue = deque(seen)
    while queue:
        for nxt in edges.get(queue.popleft(), ()):
            if nxt not in seen:
                seen.add(nxt)
                queue.append(nxt)
    return [
        Problem(
            "warning",
            sheet.path,
            sheet.lines.get(("role", role.id)),
            role.id,
            "no path reaches this role: no transition leads here from the lowest rung of any track",
        )
        for role in roles
        if role.id not in seen
    ]


def non_monotone_ladders(roles: list[Role], skill_ids: set[str], sheet: Sheet) -> list[Problem]:
    """A promotion that requires less of a skill than the rung it comes from (a warning).

    A rung's "rung below" is a role on the same track, with lower seniority, that transitions to it:
    comparing every pair of rungs would flag unrelated occupations that merely share a track.
    """
    by_id = {role.id: role for role in roles}
    found = []
    for below in roles:
        for move in below.next:
            above = by_id.get(move.role)
            if above is not None and above.track == below.track and above.seniority > below.seniority:
                found += weaker_rung(below, above, skill_ids, sheet)
    return found


def weaker_rung(below: Role, above: Role, skill_ids: set[str], sheet: Sheet) -> list[Problem]:
    """Known skills that `above` requires at a lower level than `below` does."""
    needs = above.required()
    found = []
    for requirement in below.requirements:
        have = needs.get(requirement.skill, 0)
        if have < requirement.level and requirement.skill in skill_ids:
            line = sheet.lines.get(("requirement", above.id, requirement.skill)) or sheet.lines.get(
                ("role", above.id)
            )
            message = (
                f"requires {requirement.skill} at {have}, less than the rung below "
                f"({below.id}) requires ({requirement.level})"
            )
            found.append(Problem("warning", sheet.path, line, f"{above.id}.skills", message))
    return found
