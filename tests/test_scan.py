"""`evidence scan` on repositories the tests build: only the configured author's commits count."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from careerctl.errors import InputError
from careerctl.evidence_signals import SIGNALS, signals_for
from careerctl.scan import glob_regex, kind_of, matches, read_repo, scan

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

DANA = "dana@example.com"
LEE = "lee@example.com"
SIGNALS_USED = {
    "containers": SIGNALS["containers"],
    "ci-cd": SIGNALS["ci-cd"],
    "testing-debugging": SIGNALS["testing-debugging"],
    "programming-languages": SIGNALS["programming-languages"],
}


def run_git(repo: Path, *args: str, email: str = DANA) -> None:
    env = {
        "PATH": os.environ["PATH"],
        "HOME": str(repo.parent),
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": email.split("@")[0],
        "GIT_AUTHOR_EMAIL": email,
        "GIT_COMMITTER_NAME": "ci",
        "GIT_COMMITTER_EMAIL": "ci@example.com",
    }
    subprocess.run(["git", "-C", str(repo), *args], env=env, check=True, capture_output=True)


def commit(repo: Path, files: dict[str, str], email: str, message: str = "change") -> None:
    for name, text in files.items():
        path = repo / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
        run_git(repo, "add", name, email=email)
    run_git(repo, "commit", "-q", "-m", message, email=email)


def build_repo(folder: Path) -> Path:
    """Dana: 3 commits touch the Dockerfile (2) or compose, 2 the workflow, 2 the tests; Lee: many."""
    folder.mkdir()
    run_git(folder, "init", "-q", "-b", "main")
    commit(folder, {"Dockerfile": "FROM python:3.12\n", "app.py": "print(1)\n"}, DANA)
    commit(folder, {".github/workflows/ci.yml": "on: push\n"}, DANA)
    commit(folder, {"tests/test_app.py": "def test(): pass\n", "app.py": "print(2)\n"}, DANA)
    commit(folder, {"Dockerfile": "FROM python:3.13\n", "docker-compose.yml": "services: {}\n"}, DANA)
    commit(folder, {".github/workflows/ci.yml": "on: [push]\n", "tests/test_app.py": "def test(): 1\n"}, DANA)
    commit(folder, {"compose.yaml": "services: {}\n"}, DANA)
    for n in range(4):  # someone else's work in the same files
        commit(folder, {"Dockerfile": f"FROM python:3.{n}\n", ".github/workflows/ci.yml": f"# {n}\n"}, LEE)
        commit(folder, {f"tests/test_{n}.py": "x = 1\n", "lib.go": f"// {n}\n"}, LEE)
    return folder


def test_suggestions_credit_only_the_configured_authors_commits(tmp_path: Path) -> None:
    repo = build_repo(tmp_path / "billing")
    result = scan([repo], [DANA.upper()], SIGNALS_USED)
    found = {s.skill: s for s in result.suggestions}
    assert set(found) == {"containers", "ci-cd", "testing-debugging", "programming-languages"}
    containers = found["containers"]
    assert (containers.commits, containers.files, containers.repos) == (3, 3, [("billing", 3)])
    assert containers.kinds == [("Dockerfile", 2), ("*.yaml", 1), ("*.yml", 1)]
    assert (found["ci-cd"].commits, found["ci-cd"].files) == (2, 1)
    assert (found["testing-debugging"].commits, found["testing-debugging"].files) == (2, 1)
    assert (found["programming-languages"].commits, found["programming-languages"].files) == (3, 2)
    assert found["programming-languages"].kinds == [("*.py", 3)]  # Lee's lib.go is not Dana's work
    assert containers.sentence() == (
        "3 of your 6 commits touch 3 matching files in 1 repo: Dockerfile (2), *.yaml (1), *.yml (1)"
    )
    lee = {s.skill: s.commits for s in scan([repo], [LEE], SIGNALS_USED).suggestions}
    assert lee == {"containers": 4, "ci-cd": 4, "testing-debugging": 4, "programming-languages": 4}


def test_counts_add_up_over_repositories_and_a_repository_named_twice_counts_once(tmp_path: Path) -> None:
    one = build_repo(tmp_path / "billing")
    two = tmp_path / "api"
    two.mkdir()
    run_git(two, "init", "-q", "-b", "main")
    commit(two, {"Dockerfile": "FROM go\n"}, DANA)
    result = scan([one, two, one / "tests"], [DANA], {"containers": SIGNALS["containers"]})
    (containers,) = result.suggestions
    assert (containers.commits, len(containers.repos), containers.your_commits) == (4, 2, 7)
    assert "4 of your 7 commits touch 4 matching files in 2 repos" in containers.sentence()


def test_the_scan_runs_no_hook_and_no_fsmonitor_from_the_repository(tmp_path: Path) -> None:
    repo = build_repo(tmp_path / "billing")
    marker = tmp_path / "ran"
    hook = repo / ".git" / "hooks" / "evil.sh"
    hook.write_text(f"#!/bin/sh\ntouch {marker}\n")
    hook.chmod(0o755)
    for name in ("post-checkout", "pre-commit", "post-index-change", "reference-transaction"):
        (repo / ".git" / "hooks" / name).symlink_to(hook)
    with (repo / ".git" / "config").open("a") as config:
        config.write(f"[core]\n\tfsmonitor = {hook}\n\tpager = {hook}\n[log]\n\tshowSignature = true\n")
        config.write(f"[gpg]\n\tprogram = {hook}\n[diff]\n\texternal = {hook}\n")
    result = scan([repo], [DANA], SIGNALS_USED)
    assert result.suggestions and not marker.exists()


def test_symlinks_and_untracked_files_are_not_read(tmp_path: Path) -> None:
    repo = build_repo(tmp_path / "billing")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "Dockerfile").write_text("FROM secret\n")
    (repo / "linked").symlink_to(outside)  # untracked, and pointing out of the repository
    (repo / "untracked.tf").write_text("x\n")
    (repo / "secrets").symlink_to(outside)
    run_git(repo, "add", "secrets")
    run_git(repo, "commit", "-q", "-m", "a tracked link", email=LEE)
    result = read_repo(repo, [DANA])
    touched = {p for c in result.commits for p in c.paths}
    assert not any(p.startswith(("linked", "secrets")) or p == "untracked.tf" for p in touched)
    assert result.tracked == 11  # regular files only: the tracked link is not counted, nor followed


def test_a_folder_that_is_not_a_repository_is_named(tmp_path: Path) -> None:
    plain = tmp_path / "plain"
    plain.mkdir()
    with pytest.raises(InputError, match=r"plain: git refused it: not a git repository"):
        scan([plain], [DANA], {})
    with pytest.raises(InputError, match=r"missing: is not a folder"):
        scan([tmp_path / "missing"], [DANA], {})
    with pytest.raises(InputError, match="--author: give the email"):
        scan([tmp_path], [], {})


@pytest.mark.parametrize(
    ("glob", "path", "hit"),
    [
        ("Dockerfile", "services/api/Dockerfile", True),
        ("Dockerfile", "dockerfile", True),
        ("*.tf", "infra/main.tf", True),
        (".github/workflows/*.yml", ".github/workflows/ci.yml", True),
        (".github/workflows/*.yml", "sub/.github/workflows/ci.yml", False),
        ("**/tests/**", "tests/test_a.py", True),
        ("**/tests/**", "pkg/tests/unit/test_a.py", True),
        ("**/tests/**", "pkg/testsuite/a.py", False),
        ("**/k8s/**/*.yaml", "deploy/k8s/base/app.yaml", True),
        ("**/k8s/**/*.yaml", "k8s/app.yaml", True),
        ("*.py", "a.pyc", False),
        ("test_?.py", "tests/test_1.py", True),
    ],
)
def test_globs_match_like_gitignore_patterns(glob: str, path: str, hit: bool) -> None:
    assert matches(path, [glob]) is hit
    assert glob_regex(glob).pattern


def test_kinds_are_extensions_else_names() -> None:
    assert [kind_of(p) for p in ("a/b.PY", "Dockerfile", ".github/x.yml", ".dockerignore")] == [
        "*.py",
        "Dockerfile",
        "*.yml",
        ".dockerignore",
    ]


def test_the_bundled_table_applies_only_where_a_skill_declares_none() -> None:
    import msgspec

    from factories import kb, skill

    base = kb([skill("containers"), skill("sql"), skill("made-up")])
    own = msgspec.structs.replace(base.skills["sql"], evidence=("db/*.sql",))
    ladder = msgspec.structs.replace(base, skills={**base.skills, "sql": own})
    assert signals_for(ladder, bundled=True) == {"containers": SIGNALS["containers"], "sql": ("db/*.sql",)}
    assert signals_for(ladder, bundled=False) == {"sql": ("db/*.sql",)}
