"""Load a KB folder: read, parse, validate, and cache it compiled so YAML is parsed only when it changes."""

from __future__ import annotations

import contextlib
import gc
import stat
from collections.abc import Iterator
from pathlib import Path, PurePath

import msgspec

from careerctl import __version__
from careerctl.errors import InputError, InvalidKB, Problem, StorageError
from careerctl.files import remove_stale_temps
from careerctl.kb import ROLES_FILE as ROLES_FILE
from careerctl.kb import SKILLS_FILE as SKILLS_FILE
from careerctl.kb import bundled_kb_dir as bundled_kb_dir
from careerctl.kb import cache
from careerctl.kb.yamlio import Limits, os_problem, read_bytes
from careerctl.model import KnowledgeBase

CACHE_FORMAT = cache.CACHE_FORMAT


class Finding(msgspec.Struct, frozen=True, gc=False):
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


class _Cached(msgspec.Struct, frozen=True):
    """A cache file as read: the KB, and its warnings still encoded (most commands never ask)."""

    kb: KnowledgeBase
    warnings: msgspec.Raw


class Loaded:
    """A loaded KB, the warnings about it, and whether it came from the cache.

    Warnings from the cache are decoded when first asked for: a big KB can have tens of
    thousands, and only `kb validate` and `kb import` list them. If they cannot be decoded (a
    damaged cache file), the KB's files are checked again, without the cache.
    """

    __slots__ = ("kb", "from_cache", "_warnings", "_raw", "_folder")

    def __init__(
        self,
        kb: KnowledgeBase,
        warnings: list[Problem] | None,
        from_cache: bool,
        raw: msgspec.Raw | None = None,
        folder: Path | None = None,
    ) -> None:
        self.kb = kb
        self.from_cache = from_cache
        self._warnings = warnings
        self._raw = raw
        self._folder = folder

    def with_kb(self, kb: KnowledgeBase) -> Loaded:
        """The same load with another KB (its translation), sharing the warnings."""
        return Loaded(kb, self._warnings, self.from_cache, self._raw, self._folder)

    @property
    def warnings(self) -> list[Problem]:
        """Every warning; those of a cached KB name the files of the folder being loaded.

        One entry serves every folder with the same content, so the cached file names are
        replaced by this folder's.
        """
        if self._warnings is None:
            assert self._raw is not None and self._folder is not None
            try:
                findings = _FINDINGS.decode(self._raw)
            except (msgspec.DecodeError, msgspec.ValidationError):  # a damaged entry: check again
                self._warnings = load_kb(self._folder).warnings
                return self._warnings
            here: dict[str, str] = {}  # a KB has a few files and may have many thousands of warnings
            for w in findings:
                if w.path not in here:
                    here[w.path] = str(self._folder / PurePath(w.path).name)
            self._warnings = [Problem(w.severity, here[w.path], w.line, w.key, w.message) for w in findings]
        return self._warnings


def load_kb(folder: Path, cache_dir: Path | None = None, limits: Limits | None = None) -> Loaded:
    """Load and validate the KB in `folder`; InputError or InvalidKB when it is unusable.

    With a cache folder: files whose stamp is recorded load from the cache without being read;
    other files are read and hashed, and a cache entry of that content is used if there is one.
    Only new content is parsed and validated, and then cached (see kb/cache.py).
    """
    check_folder(folder)
    skills_path, roles_path = folder / SKILLS_FILE, folder / ROLES_FILE
    stamp = cache.stamp_files([skills_path, roles_path]) if cache_dir else None
    if cache_dir is not None and stamp is not None:
        known = cache.known_identity(cache_dir, folder, stamp)
        cached = read_cache(cache_file(cache_dir, known), known, folder) if known else None
        if cached is not None:
            return cached
    limits = limits or Limits.from_env()
    skills_bytes = read_bytes(skills_path, limits)
    roles_bytes = read_bytes(roles_path, limits)
    identity = kb_identity(skills_bytes, roles_bytes)
    if stamp is not None and stamp != cache.stamp_files([skills_path, roles_path]):
        stamp = None  # changed while being read: this content has no stamp to remember
    if cache_dir is not None:
        cached = read_cache(cache_file(cache_dir, identity), identity, folder)
        if cached is not None:
            remember(cache_dir, folder, stamp, cached.kb)
            return cached
    kb, problems = build_kb(skills_bytes, roles_bytes, skills_path, roles_path, identity, limits)
    if any(p.severity == "error" for p in problems):
        raise InvalidKB(problems)
    if cache_dir is not None:
        write_cache(
            cache_file(cache_dir, identity), CacheEntry(kb=kb, warnings=[finding(p) for p in problems])
        )
        remember(cache_dir, folder, stamp, kb)
    return Loaded(kb=kb, warnings=problems, from_cache=False)


