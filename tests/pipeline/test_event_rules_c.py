"""Event rules added for the third development batch (gold/dev-c.yaml: wire ledes, communiqués,
situation reports, French-influenced English), each on sentences written for the test."""

from __future__ import annotations

from typing import Any

import pytest
from extracted import events_in

from sitrep.pipeline.dates import Publication, find_dates
from sitrep.pipeline.quantities import find_quantities


def events(pack: Any, text: str, published: str = "2024-06-12") -> list[dict[str, Any]]:
    return events_in(pack, text, published, background=False)


def all_events(pack: Any, text: str, published: str) -> list[dict[str, Any]]:
    return events_in(pack, text, published)


# ------------------------------------------------------------------------------------ dates


@pytest.mark.parametrize(("text", "pub", "value", "end"), [
    ("Gunmen raided the post perpetrated Sunday near the river.", "2022-05-10", "2022-05-08",
     "2022-05-08"),
    ("A nun was kidnapped Friday in the south.", "2022-02-09", "2022-02-04", "2022-02-04"),
    ("The mayor said Monday that calm had returned.", "2022-02-09", "2022-02-07", "2022-02-07"),
    ("Shots rang out overnight from Saturday to Sunday in the camp.", "2022-02-09",
     "2022-02-05", "2022-02-06"),
    ("Five years ago today, rebels entered the town.", "2021-03-30", "2016-03-30", "2016-03-30"),
])
def test_bare_weekdays_overnight_spans_and_anniversaries(text: str, pub: str, value: str,
                                                         end: str) -> None:
    [d] = find_dates(text, Publication.parse(pub))
    assert (d.start_date.isoformat(), d.end_date.isoformat(), d.precision) == (value, end, "day")


def test_a_month_of_the_same_year_follows_the_year_told_before() -> None:
    found = find_dates("He was tried for the May 2016 ambush and for a raid in August of the "
                       "same year.", Publication.parse("2021-01-10"))
    assert [d.value for d in found][:2] == ["2016-05", "2016-08"]


def test_a_weekday_as_a_plain_noun_is_no_date() -> None:
    assert find_dates("Attendance at Friday prayer has fallen.", Publication.parse("2024-01-02")) \
        == []


def test_a_comparison_window_does_not_date_the_event(pack: Any) -> None:
    [e] = events(pack, "Gunmen killed nine gendarmes at a checkpoint near Dori on Tuesday, one "
                       "of the deadliest attacks on the gendarmerie this year.", "2023-05-04")
    assert e["event_date"] == "2023-05-02"


def test_a_report_date_later_in_the_story_leaves_the_event_its_own_date(pack: Any) -> None:
    [e] = events(pack, "Heavy gunfire was heard overnight from Sunday to Monday around the "
                       "military camp in Kaya, residents said. The attackers were pushed back, "
                       "the army said on Tuesday, adding that 14 of them had been killed.",
                 "2023-05-04")
    assert (e["event_date"], e["fatalities"], e["location"]) == ("2023-04-30", 14, "Kaya")


# ------------------------------------------------------------------------------- quantities


@pytest.mark.parametrize(("text", "kind", "value"), [
    ("Commandos neutralised 27 terrorists in the forest.", "killed", 27),
    ("Thirty-two gendarmes of the Kaya brigade have lost their lives in the ambush.", "killed", 32),
    ("The raid left a reported 45 civilians dead, killing a reported 45 civilians.", "killed", 45),
    ("\"We lost nine of our men,\" the captain said.", "killed", 9),
])
def test_communique_and_quoted_tolls(text: str, kind: str, value: int) -> None:
    q = find_quantities(text)[0]
    assert (q.kind, q.count.value) == (kind, value)


def test_a_span_of_years_is_not_a_count() -> None:
    assert all(q.count.value != 3 for q in find_quantities(
        "Two nurses who had worked there for three decades were abducted."))
    # the priest is one person abducted; the six years are no count
    assert [q.count.value for q in find_quantities(
        "A priest who had served for six years was abducted.")] == [1]


def test_an_apposition_with_a_second_count_is_not_the_first_counts_verb() -> None:
    qs = find_quantities("We buried eleven of our comrades, and four others were wounded.")
    assert [(q.kind, q.count.value) for q in qs] == [("injured", 4)]


# ------------------------------------------------------------------------------------ roles


