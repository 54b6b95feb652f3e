"""Event rules added in session 14 (causes found in gold/dev-aa.yaml, francophone-style news
stories, and gold/dev-ab.yaml). Each rule is tested on sentences written for the test (never
the development reports)."""

from __future__ import annotations

from typing import Any

from extracted import events_in
from extracted import one_event as one

from sitrep.pipeline.dates import Publication, find_dates
from sitrep.pipeline.quantities import find_quantities


def _counts(text: str, kind: str = "killed") -> list[tuple[int, str | None]]:
    return [(q.count.value, q.side) for q in find_quantities(text) if q.kind == kind]


# ------------------------------------------------------------------------------- counts


def test_cost_the_lives_of_is_a_toll() -> None:
    assert _counts("The raid cost the lives of eleven gendarmes and two herders.") == [
        (11, "forces"), (2, "civilians")]
    assert _counts("The blast took the lives of three pupils.") == [(3, "civilians")]
    assert _counts("The fire took the lives of no one.") == []


def test_a_communique_word_in_quotes_still_counts() -> None:
    assert _counts("The army said its units had 'neutralised' 31 terrorists.") == [
        (31, "attackers")]
    assert _counts("Some sixty assailants were \"neutralised\", the statement said.") == [
        (60, "attackers")]


def test_a_coordinated_count_after_a_number_word_past_twelve_adds_up() -> None:
    assert _counts("The ambush killed nineteen soldiers and two gendarmes.") == [(21, "forces")]

def test_a_count_word_does_not_reach_over_another_count() -> None:
    assert _counts("Two sources gave tolls, one saying 14 villagers had been killed.") == [
        (14, "civilians")]


def test_a_bomber_killing_only_himself_is_one_dead_attacker() -> None:
    assert _counts("A bomber blew himself up at the gate, killing only himself.") == [
        (1, "attackers")]


# ------------------------------------------------------------------------------- places


def test_the_town_a_road_leads_towards_is_not_the_place(pack: Any) -> None:
    evs = events_in(pack, "A suicide bomber blew himself up at an army checkpoint in Ansongo on "
                          "Friday, wounding two soldiers. The man was stopped by soldiers at the "
                          "checkpoint on the road leading north towards Labbezanga and set off an "
                          "explosive belt as they moved to search him.", "2013-06-01")
    assert [e["location"] for e in evs] == ["Ansongo"]


def test_a_country_named_for_its_border_is_not_the_place(pack: Any) -> None:
    e = one(pack, "Gunmen attacked the gendarmerie post at Inata, near the Mali border, on "
                  "Sunday, killing two gendarmes.", "2018-06-05")
    assert e["location"] == "Inata"
    evs = events_in(pack, "Militants stormed the army camp at Boulkessi on Friday, killing "
                          "eight soldiers. The camp, in the Douentza cercle near the Burkina "
                          "Faso border, was attacked at dawn on Friday.", "2021-05-10")
    assert [e["location"] for e in evs] == ["Boulkessi"]


def test_a_town_named_by_a_common_word_is_found_after_a_locative(pack: Any) -> None:
    names = [p.text for p in pack.find_places("Jets struck a camp north of Say. Residents Say "
                                              "the road linking Say to Tamou is shut.")]
    assert names == ["Say", "Say", "Tamou"]
    assert pack.find_places("Say it again, officials Say.") == []


def test_a_town_measuring_the_distance_is_the_place_when_no_other_town_is_named(
        pack: Any) -> None:
    e = one(pack, "Four soldiers were killed on Friday when their convoy was ambushed about 25 "
                  "kilometres south of Hombori, in central Mali.", "2019-03-10")
    assert e["location"] == "Hombori"
    # the town the distance is measured from still gives way to the place itself
    e = one(pack, "Gunmen killed six herders on Friday in Dioura, 40 km from Ténenkou.",
            "2019-03-10")
    assert e["location"] == "Dioura"


def test_the_town_is_not_where_the_reinforcements_came_from(pack: Any) -> None:
    evs = events_in(pack, "Gunmen attacked the police station of Kantchari on Monday night, "
                          "killing one officer. Reinforcements from Fada N'Gourma reached the "
                          "town at dawn. The attackers had fired into the air to keep "
                          "residents at home before they struck the town.", "2019-04-10")
    assert [e["location"] for e in evs] == ["Kantchari"]


