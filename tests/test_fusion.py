"""Reciprocal rank fusion: scores are sums of weight / (k + rank), best first, ties broken by name."""

from __future__ import annotations

from collections.abc import Hashable, Sequence

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qa.fusion import rrf


def _reference(
    rankings: Sequence[Sequence[Hashable]], k: int = 60, weights: Sequence[float] | None = None
) -> list[tuple[Hashable, float]]:
    """The textbook definition, written out longhand."""
    if weights is None:
        weights = [1.0] * len(rankings)
    items: list[Hashable] = []
    for ranking in rankings:
        for item in ranking:
            if item not in items:
                items.append(item)
    totals = {}
    for item in items:
        total = 0.0
        for ranking, weight in zip(rankings, weights, strict=True):
            for position, other in enumerate(ranking):
                if other == item:
                    total += weight / (k + position + 1)
        totals[item] = total
    return sorted(totals.items(), key=lambda pair: (-pair[1], str(pair[0])))


def _approx(pairs: list[tuple[Hashable, float]]) -> list[tuple[Hashable, object]]:
    return [(item, pytest.approx(score, rel=1e-12, abs=0)) for item, score in pairs]


def test_single_list_keeps_its_order_with_reciprocal_scores() -> None:
    assert rrf([["a", "b", "c"]], k=60) == _approx([("a", 1 / 61), ("b", 1 / 62), ("c", 1 / 63)])


def test_two_lists_sum_hand_computed_scores() -> None:
    fused = rrf([["a", "b", "c"], ["c", "a", "d"]], k=60)
    assert fused == _approx(
        [
            ("a", 1 / 61 + 1 / 62),
            ("c", 1 / 63 + 1 / 61),
            ("b", 1 / 62),
            ("d", 1 / 63),
        ]
    )


def test_small_k_hand_computed() -> None:
    # k=1: ranks 1, 2, 3 are worth 1/2, 1/3, 1/4.
    fused = rrf([[1, 2, 3], [3, 2]], k=1)
    assert fused == _approx([(3, 1 / 4 + 1 / 2), (2, 1 / 3 + 1 / 3), (1, 1 / 2)])


def test_default_k_is_60() -> None:
    assert rrf([["x"]]) == _approx([("x", 1 / 61)])


def test_item_in_both_lists_beats_item_top_of_one() -> None:
    fused = [item for item, _ in rrf([["solo", "both"], ["other", "both"]], k=60)]
    assert fused[0] == "both"


def test_weights_scale_each_list() -> None:
    fused = rrf([["a", "b"], ["b", "a"]], k=10, weights=[2.0, 0.5])
    assert fused == _approx([("a", 2 / 11 + 0.5 / 12), ("b", 2 / 12 + 0.5 / 11)])


def test_heavier_weight_decides_the_winner() -> None:
    assert rrf([["a", "b"], ["b", "a"]], weights=[1.0, 3.0])[0][0] == "b"
    assert rrf([["a", "b"], ["b", "a"]], weights=[3.0, 1.0])[0][0] == "a"


def test_zero_weight_ignores_a_list() -> None:
    fused = rrf([["a", "b"], ["z", "b"]], k=60, weights=[1.0, 0.0])
    assert fused == _approx([("a", 1 / 61), ("b", 1 / 62), ("z", 0.0)])


def test_weights_length_must_match_rankings() -> None:
    with pytest.raises(ValueError):
        rrf([["a"], ["b"]], weights=[1.0])


def test_ties_are_broken_by_string_form_whatever_the_input_order() -> None:
    # a and b tie exactly (each ranked 1st once and 2nd once).
    assert [i for i, _ in rrf([["b", "a"], ["a", "b"]])] == ["a", "b"]
    assert [i for i, _ in rrf([["a", "b"], ["b", "a"]])] == ["a", "b"]


def test_integer_ties_are_ordered_by_their_string_form() -> None:
    # 10 and 9 tie; str(10) == "10" sorts before "9".
    assert [i for i, _ in rrf([[9, 10], [10, 9]])] == [10, 9]


def test_tied_items_from_different_lists_same_rank() -> None:
    fused = rrf([["m"], ["c"], ["x"]], k=60)
    assert [i for i, _ in fused] == ["c", "m", "x"]
    assert len({s for _, s in fused}) == 1


def test_empty_inputs() -> None:
    assert rrf([]) == []
    assert rrf([[], []]) == []


def test_matches_reference_on_fixed_example() -> None:
    rankings = [[5, 3, 8, 1], [8, 5, 2], [1, 2, 3, 4, 5]]
    assert rrf(rankings, k=3) == _approx(_reference(rankings, k=3))
    assert rrf(rankings, k=3, weights=[1.0, 0.25, 2.0]) == _approx(
        _reference(rankings, k=3, weights=[1.0, 0.25, 2.0])
    )


@given(
    rankings=st.lists(
        st.lists(st.integers(0, 30), unique=True, max_size=12),
        min_size=1,
        max_size=4,
    ),
    k=st.integers(1, 100),
)
def test_matches_reference_implementation(rankings: list[list[int]], k: int) -> None:
    # Both add the same terms in the same order, so the floats agree bit for bit.
    assert rrf(rankings, k=k) == _reference(rankings, k=k)
