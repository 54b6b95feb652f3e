"""Event rules added in session 9 (causes found in gold/dev-q.yaml and gold/dev-r.yaml). Each
rule is tested on sentences written for the test (never the development reports)."""

from __future__ import annotations

from typing import Any

from extracted import events_in
from extracted import new_events as events
from extracted import one_event as one

from sitrep.model import Document
from sitrep.pipeline import extract_document
from sitrep.pipeline.quantities import find_quantities


def _killed(text: str) -> list[int]:
    return [q.count.value for q in find_quantities(text) if q.kind == "killed"]


# ------------------------------------------------------------------------------- places


def test_a_village_in_the_area_of_a_town_is_named_unlisted(pack: Any) -> None:
    e = one(pack, "Eleven soldiers were killed on Sunday near Tabakoré, in the Ayorou area of "
                  "the Tillabéri region.", "2021-03-09")
    assert e["location"] == "Tabakoré"
    e = one(pack, "Gunmen killed nine traders on Friday at Koundabaré, in Burkina Faso's "
                  "eastern Gourma province, residents said.", "2020-05-10")
    assert e["location"] == "Koundabaré"


def test_villages_named_in_a_pair_are_places_wherever_they_recur(pack: Any) -> None:
    text = ("Soldiers killed dozens of villagers on 3 May in two hamlets of Loroum province, "
            "Tibinga and Wessoré. Thirty people were killed in Tibinga and twelve in Wessoré.")
    found = [e["location"] for e in events_in(pack, text, "2023-06-01")]
    assert "Tibinga" in found and "Wessoré" in found
    ex = extract_document(Document(text=text, origin="t.txt", published="2023-06-01"), pack)
    ids = {res.place.id for pm, res in ex.work.places if pm.text == "Tibinga"}
    assert len(ids) == 1 and len([pm for pm, _ in ex.work.places if pm.text == "Tibinga"]) == 2


def test_a_nationality_before_a_news_outlet_is_not_where_it_happened(pack: Any) -> None:
    found = events_in(pack, "Gunmen attacked the gendarmerie at Djibasso on the night of "
                            "4 May. The group claimed the raid in a message sent on Tuesday to "
                            "a Mauritanian news agency.", "2019-05-09")
    assert [e["location"] for e in found] == ["Djibasso"]


# -------------------------------------------------------------------------- clauses, dates


def test_the_day_a_statement_was_made_does_not_split_the_toll_from_the_ambush(pack: Any) -> None:
    e = one(pack, "The army said on Sunday that nine soldiers had been killed, four wounded and "
                  "two were missing after a patrol was ambushed on Saturday near Koutougou.",
            "2022-08-09")
    assert (e["event_date"], e["location"], e["fatalities"]) == ("2022-08-06", "Koutougou", 9)


def test_a_country_and_a_town_in_it_are_one_setting(pack: Any) -> None:
    e = one(pack, "Mali's army said 12 soldiers died, 5 were hurt and 3 were missing after an "
                  "ambush on Tuesday near Nara.", "2022-03-03")
    assert (e["location"], e["fatalities"]) == ("Nara", 12)


def test_a_claim_made_days_later_is_not_another_event(pack: Any) -> None:
    found = events_in(pack, "Gunmen killed four policemen at a checkpoint in Kantchari on "
                            "2 June. Ansarul Islam claimed the attack on Friday.", "2019-06-09")
    assert len(found) == 1 and found[0]["event_date"] == "2019-06-02"
    assert found[0]["claimed_by"] == ["Ansarul Islam"]


def test_the_subject_before_an_aside_claims_what_the_main_clause_tells(pack: Any) -> None:
    found = events_in(pack, "Gunmen killed two gendarmes at Inata on 3 March. The group of "
                            "Adnan Abu Walid al-Sahrawi, a former MUJAO commander who swore "
                            "allegiance to the Islamic State in 2015, claimed the attack on "
                            "Monday.", "2017-03-08")
    attack = [e for e in found if not e["background"]]
    assert len(attack) == 1 and attack[0]["event_date"] == "2017-03-03"
    assert attack[0]["claimed_by"] == ["Islamic State Sahel Province"]  # his group then
    assert any(e["background"] for e in found)  # the allegiance, told in the aside


