"""Translations of a KB: overlay files that give its text in another language, keyed by id.

A KB folder may hold `i18n/LANG/skills.yaml` and `i18n/LANG/roles.yaml` (docs/kb-format.md):

    version: 1
    language: id
    skills:
      - id: sql
        name: SQL
        aliases: [basis data]          # extra words people type, in that language
        summary: ...
        levels: {1: ..., 2: ..., 3: ..., 4: ..., 5: ...}
    terms:
      categories: {data: data, people: orang}
      kinds: {book: buku}
      scale: [belum, pemula, pemula lanjut, cakap, mahir, ahli]

and the same for roles (name, aliases, summary, responsibilities; `terms: {tracks: ...}`).
Ids, levels, weights and everything a plan computes stay in the KB itself: an overlay only
changes words. A field it leaves out keeps the KB's own text, so a company KB may translate as
much as it likes; `missing_texts` lists what is left, for `kb validate --lang`.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import msgspec

from careerctl.errors import InputError, Problem
from careerctl.kb.parse import (
    TOKEN_RULE,
    Sheet,
    check_document,
    describe,
    is_token,
    line_at,
    line_of,
    reject_unknown_keys,
)
from careerctl.kb.yamlio import Limits, parse_yaml, read_bytes, shorten
from careerctl.model import LEVEL_MAX, KnowledgeBase, Role, Skill

OVERLAY_DIR = "i18n"
SKILL_TEXT_KEYS = ("id", "name", "aliases", "summary", "levels")
ROLE_TEXT_KEYS = ("id", "name", "aliases", "summary", "responsibilities")
TERM_KINDS = ("categories", "kinds", "tracks", "scale")


class SkillText(msgspec.Struct, frozen=True):
    """A skill's words in one language; empty fields keep the KB's own."""

    name: str = ""
    aliases: tuple[str, ...] = ()
    summary: str = ""
    levels: dict[int, str] = {}


class RoleText(msgspec.Struct, frozen=True):
    """A role's words in one language; empty fields keep the KB's own."""

    name: str = ""
    aliases: tuple[str, ...] = ()
    summary: str = ""
    responsibilities: tuple[str, ...] = ()


class Overlay(msgspec.Struct, frozen=True):
    """Everything one language's overlay files say, with where they are."""

    language: str
    skills: dict[str, SkillText] = {}
    roles: dict[str, RoleText] = {}
    terms: dict[str, dict[str, str]] = {}  # categories, kinds, tracks: id -> word
    scale: tuple[str, ...] = ()
    paths: tuple[str, ...] = ()


def overlay_folder(kb_folder: Path, language: str) -> Path:
    """Where a KB keeps its overlay for `language`."""
    return kb_folder / OVERLAY_DIR / language


def languages(kb_folder: Path) -> list[str]:
    """The languages a KB folder has overlays for."""
    base = kb_folder / OVERLAY_DIR
    if not base.is_dir():
        return []
    return sorted(
        entry.name
        for entry in base.iterdir()
        if entry.is_dir() and any((entry / name).is_file() for name in ("skills.yaml", "roles.yaml"))
    )


def read_overlay(kb_folder: Path, language: str, limits: Limits | None = None) -> Overlay | None:
    """The overlay of `language` in a KB folder; None when it has none; InputError when it is broken."""
    folder = overlay_folder(kb_folder, language)
    paths = [folder / name for name in ("skills.yaml", "roles.yaml") if (folder / name).exists()]
    if not paths:
        return None
    limits = limits or Limits.from_env()
    skills: dict[str, SkillText] = {}
    roles: dict[str, RoleText] = {}
    terms: dict[str, dict[str, str]] = {}
    scale: tuple[str, ...] = ()
    for path in paths:
        sheet = Sheet(str(path))
        doc = parse_yaml(read_bytes(path, limits), path, limits)
        is_skills = path.name == "skills.yaml"
        items = check_document(doc, sheet, "skills" if is_skills else "roles")
        if isinstance(doc, dict):
            _check_language(doc, language, sheet)
            reject_unknown_keys(
                doc, ("version", "language", "skills" if is_skills else "roles", "terms"), sheet, ""
            )
            found_terms, found_scale = _terms(doc.get("terms"), sheet, line_of(doc, "terms"))
            terms.update(found_terms)
            scale = found_scale or scale
        for index, entry in enumerate(items):
            where = line_at(items, index)
            if is_skills:
                _add(skills, _skill_text(entry, sheet, where), sheet, where, f"skills[{index}]")
            else:
                _add(roles, _role_text(entry, sheet, where), sheet, where, f"roles[{index}]")
        if sheet.problems:
            first = sheet.problems[0]
            raise InputError(
                path, f"{first.key}: {first.message}" if first.key else first.message, first.line
            )
    return Overlay(language, skills, roles, terms, scale, tuple(str(p) for p in paths))


