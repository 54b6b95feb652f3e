"""Event rules added for the second development batch (gold/dev-b.yaml), each on sentences
written for the test: follow-up sentences, sides, dates, places, types and what is not an event."""

from __future__ import annotations

from typing import Any

import pytest
from extracted import events_in

from sitrep.model import Document
from sitrep.pipeline import extract_document


def events(pack: Any, text: str, published: str = "2024-06-12") -> list[dict[str, Any]]:
    return events_in(pack, text, published, background=False)


def test_claim_and_injured_in_sentences_without_a_trigger_join_the_event(pack: Any) -> None:
    [e] = events(pack, "Nine peacekeepers serving with the UN mission were killed on Sunday when "
                       "gunmen stormed their camp at Tessalit, in Mali's Kidal region. At least "
                       "12 others were wounded, the mission said. JNIM claimed it, saying it "
                       "was revenge for the arrest of its men.", "2019-01-22")
    assert e["claimed_by"] == ["Jama'at Nusrat al-Islam wal-Muslimin"]
    assert e["actor1"] == "Jama'at Nusrat al-Islam wal-Muslimin"  # the claim names them
    assert e["actor2"] == "United Nations Multidimensional Integrated Stabilization Mission in Mali"
    assert (e["fatalities"], e["injured"], e["location"]) == (9, 12, "Tessalit")


def test_a_blamed_group_becomes_the_perpetrator(pack: Any) -> None:
    [e] = events(pack, "Gunmen killed 40 villagers in Dinangourou on Saturday, officials said. "
                       "The government blamed Katiba Macina.", "2024-06-11")
    assert e["actor1"] == "Katiba Macina" and e["fatalities"] == 40


def test_date_from_the_sentence_after_an_undated_event(pack: Any) -> None:
    [e] = events(pack, "The government revised the toll from an attack on the village of "
                       "Dinangourou to 35. Armed men surrounded the village on Sunday night.",
                 "2024-06-12")
    assert (e["event_date"], e["fatalities"]) == ("2024-06-09", 35)


def test_the_report_date_gives_way_to_the_event_date(pack: Any) -> None:
    [e] = events(pack, "The death toll from the weekend massacre in Seytenga has risen to 86, "
                       "the government said on Wednesday.", "2022-06-15")
    assert (e["event_date"], e["fatalities"]) == ("2022-06-11", 86)
    found = events(pack, "A journalist said in a video posted on social media on Wednesday "
                         "that he had been kidnapped by JNIM.", "2021-05-06")
    assert not found  # the kidnapping is older than the video; its date is not told here


def test_counted_dead_in_a_headline_are_the_side_hit(pack: Any) -> None:
    [e] = events(pack, "Twenty soldiers killed as jihadists overrun army post near Boulkessi "
                       "on Monday", "2024-06-12")
    assert "Malian" in (e["actor2"] or "") and e["actor1"] == "Unidentified armed group"
    assert e["sub_event_type"] != "Government regains territory"


def test_a_later_sentence_does_not_swap_the_sides(pack: Any) -> None:
    [e] = events(pack, "Jihadists attacked the army camp at Boulkessi on Monday, killing ten "
                       "soldiers. The army said it had killed fifteen of the attackers. JNIM "
                       "claimed the attack.", "2024-06-12")
    assert e["actor1"] == "Jama'at Nusrat al-Islam wal-Muslimin"
    assert "Malian" in (e["actor2"] or "")


def test_places_that_are_not_where_it_happened(pack: Any) -> None:
    [e] = events(pack, "Six soldiers were killed on Tuesday when their vehicle hit a mine on "
                       "the road between Boni and Hombori, in the Mopti region.", "2023-05-04")
    assert e["location"] == "Boni"
    [e] = events(pack, "A convoy carrying food to the besieged town of Djibo was attacked on "
                       "Monday near Gaskindé.", "2022-09-27")
    assert e["location"] == "Gaskindé"
    [e] = events(pack, "Gunmen attacked the army post at Tessit on Sunday, near the borders "
                       "with Niger and Burkina Faso, killing 12 soldiers.", "2022-08-09")
    assert (e["location"], e["country"]) == ("Tessit", "Mali")


