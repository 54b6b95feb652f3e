"""Event rules added for the check rounds of session 4 (gold/dev-d.yaml, gold/dev-e.yaml):
bulletin lines led by a weekday, holidays, the date of a statement, late claims, actors told in
passing, targets named as the subject, villages the gazetteer lacks. Each rule is tested on
sentences written for the test (never the development reports)."""

from __future__ import annotations

from typing import Any

from extracted import events_in

from sitrep.pack.gazetteer import text_place, text_place_from_id
from sitrep.pipeline.dates import Publication, find_dates
from sitrep.pipeline.quantities import find_quantities


def events(pack: Any, text: str, published: str = "2023-05-16") -> list[dict[str, Any]]:
    return events_in(pack, text, published, background=False)


# ------------------------------------------------------------------------------------ dates


def test_bulletin_lines_led_by_a_weekday_are_dated() -> None:
    text = ("WEEKLY BULLETIN\n\n- Monday, Mopti region: gunmen attacked a bus near Bandiagara.\n"
            "• Friday: soldiers repelled an assault on the post at Boni.")
    found = [(d.text, d.value) for d in find_dates(text, Publication.parse("2023-05-16"))]
    assert found == [("Monday", "2023-05-15"), ("Friday", "2023-05-12")]


def test_a_weekday_in_running_text_still_needs_its_preposition() -> None:
    assert find_dates("The talks, Monday and Friday, went well.",
                      Publication.parse("2023-05-16")) == []


def test_a_possessive_weekday_dates_the_event_it_qualifies(pack: Any) -> None:
    [e] = events(pack, "Three days after Saturday's raid on the gendarmerie post at Tanwalbougou, "
                       "the bodies of four gendarmes were recovered.")
    assert e["event_date"] == "2023-05-13"


def test_holidays_are_the_latest_one_before_publication() -> None:
    found = find_dates("Militants struck on Christmas Day and again on New Year's Eve.",
                       Publication.parse("2023-01-10"))
    assert [(d.text, d.value) for d in found] == [("Christmas Day", "2022-12-25"),
                                                  ("New Year's Eve", "2022-12-31")]


def test_the_date_of_a_statement_is_not_the_event_date(pack: Any) -> None:
    [e] = events(pack, "Jihadists ambushed an army convoy near Dori on Sunday. In an updated "
                       "statement on Tuesday, the army said that 19 soldiers had been killed.")
    assert e["event_date"] == "2023-05-14" and e["fatalities"] == 19


def test_a_name_inside_a_date_is_not_a_place(pack: Any) -> None:
    [e] = events(pack, "12 Jan 2023 - Gunmen killed three herders near Djibo, in Burkina Faso.",
                 "2023-01-14")
    assert e["location"] == "Djibo" and e["country"] == "Burkina Faso"


# ------------------------------------------------------------------------ types and actors


def test_the_air_force_striking_is_a_state_air_strike(pack: Any) -> None:
    [e] = events(pack, "On Sunday, the air force struck a column of militants near Inates, "
                       "in Niger, officials said.")
    assert e["sub_event_type"] == "Air/drone strike"
    assert e["actor1"] == "Niger Armed Forces"


def test_a_claim_after_a_name_and_its_acronym(pack: Any) -> None:
    [e] = events(pack, "Gunmen killed nine soldiers near Kerou on Saturday. The Group for the "
                       "Support of Islam and Muslims (JNIM) later claimed the attack.")
    assert e["claimed_by"] == ["Jama'at Nusrat al-Islam wal-Muslimin"]


def test_a_claim_by_a_regional_branch(pack: Any) -> None:
    [e] = events(pack, "Gunmen killed nine soldiers near Kerou on Saturday. The Islamic "
                       "State's Sahel branch claimed the raid in a statement.")
    assert e["claimed_by"] == ["Islamic State"]


def test_an_ongoing_activity_told_of_a_claimant_is_no_event(pack: Any) -> None:
    [e] = events(pack, "Militants attacked a supply convoy at Namssiguia on Monday, killing "
                       "six drivers. JNIM, which has been besieging Djibo, claimed the attack "
                       "on Wednesday.")
    assert e["location"] == "Namssiguia" and e["claimed_by"]


def test_the_subject_that_was_the_target_of_an_attack_is_the_target(pack: Any) -> None:
    [e] = events(pack, "On Monday the army camp at Boni was the target of a jihadist attack.")
    assert e["actor2"] == "Malian Armed Forces"