def cache_file(cache_dir: Path, identity: str) -> Path:
    """The cache entry of a KB identity."""
    return cache_dir / f"{identity[:40]}.msgpack"


def remember(cache_dir: Path, folder: Path, stamp: cache.Stamp | None, kb: KnowledgeBase) -> None:
    """Record the folder's stamp, and index the KB's names for completion if not done yet."""
    if cache.read_names(cache_dir, kb.identity) is None:
        roles, tracks = kb_names(kb)
        cache.write_names(cache_dir, kb.identity, roles, tracks)
    if stamp is not None:
        cache.remember_identity(cache_dir, folder, stamp, kb.identity)


def kb_names(kb: KnowledgeBase) -> tuple[list[str], list[str]]:
    """Every role id and alias, and every track, sorted: what TAB completion offers."""
    roles = sorted({*kb.roles, *(alias for role in kb.roles.values() for alias in role.aliases)})
    return roles, sorted({role.track for role in kb.roles.values()})


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
    import hashlib

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
    from careerctl.kb.calibrate import calibrate, parse_checks
    from careerctl.kb.parse import Sheet, parse_roles, parse_skills
    from careerctl.kb.validate import check_kb
    from careerctl.kb.yamlio import parse_yaml

    skill_sheet, role_sheet = Sheet(str(skills_path)), Sheet(str(roles_path))
    with no_gc_pauses():  # one file's document at a time: each is dropped once it is parsed
        skills, scale = parse_skills(parse_yaml(skills_bytes, skills_path, limits), skill_sheet)
        roles_doc = parse_yaml(roles_bytes, roles_path, limits)
        roles, about = parse_roles(roles_doc, role_sheet)
        checks = parse_checks(roles_doc, role_sheet)
        del roles_doc
    problems = skill_sheet.problems + role_sheet.problems
    problems += check_kb(skills, roles, skill_sheet, role_sheet)
    problems += calibrate(skills, roles, checks, skill_sheet, role_sheet)
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


_DECODER = msgspec.msgpack.Decoder(_Cached)
_FINDINGS = msgspec.msgpack.Decoder(list[Finding])


@contextlib.contextmanager
def no_gc_pauses() -> Iterator[None]:
    """Pause the cycle collector while many objects are made and none become garbage.

    Building an ESCO-sized KB allocates millions of objects; without this, the collector
    scans the growing heap again and again (about a third of a cache decode).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def read_cache(cache_file: Path, identity: str, folder: Path) -> Loaded | None:
    """The cached KB, or None when the cache is missing, unreadable or not this KB's (never trusted).

    One entry serves every folder with the same content: its warnings name the files of `folder`,
    not those of the folder that was cached first (see Loaded.warnings).
    """
    try:
        data = cache_file.read_bytes()
        with no_gc_pauses():
            entry = _DECODER.decode(data)
    except (OSError, msgspec.DecodeError, msgspec.ValidationError):
        return None
    if entry.kb.identity != identity:
        return None
    return Loaded(kb=entry.kb, warnings=None, from_cache=True, raw=entry.warnings, folder=folder)


def write_cache(cache_file: Path, entry: CacheEntry) -> None:
    """Write the cache atomically; a cache that cannot be written is skipped, not fatal."""
    from careerctl.files import atomic_write

    with contextlib.suppress(StorageError):
        atomic_write(cache_file, msgspec.msgpack.encode(entry))
    remove_stale_temps(cache_file.parent)
