"""Event rules added in session 15 (causes found in gold/dev-ac.yaml, wires and briefs, and
gold/dev-ad.yaml, rights reports, situation reports and communiqués). Each rule is tested on
sentences written for the test (never the development reports)."""

from __future__ import annotations

from typing import Any

from extracted import events_in
from extracted import one_event as one

from sitrep.pipeline.quantities import find_quantities


def _counts(text: str) -> list[tuple[str, int]]:
    return [(q.kind, q.count.value) for q in find_quantities(text)]


# ------------------------------------------------------------------------------- counts


def test_a_datelines_day_is_not_the_start_of_a_range(pack: Any) -> None:
    ev = one(pack, "GAO, March 3 – Five soldiers were killed when their truck hit a mine near "
                   "Ansongo on Tuesday, the army said.", "2023-03-03")
    assert ev["fatalities"] == 5


def test_no_one_hurt_is_no_one_killed_or_injured() -> None:
    assert _counts("No one was hurt, the mayor said.") == [("killed", 0), ("injured", 0)]
    assert _counts("Nobody was wounded.") == [("injured", 0)]


def test_one_person_slightly_injured_counts() -> None:
    assert _counts("A mine damaged a lorry; the driver was slightly injured.") == [
        ("injured", 1)]


def test_a_zero_toll_stays_in_the_paragraph_of_its_event(pack: Any) -> None:
    evs = events_in(pack, "Weekly brief.\n\n"
                          "3 May: Two soldiers were wounded when their truck struck a mine near "
                          "Boni, the army said.\n\n"
                          "5 May: Gunmen burned the town hall of Dioura, residents said. Staff "
                          "had left the building and no one was hurt.", "2023-05-08")
    assert [(e["location"], e["fatalities"]) for e in evs] == [("Boni", None), ("Dioura", 0)]


def test_one_person_named_by_role_counts_with_those_beside_them() -> None:
    assert _counts("Gunmen shot dead the imam of Kourou and four other worshippers.") == [
        ("killed", 5)]
    assert _counts("They killed the mayor, his brother and two guards.") == [("killed", 4)]
    assert _counts("Attackers killed the catechist, Paul Sawadogo, and three villagers.") == [
        ("killed", 4)]
    assert _counts("Gunmen killed the headmaster on Monday.") == [("killed", 1)]
    assert _counts("Soldiers questioned the mayor's deputy.") == []


# ------------------------------------------------------------------------------- places


def test_a_village_the_text_spells_beats_one_with_it_as_a_variant(pack: Any) -> None:
    from sitrep.pack.types import PlaceContext
    [mention] = [m for m in pack.find_places("the attack on Yalgo") if m.text == "Yalgo"]
    assert len(mention.candidates) >= 2
    chosen = pack.resolve_place(mention, PlaceContext(countries=["BF"]))
    assert chosen is not None and chosen.place.name == "Yalgo"


def test_a_village_on_a_track_is_a_place_the_gazetteer_lacks(pack: Any) -> None:
    ev = one(pack, "Two men travelling on a motorbike were killed on Sunday when they hit a mine "
                   "on the track near Tiguila, in central Mali.", "2023-03-08")
    assert (ev["location"], ev["actor2"]) == ("Tiguila", "Civilians")


# ------------------------------------------------------------------------------- events


def test_the_latest_in_a_series_is_an_aside_on_the_act(pack: Any) -> None:
    ev = one(pack, "Gunmen killed nine villagers in a hamlet near Djibo, residents said, the "
                   "latest in a series of raids on the area.", "2023-03-06")
    assert (ev["sub_event_type"], ev["fatalities"]) == ("Attack", 9)
    ev = one(pack, "Armed men set fire to the town hall of Bourzanga on Sunday night, the latest "
                   "in a series of attacks on public buildings.", "2023-03-06")
    assert ev["sub_event_type"] == "Looting/property destruction"


