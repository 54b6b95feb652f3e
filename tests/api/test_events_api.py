"""/api/events and /api/events/{id} over a real store and a real HTTP server."""

from __future__ import annotations

import httpx
from sample_store import EVENTS, EXPECTED, event_id


def test_lists_every_event_with_total_and_source_counts(client: httpx.Client) -> None:
    body = client.get("/api/events").json()
    assert body["total"] == EXPECTED["events"] + 1  # + the XSS fixture event
    by_place = {e["location"]: e for e in body["items"]}
    assert by_place["Barsalogho"]["sources"] == EXPECTED["barsalogho_sources"]
    dates = [e["event_date"] for e in body["items"]]
    assert dates == sorted(dates, reverse=True)


def test_filters_by_country_type_and_region(client: httpx.Client) -> None:
    assert client.get("/api/events", params={"country": "Mali"}).json()["total"] == 2
    assert client.get("/api/events", params={"country": "niger"}).json()["total"] == 2
    protests = client.get("/api/events", params={"event_type": "Protests"}).json()
    assert [e["location"] for e in protests["items"]] == ["Niamey"]
    kidal = client.get("/api/events", params={"admin1": "Kidal"}).json()
    assert [e["location"] for e in kidal["items"]] == ["Tinzaouaten"]


def test_date_range_uses_whole_periods(client: httpx.Client) -> None:
    body = client.get("/api/events", params={"date_from": "2024-06", "date_to": "2024-07"}).json()
    assert sorted(e["location"] for e in body["items"]) == ["Mansila", "Tassia", "Tinzaouaten"]
    one_day = client.get("/api/events", params={"date_from": "2024-09-17",
                                                "date_to": "2024-09-17"}).json()
    assert [e["location"] for e in one_day["items"]] == ["Bamako"]


def test_actor_filter_accepts_id_name_and_alias(client: httpx.Client) -> None:
    for actor in ("jnim", "GSIM", "Jama'at Nusrat al-Islam wal-Muslimin"):
        body = client.get("/api/events", params={"actor": actor}).json()
        assert {e["location"] for e in body["items"]} == {"Barsalogho", "Bamako", "Mansila"}


def test_text_search_reads_source_sentences_and_titles(client: httpx.Client) -> None:
    trenches = client.get("/api/events", params={"q": "trenches"}).json()
    assert [e["location"] for e in trenches["items"]] == ["Barsalogho"]
    title = client.get("/api/events", params={"q": "gendarmerie school"}).json()
    assert [e["location"] for e in title["items"]] == ["Bamako"]
    assert client.get("/api/events", params={"q": "zzzunknownword"}).json()["total"] == 0


def test_bbox_keeps_events_inside(client: httpx.Client) -> None:
    west = client.get("/api/events", params={"bbox": "-9,12,-1,14"}).json()
    assert sorted(e["location"] for e in west["items"]) == ["Bamako", "Barsalogho"]


def test_paging_and_sort(client: httpx.Client) -> None:
    first = client.get("/api/events", params={"limit": 3, "sort": "-fatalities"}).json()
    assert [e["fatalities"] for e in first["items"]] == [200, 100, 77]
    second = client.get("/api/events", params={"limit": 3, "offset": 3,
                                               "sort": "-fatalities"}).json()
    assert second["total"] == first["total"]
    assert not {e["id"] for e in first["items"]} & {e["id"] for e in second["items"]}
    assert [e["fatalities"] for e in second["items"]] == [47, 21, 5]


def test_event_detail_has_sources_claims_and_reconciliation(client: httpx.Client) -> None:
    body = client.get(f"/api/events/{event_id('barsalogho')}").json()
    assert body["fatalities_low"] == EVENTS["barsalogho"]["fatalities_low"]
    assert body["fatalities_high"] == 400
    assert len(body["sources"]) == 2
    numbers = sorted(c["value"] for c in body["claims"]["fatalities"])
    assert numbers == ["150", "400"]
    attributions = {c["attribution"] for c in body["claims"]["fatalities"]}
    assert "A humanitarian official said" in attributions
    assert [a["actor_id"] for a in body["actors"] if a["role"] == "claimed_by"] == ["jnim"]
    for source in body["sources"]:
        passage = source["passage"]
        assert source["quote"] in passage["text"]
        for st in source["statements"]:  # every highlighted part is inside its passage
            rel = st["start"] - passage["start"]
            assert passage["text"][rel:rel + len(st["quote"])] == st["quote"]
