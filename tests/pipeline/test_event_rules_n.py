"""Event rules added in session 13 (causes found in gold/dev-y.yaml, terse digest items).
Each rule is tested on sentences written for the test (never the development reports)."""

from __future__ import annotations

from typing import Any

from extracted import events_in
from extracted import one_event as one

from sitrep.pipeline.quantities import find_quantities


def _counts(text: str, kind: str = "killed") -> list[tuple[int, str | None]]:
    return [(q.count.value, q.side) for q in find_quantities(text) if q.kind == kind]


# ------------------------------------------------------------------------------- counts


def test_one_victim_with_a_modifier_before_the_passive_counts_one() -> None:
    assert _counts("A nurse from the district clinic was killed in the crossfire.") == [(1, None)]
    assert [c for c, _ in _counts("A herder who refused to hand over his cattle was shot "
                                  "dead.")] == [1]
    # the modifier belongs to one person only: "an operation in which ..." is no victim
    assert [c for c, _ in _counts("Soldiers raided a camp in an operation in which two "
                                  "commandos and five kidnappers were killed.")] == [7]


def test_the_holder_of_a_one_person_role_killed_counts_one() -> None:
    assert [c for c, _ in _counts("The deputy mayor was gunned down outside the town "
                                  "hall.")] == [1]
    assert _counts("The village was burned down.") == []


def test_n_of_the_wounded_who_died_are_no_count_of_wounded() -> None:
    assert _counts("Four of the wounded later died at the regional hospital.", "injured") == []
    assert _counts("Four of the wounded later died at the regional hospital.") == []


def test_people_taken_to_hospital_are_hurt() -> None:
    assert _counts("One guard died and seven were taken to hospital in Dori.",
                   "injured") == [(7, None)]
    assert _counts("Twelve passengers were admitted to hospital after the blast.",
                   "injured") == [(12, "civilians")]
    assert _counts("The three bodies were taken to hospital.", "injured") == []


def test_shot_n_of_them_dead_is_a_toll() -> None:  # a guard: the "N ... dead" noun pattern
    assert [c for c, _ in _counts("Gunmen stopped a lorry and shot three of them dead.")] == [3]


def test_same_side_coordinated_counts_add_up() -> None:
    assert _counts("Gunmen abducted nine women and a girl at the well.",
                   "abducted") == [(10, "civilians")]
    assert _counts("The ambush killed three soldiers and two gendarmes.") == [(5, "forces")]
    # two sides stay two counts
    assert _counts("The ambush killed three soldiers and two civilians.") == [
        (3, "forces"), (2, "civilians")]


def test_a_young_man_and_inmates_have_a_side() -> None:
    assert _counts("A young man was shot dead at the roadblock.") == [(1, "civilians")]
    assert _counts("Six inmates died in the assault.") == [(6, "civilians")]


# ------------------------------------------------------------------------------- events


def test_a_hedge_inside_a_relative_clause_does_not_hedge_the_killing(pack: Any) -> None:
    evs = events_in(pack, "Armed men abducted four traders near Tillabéri on Tuesday. A "
                          "shepherd who tried to stop them was shot dead.", "2021-03-04")
    assert len(evs) == 1
    assert evs[0]["fatalities"] == 1
    # a hedge of the main verb still holds: "tried to kill" is no killing
    assert not events_in(pack, "A man tried to kill the mayor of Tillabéri on Tuesday.",
                         "2021-03-04")


def test_hospital_count_and_a_second_victim_reach_the_event(pack: Any) -> None:
    e = one(pack, "A bus hit a mine near Boni on Monday. Three passengers died and nine were "
                  "taken to hospital in Douentza.", "2019-05-08")
    assert e["fatalities"] == 3
    assert e["injured"] == 9
