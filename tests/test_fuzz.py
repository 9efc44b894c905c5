"""Generated KB, profile and answers files, near-valid and broken, through the loaders and the CLI:
only careerctl's own errors may come out. The default run tries 50 of each; `pytest -m fuzz` tries
10,000 of each through the loaders and 3,000 of each through the CLI (README: Safety)."""

from __future__ import annotations

import contextlib
import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from careerctl.cli import app
from careerctl.errors import CareerctlError
from careerctl.kb.load import load_kb
from careerctl.kb.parse import is_token
from careerctl.kb.yamlio import Limits, parse_yaml
from careerctl.levels import read_answers
from careerctl.match import match_roles
from careerctl.plan import build_plan
from careerctl.route import find_routes
from careerctl.store import read_profile
from kbfiles import write_kb

QUICK = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FUZZ = settings(max_examples=10_000, deadline=None, suppress_health_check=list(HealthCheck))
# A CLI run costs ~80 ms (a fresh KB is parsed, validated and cached each time): 3,000 of each.
FUZZ_CLI = settings(max_examples=3_000, deadline=None, suppress_health_check=list(HealthCheck))

SKILL_IDS = ["coding", "sql", "ops", "x"]
ROLE_IDS = ["junior", "senior", "lead", "y"]
HOSTILE = [
    "\x1b[2J[blink]boom[/blink]",
    "[red]red[/red] [link=https://evil.example]x[/link] [/]",
    "\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\",
    "\x1b]0;title\x07\x9b2J\u202eevil\u200b",
    "é☃𝔘 \t tab",
    "",
    " ",
]

# Tokens a shell would run, glob or take for an option: a KB holding one must be refused.
SHELL = ["$(touch /tmp/careerctl-fuzz)", "`id`", ".*", "*", "-rf", "--help", "a;b", "dev ops", "x\u3164"]

text = st.one_of(st.text(max_size=12), st.sampled_from(HOSTILE))
names = st.one_of(st.text(min_size=1, max_size=12).filter(str.strip), st.sampled_from(HOSTILE[:5]))
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 8),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    text,
)
anything = st.recursive(
    scalars,
    lambda kids: (
        st.lists(kids, max_size=3)
        | st.dictionaries(st.text(max_size=6) | st.integers(0, 6), kids, max_size=3)
    ),
    max_leaves=8,
)