def test_a_comparison_is_not_the_event(pack: Any) -> None:
    [e] = events(pack, "Gunmen killed at least 50 people in Solhan during the night of Friday "
                       "to Saturday, in the deadliest attack since the violence began in 2015.",
                 "2021-06-06")
    assert e["event_date"] == "2021-06-04" and e["location"] == "Solhan"
    assert e["event_type"] == "Violence against civilians"


def test_detaining_the_head_of_state_is_a_coup(pack: Any) -> None:
    [e] = events(pack, "Mutinous soldiers detained President Roch Marc Christian Kaboré in "
                       "Ouagadougou on Monday.", "2022-01-25")
    assert (e["event_type"], e["sub_event_type"]) == ("Strategic developments", "Other")
    [e] = events(pack, "Soldiers arrested a local mayor in Douentza on Monday.", "2024-06-12")
    assert e["sub_event_type"] == "Arrests"


def test_crowds_protest_riot_and_face_force(pack: Any) -> None:
    [e] = events(pack, "Thousands of people gathered in Bamako on Friday to demand the "
                       "president's resignation.", "2020-06-06")
    assert (e["event_type"], e["actor1"]) == ("Protests", "Protesters")
    [e] = events(pack, "Thousands marched in Niamey on Sunday, and some tried to storm the "
                       "embassy, smashing windows.", "2023-07-31")
    assert (e["event_type"], e["actor1"]) == ("Riots", "Rioters")
    [e] = events(pack, "Four people were killed in Bamako on Friday when security forces opened "
                       "fire on protesters.", "2020-07-11")
    assert e["sub_event_type"] == "Excessive force against protesters"
    assert e["actor2"] == "Protesters"


def test_an_unnamed_air_strike_is_the_states(pack: Any) -> None:
    [e] = events(pack, "Drone strikes killed 21 civilians in Tinzaouaten on Sunday, residents "
                       "said.", "2024-08-27")
    assert e["sub_event_type"] == "Air/drone strike" and e["actor1"] == "Malian Armed Forces"


def test_a_raid_on_a_village_is_violence_against_civilians(pack: Any) -> None:
    [e] = events(pack, "Nearly thirty villagers were killed in a raid on Boura late on Tuesday.",
                 "2024-05-09")
    assert (e["event_type"], e["sub_event_type"]) == ("Violence against civilians", "Attack")


@pytest.mark.parametrize("text", [
    "When the conflict erupted from peaceful protests against the regime in 2011, the group "
    "sent fighters north.",
    "In the 1990s, the Egyptian organization merged with al-Qaeda.",
    "French forces have killed several al-Qaeda leaders, including a senior commander.",
    "The European Union deployed a training mission to Bamako to help rebuild the army.",
])
def test_history_tallies_and_undated_moves_are_not_events(pack: Any, text: str) -> None:
    assert events(pack, text, "2017-01-10") == []


def test_a_headline_and_its_story_are_one_event(pack: Any) -> None:
    found = events(pack, "Fifty soldiers killed as jihadists overrun army post in Gao region\n\n"
                         "GAO, Mali — Fifty Malian soldiers and one civilian were killed on "
                         "Friday when militants attacked a military post at Tessit, in the Gao "
                         "region, the government said.", "2019-11-03")
    assert len(found) == 1
    e = found[0]
    assert (e["location"], e["event_date"]) == ("Tessit", "2019-11-01")
    assert (e["event_type"], e["sub_event_type"]) == ("Battles", "Armed clash")
    assert (e["fatalities_low"], e["fatalities_high"]) == (50, 51)  # headline vs story


def test_a_dateline_or_an_acting_state_is_not_the_place(pack: Any) -> None:
    [e] = events(pack, "Fighting in the north\n\nKIDAL, Mali — Three days of fighting last "
                       "week near Tinzaouaten left 40 soldiers dead.", "2024-07-30")
    assert e["location"] == "Tinzaouaten"
    found = events(pack, "Mali declared a state of emergency on Saturday after the siege of "
                         "the hotel in Bamako.", "2015-11-22")
    assert all(e["location"] != "Mali" for e in found)


def test_an_arrest_without_a_named_agent_is_the_states(pack: Any) -> None:
    found = events(pack, "Two men were arrested in Bamako on Monday in connection with the "
                         "assault, according to a security source.", "2015-11-24")
    [e] = found  # the sentence tells of an arrest; "the assault" only refers to another event
    assert (e["sub_event_type"], e["actor1"]) == ("Arrests", "Malian Armed Forces")


