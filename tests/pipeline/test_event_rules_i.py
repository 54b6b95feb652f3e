"""Event rules added in session 8 (causes found in gold/dev-o.yaml and the session's blind
batches). Each rule is tested on sentences written for the test (never the development reports)."""

from __future__ import annotations

from datetime import date
from typing import Any

from extracted import events_in
from extracted import new_events as events
from extracted import one_event as one

from sitrep.model import Document
from sitrep.pipeline import extract_document
from sitrep.pipeline.dates import Publication, find_dates


def _places(pack: Any, text: str) -> dict[str, Any]:
    ex = extract_document(Document(text=text, origin="t.txt", published="2020-01-01"), pack)
    return {pm.text: res.place for pm, res in ex.work.places}


# ------------------------------------------------------------------------------- places


def test_a_name_many_villages_share_is_the_one_near_a_town_the_report_names(pack: Any) -> None:
    near = _places(pack, "Armed men raided Ségué, near Bandiagara, on Monday.")
    assert (near["Ségué"].country, near["Ségué"].admin1) == ("ML", "Mopti")
    alone = _places(pack, "Armed men raided Ségué on Monday.")  # nothing to tell them apart
    assert alone["Ségué"].admin1 != "Mopti" or alone["Ségué"].id == near["Ségué"].id


def test_a_name_joined_to_the_word_before_it_is_a_longer_unlisted_name(pack: Any) -> None:
    e = one(pack, "Clashes erupted on Monday around Tin-Kara, in the cercle of Bourem, "
                  "leaving nine fighters dead.")
    assert e["location"] == "Tin-Kara"  # not Kara, a city in Togo
    assert "Kara" not in _places(pack, "Fighting near Tin-Kara went on for days.")
    # two places joined by a hyphen are both kept
    assert {"Niamey", "Ouallam"} <= set(_places(pack, "An ambush on the Niamey-Ouallam road."))


def test_the_hamlet_that_armed_men_encircled_is_the_village_named_before(pack: Any) -> None:
    e = one(pack, "The village of Dogo, near Tanout, has known no peace this year. Armed men "
                  "encircled the hamlet on Sunday night and shot two herders.")
    assert e["location"] == "Dogo"


# ------------------------------------------------------------------------------- types


def test_a_president_removed_from_office_and_mutinous_soldiers_tell_a_coup(pack: Any) -> None:
    found = events(pack, "Mutinous soldiers took over the state radio on Tuesday in Niamey. On "
                         "Wednesday, officers announced that the president had been removed "
                         "from office and the constitution suspended.")
    assert found and all(e["event_type"] == "Strategic developments"
                         and e["sub_event_type"] == "Other" for e in found)


# ------------------------------------------------------------------------------- which events


def test_an_arrest_told_in_a_relative_clause_with_its_day_is_news(pack: Any) -> None:
    e = one(pack, "A rights group called on the authorities on Friday to free Idrissa Maiga, a "
                  "spokesman of the CMA, who was arrested at his home in Niamey on 3 February "
                  "by men in plain clothes.", "2023-02-10")
    assert (e["sub_event_type"], e["event_date"], e["location"]) == ("Arrests", "2023-02-03",
                                                                     "Niamey")


# ------------------------------------------------------------------------------- roles


def test_the_one_held_since_a_coup_is_its_victim(pack: Any) -> None:
    found = events_in(pack, "The group also recalled that former president Mohamed Bazoum has "
                            "been held at his residence since the coup of 26 July 2023.",
                      "2024-03-01")
    assert [(e["sub_event_type"], e["actor1"], e["actor2"]) for e in found] == [
        ("Other", None, "Mohamed Bazoum")]


def test_gunmen_who_shot_someone_tell_an_attack_a_warning_shot_does_not(pack: Any) -> None:
    e = one(pack, "Gunmen shot a trader in the market of Dori on Friday.")
    assert (e["event_type"], e["actor2"], e["location"]) == ("Violence against civilians",
                                                             "Civilians", "Dori")
    assert events(pack, "A warning shot was fired.") == []


def test_the_attackers_a_few_km_away_are_the_same_event(pack: Any) -> None:
    found = events(pack, "Thirty people were killed on Monday when gunmen attacked traders "
                         "coming back from the market in Banibangou, the government said. The "
                         "attackers stopped the lorries near the village of Darey-Daye and shot "
                         "the passengers.", "2021-03-17")
    assert [(e["location"], e["fatalities"]) for e in found] == [("Banibangou", 30)]


# ------------------------------------------------------------------------------- claims


def test_a_claim_after_a_long_aside_or_already_made(pack: Any) -> None:
    e = one(pack, "Ansarul Islam, the group a preacher from the north of the country founded "
                  "years ago, has claimed the attack on the gendarmerie post at Djibo on Monday.")
    assert e["claimed_by"] == ["Ansarul Islam"]
    e = one(pack, "Jihadists attacked an army post near Karimama on 9 May, killing six soldiers. "
                  "JNIM, the al-Qaeda-linked group, had already claimed it.", "2025-05-12")
    assert e["claimed_by"] == ["Jama'at Nusrat al-Islam wal-Muslimin"]


