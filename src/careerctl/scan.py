"""`evidence scan`: suggest evidence from a person's own commits in local git repositories.

Not core: it runs `git` as a subprocess. It reads only what git itself records (the commit
history and the list of tracked files), never a file of the working tree, so it cannot follow a
symlink out of a repository, and it never runs code from one: hooks point at /dev/null, the
system config is skipped, the file-system monitor, pagers, external diffs and signature checks
are switched off on git's command line (which beats any config in the repository).

A skill's signals are path globs (the KB's `evidence:`, else careerctl's table for the bundled
KB). A suggestion counts the author's commits (merges left out) that touch a matching file, in
how many repositories, and by which kinds of file. It never changes a level.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from careerctl.errors import InputError
from careerctl.i18n import _, ngettext
from careerctl.kb.yamlio import clip

GIT_TIMEOUT = 120.0  # seconds for one git command; a huge history can take a while
SAFE_CONFIG = (
    "core.hooksPath=/dev/null",
    "core.fsmonitor=false",
    "core.untrackedCache=false",
    "log.showSignature=false",
    "diff.external=",
    "core.pager=cat",
    "protocol.allow=never",
)
KEEP_ENV = ("PATH", "HOME", "LANG", "LC_ALL", "LC_CTYPE", "TMPDIR", "SYSTEMROOT", "USERPROFILE")
EXAMPLES = 3  # kinds of file a suggestion names
_HASH = re.compile(r"[0-9a-f]{40}(?:[0-9a-f]{24})?")


class GitError(InputError):
    """git is missing, or refused a repository (not one, unsafe ownership, damaged)."""


@dataclass(frozen=True)
class Commit:
    """One of the author's commits: its hash and the paths it touched."""

    sha: str
    paths: tuple[str, ...]


@dataclass(frozen=True)
class Repo:
    """What the scan read from one repository."""

    path: Path
    commits: list[Commit]  # the author's commits, merges left out
    all_commits: int  # everyone's, merges left out
    tracked: int  # files git tracks now

    @property
    def name(self) -> str:
        """The repository's folder name."""
        return self.path.name


@dataclass(frozen=True)
class Suggestion:
    """Evidence the scan suggests for one skill, with the counts behind it."""

    skill: str
    commits: int  # the author's commits that touch a matching file
    files: int  # distinct matching files those commits touch (per repository)
    repos: list[tuple[str, int]]  # (repository name, commits there), most first
    kinds: list[tuple[str, int]]  # (kind of file, commits touching one), most first
    your_commits: int  # all the author's commits in the scanned repositories

    def sentence(self) -> str:
        """The counts in one sentence."""
        repos = len(self.repos)
        kinds = ", ".join(f"{kind} ({count})" for kind, count in self.kinds[:EXAMPLES])
        said = ngettext(
            "{count} {of_yours} touches {files} {in_repos}: {kinds}",
            "{count} {of_yours} touch {files} {in_repos}: {kinds}",
            self.commits,
        )
        yours = ngettext("of your {count} commit", "of your {count} commits", self.your_commits)
        files = ngettext("{count} matching file", "{count} matching files", self.files)
        where = ngettext("in {count} repo", "in {count} repos", repos)
        return said.format(
            count=self.commits,
            of_yours=yours.format(count=self.your_commits),
            files=files.format(count=self.files),
            in_repos=where.format(count=repos),
            kinds=kinds,
        )

    def what(self) -> str:
        """The text an accepted suggestion puts in the evidence log."""
        names = ", ".join(name for name, _commits in self.repos[:EXAMPLES])
        more = (
            _(" and {count} more").format(count=len(self.repos) - EXAMPLES)
            if len(self.repos) > EXAMPLES
            else ""
        )
        kinds = ", ".join(kind for kind, _commits in self.kinds[:EXAMPLES])
        said = ngettext(
            "{count} commit touching {kinds} in {names}{more} (evidence scan)",
            "{count} commits touching {kinds} in {names}{more} (evidence scan)",
            self.commits,
        )
        return said.format(count=self.commits, kinds=kinds, names=names, more=more)


@dataclass(frozen=True)
class Scan:
    """The repositories read, the author's emails, and the suggestions, most commits first."""

    authors: tuple[str, ...]
    repos: list[Repo]
    suggestions: list[Suggestion] = field(default_factory=list)


# ---------------------------------------------------------------- globs


@lru_cache(maxsize=4096)
def glob_regex(glob: str) -> re.Pattern[str]:
    """A path glob as a regex: `**` any folders, `*` and `?` within one name, any case.

    A glob without a slash matches a file name in any folder; a trailing `/**` matches
    everything below a folder.
    """
    text = glob.strip()
    if "/" not in text:
        text = "**/" + text
    out = []
    parts = text.split("/")
    for n, part in enumerate(parts):
        last = n == len(parts) - 1
        if part == "**":
            out.append(".*" if last else "(?:[^/]*/)*")
            continue
        piece = "".join("[^/]*" if ch == "*" else "[^/]" if ch == "?" else re.escape(ch) for ch in part)
        out.append(piece if last else piece + "/")
    return re.compile("".join(out), re.IGNORECASE | re.DOTALL)


def matches(path: str, globs: Iterable[str]) -> bool:
    """Whether a repository path matches any of the globs."""
    return any(glob_regex(glob).fullmatch(path) for glob in globs)


def kind_of(path: str) -> str:
    """A file's kind for the counts: its extension (`*.py`), else its name (`Dockerfile`)."""
    name = path.rsplit("/", 1)[-1]
    stem, dot, ext = name.rpartition(".")
    if not dot or not stem:
        return name
    return f"*.{ext.lower()}"


# ---------------------------------------------------------------- git


