"""Actors, relations (as of a date), documents with mentions, stats, OpenAPI."""

from __future__ import annotations

import httpx
from sample_store import EXPECTED, XSS_TEXT


def test_actors_list_counts_events(client: httpx.Client) -> None:
    body = client.get("/api/actors").json()
    assert body["total"] == EXPECTED["actors"]
    counts = {a["id"]: a["events"] for a in body["items"]}
    assert counts["jnim"] == 3 and counts["fama"] == 2 and counts["aqim"] == 0
    assert body["items"][0]["id"] == "jnim"  # most events first
    found = client.get("/api/actors", params={"q": "eigs"}).json()
    assert [a["id"] for a in found["items"]] == ["isgs"]


def test_actor_detail_has_aliases_lineage_relations_and_events(client: httpx.Client) -> None:
    body = client.get("/api/actors/jnim").json()
    assert {a["alias"] for a in body["aliases"]} >= {"JNIM", "GSIM"}
    lineage = [(r["subject"], r["predicate"]) for r in body["lineage"]]
    assert ("ansar_dine", "merged_into") in lineage and ("jnim", "affiliate_of") in lineage
    merged = next(r for r in body["relations"] if r["subject"] == "ansar_dine")
    assert merged["sources"] and "merged" in merged["sources"][0]["quote"]
    assert {e["location"] for e in body["events"]} == {"Barsalogho", "Bamako", "Mansila"}
    bamako = next(e for e in body["events"] if e["location"] == "Bamako")
    assert sorted(bamako["roles"]) == ["actor1", "claimed_by"]


def test_relations_as_of_a_date(client: httpx.Client) -> None:
    def keys(as_of: str) -> set[tuple[str, str, str]]:
        body = client.get("/api/relations", params={"as_of": as_of}).json()
        return {(r["subject"], r["predicate"], r["object"]) for r in body["items"]}

    assert keys("2016") == {("isgs", "split_from", "al_mourabitoune")}
    mid_2023 = keys("2023-06-01")
    assert ("wagner", "supports", "fama") in mid_2023
    assert ("africa_corps", "supports", "fama") not in mid_2023
    late_2024 = keys("2024-09")
    assert ("africa_corps", "supports", "fama") in late_2024
    assert ("wagner", "supports", "fama") not in late_2024  # ended 2024-06
    # an end date of month precision covers that whole month
    assert ("wagner", "supports", "fama") in keys("2024-06-20")
    assert len(client.get("/api/relations").json()["items"]) == EXPECTED["relations"]


def test_network_nodes_match_edges(client: httpx.Client) -> None:
    net = client.get("/api/network", params={"as_of": "2018-01-01"}).json()
    ids = {n["id"] for n in net["nodes"]}
    assert ids == {e["source"] for e in net["edges"]} | {e["target"] for e in net["edges"]}
    assert "africa_corps" not in ids and "jnim" in ids
    assert net["first_date"] == "2015-05"


def test_documents_and_mentions(client: httpx.Client) -> None:
    docs = client.get("/api/documents").json()
    assert docs["total"] == EXPECTED["documents"]
    hit = client.get("/api/documents", params={"q": "trenches"}).json()
    assert len(hit["items"]) == 1 and hit["items"][0]["events"] == 1
    doc = client.get(f"/api/documents/{hit['items'][0]['id']}").json()
    assert doc["text"].startswith("OUAGADOUGOU")
    kinds = {(m["kind"], m["property"]) for m in doc["mentions"]}
    assert ("event", "fatalities") in kinds and ("actor", "claimed_by") in kinds
    for m in doc["mentions"]:
        assert 0 <= m["start"] < m["end"] <= len(doc["text"])


def test_untrusted_text_comes_back_verbatim_as_json(client: httpx.Client) -> None:
    hit = client.get("/api/documents", params={"q": "Djibo market"}).json()["items"][0]
    assert hit["title"].startswith("<script>")
    assert client.get(f"/api/documents/{hit['id']}").json()["text"] == XSS_TEXT


def test_stats(client: httpx.Client) -> None:
    s = client.get("/api/stats").json()
    assert s["totals"]["events"] == EXPECTED["events"] + 1
    months = {m["month"]: m for m in s["by_month"]}
    assert months["2024-06"]["events"] == 2 and months["2024-06"]["fatalities"] == 121
    assert {c["country"]: c["events"] for c in s["by_country"]}["Mali"] == 2
    assert sum(w["total"] for w in s["by_week"]) == s["totals"]["events"]
    assert all(w["week"] <= v["week"] for w, v in zip(s["by_week"], s["by_week"][1:],
                                                        strict=False))


def test_openapi_is_served_locally(client: httpx.Client) -> None:
    spec = client.get("/openapi.json").json()
    assert {"/api/events", "/api/events/{event_id}", "/api/relations", "/api/stats"} \
        <= set(spec["paths"])
    params = {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert {"date_from", "date_to", "country", "admin1", "actor", "event_type", "q", "bbox",
            "limit", "offset", "sort"} <= params
    docs = client.get("/docs")
    if docs.status_code == 200:  # swagger-ui installed from npm: no CDN address anywhere
        assert "/static/vendor/swagger-ui/" in docs.text and "cdn" not in docs.text.lower()
    else:
        assert docs.status_code == 503 and "E504" in docs.text