def test_a_group_that_says_in_a_statement_it_did_the_act_claims_it(pack: Any) -> None:
    e = one(pack, "Rebels attacked the garrison at Léré on Tuesday. The National Movement for "
                  "the Liberation of Azawad (MNLA), set up last year by fighters back from "
                  "Libya, said in a statement that it had launched the assault.", "2012-02-02")
    assert (e["actor1"], e["claimed_by"], e["event_date"]) == (
        "National Movement for the Liberation of Azawad",
        ["National Movement for the Liberation of Azawad"], "2012-01-31")


def test_the_gendarmerie_of_a_country_is_its_gendarmerie(pack: Any) -> None:
    ids = {m.actor_id for m in pack.find_actors("the Gendarmerie of Burkina Faso and the "
                                                "Gendarmerie of Niger")}
    assert ids == {"bf_gendarmerie", "niger_gendarmerie"}


def test_a_coup_told_in_an_aside_with_its_day_is_news_a_split_is_not(pack: Any) -> None:
    found = events(pack, "Thousands rallied in Niamey on Sunday in support of the CNSP, which "
                         "ousted President Mohamed Bazoum on Wednesday.", "2023-07-31")
    assert [e["event_date"] for e in found if e["sub_event_type"] == "Other"] == ["2023-07-26"]


# ------------------------------------------------------------------------------- dates


def test_a_clause_after_a_month_after_tells_an_earlier_event() -> None:
    pub = Publication.parse("2020-01-13")
    found = find_dates("The army lost 40 men on 9 January. It was the worst loss yet, a month "
                       "after 71 soldiers were killed at Inates.", pub)
    assert [(d.text, d.start_date, d.precision) for d in found] == [
        ("9 January", date(2020, 1, 9), "day"), ("a month after", date(2019, 12, 1), "month")]
    # at the head of a sentence it still dates what follows it
    found = find_dates("Soldiers died on 9 January. A week after the attack, the army left.", pub)
    assert found[-1].start_date == date(2020, 1, 16)


def test_a_leader_removed_months_after_he_seized_power_is_two_coups(pack: Any) -> None:
    found = events_in(pack, "On Friday evening, officers announced on television that Colonel "
                            "Amadou was removed as head of the junta, eight months after he had "
                            "himself seized power.", "2022-10-02")
    assert sorted((e["event_date"], e["date_precision"]) for e in found) == [
        ("2022-01-01", "month"), ("2022-09-30", "day")]


def test_scores_of_people_killed_by_jihadists_are_victims_not_a_crowd(pack: Any) -> None:
    e = one(pack, "Scores of people were killed on Saturday when jihadist fighters attacked "
                  "villagers digging a trench around the town of Kaya.", "2024-08-27")
    assert (e["event_type"], e["actor1"]) == ("Violence against civilians",
                                              "Unidentified armed group")
    riot = one(pack, "Hundreds of youths set fire to the town hall of Kaya on Saturday.",
               "2024-08-27")
    assert riot["event_type"] == "Riots"


def test_a_charge_names_an_event_it_does_not_tell_one(pack: Any) -> None:
    assert events(pack, "The general and 17 co-defendants are accused of the abduction and "
                        "murder of 21 soldiers who went missing in 2012.", "2016-11-30") == []
    assert events(pack, "Three men on trial for the massacre at Ogossagou were acquitted on "
                        "Monday.", "2021-05-12") == []


def test_a_convoy_bound_for_a_town_was_not_there(pack: Any) -> None:
    e = one(pack, "Two people were killed and nine wounded in Téra, in the west, on Saturday "
                  "when protesters tried to stop a supply convoy bound for Gao in Mali, the "
                  "ministry said.",
            "2021-11-28")
    assert (e["location"], e["event_date"], e["fatalities"]) == ("Téra", "2021-11-27", 2)


def test_people_a_convoy_carried_were_its_target(pack: Any) -> None:
    e = one(pack, "Gunmen ambushed a convoy of five buses carrying mine workers near Fada "
                  "N'Gourma on Wednesday, killing 37 people.", "2019-11-07")
    assert e["actor2"] == "Civilians"


def test_of_two_namesakes_equally_likely_the_nearer_one(pack: Any) -> None:
    places = _places(pack, "FADA N'GOURMA - The attack took place on the road to Boungou.")
    assert places["Boungou"].admin1 == "Est"  # not the Centre-Sud village of that alias


def test_a_gap_after_a_comma_does_not_date_the_act_before_it(pack: Any) -> None:
    found = events_in(pack, "The government said on Wednesday that troops had repelled an "
                            "assault on the Kati camp in the early hours, two days before the "
                            "new president's inauguration.", "2021-03-31")
    assert "2021-04-02" not in [e["event_date"] for e in found]
