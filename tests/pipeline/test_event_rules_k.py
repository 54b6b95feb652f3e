"""Event rules added in session 10 (causes found in gold/dev-s.yaml and gold/dev-t.yaml). Each
rule is tested on sentences written for the test (never the development reports)."""

from __future__ import annotations

from typing import Any

from extracted import events_in
from extracted import one_event as one

from sitrep.model import Document
from sitrep.pipeline import extract_document
from sitrep.pipeline.quantities import find_quantities


def _killed(text: str) -> list[int]:
    return [q.count.value for q in find_quantities(text) if q.kind == "killed"]


# ------------------------------------------------------------------------------- claims


def test_a_group_saying_its_branch_carried_out_the_attack_claims_it(pack: Any) -> None:
    e = one(pack, "Gunmen attacked a gendarmerie post in Dioura on Tuesday, killing seven "
                  "gendarmes. The Islamic State group said in a statement posted online that "
                  "its Sahel Province had carried out the attack.", "2022-03-10")
    assert e["claimed_by"] == ["Islamic State"]


def test_an_alliance_saying_its_fighters_carried_it_out_claims_it(pack: Any) -> None:
    found = events_in(pack, "Attackers fired rockets at the camp at Aguelhok on Monday, wounding "
                            "two peacekeepers. On Wednesday the JNIM alliance said its fighters "
                            "had carried out the attack.", "2021-05-06")
    assert len(found) == 1
    assert found[0]["claimed_by"] == ["Jama'at Nusrat al-Islam wal-Muslimin"]
    assert found[0]["event_date"] == "2021-05-03"


def test_the_day_opening_a_long_subject_and_said_dates_the_statement(pack: Any) -> None:
    found = events_in(pack, "Gunmen killed five guards at a hotel in Sevare on Friday. On Monday "
                            "the al-Mourabitoun group of Mokhtar Belmokhtar said in a message to "
                            "a news website that its men had carried out the attack.",
                      "2016-03-08")
    assert len(found) == 1
    assert found[0]["event_date"] == "2016-03-04"


def test_a_listed_militants_nationality_does_not_set_the_story_country(pack: Any) -> None:
    # (the Algerian Belmokhtar must not pull a Malian town's name out of Mali)
    e = one(pack, "Gunmen killed five guards at a hotel in Sevare on Friday. A group loyal to "
                  "Mokhtar Belmokhtar was blamed.", "2016-03-08")
    assert e["location"] == "Sévaré"


# ------------------------------------------------------------------------------- events


def test_a_post_coming_under_simultaneous_attacks_is_one_event(pack: Any) -> None:
    e = one(pack, "Early on Sunday the gendarmerie post at Dioura came under simultaneous "
                  "complex attacks by jihadist fighters.", "2019-03-19")
    assert e["location"] == "Dioura" and e["event_date"] == "2019-03-17"


def test_two_counted_sites_listed_after_the_verb_are_two_events(pack: Any) -> None:
    found = events_in(pack, "Jihadists attacked two army posts, at Diafarabé and at Dioura, on "
                            "Tuesday.", "2020-02-06")
    assert sorted(e["location"] for e in found) == ["Diafarabé", "Dioura"]


def test_sites_named_before_a_plural_trigger_are_two_events(pack: Any) -> None:
    text = ("The army camp at Tessit and the gendarmerie post at Ansongo came under coordinated "
            "attacks on Friday. Eleven soldiers were killed, the army said.")
    found = events_in(pack, text, "2021-08-09")
    assert sorted(e["location"] for e in found) == ["Ansongo", "Tessit"]
    # the toll told after them goes to the first place named
    assert {e["location"]: e["fatalities"] for e in found}["Tessit"] == 11


def test_air_force_strikes_are_air_strikes_by_the_state(pack: Any) -> None:
    e = one(pack, "On 4 March, air force strikes near Ménaka neutralised about thirty "
                  "terrorists, Mali's army said.", "2023-03-06")
    assert e["sub_event_type"] == "Air/drone strike"
    assert e["actor1"] == "Malian Armed Forces"


def test_took_control_with_the_day_inside_the_verb(pack: Any) -> None:
    e = one(pack, "Malian troops took control on Friday of the town of Léré, the army said.",
            "2024-01-14")
    assert e["sub_event_type"] == "Government regains territory"
    assert e["actor1"] == "Malian Armed Forces" and e["location"] == "Léré"


# ------------------------------------------------------------------------------- places


def test_a_village_at_a_distance_from_a_town_is_named_unlisted(pack: Any) -> None:
    e = one(pack, "Gunmen abducted a nun on Monday at her convent in Wagadiéni, about 60 km "
                  "south of Koutiala, church sources said.", "2022-02-10")
    assert e["location"] == "Wagadiéni"


