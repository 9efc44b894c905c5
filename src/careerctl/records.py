"""Reviews and the evidence log on disk, beside the profile, as plain files a team can keep in git.

For the profile `DIR/NAME.yaml`:

    DIR/NAME.reviews/            one YAML file per review (`review add` copies it in)
    DIR/NAME.evidence.yaml       the evidence log

Named after the profile, so several people's profiles can share one folder. Every write goes
through files.atomic_write (a reader sees the old file or the new one); a removed review is moved
into the profile's backups/ folder, never deleted. Every change is made under a lock, as the
profile's are (files.locked): the reviews folder's (`NAME.reviews.lock`) while a review is named,
written or moved, the log's (`NAME.evidence.yaml.lock`) while the log is read, changed and written.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from pathlib import Path

from careerctl.errors import InputError, StorageError
from careerctl.evidence import Evidence, log_dict, parse_log
from careerctl.files import atomic_write, describe_os_error, locked
from careerctl.i18n import _
from careerctl.kb.yamlio import Limits, clip, parse_yaml, read_bytes
from careerctl.model import KnowledgeBase
from careerctl.names import suggest
from careerctl.review import Review, check_review_kb, parse_review, review_dict

REVIEW_HEADER = (
    b"# careerctl review. Attach it with `careerctl review add FILE`; see `careerctl review --help`.\n"
)
EVIDENCE_HEADER = b"# careerctl evidence log, written by `careerctl evidence add`. Edit it freely.\n"
RECORD_MODE = 0o600  # ratings of a person are personal
SUFFIX = ".yaml"


def reviews_dir(profile: Path) -> Path:
    """Where the reviews attached to the profile at `profile` are kept."""
    return profile.parent / f"{profile.stem}.reviews"


def evidence_path(profile: Path) -> Path:
    """The evidence log that belongs to the profile at `profile`."""
    return profile.parent / f"{profile.stem}.evidence{SUFFIX}"


def dump_yaml(data: object) -> bytes:
    """Plain data as block-style YAML, keys in order, Unicode kept."""
    import yaml

    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, default_flow_style=False, width=100)
    return text.encode("utf-8")


# ---------------------------------------------------------------- reviews


def read_review(path: Path) -> Review:
    """The review in the file at `path`; InputError naming the file and line when it is not one."""
    limits = Limits.from_env()
    return parse_review(parse_yaml(read_bytes(path, limits), path, limits), path)


def dump_review(review: Review) -> bytes:
    """The review file's text."""
    return REVIEW_HEADER + dump_yaml(review_dict(review))


def write_review(path: Path, review: Review) -> None:
    """Save a review file atomically (an assessment about someone else writes it after each answer)."""
    if path.exists() and path.is_dir():
        raise InputError(path, _("is a folder; --out names the review file to write"))
    atomic_write(path, dump_review(review), mode=RECORD_MODE)


def slug(text: str) -> str:
    """A name as a file-name part: lower-case ASCII letters, digits and single hyphens."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:40].strip("-") or "rater"


def review_name(review: Review) -> str:
    """The file name `review add` gives a review: relation, rater and date."""
    return f"{review.relation}-{slug(review.rater)}-{review.at[:10]}"


def list_reviews(profile: Path) -> dict[str, Review]:
    """Every review attached to the profile, by name (the file name without .yaml), in name order."""
    folder = reviews_dir(profile)
    if not folder.is_dir():
        return {}
    found = sorted(p for p in folder.glob(f"*{SUFFIX}") if not p.name.startswith("."))
    reviews = {}
    for path in found:
        if path.is_symlink() or not path.is_file():
            raise InputError(path, _("is not a regular file; a review is a plain YAML file (move it away)"))
        reviews[path.stem] = read_review(path)
    return reviews


def add_review(profile: Path, source: Path, kb: KnowledgeBase) -> tuple[str, Review, str | None]:
    """Copy a review file in beside the profile, checked; its name, the review, and any note.

    Refused: a file that is not a review, a review made with another KB, and one already added.
    """
    review = read_review(source)
    note = check_review_kb(review, kb, source)
    folder = reviews_dir(profile)
    with locked(folder):  # another `review add` picks its name after this one has written
        existing = list_reviews(profile)
        for name, other in existing.items():
            if other == review:
                raise InputError(
                    source, _("is already attached as {name} (`careerctl review list`)").format(name=name)
                )
        name = review_name(review)
        count = 2
        while name in existing or (folder / f"{name}{SUFFIX}").exists():
            name = f"{review_name(review)}-{count}"
            count += 1
        write_review(folder / f"{name}{SUFFIX}", review)
    return name, review, note


def remove_review(profile: Path, name: str) -> Path:
    """Move the review called `name` into the profile's backups/ folder; the path it now has."""
    folder = reviews_dir(profile)
    with locked(folder):  # a `review add` at the same time names its file after this one has moved
        return _move_review(profile, folder, name)


def _move_review(profile: Path, folder: Path, name: str) -> Path:
    wanted = name.removesuffix(SUFFIX)
    path = folder / f"{wanted}{SUFFIX}"
    if "/" in wanted or "\\" in wanted or wanted.startswith(".") or not path.is_file():
        names = sorted(p.stem for p in folder.glob(f"*{SUFFIX}")) if folder.is_dir() else []
        hints = suggest(wanted, names)
        if hints:
            said = _("no such review; did you mean {names}?").format(names=_(" or ").join(hints))
        else:
            said = _("no such review (`careerctl review list` names them)")
        raise InputError(clip(name), said)
    backups = profile.parent / "backups"
    moved = backups / f"{profile.stem}.review-{path.name}"
    count = 2
    while moved.exists():
        moved = backups / f"{profile.stem}.review-{wanted}-{count}{SUFFIX}"
        count += 1
    try:
        backups.mkdir(mode=0o700, exist_ok=True)
        path.rename(moved)
    except OSError as exc:
        raise StorageError(
            _("{path}: cannot move it to {backups}: {reason}").format(
                path=path, backups=backups, reason=describe_os_error(exc)
            )
        ) from None
    return moved


# ---------------------------------------------------------------- evidence


def read_evidence(path: Path) -> list[Evidence]:
    """The evidence log at `path`; empty when there is none."""
    if not path.exists() and not path.is_symlink():
        return []
    limits = Limits.from_env()
    return parse_log(parse_yaml(read_bytes(path, limits), path, limits), path)


def write_evidence(path: Path, items: list[Evidence]) -> None:
    """Save the whole log atomically."""
    atomic_write(path, EVIDENCE_HEADER + dump_yaml(log_dict(items)), mode=RECORD_MODE)


def update_evidence(path: Path, change: Callable[[list[Evidence]], list[Evidence]]) -> list[Evidence]:
    """Read the log, apply `change`, write the result back: all under the log's lock."""
    with locked(path):
        items = change(read_evidence(path))
        write_evidence(path, items)
    return items


def add_evidence(path: Path, entries: list[Evidence]) -> list[Evidence]:
    """Append entries to the log (an entry already in it is not added twice); the whole log."""
    return update_evidence(path, lambda items: [*items, *(e for e in entries if e not in items)])