def _check_language(doc: dict[Any, Any], language: str, sheet: Sheet) -> None:
    said = doc.get("language")
    if said != language:
        sheet.error(
            line_of(doc, "language") or 1,
            "language",
            f"must be {language!r} (the folder's name), not {describe(said)}",
        )


def _add(found: dict[str, Any], built: tuple[str, Any] | None, sheet: Sheet, line: int, key: str) -> None:
    if built is None:
        return
    ident, text = built
    if ident in found:
        sheet.error(line, f"{key}.id", f"{ident!r} is translated twice")
    found[ident] = text


def _text(entry: dict[Any, Any], name: str, sheet: Sheet, key: str) -> str:
    value = entry.get(name, "")
    if not isinstance(value, str):
        sheet.error(line_of(entry, name), f"{key}.{name}", f"must be text, not {describe(value)}")
        return ""
    return " ".join(value.split())


def _texts(entry: dict[Any, Any], name: str, sheet: Sheet, key: str) -> tuple[str, ...]:
    value = entry.get(name) or []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        sheet.error(line_of(entry, name), f"{key}.{name}", "must be a list of non-empty texts")
        return ()
    return tuple(" ".join(v.split()) for v in value)


def _aliases(entry: dict[Any, Any], sheet: Sheet, key: str) -> tuple[str, ...]:
    """Extra names people type: command-line tokens, as the KB's own (README: Safety)."""
    aliases = _texts(entry, "aliases", sheet, key)
    for alias in aliases:
        if not is_token(alias, spaces=True):
            sheet.error(
                line_of(entry, "aliases"),
                f"{key}.aliases",
                f"alias {shorten(alias)} may only hold {TOKEN_RULE}, single spaces between words",
            )
    return tuple(alias for alias in aliases if is_token(alias, spaces=True))


def _ident(entry: Any, sheet: Sheet, line: int, key: str) -> str | None:
    if not isinstance(entry, dict):
        sheet.error(line, key, f"must be a mapping, not {describe(entry)}")
        return None
    ident = entry.get("id")
    if not isinstance(ident, str) or not ident:
        sheet.error(line_of(entry) or line, f"{key}.id", "is missing")
        return None
    return ident


def _skill_text(entry: Any, sheet: Sheet, line: int) -> tuple[str, SkillText] | None:
    ident = _ident(entry, sheet, line, "skills")
    if ident is None:
        return None
    key = f"skills.{ident}"
    reject_unknown_keys(entry, SKILL_TEXT_KEYS, sheet, key)
    levels: dict[int, str] = {}
    raw = entry.get("levels") or {}
    if not isinstance(raw, dict):
        sheet.error(line_of(entry, "levels"), f"{key}.levels", f"must be a mapping of 1..{LEVEL_MAX} to text")
    else:
        for level, text in raw.items():
            if isinstance(level, bool) or not isinstance(level, int) or not 1 <= level <= LEVEL_MAX:
                sheet.error(
                    line_of(raw, level), f"{key}.levels.{level}", f"must be a level from 1 to {LEVEL_MAX}"
                )
            elif not isinstance(text, str) or not text.strip():
                sheet.error(line_of(raw, level), f"{key}.levels.{level}", "must be non-empty text")
            else:
                levels[level] = " ".join(text.split())
    return ident, SkillText(
        _text(entry, "name", sheet, key),
        _aliases(entry, sheet, key),
        _text(entry, "summary", sheet, key),
        levels,
    )


def _role_text(entry: Any, sheet: Sheet, line: int) -> tuple[str, RoleText] | None:
    ident = _ident(entry, sheet, line, "roles")
    if ident is None:
        return None
    key = f"roles.{ident}"
    reject_unknown_keys(entry, ROLE_TEXT_KEYS, sheet, key)
    return ident, RoleText(
        _text(entry, "name", sheet, key),
        _aliases(entry, sheet, key),
        _text(entry, "summary", sheet, key),
        _texts(entry, "responsibilities", sheet, key),
    )