def test_the_escort_of_an_ambushed_convoy_is_not_the_perpetrator(pack: Any) -> None:
    [e] = events(pack, "A column of traders escorted by soldiers was ambushed on Friday near "
                       "Arbinda, killing 12 people.", "2021-09-05")
    assert e["actor1"] == "Unidentified armed group"


def test_the_dead_of_a_main_clause_are_not_the_subject_of_the_subordinate_verb(pack: Any) -> None:
    [e] = events(pack, "Nine soldiers died on Sunday when a large column of armed men on "
                       "motorcycles overran the army post at Tin-Akoff.", "2021-09-06")
    assert e["actor1"] == "Unidentified armed group"
    assert e["actor2"] == "Burkina Faso Armed Forces"
    assert e["sub_event_type"] == "Armed clash"


def test_a_subject_with_a_relative_clause_and_the_other_side_of_a_clash(pack: Any) -> None:
    [e] = events(pack, "Fighters of the MNLA, who had been advancing on the town since March, "
                       "clashed with the Malian army near Anefis on Sunday.", "2014-05-20")
    assert e["actor1"] == "National Movement for the Liberation of Azawad"
    assert e["actor2"] == "Malian Armed Forces"


def test_a_parenthesised_acronym_keeps_the_subject(pack: Any) -> None:
    [e] = events(pack, "On 3 May 2022, units of the Malian Armed Forces (FAMa) engaged in a "
                       "sweep near Douentza neutralised 11 terrorists.", "2022-05-05")
    assert (e["actor1"], e["actor2"], e["fatalities"]) == (
        "Malian Armed Forces", "Unidentified armed group", 11)


def test_the_forces_of_an_operation_did_the_strike(pack: Any) -> None:
    [e] = events(pack, "On 2 June, the forces of Operation Barkhane conducted an air operation "
                       "near Tessit, neutralising about twenty jihadists.", "2020-06-04")
    assert (e["event_type"], e["sub_event_type"]) == ("Explosions/Remote violence",
                                                      "Air/drone strike")
    assert e["actor1"] == "Operation Barkhane"


def test_an_air_force_strike_is_an_air_strike(pack: Any) -> None:
    [e] = events(pack, "The Niger Air Force carried out strikes on Monday against a camp of "
                       "terrorists near Tillia. The strikes neutralised 30 terrorists.",
                 "2023-03-08")
    assert (e["event_type"], e["sub_event_type"], e["fatalities"]) == (
        "Explosions/Remote violence", "Air/drone strike", 30)


# ----------------------------------------------------------------------------------- claims


def test_a_claim_after_a_group_description_joins_the_event(pack: Any) -> None:
    [e] = events(pack, "Gunmen killed seven gendarmes at a post in Markoye on Friday. On "
                       "Sunday, Ansarul Islam, a group founded by a preacher from Djibo, "
                       "claimed responsibility for the attack.", "2018-03-12")
    assert e["claimed_by"] == ["Ansarul Islam"]
    assert len(all_events(pack, "Gunmen killed seven gendarmes at a post in Markoye on Friday. "
                                "On Sunday, Ansarul Islam, a group founded by a preacher from "
                                "Djibo, claimed responsibility for the attack.", "2018-03-12")) == 1


def test_an_organisation_word_between_name_and_claim(pack: Any) -> None:
    [e] = events(pack, "Gunmen killed 14 soldiers at a base near Tahoua on Tuesday. The "
                       "Islamic State group has claimed the attack.", "2020-03-05")
    assert e["claimed_by"] == ["Islamic State"]


def test_a_group_telling_what_its_fighters_did_claims_the_event(pack: Any) -> None:
    [e] = events(pack, "A fuel convoy was attacked on Monday near Boni. Six drivers were "
                       "killed, officials said. JNIM later said its fighters had destroyed "
                       "twenty tankers.", "2023-02-08")
    assert e["claimed_by"] == ["Jama'at Nusrat al-Islam wal-Muslimin"]


def test_a_claim_of_many_attacks_is_not_a_claim_of_this_one(pack: Any) -> None:
    [e] = events(pack, "Gunmen killed five soldiers at a post near Gao on Monday. Since then, "
                       "AQIM claimed responsibility for attacks in other parts of the country.",
                 "2023-02-08")
    assert e["claimed_by"] == []


# ------------------------------------------------------------------------- types and events


def test_explosions_heard_are_the_sound_of_a_fight(pack: Any) -> None:
    [e] = events(pack, "Gunfire and explosions were heard on Sunday around the army camp in "
                       "Dori, residents said.", "2022-07-05")
    assert (e["event_type"], e["sub_event_type"]) == ("Battles", "Armed clash")


