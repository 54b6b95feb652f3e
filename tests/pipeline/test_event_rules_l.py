"""Event rules added in session 11 (causes found in gold/dev-u.yaml and gold/dev-v.yaml). Each
rule is tested on sentences written for the test (never the development reports)."""

from __future__ import annotations

from typing import Any

from extracted import events_in
from extracted import one_event as one

from sitrep.pipeline.dates import Publication, find_dates
from sitrep.pipeline.quantities import find_quantities


def _counts(text: str, kind: str = "killed") -> list[tuple[int, str | None]]:
    return [(q.count.value, q.side) for q in find_quantities(text) if q.kind == kind]


# ------------------------------------------------------------------------------- dates


def test_overnight_on_a_weekday_is_that_weekday(pack: Any) -> None:
    e = one(pack, "Gunmen kidnapped a nurse overnight on Thursday in Tamou, a village near "
                  "Say, a relative said on Sunday.", "2021-09-13")
    assert e["event_date"] == "2021-09-09"


def test_a_plural_with_its_own_toll_keeps_a_distant_date(pack: Any) -> None:
    e = one(pack, "The army said on Tuesday that air strikes had killed dozens of fighters "
                  "who were massing in a forest near Diapaga, in Tapoa province, on Sunday.",
            "2023-02-08")
    assert e["event_date"] == "2023-02-05"
    assert e["event_type"] == "Explosions/Remote violence"


# ------------------------------------------------------------------------------- types


def test_a_stoning_by_an_armed_group_is_an_attack_on_civilians(pack: Any) -> None:
    e = one(pack, "Two men accused of theft were stoned to death on Friday in Talataye by "
                  "jihadist fighters who hold the area.", "2014-05-12")
    assert (e["event_type"], e["sub_event_type"]) == ("Violence against civilians", "Attack")
    assert e["fatalities"] == 2


def test_a_stoning_by_a_crowd_stays_mob_violence(pack: Any) -> None:
    e = one(pack, "A man accused of stealing a goat was stoned to death by a crowd in Zinder "
                "on Friday.", "2014-05-12")
    assert e["sub_event_type"] == "Mob violence"


# ------------------------------------------------------------------------------- counts


def test_two_people_with_a_modifier_before_the_verb_count_two() -> None:
    assert _counts("A trader and a driver suspected of working for the army were executed "
                   "near the market.") == [(2, "civilians")]
    assert _counts("A herder accused of informing was shot dead on Monday.") == [(1, "civilians")]


def test_a_victim_and_his_kin_after_the_verb_are_counted_together() -> None:
    assert _counts("Gunmen kidnapped a teacher and three of his children on Monday.",
                   "abducted") == [(4, "civilians")]


def test_a_soldier_and_a_civilian_after_the_verb_keep_their_sides() -> None:
    assert _counts("The mine killed a gendarme and a farmer on the road.") == [
        (1, "forces"), (1, "civilians")]


def test_the_number_of_people_abducted_has_risen_to_n(pack: Any) -> None:
    assert _counts("The number of villagers abducted by the gunmen in Bossey has risen to 27, "
                   "officials said.", "abducted") == [(27, "civilians")]
    e = one(pack, "The number of villagers abducted by ISWAP fighters in Bossey on Friday has "
                  "risen to 27, officials said on Monday.", "2020-02-10")
    assert e["actor1"] == "Islamic State West Africa Province"
    assert e["actor2"] == "Civilians"


def test_the_day_before_an_after_clause_dates_the_reaction_not_the_act(pack: Any) -> None:
    e = one(pack, "Senegal on Tuesday summoned Mali's ambassador after Malian soldiers shot "
                  "dead eleven traders at a checkpoint near Nioro, in the Kayes region, late on "
                  "Sunday.", "2018-04-12")
    assert e["event_date"] == "2018-04-08"


def test_the_killers_own_checkpoint_is_not_the_side_hit(pack: Any) -> None:
    e = one(pack, "Malian soldiers shot dead sixteen preachers at an army checkpoint in Nioro on "
                  "Sunday, witnesses said.", "2018-04-12")
    assert e["actor1"] == "Malian Armed Forces"
    assert e["actor2"] == "Civilians"


# ------------------------------------------------------------------------------- places


def test_an_event_placed_at_its_country_takes_the_town_the_next_sentence_names(
        pack: Any) -> None:
    e = one(pack, "Special forces killed a senior ISGS commander in western Niger on Monday, "
                  "the defence ministry said. Troops intercepted his convoy in the Ouallam "
                  "area.", "2021-08-20")
    assert e["location"] == "Ouallam"