def test_a_claim_made_by_a_group_joins_the_event_without_its_associate(pack: Any) -> None:
    [e] = events(pack, "Gunmen stormed a hotel in Bamako on Friday, killing 20 people. A second "
                       "claim was made on Monday by the Macina Liberation Front, which said it "
                       "had carried out the raid together with Ansar Dine.", "2015-11-24")
    assert "Katiba Macina" in e["claimed_by"]
    assert e["actor1"] != "Ansar Dine"


def test_a_day_without_a_year_follows_the_month_told_before(pack: Any) -> None:
    text = ("In March 2022, soldiers killed hundreds of people in Moura. Troops arrived by "
            "helicopter on 27 March and executed 300 men, the report said.")
    found = extract_document(Document(text=text, origin="t.txt", published="2023-05-12"),
                             pack).events()  # history by now: background events
    assert found and all(e["event_date"].startswith("2022-03") for e in found)


def test_support_and_distance_phrases_do_not_name_the_event(pack: Any) -> None:
    [e] = events(pack, "Malian soldiers, backed by French air strikes, retook the town of Konna "
                       "on Friday, the army said.", "2013-01-19")
    assert (e["sub_event_type"], e["actor1"]) == ("Government regains territory",
                                                  "Malian Armed Forces")
    [e] = events(pack, "Suicide bombers in two car bombs attacked the Kati military camp, 15 km "
                       "from Bamako, early on Friday.", "2022-07-23")
    assert (e["sub_event_type"], e["location"]) == ("Suicide bomb", "Kati")


def test_saying_it_carried_out_the_attack_is_a_claim(pack: Any) -> None:
    [e] = events(pack, "Three French soldiers were killed near Hombori on Monday when their "
                       "vehicle hit a roadside bomb. JNIM said on Saturday that it had carried "
                       "out the bombing.", "2021-01-03")
    assert e["claimed_by"] == ["Jama'at Nusrat al-Islam wal-Muslimin"]
    assert e["actor1"] == "Jama'at Nusrat al-Islam wal-Muslimin"


def test_fighters_of_a_named_group_are_that_group(pack: Any) -> None:
    [e] = events(pack, "Clashes broke out on 25 July near Tinzaouaten when a convoy was engaged "
                       "by fighters of the CSP-DPA.", "2024-07-30")
    assert e["actor1"] == "Permanent Strategic Framework"


def test_a_coup_or_a_government_decision_has_its_state_as_actor(pack: Any) -> None:
    found = events(pack, "Soldiers staged a coup in Niamey on Wednesday.", "2023-07-28")
    assert [e["actor1"] for e in found] == ["Niger Armed Forces"]
    [e] = events(pack, "Mali's military government said on Sunday that it was leaving the G5 "
                       "Sahel.", "2022-05-17")
    assert (e["event_type"], e["actor1"]) == ("Strategic developments", "Government of Mali")


def test_the_following_weekend_is_dated_from_the_day_before(pack: Any) -> None:
    found = events(pack, "Soldiers detained the president in Niamey on 26 July. The following "
                         "weekend, thousands marched in Niamey and some tried to storm the "
                         "embassy, smashing windows.", "2023-08-10")
    riot = next(e for e in found if e["event_type"] == "Riots")
    assert riot["event_date"] == "2023-07-29"


def test_counted_victims_and_a_single_hostage(pack: Any) -> None:
    [e] = events(pack, "Fifteen peacekeepers were wounded on Friday when a car bomb exploded near "
                       "their base close to Tarkint.", "2021-06-27")
    assert e["actor2"] == "United Nations Multidimensional Integrated Stabilization Mission in Mali"
    assert e["injured"] == 15
    [e] = events(pack, "A German priest was kidnapped in Bamako on Sunday, church sources said.",
                 "2022-11-22")
    assert (e["sub_event_type"], e["abducted"]) == ("Abduction/forced disappearance", 1)


def test_a_government_in_a_fight_is_its_army(pack: Any) -> None:
    [e] = events(pack, "The Malian junta took control of Kidal on Tuesday.", "2023-11-15")
    assert (e["sub_event_type"], e["actor1"]) == ("Government regains territory",
                                                  "Malian Armed Forces")
    [e] = events(pack, "Thousands marched in Niamey on Sunday in support of the junta, and some "
                       "tried to storm the embassy.", "2023-07-31")
    assert e["event_type"] == "Riots" and e["actor2"] is None