def maybe(valid: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Mostly a valid value, sometimes anything at all."""
    return st.one_of(valid, valid, valid, anything)


levels = st.integers(0, 5)
resource = st.fixed_dictionaries(
    {
        "title": maybe(names),
        "kind": maybe(st.sampled_from(["book", "docs", "course"])),
        "level": maybe(st.integers(1, 5)),
    },
    optional={"url": maybe(names), "stack": maybe(st.lists(st.sampled_from(["python", *SHELL]), max_size=2))},
)
skill = st.fixed_dictionaries(
    {
        "id": maybe(st.sampled_from([*SKILL_IDS, *SHELL[:2]])),
        "name": maybe(names),
        "category": maybe(st.sampled_from(["dev", "data", *SHELL])),
        "summary": maybe(names),
        "levels": maybe(st.fixed_dictionaries({level: names for level in range(1, 6)})),
    },
    optional={
        "requires": maybe(st.dictionaries(st.sampled_from(SKILL_IDS), levels, max_size=2)),
        "effort": maybe(st.dictionaries(st.integers(1, 5), st.integers(0, 500), max_size=5)),
        "resources": maybe(st.lists(resource, max_size=2)),
        "tags": maybe(st.lists(names, max_size=2)),
        "technologies": maybe(st.lists(st.sampled_from(["postgres", "k8s", *SHELL]), max_size=2)),
        "extra": anything,
    },
)
requirement = st.one_of(
    levels, st.fixed_dictionaries({"level": levels}, optional={"weight": st.integers(1, 5)})
)
role = st.fixed_dictionaries(
    {
        "id": maybe(st.sampled_from([*ROLE_IDS, *SHELL[:2]])),
        "name": maybe(names),
        "track": maybe(st.sampled_from(["dev", "ops", *SHELL])),
        "seniority": maybe(st.integers(0, 4)),
        "summary": maybe(names),
        "skills": maybe(
            st.dictionaries(st.sampled_from(SKILL_IDS), maybe(requirement), min_size=1, max_size=4)
        ),
    },
    optional={
        "aliases": maybe(st.lists(st.sampled_from(["jr", "sr", "l", *SHELL]), max_size=2, unique=True)),
        "responsibilities": maybe(st.lists(names, max_size=2)),
        "next": maybe(
            st.lists(
                st.fixed_dictionaries(
                    {"role": maybe(st.sampled_from(ROLE_IDS)), "years": maybe(st.floats(0, 9))}
                ),
                max_size=2,
            )
        ),
    },
)
skills_doc = st.fixed_dictionaries(
    {"version": maybe(st.just(1)), "skills": maybe(st.lists(skill, min_size=1, max_size=4))},
    optional={"scale": maybe(st.lists(names, min_size=6, max_size=6))},
)
roles_doc = st.fixed_dictionaries(
    {"version": maybe(st.just(1)), "roles": maybe(st.lists(role, min_size=1, max_size=4))},
    optional={"about": maybe(st.fixed_dictionaries({}, optional={"name": names, "source": names}))},
)
skill_keys = st.one_of(st.sampled_from(SKILL_IDS), st.sampled_from(SKILL_IDS), st.integers(-1, 6), text)
answers_doc = maybe(st.dictionaries(skill_keys, maybe(levels), max_size=4))

moments = st.one_of(
    st.sampled_from(["2026-05-01T10:00:00Z", "2026-05-01 10:00:00", "yesterday", "2026-13-45"]),
    st.datetimes(timezones=st.none() | st.timezones()),
)
assessment = st.fixed_dictionaries(
    {"at": maybe(moments), "kb": maybe(names)},
    optional={
        "current": maybe(st.sampled_from(ROLE_IDS)),
        "target": maybe(st.sampled_from(ROLE_IDS)),
        "complete": maybe(st.booleans()),
        "skills": maybe(st.lists(st.sampled_from(SKILL_IDS), max_size=3)),
        "levels": maybe(st.dictionaries(skill_keys, maybe(levels), max_size=3)),
        "notes": maybe(st.dictionaries(skill_keys, maybe(names), max_size=2)),
    },
)
profile_doc = st.fixed_dictionaries(
    {"version": maybe(st.just(1)), "assessments": maybe(st.lists(assessment, max_size=3))},
    optional={
        "current": maybe(st.sampled_from(ROLE_IDS)),
        "target": maybe(st.sampled_from(ROLE_IDS)),
        "schema": maybe(st.just("careerctl.profile/1")),
    },
)
# Edits to the YAML text: cut a slice, or splice in syntax that parsers find hard.
SPLICES = [
    "\t",
    "- ",
    ": ",
    "[",
    "]",
    "{",
    "}",
    "&a ",
    "*a",
    "<<: ",
    "!!python/object ",
    "---\n",
    "\x00",
    "\ufeff",
    '"\\',
    "'",
    "? ",
    "|\n",
    "#",
]
edits = st.lists(st.tuples(st.floats(0, 1), st.integers(0, 4), st.sampled_from(SPLICES)), max_size=3)


def dump(doc: Any, cuts: list[tuple[float, int, str]]) -> bytes:
    """`doc` as YAML, with the edits applied."""
    text = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=60)
    for where, cut, splice in cuts:
        at = int(where * len(text))
        text = text[:at] + splice + text[at + cut :]
    return text.encode("utf-8", "surrogatepass")


def check_kb_file(skills_bytes: bytes, roles_bytes: bytes) -> None:
    """Load the KB; when it loads, plan, route and match on it. Only careerctl errors may escape."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "skills.yaml").write_bytes(skills_bytes)
        (folder / "roles.yaml").write_bytes(roles_bytes)
        try:
            kb = load_kb(folder).kb
        except CareerctlError:
            return
    tokens = [*(r.track for r in kb.roles.values()), *(s.category for s in kb.skills.values())]
    tokens += [alias for r in kb.roles.values() for alias in r.aliases]
    assert all(is_token(token, spaces=True) for token in [*tokens, *kb.roles, *kb.skills]), tokens
    words = [t for s in kb.skills.values() for t in s.technologies]
    words += [t for s in kb.skills.values() for r in s.resources for t in r.stack]
    assert all(is_token(word) for word in words), words  # technologies and stacks: one word each
    have = {skill_id: 2 for skill_id in kb.skills}
    for role_id in kb.roles:
        match_roles(kb, have)
        for other in kb.roles:
            try:
                build_plan(kb, other, have, current_id=role_id)
                find_routes(kb, role_id, other, 2, have)
            except CareerctlError:
                pass


def check_cli(kb: tuple[bytes, bytes] | None, answers: bytes, profile: bytes, command: list[str]) -> None:
    """Run one command on the files: exit 0, 1 or 2, no traceback, nothing that acts on a terminal.

    With `kb` None, the command runs on the two-skill KB of kbfiles.py.
    """
    with tempfile.TemporaryDirectory() as tmp:
        folder = write_kb(Path(tmp) / "kb")
        if kb is not None:
            (folder / "skills.yaml").write_bytes(kb[0])
            (folder / "roles.yaml").write_bytes(kb[1])
        files = {"ANSWERS": Path(tmp) / "answers.yaml", "PROFILE": Path(tmp) / "profile.yaml"}
        files["ANSWERS"].write_bytes(answers)
        files["PROFILE"].write_bytes(profile)
        args = ["--kb", str(folder), "--profile", str(files["PROFILE"])]
        args += [str(files[part]) if part in files else part for part in command]
        result = CliRunner().invoke(app, args, env={"CAREERCTL_CACHE_DIR": f"{tmp}/cache"})
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code in (0, 1, 2)
    assert "Traceback" not in result.stderr
    assert "\x1b" not in result.stdout + result.stderr and "\x9b" not in result.stdout + result.stderr
    if result.exit_code == 2 and command[0] != "kb":
        assert result.stdout == "" and result.stderr.startswith("careerctl: ")


COMMANDS = [
    ["roles"],
    ["roles", "--tree"],
    ["skills"],
    ["show", "junior"],
    ["show", "sql"],
    ["kb", "validate"],
    ["kb", "stats"],
    ["match", "--answers", "ANSWERS"],
    ["plan", "--answers", "ANSWERS", "--target", "senior"],
    ["path", "junior", "senior", "--answers", "ANSWERS"],
    ["roles", "--json"],
    ["match", "--answers", "ANSWERS", "--json"],
]
PROFILE_COMMANDS = [
    ["profile", "show"],
    ["profile", "show", "--json"],
    ["profile", "export"],
    ["progress"],
    ["plan"],
    ["match"],
    ["path", "junior", "senior"],
    ["assess", "--current", "junior", "--target", "senior", "--answers", "ANSWERS"],
    ["assess", "--current", "junior", "--target", "senior", "--set", "sql=2", "--json"],
    ["profile", "import", "PROFILE"],
]
kb_files = st.tuples(st.tuples(skills_doc, edits), st.tuples(roles_doc, edits))
raw_yaml = st.text(alphabet="ab1 :-?*&!|>'\"#[]{},.\n\t\\%@`", max_size=60)


def check_raw(text: str) -> None:
    """Arbitrary YAML-ish text parses to data or fails with an InputError."""
    with contextlib.suppress(CareerctlError):
        parse_yaml(text.encode("utf-8"), Path("fuzz.yaml"), Limits())


def check_answers(doc: Any, cuts: list[tuple[float, int, str]], kb_folder: Path) -> None:
    """An answers file gives levels 0..5 for known skills, or an InputError."""
    kb = load_kb(kb_folder).kb
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "answers.yaml"
        path.write_bytes(dump(doc, cuts))
        try:
            found = read_answers(path, kb)
        except CareerctlError:
            return
    assert all(skill in kb.skills and 0 <= level <= 5 for skill, level in found.items())


def check_profile(doc: Any, cuts: list[tuple[float, int, str]]) -> None:
    """A profile file loads as a Profile of well-formed assessments, or fails with an InputError."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "profile.yaml"
        path.write_bytes(dump(doc, cuts))
        try:
            found = read_profile(path)
        except CareerctlError:
            return
    assert found is not None
    for item in found.assessments:
        assert all(0 <= level <= 5 for level in item.levels.values())
        assert all(isinstance(note, str) and "\n" not in note for note in item.notes.values())


MINI = write_kb(Path(tempfile.mkdtemp(prefix="careerctl-fuzz-")) / "kb")


@QUICK
@given(kb_files)
def test_generated_kbs_load_or_fail_cleanly(files: Any) -> None:
    (skills, skill_edits), (roles, role_edits) = files
    check_kb_file(dump(skills, skill_edits), dump(roles, role_edits))


@QUICK
@given(raw_yaml)
def test_yaml_like_text_parses_or_fails_cleanly(text_: str) -> None:
    check_raw(text_)


@QUICK
@given(answers_doc, edits)
def test_generated_answers_read_or_fail_cleanly(doc: Any, cuts: list[tuple[float, int, str]]) -> None:
    check_answers(doc, cuts, MINI)


@QUICK
@given(kb_files, st.tuples(answers_doc, edits), st.sampled_from(COMMANDS))
def test_generated_files_through_the_cli(files: Any, answers: Any, command: list[str]) -> None:
    (skills, skill_edits), (roles, role_edits) = files
    check_cli((dump(skills, skill_edits), dump(roles, role_edits)), dump(*answers), b"", command)


@QUICK
@given(profile_doc, edits)
def test_generated_profiles_read_or_fail_cleanly(doc: Any, cuts: list[tuple[float, int, str]]) -> None:
    check_profile(doc, cuts)


@QUICK
@given(st.tuples(profile_doc, edits), st.tuples(answers_doc, edits), st.sampled_from(PROFILE_COMMANDS))
def test_generated_profiles_through_the_cli(profile: Any, answers: Any, command: list[str]) -> None:
    check_cli(None, dump(*answers), dump(*profile), command)


@pytest.mark.fuzz
@FUZZ
@given(kb_files)
def test_fuzz_kb_loader(files: Any) -> None:
    (skills, skill_edits), (roles, role_edits) = files
    check_kb_file(dump(skills, skill_edits), dump(roles, role_edits))


@pytest.mark.fuzz
@FUZZ
@given(raw_yaml)
def test_fuzz_yaml_parser(text_: str) -> None:
    check_raw(text_)


@pytest.mark.fuzz
@FUZZ
@given(answers_doc, edits)
def test_fuzz_answers(doc: Any, cuts: list[tuple[float, int, str]]) -> None:
    check_answers(doc, cuts, MINI)


@pytest.mark.fuzz
@FUZZ
@given(profile_doc, edits)
def test_fuzz_profiles(doc: Any, cuts: list[tuple[float, int, str]]) -> None:
    check_profile(doc, cuts)


@pytest.mark.fuzz
@FUZZ_CLI
@given(kb_files, st.tuples(answers_doc, edits), st.sampled_from(COMMANDS))
def test_fuzz_cli(files: Any, answers: Any, command: list[str]) -> None:
    (skills, skill_edits), (roles, role_edits) = files
    check_cli((dump(skills, skill_edits), dump(roles, role_edits)), dump(*answers), b"", command)


@pytest.mark.fuzz
@FUZZ_CLI
@given(st.tuples(profile_doc, edits), st.tuples(answers_doc, edits), st.sampled_from(PROFILE_COMMANDS))
def test_fuzz_cli_profiles(profile: Any, answers: Any, command: list[str]) -> None:
    check_cli(None, dump(*answers), dump(*profile), command)