def test_a_vehicle_that_hit_a_mine_is_the_side_hit(pack: Any) -> None:
    [e] = events(pack, "On Monday an army truck hit a landmine near Boni, killing two "
                       "soldiers.")
    assert e["sub_event_type"] == "Remote explosive/landmine/IED"
    assert e["actor2"] == "Malian Armed Forces" and e["actor1"] != "Malian Armed Forces"
    [e] = events(pack, "On Monday a patrol of the Malian Armed Forces (FAMa) struck an "
                       "explosive device near Boni.")
    assert e["actor2"] == "Malian Armed Forces" and e["actor1"] != "Malian Armed Forces"


def test_a_part_of_a_toll_is_not_a_toll() -> None:
    assert find_quantities("A cousin of one of the victims spoke to the radio.") == []
    assert [q.count.value for q in find_quantities("One victim died in hospital.")] == [1]


# ------------------------------------------------------------------------- unlisted places


def test_a_village_the_gazetteer_lacks_keeps_its_name_and_region(pack: Any) -> None:
    [e] = events(pack, "On Sunday gunmen killed eleven people in the village of Kolbaroungou, "
                       "in the Tillabéri region.")
    assert (e["location"], e["country"]) == ("Kolbaroungou", "Niger")
    assert e["latitude"] is None and e["geo_precision"] == 1


def test_a_village_named_before_its_region(pack: Any) -> None:
    [e] = events(pack, "Armed men killed seven herders in Wendoukoulga, in the Centre-Nord "
                       "region, on Saturday.")
    assert (e["location"], e["country"]) == ("Wendoukoulga", "Burkina Faso")


def test_a_bulletin_country_heading_places_the_village(pack: Any) -> None:
    [e] = events(pack, "Niger: on 2 May, gunmen attacked the village of Kolbaroungou, killing "
                       "five people.")
    assert (e["location"], e["country"]) == ("Kolbaroungou", "Niger")


def test_a_neighbour_at_a_border_does_not_place_the_village(pack: Any) -> None:
    [e] = events(pack, "The garrison of Kolbaroungou, near the border with Mali, was attacked "
                       "on Sunday, the Nigerien army said.")
    assert (e["location"], e["country"]) == ("Kolbaroungou", "Niger")


def test_a_known_town_is_not_an_unlisted_place(pack: Any) -> None:
    [e] = events(pack, "On Sunday gunmen attacked the town of Djibo, in the Sahel region.")
    assert e["location"] == "Djibo" and e["latitude"] is not None


def test_the_village_told_before_not_its_commune(pack: Any) -> None:
    [e] = events(pack, "MOPTI - The village of Kolbaroungou, in the commune of Bankass, lies in "
                       "ruins. Gunmen attacked the Dogon settlement on Sunday night, killing 20 "
                       "people.")
    assert e["location"] == "Kolbaroungou"


def test_a_text_place_id_gives_the_place_back() -> None:
    place = text_place("Kolbaroungou", "NE", "Tillaberi", None)
    assert text_place_from_id(place.id) == place
    assert place.latitude is None and place.country == "NE"


# --------------------------------------------------------------- stories told over sentences


def test_an_undated_attack_and_the_toll_told_after_it_are_one_event(pack: Any) -> None:
    [e] = events(pack, "MOPTI - Since Saturday, all talk is of the hamlet of Kolbaroungou. "
                       "The village, in the circle of Bankass, was attacked at dawn by armed "
                       "men. \"They shot everyone,\" a survivor said. The first toll from local "
                       "officials was 41 dead.")
    assert e["event_type"] == "Violence against civilians"
    assert e["fatalities"] == 41 and e["location"] == "Kolbaroungou"


def test_the_same_morning_follows_the_day_told_before() -> None:
    found = find_dates("On Sunday 14 May, gunmen attacked Seytenga. The same morning, a mosque "
                       "was attacked. That same night the army arrived; the next morning it "
                       "left.", Publication.parse("2023-05-16"))
    assert [(d.text, d.value) for d in found][-3:] == [
        ("The same morning", "2023-05-14"), ("That same night", "2023-05-14"),
        ("the next morning", "2023-05-15")]


def test_a_night_after_a_month_has_no_day_to_follow() -> None:
    found = find_dates("On Monday talks began. In August last year, officers arrested the "
                       "president; he resigned the same night.", Publication.parse("2023-05-16"))
    assert "the same night" not in [d.text for d in found]


