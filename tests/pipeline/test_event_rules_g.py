"""Event rules added in session 6 (causes found in gold/dev-k.yaml and gold/dev-l.yaml): tolls
given place by place, the area that only locates a town, where the wounded were taken, riots
against police, memorials, fighters massing, summaries of several incidents, and the fight's
captured. Each rule is tested on sentences written for the test (never the development
reports)."""

from __future__ import annotations

from typing import Any

from extracted import events_in
from extracted import new_events as events
from extracted import one_event as one

from sitrep.pipeline.quantities import find_quantities

# ------------------------------------------------------------------------------- tolls


def test_soldiers_who_fell_are_dead_and_the_next_count_keeps_its_own_verb() -> None:
    found = find_quantities("Despite fierce resistance, 21 of our soldiers fell and 9 others "
                            "were wounded.")
    assert [(q.kind, q.count.value, q.side) for q in found] == [
        ("killed", 21, "forces"), ("injured", 9, None)]
    assert find_quantities("Two towns fell to the rebels.") == []


def test_a_whole_toll_smaller_than_the_sides_does_not_replace_them(pack: Any) -> None:
    e = one(pack, "Twelve Togolese peacekeepers were killed on Sunday when jihadists attacked "
                  "a UN camp at Tessalit. Several of them were killed when the peacekeepers "
                  "returned fire, the mission said.")
    assert e["fatalities"] == 12


def test_a_toll_given_place_by_place_makes_one_event_per_place(pack: Any) -> None:
    found = events(pack, "Gunmen stormed the village of Diallassagou on Sunday evening. At about "
                         "the same time another group attacked Dioungani. A local official said "
                         "31 people had died in Diallassagou and 9 in Dioungani.")
    assert sorted((e["location"], e["fatalities"]) for e in found) == [
        ("Diallassagou", 31), ("Dioungani", 9)]


def test_a_toll_for_several_listed_places_is_shared_not_repeated(pack: Any) -> None:
    found = events(pack, "About 60 people were killed on Saturday in attacks on the villages of "
                         "Tchoma Bangou and Zaroumadareye.")
    assert len(found) == 2
    assert [e["fatalities"] for e in found] == [30, 30]


def test_a_sum_over_several_incidents_is_no_event_of_its_own(pack: Any) -> None:
    found = events(pack, "Soldiers killed at least 30 civilians in two incidents in March, a "
                         "rights group said. On 5 March, soldiers executed 20 men in Dogofry. "
                         "On 17 March, a drone strike killed ten people in Inékar.", "2024-05-20")
    assert sorted(e["fatalities"] for e in found) == [10, 20]


def test_the_captured_counted_in_a_toll_are_not_an_arrest_event(pack: Any) -> None:
    found = events(pack, "Early on Friday, terrorists attacked the army camp at Sévaré. "
                         "Provisional toll: two soldiers killed; on the enemy side, nine "
                         "terrorists neutralised and four arrested.", "2022-07-23")
    assert [e["event_type"] for e in found] == ["Battles"]
    assert found[0]["fatalities"] == 11


# ------------------------------------------------------------------------------- places


def test_the_area_that_locates_a_town_is_not_the_place(pack: Any) -> None:
    e = one(pack, "Residents of Diafarabé, a river town in the Tenenkou circle, say soldiers "
                  "executed 12 men on Monday.")
    assert e["location"] == "Diafarabé"


def test_where_the_wounded_were_taken_is_not_where_it_happened(pack: Any) -> None:
    e = one(pack, "On Tuesday a patrol was ambushed near Tamou. Seven soldiers were killed and "
                  "the wounded were evacuated to Niamey.")
    assert e["location"] == "Tamou"


def test_a_route_between_two_towns_gives_way_to_the_place_of_the_ambush(pack: Any) -> None:
    e = one(pack, "On Tuesday a detachment moving between Boni and Torodi was ambushed near the "
                  "locality of Makalondi, the ministry said.")
    assert e["location"] == "Makalondi"


