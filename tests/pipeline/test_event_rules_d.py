"""Event rules added for the check rounds of session 3 (gold/dev-c.yaml, dev-c-201..): arson
that kills, a siege's end dated apart, denied reports, group members as the doers, a force
telling of its own strike, counts joined after the verb, comparisons with an earlier toll.
Each rule is tested on sentences written for the test (never the development reports)."""

from __future__ import annotations

from typing import Any

import pytest
from extracted import events_in

from sitrep.pipeline.quantities import find_quantities


def events(pack: Any, text: str, published: str = "2023-05-16") -> list[dict[str, Any]]:
    return events_in(pack, text, published, background=False)


# ------------------------------------------------------------------- arson that kills people


def test_burning_homes_while_killing_people_is_an_attack_on_civilians(pack: Any) -> None:
    [e] = events(pack, "Armed men torched granaries and shot villagers in Arbinda on Sunday "
                       "night, the governor said, adding that 22 bodies had been found.")
    assert (e["event_type"], e["sub_event_type"]) == ("Violence against civilians", "Attack")
    assert e["fatalities"] == 22 and e["location"] == "Arbinda"


def test_burning_with_soldiers_killed_is_a_battle(pack: Any) -> None:
    [e] = events(pack, "Militants set fire to the gendarmerie post in Koutougou on Sunday, "
                       "killing six gendarmes.")
    assert e["event_type"] == "Battles" and e["fatalities"] == 6


def test_arson_without_dead_and_a_passive_ruin_stay_what_they_were(pack: Any) -> None:
    # a camp "which had been destroyed" with a toll is the attack told before, not a new one
    found = events(pack, "Jihadists attacked the army camp at Sollé on Monday. An initial toll "
                         "of 12 dead was raised after reinforcements reached the camp, which "
                         "had been largely destroyed.")
    assert len(found) == 1 and found[0]["event_type"] == "Battles"


# ---------------------------------------------------------- the end of a siege, dated apart


def test_a_date_in_a_later_before_clause_is_not_the_killing_date(pack: Any) -> None:
    [e] = events(pack, "Gunmen stormed a hotel in Sévaré on Sunday afternoon, witnesses said. "
                       "Six guests were killed before soldiers, helped by police, retook the "
                       "building overnight; three gunmen were shot dead.",
                 published="2015-08-10")
    assert e["event_date"] == "2015-08-09" and e["location"] == "Sévaré"  # one event


def test_before_dawn_still_dates_the_event(pack: Any) -> None:
    [e] = events(pack, "Gunmen killed nine herders near Ansongo before dawn on Tuesday.",
                 published="2023-05-18")
    assert e["event_date"] == "2023-05-16"


# ---------------------------------------------------------------------------- denials


@pytest.mark.parametrize("text", [
    "The army denied reports that its base at Hombori had been overrun on Friday.",
    "Officials dismissed rumours of an attack on the prefecture of Tessit on Friday.",
])
def test_a_denied_report_is_no_event(pack: Any, text: str) -> None:
    assert events(pack, text) == []


def test_a_group_denying_its_role_leaves_the_event(pack: Any) -> None:
    found = events(pack, "JNIM rejected claims that its fighters had killed 30 villagers in "
                         "Hombori on Friday.")
    assert len(found) == 1  # (kept, with the denial as its modality)
    assert found[0]["actor1"] == "Jama'at Nusrat al-Islam wal-Muslimin"


# ------------------------------------------------------------------ members of a group acting


def test_members_of_a_named_group_are_its_acts(pack: Any) -> None:
    [e] = events(pack, "Members of the Koglweogo attacked herders near Kaya on Monday, "
                       "killing 12 people, the governor said.")
    assert e["actor1"] == "Koglweogo"


def test_members_of_a_group_as_victims_are_not_perpetrators(pack: Any) -> None:
    [e] = events(pack, "Soldiers killed four members of Ansarul Islam near Djibo on Monday.")
    assert e["actor1"] != "Ansarul Islam"


# --------------------------------------------------------------- a force telling of its strike


def test_the_force_that_says_its_jets_struck_flew_the_strike(pack: Any) -> None:
    [e] = events(pack, "Villagers in Douna say a drone strike on a market on Tuesday killed "
                       "about a dozen people, most of them civilians. The Malian army said "
                       "its aircraft had hit a meeting of terrorists.", published="2023-05-18")
    assert e["sub_event_type"] == "Air/drone strike"
    assert e["actor1"] == "Malian Armed Forces" and e["actor2"].startswith("Civilians")