def test_rockets_fired_at_a_boat_are_shelling(pack: Any) -> None:
    [e] = events(pack, "A ferry was targeted with rockets on Tuesday near Ansongo, killing "
                       "eight passengers.", "2022-07-07")
    assert e["sub_event_type"] == "Shelling/artillery/missile attack"
    assert e["fatalities"] == 8


def test_an_anniversary_recalls_a_past_event(pack: Any) -> None:
    evs = all_events(pack, "Five years ago today, gunmen attacked the hotel in Sevare, killing "
                           "thirteen people. Relatives gathered on Sunday to remember them.",
                     "2020-08-07")
    assert [(e["event_date"], e["background"]) for e in evs] == [("2015-08-07", True)]


# ------------------------------------------------------------- rules from the check batch


def test_the_same_kind_of_event_also_in_another_town_is_another_event(pack: Any) -> None:
    evs = events(pack, "Angry crowds set fire to the town hall in Dori on Sunday. In Kaya, "
                       "rioters also set ablaze a police post.", "2022-10-04")
    assert sorted((e["location"], e["event_date"], e["event_type"]) for e in evs) == [
        ("Dori", "2022-10-02", "Riots"), ("Kaya", "2022-10-02", "Riots")]


def test_a_dateline_date_dates_the_dispatch_not_the_event(pack: Any) -> None:
    [e] = events(pack, "NIAMEY, May 4 (AFP) - Gunmen killed six traders near Tera on Saturday, "
                       "a local official said.", "2023-05-04")
    assert e["event_date"] == "2023-04-29"


def test_where_an_official_spoke_is_not_where_it_happened(pack: Any) -> None:
    [e] = events(pack, "A spokesman told reporters in Niamey on Monday that gunmen had killed "
                       "nine soldiers in an ambush near Tera.", "2023-05-09")
    assert e["location"] == "Téra" or e["location"] == "Tera"


def test_a_town_naming_an_area_gives_way_to_the_village(pack: Any) -> None:
    [e] = events(pack, "On 12 May 2022, soldiers on patrol in the sector of Mopti neutralised "
                       "seven terrorists in the area of Konna.", "2022-05-14")
    assert e["location"] == "Konna"


def test_a_couple_is_two_and_captured_attackers_are_no_hostages() -> None:
    [q] = find_quantities("A Canadian couple travelling to Gao was kidnapped on the road.")
    assert (q.kind, q.count.value) == ("abducted", 2)
    qs = find_quantities("Twelve assailants were neutralised and three captured.")
    assert [(q.kind, q.count.value) for q in qs] == [("killed", 12)]


def test_the_group_an_attack_is_attributed_to(pack: Any) -> None:
    evs = events(pack, "Gunmen attacked an army post in Boni on Monday. The government "
                       "attributed the attack to JNIM.", "2023-02-08")
    assert [e["actor1"] for e in evs] == ["Jama'at Nusrat al-Islam wal-Muslimin"]


def test_a_description_before_a_name_is_the_named_group(pack: Any) -> None:
    [e] = events(pack, "Fighters of the jihadist group Ansarul Islam attacked a gendarmerie "
                       "post in Djibo on Friday, killing four gendarmes.", "2017-03-05")
    assert e["actor1"] == "Ansarul Islam"


def test_rebels_of_a_named_movement_and_a_gerund_object(pack: Any) -> None:
    [e] = events(pack, "Rebels of the MNLA overran the army camp at Tessalit on Sunday, "
                       "killing twelve soldiers.", "2012-03-13")
    assert e["actor1"] == "National Movement for the Liberation of Azawad"
    assert e["actor2"] == "Malian Armed Forces"


def test_a_companion_shares_the_side_of_the_actor_it_goes_with(pack: Any) -> None:
    [e] = events(pack, "Malian soldiers, accompanied by Russian paramilitaries, attacked a "
                       "rebel position near Anefis on Saturday.", "2023-10-10")
    assert e["actor1"] == "Malian Armed Forces"
    assert "Wagner Group" in (e.get("assoc_actor_1") or "")


def test_the_agent_of_another_participle_is_no_side(pack: Any) -> None:
    [e] = events(pack, "Thousands protested in Niamey on Saturday against the sanctions "
                       "imposed by ECOWAS.", "2023-08-06")
    assert e["actor1"] == "Protesters"


