"""Reviews: a manager's, a peer's or the person's own rating of each skill, as one file per review.

Pure: documents in, typed values out (and back), no I/O. A review file is YAML a team can keep
in git beside the profile (records.py reads and writes it):

    version: 1
    rater: Sam Lee
    relation: manager            # self | manager | peer
    for: Dana                    # whose skills were rated
    at: 2026-12-01T10:00:00Z     # when (a date alone is fine by hand)
    kb: 5f0c...                  # the identity of the KB it was made with
    kb_name: careerctl backend careers
    ratings:
      sql: 3                     # a level, or a level with a note
      api-development: {level: 4, note: Led the v2 API}
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import msgspec

from careerctl.errors import InputError
from careerctl.i18n import _
from careerctl.kb.parse import as_int, bad_int, describe, line_of
from careerctl.kb.yamlio import clip, shorten
from careerctl.model import LEVEL_MAX, LEVEL_MIN, Assessment, KnowledgeBase

REVIEW_VERSION = 1
RELATIONS = ("self", "manager", "peer")
TOP_KEYS = ("version", "rater", "relation", "for", "at", "kb", "kb_name", "ratings")
RATING_KEYS = ("level", "note")
NAME_MAX = 200  # a rater's or subject's name longer than this is not a name


class Rating(msgspec.Struct, frozen=True):
    """One skill's level in a review, with the rater's optional note."""

    level: int
    note: str = ""


class Review(msgspec.Struct, frozen=True):
    """Who rated whom, when, against which KB, and each skill's rating."""

    rater: str
    relation: str  # one of RELATIONS
    subject: str  # whose skills were rated (`for:` in the file)
    at: str  # ISO 8601 UTC, e.g. 2026-12-01T10:00:00Z
    kb: str  # the identity of the KB the review was made with
    kb_name: str
    ratings: dict[str, Rating]

    def levels(self) -> dict[str, int]:
        """The level given to each skill."""
        return {skill: rating.level for skill, rating in self.ratings.items()}


def review_of(assessment: Assessment, rater: str, relation: str, subject: str, kb: KnowledgeBase) -> Review:
    """The review an assessment about someone else makes (its answers and notes)."""
    ratings = {
        skill: Rating(level, assessment.notes.get(skill, "")) for skill, level in assessment.levels.items()
    }
    return Review(rater, relation, subject, assessment.at, kb.identity, kb.about.name, ratings)


def review_dict(review: Review) -> dict[str, Any]:
    """The review as plain data, in the file's key order (a rating without a note is just its level)."""
    return {
        "version": REVIEW_VERSION,
        "rater": review.rater,
        "relation": review.relation,
        "for": review.subject,
        "at": review.at,
        "kb": review.kb,
        "kb_name": review.kb_name,
        "ratings": {
            skill: {"level": r.level, "note": r.note} if r.note else r.level
            for skill, r in review.ratings.items()
        },
    }


def one_line(text: str) -> str:
    """A note or name as careerctl keeps it: one line, runs of white space as one space."""
    return " ".join(text.split())


def check_name(value: str, what: str) -> str:
    """A rater's or subject's name from the command line: one line, not empty, not overlong."""
    name = one_line(value)
    if not name:
        raise InputError(what, _("must name a person, not be empty"))
    if len(name) > NAME_MAX:
        raise InputError(
            what,
            _("is {count} characters long; a name has at most {most}").format(count=len(name), most=NAME_MAX),
        )
    return name


def check_relation(value: str, where: object = "--rater") -> str:
    """One of self, manager, peer (any case)."""
    relation = value.strip().lower()
    if relation not in RELATIONS:
        raise InputError(
            where,
            _("must be one of {names}, not {value}").format(names=", ".join(RELATIONS), value=shorten(value)),
        )
    return relation


# ---------------------------------------------------------------- reading a review document