def test_the_blast_places_the_event_told_before(pack: Any) -> None:
    ev = one(pack, "Six passengers were killed when their minibus struck a landmine in the "
                   "centre of the country on Monday. The bus was travelling near Boni, in the "
                   "Douentza area, when the blast happened, a local official said.",
             "2023-03-08")
    assert (ev["location"], ev["fatalities"]) == ("Boni", 6)


def test_where_and_when_the_motive_happened_are_not_the_acts(pack: Any) -> None:
    evs = events_in(pack, "Gunmen killed four soldiers in an ambush near Gossi on Tuesday. The "
                          "group said the ambush was revenge for an army raid near Tessit in "
                          "the night of 2 to 3 May.", "2023-05-18", background=False)
    assert [(e["location"], e["event_date"]) for e in evs] == [("Gossi", "2023-05-16")]


def test_a_raid_that_hurt_no_one_and_took_cattle_is_looting(pack: Any) -> None:
    ev = one(pack, "Armed men raided a herders' camp near Téra on Monday and drove away about "
                   "300 head of cattle. No one was hurt, a herders' association said.",
             "2023-03-08")
    assert (ev["event_type"], ev["sub_event_type"]) == (
        "Strategic developments", "Looting/property destruction")
    ev = one(pack, "Armed men raided a herders' camp near Téra on Monday, killing two herders, "
                   "and drove away about 300 head of cattle.", "2023-03-08")
    assert (ev["sub_event_type"], ev["fatalities"]) == ("Attack", 2)


def test_killing_before_a_looting_verb_is_the_attack_whoever_did_it(pack: Any) -> None:
    ev = one(pack, "The attackers, who arrived on motorbikes at dusk, killed three herders near "
                   "Bankilaré on Sunday and stole their cattle.", "2023-03-08")
    assert (ev["sub_event_type"], ev["fatalities"]) == ("Attack", 3)


def test_a_paragraph_heading_dates_and_places_its_paragraph(pack: Any) -> None:
    text = ("Villagers in two communes told our researchers of abuses by armed men this year.\n\n"
            "Gorgadji, January 2023. Men on motorbikes surrounded the market at midday and "
            "opened fire on the traders. Residents buried seven men the next morning.\n\n"
            "Near Arbinda, February 2023. A donkey cart struck an explosive device on a track "
            "leading to the fields. Three women were killed.")
    evs = events_in(pack, text, "2023-03-20")
    assert [(e["location"], e["event_date"], e["date_precision"], e["event_type"])
            for e in evs] == [
        ("Gorgadji", "2023-01-01", "month", "Violence against civilians"),
        ("Arbinda", "2023-02-01", "month", "Explosions/Remote violence")]
    assert evs[1]["fatalities"] == 3


def test_a_cache_found_is_disrupted_weapons_use_not_a_bomb(pack: Any) -> None:
    ev = one(pack, "On 5 May, soldiers discovered near Dargol a cache holding rifles and parts for "
                   "explosive devices, the ministry said.", "2023-05-08")
    assert (ev["sub_event_type"], ev["actor1"]) == ("Disrupted weapons use", "Niger Armed Forces")


def test_a_teachers_strike_is_no_attack(pack: Any) -> None:
    ev = one(pack, "Hundreds of pupils took to the streets of Maradi on Monday to demand classes "
                   "back after weeks of a strike of contract teachers.", "2023-05-09")
    assert (ev["event_type"], ev["sub_event_type"]) == ("Protests", "Peaceful protest")


def test_a_protest_the_police_broke_up_later_is_a_protest_with_intervention(pack: Any) -> None:
    ev = one(pack, "Hundreds of traders marched in Dosso on Monday against a new market tax. "
                   "They headed for the town hall. The police dispersed the crowd with tear gas "
                   "near the bus station.", "2023-05-09")
    assert ev["sub_event_type"] == "Protest with intervention"