def test_a_site_named_for_its_place_is_where_it_happened(pack: Any) -> None:
    e = one(pack, "Six members of Mali's security forces were killed on Monday when gunmen "
                  "attacked the unit guarding the Dioura camp, the army said.", "2018-04-10")
    assert e["location"] == "Dioura"


# ------------------------------------------------------------------------------- counts


def test_the_missing_are_not_counted_with_the_neutralised() -> None:
    assert _killed("Twelve soldiers were killed, three wounded and about 40 are missing, while "
                   "20 assailants were neutralised.") == [12, 20]


# ------------------------------------------------------------------------------- round-ups


_ROUND_UP = ("Mali: security notes, 3–9 June\n\n"
             "Douentza. On Monday gunmen attacked the weekly market of Boni, killing four "
             "traders, residents said. The attackers came on motorbikes.\n\n"
             "Hombori. Clashes broke out on Wednesday between soldiers and fighters near Hombori, "
             "local officials said. Seven people were killed on both sides.\n\n")


def test_weekdays_in_a_round_up_fall_in_the_week_it_covers(pack: Any) -> None:
    found = {e["location"]: e for e in events_in(pack, _ROUND_UP, "2024-06-10")}
    assert found["Boni"]["event_date"] == "2024-06-03"  # not the Monday it was published
    assert found["Hombori"]["event_date"] == "2024-06-05"


def test_a_toll_in_a_paragraph_goes_to_that_paragraphs_event(pack: Any) -> None:
    found = {e["location"]: e for e in events_in(pack, _ROUND_UP, "2024-06-10")}
    assert found["Hombori"]["fatalities"] == 7 and found["Boni"]["fatalities"] == 4


def test_a_source_in_a_town_is_not_where_it_happened(pack: Any) -> None:
    found = events_in(pack, "On Tuesday a mine destroyed an army truck near Boni. Three soldiers "
                            "were killed, according to a security source in Mopti.",
                      "2021-04-08")
    assert [e["location"] for e in found] == ["Boni"]
    assert found[0]["fatalities"] == 3


def test_a_tally_since_a_month_is_no_toll_or_date(pack: Any) -> None:
    e = one(pack, "On Tuesday a mine destroyed an army truck near Boni, killing two soldiers. The "
                  "army has lost more than twenty men to mines in the area since January.",
            "2021-04-08")
    assert e["fatalities"] == 2 and e["event_date"] == "2021-04-06"
    assert not events_in(pack, "A UN report counts nearly 400 civilians killed in central Mali "
                               "since the start of the year.", "2021-04-08")


def test_a_quoted_count_after_the_verb_is_counted() -> None:
    assert _killed("The army said the strikes had killed 'about forty terrorists'.") == [40]
    assert _killed("The army said its strikes killed 'about thirty' fighters.") == [30]


def test_that_before_a_plural_is_a_conjunction_not_an_anaphor(pack: Any) -> None:
    text = ("Gunmen killed three herders near Tessit on Sunday. The army said on Wednesday that "
            "air strikes the previous day near Ménaka had killed about twenty fighters.")
    found = {e["location"]: e for e in events_in(pack, text, "2022-05-12")}
    assert found["Ménaka"]["sub_event_type"] == "Air/drone strike"
    assert found["Ménaka"]["event_date"] == "2022-05-10"
    ex = extract_document(Document(text=text, origin="t.txt", published="2022-05-12"), pack)
    strikes = [m for m in ex.work.mentions if m.trigger.text == "air strikes"]
    assert strikes and not strikes[0].anaphoric  # a new event, not "those strikes"


def test_a_summary_of_last_week_is_the_event_told_below_with_its_day(pack: Any) -> None:
    text = ("Violence rose again last week, with a roadside bomb in the Sahel region.\n\n"
            "Dori. On Saturday, an army truck struck an explosive device near Dori, killing two "
            "soldiers.")
    found = events_in(pack, text, "2023-05-15")
    assert len(found) == 1
    assert found[0]["location"] == "Dori" and found[0]["event_date"] == "2023-05-13"


# ------------------------------------------------------------------------------- quotes


def test_the_speakers_day_and_town_after_a_quote_are_not_the_events(pack: Any) -> None:
    text = ("'These were farmers in their fields. They killed them all,' the mayor told "
            "reporters in Bamako on Sunday.\n\n"
            "Gunmen killed 11 villagers near Diafarabé on Friday, local officials said.")
    found = events_in(pack, text, "2021-03-09")
    assert [(e["location"], e["event_date"]) for e in found] == [("Diafarabé", "2021-03-05")]


def test_a_crowd_that_beat_someone_is_mob_violence(pack: Any) -> None:
    e = one(pack, "A crowd beat a suspected thief to death on Monday in Niamey, police said.",
            "2020-07-08")
    assert e["sub_event_type"] == "Mob violence"