def test_a_strike_with_no_force_named_keeps_the_default(pack: Any) -> None:
    [e] = events(pack, "An air strike on Tuesday killed 15 fighters near Tessit, in Mali, "
                       "residents said.", published="2023-05-18")
    assert e["actor1"] == "Malian Armed Forces"


# ------------------------------------------------------------------- counts joined after a verb


@pytest.mark.parametrize(("text", "total"), [
    ("The ambush killed 14 soldiers and two civilians.", 16),
    ("Gunmen killed nine gendarmes and a civilian at the checkpoint.", 10),
])
def test_a_second_count_after_the_object_is_added(text: str, total: int) -> None:
    found = find_quantities(text)
    assert sum(q.count.value for q in found if q.kind == "killed" and q.part_of is None) == total


def test_a_pair_of_one_side_is_one_count_that_adds_up() -> None:
    # (session 13: "and" adds the second count to the first, as "seven women and a girl";
    # "14 soldiers, including two officers" is the part told inside a total)
    found = find_quantities("The raid killed 14 soldiers and two officers.")
    assert [q.count.value for q in found if q.kind == "killed"] == [16]


# ---------------------------------------------- a comparison with an earlier event and its toll


def test_the_toll_of_the_event_compared_with_is_not_added(pack: Any) -> None:
    [e] = events(pack, "Fighters overran an army post at Tabankort on Monday, killing 20 "
                       "soldiers. It was the deadliest attack since Tarkint in March, where 45 "
                       "soldiers died.")
    assert e["fatalities"] == 20


def test_a_named_shooting_is_an_attack(pack: Any) -> None:
    found = events(pack, "A court tried two men over the shooting at a bar in Ouagadougou on "
                         "Saturday in which four people died.")
    assert len(found) == 1 and found[0]["fatalities"] == 4


def test_shooting_as_a_participle_leaves_the_date_to_the_story(pack: Any) -> None:
    # as a trigger of its own, "shooting men" would keep the report's Monday for the attack
    [e] = events(pack, "The number of people killed in the attack on Diapaga has risen to 30, "
                       "the governor said on Monday. Gunmen went door to door in the town on "
                       "Saturday night, shooting men.", published="2023-05-16")
    assert e["event_date"] == "2023-05-13"


# ------------------------------------------------------------------------ round k: ambushes


def test_an_ambush_on_a_bus_of_villagers_is_an_attack_on_civilians(pack: Any) -> None:
    [e] = events(pack, "Gunmen ambushed a bus carrying traders home from the market at Fada "
                       "N'Gourma on Sunday, killing 12 people near the village of Tanwalbougou.")
    assert (e["event_type"], e["sub_event_type"]) == ("Violence against civilians", "Attack")
    assert e["fatalities"] == 12  # the participle's place does not split off an event


@pytest.mark.parametrize("text", [
    "Militants ambushed a patrol near Tessit on Sunday, killing nine soldiers.",
    "Nine soldiers were killed on Sunday in an ambush near the village of Tessit.",
])
def test_an_ambush_on_soldiers_or_near_a_village_stays_a_battle(pack: Any, text: str) -> None:
    [e] = events(pack, text)
    assert e["event_type"] == "Battles"


# --------------------------------------------------------------------- "the group" claimed


def test_the_group_that_claimed_is_the_named_perpetrator(pack: Any) -> None:
    [e] = events(pack, "Fighters of Ansarul Islam attacked the market in Djibo on Monday, "
                       "killing 11 traders. The group claimed the attack on Tuesday.")
    assert e["claimed_by"] == ["Ansarul Islam"]


def test_the_group_claim_needs_a_named_group(pack: Any) -> None:
    [e] = events(pack, "Gunmen attacked the market in Djibo on Monday, killing 11 traders. "
                       "The group claimed the attack on Tuesday.")
    assert e["claimed_by"] == []


# -------------------------------------------------------------- the nationality of the aircraft


def test_the_demonym_on_the_aircraft_names_who_struck(pack: Any) -> None:
    [e] = events(pack, "French warplanes bombed rebel positions near Gossi on Friday as Malian "
                       "troops advanced on the town.", published="2013-01-20")
    assert e["sub_event_type"] == "Air/drone strike" and e["actor1"] == "French Armed Forces"


# ------------------------------------------------------------------- towns seized, towns lost


def test_seizing_a_named_town_is_a_takeover(pack: Any) -> None:
    [e] = events(pack, "Rebels of the MNLA seized Kidal on Friday after soldiers fled.",
                 published="2012-04-01")
    assert (e["event_type"], e["sub_event_type"]) == ("Battles",
                                                      "Non-state actor overtakes territory")
    assert e["location"] == "Kidal"


