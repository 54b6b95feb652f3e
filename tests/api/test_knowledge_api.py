"""Actors, relations (as of a date), the network, documents with mentions and stats, over the
demo store built by the real pipeline."""

from __future__ import annotations

import json
from typing import Any

import httpx
from demo_store import DEMO, XSS_TEXT, XSS_TITLE

from sitrep.store.queries import LINEAGE, parse_date, relation_active


def test_actors_list_counts_events_most_active_first(client: httpx.Client) -> None:
    body = client.get("/api/actors", params={"limit": 5000}).json()
    counts = [a["events"] for a in body["items"]]
    assert counts == sorted(counts, reverse=True) and counts[0] >= 1
    jnim = next(a for a in body["items"] if a["id"] == "jnim")
    assert jnim["events"] == client.get("/api/events", params={"actor": "jnim"}).json()["total"]
    found = client.get("/api/actors", params={"q": "gsim"}).json()  # an alias
    assert "jnim" in [a["id"] for a in found["items"]]


def test_actor_detail_has_aliases_relations_lineage_and_events(client: httpx.Client) -> None:
    body = client.get("/api/actors/jnim").json()
    assert {a["alias"] for a in body["aliases"]} >= {"JNIM"}
    assert body["events"] and all(e["roles"] for e in body["events"])
    for r in body["relations"]:
        assert "jnim" in (r["subject"], r["object"])
        assert r["sources"] and all(s["quote"] for s in r["sources"])
    lineage = [r["id"] for r in body["lineage"]]
    assert lineage == [r["id"] for r in sorted(
        (r for r in body["relations"] if r["predicate"] in LINEAGE),
        key=lambda r: (r["start"] or r["end"] or "9999", r["predicate"]))]
    # demo-07/08: "JNIM, the al-Qaeda affiliate" is read from the text, with its sentence
    affiliate = [r for r in body["relations"] if r["predicate"] == "affiliate_of"
                 and r["subject"] == "jnim"]
    assert affiliate and any("al-Qaeda" in s["quote"] for s in affiliate[0]["sources"])


def _relation_dates(client: httpx.Client) -> list[str]:
    """Every day a relation starts or ends (as ISO days), and a few others."""
    items = client.get("/api/relations").json()["items"]
    days = {parse_date(d[:10], "d") for r in items for d in (r["start"], r["end"]) if d}
    return sorted({d for d in days if d} | {"1990-01-01", "2015-06-01", "2024-09-01"})


def test_relations_as_of_keeps_only_those_valid_that_day(client: httpx.Client) -> None:
    everything = client.get("/api/relations").json()["items"]
    assert everything and all(r["sources"] for r in everything)
    for day in _relation_dates(client):
        body = client.get("/api/relations", params={"as_of": day}).json()
        assert body["as_of"] == day
        ids = {r["id"] for r in body["items"]}
        # nothing that started after the day or ended before it; everything else is kept
        assert ids == {r["id"] for r in everything if relation_active(r, day)}, day
        assert all((r["start"] or "")[:10] <= day for r in body["items"])


def test_relation_filters(client: httpx.Client) -> None:
    everything = client.get("/api/relations").json()["items"]
    for predicate in {r["predicate"] for r in everything}:
        items = client.get("/api/relations", params={"predicate": predicate}).json()["items"]
        assert {r["id"] for r in items} == {r["id"] for r in everything
                                            if r["predicate"] == predicate}
    for actor in ("jnim", "JNIM"):  # an id or a name
        items = client.get("/api/relations", params={"actor": actor}).json()["items"]
        assert items and all("jnim" in (r["subject"], r["object"]) for r in items)


def test_network_as_of_a_date_matches_the_relations(client: httpx.Client) -> None:
    for day in _relation_dates(client):
        net = client.get("/api/network", params={"as_of": day}).json()
        ids = {n["id"] for n in net["nodes"]}
        assert ids == {e["source"] for e in net["edges"]} | {e["target"] for e in net["edges"]}
        rels = client.get("/api/relations", params={"as_of": day}).json()["items"]
        assert {e["id"] for e in net["edges"]} == {r["id"] for r in rels}
        assert all(n["name"] for n in net["nodes"])


def _manifest() -> list[dict[str, Any]]:
    lines = (DEMO / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def test_documents_are_every_ingested_article(client: httpx.Client) -> None:
    docs = client.get("/api/documents", params={"limit": 100}).json()
    assert docs["total"] == len(_manifest()) + 1  # the demo plus the hostile article
    assert {d["origin"] for d in docs["items"]} >= {m["id"] for m in _manifest()}
    published = [d["published"] for d in docs["items"] if d["published"]]
    assert published == sorted(published, reverse=True)


def test_document_search_and_mentions(client: httpx.Client) -> None:
    entry = next(m for m in _manifest() if "gendarmerie" in m["title"].lower())
    hit = client.get("/api/documents", params={"q": "gendarmerie"}).json()["items"]
    assert entry["id"] in [d["origin"] for d in hit]
    doc_id = next(d["id"] for d in hit if d["origin"] == entry["id"])
    doc = client.get(f"/api/documents/{doc_id}").json()
    article = (DEMO / entry["path"]).read_text(encoding="utf-8")
    assert doc["text"].split()[:8] == article.split()[:8]
    assert doc["mentions"] and {m["kind"] for m in doc["mentions"]} >= {"event"}
    for m in doc["mentions"]:
        assert 0 <= m["start"] < m["end"] <= len(doc["text"])
    for target in {m["target"] for m in doc["mentions"] if m["kind"] == "event"}:
        assert client.get(f"/api/events/{target}").status_code == 200
    for s in doc["sources"]:
        assert doc["text"][s["start"]:s["end"]].strip()


def test_untrusted_text_comes_back_verbatim_as_json(client: httpx.Client) -> None:
    hit = client.get("/api/documents", params={"q": "Djibo market"}).json()["items"][0]
    assert hit["title"] == XSS_TITLE
    assert client.get(f"/api/documents/{hit['id']}").json()["text"] == XSS_TEXT


def test_stats_add_up(client: httpx.Client) -> None:
    s = client.get("/api/stats").json()
    events = client.get("/api/events", params={"limit": 5000}).json()["items"]
    assert s["totals"]["events"] >= len(events) > 0  # totals also count background events
    assert sum(t["events"] for t in s["by_type"]) == len(events)
    assert sum(c["events"] for c in s["by_country"]) == len(events)
    assert sum(w["total"] for w in s["by_week"]) == sum(1 for e in events if e["event_date"])
    for m in s["by_month"]:
        month = [e for e in events if (e["event_date"] or "").startswith(m["month"])]
        assert m["events"] == len(month)
        assert m["fatalities"] == sum(e["fatalities"] or 0 for e in month)
    weeks = [w["week"] for w in s["by_week"]]
    assert weeks == sorted(weeks)