def test_the_day_opening_a_statement_dates_the_statement(pack: Any) -> None:
    found = events(pack, "Gunmen attacked the village of Kolbaroungou, in the Tillabéri region, "
                         "on Saturday. On Monday, the governor said that 18 people had been "
                         "killed.")
    assert [(e["event_date"], e["fatalities"]) for e in found] == [("2023-05-13", 18)]


def test_a_new_toll_announced_later_is_the_earlier_event(pack: Any) -> None:
    found = events(pack, "Jihadists attacked the army post at Inates on Thursday. The first "
                         "communiqué, issued that evening, spoke of 14 soldiers killed. On Monday "
                         "evening, the ministry announced a new toll of 29 soldiers killed.")
    assert len(found) == 1 and found[0]["event_date"] == "2023-05-11"


def test_where_attackers_came_from_is_not_where_they_struck(pack: Any) -> None:
    [e] = events(pack, "Jihadists attacked the army post at Inates on Thursday. The attack, "
                       "carried out by assailants who came from the Malian side, was repelled.")
    assert e["country"] == "Niger"


def test_an_undated_attack_takes_the_day_of_the_scene_set_before_it(pack: Any) -> None:
    [e] = events(pack, "Saturday is market day in Ayorou. This Saturday, the traders never came "
                       "home. Near the village of Kolbaroungou, in the Tillabéri region, gunmen "
                       "stopped their trucks and shot them.")
    assert e["event_date"] == "2023-05-13" and e["location"] == "Kolbaroungou"


def test_a_report_day_or_a_habit_takes_no_scene_day(pack: Any) -> None:
    found = events(pack, "JNIM denied any role in the abduction, its media arm said on Monday. "
                         "The group has been fighting the army since 2017.")
    assert all(e["event_date"] != "2023-05-15" for e in found)


def test_a_sentence_led_by_a_weekday_is_dated() -> None:
    found = find_dates("The commune has lost its mayor. Tuesday, the mayor had gone out with "
                       "the self-defence group.", Publication.parse("2023-05-16"))
    assert [(d.text, d.value) for d in found] == [("Tuesday", "2023-05-16")]


# ------------------------------------------------------------ dev-f round (state abuses)


def test_a_place_name_inside_a_person_name_is_no_place(pack: Any) -> None:
    found = events(pack, "On Friday, protesters marched past a statue of Thomas Sankara in "
                         "Ouagadougou.")
    assert [e["location"] for e in found] == ["Ouagadougou"]
    assert events(pack, "On Friday, men seized Daouda Diallo outside an office in the city.") \
        == [] or all(e["location"] != "Daouda" for e in events(
            pack, "On Friday, men seized Daouda Diallo outside an office in the city."))


def test_people_detained_then_killed_is_an_attack_not_an_arrest(pack: Any) -> None:
    [e] = events(pack, "Soldiers arrested about 30 herders at the market of Dioura on 2 May "
                       "2023, relatives said. Two days later their bodies were found; at least "
                       "30 men were killed, a local association said.")
    assert (e["event_type"], e["sub_event_type"]) == ("Violence against civilians", "Attack")
    assert e["actor1"] == "Malian Armed Forces" and e["actor2"] == "Civilians"
    assert e["fatalities"] == 30


def test_an_aircraft_as_subject_makes_an_air_strike(pack: Any) -> None:
    [e] = events(pack, "A drone operated by the Malian army struck a wedding in the village of "
                       "Kolbaroungou, in the Gao region, on 1 May 2023, killing nine civilians.")
    assert e["sub_event_type"] == "Air/drone strike" and e["actor1"] == "Malian Armed Forces"
    [e] = events(pack, "A military drone fired two missiles into the market of Boni on 1 May "
                       "2023, killing 11 civilians, residents said.")
    assert e["sub_event_type"] == "Air/drone strike"


def test_vague_and_partitive_counts_do_not_beat_a_number(pack: Any) -> None:
    [e] = events(pack, "Gunmen killed at least 28 traders at the market of Boni on 1 May 2023. "
                       "A trader who lost two brothers said several victims were buried the "
                       "next morning.")
    assert e["fatalities"] == 28


def test_day_ranges_keep_both_ends() -> None:
    found = find_dates("Villagers were arrested between 27 March and 2 April 2020; the camp was "
                       "hit on 4-5 June 2021.", Publication.parse("2021-07-01"))
    assert [(d.value, d.end_date.isoformat()) for d in found] == [
        ("2020-03-27", "2020-04-02"), ("2021-06-04", "2021-06-05")]