def test_seizing_things_is_no_takeover(pack: Any) -> None:
    found = events(pack, "Customs officers seized weapons in Kidal on Friday.",
                   published="2012-04-01")
    assert all(e["sub_event_type"] != "Non-state actor overtakes territory" for e in found)


def test_a_town_retaken_from_a_group_names_that_group_as_the_other_side(pack: Any) -> None:
    [e] = events(pack, "Malian troops entered Anefis on Sunday, retaking the town from rebels "
                       "of the CMA, the army said.", published="2023-10-09")
    assert e["sub_event_type"] == "Government regains territory"
    assert e["actor2"] == "Coordination of Azawad Movements"


# ------------------------------------------------------------ round l: sides, towns, volleys


def test_clashes_between_two_groups_name_both_sides(pack: Any) -> None:
    [e] = events(pack, "Fighting broke out near Tarkint on Friday between the pro-government "
                       "GATIA militia and fighters of the CMA, leaving six dead, a UN source "
                       "said.", published="2017-08-20")
    assert e["actor1"] == "Imghad Tuareg and Allies Self-Defence Group"
    assert e["actor2"] == "Coordination of Azawad Movements"


def test_the_town_named_before_places_the_event(pack: Any) -> None:
    [e] = events(pack, "Photos posted online show bodies lying in a street in Djibasso. "
                       "Witnesses said soldiers killed dozens of people in the town on Sunday "
                       "during an operation against jihadists.", published="2024-03-06")
    assert e["location"] == "Djibasso"
    assert (e["event_type"], e["actor2"]) == ("Violence against civilians", "Civilians")


def test_a_volley_of_rockets_is_one_shelling(pack: Any) -> None:
    [e] = events(pack, "Rockets fired by insurgents struck the market district of Gao on "
                 "Sunday, killing three people.", published="2023-10-03")
    assert e["sub_event_type"] == "Shelling/artillery/missile attack"


def test_the_weapons_used_in_an_assault_do_not_make_it_a_shelling(pack: Any) -> None:
    [e] = events(pack, "The post at Tabankort was attacked on Sunday by hundreds of fighters "
                       "who used rockets and mortars, the army said.", published="2023-10-03")
    assert e["event_type"] == "Battles"


def test_repeated_killings_in_an_area_are_not_an_event(pack: Any) -> None:
    assert events(pack, "The area near the border has seen repeated killings this year.") == []


# ----------------------------------------------------- a past year opened by "since ..., when"


def _all_events(pack: Any, text: str, published: str = "2023-05-16") -> list[dict[str, Any]]:
    return events_in(pack, text, published)


def test_a_year_after_since_or_from_dates_the_event_its_when_clause_tells(pack: Any) -> None:
    """"since 2016" bounds a comparison, but "since 2016, when gunmen stormed a hotel" dates
    the storming; so does "unlike/a departure from 2014, when ..."."""
    [e] = _all_events(pack, "It was the worst attack on the town since 2016, when gunmen "
                            "stormed a hotel in Ouagadougou and killed 30 people.")
    assert e["event_date"].startswith("2016") and e["date_precision"] == "year"
    [e] = _all_events(pack, "This marks a departure from 2014, when rebels overran an army "
                            "camp near Kidal.")
    assert e["event_date"].startswith("2014")
    # no "when" clause: the year only bounds the comparison and dates nothing
    assert not [e for e in _all_events(pack, "It was the first attack in Bamako since 2016.")
                if e["event_date"].startswith("2016")]


def test_the_antecedent_of_who_does_the_verb_after_it(pack: Any) -> None:
    """"the anger of Chadian troops, who drove them out": the relative pronoun's antecedent is
    the doer, even as the object of a preposition; a suffered verb makes it the side attacked."""
    [e] = _all_events(pack, "In April 2021 FACT rebels advanced towards the capital, drawing "
                            "the anger of Chadian troops, who beat them back.")
    assert e["event_type"] == "Battles" and "Chad" in e["actor1"]
    [e] = _all_events(pack, "Last week gunmen stormed a post held by Malian soldiers, who "
                            "repelled the assault near Boni.")
    assert "Mali" in (e["actor2"] or "")


def test_in_protest_gives_a_reason_not_a_protest(pack: Any) -> None:
    assert not _all_events(pack, "The faction broke away in 2016 in protest at the killing of "
                                 "civilians by its former leader.")
    assert not _all_events(pack, "The regional governor resigned in protest on Tuesday.")
    [e] = _all_events(pack, "Hundreds of traders staged a protest in Gao on Monday over new "
                            "taxes.")
    assert e["event_type"] == "Protests"
