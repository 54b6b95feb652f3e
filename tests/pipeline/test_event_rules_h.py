"""Event rules added in session 7 (causes found in gold/dev-m.yaml and gold/dev-n.yaml). Each
rule is tested on sentences written for the test (never the development reports)."""

from __future__ import annotations

from datetime import date
from typing import Any

from extracted import new_events as events
from extracted import one_event as one

from sitrep.pipeline.attribution import is_statistic
from sitrep.pipeline.dates import Publication, find_dates

# ------------------------------------------------------------------------------- dates


def test_a_weekday_before_a_date_names_that_day_and_is_no_second_date() -> None:
    pub = Publication.parse("2023-04-24")
    found = find_dates("Follow-up on the raid of Thursday 6 April near the town.", pub)
    assert [(d.text, d.start_date) for d in found] == [("6 April", date(2023, 4, 6))]
    found = find_dates("On Sunday, March 19, the post was attacked.", pub)
    assert [d.start_date for d in found] == [date(2023, 3, 19)]


def test_a_span_from_one_weekday_to_another() -> None:
    found = find_dates("Troops fought rebels for the town from Friday to Sunday.",
                       Publication.parse("2023-08-14"))
    assert [(d.start_date, d.end_date) for d in found] == [(date(2023, 8, 11),
                                                            date(2023, 8, 13))]


def test_a_number_of_fighters_is_no_statistic_but_the_number_of_attacks_is() -> None:
    assert not is_statistic("The army said it had killed a number of rebels.")
    assert is_statistic("The number of attacks doubled.")


# ------------------------------------------------------------------------------- roles


def test_a_group_that_says_it_killed_is_the_perpetrator_and_claims_it(pack: Any) -> None:
    e = one(pack, "JNIM, al-Qaeda's branch in the region, said it killed more than 60 soldiers "
                  "in an assault on the army post at Dori on 4 August.", "2023-08-10")
    assert e["actor1"] == "Jama'at Nusrat al-Islam wal-Muslimin"
    assert e["claimed_by"] == ["Jama'at Nusrat al-Islam wal-Muslimin"]
    assert e["actor2"] == "Burkina Faso Armed Forces"


def test_an_army_that_says_it_retook_a_town_after_fighting_retook_it(pack: Any) -> None:
    e = one(pack, "Malian troops entered the town of Ber on Sunday after fighting with rebels, "
                  "a military source said. The army said it had retaken control of the town "
                  "after neutralising a number of assailants.", "2023-08-16")
    assert (e["actor1"], e["location"]) == ("Malian Armed Forces", "Ber")
    assert e["sub_event_type"] == "Government regains territory"


def test_rebels_who_say_they_killed_make_no_claim_without_a_name(pack: Any) -> None:
    found = events(pack, "A drone strike killed 12 civilians at Tessalit on Sunday. The town "
                         "saw fighting last month, when the rebels said they had killed dozens "
                         "of soldiers.", "2024-08-30")
    assert found and all(e["claimed_by"] == [] for e in found)


# ------------------------------------------------------------------------------- places


def test_a_jihadist_group_named_does_not_pull_a_town_into_its_home_country(pack: Any) -> None:
    e = one(pack, "JNIM said it killed more than 60 soldiers in an assault on the army post at "
                  "Dori on 4 August.", "2023-08-10")
    assert (e["location"], e["country"]) == ("Dori", "Burkina Faso")
    assert e["actor2"] == "Burkina Faso Armed Forces"


def test_a_story_about_niger_keeps_out_a_malian_hamlet_when_the_group_is_malian_born(
        pack: Any) -> None:
    found = events(pack, "Gunmen killed 12 villagers in Libiri, in the Tera department of "
                         "Tillaberi region, on Tuesday, and 9 traders near Kokorou the next day. "
                         "The ministry blamed the EIGS.", "2024-12-15")
    assert {e["country"] for e in found} == {"Niger"}