def _terms(raw: Any, sheet: Sheet, line: int) -> tuple[dict[str, dict[str, str]], tuple[str, ...]]:
    if raw is None:
        return {}, ()
    if not isinstance(raw, dict):
        sheet.error(line, "terms", f"must be a mapping, not {describe(raw)}")
        return {}, ()
    reject_unknown_keys(raw, TERM_KINDS, sheet, "terms")
    terms: dict[str, dict[str, str]] = {}
    scale: tuple[str, ...] = ()
    for kind, words in raw.items():
        if kind == "scale":
            if (
                not isinstance(words, list)
                or len(words) != LEVEL_MAX + 1
                or not all(isinstance(w, str) and w.strip() for w in words)
            ):
                sheet.error(
                    line_of(raw, kind),
                    "terms.scale",
                    f"must list {LEVEL_MAX + 1} level names, 0 to {LEVEL_MAX}",
                )
            else:
                scale = tuple(w.strip() for w in words)
        elif kind in TERM_KINDS:
            if not isinstance(words, dict) or not all(
                isinstance(k, str) and isinstance(v, str) and v.strip() for k, v in words.items()
            ):
                sheet.error(line_of(raw, kind), f"terms.{kind}", "must map each name to non-empty text")
            else:
                terms[kind] = {k: v.strip() for k, v in words.items()}
    return terms, scale


# ---- applying an overlay --------------------------------------------------------------------------


def translate(kb: KnowledgeBase, overlay: Overlay) -> KnowledgeBase:
    """The KB with the overlay's words; ids, levels and numbers unchanged; the KB's aliases kept."""
    skills = {sid: _translated_skill(s, overlay.skills.get(sid)) for sid, s in kb.skills.items()}
    roles = {rid: _translated_role(r, overlay.roles.get(rid)) for rid, r in kb.roles.items()}
    scale = overlay.scale or kb.scale
    return msgspec.structs.replace(kb, skills=skills, roles=roles, scale=scale)


def with_aliases(kb: KnowledgeBase, overlays: Iterable[Overlay]) -> KnowledgeBase:
    """The KB with every overlay's role aliases added (so a name in any language is found)."""
    taken = {name for role in kb.roles.values() for name in (role.id, *role.aliases)}
    extra: dict[str, list[str]] = {}
    for overlay in overlays:
        for rid, text in overlay.roles.items():
            if rid not in kb.roles:
                continue
            for alias in text.aliases:
                if alias not in taken:
                    taken.add(alias)
                    extra.setdefault(rid, []).append(alias)
    if not extra:
        return kb
    roles = {
        rid: msgspec.structs.replace(r, aliases=(*r.aliases, *extra[rid])) if rid in extra else r
        for rid, r in kb.roles.items()
    }
    return msgspec.structs.replace(kb, roles=roles)


def _translated_skill(skill: Skill, text: SkillText | None) -> Skill:
    if text is None:
        return skill
    levels = tuple(text.levels.get(n, anchor) for n, anchor in enumerate(skill.levels, start=1))
    return msgspec.structs.replace(
        skill, name=text.name or skill.name, summary=text.summary or skill.summary, levels=levels
    )


def _translated_role(role: Role, text: RoleText | None) -> Role:
    if text is None:
        return role
    duties = text.responsibilities if len(text.responsibilities) == len(role.responsibilities) else ()
    return msgspec.structs.replace(
        role,
        name=text.name or role.name,
        summary=text.summary or role.summary,
        responsibilities=duties or role.responsibilities,
    )


def missing_texts(kb: KnowledgeBase, overlay: Overlay | None, language: str) -> list[Problem]:
    """Warnings for every text the overlay of `language` leaves in the KB's own language."""
    where = overlay.paths[0] if overlay and overlay.paths else f"{OVERLAY_DIR}/{language}"
    found: list[Problem] = []

    def warn(key: str, what: str) -> None:
        found.append(Problem("warning", where, None, key, f"no {language} text for {what}"))

    skills = overlay.skills if overlay else {}
    roles = overlay.roles if overlay else {}
    for sid, skill in kb.skills.items():
        text = skills.get(sid)
        for field in ("name", "summary"):
            if not (text and getattr(text, field)):
                warn(f"skills.{sid}.{field}", f"the {field} of skill {sid}")
        for level in range(1, len(skill.levels) + 1):
            if not text or level not in text.levels:
                warn(f"skills.{sid}.levels.{level}", f"level {level} of skill {sid}")
    for rid, role in kb.roles.items():
        rtext = roles.get(rid)
        for field in ("name", "summary"):
            if not (rtext and getattr(rtext, field)):
                warn(f"roles.{rid}.{field}", f"the {field} of role {rid}")
        if role.responsibilities and (not rtext or len(rtext.responsibilities) != len(role.responsibilities)):
            warn(f"roles.{rid}.responsibilities", f"every responsibility of role {rid}")
    for kind, known, given in (("skill", kb.skills, skills), ("role", kb.roles, roles)):
        for ident in sorted(set(given) - set(known)):
            found.append(
                Problem(
                    "warning", where, None, f"{kind}s.{ident}", f"translates a {kind} the KB does not have"
                )
            )
    return found