def git_env() -> dict[str, str]:
    """A clean environment for git: no GIT_* variables from outside, no system config, no prompts."""
    env = {name: os.environ[name] for name in KEEP_ENV if name in os.environ}
    env.update(
        GIT_CONFIG_NOSYSTEM="1",
        GIT_TERMINAL_PROMPT="0",
        GIT_OPTIONAL_LOCKS="0",  # read-only: never refresh the index
        GIT_PAGER="cat",
        PAGER="cat",
        LC_ALL="C",
    )
    return env


def git(repo: Path, *args: str) -> str:
    """Run one read-only git command in `repo`; its output, or GitError with git's reason."""
    command = ["git", "--no-pager"]
    for setting in SAFE_CONFIG:
        command += ["-c", setting]
    command += ["-C", str(repo), *args]
    try:
        done = subprocess.run(
            command,
            env=git_env(),
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=GIT_TIMEOUT,
            check=False,
        )
    except FileNotFoundError:
        raise GitError("git", _("is not installed (or not on PATH); `evidence scan` needs it")) from None
    except subprocess.TimeoutExpired:
        raise GitError(
            repo,
            _("git took over {seconds:g} s; scan fewer repositories at a time").format(seconds=GIT_TIMEOUT),
        ) from None
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
        first = next((line for line in reason if line.strip()), f"git exited with {done.returncode}")
        raise GitError(
            repo, _("git refused it: {reason}").format(reason=clip(first.removeprefix("fatal: "), 200))
        )
    return done.stdout.decode("utf-8", "surrogateescape")


def repo_root(path: Path) -> Path:
    """The top folder of the git work tree at `path`; GitError when it is not one."""
    if not path.is_dir():
        raise GitError(path, _("is not a folder; give the folder of a git repository"))
    top = git(path, "rev-parse", "--show-toplevel").strip()
    if not top:
        raise GitError(path, _("is not inside a git work tree (a bare repository has no files to scan)"))
    return Path(top)


def read_commits(repo: Path) -> tuple[list[tuple[str, str, tuple[str, ...]]], int]:
    """Every non-merge commit reachable from any ref: (sha, author email, paths touched)."""
    out = git(repo, "log", "--all", "--no-merges", "--no-renames", "--no-ext-diff", "--no-textconv",
              "-z", "--name-only", "--format=%x01%H%x00%ae")  # fmt: skip
    commits: list[tuple[str, str, tuple[str, ...]]] = []
    tokens = out.split("\0")
    index = 0
    while index < len(tokens):
        token = tokens[index].lstrip("\n")
        if token.startswith("\x01") and _HASH.fullmatch(token[1:]) and index + 1 < len(tokens):
            sha, email = token[1:], tokens[index + 1]
            index += 2
            paths = []
            while index < len(tokens) and not _is_header(tokens[index].lstrip("\n")):
                name = tokens[index].lstrip("\n")
                if name:
                    paths.append(name)
                index += 1
            commits.append((sha, email.strip(), tuple(paths)))
        else:
            index += 1
    return commits, len(commits)


def _is_header(token: str) -> bool:
    return token.startswith("\x01") and _HASH.fullmatch(token[1:]) is not None


def tracked_files(repo: Path) -> int:
    """How many files git tracks now (regular files only: no symlinks, no submodules)."""
    out = git(repo, "ls-files", "-z", "-s")
    return sum(1 for entry in out.split("\0") if entry[:6] in ("100644", "100755"))


def read_repo(path: Path, authors: Sequence[str]) -> Repo:
    """The author's commits in the repository at `path` (emails compared exactly, any case)."""
    root = repo_root(path)
    wanted = {email.strip().casefold() for email in authors}
    commits, total = read_commits(root)
    mine = [Commit(sha, paths) for sha, email, paths in commits if email.casefold() in wanted]
    return Repo(root, mine, total, tracked_files(root))


# ---------------------------------------------------------------- suggestions


def suggest_evidence(repos: Sequence[Repo], signals: Mapping[str, Sequence[str]]) -> list[Suggestion]:
    """For each skill with signals, the author's commits touching a matching file; most first."""
    yours = sum(len(repo.commits) for repo in repos)
    found = []
    for skill, globs in signals.items():
        if not globs:
            continue
        commits = 0
        files: set[tuple[str, str]] = set()
        per_repo: Counter[str] = Counter()
        kinds: Counter[str] = Counter()
        for repo in repos:
            for commit in repo.commits:
                hit = [p for p in commit.paths if matches(p, globs)]
                if not hit:
                    continue
                commits += 1
                per_repo[repo.name] += 1
                files.update((str(repo.path), p) for p in hit)
                kinds.update({kind_of(p) for p in hit})
        if commits:
            found.append(Suggestion(skill, commits, len(files), _ranked(per_repo), _ranked(kinds), yours))
    return sorted(found, key=lambda s: (-s.commits, s.skill))


def _ranked(counts: Counter[str]) -> list[tuple[str, int]]:
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def scan(paths: Sequence[Path], authors: Sequence[str], signals: Mapping[str, Sequence[str]]) -> Scan:
    """Read each repository (each once, even when named twice) and suggest evidence per skill."""
    if not authors:
        raise InputError(
            "--author", _("give the email your commits use: --author EMAIL (or set it in the config)")
        )
    repos: dict[Path, Repo] = {}
    for path in paths:
        repo = read_repo(path, authors)
        repos.setdefault(Path(os.path.realpath(repo.path)), repo)
    chosen = list(repos.values())
    return Scan(tuple(authors), chosen, suggest_evidence(chosen, signals))


def git_user_email() -> str | None:
    """The email in the user's own git config (never a repository's), or None."""
    try:
        return git(Path(os.path.expanduser("~")), "config", "--global", "user.email").strip() or None
    except InputError:
        return None
