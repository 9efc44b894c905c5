"""Stable JSON documents, each tagged with its schema: `careerctl.<kind>/1`."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from typing import Any

from careerctl.errors import Problem
from careerctl.model import KnowledgeBase, Role, Skill


def document(kind: str, **fields: Any) -> dict[str, Any]:
    """A JSON document of `kind`, with its schema tag first."""
    return {"schema": f"careerctl.{kind}/1", **fields}


def emit(doc: dict[str, Any]) -> None:
    """Print one JSON document to stdout."""
    sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")


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
