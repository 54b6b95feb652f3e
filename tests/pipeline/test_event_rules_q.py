"""Event rules added in session 16 (causes found in gold/dev-ae.yaml, communiqués, radio
bulletins and timelines, and in the new batches of wire dispatches and security briefs). Each
rule is tested on sentences written for the test (never the development reports)."""

from __future__ import annotations

from typing import Any

from extracted import events_in
from extracted import one_event as one

from sitrep.pipeline.quantities import find_quantities


def _counts(text: str) -> list[tuple[str, int]]:
    return [(q.kind, q.count.value) for q in find_quantities(text)]


# ------------------------------------------------------------------------------- counts


def test_soldiers_who_fell_are_dead_and_the_next_count_has_its_own_verb() -> None:
    assert _counts("Four of our men fell on the field of honour and nine were wounded.") == [
        ("killed", 4), ("injured", 9)]


def test_goods_and_animals_are_not_people() -> None:
    assert _counts("In the east, 3,200 litres of smuggled fuel were seized near Malanville.") == []
    assert _counts("Some 150 head of cattle were seized and two herders abducted.") == [
        ("abducted", 2)]


# ------------------------------------------------------------------------------- places


def test_a_distance_in_words_measures_from_the_place(pack: Any) -> None:
    ev = one(pack, "In the Sahel region, on Friday 4 March, a patrol was ambushed about twenty "
                   "kilometres from Markoye, in the province of Oudalan.", "2022-03-07")
    assert ev["location"] == "Markoye"
    assert ev["actor2"] == "Burkina Faso Armed Forces"


def test_a_patrol_of_a_named_corps_is_that_corps(pack: Any) -> None:
    ev = one(pack, "A police patrol was ambushed near Ansongo on Monday.", "2022-03-09")
    assert ev["actor2"] == "Malian Police"
    assert not ev.get("assoc_actor_2")


def test_a_dateline_is_not_the_place_of_an_event_told_elsewhere_in_the_country(
        pack: Any) -> None:
    evs = events_in(pack, "OUAGADOUGOU, May 3 – Six gendarmes were killed when their post was "
                          "attacked in the east of the country on Sunday, the army said.\n\n"
                          "The post was attacked near Kantchari, the army said.", "2022-05-03")
    assert [(e["location"], e["fatalities"]) for e in evs] == [("Kantchari", 6)]


def test_an_armed_groups_home_is_not_the_country_of_an_attack_told_in_another(
        pack: Any) -> None:
    evs = events_in(pack, "LOMÉ – Five civilians were killed when a military aircraft struck "
                          "a group of traders in the far north overnight Monday, the "
                          "government said. The area, close to Burkina Faso, has suffered "
                          "attacks attributed to JNIM.", "2023-02-15")
    assert [e["country"] for e in evs if not e["background"]] == ["Togo"]


# ------------------------------------------------------------------------------- tolls of zero


def test_no_one_hurt_after_a_looting_is_its_toll_of_zero(pack: Any) -> None:
    ev = one(pack, "Armed men set fire to the stalls of the market at Dioura on Friday and took "
                   "away cattle, residents said. No one was hurt.", "2023-05-08")
    assert ev["sub_event_type"] == "Looting/property destruction"
    assert (ev["fatalities"], ev["injured"]) == (0, 0)


def test_a_zero_toll_with_a_place_of_its_own_stays_apart(pack: Any) -> None:
    evs = events_in(pack, "BAMAKO – Rebels said on Thursday they had taken control of Léré, a "
                          "garrison town near the border, after troops abandoned their "
                          "positions there on Wednesday.\n\nAn official said the soldiers had "
                          "crossed into Mauritania and that nobody was killed.", "2012-03-09")
    assert evs and {e["country"] for e in evs} == {"Mali"}


def test_a_capital_in_the_dateline_says_the_country_of_a_shared_name(pack: Any) -> None:
    ev = one(pack, "BAMAKO – Gunmen attacked the town of Léré on Sunday, killing three "
                   "soldiers, the army said.", "2022-03-09")
    assert ev["country"] == "Mali"


# ------------------------------------------------------------------------------- wire stories


def test_a_later_sentence_telling_where_the_attackers_went_places_the_event(pack: Any) -> None:
    ev = one(pack, "BAMAKO, May 4 – Gunmen killed 23 villagers in central Mali on Sunday, "
                   "officials said on Tuesday.\n\nThe dead were buried on Monday, a relative "
                   "said.\n\nThe attackers rode into Ogossagou at dawn on Sunday and set fire "
                   "house to house.", "2021-05-04")
    assert ev["location"] == "Ogossagou"


def test_a_later_sentence_naming_the_targeted_villages_or_the_site_places_the_event(
        pack: Any) -> None:
    ev = one(pack, "NIAMEY – Gunmen killed 30 civilians in raids on villages in western Niger "
                   "on Sunday, officials said.\n\nThe army sent reinforcements.\n\nThe targeted "
                   "villages were Banibangou and Adab-Dab.", "2021-03-16")
    assert ev["location"] == "Banibangou"
    ev = one(pack, "OUAGADOUGOU – Gunmen killed 11 miners at a gold-mining site in eastern "
                   "Burkina Faso on Monday, sources said.\n\nSeveral were wounded.\n\nThe site "
                   "lies near Gayéri, in Komondjari province.", "2022-04-20")
    assert ev["location"] == "Gayéri"


def test_the_dead_counted_before_when_are_the_victims_not_the_gunmen_after(pack: Any) -> None:
    ev = one(pack, "The number of villagers killed when gunmen stormed Seytenga on Saturday "
                   "has risen to 40, officials said.", "2022-06-14")
    assert (ev["actor1"], ev["actor2"]) == ("Unidentified armed group", "Civilians")


def test_a_killing_ranked_as_one_of_the_deadliest_attacks_keeps_its_day(pack: Any) -> None:
    ev = one(pack, "On 9 March, gunmen killed 40 herders in two camps of the region, Intazayene "
                   "and Bakorat, in one of the deadliest attacks of the year.", "2021-04-01")
    assert ev["event_date"] == "2021-03-09"


def test_a_dateline_is_not_the_place_of_a_village_told_by_its_region(pack: Any) -> None:
    evs = events_in(pack, "KAYA, March 2 – Gunmen killed six civilians in a raid on a rural "
                          "commune of Burkina Faso's Centre-Nord region on Monday, sources "
                          "said.\n\nThe raid took place in the commune of Pissila, a "
                          "councillor said.",
                    "2021-03-02")
    assert [e["location"] for e in evs] == ["Pissila"]


def test_days_later_counts_from_the_day_told_last_not_the_dateline() -> None:
    from sitrep.pipeline.dates import Publication, find_dates

    found = find_dates("DORI, June 9 – Gunmen killed nine civilians on Monday, and two soldiers "
                       "died three days later in the same area.", Publication.parse("2022-06-09"))
    assert [d.start_date.isoformat() for d in found if d.kind == "anchored"] == ["2022-06-09"]
