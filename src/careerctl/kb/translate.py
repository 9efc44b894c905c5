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

and the same for roles (name, aliases, summary, responsibilities; `terms: {tracks: ...}`), and
`i18n/LANG/resources.yaml` for resources written in that language (each a KB resource with a
`skill:` id), shown beside the KB's own when the interface is in that language.
Ids, levels, weights and everything a plan computes stay in the KB itself: an overlay only
changes words. A field it leaves out keeps the KB's own text, so a company KB may translate as
much as it likes; `missing_texts` lists what is left, for `kb validate --lang`.

`localise` is what a command loads: the KB in the interface language, with the names and aliases
of every language it has, so that a name typed in either language is found in both.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import msgspec

from careerctl.errors import InputError, Problem
from careerctl.kb.parse import (
    TOKEN_RULE,
    Sheet,
    check_document,
    check_id,
    describe,
    is_token,
    line_at,
    line_of,
    parse_resources,
    reject_unknown_keys,
)
from careerctl.kb.yamlio import Limits, parse_yaml, read_bytes, shorten
from careerctl.model import DEFAULT_LANGUAGE, LEVEL_MAX, KnowledgeBase, Resource, Role, Skill

OVERLAY_DIR = "i18n"
OVERLAY_FILES = ("skills.yaml", "roles.yaml", "resources.yaml")
LOCALISED_FORMAT = "kb-localised/1"
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
    resources: dict[str, tuple[Resource, ...]] = {}  # skill id -> resources in this language


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
        if entry.is_dir() and any((entry / name).is_file() for name in OVERLAY_FILES)
    )


def read_overlay(kb_folder: Path, language: str, limits: Limits | None = None) -> Overlay | None:
    """The overlay of `language` in a KB folder; None when it has none; InputError when it is broken."""
    folder = overlay_folder(kb_folder, language)
    paths = [folder / name for name in OVERLAY_FILES if (folder / name).exists()]
    if not paths:
        return None
    limits = limits or Limits.from_env()
    skills: dict[str, SkillText] = {}
    roles: dict[str, RoleText] = {}
    terms: dict[str, dict[str, str]] = {}
    scale: tuple[str, ...] = ()
    resources: dict[str, tuple[Resource, ...]] = {}
    for path in paths:
        sheet = Sheet(str(path))
        doc = parse_yaml(read_bytes(path, limits), path, limits)
        if path.name == "resources.yaml":
            resources = _resources(doc, language, sheet)
            _raise_first(sheet, path)
            continue
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
        _raise_first(sheet, path)
    return Overlay(language, skills, roles, terms, scale, tuple(str(p) for p in paths), resources)


def _raise_first(sheet: Sheet, path: Path) -> None:
    if sheet.problems:
        first = sheet.problems[0]
        raise InputError(path, f"{first.key}: {first.message}" if first.key else first.message, first.line)


def _resources(doc: Any, language: str, sheet: Sheet) -> dict[str, tuple[Resource, ...]]:
    """resources.yaml of an overlay: KB resources, each with the `skill:` id it is for."""
    items = check_document(doc, sheet, "resources")
    if isinstance(doc, dict):
        if "language" in doc:
            _check_language(doc, language, sheet)
        reject_unknown_keys(doc, ("version", "language", "resources"), sheet, "")
    skills: list[str] = []
    for index, item in enumerate(items):
        if isinstance(item, dict):
            where = line_of(item, "skill") or line_at(items, index)
            skills.append(check_id(item.pop("skill", None), sheet, where, f"resources[{index}].skill"))
    found: dict[str, list[Resource]] = {}
    listed = parse_resources({"resources": items}, sheet, "", "resources")  # one per mapping, as `skills`
    for skill, resource in zip(skills, listed, strict=False):  # shorter only when an error is raised
        found.setdefault(skill, []).append(resource)
    return {skill: tuple(resources) for skill, resources in found.items()}


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
    """The KB with the overlay's words; ids, levels and numbers unchanged; the KB's aliases kept.

    The overlay's resources come after the KB's own for each skill, so a plan picks the same
    resource in either language unless only the overlay has one for that level.
    """
    skills = {
        sid: _translated_skill(s, overlay.skills.get(sid), overlay.resources.get(sid, ()))
        for sid, s in kb.skills.items()
    }
    roles = {rid: _translated_role(r, overlay.roles.get(rid)) for rid, r in kb.roles.items()}
    scale = overlay.scale or kb.scale
    return msgspec.structs.replace(
        kb, skills=skills, roles=roles, scale=scale, language=overlay.language, terms=overlay.terms
    )


def with_aliases(kb: KnowledgeBase, overlays: Iterable[Overlay]) -> KnowledgeBase:
    """The KB with every overlay's names and aliases added to the `names` of its roles and skills.

    So a role or skill is found by its name in any language the KB has (careerctl.names); a name
    another role (or skill) already answers to is not taken. `names` are never listed as aliases.
    """
    overlays = list(overlays)
    roles = _more_names(
        kb.roles,
        {rid: (t.name, *t.aliases) for o in overlays for rid, t in o.roles.items()},
        lambda r: (r.id, r.name, *r.aliases, *r.names),
    )
    skills = _more_names(
        kb.skills,
        {sid: (t.name, *t.aliases) for o in overlays for sid, t in o.skills.items()},
        lambda s: (s.id, s.name, *s.technologies, *s.names),
    )
    if roles is kb.roles and skills is kb.skills:
        return kb
    return msgspec.structs.replace(kb, roles=roles, skills=skills)