def test_a_town_abroad_in_the_next_sentence_does_not_place_the_event(pack: Any) -> None:
    e = one(pack, "Special forces killed a senior ISGS commander in western Niger on Monday, "
                  "the defence ministry said. Officials in Ouagadougou welcomed the news.",
            "2021-08-20")
    assert e["location"] == "Niger"


# ------------------------------------------------------------------------------- no event


def test_a_group_that_has_killed_or_kidnapped_several_is_a_tally(pack: Any) -> None:
    found = events_in(pack, "Residents blamed the bandits, who have killed or kidnapped several "
                            "traders on the road this year.", "2019-06-17")
    assert found == []


def test_an_accusation_of_several_killings_this_year_is_no_event(pack: Any) -> None:
    found = events_in(pack, "Rights groups have accused the militia of several killings in the "
                            "Mopti region this year, which it denies.", "2020-06-07")
    assert found == []


def test_an_unplaced_attack_happened_where_the_sentence_before_sets_the_scene(
        pack: Any) -> None:
    e = one(pack, "Villagers in Kobou, near Djibo, buried a teacher on Monday. Armed men on "
                  "motorbikes came to his school on Sunday evening and shot him dead, a "
                  "relative said.", "2019-03-06")
    assert e["location"] == "Kobou"



def test_a_village_in_the_department_of_a_town_is_the_place(pack: Any) -> None:
    e = one(pack, "On Monday a patrol was attacked by gunmen about 10 km east of Banibangou, in "
                  "the department of Ouallam.", "2021-09-15")
    assert e["location"] == "Banibangou"


def test_a_road_linking_two_towns_is_placed_at_the_first(pack: Any) -> None:
    e = one(pack, "On Sunday a convoy was ambushed by terrorists on the road linking Boni and "
                  "Hombori, in the Mopti region.", "2016-11-15")
    assert e["location"] == "Boni"


# ------------------------------------------------------------------------------- communiqués


def test_a_ground_unit_engaging_a_group_of_terrorists_is_a_battle_by_the_army(
        pack: Any) -> None:
    e = one(pack, "On 11 April 2020, a ground unit supported by air assets engaged a group of "
                  "terrorists near Kongoussi.", "2020-04-14")
    assert (e["event_type"], e["sub_event_type"]) == ("Battles", "Armed clash")
    assert e["actor1"] == "Burkina Faso Armed Forces"


def test_a_convoy_coming_under_fire_from_jihadists_is_their_attack(pack: Any) -> None:
    e = one(pack, "On Monday an army convoy came under fire from jihadists near Boulkessi, the "
                  "army said.", "2019-08-21")
    assert (e["event_type"], e["sub_event_type"]) == ("Battles", "Armed clash")
    assert e["actor1"] == "Unidentified armed group"
    assert e["actor2"] == "Malian Armed Forces"


def test_a_device_detected_and_neutralised_is_disrupted_weapons_use_by_the_army(
        pack: Any) -> None:
    e = one(pack, "On Friday 3 May, an explosive device buried on the road between Bandiagara "
                  "and Bankass was detected and neutralised by an engineering team.",
            "2019-05-06")
    assert e["sub_event_type"] == "Disrupted weapons use"
    assert e["actor1"] == "Malian Armed Forces"


def test_the_post_a_unit_was_on_its_way_to_reinforce_is_a_destination() -> None:
    from types import SimpleNamespace

    from sitrep.pipeline.event_setting import destination
    text = "The gendarmes were on their way to reinforce the post at Gassan when they were hit."
    at = text.index("Gassan")
    assert destination(text, SimpleNamespace(start=at, end=at + 6))
    text = "The gendarmes guarding the post at Gassan were hit."
    at = text.index("Gassan")
    assert not destination(text, SimpleNamespace(start=at, end=at + 6))


def test_a_month_of_last_year_is_that_month() -> None:
    pub = Publication.parse("2017-06-29")
    found = [(d.text, d.start_date.isoformat(), d.precision)
             for d in find_dates("In June last year, fighters overran a post.", pub)]
    assert found == [("In June last year", "2016-06-01", "month")]


def test_soldiers_and_police_officers_killed_are_one_count() -> None:
    assert _counts("Between 8 and 11 soldiers and police officers were also killed.") == [
        (8, "forces")]
    assert _counts("Forty civilians and fifteen soldiers were killed.") == [
        (40, "civilians"), (15, "forces")]
