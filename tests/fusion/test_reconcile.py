from __future__ import annotations

from sitrep.fusion import Figure, reconcile_figures
from sitrep.fusion.reconcile import choose_most_precise


def test_at_least_and_exact_figures_give_a_range_with_a_conservative_best() -> None:
    r = reconcile_figures([Figure(77, None, "reported", "d1"), Figure(90, 90, "reported", "d2")])
    assert (r.low, r.best, r.high) == (77, 77, 90)
    assert len(r.figures) == 2


def test_denied_and_copied_figures_are_kept_but_do_not_weigh() -> None:
    r = reconcile_figures([
        Figure(20, 20, "asserted", "d1"),
        Figure(300, 300, "denied", "d2"),
        Figure(500, 500, "asserted", "d3", independent=False),
    ])
    assert (r.low, r.best, r.high) == (20, 20, 20)
    assert len(r.figures) == 3


def test_asserted_figures_outweigh_claims_for_best() -> None:
    r = reconcile_figures([Figure(100, 100, "claimed", "d1"), Figure(40, 40, "asserted", "d2")])
    assert r.best == 40 and r.high == 100


def test_nothing_weighing_gives_unknown() -> None:
    r = reconcile_figures([Figure(5, 5, "denied", "d1")])
    assert r.best is None and r.figures


def test_most_precise_value_wins_then_support() -> None:
    assert choose_most_precise([("2015", 2, 1.0), ("2015-11-20", 0, 0.8)]) == "2015-11-20"
    assert choose_most_precise([("a", 0, 0.5), ("b", 0, 1.0), ("a", 0, 0.4)]) == "b"
    assert choose_most_precise([("x", 0, 0.0)]) is None