def test_a_group_founded_or_merged_is_a_change_to_group(pack: Any) -> None:
    found = extract_document(Document(
        text="JNIM was founded on 2 March 2017 in Mali when Ansar Dine, Katiba Macina and "
             "al-Mourabitoun merged.", origin="t.txt", published="2024-06-12"), pack).events()
    assert [(e["sub_event_type"], e["event_date"]) for e in found] == [
        ("Change to group/activity", "2017-03-02")]


# --- third round (gold/dev-relations.yaml as unseen signal): each rule on sentences of our own


def test_a_change_to_a_group_has_one_side_and_a_country(pack: Any) -> None:
    [e] = events(pack, "The Nigerian group Boko Haram swore allegiance to the Islamic State on "
                       "Saturday.", "2015-03-10")
    assert (e["sub_event_type"], e["actor2"]) == ("Change to group/activity", None)
    assert "Boko Haram" in e["actor1"] and "Islamic State" in (e["assoc_actor_1"] or "")
    assert (e["country"], e["geo_precision"]) == ("Nigeria", 3)  # from "Nigerian"


def test_a_placeless_development_takes_its_actors_country(pack: Any) -> None:
    [e] = events(pack, "Ansar Dine and al-Mourabitoun joined forces on 3 April.", "2016-04-10")
    assert e["country"] == "Mali" and e["actor1"] == "Ansar Dine"
    ex = extract_document(Document(text="Ansar Dine and al-Mourabitoun joined forces on 3 April.",
                                   origin="t.txt", published="2016-04-10"), pack)
    [place] = [s for s in ex.statements if s.property == "place"]
    assert ex.work.text[place.start:place.end] == "Ansar Dine"  # the words that say so


def test_the_group_named_before_is_the_group(pack: Any) -> None:
    found = events(pack, "Katiba Macina is active in central Mali. On 4 May the movement "
                         "rejoined JNIM after a brief dispute.", "2019-05-20")
    [e] = [e for e in found if e["event_type"] == "Strategic developments"]
    assert e["actor1"] == "Katiba Macina"


def test_an_owners_group_is_the_side(pack: Any) -> None:
    [e] = events(pack, "Iyad Ag Ghaly's Ansar Dine merged with two other groups on 2 March.",
                 "2017-03-08")
    assert e["actor1"] == "Ansar Dine"


def test_a_groups_history_told_in_an_aside_is_not_the_news(pack: Any) -> None:
    for text in ("JNIM, which split from AQIM's Sahara branch on 2 March 2017, now fights in "
                 "Burkina Faso.", "Ansarul Islam, founded in December 2016 by a preacher, is "
                 "active in Soum."):  # not even as background
        assert extract_document(Document(text=text, origin="t.txt", published="2019-03-10"),
                                pack).events() == []
    [e] = events(pack, "Al-Sahrawi, a commander of al-Mourabitoun, declared allegiance to the "
                       "Islamic State on 13 May.", "2015-05-20")
    assert e["sub_event_type"] == "Change to group/activity"


@pytest.mark.parametrize("text", [
    "The militia was set up in 2016, and officials accuse it of attacking Fulani hamlets.",
    "Both sides blamed each other for the breakdown of the Algiers agreement in 2023.",
])
def test_charges_and_named_accords_are_not_new_events(pack: Any, text: str) -> None:
    assert events(pack, text, "2024-01-10") == []


def test_a_perfect_verb_phrase_is_not_a_present_tense_habit(pack: Any) -> None:
    [e] = events(pack, "Ansar Dine and the MNLA have joined forces in Mali, a statement said on "
                       "2 March.", "2017-03-05")
    assert e["sub_event_type"] == "Change to group/activity"


def test_the_month_may_is_not_the_modal_may(pack: Any) -> None:
    [e] = events(pack, "On 12 May gunmen attacked a village near Djibo, killing nine people.",
                 "2023-05-20")
    assert (e["event_date"], e["fatalities"]) == ("2023-05-12", 9)
    assert events(pack, "Gunmen may attack the villages near Djibo, officials warned.",
                  "2023-05-20") == []