def _more_names(items: dict[str, Any], names: dict[str, tuple[str, ...]], known: Any) -> dict[str, Any]:
    taken = {" ".join(n.split()).lower() for item in items.values() for n in known(item)}
    extra: dict[str, list[str]] = {}
    for ident, given in names.items():
        if ident not in items:
            continue
        for name in given:
            alias = " ".join(name.split()).lower()
            if alias and alias not in taken:
                taken.add(alias)
                extra.setdefault(ident, []).append(alias)
    if not extra:
        return items
    return {
        ident: msgspec.structs.replace(item, names=(*item.names, *extra[ident])) if ident in extra else item
        for ident, item in items.items()
    }


def _own_name(name: str, names: tuple[str, ...], translated: str) -> tuple[str, ...]:
    """The other names with the KB's own name added, once the name shown is another language's."""
    own = " ".join(name.split()).lower()
    if translated == name or own in names:
        return names
    return (*names, own)


def _translated_skill(skill: Skill, text: SkillText | None, resources: tuple[Resource, ...]) -> Skill:
    if text is None and not resources:
        return skill
    text = text or SkillText()
    levels = tuple(text.levels.get(n, anchor) for n, anchor in enumerate(skill.levels, start=1))
    name = text.name or skill.name
    return msgspec.structs.replace(
        skill,
        name=name,
        summary=text.summary or skill.summary,
        levels=levels,
        resources=(*skill.resources, *resources),
        names=_own_name(skill.name, skill.names, name),
    )


def _translated_role(role: Role, text: RoleText | None) -> Role:
    if text is None:
        return role
    duties = text.responsibilities if len(text.responsibilities) == len(role.responsibilities) else ()
    name = text.name or role.name
    return msgspec.structs.replace(
        role,
        name=name,
        summary=text.summary or role.summary,
        responsibilities=duties or role.responsibilities,
        names=_own_name(role.name, role.names, name),
    )


# ---- what a command loads -------------------------------------------------------------------------


def localise(kb: KnowledgeBase, folder: Path, language: str, cache_dir: Path | None = None) -> KnowledgeBase:
    """The KB as a command in `language` shows it: its words in that language when the folder has
    them (else its own), and the names and aliases of every language it has.

    With a cache folder, the result is kept compiled beside the KB's cache entry, keyed by the
    KB's identity, the language and the overlay files' stamps, so the YAML is read once.
    """
    found = languages(folder)
    if not found:
        return kb
    paths = [overlay_folder(folder, lang) / name for lang in found for name in OVERLAY_FILES]
    key = _localised_key(kb, language, [p for p in paths if p.exists()])
    where = cache_dir / f"{key}.msgpack" if cache_dir is not None and key else None
    if where is not None:
        try:
            return msgspec.msgpack.decode(where.read_bytes(), type=KnowledgeBase)
        except (OSError, msgspec.DecodeError, msgspec.ValidationError):
            pass
    overlays = [o for o in (read_overlay(folder, lang) for lang in found) if o is not None]
    shown = with_aliases(kb, overlays)
    chosen = next((o for o in overlays if o.language == language), None)
    if chosen is not None and language != DEFAULT_LANGUAGE:
        shown = translate(shown, chosen)
    if where is not None:
        _write(where, msgspec.msgpack.encode(shown))
    return shown


def _localised_key(kb: KnowledgeBase, language: str, paths: list[Path]) -> str | None:
    """A cache key for a localised KB; None when an overlay file changed too recently to trust its stamp."""
    from careerctl.kb import cache

    stamp = cache.stamp_files(paths)
    if stamp is None or not cache.settled(stamp):
        return None
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{LOCALISED_FORMAT}\0{kb.identity}\0{language}\0{stamp}".encode())
    return f"localised-{digest.hexdigest()}"


def _write(path: Path, data: bytes) -> None:
    import contextlib

    from careerctl.errors import StorageError
    from careerctl.files import atomic_write

    with contextlib.suppress(StorageError):  # a cache that cannot be written is skipped
        atomic_write(path, data)


def missing_translations(kb: KnowledgeBase, folder: Path, language: str) -> list[Problem]:
    """`kb validate --lang LANG`: warnings for what the KB folder leaves untranslated into `language`."""
    return missing_texts(kb, read_overlay(folder, language), language)


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
    terms = overlay.terms if overlay else {}
    used = {
        "categories": {s.category for s in kb.skills.values()},
        "tracks": {r.track for r in kb.roles.values()},
        "kinds": {res.kind for s in kb.skills.values() for res in s.resources},
    }
    for kind, names in used.items():
        for name in sorted(names - set(terms.get(kind, {}))):
            warn(f"terms.{kind}.{name}", f"the {kind[:-1] if kind != 'categories' else 'category'} {name}")
    if not (overlay and overlay.scale):
        warn("terms.scale", "the level names (terms: scale:)")
    for ident in sorted(set(overlay.resources if overlay else {}) - set(kb.skills)):
        found.append(
            Problem(
                "warning",
                where,
                None,
                f"resources.{ident}",
                "lists resources for a skill the KB does not have",
            )
        )
    for kind, known, given in (("skill", kb.skills, skills), ("role", kb.roles, roles)):
        for ident in sorted(set(given) - set(known)):
            found.append(
                Problem(
                    "warning", where, None, f"{kind}s.{ident}", f"translates a {kind} the KB does not have"
                )
            )
    return found
