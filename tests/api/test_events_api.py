"""/api/events and /api/events/{id} over the demo store (real pipeline) and a real HTTP server.

Expectations come from gold/demo.yaml and from the store itself (a filter must return exactly
the listed events that match it), never from ids or counts of one extraction run.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from demo_store import gold_countries, gold_events


def _all(client: httpx.Client, **params: Any) -> list[dict[str, Any]]:
    res = client.get("/api/events", params={"limit": 5000, **params})
    assert res.status_code == 200, res.text
    body = res.json()
    assert body["total"] == len(body["items"])
    items: list[dict[str, Any]] = body["items"]
    return items


def _ids(items: list[dict[str, Any]]) -> set[str]:
    return {e["id"] for e in items}


def test_list_is_paged_sorted_newest_first_and_sourced(client: httpx.Client) -> None:
    body = client.get("/api/events").json()
    assert body["total"] > 0 and (body["limit"], body["offset"], body["sort"]) == (50, 0, "-date")
    dated = [e["event_date"] for e in body["items"] if e["event_date"]]
    assert dated == sorted(dated, reverse=True)
    assert all(e["sources"] >= 1 for e in body["items"])  # every event is read from a document


def _place_names(g: dict[str, Any]) -> set[str]:
    return {n.lower() for n in [g["location"], *g.get("location_aliases", [])]}


def test_demo_events_are_found_when_and_where_the_articles_say(client: httpx.Client) -> None:
    """A gold event (day date, country, place) is found when the API lists an event overlapping
    that day in that country whose place or a source quote names the place."""
    wanted = [g for g in gold_events() if len(str(g.get("date", ""))) == 10
              and g.get("country") and g.get("location")]
    found: dict[str, int] = {}
    for g in wanted:
        items = _all(client, date_from=str(g["date"]), date_to=str(g.get("end_date", g["date"])),
                     country=g["country"])
        for e in items:
            quotes = [s["quote"].lower() for s in
                      client.get(f"/api/events/{e['id']}").json()["sources"]]
            if any(n in (e["location"] or "").lower() or any(n in q for q in quotes)
                   for n in _place_names(g)):
                found[g["country"]] = found.get(g["country"], 0) + 1
                break
    assert len(found) >= 2 and sum(found.values()) >= len(wanted) / 2, (found, len(wanted))


def test_country_filter_returns_only_that_country(client: httpx.Client) -> None:
    everything = _all(client)
    for country in gold_countries():
        items = _all(client, country=country)
        assert items and {e["country"] for e in items} == {country}
        assert _ids(items) == {e["id"] for e in everything if e["country"] == country}
        assert _ids(_all(client, country=country.lower())) == _ids(items)  # case-insensitive


@pytest.mark.parametrize("field", ["admin1", "event_type"])
def test_region_and_type_filters_keep_exactly_the_matching_events(client: httpx.Client,
                                                                   field: str) -> None:
    everything = _all(client)
    values = {e[field] for e in everything if e[field]}
    assert values
    for value in values:
        expected = {e["id"] for e in everything if e[field] == value}
        assert _ids(_all(client, **{field: value})) == expected, value


def test_date_range_overlaps_whole_periods(client: httpx.Client) -> None:
    everything = _all(client)
    lo, hi = "2024-07-01", "2024-08-31"  # Tinzaouaten, July and August 2024 (demo-08)
    inside = _all(client, date_from="2024-07", date_to="2024-08")
    expected = {e["id"] for e in everything if e["event_date"] and e["event_date"] <= hi
                and (e["date_end"] or e["event_date"]) >= lo}
    assert inside and _ids(inside) == expected
    day = next(e for e in everything if e["date_precision"] == "day")
    one_day = _all(client, date_from=day["event_date"], date_to=day["event_date"])
    assert day["id"] in _ids(one_day)
    assert all(e["event_date"] <= day["event_date"] <= (e["date_end"] or e["event_date"])
               for e in one_day)


def test_actor_filter_accepts_id_name_and_alias(client: httpx.Client) -> None:
    jnim = client.get("/api/actors/jnim").json()
    by_id = _ids(_all(client, actor="jnim"))
    assert by_id, "demo-07: JNIM claimed the Bamako attack"
    for name in (jnim["name"], "JNIM", "GSIM"):
        assert _ids(_all(client, actor=name)) == by_id, name
    for event_id in by_id:
        actors = client.get(f"/api/events/{event_id}").json()["actors"]
        assert "jnim" in {a["actor_id"] for a in actors}


def test_text_search_reads_source_sentences_and_titles(client: httpx.Client) -> None:
    hits = _all(client, q="Tinzaouaten")
    assert hits
    for e in hits:
        detail = client.get(f"/api/events/{e['id']}").json()
        text = " ".join([s["passage"]["text"] + " " + (s["title"] or "")
                         for s in detail["sources"]]).lower()
        assert "tinzaouaten" in text
    assert _all(client, q="zzzunknownword") == []


def test_bbox_keeps_exactly_the_events_inside(client: httpx.Client) -> None:
    everything = _all(client)
    w, s, e, n = -9.0, 11.0, -1.0, 15.0  # south-western Mali and Burkina Faso
    expected = {x["id"] for x in everything if x["latitude"] is not None
                and w <= x["longitude"] <= e and s <= x["latitude"] <= n}
    assert expected, "Bamako (demo-01, demo-07) lies in this box"
    assert _ids(_all(client, bbox=f"{w},{s},{e},{n}")) == expected


@pytest.mark.parametrize("sort,column", [("date", "event_date"), ("-fatalities", "fatalities"),
                                         ("country", "country"), ("location", "location"),
                                         ("type", "event_type"), ("-actor1", "actor1")])
def test_sort_orders_by_the_column_with_unknowns_last(client: httpx.Client, sort: str,
                                                      column: str) -> None:
    items = _all(client, sort=sort)
    known = [e[column] for e in items if e[column] is not None]
    assert known == sorted(known, reverse=sort.startswith("-"))
    assert [e[column] for e in items[len(known):]] == [None] * (len(items) - len(known))


def test_paging_walks_the_whole_list_once(client: httpx.Client) -> None:
    everything = [e["id"] for e in _all(client, sort="-fatalities")]
    pages: list[str] = []
    for offset in range(0, len(everything), 3):
        body = client.get("/api/events", params={"limit": 3, "offset": offset,
                                                 "sort": "-fatalities"}).json()
        assert body["total"] == len(everything)
        pages += [e["id"] for e in body["items"]]
    assert pages == everything


def test_event_detail_has_sources_claims_and_reconciliation(client: httpx.Client) -> None:
    disputed = 0
    for e in _all(client):
        body = client.get(f"/api/events/{e['id']}").json()
        assert body["sources"], e["id"]
        documents = {s["document_id"] for s in body["sources"]}
        for source in body["sources"]:
            passage = source["passage"]
            assert source["quote"] in passage["text"]
            for st in source["statements"]:  # every highlighted part is inside its passage
                rel = st["start"] - passage["start"]
                assert rel >= 0 and st["end"] - passage["start"] <= len(passage["text"])
        if body["fatalities"] is not None and body["fatalities_low"] is not None:
            assert body["fatalities_low"] <= body["fatalities"] <= body["fatalities_high"]
        claims = body["claims"].get("fatalities", [])
        assert all(c["document_id"] in documents and c["quote"] for c in claims)
        disputed += len({c["value"] for c in claims}) > 1
    assert disputed, "the demo reports disputed tolls (e.g. demo-07: 'dozens', 'at least 77')"


def test_unknown_event_is_404(client: httpx.Client) -> None:
    res = client.get("/api/events/0000000000000000")
    assert res.status_code == 404 and res.json()["error"]["code"] == "E004"
