"""Load a KB folder: read, parse, validate, and cache it compiled so YAML is parsed only when it changes."""

from __future__ import annotations

import contextlib
import hashlib
import stat
from pathlib import Path

import msgspec

from careerctl import __version__
from careerctl.errors import InputError, InvalidKB, Problem, StorageError
from careerctl.files import atomic_write, remove_stale_temps
from careerctl.kb.parse import Sheet, parse_roles, parse_skills
from careerctl.kb.validate import check_kb
from careerctl.kb.yamlio import Limits, os_problem, parse_yaml, read_bytes
from careerctl.model import KnowledgeBase

SKILLS_FILE = "skills.yaml"
ROLES_FILE = "roles.yaml"
CACHE_FORMAT = "kb-cache/1"


class Finding(msgspec.Struct, frozen=True):
    """A validation problem as stored in the cache."""

    severity: str
    path: str
    line: int | None
    key: str
    message: str


class CacheEntry(msgspec.Struct, frozen=True):
    """What a cache file holds: a valid KB and the warnings its validation raised."""

    kb: KnowledgeBase
    warnings: list[Finding]


class Loaded(msgspec.Struct, frozen=True):
    """A loaded KB, the warnings about it, and whether it came from the cache."""

    kb: KnowledgeBase
    warnings: list[Problem]
    from_cache: bool


def bundled_kb_dir() -> Path:
    """The KB that ships with careerctl: inside the installed package, or data/ in a checkout."""
    here = Path(__file__).resolve().parent.parent
    installed = here / "data"
    return installed if installed.is_dir() else here.parent.parent / "data"


def load_kb(folder: Path, cache_dir: Path | None = None, limits: Limits | None = None) -> Loaded:
    """Load and validate the KB in `folder`; InputError or InvalidKB when it is unusable."""
    limits = limits or Limits.from_env()
    check_folder(folder)
    skills_path, roles_path = folder / SKILLS_FILE, folder / ROLES_FILE
    skills_bytes = read_bytes(skills_path, limits)
    roles_bytes = read_bytes(roles_path, limits)
    identity = kb_identity(skills_bytes, roles_bytes)
    cache_file = cache_dir / f"{identity[:40]}.msgpack" if cache_dir else None
    if cache_file is not None:
        cached = read_cache(cache_file, identity)
        if cached is not None:
            return cached
    kb, problems = build_kb(skills_bytes, roles_bytes, skills_path, roles_path, identity, limits)
    if any(p.severity == "error" for p in problems):
        raise InvalidKB(problems)
    if cache_file is not None:
        write_cache(cache_file, CacheEntry(kb=kb, warnings=[finding(p) for p in problems]))
    return Loaded(kb=kb, warnings=problems, from_cache=False)


def check_folder(folder: Path) -> None:
    """A KB must be a readable folder."""
    try:
        info = folder.stat()
    except FileNotFoundError:
        raise InputError(folder, "no such knowledge base folder") from None
    except OSError as exc:
        raise InputError(folder, os_problem(exc)) from None
    if not stat.S_ISDIR(info.st_mode):
        raise InputError(folder, f"is not a folder; a KB is a folder with {SKILLS_FILE} and {ROLES_FILE}")


def kb_identity(skills_bytes: bytes, roles_bytes: bytes) -> str:
    """A content hash of the KB (stable across processes, unlike hash())."""
    digest = hashlib.blake2b(digest_size=20)
    for part in (CACHE_FORMAT.encode(), __version__.encode(), skills_bytes, b"\0", roles_bytes):
        digest.update(part)
    return digest.hexdigest()


def build_kb(
    skills_bytes: bytes,
    roles_bytes: bytes,
    skills_path: Path,
    roles_path: Path,
    identity: str,
    limits: Limits,
) -> tuple[KnowledgeBase, list[Problem]]:
    """Parse and check both files; return the KB and every problem found."""
    skill_sheet, role_sheet = Sheet(str(skills_path)), Sheet(str(roles_path))
    skills, scale = parse_skills(parse_yaml(skills_bytes, skills_path, limits), skill_sheet)
    roles, about = parse_roles(parse_yaml(roles_bytes, roles_path, limits), role_sheet)
    problems = skill_sheet.problems + role_sheet.problems
    problems += check_kb(skills, roles, skill_sheet, role_sheet)
    problems.sort(key=lambda p: (p.severity != "error", p.path != str(skills_path), p.line or 0))
    kb = KnowledgeBase(
        skills={skill.id: skill for skill in skills},
        roles={role.id: role for role in roles},
        scale=scale,
        about=about,
        identity=identity,
    )
    return kb, problems


def finding(problem: Problem) -> Finding:
    """A Problem in its cacheable form."""
    return Finding(problem.severity, problem.path, problem.line, problem.key, problem.message)


_DECODER = msgspec.msgpack.Decoder(CacheEntry)


def read_cache(cache_file: Path, identity: str) -> Loaded | None:
    """The cached KB, or None when the cache is missing, unreadable or not this KB's (never trusted)."""
    try:
        entry = _DECODER.decode(cache_file.read_bytes())
    except (OSError, msgspec.DecodeError, msgspec.ValidationError):
        return None
    if entry.kb.identity != identity:
        return None
    warnings = [Problem(w.severity, w.path, w.line, w.key, w.message) for w in entry.warnings]
    return Loaded(kb=entry.kb, warnings=warnings, from_cache=True)


def write_cache(cache_file: Path, entry: CacheEntry) -> None:
    """Write the cache atomically; a cache that cannot be written is skipped, not fatal."""
    with contextlib.suppress(StorageError):
        atomic_write(cache_file, msgspec.msgpack.encode(entry))
    remove_stale_temps(cache_file.parent)
