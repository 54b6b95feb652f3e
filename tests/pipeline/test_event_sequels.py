"""A sequel told by another actor in the same sentence ("rebels seized the north and then
pushed south, drawing in French troops, who drove them back") is its own event, dated by the act
it follows: that year or the next, since a consequence may fall after the year the text gives.
Sentences written for the test."""

from __future__ import annotations

from typing import Any

from extracted import events_in

from sitrep.pipeline.dates import Publication, find_dates
from sitrep.pipeline.event_setting import event_date, sequel_start
from sitrep.pipeline.triggers import Trigger

TAKEOVER_AND_RESPONSE = (
    "Mali looked very different in 2012, when jihadist fighters seized Timbuktu and Gao and "
    "then pushed south toward Mopti, drawing in French troops, who drove them back.")


def test_a_response_by_another_actor_is_a_second_event_dated_that_year_or_later(
        pack: Any) -> None:
    response, takeover = sorted(events_in(pack, TAKEOVER_AND_RESPONSE, "2017-03-01"),
                                key=lambda e: e["sub_event_type"])
    assert takeover["sub_event_type"] == "Non-state actor overtakes territory"
    assert (takeover["event_date"], takeover["date_end"]) == ("2012-01-01", "2012-12-31")
    assert takeover["location"] == "Timbuktu"
    assert response["sub_event_type"] == "Armed clash"
    assert response["actor1"] == "French Armed Forces"
    assert (response["event_date"], response["date_precision"]) == ("2012-01-01", "year")
    assert response["date_end"] == "2013-12-31"
    assert "date or later" in response["notes"]


def test_a_next_step_by_the_same_actor_stays_one_event(pack: Any) -> None:
    [e] = events_in(pack, "In 2019, JNIM fighters overran the camp at Boulkessi and then "
                          "repelled an army counter-attack.", "2019-10-01")
    assert e["actor1"] == "Jama'at Nusrat al-Islam wal-Muslimin"
    assert e["date_end"] == "2019-12-31"


def test_a_day_date_is_not_widened(pack: Any) -> None:
    found = events_in(pack, "On 3 March 2016, jihadists attacked the post at Boni, drawing in "
                            "Malian troops, who beat them back.", "2016-03-05")
    assert found and all(e["event_date"] == e["date_end"] == "2016-03-03" for e in found)


def _trigger(text: str, word: str) -> Trigger:
    start = text.index(word)
    return Trigger(start=start, end=start + len(word), text=word, entry=None,  # type: ignore
                   form="verbs")


def test_event_date_widens_a_year_only_across_a_sequel_word() -> None:
    text = "In 2014, the rebels took Menaka, prompting the army to strike back."
    pub = Publication.parse("2016-01-01")
    dates = find_dates(text, pub)
    took = event_date(text, 0, _trigger(text, "took"), dates)
    strike = event_date(text, 0, _trigger(text, "strike"), dates)
    assert took is not None and took.qualifier is None and took.end_date.year == 2014
    assert strike is not None and strike.qualifier == "or later"
    assert strike.end_date.year == 2015


def test_sequel_start_needs_a_new_named_actor(pack: Any) -> None:
    text = "Rebels seized the town and then, drawing in Chadian troops, were driven back."
    actors = pack.find_actors(text)
    cut = sequel_start(text, text.index("seized") + 6, text.index("driven"), 0, actors)
    assert cut is not None and text[cut:].startswith(", drawing")
    same = "JNIM seized the town and then JNIM fighters were driven back."
    assert sequel_start(same, same.index("seized") + 6, same.index("driven"), 0,
                        pack.find_actors(same)) is None