def test_both_groups_claim_when_both_is_said_first(pack: Any) -> None:
    e = one(pack, "Suicide bombers struck a camp in Gao on Friday. Both MUJAO and the "
                  "Signed-in-Blood battalion of Mokhtar Belmokhtar claimed the attack.",
            "2013-06-01")
    assert e["claimed_by"] == ["Movement for Oneness and Jihad in West Africa",
                               "Al-Muwaqqi'un bil-Dima"]


def test_a_precise_place_told_next_refines_an_event_told_in_a_country(pack: Any) -> None:
    found = events_in(pack, "Five Chadian peacekeepers were killed on Sunday when their convoy "
                            "was attacked in northern Mali, the UN said. Assailants opened fire "
                            "on the convoy near Aguelhok.", "2016-05-30")
    assert [e["location"] for e in found] == ["Aguelhok"]
    found = events_in(pack, "Five peacekeepers were killed on Sunday in northern Mali. In a "
                            "separate attack, gunmen opened fire on a patrol near Aguelhok.",
                      "2016-05-30")
    assert len(found) == 2


def test_a_reprisal_is_another_event_at_the_same_place(pack: Any) -> None:
    found = events_in(pack, "Jihadists killed the imam of Kelbo and three of his sons on "
                      "Monday. In reprisal, militiamen attacked Fulani herders in Kelbo on "
                      "Monday night, killing 19.", "2020-03-04")
    assert len(found) == 2


# ------------------------------------------------------------------------ types and roles


def test_gunfire_and_explosions_are_a_fight_not_a_bombing(pack: Any) -> None:
    e = one(pack, "Gunfire and explosions shook Ménaka on Tuesday as jihadists attacked the "
                  "army camp.", "2024-01-10")
    assert (e["event_type"], e["sub_event_type"]) == ("Battles", "Armed clash")


def test_arriving_in_trucks_is_how_attackers_came_not_a_deployment(pack: Any) -> None:
    e = one(pack, "Fourteen gendarmes were killed on Monday at Bani by armed men who arrived "
                  "in pick-up trucks.", "2019-04-10")
    assert (e["event_type"], e["fatalities"]) == ("Battles", 14)
    e = one(pack, "French troops arrived in Gao on Saturday.", "2013-02-01")
    assert e["sub_event_type"] == "Headquarters or base established"


def test_customs_officers_are_state_forces(pack: Any) -> None:
    e = one(pack, "A customs officer and a trader were killed when gunmen attacked the customs "
                  "post at Kantchari on Monday.", "2018-04-04")
    assert (e["event_type"], e["fatalities"]) == ("Battles", 2)


def test_whom_a_mob_beats_to_death_are_civilians(pack: Any) -> None:
    e = one(pack, "Three men accused of stealing goats were beaten to death by a crowd in Kayes "
                  "on Sunday.", "2021-07-06")
    assert (e["sub_event_type"], e["actor2"], e["fatalities"]) == ("Mob violence", "Civilians", 3)


def test_a_unit_still_deployed_is_no_deployment(pack: Any) -> None:
    assert events(pack, "Nineteen peacekeepers have died since May, making it the costliest "
                        "mission now deployed.", "2017-12-01") == []


# ------------------------------------------------------------------------------- counts


def test_one_and_another_counted_together() -> None:
    assert _killed("A policeman and a driver were killed.") == [2]
    assert _killed("A soldier and two herders were killed.") == [3]
    assert _killed("A soldier was killed and two herders were wounded.") == [1]


def test_lynched_and_beaten_to_death_are_deaths() -> None:
    assert _killed("Two suspected thieves were lynched in Sikasso.") == [2]
    assert _killed("Four men were hacked to death.") == [4]


# ------------------------------------------------------------ rules found on gold/dev-r.yaml


def test_a_possessive_date_dates_its_own_noun(pack: Any) -> None:
    e = one(pack, "Fighting between two militias that signed last year's truce left 12 dead in "
                  "Ber on Tuesday, residents said.", "2016-03-10")
    assert (e["event_date"], e["background"]) == ("2016-03-08", False)
    e = one(pack, "Ansarul Islam on Friday claimed Tuesday's attack on a gendarmerie post in "
                  "Baraboulé, which killed six gendarmes.", "2018-05-12")
    assert e["event_date"] == "2018-05-08"
    assert e["claimed_by"] == ["Ansarul Islam"]