def test_residents_throwing_stones_are_rioters_facing_the_convoy(pack: Any) -> None:
    [e] = events(pack, "Residents of Kaya blocked a French army convoy on Friday and threw "
                       "stones at the trucks.", "2021-11-21")
    assert (e["event_type"], e["actor1"], e["actor2"]) == ("Riots", "Rioters",
                                                           "French Armed Forces")


def test_a_summary_of_several_attacks_told_apart_is_not_an_event(pack: Any) -> None:
    evs = events(pack, "Militants killed 11 people in two attacks in northern Burkina Faso on "
                       "the weekend. On Saturday, gunmen killed six civilians in Arbinda, and "
                       "on Sunday five soldiers died when their vehicle hit a mine near Djibo.",
                 "2019-04-09")
    assert sorted((e["location"], e["fatalities"]) for e in evs) == [("Arbinda", 6),
                                                                     ("Djibo", 5)]


def test_years_after_the_attack_recalls_a_past_attack(pack: Any) -> None:
    evs = all_events(pack, "Three years after the attack on the Boulkessi camp, in which 38 "
                           "soldiers were killed, families still wait for answers.",
                     "2022-10-01")
    assert [(e["event_date"][:4], e["background"]) for e in evs] == [("2019", True)]


def test_a_definite_passive_subject_joins_the_event_told(pack: Any) -> None:
    [e] = events(pack, "The toll of the attack on the army camp of Tillia rose to 30 soldiers "
                       "killed, officials said. The camp was assaulted Thursday by hundreds of "
                       "gunmen on motorcycles. JNIM claimed the attack.", "2021-03-27")
    assert (e["event_date"], e["location"], e["fatalities"]) == ("2021-03-25", "Tillia", 30)
    assert e["claimed_by"] == ["Jama'at Nusrat al-Islam wal-Muslimin"]


def test_the_toll_of_several_attacks_is_no_single_events_toll(pack: Any) -> None:
    [e] = events(pack, "Two attacks on army posts in Menaka on Monday killed nine people. "
                       "Gunmen fired on a checkpoint in the morning, and a second group "
                       "shelled the camp later in the day.", "2017-08-15")
    assert e["fatalities"] is None


def test_a_dispersed_protest_is_a_protest_with_intervention(pack: Any) -> None:
    [e] = events(pack, "Hundreds of traders protested in Gao on Monday against new taxes "
                       "before police dispersed them with tear gas.", "2023-03-08")
    assert (e["event_type"], e["sub_event_type"]) == ("Protests", "Protest with intervention")


def test_suicide_attackers_make_a_suicide_bombing(pack: Any) -> None:
    [e] = events(pack, "Suicide attackers in two vehicles targeted the army camp at Sevare on "
                       "Friday, killing three soldiers.", "2022-07-24")
    assert e["sub_event_type"] == "Suicide bomb"


def test_freed_hostages_are_not_abducted() -> None:
    assert find_quantities("Two hostages were freed by commandos, and four kidnappers were "
                           "killed.")[0].kind == "killed"
    assert all(q.kind != "abducted" for q in find_quantities(
        "Three hostages were released on Monday."))


def test_a_group_telling_of_its_attack_claims_it(pack: Any) -> None:
    [e] = events(pack, "JNIM fighters attacked the army camp in Diapaga on Sunday, the group "
                       "said, claiming to have killed 40 soldiers.", "2024-05-14")
    assert e["claimed_by"] == ["Jama'at Nusrat al-Islam wal-Muslimin"]


def test_the_un_in_a_fight_in_mali_is_its_mission(pack: Any) -> None:
    [e] = events(pack, "Gunmen attacked a United Nations base in Ber on Monday, killing two "
                       "peacekeepers.", "2017-08-15")
    assert e["actor2"] == "United Nations Multidimensional Integrated Stabilization Mission in Mali"


def test_an_army_that_repelled_an_attack_was_attacked(pack: Any) -> None:
    [e] = events(pack, "The Malian army said on Sunday it had repelled an attack on its camp in "
                       "Boni the previous day, killing about twenty assailants.", "2023-10-02")
    assert (e["actor1"], e["actor2"]) == ("Unidentified armed group", "Malian Armed Forces")
    assert e["event_date"] == "2023-09-30"


def test_attackers_killed_by_soldiers_are_still_the_attackers(pack: Any) -> None:
    [e] = events(pack, "Soldiers killed 14 assailants near Tillia on Monday after an attack on "
                       "their post.", "2023-10-03")
    assert (e["actor1"], e["actor2"]) == ("Unidentified armed group", "Niger Armed Forces")


