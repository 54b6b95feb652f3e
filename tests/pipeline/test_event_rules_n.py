"""Event rules added in session 13 (causes found in gold/dev-y.yaml, terse digest items).
Each rule is tested on sentences written for the test (never the development reports)."""

from __future__ import annotations

from typing import Any

from extracted import events_in
from extracted import one_event as one

from sitrep.pipeline.dates import Publication, find_dates
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


def test_a_hedge_in_a_suspicion_does_not_hedge_the_killing(pack: Any) -> None:
    e = one(pack, "A man suspected of trying to steal a goat was beaten to death by a crowd "
                  "in the market of Tera on Friday.", "2022-06-13")
    assert e["sub_event_type"] == "Mob violence"
    assert e["fatalities"] == 1


# ------------------------------------------------------------------------------- dates


def test_day_first_numeric_dates_of_incident_logs(pack: Any) -> None:
    pub = Publication.parse("2023-05-20")
    [d] = find_dates("07/05 – Kaya – an IED hit a truck.", pub)
    assert str(d.start_date) == "2023-05-07"
    [d] = find_dates("Gunmen raided the camp on 02/04/2019, witnesses said.", pub)
    assert str(d.start_date) == "2019-04-02"
    # a bare pair without a line or "on" to lead to it is no date
    assert find_dates("The clinic is open 24/7 and a 3/4 share was lost.", pub) == []
    e = one(pack, "Incident log, week to 20 May.\n\n12/05 – Djibo – Armed men stopped a bus "
                  "on the Djibo road and killed four passengers.", "2023-05-20")
    assert e["event_date"] == "2023-05-12"


def test_overnight_on_two_days_is_those_days(pack: Any) -> None:
    e = one(pack, "Armed men drove off some 300 head of cattle near Ténenkou overnight on 3-4 "
                  "May, herders said.", "2021-05-07")
    assert e["event_date"] == "2021-05-03"
    assert e["sub_event_type"] == "Looting/property destruction"


# ------------------------------------------------------------------------------- places


def test_where_the_wounded_or_the_displaced_went_is_not_the_place(pack: Any) -> None:
    # (the retelling names only the clinic the wounded went to: it is the same event, not a
    # second one there)
    e = one(pack, "On 21 August, armed men attacked the commune of Gorgadji, killing six "
                  "civilians, according to local authorities. Witnesses said about twenty gunmen "
                  "fired on traders at the market; six people were killed on the spot and four "
                  "wounded were evacuated to the medical centre in Dori. Since then an estimated "
                  "700 people have left for Dori and Seytenga.", "2022-08-30")
    assert e["location"] == "Gorgadji"


# ------------------------------------------------------------------------------- types


def test_explosive_belts_are_a_suicide_bombing(pack: Any) -> None:
    e = one(pack, "On 9 May two young men detonated explosive belts at the gate of the camp "
                  "for displaced people near Bosso, killing three residents.", "2018-05-11")
    assert e["sub_event_type"] == "Suicide bomb"


def test_rounds_that_fell_on_a_town_are_shelling(pack: Any) -> None:
    e = one(pack, "On Tuesday evening several shells fell on the outskirts of Ménaka, near "
                  "the airstrip; nobody was hurt, the governorate said.", "2023-02-16")
    assert e["sub_event_type"] == "Shelling/artillery/missile attack"


def test_taken_from_his_home_is_an_abduction(pack: Any) -> None:
    e = one(pack, "On 14 April a health worker was taken from his home in Sebba by armed men "
                  "on motorbikes.", "2021-04-16")
    assert e["sub_event_type"] == "Abduction/forced disappearance"


def test_shells_on_an_army_camp_have_an_unnamed_firer(pack: Any) -> None:
    e = one(pack, "On Sunday night several rockets were fired at the Malian army camp in "
                  "Tessalit, wounding two soldiers.", "2019-03-12")
    assert e["sub_event_type"] == "Shelling/artillery/missile attack"
    assert e["actor1"] == "Unidentified armed group"
    # shells with no named firer and no state target stay unattributed (often the state's own)
    e = one(pack, "On Sunday night shells fell on the outskirts of the village of Dinangourou, "
                  "residents said.", "2019-03-12")
    assert e["actor1"] is None


def test_a_threat_of_fire_in_an_assessment_is_no_event(pack: Any) -> None:
    assert not events_in(pack, "Assessment: the threat of indirect fire on military camps in "
                               "Gao remains high this week.", "2024-01-10")


def test_the_day_hostages_were_released_does_not_date_their_abduction(pack: Any) -> None:
    e = one(pack, "On 5 June three farmers were abducted from their fields near Bankass by "
                  "armed men; they were released on 12 June after their families paid.",
            "2022-06-20")
    assert e["event_date"] == "2022-06-05"
    # "a video released on 2 March" still dates what the video announced
    e = one(pack, "Ansar Dine and al-Mourabitoun joined forces under a new name, in a video "
                  "released on 2 March.",
            "2017-03-05")
    assert e["event_date"] == "2017-03-02"