def test_remains_and_the_killing_of_are_tolls() -> None:
    assert [q.count.value for q in find_quantities(
        "Investigators found the remains of 71 people in mass graves.")] == [71]
    assert [q.count.value for q in find_quantities(
        "The report documents the killing of at least 25 villagers.")] == [25]


def test_the_village_not_the_town_it_lies_near(pack: Any) -> None:
    found = events(pack, "Soldiers killed at least 25 villagers in Kolbaroungou, near Nara, on "
                         "4 February 2024. Witnesses said the soldiers shot them outside the "
                         "village.", "2024-02-10")
    assert [e["location"] for e in found] == ["Kolbaroungou"]


def test_devices_told_far_from_their_date_keep_it(pack: Any) -> None:
    [e] = events(pack, "Benin: improvised explosive devices killed six people, among them two "
                       "park rangers and a driver, in the park near Tanguiéta on 8 May.")
    assert e["event_date"] == "2023-05-08" and e["fatalities"] == 6


def test_a_comparison_closed_by_a_comma_leaves_the_date_and_toll(pack: Any) -> None:
    [e] = events(pack, "Niger: in the deadliest attack since the insurgency began, gunmen killed "
                       "at least 60 villagers in Tillia on 3 May.")
    assert (e["event_date"], e["fatalities"]) == ("2023-05-03", 60)
    assert e["event_type"] == "Violence against civilians"


def test_a_report_day_gives_way_to_the_strike_day_told_next(pack: Any) -> None:
    [e] = events(pack, "A military drone attack killed 20 people in the village of Tudu, in "
                       "Niger's Tahoua region, the emergency agency said Tuesday. The strike "
                       "late Sunday was meant for bandits, the army said.")
    assert e["event_date"] == "2023-05-14" and e["sub_event_type"] == "Air/drone strike"


def test_deaths_when_protesters_met_a_convoy_are_force_against_a_protest(pack: Any) -> None:
    [e] = events(pack, "Two people were killed and nine injured on Saturday in Dori when "
                       "protesters tried to stop a military convoy, the ministry said.")
    assert (e["event_type"], e["sub_event_type"]) == (
        "Protests", "Excessive force against protesters")
    assert e["fatalities"] == 2


def test_a_plural_event_listed_by_town_is_one_event_per_town(pack: Any) -> None:
    found = events(pack, "Thousands marched in Bamako on Friday. Smaller marches were held on "
                         "Friday in Kayes, Sikasso and Mopti.")
    assert sorted(e["location"] for e in found) == ["Bamako", "Kayes", "Mopti", "Sikasso"]


# ----------------------------------------------------- dev-g round (logs, radio, eyewitness)


def test_an_incident_log_heading_dates_its_items(pack: Any) -> None:
    found = events(pack, "MLI / GAO REGION / DAILY INCIDENT LOG 3 MAY 2023. (1) At approx. "
                         "0800hrs a bus struck an IED 10 km E of Ansongo. (2) At approx. 1500hrs "
                         "two NGO drivers were abducted by armed men at the N exit of Menaka.")
    assert [e["event_date"] for e in found] == ["2023-05-03", "2023-05-03"]
    assert all(e["location"] != "Ngo" for e in found)


def test_a_weekday_after_of_is_a_date() -> None:
    found = find_dates("The town is counting its dead after the night attack of Saturday.",
                       Publication.parse("2023-05-16"))
    assert [d.value for d in found] == ["2023-05-13"]


def test_the_attackers_told_next_are_the_raid_told_before(pack: Any) -> None:
    found = events(pack, "In the Tillaberi region, villagers of Anzourou are counting their "
                         "losses after a raid by armed men on Wednesday. The attackers, who came "
                         "on motorbikes, killed four herders near the village of Kolbaroungou.")
    assert len(found) == 1 and found[0]["fatalities"] == 4


def test_the_day_photos_were_posted_is_not_the_event_day(pack: Any) -> None:
    found = events(pack, "Gunmen killed 30 people in Seytenga in the night of 11 to 12 May. "
                       "Photos posted by residents on Monday show burned houses in Seytenga.")
    assert [e["event_date"] for e in found] == ["2023-05-11"]


def test_shooting_at_residents_is_an_attack_on_civilians(pack: Any) -> None:
    [e] = events(pack, "Armed men entered Toumour on Saturday night and shot at residents, "
                       "killing 12. Local authorities blame Boko Haram fighters.")
    assert (e["event_type"], e["actor2"]) == ("Violence against civilians", "Civilians")
    assert e["actor1"] == "Jama'atu Ahlis Sunna Lidda'awati wal-Jihad (Boko Haram)"


