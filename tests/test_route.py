"""Routes through the role graph: costs, order of alternatives, no route, next rung."""

from __future__ import annotations

import pytest

from careerctl.errors import NoResult, UnknownName
from careerctl.model import KnowledgeBase
from careerctl.route import Leg, Raise, Route, find_route, find_routes, next_rung, track_switches
from factories import kb, role, skill

DOUBLING = (1, 2, 4, 8, 16)


def diamond() -> KnowledgeBase:
    """A -> B -> D, A -> C -> D and a direct A -> D; every skill costs 1, 2, 4, 8, 16 h."""
    # Edge hours (levels "at A" are A's, which requires nothing):
    #   A -> B: x 0->2 = 1+2 = 3          B -> D: y 0->2 = 1+2 = 3      A-B-D = 6
    #   A -> C: y 0->1 = 1, z 0->1 = 1    C -> D: x 0->2 = 3, y 1->2 = 2  A-C-D = 2+5 = 7
    #   A -> D: x 0->2 = 3, y 0->2 = 3                                  A-D = 6 (one hop)
    return kb(
        skills=[skill(s, effort=DOUBLING) for s in "xyz"],
        roles=[
            role("a", next=[("b", 1), ("c", 2), ("d", 4)]),
            role("b", {"x": 2}, next=[("d", 1.5)]),
            role("c", {"y": 1, "z": 1}, next=[("d", 1)]),
            role("d", {"x": 2, "y": 2}),
        ],
    )


def test_cheapest_route_prefers_fewer_hops_on_equal_hours() -> None:
    route = find_route(diamond(), "a", "d")
    assert route == Route(
        roles=["a", "d"],
        legs=[Leg("a", "d", 4.0, 6, [Raise("x", 0, 2, 3), Raise("y", 0, 2, 3)])],
        hours=6,
        years=4.0,
    )


def test_alternatives_in_order() -> None:
    routes = find_routes(diamond(), "a", "d", 5)
    assert [(r.roles, r.hours, r.years) for r in routes] == [
        (["a", "d"], 6, 4.0),
        (["a", "b", "d"], 6, 2.5),
        (["a", "c", "d"], 7, 3.0),
    ]
    legs = routes[2].legs
    assert [leg.raises for leg in legs] == [
        [Raise("y", 0, 1, 1), Raise("z", 0, 1, 1)],
        [Raise("x", 0, 2, 3), Raise("y", 1, 2, 2)],
    ]


def ladder_and_detour() -> KnowledgeBase:
    """A junior on a dev ladder can climb to the lead (dev, dev, then mgmt) or detour through qa."""
    # Edge hours, every skill 1, 2, 4, 8, 16 h a level:
    #   jr -> sr: x 0->3 = 7             sr -> lead: y 0->1 = 1          jr-sr-lead = 8, 1 change
    #   jr -> qa: y 0->1 = 1             qa -> lead: nothing more = 0    jr-qa-lead = 1, 2 changes
    return kb(
        skills=[skill(s, effort=DOUBLING) for s in "xy"],
        roles=[
            role("jr", next=[("sr", 2), ("qa", 1)], track="dev"),
            role("sr", {"x": 3}, next=[("lead", 3)], track="dev"),
            role("qa", {"y": 1}, next=[("lead", 2)], track="qa"),
            role("lead", {"y": 1}, track="mgmt"),
        ],
    )


def test_fewer_track_changes_beat_fewer_hours() -> None:
    routes = find_routes(ladder_and_detour(), "jr", "lead", 2)
    assert [(r.roles, r.hours) for r in routes] == [(["jr", "sr", "lead"], 8), (["jr", "qa", "lead"], 1)]


def test_track_switches_name_the_tracks_and_the_role_joined() -> None:
    route = find_route(ladder_and_detour(), "jr", "lead")
    assert track_switches(ladder_and_detour(), route.roles) == [("dev", "mgmt", "lead")]
    assert track_switches(ladder_and_detour(), ["jr", "qa", "lead"]) == [
        ("dev", "qa", "qa"),
        ("qa", "mgmt", "lead"),
    ]


def test_k_limits_routes() -> None:
    assert [r.roles for r in find_routes(diamond(), "a", "d", 2)] == [
        ["a", "d"],
        ["a", "b", "d"],
    ]


def test_equal_routes_go_by_role_ids() -> None:
    # Without the direct edge, A-B-D and A-C'-D cost 6 with two hops each: b < c.
    k = kb(
        skills=[skill(s, effort=DOUBLING) for s in "xy"],
        roles=[
            role("a", next=[("c", 1), ("b", 1)]),
            role("c", {"x": 2}, next=[("d", 1)]),
            role("b", {"x": 2}, next=[("d", 1)]),
            role("d", {"x": 2, "y": 2}),
        ],
    )
    assert [r.roles for r in find_routes(k, "a", "d", 2)] == [["a", "b", "d"], ["a", "c", "d"]]


def test_a_route_stands_on_the_persons_levels_all_the_way() -> None:
    # With x 1 and y 2 the person only needs x 1->2 (2 h) for B. At B they stand on
    # max(person, B) = x 2, y 2, so B -> D costs nothing: A-B-D = 2, equal to A -> D direct
    # (x 1->2 = 2), which wins on fewer hops. A -> C: z 0->1 = 1; at C they stand on
    # x 1, y 2, z 1, so C -> D: x 1->2 = 2; A-C-D = 3.
    k = diamond()
    route = find_route(k, "a", "b", {"x": 1, "y": 2})
    assert route.legs[0].raises == [Raise("x", 1, 2, 2)]
    assert [(r.roles, r.hours) for r in find_routes(k, "a", "d", 3, {"x": 1, "y": 2})] == [
        (["a", "d"], 2),
        (["a", "b", "d"], 2),
        (["a", "c", "d"], 3),
    ]


