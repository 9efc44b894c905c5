"""The evidence log: what a person did, tied to a skill (and a level), with a date and a link.

Pure: documents in, typed values out, no I/O (records.py reads and writes the file). The file is
YAML beside the profile, a "brag document" a person keeps up as they go:

    version: 1
    evidence:
      - skill: containers
        what: Moved the billing service to a multi-stage Docker build
        date: 2026-11-20
        level: 3                       # optional: the level this shows
        link: https://git.example.com/billing/pull/412   # optional, http or https only
        source: scan                   # optional: `evidence scan` suggested it
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import msgspec

from careerctl.errors import InputError, unknown_skill
from careerctl.i18n import _
from careerctl.kb.parse import as_int, bad_int, describe, line_at, line_of
from careerctl.kb.yamlio import clip, shorten
from careerctl.model import LEVEL_MAX, KnowledgeBase
from careerctl.names import suggest

EVIDENCE_VERSION = 1
ENTRY_KEYS = ("skill", "what", "date", "level", "link", "source")
WHAT_MAX = 500
LINK_MAX = 2000
_LINK = re.compile(r"https?://[^\s<>\"'`\\]+", re.IGNORECASE)


class Evidence(msgspec.Struct, frozen=True):
    """One thing a person did that shows a skill."""

    skill: str
    what: str
    date: str  # YYYY-MM-DD
    level: int | None = None
    link: str | None = None
    source: str = ""  # "" by hand; "scan" when `evidence scan` suggested it


def check_link(value: str, where: object = "--link") -> str:
    """A plain web address (http or https, no spaces or quotes); InputError otherwise."""
    link = value.strip()
    if len(link) > LINK_MAX or not _LINK.fullmatch(link):
        raise InputError(
            where, _("must be an http:// or https:// address, not {value}").format(value=shorten(value))
        )
    return link


def check_what(value: str, where: object = "what") -> str:
    """What the person did, on one line, not empty, at most WHAT_MAX characters."""
    what = " ".join(value.split())
    if not what:
        raise InputError(where, _("must say what you did, not be empty"))
    if len(what) > WHAT_MAX:
        raise InputError(
            where,
            _("is {count} characters long; keep it to {most} (link the details)").format(
                count=len(what), most=WHAT_MAX
            ),
        )
    return what


def check_date(value: object, where: object = "--date") -> str:
    """A calendar date as YYYY-MM-DD."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()).isoformat()
        except ValueError:
            pass
    raise InputError(where, _("must be a date like 2026-12-01, not {value}").format(value=shorten(value)))


def check_skill(kb: KnowledgeBase, name: str, where: object = "SKILL") -> str:
    """A skill id of the KB (any case), with "did you mean" when it is not one."""
    skill = name.strip().lower()
    if skill in kb.skills:
        return skill
    by_name = {s.name.lower(): s.id for s in kb.skills.values()}
    if skill in by_name:
        return by_name[skill]
    hints = suggest(skill, kb.skills)
    raise InputError(where, unknown_skill(clip(name), hints))


def new_evidence(
    kb: KnowledgeBase,
    skill: str,
    what: str,
    date: str,
    level: int | None = None,
    link: str | None = None,
    source: str = "",
) -> Evidence:
    """A checked entry from command-line values."""
    if level is not None and as_int(level, 1, LEVEL_MAX) is None:
        raise InputError("--level", bad_int(level, 1, LEVEL_MAX, "level"))
    return Evidence(
        skill=check_skill(kb, skill),
        what=check_what(what),
        date=check_date(date),
        level=level,
        link=None if link is None else check_link(link),
        source=source,
    )


def evidence_dict(item: Evidence) -> dict[str, Any]:
    """One entry as plain data, optional keys only when set."""
    data: dict[str, Any] = {"skill": item.skill, "what": item.what, "date": item.date}
    if item.level is not None:
        data["level"] = item.level
    if item.link is not None:
        data["link"] = item.link
    if item.source:
        data["source"] = item.source
    return data


def log_dict(items: Iterable[Evidence]) -> dict[str, Any]:
    """The whole log as plain data."""
    return {"version": EVIDENCE_VERSION, "evidence": [evidence_dict(item) for item in items]}