def test_an_actor_takes_its_role_from_the_other_trigger_when_the_nearest_gives_none(
        pack: Any) -> None:
    [e] = events(pack, "Dozens of soldiers were killed on Sunday when ISGS fighters overran "
                       "the army post at Tessit.", "2023-03-01")
    assert e["actor1"] == "Islamic State Sahel Province"


def test_a_group_saying_what_it_did_claims_the_event(pack: Any) -> None:
    [e] = events(pack, "Gunmen attacked the gendarmerie post at Boni on Friday. JNIM later said "
                       "it had seized weapons and two vehicles.", "2023-03-01")
    assert e["claimed_by"] == ["Jama'at Nusrat al-Islam wal-Muslimin"]
    [e] = events(pack, "Gunmen attacked the army post at Boni on Friday. The Malian army said "
                       "it had killed ten of the attackers.", "2023-03-01")
    assert e["claimed_by"] == [] and e["actor1"] == "Unidentified armed group"


def test_a_lead_in_the_present_perfect_is_news_of_the_publication_month(pack: Any) -> None:
    [e] = events(pack, "A statement posted online says that Ansar Dine has rejoined the "
                       "coalition. The groups had worked apart for a year.", "2018-04-09")
    assert (e["event_date"], e["date_precision"]) == ("2018-04-01", "month")
    assert e["actor1"] == "Ansar Dine"
    # a perfect that carries its own date phrase, or a weak "killed", is not dated this way
    assert events(pack, "The group, which has fought the army since 2012, is based in Mali.",
                  "2018-04-09") == []


def test_russian_personnel_deployed_are_the_paramilitaries_of_the_day(pack: Any) -> None:
    [e] = events(pack, "Russian military personnel were deployed to Gao on 3 January.",
                 "2022-01-10")
    assert (e["sub_event_type"], e["actor1"], e["actor2"]) == (
        "Headquarters or base established", "Wagner Group", None)
    [e] = events(pack, "Russian trainers arrived in Gao on 3 January.", "2025-01-10")
    assert e["actor1"] == "Africa Corps"


def test_the_next_day_after_a_weekday_and_a_state_acting_on_a_group(pack: Any) -> None:
    found = events(pack, "Gunmen killed 20 villagers in Sobane on Sunday. The government "
                         "dissolved the Dan Na Ambassagou militia the next day.", "2019-06-12")
    [change] = [e for e in found if e["event_type"] == "Strategic developments"]
    assert change["event_date"] == "2019-06-10"  # the Monday after Sunday 9 June
    assert (change["actor1"], change["actor2"]) == ("Government of Mali", "Dan Na Ambassagou")


def test_a_suspect_named_before_the_verb_is_blamed(pack: Any) -> None:
    [e] = events(pack, "Gunmen attacked the village of Ogossagou on Friday, killing 30 people. "
                       "Dozos, the traditional hunters of the area, were suspected.", "2020-02-16")
    assert e["actor1"] == "Dozo hunters"


def test_denying_involvement_does_not_deny_the_event(pack: Any) -> None:
    [e] = events(pack, "Gunmen killed 12 herders near Bankass on Monday, although the militia "
                       "denied any involvement.", "2023-05-20")
    assert e["modality"] == "asserted" and e["event_date"] == "2023-05-15"
    [e] = events(pack, "Gunmen killed 12 herders near Bankass on Monday, officials said, but the "
                       "army denied it.", "2023-05-20")
    assert e["modality"] == "denied"


def test_military_rulers_are_the_government_and_a_coup_is_the_militarys(pack: Any) -> None:
    [e] = events(pack, "The military rulers of Mali signed a defence pact in Bamako on 16 "
                       "September.", "2023-09-18")
    assert (e["sub_event_type"], e["actor1"]) == ("Agreement", "Government of Mali")
    [e] = events(pack, "Niger's ruling council seized power in Niamey on 26 July.", "2023-07-30")
    assert e["actor1"] == "Niger Armed Forces"


def test_an_asides_date_and_place_are_not_the_main_verbs(pack: Any) -> None:
    [e] = events(pack, "A statement said that the MSA, founded in 2016 in Kidal after a split, "
                       "has joined forces with GATIA.", "2018-05-20")
    assert (e["event_date"], e["date_precision"]) == ("2018-05-01", "month")
    assert e["location"] != "Kidal"


