"""The profile file: round trips, permissions, clear errors that name the file, reset and import."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careerctl.errors import InputError
from careerctl.model import Assessment, Profile
from careerctl.store import (
    dump_profile,
    import_profile,
    list_backups,
    load_profile,
    profile_dict,
    read_profile,
    reset_profile,
    restore_profile,
    write_profile,
)

ONE = Assessment(
    at="2026-05-01T10:00:00Z",
    kb="abc123",
    current="junior",
    target="mid",
    skills=("coding", "sql"),
    levels={"coding": 2, "sql": 1},
    notes={"sql": "wrote the: report 'queries' # really"},
    complete=True,
)
PROFILE = Profile("junior", "mid", (ONE,))


def test_a_written_profile_reads_back_the_same(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "profile.yaml"
    write_profile(path, PROFILE)
    assert read_profile(path) == PROFILE


def test_the_persons_stack_is_kept_and_an_old_profile_has_none(tmp_path: Path) -> None:
    path = tmp_path / "profile.yaml"
    write_profile(path, Profile("junior", "mid", (ONE,), stack="python"))
    assert "stack: python" in path.read_text(encoding="utf-8")
    assert read_profile(path) == Profile("junior", "mid", (ONE,), stack="python")
    write_profile(path, PROFILE)
    assert "stack" not in path.read_text(encoding="utf-8") and read_profile(path) == PROFILE


def test_the_profile_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "profile.yaml"
    write_profile(path, PROFILE)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_no_file_means_no_profile(tmp_path: Path) -> None:
    assert read_profile(tmp_path / "missing.yaml") is None


def test_the_file_is_plain_yaml_a_person_can_read(tmp_path: Path) -> None:
    text = dump_profile(PROFILE).decode()
    assert (
        "current: junior\n" in text
        and "skills: [coding, sql]\n" in text
        and "at: '2026-05-01T10:00:00Z'" in text
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("version: 1\nassessments: [\n", "3: invalid YAML"),
        ("- a list\n", "1: must be a mapping with 'version: 1' and 'assessments:', not a list"),
        ("", "1: must be a mapping with 'version: 1' and 'assessments:', not empty"),
        ("version: 2\n", "1: version: must be 1 (found 2)"),
        ("version: 1\nfavourite: tea\n", "2: favourite: unknown key"),
        ("version: 1\nversion: 1\n", "2: invalid YAML: duplicate key 'version'"),
        (
            "version: 1\nassessments:\n  - at: '2026-05-01T10:00:00Z'\n    kb: x\n    levels: {sql: 7}\n",
            "5: assessments[0].levels.sql: level 7 is outside 0..5",
        ),
        ("version: 1\nassessments:\n  - at: yesterday\n    kb: x\n", "3: assessments[0].at: must be a time"),
        ("version: 1\nassessments:\n  - kb: x\n", "3: assessments[0].at: is missing"),
        (
            "version: 1\nassessments:\n  - {at: '2026-05-01', kb: x, complete: maybe}\n",
            "3: assessments[0].complete: must be true or false, not text",
        ),
    ],
)
def test_a_damaged_profile_is_named_and_left_untouched(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "profile.yaml"
    path.write_text(text)
    with pytest.raises(InputError) as caught:
        read_profile(path)
    assert str(caught.value).startswith(f"{path}:{message}")
    assert str(caught.value).endswith(
        "run `careerctl profile reset` to start over (the old file is kept in backups/)"
    )
    assert path.read_text() == text


def test_an_unquoted_timestamp_written_by_hand_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "profile.yaml"
    path.write_text(
        "version: 1\nassessments:\n  - {at: 2026-05-01 12:00:00+02:00, kb: x, levels: {sql: 2}}\n"
    )
    profile = read_profile(path)
    assert profile is not None and profile.assessments[0].at == "2026-05-01T10:00:00Z"
    assert profile.assessments[0].skills == ("sql",) and profile.assessments[0].complete


AT = "2026-05-01T10:00:00Z"


def test_reset_keeps_the_old_profile_in_a_dated_backup(tmp_path: Path) -> None:
    path = tmp_path / "profile.yaml"
    path.write_text("not: [valid")
    backup = reset_profile(path, AT)
    assert backup == tmp_path / "backups" / "profile-20260501T100000Z.yaml"
    assert backup.read_text() == "not: [valid" and backup.stat().st_mode & 0o777 == 0o600
    assert not path.exists() and reset_profile(path, AT) is None


def test_reset_twice_then_restore_brings_the_first_history_back(tmp_path: Path) -> None:
    path = tmp_path / "profile.yaml"
    write_profile(path, PROFILE)
    first = reset_profile(path, AT)
    write_profile(path, Profile("mid", "senior"))
    second = reset_profile(path, AT)  # the same second: the names still differ
    assert first is not None and second is not None and first != second
    assert list_backups(path) == [second, first]
    restored, replaced = restore_profile(path, first, "2026-05-02T10:00:00Z")
    assert restored == PROFILE == read_profile(path) and replaced is None
    assert first.exists()  # a backup stays a backup


def test_import_replaces_the_profile_and_keeps_the_old_one(tmp_path: Path) -> None:
    path, source = tmp_path / "profile.yaml", tmp_path / "other.yaml"
    write_profile(path, Profile("mid", "senior"))
    old = path.read_bytes()
    write_profile(source, PROFILE)
    profile, backup = import_profile(source, path, AT)
    assert profile == PROFILE == read_profile(path)
    assert backup is not None and backup.read_bytes() == old


def test_a_json_export_imports_back(tmp_path: Path) -> None:
    import msgspec

    from careerctl.app import profile_doc

    source = tmp_path / "export.json"
    source.write_text(json.dumps(msgspec.to_builtins(profile_doc(PROFILE))))
    assert load_profile(source) == PROFILE


ids = st.text("abcdefghijklmnopqrstuvwxyz-", min_size=1, max_size=12)
assessments = st.builds(
    Assessment,
    at=st.datetimes(min_value=__import__("datetime").datetime(2000, 1, 1)).map(
        lambda d: d.strftime("%Y-%m-%dT%H:%M:%SZ")
    ),
    kb=st.text("0123456789abcdef", max_size=40),
    current=ids,
    target=ids,
    skills=st.lists(ids, unique=True).map(tuple),
    levels=st.dictionaries(ids, st.integers(0, 5)),
    notes=st.dictionaries(ids, st.text(min_size=1)),
    complete=st.booleans(),
)


@settings(max_examples=60, deadline=None)
@given(
    st.builds(
        Profile,
        current=st.none() | ids,
        target=st.none() | ids,
        assessments=st.lists(assessments, max_size=3).map(tuple),
    )
)
def test_any_profile_survives_a_round_trip(
    tmp_path_factory: pytest.TempPathFactory, profile: Profile
) -> None:
    path = tmp_path_factory.mktemp("p") / "profile.yaml"
    write_profile(path, profile)
    back = read_profile(path)
    assert back is not None
    # every skill with a level is in the skills list; a note is one line
    expected = [
        {
            **a,
            "skills": list(dict.fromkeys([*a["skills"], *a["levels"]])),
            "notes": {k: " ".join(v.split()) for k, v in a["notes"].items() if v.strip()},
        }
        for a in profile_dict(profile)["assessments"]
    ]
    assert profile_dict(back)["assessments"] == expected
    assert (back.current, back.target) == (profile.current, profile.target)
