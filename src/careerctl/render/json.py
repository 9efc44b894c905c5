"""Stable JSON documents, each tagged with its schema: `careerctl.<kind>/1`."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the documents only read these; importing them would slow every command down
    from careerctl.errors import Problem
    from careerctl.match import MatchRow
    from careerctl.model import KnowledgeBase, Role, Skill
    from careerctl.plan import Plan
    from careerctl.route import Route


def document(kind: str, **fields: Any) -> dict[str, Any]:
    """A JSON document of `kind`, with its schema tag first."""
    return {"schema": f"careerctl.{kind}/1", **fields}


def emit(doc: dict[str, Any]) -> None:
    """Print one JSON document to stdout."""
    sys.stdout.write(dumps(doc) + "\n")


def kb_ref(kb: KnowledgeBase) -> dict[str, Any]:
    """Which KB an answer came from."""
    return {"identity": kb.identity, "name": kb.about.name}


def role_dict(role: Role) -> dict[str, Any]:
    """A role with its requirements and transitions."""
    return {
        "id": role.id,
        "name": role.name,
        "aliases": list(role.aliases),
        "track": role.track,
        "seniority": role.seniority,
        "summary": role.summary,
        "responsibilities": list(role.responsibilities),
        "requirements": [{"skill": r.skill, "level": r.level, "weight": r.weight} for r in role.requirements],
        "next": [{"role": t.role, "years": t.years} for t in role.next],
    }


def skill_dict(skill: Skill) -> dict[str, Any]:
    """A skill with its anchors, prerequisites, effort and resources."""
    return {
        "id": skill.id,
        "name": skill.name,
        "category": skill.category,
        "summary": skill.summary,
        "levels": [{"level": n, "anchor": text} for n, text in enumerate(skill.levels, start=1)],
        "requires": [
            {"for_level": at, "skill": name, "level": level}
            for at, prereqs in sorted(skill.requires.items())
            for name, level in sorted(prereqs.items())
        ],
        "effort_hours": list(skill.effort),
        "resources": [
            {"title": r.title, "kind": r.kind, "level": r.level, "url": r.url} for r in skill.resources
        ],
        "tags": list(skill.tags),
    }


def roles_doc(kb: KnowledgeBase, roles: Iterable[Role]) -> dict[str, Any]:
    """careerctl.roles/1"""
    return document("roles", kb=kb_ref(kb), roles=[role_dict(r) for r in roles])


def skills_doc(kb: KnowledgeBase, skills: Iterable[Skill]) -> dict[str, Any]:
    """careerctl.skills/1"""
    return document("skills", kb=kb_ref(kb), skills=[skill_dict(s) for s in skills])


def show_doc(kb: KnowledgeBase, item: Role | Skill) -> dict[str, Any]:
    """careerctl.role/1 or careerctl.skill/1"""
    from careerctl.model import Role

    if isinstance(item, Role):
        return document("role", kb=kb_ref(kb), role=role_dict(item))
    return document("skill", kb=kb_ref(kb), skill=skill_dict(item))


def validation_doc(folder: str, identity: str | None, problems: list[Problem]) -> dict[str, Any]:
    """careerctl.validation/1"""
    errors = sum(p.severity == "error" for p in problems)
    return document(
        "validation",
        kb={"folder": folder, "identity": identity},
        valid=errors == 0,
        errors=errors,
        warnings=len(problems) - errors,
        problems=[p.to_dict() for p in problems],
    )


def role_ref(role: Role) -> dict[str, Any]:
    """A role named by id and name."""
    return {"id": role.id, "name": role.name}


def plan_doc(
    kb: KnowledgeBase, plan: Plan, hours_per_week: float, weeks: float, top: int | None
) -> dict[str, Any]:
    """careerctl.plan/1"""
    steps = plan.steps[:top] if top else plan.steps
    return document(
        "plan",
        kb=kb_ref(kb),
        target=role_ref(kb.roles[plan.target]),
        current=role_ref(kb.roles[plan.current]) if plan.current else None,
        horizon=list(plan.horizon),
        readiness=plan.readiness,
        readiness_after=plan.readiness_after,
        total_hours=plan.total_hours,
        hours_per_week=hours_per_week,
        weeks=round(weeks, 1),
        steps=[
            {
                "rank": s.rank,
                "skill": s.skill,
                "skill_name": kb.skills[s.skill].name,
                "from": s.from_level,
                "to": s.to_level,
                "hours": s.hours,
                "cumulative_hours": s.cumulative_hours,
                "readiness_after": s.readiness_after,
                "readiness_gain": s.gain,
                "why": s.why,
                "also_needed_by": list(s.also_needed_by),
                "unblocks": list(s.unblocks),
                "resource": asdict(s.resource) if s.resource else None,
            }
            for s in steps
        ],
        gaps=[asdict(g) for g in plan.gaps],
    )


def route_dict(route: Route) -> dict[str, Any]:
    """One route: its roles in order, legs with the skills each raises, and totals."""
    return {
        "roles": list(route.roles),
        "hours": route.hours,
        "years": route.years,
        "legs": [
            {
                "from_role": leg.from_role,
                "to_role": leg.to_role,
                "years": leg.years,
                "hours": leg.hours,
                "raises": [
                    {"skill": r.skill, "from": r.from_level, "to": r.to_level, "hours": r.hours}
                    for r in leg.raises
                ],
            }
            for leg in route.legs
        ],
    }


def route_doc(
    kb: KnowledgeBase, start: Role, end: Role, routes: list[Route], from_person: bool
) -> dict[str, Any]:
    """careerctl.route/1 with a route"""
    best, *others = routes
    return document(
        "route",
        kb=kb_ref(kb),
        source=role_ref(start),
        target=role_ref(end),
        start_levels="person" if from_person else "role",
        route=route_dict(best),
        alternatives=[route_dict(r) for r in others],
        reason=None,
    )


def no_route_doc(kb: KnowledgeBase, start: Role, end: Role, reason: str) -> dict[str, Any]:
    """careerctl.route/1 when no route exists"""
    return document(
        "route",
        kb=kb_ref(kb),
        source=role_ref(start),
        target=role_ref(end),
        start_levels="role",
        route=None,
        alternatives=[],
        reason=reason,
    )


def match_doc(kb: KnowledgeBase, rows: list[MatchRow], track: str | None) -> dict[str, Any]:
    """careerctl.match/1"""
    return document(
        "match",
        kb=kb_ref(kb),
        track=track,
        roles=[
            {
                "rank": r.rank,
                "id": r.role,
                "name": r.name,
                "track": r.track,
                "fit": r.fit,
                "readiness": r.readiness,
                "hours_needed": r.hours_needed,
            }
            for r in rows
        ],
    )


def dumps(doc: Any) -> str:
    """`json.dumps(doc, ensure_ascii=False, indent=2)`, byte for byte, about ten times faster.

    Python's json encodes in C only without indent (3.13 indents in C too); msgspec indents the
    compact text again, keeping numbers and strings as json wrote them (tests/test_render_json.py).
    """
    import msgspec

    compact = json.dumps(doc, ensure_ascii=False, separators=(",", ":"))
    try:
        return msgspec.json.format(compact.encode(), indent=2).decode()
    except (UnicodeEncodeError, msgspec.DecodeError):  # a lone surrogate, NaN: json does it all
        return json.dumps(doc, ensure_ascii=False, indent=2)