def test_a_country_owning_a_name_is_not_a_place(pack: Any) -> None:
    e = one(pack, "On Sunday soldiers and fighters of Russia's Wagner Group killed 14 civilians "
                  "in Moura.")
    assert e["location"] == "Moura" or e["country"] == "Mali"
    found = events(pack, "On Sunday fighters of Russia's Wagner Group killed 14 civilians in the "
                         "Mopti region.")
    assert all(e["location"] != "Russia" for e in found)


def test_a_group_s_home_country_gives_way_to_the_story_s_places(pack: Any) -> None:
    found = events_in(pack, "Relatives gathered in Niamey on Thursday to mark five years since the "
                            "attack. On 9 January 2020, "
                            "fighters of the Islamic State in the Greater Sahara stormed an army "
                            "post, killing 89 soldiers.", "2025-01-09")
    assert [e["country"] for e in found] == ["Niger"]


def test_towns_listed_with_their_kind_make_one_event_each(pack: Any) -> None:
    found = events(pack, "Before dawn on Tuesday, fighters of Jama'at Nusrat al-Islam "
                         "wal-Muslimin (JNIM) launched coordinated attacks on army positions in "
                         "the regional capital Kayes and in the border towns of Diboli and "
                         "Nioro.", "2025-07-06")
    assert sorted(e["location"][:5] for e in found) == ["Dibol", "Kayes", "Nioro"]
    assert all(e["event_date"] == "2025-07-01" for e in found)


def test_a_town_the_verb_hit_is_an_event_whoever_did_it(pack: Any) -> None:
    found = events(pack, "Armed men stormed the village of Toroli on Sunday. Another group "
                         "attacked Bodio, some fifteen kilometres away.", "2019-06-19")
    assert sorted(e["location"] for e in found) == ["Bodio", "Toroli"]


# ------------------------------------------------------------------------------ types and roles


def test_the_side_a_town_was_retaken_from_after_clashes(pack: Any) -> None:
    e = one(pack, "On 7 October the Malian army regained control of Anefis after clashes with "
                  "the Permanent Strategic Framework.", "2023-10-10")
    assert e["actor2"] == "Permanent Strategic Framework"


def test_fighters_massing_and_memorials_are_no_protests(pack: Any) -> None:
    assert events(pack, "Armed terrorists gathered in the area of Inekar on Monday.") == []
    assert events(pack, "Relatives gathered in Niamey on Monday to remember the aid workers "
                        "killed there a year ago.") == []
    e = one(pack, "Relatives gathered in Niamey on Monday to demand justice for the victims.")
    assert e["event_type"] == "Protests"


def test_unrest_and_a_crowd_fighting_police_are_riots(pack: Any) -> None:
    e = one(pack, "Three people were killed in two days of unrest in Niamey on Monday and "
                  "Tuesday.")
    assert e["event_type"] == "Riots"
    e = one(pack, "Supporters of the opposition burned tyres, looted shops and fought with police "
                  "in Niamey on Tuesday.")
    assert (e["event_type"], e["actor2"]) == ("Riots", "Nigerien Police")
    e = one(pack, "Gunmen clashed with police in Niamey on Tuesday.")
    assert e["event_type"] == "Battles"


def test_the_day_told_in_the_story_beats_the_day_of_the_report(pack: Any) -> None:
    e = one(pack, "Two people were killed in two days of unrest in Niamey, the interior minister "
                  "said on Thursday. Rioters burned tyres in several districts of Niamey on "
                  "Tuesday and Wednesday.", "2021-02-26")
    assert (e["event_date"], e["fatalities"]) == ("2021-02-23", 2)


def test_a_vehicle_packed_with_explosives_is_a_suicide_bomb(pack: Any) -> None:
    e = one(pack, "Early on Friday, militants attacked the Kati military camp using two vehicles "
                  "packed with explosives.", "2022-07-23")
    assert e["sub_event_type"] == "Suicide bomb"


def test_killed_by_members_of_a_group_names_the_group(pack: Any) -> None:
    e = one(pack, "Rights groups said the victims were civilians killed on 10 March near "
                  "Solenzo by members of the Volunteers for the Defence of the Homeland (VDP).",
            "2025-03-14")
    assert e["actor1"] == "Volunteers for the Defence of the Homeland"
