"""Stable JSON documents, each tagged with its schema: `careerctl.<kind>/1`."""

from __future__ import annotations

import json
import re
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

if TYPE_CHECKING:
    from careerctl.assess import Outcome, Progress
    from careerctl.model import Assessment, Profile


def document(kind: str, **fields: Any) -> dict[str, Any]:
    """A JSON document of `kind`, with its schema tag first."""
    return {"schema": f"careerctl.{kind}/1", **fields}


# json.dumps escapes C0 controls; these would still reach the terminal raw (C1 controls such as
# the one-byte CSI, bidi overrides, lone surrogates). As \u escapes they parse to the same data.
_UNSAFE = re.compile(
    "[\x7f-\x9f\xad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ud800-\udfff\U000e0000-\U000e007f]"
)


def _escaped(match: re.Match[str]) -> str:
    """A character as JSON \\u escapes (a surrogate pair above U+FFFF)."""
    code = ord(match.group())
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def emit(doc: dict[str, Any]) -> None:
    """Print one JSON document to stdout; no character in it can act on a terminal."""
    sys.stdout.write(_UNSAFE.sub(_escaped, dumps(doc)) + "\n")


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


def ratio(value: float) -> float:
    """A 0..1 fraction to four decimals: enough for a percentage with two decimals."""
    return round(value, 4)


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
        readiness=ratio(plan.readiness),
        readiness_after=ratio(plan.readiness_after),
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
                "readiness_after": ratio(s.readiness_after),
                "readiness_gain": ratio(s.gain),
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
                "fit": ratio(r.fit),
                "readiness": ratio(r.readiness),
                "hours_needed": r.hours_needed,
            }
            for r in rows
        ],
    )


def assessment_record(item: Assessment) -> dict[str, Any]:
    """One saved assessment, as the profile file holds it; levels and notes keyed by skill id."""
    from careerctl.store import assessment_dict

    return assessment_dict(item)


def assessment_doc(
    kb: KnowledgeBase, outcome: Outcome, readiness: float, plan: Plan | None, profile_path: str
) -> dict[str, Any]:
    """careerctl.assessment/1"""
    steps = plan_doc(kb, plan, 1.0, 0.0, 5)["steps"] if plan else []
    return document(
        "assessment",
        kb=kb_ref(kb),
        profile=profile_path,
        resumed=outcome.resumed,
        kept_previous=list(outcome.kept),
        assessment=assessment_record(outcome.assessment),
        current=role_ref(kb.roles[outcome.assessment.current]),
        target=role_ref(kb.roles[outcome.assessment.target]),
        readiness=ratio(readiness),
        top_steps=steps,
    )


def profile_doc(profile: Profile) -> dict[str, Any]:
    """careerctl.profile/1: also what `profile export --json` prints and `profile import` reads."""
    from careerctl.assess import latest_levels
    from careerctl.store import PROFILE_VERSION

    return document(
        "profile",
        version=PROFILE_VERSION,
        current=profile.current,
        target=profile.target,
        levels=latest_levels(profile),
        assessments=[assessment_record(a) for a in profile.assessments],
    )


def progress_doc(kb: KnowledgeBase, progress: Progress) -> dict[str, Any]:
    """careerctl.progress/1"""
    return document(
        "progress",
        kb=kb_ref(kb),
        target=role_ref(kb.roles[progress.target]) if progress.target else None,
        assessments=[{"at": p.at, "complete": p.complete, "readiness": p.readiness} for p in progress.points],
        skills=[
            {"skill": t.skill, "name": kb.skills[t.skill].name, "levels": list(t.levels), "now": t.now}
            for t in progress.trends
        ],
        changes=[
            {"skill": c.skill, "name": kb.skills[c.skill].name, "from": c.before, "to": c.after}
            for c in progress.changes
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