def test_a_hamlet_of_one_country_does_not_pull_a_town_of_another(pack: Any) -> None:
    [e] = events(pack, "Armed men kidnapped four mine workers on the road between Dori and "
                       "Essakane on Thursday.", "2022-04-08")
    assert (e["location"], e["country"]) == ("Dori", "Burkina Faso")


def test_a_groups_own_account_of_the_event_told_is_its_claim(pack: Any) -> None:
    [e] = events(pack, "Dozens of soldiers were killed on Tuesday when jihadists overran the "
                       "army post of Tin-Akoff. JNIM said in a statement that it had taken "
                       "control of the post.", "2024-06-13")
    assert e["claimed_by"] == ["Jama'at Nusrat al-Islam wal-Muslimin"]
    assert e["actor1"] == "Jama'at Nusrat al-Islam wal-Muslimin"


def test_the_end_of_a_siege_does_not_name_the_attack(pack: Any) -> None:
    [e] = events(pack, "Gunmen stormed a hotel in Sevare on Friday, killing five guests, before "
                       "special forces regained control of the site.", "2015-08-09")
    assert (e["event_type"], e["actor1"], e["actor2"]) == (
        "Violence against civilians", "Unidentified armed group", "Civilians")
    [e] = events(pack, "Malian troops ended a siege at a hotel in Sevare on Saturday, a day "
                       "after gunmen stormed the building and took guests hostage.", "2015-08-09")
    assert e["actor1"] == "Unidentified armed group"


def test_an_escort_named_in_a_compound_is_no_side(pack: Any) -> None:
    [e] = events(pack, "An army-escorted convoy of traders was attacked on Friday near Kobe, "
                       "killing 12 civilians.", "2025-02-09")
    assert e["actor2"] == "Civilians"


def test_a_border_country_is_a_neighbour_not_the_setting(pack: Any) -> None:
    [e] = events(pack, "The defence ministry said 17 soldiers were killed on Tuesday in an "
                       "ambush near Koutougou, close to the border with Burkina Faso, in the "
                       "Tillaberi region.", "2023-08-16")
    assert e["country"] == "Niger"


def test_the_number_killed_has_risen_and_the_event_day_follows_the_report(pack: Any) -> None:
    [e] = events(pack, "The number of villagers killed in the attack on Titao has risen to 41, "
                       "the governor said on Tuesday. Armed men surrounded the village on "
                       "Sunday night.", "2021-12-29")
    assert (e["fatalities"], e["event_date"], e["event_type"]) == (
        41, "2021-12-26", "Violence against civilians")


def test_towns_after_including_are_where_it_happened_and_the_group_claimed(pack: Any) -> None:
    [e] = events(pack, "JNIM fighters attacked army camps on Tuesday in several towns of "
                       "western Mali, including Kayes. The group claimed the attacks.",
                 "2025-07-03")
    assert e["location"] == "Kayes"
    assert e["claimed_by"] == ["Jama'at Nusrat al-Islam wal-Muslimin"]


def test_gendarmes_police_and_guards_are_each_their_corps(pack: Any) -> None:
    [e] = events(pack, "Gunmen killed four gendarmes near Mangaize, in Niger's Tillaberi region, "
                       "on Saturday.", "2019-02-18")
    assert e["actor2"] == "Nigerien Gendarmerie"


def test_army_uniforms_are_no_army(pack: Any) -> None:
    [e] = events(pack, "About forty villagers were killed on Thursday in Karma, in Burkina Faso, "
                       "by men wearing army uniforms.", "2023-04-25")
    assert e["actor1"] == "Unidentified armed group"


def test_one_person_hit_after_a_gerund_and_weapons_in_the_plural() -> None:
    [q] = find_quantities("A bomber blew himself up at a checkpoint, wounding a soldier.")
    assert (q.kind, q.count.value, q.side) == ("injured", 1, "forces")


def test_two_bombs_are_one_event_and_burning_tyres_a_riot(pack: Any) -> None:
    [e] = events(pack, "Fifteen soldiers were killed on Monday when two improvised explosive "
                       "devices exploded as their convoy passed near Bourzanga.", "2022-08-09")
    assert e["fatalities"] == 15
    [e] = events(pack, "Hundreds of young people demonstrated in Kidal on Saturday against the "
                       "new authorities, burning tyres and blocking roads.", "2017-02-07")
    assert (e["event_type"], e["event_date"]) == ("Riots", "2017-02-04")
