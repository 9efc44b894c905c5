"""The corpus of broken inputs (tests/corpus): each is refused with exit 2, a one-line reason naming
the file (and the line, where there is one) on stderr, nothing on stdout, and no traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from careerctl.cli import app
from careerctl.kb.parse import ABOUT_KEYS, RESOURCE_KEYS, ROLE_KEYS, SKILL_KEYS
from careerctl.store import ASSESSMENT_KEYS, TOP_KEYS
from corpus_cases import CORPUS, corpus_files, place, read_manifest

EXPECTED = read_manifest()


def test_the_manifest_and_the_corpus_agree() -> None:
    listed = {case for case in EXPECTED if "/@" not in case}
    assert listed == corpus_files()


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_broken_input_is_refused_cleanly(
    case: str, runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = EXPECTED[case]
    args, path = place(case, tmp_path, monkeypatch)
    result = runner.invoke(app, args, env=expected.env)
    assert (result.exit_code, result.stdout) == (2, ""), result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.stderr
    where = f"{path}:{expected.line}: " if expected.line else f"{path}: "
    lines = result.stderr.splitlines()
    assert any(where in line and expected.fragment in line for line in lines), result.stderr
    assert lines[0].startswith("careerctl: ")


# The checklist, each item mapped to the corpus cases that cover it: a case removed from the
# corpus makes this fail.
COVERAGE = {
    "empty file": ["profile/empty.yaml", "skills/empty.yaml", "roles/empty.yaml", "answers/empty.yaml"],
    "only comments": [
        "profile/only-comments.yaml",
        "skills/only-comments.yaml",
        "roles/only-comments.yaml",
        "answers/only-comments.yaml",
    ],
    "list where a mapping belongs": [
        "profile/list-at-top.yaml",
        "skills/list-at-top.yaml",
        "answers/list-at-top.yaml",
    ],
    "scalar document": [
        "profile/scalar-document.yaml",
        "skills/scalar-document.yaml",
        "answers/scalar-document.yaml",
    ],
    "several documents": [
        "profile/two-documents.yaml",
        "skills/two-documents.yaml",
        "answers/three-documents.yaml",
    ],
    "duplicate keys": [
        "profile/duplicate-level.yaml",
        "skills/duplicate-key.yaml",
        "roles/duplicate-key.yaml",
        "answers/duplicate-key.yaml",
    ],
    "unknown keys": [
        "profile/unknown-assessment-key.yaml",
        "skills/unknown-skill-key.yaml",
        "roles/unknown-role-key.yaml",
        "answers/unknown-skill.yaml",
    ],
    "non-UTF-8": [
        "profile/not-utf8.yaml",
        "skills/not-utf8.yaml",
        "roles/utf16.yaml",
        "answers/not-utf8.yaml",
    ],
    "UTF-8 BOM": ["profile/bom-and-error.yaml", "skills/bom-and-error.yaml", "answers/bom-and-error.yaml"],
    "tabs": [
        "profile/tab-indent.yaml",
        "skills/tab-indent.yaml",
        "roles/tab-indent.yaml",
        "answers/tab-indent.yaml",
    ],
    "directory": [
        "profile/@directory",
        "skills/@directory",
        "roles/@directory",
        "answers/@directory",
        "kb/@not-a-folder",
    ],
    "missing": ["skills/@missing", "answers/@missing", "kb/@missing"],
    "unreadable": ["profile/@unreadable", "skills/@unreadable", "roles/@unreadable", "answers/@unreadable"],
    "symlink loop": [
        "profile/@symlink-loop",
        "skills/@symlink-loop",
        "answers/@symlink-loop",
        "kb/@symlink-loop",
    ],
    "over the size limit": ["profile/over-size.yaml", "skills/over-size.yaml", "answers/over-size.yaml"],
    "deep nesting": [
        "profile/deep-flow.yaml",
        "skills/deep-flow.yaml",
        "skills/deep-block.yaml",
        "roles/deep-dashes.yaml",
    ],
    "billion laughs": [
        "profile/billion-laughs.yaml",
        "skills/billion-laughs.yaml",
        "roles/billion-laughs.yaml",
        "answers/billion-laughs.yaml",
    ],
    "one list reused": [
        "profile/list-reused.yaml",
        "skills/list-reused.yaml",
        "answers/list-reused.yaml",
        "roles/merge-bomb.yaml",
    ],
    "python tags": [
        "profile/python-object.yaml",
        "skills/python-object.yaml",
        "roles/python-name.yaml",
        "answers/python-object.yaml",
    ],
    "level NaN": [
        "profile/level-nan.yaml",
        "roles/level-nan.yaml",
        "answers/level-nan.yaml",
        "skills/prerequisite-level-nan.yaml",
    ],
    "level infinite": [
        "profile/level-inf.yaml",
        "roles/level-inf.yaml",
        "answers/level-minus-inf.yaml",
        "roles/years-inf.yaml",
    ],
    "level negative": [
        "profile/level-negative.yaml",
        "roles/level-negative.yaml",
        "answers/level-negative.yaml",
    ],
    "level float": ["profile/level-float.yaml", "roles/level-float.yaml", "answers/level-float-whole.yaml"],
    "level boolean": [
        "profile/level-bool.yaml",
        "roles/level-bool.yaml",
        "answers/level-yes.yaml",
        "skills/prerequisite-level-bool.yaml",
    ],
    "id with spaces": [
        "skills/id-with-space.yaml",
        "roles/id-with-space.yaml",
        "answers/skill-with-space.yaml",
    ],
    "empty id": ["skills/id-empty.yaml", "roles/id-empty.yaml", "answers/empty-key.yaml"],
    "unicode look-alike": [
        "skills/id-lookalike.yaml",
        "roles/alias-lookalike.yaml",
        "answers/lookalike-skill.yaml",
    ],
    "self-transition": ["roles/self-transition.yaml"],
    "prerequisite cycle": ["skills/prerequisite-cycle.yaml", "skills/prerequisite-self.yaml"],
}


@pytest.mark.parametrize("item", sorted(COVERAGE))
def test_the_corpus_covers_the_checklist(item: str) -> None:
    assert all(case in EXPECTED for case in COVERAGE[item])


@pytest.mark.parametrize(
    ("kind", "keys"),
    [
        ("skills", [*SKILL_KEYS, "version", "scale", "skills"]),
        ("roles", [*ROLE_KEYS, "version", "roles"]),
        (
            "profile",
            [key for key in TOP_KEYS if key != "levels"]  # top-level levels: only in JSON exports
            + [f"assessment-{key}" if key in ("current", "target") else key for key in ASSESSMENT_KEYS],
        ),
    ],
)
def test_the_corpus_has_a_wrong_type_at_every_field(kind: str, keys: list[str]) -> None:
    names = {path.stem for path in (CORPUS / kind).glob("wrong-type-*.yaml")}
    assert all(f"wrong-type-{key}" in names for key in keys)
    if kind == "roles":
        assert all(f"wrong-type-about-{key}" in names for key in ABOUT_KEYS)
    if kind == "skills":
        assert all(f"wrong-type-resource-{key}" in names for key in RESOURCE_KEYS)
