"""Event rules added for the check rounds of session 5 (gold/dev-h.yaml and the batches after
it): weekends, the day of a report against the day of an event, a sentence that goes on telling
the event just told, the victims a story names after its trigger, "the rebels" named before, and
a post or patrol hit with no one named. Each rule is tested on sentences written for the test
(never the development reports)."""

from __future__ import annotations

from typing import Any

from extracted import events_in

from sitrep.pipeline.dates import Publication, find_dates


def events(pack: Any, text: str, published: str = "2023-05-16") -> list[dict[str, Any]]:
    return events_in(pack, text, published, background=False)


# ------------------------------------------------------------------------------------ dates


def test_weekend_phrases_are_the_saturday_and_sunday_before_publication() -> None:
    pub = Publication.parse("2023-05-16")  # a Tuesday
    for phrase in ("last weekend", "a weekend attack", "over the weekend", "last week-end"):
        [d] = find_dates(phrase, pub)
        assert (d.start_date.isoformat(), d.end_date.isoformat()) == ("2023-05-13", "2023-05-14")
    assert find_dates("a weekend of talks", pub) == []


def test_an_attributive_weekend_beats_the_day_of_the_report(pack: Any) -> None:
    [e] = events(pack, "The toll from a weekend attack on the village of Kelbo has risen to 31, "
                       "the regional governor said on Tuesday.")
    assert e["event_date"] == "2023-05-13" and e["date_end"] == "2023-05-14"


def test_an_event_never_dated_takes_the_day_of_its_report(pack: Any) -> None:
    [e] = events(pack, "The rebel coalition said on Sunday it had taken control of the army camp "
                       "at Anefis after several hours of fighting.")
    assert e["event_date"] == "2023-05-14"


# ----------------------------------------------------------------------- the story goes on


def test_a_sentence_opening_on_the_attack_goes_on_telling_it(pack: Any) -> None:
    found = events(pack, "The Islamic State claimed on Saturday an attack on an army post at "
                         "Tabankort that killed 18 soldiers. The assault on Friday began with "
                         "mortar fire before gunmen on motorbikes stormed the post.")
    assert len(found) == 1
    assert found[0]["event_date"] == "2023-05-12" and found[0]["fatalities"] == 18


def test_a_force_fighting_insurgents_is_not_a_fight(pack: Any) -> None:
    assert events(pack, "On Monday, the government thanked the regional task force fighting "
                        "the insurgents near Kolofata for its help.") == []


def test_victims_named_after_the_trigger_make_an_attack_on_civilians(pack: Any) -> None:
    [e] = events(pack, "Residents of Dioungani are still in shock after the attack of Saturday "
                       "morning. Armed men surrounded the hamlet at dawn, shooting villagers and "
                       "setting granaries on fire.")
    assert (e["event_type"], e["actor2"]) == ("Violence against civilians", "Civilians")


def test_soldiers_named_after_the_trigger_keep_the_battle(pack: Any) -> None:
    [e] = events(pack, "The attack of Saturday morning lasted three hours. Armed men surrounded "
                       "the camp at dawn, shooting soldiers as they ran.")
    assert e["event_type"] == "Battles"


# ---------------------------------------------------------------------------------- actors


def test_the_jihadists_are_the_one_jihadist_group_named_before(pack: Any) -> None:
    found = events(pack, "JNIM fighters attacked an army post in Boni on Monday, killing five "
                         "soldiers. On Thursday, the jihadists ambushed a convoy near Hombori.")
    assert [e["actor1"] for e in found] == ["Jama'at Nusrat al-Islam wal-Muslimin"] * 2


def test_the_jihadists_stay_unidentified_when_two_groups_were_named(pack: Any) -> None:
    found = events(pack, "JNIM and the Islamic State Sahel Province have fought each other for "
                         "years. On Thursday, the jihadists ambushed a convoy near Hombori.")
    assert found[-1]["actor1"] == "Unidentified armed group"


def test_the_rebels_are_the_rebel_movement_named_before(pack: Any) -> None:
    found = events(pack, "The CSP said on Sunday it had seized the army camp at Lere. Last week, "
                         "the rebels had attacked the camp at Bourem.")
    assert found[-1]["actor1"] == "Permanent Strategic Framework"


def test_a_patrol_hit_with_no_one_named_is_the_countrys_forces(pack: Any) -> None:
    [e] = events(pack, "Gunmen attacked a patrol near Tillaberi on Monday.")
    assert e["actor2"] == "Niger Armed Forces"
    [e] = events(pack, "Gunmen attacked a jihadist camp near Tillaberi on Monday.")
    assert e["actor2"] is None