def test_there_is_the_place_named_last(pack: Any) -> None:
    found = events(pack, "About 30 civilians were killed near Titao on Wednesday as they fled "
                         "the town on foot. Earlier this month 11 soldiers died in an attack on "
                         "the army detachment there.", "2022-05-28")
    assert sorted((e["location"], e["date_precision"], e["fatalities"]) for e in found) == [
        ("Titao", "day", 30), ("Titao", "month", 11)]


# ------------------------------------------------------------------------------- types


def test_thousands_of_supporters_attacking_an_embassy_riot(pack: Any) -> None:
    e = one(pack, "Thousands of supporters of the junta attacked the French embassy in Niamey "
                  "on Sunday, setting fire to a door before police fired tear gas.", "2023-07-31")
    assert (e["event_type"], e["sub_event_type"], e["actor1"]) == (
        "Riots", "Violent demonstration", "Rioters")


def test_an_event_told_without_a_place_is_at_the_only_town_the_report_names(pack: Any) -> None:
    found = events(pack, "Traders have been protesting in Dori since Monday against new taxes. "
                         "On Wednesday gendarmes fired tear gas at demonstrators who tried to "
                         "block the main road.", "2023-03-03")
    assert found and {e["location"] for e in found} == {"Dori"}
    # (events_in checks that every statement quotes the sentence its span lies in)


# ------------------------------------------------------------------------------- claims


def test_no_claim_by_monday_and_sources_pointing_to_a_group_blame_it(pack: Any) -> None:
    e = one(pack, "The police post at Boni was attacked at dawn on Sunday 9 June by armed men "
                  "on motorbikes. No group had claimed the attack by Monday, but sources in the "
                  "area point to JNIM, which is active in the zone.", "2024-06-11")
    assert e["claimed_by"] == []
    assert e["actor1"] == "Jama'at Nusrat al-Islam wal-Muslimin"


# ------------------------------------------------------------------------------- tolls


def test_a_toll_given_and_raised_later_is_the_toll_of_the_event_told(pack: Any) -> None:
    e = one(pack, "The gendarmerie post at Makalondi was attacked in the night of 3 to 4 May "
                  "by presumed terrorists. The first toll, given on Thursday morning, reported "
                  "six gendarmes killed; it was raised to eight, then to nine on Friday.",
            "2024-05-10")
    assert (e["location"], e["event_date"]) == ("Makalondi", "2024-05-03")
    assert e["fatalities_low"] == 6 and e["fatalities_high"] == 9


def test_a_sum_of_two_attacks_each_told_after_is_no_third_event(pack: Any) -> None:
    found = events(pack, "The ministry said on Saturday that gunmen killed 30 civilians in two "
                         "attacks in the Tera department. On Tuesday night, men on motorbikes "
                         "entered the village of Gorouol and killed 17 people. The next morning "
                         "another group stopped a bus near Dargol, killing 13 passengers.",
                   "2024-12-15")
    assert sorted((e["location"], e["fatalities"]) for e in found) == [
        ("Dargol", 13), ("Gorouol", 17)]


def test_a_quoted_count_is_a_count_and_its_text_is_the_documents() -> None:
    from sitrep.pipeline.quantities import find_quantities

    text = "Armed men opened fire; 'around forty' people were killed, he said."
    found = find_quantities(text)
    assert [(q.kind, q.count.value) for q in found] == [("killed", 40)]
    assert found[0].text == text[found[0].start:found[0].end]


def test_the_village_after_a_french_cercle_de_is_the_village_not_the_seat(pack: Any) -> None:
    e = one(pack, "A wedding turned into a massacre on Monday evening in Ogossagou, a village in "
                  "the cercle de Bankass. Armed men surrounded the village and opened fire; "
                  "about thirty people were killed.", "2024-07-03")
    assert (e["location"], e["fatalities"]) == ("Ogossagou", 30)
