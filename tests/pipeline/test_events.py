"""Event extraction on our own sentences, with the real knowledge pack."""

from __future__ import annotations

from typing import Any

import pytest
from extracted import events_in


def events(pack: Any, text: str, published: str | None = "2024-06-12") -> list[dict[str, Any]]:
    return events_in(pack, text, published)


def test_passive_voice_toll_place_date_and_attribution(pack: Any) -> None:
    [e] = events(pack, "Twelve soldiers were killed by JNIM militants near Boulkessi on Sunday, "
                       "the army said.")
    assert e["actor1"] == "Jama'at Nusrat al-Islam wal-Muslimin"
    assert "Malian" in (e["actor2"] or "")
    assert (e["event_type"], e["sub_event_type"]) == ("Battles", "Armed clash")
    assert (e["fatalities"], e["event_date"], e["date_precision"]) == (12, "2024-06-09", "day")
    assert (e["location"], e["country"]) == ("Boulkessi", "Mali")
    assert e["modality"] == "reported" and "the army" in e["notes"]


def test_one_event_from_several_sentences_with_competing_claims(pack: Any) -> None:
    found = events(pack, "Gunmen stormed a hotel in Bamako on Nov. 20, killing 20 people. "
                         "Al-Mourabitoun claimed responsibility for the attack. "
                         "Katiba Macina also claimed the attack.", "2015-11-21")
    assert len(found) == 1
    e = found[0]
    assert (e["event_type"], e["sub_event_type"]) == ("Violence against civilians", "Attack")
    assert e["event_date"] == "2015-11-20" and e["fatalities"] == 20
    assert {"Al-Mourabitoun", "Katiba Macina"} <= set(e["claimed_by"])


def test_figures_from_later_sentences_are_reconciled(pack: Any) -> None:
    found = events(pack, "Jihadists attacked a military camp in Boulkessi on Monday, killing at "
                         "least 15 soldiers. The attack was claimed by JNIM. Officials later put "
                         "the death toll at 22.")
    assert len(found) == 1
    e = found[0]
    assert (e["fatalities_low"], e["fatalities_high"]) == (15, 22)
    assert e["claimed_by"] == ["Jama'at Nusrat al-Islam wal-Muslimin"]
    assert e["event_type"] == "Battles"


@pytest.mark.parametrize("text", [
    "Officials fear Bamako could be the next target of a jihadist attack.",
    "ACLED recorded 924 civilian fatalities in Mali last year, up from fewer than 100 in 2021.",
    "Jihadist groups have increased their attacks across the Sahel in recent months.",
    "The army did not attack the village of Djibo.",
    "Will the militants attack Gao next?",
    "The two groups have engaged in a propaganda battle online.",
])
def test_non_events(pack: Any, text: str) -> None:
    assert events(pack, text) == []


def test_unconfirmed_claim_and_background(pack: Any) -> None:
    [e] = events(pack, "The U.S. claimed to have killed the commander in an airstrike in Libya "
                       "in June, although his death was never confirmed.", "2015-11-21")
    assert e["sub_event_type"] == "Air/drone strike" and e["country"] == "Libya"
    assert e["modality"] == "unconfirmed"
    assert e["event_date"] == "2015-06-01" and e["date_precision"] == "month"
    assert e["background"] is True


def test_named_past_event_is_background(pack: Any) -> None:
    [e] = events(pack, "The 2015 Radisson Blu attack in Bamako killed 20 people.", "2024-10")
    assert e["background"] is True and e["event_date"] == "2015-01-01"


def test_abduction_with_suspected_perpetrators(pack: Any) -> None:
    [e] = events(pack, "Suspected jihadists abducted 50 women near Arbinda in Burkina Faso on "
                       "Thursday.")
    assert e["sub_event_type"] == "Abduction/forced disappearance"
    assert e["abducted"] == 50 and e["country"] == "Burkina Faso"
    assert e["modality"] == "suspected" and e["location"].startswith("Arbinda")


def test_two_events_in_one_sentence_stay_apart(pack: Any) -> None:
    found = events(pack, "A week after militants attacked a base in Timbuktu, gunmen kill 20 "
                         "people in Kidal.")
    assert sorted(e["location"] for e in found) == ["Kidal", "Timbuktu"]
    kidal = next(e for e in found if e["location"] == "Kidal")
    assert kidal["fatalities"] == 20


def test_listed_coups_are_one_background_event_each(pack: Any) -> None:
    found = events(pack, "France pulled out its troops after coups in Mali in 2020 and 2021, in "
                         "Burkina Faso in 2022 and Niger in 2023.", "2025-06")
    assert sorted((e["event_date"][:4], e["country"]) for e in found) == [
        ("2020", "Mali"), ("2021", "Mali"), ("2022", "Burkina Faso"), ("2023", "Niger")]
    assert all(e["background"] and e["date_precision"] == "year" for e in found)