def test_whose_ministry_and_which_side_of_the_border_are_not_places(pack: Any) -> None:
    found = events_in(pack, "Gunmen ambushed an army patrol near Tillia on Monday, killing nine "
                            "soldiers. Niger's defence ministry said 11 attackers were killed and "
                            "that the patrol had been operating on the Mali side of the border.",
                      "2020-02-05")
    assert [e["location"] for e in found] == ["Tillia"]


def test_the_next_sentence_gives_an_undated_event_its_day(pack: Any) -> None:
    e = one(pack, "Eight people were killed in an attack on a guesthouse in Mopti, the "
                  "governor said on Sunday evening. Gunmen stormed the guesthouse early on "
                  "Saturday and held guests for hours.", "2016-04-04")
    assert (e["event_date"], e["location"], e["fatalities"]) == ("2016-04-02", "Mopti", 8)


def test_the_device_hit_next_is_the_mine_told_before(pack: Any) -> None:
    e = one(pack, "The government on Monday condemned the blast after a truck carrying traders "
                  "struck a landmine in the north of the country, killing 11 people. The "
                  "truck hit the device on Sunday near Ansongo.", "2019-03-05")
    assert (e["event_date"], e["location"], e["fatalities"]) == ("2019-03-03", "Ansongo", 11)


def test_villages_placed_by_direction_area_or_distance(pack: Any) -> None:
    assert one(pack, "Gunmen abducted a nun from her convent at Karangasso, in southern Mali "
                     "near the Burkinabe border, on Tuesday.", "2017-02-10")["location"] == \
        "Karangasso"
    assert one(pack, "A drone strike on Monday killed seven people in the Intahaka area, in the "
                     "Gao region.", "2024-03-06")["location"] == "Intahaka"


def test_a_long_aside_in_a_toll_keeps_the_whole_count() -> None:
    assert _killed("Nine people, among them three drivers working for an aid agency and two of "
                   "the assailants, were killed in the raid.") == [9]


def test_forces_firing_on_the_crowd_are_the_side_a_riot_met(pack: Any) -> None:
    e = one(pack, "Protesters stormed the town hall in Kaya on Monday and set it on fire. Police "
                  "fired on the crowd and at least two people were killed.", "2019-05-08")
    assert (e["event_type"], e["actor1"], e["fatalities"]) == ("Riots", "Rioters", 2)
    assert e["actor2"] is not None and e["actor2"] != "Rioters"


def test_a_past_attack_told_with_its_month_keeps_it(pack: Any) -> None:
    found = events_in(pack, "Gunmen killed five people at a bar in Ouagadougou on Sunday night. "
                            "The bar is near the hotel where 30 people were killed in an attack "
                            "claimed by AQIM in January 2016.", "2017-08-15")
    past = [e for e in found if e["event_date"] and e["event_date"].startswith("2016")]
    assert len(past) == 1 and past[0]["background"]


def test_the_day_a_toll_was_put_is_not_the_attack_day(pack: Any) -> None:
    e = one(pack, "The government put the toll from the attack on a hotel in Bamako at 12 dead "
                  "on Tuesday. Gunmen opened fire on guests late on Monday evening.", "2018-03-07")
    assert e["event_date"] == "2018-03-05"


def test_a_group_saying_its_fighters_killed_is_the_doer_and_claims_it(pack: Any) -> None:
    e = one(pack, "Ansarul Islam, a group active in Soum province, said on Friday that its "
                  "fighters had killed 30 soldiers in an assault on Arbinda on Wednesday.",
            "2019-12-28")
    assert (e["actor1"], e["claimed_by"]) == ("Ansarul Islam", ["Ansarul Islam"])
    # what its fighters destroyed in a fight told before is a claim, not a new doer's act
    found = events_in(pack, "A supply convoy was ambushed on Monday near Namsiguia, killing "
                            "nine soldiers. JNIM later said its fighters had destroyed ten "
                            "trucks.", "2022-10-05")
    assert len(found) == 1 and found[0]["claimed_by"] == [
        "Jama'at Nusrat al-Islam wal-Muslimin"]


def test_an_act_beside_a_generic_plural_is_still_told(pack: Any) -> None:
    e = one(pack, "Armed men set fire to the town hall of Gasseliki, in Soum province, on the "
                  "night of Friday to Saturday, residents said, the latest in a series of "
                  "attacks on symbols of the state in the north.", "2018-11-20")
    assert (e["event_date"], e["location"]) == ("2018-11-16", "Gasseliki")
    assert e["actor1"] == "Unidentified armed group"
