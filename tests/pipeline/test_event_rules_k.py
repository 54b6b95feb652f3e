"""Event rules added in session 10 (causes found in gold/dev-s.yaml and gold/dev-t.yaml). Each
rule is tested on sentences written for the test (never the development reports)."""

from __future__ import annotations

from typing import Any

from extracted import events_in
from extracted import one_event as one

from sitrep.pipeline.quantities import find_quantities


def _killed(text: str) -> list[int]:
    return [q.count.value for q in find_quantities(text) if q.kind == "killed"]


# ------------------------------------------------------------------------------- claims


def test_a_group_saying_its_branch_carried_out_the_attack_claims_it(pack: Any) -> None:
    e = one(pack, "Gunmen attacked a gendarmerie post in Dioura on Tuesday, killing seven "
                  "gendarmes. The Islamic State group said in a statement posted online that "
                  "its Sahel Province had carried out the attack.", "2022-03-10")
    assert e["claimed_by"] == ["Islamic State"]


def test_an_alliance_saying_its_fighters_carried_it_out_claims_it(pack: Any) -> None:
    found = events_in(pack, "Attackers fired rockets at the camp at Aguelhok on Monday, wounding "
                            "two peacekeepers. On Wednesday the JNIM alliance said its fighters "
                            "had carried out the attack.", "2021-05-06")
    assert len(found) == 1
    assert found[0]["claimed_by"] == ["Jama'at Nusrat al-Islam wal-Muslimin"]
    assert found[0]["event_date"] == "2021-05-03"


def test_the_day_opening_a_long_subject_and_said_dates_the_statement(pack: Any) -> None:
    found = events_in(pack, "Gunmen killed five guards at a hotel in Sevare on Friday. On Monday "
                            "the al-Mourabitoun group of Mokhtar Belmokhtar said in a message to "
                            "a news website that its men had carried out the attack.",
                      "2016-03-08")
    assert len(found) == 1
    assert found[0]["event_date"] == "2016-03-04"


def test_a_listed_militants_nationality_does_not_set_the_story_country(pack: Any) -> None:
    # (the Algerian Belmokhtar must not pull a Malian town's name out of Mali)
    e = one(pack, "Gunmen killed five guards at a hotel in Sevare on Friday. A group loyal to "
                  "Mokhtar Belmokhtar was blamed.", "2016-03-08")
    assert e["location"] == "Sévaré"


# ------------------------------------------------------------------------------- events


def test_a_post_coming_under_simultaneous_attacks_is_one_event(pack: Any) -> None:
    e = one(pack, "Early on Sunday the gendarmerie post at Dioura came under simultaneous "
                  "complex attacks by jihadist fighters.", "2019-03-19")
    assert e["location"] == "Dioura" and e["event_date"] == "2019-03-17"


def test_two_counted_sites_listed_after_the_verb_are_two_events(pack: Any) -> None:
    found = events_in(pack, "Jihadists attacked two army posts, at Diafarabé and at Dioura, on "
                            "Tuesday.", "2020-02-06")
    assert sorted(e["location"] for e in found) == ["Diafarabé", "Dioura"]


def test_sites_named_before_a_plural_trigger_are_two_events(pack: Any) -> None:
    text = ("The army camp at Tessit and the gendarmerie post at Ansongo came under coordinated "
            "attacks on Friday. Eleven soldiers were killed, the army said.")
    found = events_in(pack, text, "2021-08-09")
    assert sorted(e["location"] for e in found) == ["Ansongo", "Tessit"]
    # the toll told after them goes to the first place named
    assert {e["location"]: e["fatalities"] for e in found}["Tessit"] == 11


def test_air_force_strikes_are_air_strikes_by_the_state(pack: Any) -> None:
    e = one(pack, "On 4 March, air force strikes near Ménaka neutralised about thirty "
                  "terrorists, Mali's army said.", "2023-03-06")
    assert e["sub_event_type"] == "Air/drone strike"
    assert e["actor1"] == "Malian Armed Forces"


def test_took_control_with_the_day_inside_the_verb(pack: Any) -> None:
    e = one(pack, "Malian troops took control on Friday of the town of Léré, the army said.",
            "2024-01-14")
    assert e["sub_event_type"] == "Government regains territory"
    assert e["actor1"] == "Malian Armed Forces" and e["location"] == "Léré"


# ------------------------------------------------------------------------------- places


def test_a_village_at_a_distance_from_a_town_is_named_unlisted(pack: Any) -> None:
    e = one(pack, "Gunmen abducted a nun on Monday at her convent in Wagadiéni, about 60 km "
                  "south of Koutiala, church sources said.", "2022-02-10")
    assert e["location"] == "Wagadiéni"


def test_a_site_named_for_its_place_is_where_it_happened(pack: Any) -> None:
    e = one(pack, "Six members of Mali's security forces were killed on Monday when gunmen "
                  "attacked the unit guarding the Dioura camp, the army said.", "2018-04-10")
    assert e["location"] == "Dioura"


# ------------------------------------------------------------------------------- counts


def test_the_missing_are_not_counted_with_the_neutralised() -> None:
    assert _killed("Twelve soldiers were killed, three wounded and about 40 are missing, while "
                   "20 assailants were neutralised.") == [12, 20]
