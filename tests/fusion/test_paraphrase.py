"""Paraphrased reports of one event fuse; distinct events on the same day stay apart."""

from __future__ import annotations

from pathlib import Path

from fusion_reports import REPORTS, event_ids_by_origin, ingest_and_extract, write_reports
from sqlalchemy import select

from sitrep.store import Store, schema

TEXTS = {
    **REPORTS,
    # no name for the hotel, only "the attack on the hotel", a month and the city
    "hotel-generic.txt": (
        "Survivors remember\n\nMonths later, survivors of the attack on the hotel in "
        "Ouagadougou in January 2016 still struggle to sleep, a local charity said."),
    # a third event the same day in the same country, of a compatible (violent) type
    "gendarmes-day.txt": (
        "Police post attacked in the north\n\nOn 15 January 2016, suspected jihadists attacked "
        "a gendarmerie post near Tin-Akoff, in northern Burkina Faso, killing two gendarmes."),
}


def test_paraphrases_fuse_and_same_day_events_stay_apart(tmp_path: Path,
                                                         store: Store) -> None:
    ingest_and_extract(store, write_reports(tmp_path / "in", sorted(TEXTS), TEXTS))
    by = event_ids_by_origin(store)
    hotel = by["hotel-day.txt"]
    assert len(hotel) == 1
    for name in ("hotel-month.txt", "hotel-year.txt", "hotel-generic.txt"):
        assert by[name] == hotel, name
    others = [by["djibo-day.txt"], by["gendarmes-day.txt"]]
    assert all(len(o) == 1 and o.isdisjoint(hotel) for o in others)
    assert others[0] != others[1]
    with store.reader() as conn:
        rows = {r["id"]: r for r in conn.execute(select(schema.events)).mappings()}
    assert len(rows) == 3
    row = rows[next(iter(hotel))]
    # the most precise date and place any report gives; every toll kept as a bound
    assert (row["event_date"], row["date_precision"], row["location"]) == (
        "2016-01-15", "day", "Ouagadougou")
    assert (row["fatalities_low"], row["fatalities_high"]) == (29, 30)