def test_the_hamlet_of_a_commune_is_not_the_dateline_nor_the_circle(pack: Any) -> None:
    evs = events_in(pack, "BANKASS – Gunmen killed nine villagers on Saturday in a hamlet of "
                          "the commune of Sokoura, in the cercle of Bankass, the mayor said. "
                          "The attackers surrounded the hamlet at dusk and fired on "
                          "residents.", "2020-02-03")
    assert [e["location"] for e in evs] == ["Sokoura"]


def test_burning_told_later_with_the_day_of_the_attack_is_that_attack(pack: Any) -> None:
    # (a guard: the burning has a day of its own, the attack's, and its source an area)
    evs = events_in(pack, "Gunmen killed 14 villagers in an attack on Ogossagou on Friday, the "
                          "government said.\n\nThe attackers came at dawn on Friday and burned "
                          "granaries, a local official in the Bankass circle said.",
                    "2020-02-16")
    assert [e["location"] for e in evs] == ["Ogossagou"]


# ------------------------------------------------------------------------------- events


def test_a_looting_on_a_day_of_its_own_later_in_the_story_is_an_event(pack: Any) -> None:
    evs = events_in(pack, "Gunmen killed five villagers near Bourem on Saturday, a local "
                          "official said. On Sunday, armed men stole about a hundred camels "
                          "from herders near Bourem.", "2021-08-17")
    assert [(e["event_date"], e["sub_event_type"]) for e in evs] == [
        ("2021-08-14", "Attack"), ("2021-08-15", "Looting/property destruction")]
    # told without a day of its own, it is still part of the attack
    evs = events_in(pack, "Gunmen killed five villagers near Bourem on Saturday, a local "
                          "official said. Armed men also stole about a hundred camels.",
                    "2021-08-17")
    assert len(evs) == 1


def test_an_attack_the_story_tells_was_a_bomb_is_the_bombing(pack: Any) -> None:
    e = one(pack, "AQIM claimed Sunday's attack on the UN camp in Kidal, which killed two "
                  "peacekeepers. According to the mission, a vehicle loaded with explosives "
                  "blew up at the entrance of the camp in Kidal on Sunday.", "2017-06-13")
    assert e["event_type"] == "Explosions/Remote violence"


def test_a_clash_between_police_and_a_crowd_is_a_riot(pack: Any) -> None:
    e = one(pack, "Police clashed with students at the university in Ouagadougou on Monday.",
            "2019-03-06")
    assert (e["event_type"], e["actor1"], e["actor2"]) == ("Riots", "Rioters", "Burkinabe Police")
    e = one(pack, "Soldiers clashed with jihadist fighters near Dori on Monday.", "2019-03-06")
    assert e["event_type"] == "Battles"


def test_a_yearly_toll_told_far_from_its_trigger_is_no_event(pack: Any) -> None:
    assert events_in(pack, "Northern Burkina Faso has been caught in a cycle of violence "
                           "involving jihadist groups, self-defence militias and reprisal "
                           "attacks between communities, which the UN says killed several "
                           "hundred civilians last year.", "2020-03-02") == []


def test_air_assets_that_had_struck_are_an_air_strike(pack: Any) -> None:
    e = one(pack, "The ministry said that on Sunday air assets had struck a terrorist hideout "
                  "near Ayorou, destroying several vehicles.", "2022-03-01")
    assert e["sub_event_type"] == "Air/drone strike"
    assert e["location"] == "Ayorou"


# ------------------------------------------------------------------------------- dates


def test_the_next_day_follows_the_event_not_the_report() -> None:
    pub = Publication.parse("2021-08-18")
    text = ("Gunmen killed five villagers on Saturday, a local official said by telephone on "
            "Monday. The next day, armed men stole cattle.")
    *_, nxt = find_dates(text, pub)
    assert str(nxt.start_date) == "2021-08-15"
    # in the sentence of the report, "the previous day" is the day before the report
    *_, prev = find_dates("The army said on Wednesday that air strikes the previous day had "
                          "killed twenty fighters.", pub)
    assert str(prev.start_date) == "2021-08-17"
