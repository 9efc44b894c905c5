"""Nearest occupations by rarity-weighted shared features (the transitions of imported KBs)."""

from __future__ import annotations

from careerctl.kb.importers.similar import nearest, title_features

# x and y are held by 3 of 5 keys (weight ln 5/3 = 0.511), z by 2 (ln 5/2 = 0.916).
# As unit vectors: a = b = (x .707, y .707), c = (x 1), d = (z 1), e = (y .487, z .873).
ITEMS = {
    "a": {"x": 1.0, "y": 1.0},
    "b": {"x": 1.0, "y": 1.0},
    "c": {"x": 1.0},
    "d": {"z": 1.0},
    "e": {"y": 1.0, "z": 1.0},
}


def test_nearest_ranks_by_cosine_then_key() -> None:
    # a: b 1.0, c .707, e .344; c: a .707 = b .707 (key order); d: only e shares z (.873);
    # e: d .873, then a .344 = b .344.
    assert nearest(ITEMS, 2, common=1.0) == {
        "a": ["b", "c"],
        "b": ["a", "c"],
        "c": ["a", "b"],
        "d": ["e"],
        "e": ["d", "a"],
    }


def test_a_bonus_of_zero_rules_a_neighbour_out_and_a_bonus_reorders() -> None:
    def bonus(a: str, b: str) -> float:
        return 0.0 if (a, b) == ("a", "b") else 3.0 if (a, b) == ("a", "e") else 1.0

    assert nearest(ITEMS, 2, bonus, common=1.0)["a"] == ["e", "c"]  # e: 3 x .344 = 1.03 > c .707


def test_common_features_find_no_candidates() -> None:
    # 40 more keys holding only w: x and y (3 of 45) are held by at most 20 keys, so they
    # still find candidates; w (40 of 45, over a tenth and over 20) finds none
    items = {**ITEMS, **{f"k{i:02}": {"w": 1.0} for i in range(40)}}
    found = nearest(items, 2)
    assert found["a"] == ["b", "c"] and found["k00"] == []


def test_title_features_are_lower_case_words_without_numbers() -> None:
    assert title_features(["Registered Nurse (RN)", "ICU nurse 2", "x"]) == {
        "word:registered": 1.0,
        "word:nurse": 1.0,
        "word:rn": 1.0,
        "word:icu": 1.0,
    }


def test_a_typed_title_finds_its_slugged_alias() -> None:
    from careerctl.model import KnowledgeBase, Role
    from careerctl.names import find_role

    role = Role("computer-programmers", "Computer Programmers", ("java-programmer",), "t", 1, "", (), (), ())
    kb = KnowledgeBase(skills={}, roles={role.id: role})
    assert find_role(kb, "Java Programmer") is role
    assert find_role(kb, " java   programmer ") is role
