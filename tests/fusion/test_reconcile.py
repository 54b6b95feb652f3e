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


def test_assembled_event_lists_each_actor_once_and_counts_copies_once() -> None:
    from sitrep.model import Statement
    from sitrep.store.events import assemble_event

    def st(subject: str, prop: str, value: str, doc: str) -> Statement:
        return Statement(f"mention:{subject}", prop, value, doc, 0, 5, "quote", None,
                         "asserted", 1.0, "test")

    stmts = [st("m1", "event_type", "Battles", "d1"), st("m1", "actor2", "fama", "d1"),
             st("m1", "actor2", "wagner", "d1"), st("m2", "event_type", "Battles", "d2"),
             st("m2", "assoc_actor_2", "wagner", "d2"),
             st("m1", "fatalities", '{"low": 10, "high": null, "point": 10}', "d1"),
             st("m2", "fatalities", '{"low": 50, "high": null, "point": 50}', "d2")]
    row = assemble_event("e1", stmts, None)
    assert row["actor2"] == "Fama" and row["assoc_actor_2"] == "Wagner"
    assert (row["fatalities_low"], row["fatalities_high"]) == (10, 50)
    copied = assemble_event("e1", stmts, None, {"d2": "d1"})  # d2 is a wire copy of d1
    assert (copied["fatalities_low"], copied["fatalities_high"]) == (10, 10)