def parse_review(doc: Any, path: Path) -> Review:
    """Check a parsed review document and build the Review; InputError naming file and line."""
    if not isinstance(doc, dict):
        what = "empty" if doc is None else describe(doc)
        raise InputError(
            path,
            _("must be a mapping with 'version: 1', 'rater:' and 'ratings:', not {what}").format(what=what),
            1,
        )
    for name in doc:
        if name not in TOP_KEYS:
            raise InputError(
                path,
                _("{name}: unknown key (expected one of: {names})").format(
                    name=clip(str(name)), names=", ".join(TOP_KEYS)
                ),
                line_of(doc, name),
            )
    version = doc.get("version")
    if version != REVIEW_VERSION or isinstance(version, bool):
        found = "missing" if "version" not in doc else shorten(version)
        raise InputError(
            path,
            _("version: must be {version} (found {found})").format(version=REVIEW_VERSION, found=found),
            line_of(doc, "version") or 1,
        )
    relation = _text(doc, "relation", path)
    if relation not in RELATIONS:
        raise InputError(
            path,
            _("relation: must be one of {names}, not {value}").format(
                names=", ".join(RELATIONS), value=shorten(relation)
            ),
            line_of(doc, "relation"),
        )
    return Review(
        rater=_name(doc, "rater", path),
        relation=relation,
        subject=_name(doc, "for", path),
        at=_timestamp(doc, path),
        kb=_text(doc, "kb", path),
        kb_name=_text(doc, "kb_name", path, required=False),
        ratings=_ratings(doc, path),
    )


def _text(doc: dict[Any, Any], name: str, path: Path, required: bool = True) -> str:
    if name not in doc or doc[name] is None:
        if required:
            raise InputError(path, _("{name}: is missing").format(name=name), line_of(doc) or 1)
        return ""
    value = doc[name]
    if not isinstance(value, str):
        raise InputError(
            path,
            _("{name}: must be text, not {what}").format(name=name, what=describe(value)),
            line_of(doc, name),
        )
    return value.strip()


def _name(doc: dict[Any, Any], name: str, path: Path) -> str:
    value = one_line(_text(doc, name, path))
    if not value or len(value) > NAME_MAX:
        problem = (
            _("must not be empty")
            if not value
            else _("is longer than {most} characters").format(most=NAME_MAX)
        )
        raise InputError(path, f"{name}: {problem}", line_of(doc, name))
    return value


def _timestamp(doc: dict[Any, Any], path: Path) -> str:
    if "at" not in doc:
        raise InputError(path, _("at: is missing"), line_of(doc) or 1)
    value = doc["at"]
    if isinstance(value, dt.datetime):  # unquoted in the file
        if value.tzinfo is not None:
            value = value.astimezone(dt.timezone.utc).replace(tzinfo=None)
        return value.strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(value, dt.date):
        return f"{value.isoformat()}T00:00:00Z"
    if isinstance(value, str):
        try:
            parsed = dt.datetime.fromisoformat(value.strip().removesuffix("Z"))
        except ValueError:
            pass
        else:
            return parsed.strftime("%Y-%m-%dT%H:%M:%SZ")
    raise InputError(
        path,
        _("at: must be a date like 2026-12-01 or a time like 2026-12-01T10:00:00Z, not {what}").format(
            what=describe(value)
        ),
        line_of(doc, "at"),
    )


def _ratings(doc: dict[Any, Any], path: Path) -> dict[str, Rating]:
    raw = doc.get("ratings")
    if not isinstance(raw, dict):
        found = "missing" if "ratings" not in doc else describe(raw)
        raise InputError(
            path,
            _("ratings: must map skill ids to levels 0..{top} ({found})").format(top=LEVEL_MAX, found=found),
            line_of(doc, "ratings") or 1,
        )
    ratings: dict[str, Rating] = {}
    for skill, spec in raw.items():
        line = line_of(raw, skill) or line_of(raw)
        if not isinstance(skill, str) or not skill.strip():
            raise InputError(path, _("ratings: {value} is not a skill id").format(value=shorten(skill)), line)
        where = f"ratings.{clip(skill)}"
        level: Any = spec
        note: Any = ""
        if isinstance(spec, dict):
            for name in spec:
                if name not in RATING_KEYS:
                    raise InputError(
                        path,
                        _("{where}.{name}: unknown key (expected level, note)").format(
                            where=where, name=clip(str(name))
                        ),
                        line_of(spec, name) or line,
                    )
            level, note = spec.get("level"), spec.get("note", "")
        good = as_int(level, LEVEL_MIN, LEVEL_MAX)
        if good is None:
            raise InputError(
                path,
                f"{where}: {bad_int(level, LEVEL_MIN, LEVEL_MAX, 'level')}",
                line,
            )
        if note is None:
            note = ""
        if not isinstance(note, str):
            raise InputError(
                path,
                _("{where}.note: must be text, not {what}").format(where=where, what=describe(note)),
                line,
            )
        ratings[skill.strip()] = Rating(good, one_line(note))
    return ratings