def for_skill(items: Iterable[Evidence], skill: str | None) -> list[Evidence]:
    """The entries for one skill (all when None), newest first."""
    chosen = [item for item in items if skill is None or item.skill == skill]
    return sorted(chosen, key=lambda item: item.date, reverse=True)


def supporting_counts(items: Iterable[Evidence], levels: Mapping[str, int]) -> dict[str, int]:
    """Per skill, the entries that can back its level: with no level given, or at that level or above."""
    counts: dict[str, int] = {}
    for item in items:
        claimed = levels.get(item.skill)
        if claimed is not None and (item.level is None or item.level >= claimed):
            counts[item.skill] = counts.get(item.skill, 0) + 1
    return counts


# ---------------------------------------------------------------- reading the file


def parse_log(doc: Any, path: Path) -> list[Evidence]:
    """Check a parsed evidence document; InputError naming the file, the line and the key."""
    if doc is None:
        return []
    if not isinstance(doc, dict):
        raise InputError(
            path,
            _("must be a mapping with 'version: 1' and 'evidence:', not {what}").format(what=describe(doc)),
            1,
        )
    for name in doc:
        if name not in ("version", "evidence"):
            raise InputError(
                path,
                _("{name}: unknown key (expected version, evidence)").format(name=clip(str(name))),
                line_of(doc, name),
            )
    version = doc.get("version")
    if version != EVIDENCE_VERSION or isinstance(version, bool):
        found = "missing" if "version" not in doc else shorten(version)
        raise InputError(
            path,
            _("version: must be {version} (found {found})").format(version=EVIDENCE_VERSION, found=found),
            line_of(doc, "version") or 1,
        )
    items = doc.get("evidence") or []
    if not isinstance(items, list):
        raise InputError(
            path,
            _("evidence: must be a list, not {what}").format(what=describe(items)),
            line_of(doc, "evidence"),
        )
    return [_entry(item, path, f"evidence[{n}]", line_at(items, n)) for n, item in enumerate(items)]


def _entry(item: Any, path: Path, key: str, line: int) -> Evidence:
    if not isinstance(item, dict):
        raise InputError(
            path,
            _("{key}: must be a mapping with skill, what and date, not {what}").format(
                key=key, what=describe(item)
            ),
            line,
        )
    for name in item:
        if name not in ENTRY_KEYS:
            raise InputError(
                path,
                _("{key}.{name}: unknown key (expected one of: {names})").format(
                    key=key, name=clip(str(name)), names=", ".join(ENTRY_KEYS)
                ),
                line_of(item, name) or line,
            )
    for name in ("skill", "what", "date"):
        if name not in item:
            raise InputError(
                path, _("{key}.{name}: is missing").format(key=key, name=name), line_of(item) or line
            )

    def where(name: str) -> str:
        return f"{path}:{line_of(item, name) or line}: {key}.{name}"

    skill = item["skill"]
    if not isinstance(skill, str) or not skill.strip():
        raise InputError(
            path,
            _("{key}.skill: must be a skill id, not {what}").format(key=key, what=describe(skill)),
            line_of(item, "skill"),
        )
    what = item["what"]
    if not isinstance(what, str):
        raise InputError(
            path,
            _("{key}.what: must be text, not {what}").format(key=key, what=describe(what)),
            line_of(item, "what"),
        )
    level = item.get("level")
    if level is not None and as_int(level, 1, LEVEL_MAX) is None:
        raise InputError(
            path,
            f"{key}.level: {bad_int(level, 1, LEVEL_MAX, 'level')}",
            line_of(item, "level"),
        )
    link = item.get("link")
    if link is not None and not isinstance(link, str):
        raise InputError(
            path,
            _("{key}.link: must be text, not {what}").format(key=key, what=describe(link)),
            line_of(item, "link"),
        )
    source = item.get("source") or ""
    if not isinstance(source, str):
        raise InputError(
            path,
            _("{key}.source: must be text, not {what}").format(key=key, what=describe(source)),
            line_of(item, "source"),
        )
    return Evidence(
        skill=skill.strip(),
        what=check_what(what, where("what")),
        date=check_date(item["date"], where("date")),
        level=level,
        link=None if link is None else check_link(link, where("link")),
        source=source.strip(),
    )