def test_a_leader_named_as_the_side_stands_for_the_group_he_led(pack: Any) -> None:
    [e] = events(pack, "Amadou Koufa's men attacked an army camp in Dioura on 17 April 2023, "
                       "killing 21 soldiers.")
    assert e["actor1"] == "Katiba Macina"


def test_gendarmes_of_a_country_without_a_listed_gendarmerie_are_its_forces(pack: Any) -> None:
    [e] = events(pack, "The gendarmerie arrested four people in Mandouri, in northern Togo, on "
                       "Monday.")
    assert e["actor1"] == "Togolese Armed Forces"


# ------------------------------------------------------------------------- types and places


def test_an_aircraft_that_hit_is_an_air_strike(pack: Any) -> None:
    [e] = events(pack, "Villagers had gathered on Sunday for a funeral in Tiguila, near Boni, "
                       "when an aircraft hit the crowd, killing 12 people.")
    assert e["sub_event_type"] == "Air/drone strike"


def test_a_strike_by_its_aircraft_is_the_speakers_air_strike(pack: Any) -> None:
    found = events(pack, "The French army, for its part, says that a strike by its aircraft on "
                         "Sunday killed about thirty jihadists near Hombori.")
    assert [(e["sub_event_type"], e["actor1"]) for e in found] == [
        ("Air/drone strike", "French Armed Forces")]


def test_an_event_used_as_a_time_mark_is_no_event(pack: Any) -> None:
    assert events_in(pack, "Benin has kept troops and aircraft along its northern border since "
                           "a deadly attack on soldiers last year.", "2023-05-16") == []
    assert events_in(pack, "Togo has kept troops in the north since the attack on the post at "
                           "Kpinkankandi on 11 May 2022.", "2023-05-16") != []


def test_deaths_at_a_protest_that_faced_armed_forces_are_excessive_force(pack: Any) -> None:
    [e] = events(pack, "Two people were killed on Saturday in Tera when a French military "
                       "convoy was blocked by hundreds of demonstrators.")
    assert (e["sub_event_type"], e["actor1"], e["actor2"]) == (
        "Excessive force against protesters", "French Armed Forces", "Protesters")
    [e] = events(pack, "Soldiers fired live rounds at protesters in Niamey on Thursday, killing "
                       "two.")
    assert e["sub_event_type"] == "Excessive force against protesters"


def test_an_event_told_after_the_report_sentence_takes_its_day(pack: Any) -> None:
    found = events(pack, "The prime minister announced on Thursday evening that about fifty "
                         "people died during the demonstrations. In N'Djamena, police and "
                         "soldiers fired live ammunition on marchers in several districts.")
    assert {e["event_date"] for e in found} == {"2023-05-11"}
    assert "Excessive force against protesters" in {e["sub_event_type"] for e in found}


def test_a_hamlet_of_a_country_the_story_never_names_is_not_its_place(pack: Any) -> None:
    [e] = events(pack, "SOKOTO, Nigeria - Armed men on motorcycles attacked a wedding party in "
                       "the village of Gatawa, in the Sabon Birni area of Sokoto state, on Sunday "
                       "evening, killing 12 guests.")
    assert e["country"] == "Nigeria"


def test_a_toll_over_a_period_is_a_statistic(pack: Any) -> None:
    assert events(pack, "The government said on Thursday that jihadist attacks in the Savanes "
                        "region had killed dozens of soldiers and civilians since November "
                        "2021.") == []
    assert events(pack, "The army said it had neutralised more than 150 terrorists in the past "
                        "week.") == []


def test_shot_dead_before_the_count_is_a_toll(pack: Any) -> None:
    [e] = events(pack, "Gunmen burst into a church in Dablo on Sunday and shot dead six "
                       "worshippers.")
    assert e["fatalities"] == 6


def test_crowd_killings_are_mob_violence(pack: Any) -> None:
    [e] = events(pack, "A suspected thief was beaten to death by a crowd in the market of Maradi "
                       "on Tuesday.")
    assert e["sub_event_type"] == "Mob violence"


def test_students_whisked_away_were_abducted(pack: Any) -> None:
    [e] = events(pack, "Gunmen invaded a school in Kankara on Friday night and whisked away "
                       "dozens of students.")
    assert e["sub_event_type"] == "Abduction/forced disappearance"