def test_same_role_is_an_empty_route() -> None:
    assert find_route(diamond(), "b", "b") == Route(["b"], [], 0, 0.0)
    assert len(find_routes(diamond(), "b", "b", 3)) == 1


def test_no_route_is_no_result() -> None:
    k = kb(
        roles=[
            role("senior", name="Senior Backend Developer"),
            role("intern", name="Backend Intern", next=[("senior", 3)]),
        ]
    )
    with pytest.raises(NoResult) as caught:
        find_route(k, "senior", "intern")
    assert str(caught.value) == (
        "There is no route from Senior Backend Developer to Backend Intern: "
        "no chain of transitions leads there."
    )
    assert caught.value.exit_code == 1


def test_unknown_role_is_unknown_name() -> None:
    with pytest.raises(UnknownName):
        find_route(diamond(), "a", "nope")


def test_k_must_be_positive() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        find_routes(diamond(), "a", "d", 0)


def test_cycles_do_not_loop() -> None:
    k = kb(roles=[role("a", next=[("b", 1)]), role("b", next=[("a", 1), ("c", 1)]), role("c")])
    assert [r.roles for r in find_routes(k, "a", "c", 5)] == [["a", "b", "c"]]


def ladder() -> KnowledgeBase:
    """A backend ladder (j 1, m 2, s 3, p 4), a manager track, and a dead end."""
    return kb(
        skills=[skill("x", effort=DOUBLING)],
        roles=[
            # from j: m costs x 0->2 = 3 h, s costs x 0->1 = 1 h; both backend and above j
            role("j", next=[("mgr", 1), ("m", 2), ("s", 3)], track="be", seniority=1),
            role("m", {"x": 2}, next=[("mgr", 1)], track="be", seniority=2),
            role("s", {"x": 1}, track="be", seniority=3),
            role("p", track="be", seniority=4),
            role("mgr", next=[("vp", 2), ("cto", 2)], track="mgmt", seniority=5),
            role("vp", track="exec", seniority=6),
            role("cto", track="exec", seniority=6),
        ],
    )


@pytest.mark.parametrize(
    ("role_id", "expected"),
    [
        ("j", "s"),  # cheapest direct move up the same track
        ("m", "s"),  # no direct move up: lowest rung above m on the track (s 3 < p 4)
        ("mgr", "cto"),  # nothing above on mgmt: first direct move by id
        ("p", None),  # top of its track, no moves
        ("vp", None),
    ],
)
def test_next_rung(role_id: str, expected: str | None) -> None:
    assert next_rung(ladder(), role_id) == expected


def test_next_rung_prices_moves_from_the_persons_levels() -> None:
    # From j's levels, s (x 0->1 = 1 h) beats m (x 0->2 = 3 h); with x 2 both cost 0: m < s.
    assert next_rung(ladder(), "j", {"x": 2}) == "m"


def test_levels_carry_from_every_earlier_rung() -> None:
    # a -> b -> c -> d. b needs x 3 (1+2+4 = 7 h); c needs y 1 only; d needs x 3 again. At d the
    # route still stands on b's x 3, so c -> d costs nothing (it used to start from c's x 0).
    k = kb(
        skills=[skill(s, effort=DOUBLING) for s in "xy"],
        roles=[
            role("a", next=[("b", 1)]),
            role("b", {"x": 3}, next=[("c", 1)]),
            role("c", {"y": 1}, next=[("d", 1)]),
            role("d", {"x": 3}),
        ],
    )
    route = find_route(k, "a", "d")
    assert [leg.hours for leg in route.legs] == [7, 1, 0]
    assert route.hours == 8


def test_an_edge_counts_the_prerequisites_it_needs() -> None:
    # b needs x 2; x 2 needs p 1 (1 h), which b does not list: the edge is x 0->2 (3 h) + p 0->1.
    k = kb(
        skills=[skill("x", requires={2: {"p": 1}}, effort=DOUBLING), skill("p", effort=DOUBLING)],
        roles=[role("a", next=[("b", 1)]), role("b", {"x": 2})],
    )
    (leg,) = find_route(k, "a", "b").legs
    assert leg.raises == [Raise("p", 0, 1, 1), Raise("x", 0, 2, 3)]
    assert leg.hours == 4


def test_a_closed_climb_is_the_climb_from_nothing_with_or_without_prerequisites() -> None:
    """Climber.closed is raises({}, ...): on a KB with prerequisites, and on one without (its quick path)."""
    from careerctl.climb import Climber, needs_of
    from careerctl.kb import bundled_kb_dir
    from careerctl.kb.load import load_kb

    bundled_kb = load_kb(bundled_kb_dir()).kb

    flat = kb(skills=[skill(s) for s in "xyz"], roles=[role("a", {"x": 2, "y": 7}), role("b", {"z": 0})])
    for k in (bundled_kb, flat):
        climber = Climber(k)
        for r in k.roles.values():
            assert climber.closed(r.needed()) == climber.raises({}, needs_of(r.needed())), r.id
    assert Climber(flat).closed(flat.roles["a"].needed()) == {"x": 2, "y": 5}
