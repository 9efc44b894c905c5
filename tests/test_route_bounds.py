"""Route search does bounded work: --alternatives is capped, and Yen's loop stops within a budget."""

from __future__ import annotations

import pytest

from careerctl.errors import InputError
from careerctl.route import MAX_ALTERNATIVES, find_routes
from factories import kb, role


def ladder(rungs: int, width: int):  # type: ignore[no-untyped-def]
    """`rungs` layers of `width` roles, each linked to every role of the next layer: many equal routes."""
    roles = [role("start", next=[(f"r0-{j}", 1) for j in range(width)])]
    for i in range(rungs):
        last = i == rungs - 1
        moves = [("end", 1)] if last else [(f"r{i + 1}-{j}", 1) for j in range(width)]
        roles += [role(f"r{i}-{j}", next=moves) for j in range(width)]
    return kb(roles=[*roles, role("end")])


def test_alternatives_are_capped_with_a_clear_message() -> None:
    with pytest.raises(
        InputError, match=r"--alternatives: at most 20 alternative routes are searched, not 21"
    ):
        find_routes(ladder(2, 2), "start", "end", MAX_ALTERNATIVES + 2)
    assert len(find_routes(ladder(3, 3), "start", "end", MAX_ALTERNATIVES + 1)) == 21


def test_the_number_in_the_message_is_cut_short() -> None:
    with pytest.raises(InputError) as caught:
        find_routes(ladder(2, 2), "start", "end", 10**300)
    assert len(str(caught.value)) < 150


def test_ties_between_many_equal_routes_go_to_the_lowest_role_ids() -> None:
    routes = find_routes(ladder(30, 4), "start", "end", 3)
    assert routes[0].roles == ["start", *(f"r{i}-0" for i in range(30)), "end"]
    assert routes[1].roles == ["start", *(f"r{i}-0" for i in range(29)), "r29-1", "end"]
