"""Event rules added in session 12 (causes found in gold/dev-w.yaml and, later, gold/dev-x.yaml).
Each rule is tested on sentences written for the test (never the development reports)."""

from __future__ import annotations

from typing import Any

from extracted import events_in
from extracted import one_event as one

from sitrep.pipeline.quantities import find_quantities


def _counts(text: str, kind: str = "killed") -> list[tuple[int, str | None]]:
    return [(q.count.value, q.side) for q in find_quantities(text) if q.kind == kind]


# ------------------------------------------------------------------------------- counts


def test_one_named_victim_after_shot_dead_or_gunned_down_counts_one() -> None:
    assert _counts("Gunmen shot dead a municipal councillor outside his house.") == [(1, None)]
    assert [c for c, _ in _counts("Two men gunned down a local elder and a shopkeeper "
                                  "at the market.")] == [2]


def test_one_victim_and_n_members_of_his_group_add_up() -> None:
    assert [c for c, _ in _counts("Attackers killed a catechist and four members of his "
                                  "choir after the service.")] == [5]


# ------------------------------------------------------------------------------- events


def test_a_toll_told_with_its_own_verb_after_a_scene_is_an_event(pack: Any) -> None:
    e = one(pack, "On Saturday 7 March, armed men stopped a minibus carrying traders on the road "
                  "north of Kaya. The assailants made the passengers get out and executed nine "
                  "men, a local official said.", "2020-03-09")
    assert e["event_date"] == "2020-03-07"
    assert e["event_type"] == "Violence against civilians"
    assert e["location"] == "Kaya"
    assert e["fatalities"] == 9


def test_a_toll_noun_after_an_arrest_is_no_event_of_its_own(pack: Any) -> None:
    events = events_in(pack, "Relatives say men arrested by soldiers at the cattle market of "
                             "Ténenkou last week were later found dead.\n\nWitnesses said troops "
                             "took the men away on Tuesday 6 May. A local association counted "
                             "at least twelve victims.", "2025-05-14")
    assert not [e for e in events if e["event_type"] == "Battles"]


def test_a_scene_dated_by_its_own_sentence_still_gives_the_place(pack: Any) -> None:
    e = one(pack, "On the night of 3 to 4 March, armed men on motorbikes entered the displacement "
                  "site of Tillia, which shelters thousands of Malian refugees. Between two and "
                  "four people were killed.", "2021-03-08")
    assert e["location"] == "Tillia"
    assert e["event_date"] == "2021-03-03"


def test_a_toll_after_a_riot_is_the_riots(pack: Any) -> None:
    e = one(pack, "A crowd stormed the police station in Kaya on Saturday and freed two "
                  "suspects. One officer was beaten to death and three others were injured.",
            "2021-06-14")
    assert e["event_type"] == "Riots"
    assert e["fatalities"] == 1


def test_no_casualties_is_a_toll_of_zero(pack: Any) -> None:
    e = one(pack, "Gunmen opened fire on the gendarmerie post at Koloko on the night of Friday "
                  "to Saturday. The gendarmes returned fire and the attackers fled. No "
                  "casualties were reported.", "2021-11-08")
    assert e["fatalities"] == 0


def test_nobody_was_killed_makes_no_event_of_its_own(pack: Any) -> None:
    events = events_in(pack, "Rebels said on Friday they had seized the town of Léré after "
                             "the army left it on Thursday. An officer said the troops had "
                             "withdrawn to Niono and that nobody was killed.", "2012-03-10")
    assert not [e for e in events if e["location"] == "Niono"]


def test_a_direction_is_not_the_place(pack: Any) -> None:
    events = events_in(pack, "Eleven soldiers were killed on Sunday when their convoy was "
                             "ambushed near Nampala, the army said. The soldiers were returning "
                             "from a patrol towards Diabaly when they were attacked.", "2019-06-11")
    assert len(events) == 1 and events[0]["location"] != "Diabaly"


def test_a_country_wide_event_takes_the_town_of_the_next_sentence(pack: Any) -> None:
    e = one(pack, "Mali's army said on Thursday it had repelled an attack on one of its posts "
                  "in the centre of the country overnight. Armed men opened fire on the post at "
                  "Boni on the night of Wednesday to Thursday, the army said.", "2021-12-02")
    assert e["location"] == "Boni"


def test_a_side_told_only_as_several_adds_nothing_to_the_count(pack: Any) -> None:
    e = one(pack, "Twelve soldiers were killed on Monday when their unit was ambushed near "
                  "Nampala, the army said. Several assailants were also killed.", "2019-06-11")
    assert e["fatalities"] == 12


def test_a_camp_bombed_by_a_jet_is_an_air_strike(pack: Any) -> None:
    e = one(pack, "An air force jet mistakenly bombed a camp for displaced people in Ber on "
                  "Tuesday, killing 12 people, aid workers said.", "2017-01-19")
    assert e["sub_event_type"] == "Air/drone strike"


def test_a_statement_withdrawn_is_no_withdrawal(pack: Any) -> None:
    assert events_in(pack, "Officials in the Mopti region said on Wednesday that some of the "
                           "hostages had been freed by troops, then withdrew the statement the "
                           "next day.", "2018-02-25") == []


def test_a_zero_toll_after_a_kidnapping_is_its_toll(pack: Any) -> None:
    # (docs/gold-format.md: a text that says nobody died gives a toll of zero, as ACLED codes)
    e = one(pack, "Gunmen kidnapped a trader in Boni on Sunday, residents said. No casualties "
                  "were reported.",
            "2021-03-08")
    assert e["sub_event_type"] == "Abduction/forced disappearance"
    assert e["fatalities"] == 0