def test_the_day_before_follows_the_day_told_last() -> None:
    found = find_dates("On Friday, JNIM attacked the Kati camp. The day before, militants had "
                       "struck two posts. The night after, all was calm.",
                       Publication.parse("2022-07-23"))
    assert [(d.text, d.value) for d in found] == [
        ("On Friday", "2022-07-22"), ("The day before", "2022-07-21"),
        ("The night after", "2022-07-22")]


def test_targets_enumerated_by_town_are_one_event_each(pack: Any) -> None:
    found = events(pack, "On Friday, JNIM attacked the Kati camp. The day before, militants had "
                         "struck six military positions, among them Sévaré and Kolokani.",
                   "2022-07-23")
    assert sorted(e["location"] for e in found) == ["Kati", "Kolokani", "Sévaré"]


def test_a_habit_told_of_a_claimant_places_nothing(pack: Any) -> None:
    [e] = events(pack, "Rockets hit a passenger boat near Gao on Thursday, killing 12 "
                       "civilians. The attack was later claimed by JNIM, which has besieged "
                       "Timbuktu since August.", "2023-09-08")
    assert e["location"] == "Gao" and e["claimed_by"]


def test_an_undated_attack_takes_the_story_day_told_before(pack: Any) -> None:
    found = events(pack, "Gunmen stormed the gold-mining town of Solhan on Saturday, residents "
                         "said. \"We hid in the bush,\" one of them said. Another resident "
                         "said. A miner said the attackers first struck the VDP post around "
                         "2am, killing 12 volunteers.")
    assert found and all(e["event_date"] == "2023-05-13" for e in found)


def test_an_ambushed_convoy_of_workers_is_an_attack_on_civilians(pack: Any) -> None:
    [e] = events(pack, "On Monday a convoy of buses carrying employees of a gold mine, escorted "
                       "by soldiers, was ambushed near Boungou. Officials said 20 people died.")
    assert e["event_type"] == "Violence against civilians"
    [e] = events(pack, "Forty people, including 30 civilians and 10 soldiers, were killed on "
                       "Monday when a convoy was ambushed near Gorgadji.")
    assert e["event_type"] == "Battles"


def test_kia_in_an_incident_log_is_a_toll() -> None:
    assert [(q.count.value, q.kind) for q in find_quantities(
        "a VDP pick-up hit an IED; 3 VDP KIA, 2 WIA.")][:1] == [(3, "killed")]


def test_a_civilian_vehicle_on_a_mine_carried_civilians(pack: Any) -> None:
    [e] = events(pack, "On Monday a commercial truck struck an IED 12 km west of Boni.")
    assert e["actor2"] == "Civilians"
    [e] = events(pack, "On Monday an army truck hit a landmine near Boni.")
    assert e["actor2"] == "Malian Armed Forces"


def test_a_claim_of_both_attacks_goes_to_each(pack: Any) -> None:
    found = events(pack, "On Sunday, gunmen attacked an army post in Boni, killing six soldiers. "
                         "On the same day, a convoy was ambushed near Hombori. JNIM claimed both "
                         "attacks on Monday.")
    assert sorted(e["location"] for e in found) == ["Boni", "Hombori"]
    assert all(e["claimed_by"] == ["Jama'at Nusrat al-Islam wal-Muslimin"] for e in found)


def test_armed_men_presumed_to_belong_to_a_group_are_that_group(pack: Any) -> None:
    [e] = events(pack, "On Sunday, armed men presumed to belong to the Katiba Macina attacked a "
                       "hunters' checkpoint near Macina, killing 11.")
    assert e["actor1"] == "Katiba Macina"


def test_attacking_a_village_is_an_attack_on_civilians(pack: Any) -> None:
    [e] = events(pack, "On Sunday gunmen attacked Kolbaroungou, a village in the Tillabéri "
                       "region, killing 12.")
    assert e["event_type"] == "Violence against civilians"
    [e] = events(pack, "On Sunday jihadists attacked Djibo, killing 12 soldiers.")
    assert e["event_type"] == "Battles"


def test_an_event_that_came_months_after_another_takes_none_of_its_facts(pack: Any) -> None:
    found = events_in(pack, "The attack came less than two months after the massacres of "
                            "Tchoma Bangou and Zaroumadareye in January.", "2021-03-17")
    assert all(e["event_type"] != "Battles" for e in found)