# ---------------------------------------------------------------- does it belong here


def foreign_skills(review: Review, kb: KnowledgeBase) -> list[str]:
    """The review's skills that the KB neither has nor names in a skill's `replaces:`."""
    from careerctl.kb.renames import successors

    heirs = successors(kb)
    return [skill for skill in review.ratings if skill not in kb.skills and skill not in heirs]


def review_in(kb: KnowledgeBase, review: Review) -> Review:
    """The review with its ratings as this KB names the skills: renamed and split ones carried over.

    A rating of a skill the KB still has is kept and beats a carried one; when two old skills
    carry into one, the higher level wins (kb/renames.py). Skills the KB neither has nor
    replaces are left out (the file keeps them).
    """
    from careerctl.kb.renames import successors

    heirs = successors(kb)
    ratings = {skill: r for skill, r in review.ratings.items() if skill in kb.skills}
    carried: dict[str, Rating] = {}
    for old, rating in review.ratings.items():
        for new in heirs.get(old, ()):
            if new not in ratings and (new not in carried or carried[new].level < rating.level):
                carried[new] = rating
    if not carried and len(ratings) == len(review.ratings):
        return review
    return msgspec.structs.replace(review, ratings={**ratings, **carried})


def check_review_kb(review: Review, kb: KnowledgeBase, path: object) -> str | None:
    """Refuse a review made with another KB; a note when it is another revision of this one.

    The same identity is the same KB. A different identity with the same non-empty KB name and
    only skills this KB has is another revision of it (a newer careerctl, an edited ladder):
    accepted, with a note. Anything else is another KB: InputError naming both.
    """
    if review.kb == kb.identity:
        return None
    unknown = foreign_skills(review, kb)
    if review.kb_name and review.kb_name == kb.about.name and not unknown:
        said = _("{path}: made with another revision of {kb} (identity {identity}); its skills all match")
        return said.format(path=path, kb=kb.about.name, identity=review.kb[:12])
    unnamed = _("an unnamed KB")
    theirs = _("{kb}, identity {identity}").format(
        kb=review.kb_name or unnamed, identity=review.kb[:12] or _("unknown")
    )
    ours = _("{kb}, identity {identity}").format(kb=kb.about.name or unnamed, identity=kb.identity[:12])
    if unknown:
        said = _(
            "was made with another knowledge base ({theirs}), not the one in use ({ours}); {count} of its skills "
            "are not in this one (e.g. {example}); give --kb with the review's KB, or ask for the review again "
            "with this one"
        )
    else:
        said = _(
            "was made with another knowledge base ({theirs}), not the one in use ({ours}); give --kb with the "
            "review's KB, or ask for the review again with this one"
        )
    raise InputError(
        path,
        said.format(
            theirs=theirs, ours=ours, count=len(unknown), example=clip(unknown[0]) if unknown else ""
        ),
    )


def latest_by_rater(reviews: Mapping[str, Review]) -> list[Review]:
    """One review per rater and relation: the latest (ties: the file name that sorts last)."""
    chosen: dict[tuple[str, str], tuple[str, str, Review]] = {}
    for name, review in reviews.items():
        key = (review.rater.casefold(), review.relation)
        if key not in chosen or (review.at, name) > chosen[key][:2]:
            chosen[key] = (review.at, name, review)
    return [item[2] for item in sorted(chosen.values(), key=lambda c: (c[2].relation, c[2].rater.casefold()))]