def test_a_persons_history_and_a_founder_are_not_the_event(pack: Any) -> None:
    found = extract_document(Document(
        text="Army officers overthrew Colonel Ousmane Diarra, who had himself taken power in "
             "March, in Niamey on Friday.", origin="t.txt", published="2023-11-20"),
        pack).events()
    assert [e["event_date"] for e in found] == ["2023-11-17"]  # no March coup
    [e] = events(pack, "Rebels clashed with soldiers at Aguelhok on 24 January, together with "
                       "Ansar Dine, a movement created by the veteran rebel leader Iyad Ag Ghaly.",
                 "2012-01-30")
    assert "Iyad" not in f"{e['actor1']} {e['assoc_actor_1']} {e['actor2']}"


def test_the_group_which_staged_the_attack_did_it(pack: Any) -> None:
    [e] = events(pack, "JNIM, which staged the deadly attack that killed 20 soldiers in Boni "
                       "on Monday, is growing.", "2023-03-01")
    assert e["actor1"] == "Jama'at Nusrat al-Islam wal-Muslimin"


def test_two_attacks_one_on_a_and_the_other_on_b_are_two_events(pack: Any) -> None:
    found = events(pack, "Thirty villagers and eight gendarmes were killed on Sunday in two "
                         "attacks, one on a market near Djibo and the other on a gendarmerie "
                         "post at Arbinda, officials said.", "2023-05-30")
    got = sorted((e["location"], e["event_type"], e["fatalities"]) for e in found)
    assert got == [("Arbinda", "Battles", 8), ("Djibo", "Violence against civilians", 30)]


def test_two_groups_both_claiming_and_a_states_dead_as_the_side_hit(pack: Any) -> None:
    [e] = events(pack, "Fighters of the FLA and militants from JNIM both claimed responsibility "
                       "for the ambush near Anefis in late March, in which dozens of Wagner "
                       "fighters were killed.", "2024-04-02")
    assert e["claimed_by"] == ["Azawad Liberation Front",
                               "Jama'at Nusrat al-Islam wal-Muslimin"]
    assert (e["event_date"], e["actor2"]) == ("2024-03-01", "Wagner Group")


def test_who_repelled_an_attack_was_attacked_and_a_units_name_acts(pack: Any) -> None:
    [e] = events(pack, "Nigerien soldiers repelled an attack on their post in Tillaberi on "
                       "Friday.", "2023-03-01")
    assert (e["actor1"], e["actor2"]) == ("Unidentified armed group", "Niger Armed Forces")
    [e] = events(pack, "The last soldiers of Operation Barkhane left Mali on Monday, after "
                       "relations with the junta collapsed.", "2022-08-16")
    assert e["actor1"] == "Operation Barkhane"


def test_inferred_actors_point_at_the_words_that_say_who(pack: Any) -> None:
    text = ("A French air strike killed 12 militants near Menaka on Sunday. Gunmen attacked a "
            "market in Djibo on Monday.")
    ex = extract_document(Document(text=text, origin="t.txt", published="2023-05-20"), pack)
    spans = {(s.property, s.value): text[s.start:s.end] for s in ex.statements
             if s.property in ("actor1", "actor2")}
    assert spans[("actor1", "french_armed_forces")] == "French"
    assert spans[("actor2", "civilians")] == "market"


def test_territory_taken_by_a_group_was_the_states(pack: Any) -> None:
    [e] = events(pack, "MNLA rebels took control of Tessalit on Sunday.", "2012-03-13")
    assert (e["sub_event_type"], e["actor2"]) == ("Non-state actor overtakes territory",
                                                  "Malian Armed Forces")


def test_an_undated_event_the_news_came_after_is_a_reference(pack: Any) -> None:
    found = events(pack, "Gunmen killed 12 villagers near Djibo on Sunday. The raid came a month "
                         "after jihadists attacked the army camp at Arbinda.", "2023-05-20")
    assert [e["location"] for e in found] == ["Djibo"]


def test_a_foreign_forces_nationality_is_not_where_it_happened(pack: Any) -> None:
    [e] = events(pack, "French forces have killed the JNIM commander Abu Yahya, the French "
                       "defence ministry said on Friday.", "2021-10-16")
    assert e["country"] != "France"
