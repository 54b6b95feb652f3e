"""'What changed': the last ingest's documents, the events they created or added a source to,
and the relations they state, through two real ingests of demo articles."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from demo_store import DEMO, LiveServer

from sitrep import sources
from sitrep.api import create_app
from sitrep.pipeline import extract_pending
from sitrep.store import Store


@pytest.fixture(scope="module")
def two_ingests(tmp_path_factory: pytest.TempPathFactory) -> tuple[Store, list[str]]:
    """demo-01 (the Radisson Blu siege) first; then demo-02 (the same siege, a day later) and
    demo-07 (Bamako 2024) in a second ingest."""
    store = Store(tmp_path_factory.mktemp("changes") / "changes.db")
    sources.ingest(store, [str(DEMO / "01-radisson-blu-siege.txt")])
    extract_pending(store)
    second = sources.ingest(store, [str(DEMO / "02-bamako-after-the-siege.txt"),
                                    str(DEMO / "07-bamako-gendarmerie-airport.txt")])
    extract_pending(store)
    return store, list(second.document_ids)


def test_changes_are_what_the_last_ingest_brought(two_ingests: tuple[Store, list[str]]) -> None:
    store, second = two_ingests
    with LiveServer(create_app(store)) as server, httpx.Client(base_url=server.url) as http:
        ch = http.get("/api/changes").json()
        assert ch["run"]["command"].startswith("ingest")
        commands = [r["command"] for r in ch["runs"]]
        assert commands[0] == ch["run"]["command"] and "extract" in commands[1:]
        assert {d["id"] for d in ch["documents"]} == set(second)
        assert ch["counts"]["documents"] == 2
        assert ch["new_events"], "demo-07 reports the 2024 Bamako attack"
        for kind in ("new_events", "updated_events"):
            assert ch["counts"][kind] == len(ch[kind])
            for e in ch[kind]:
                docs = {s["document_id"] for s in http.get(f"/api/events/{e['id']}").json()[
                    "sources"]}
                assert docs & set(second), e  # every changed event cites a new document
                assert (kind == "updated_events") == bool(docs - set(second)), e
        for r in ch["relations"]:
            rel = http.get("/api/relations", params={"actor": r["subject"],
                                                     "predicate": r["predicate"]}).json()
            assert any(x["object"] == r["object"] for x in rel["items"]), r
        # the overview page shows the same
        html = http.get("/", headers={"Accept": "text/html"}).text
        assert f'class="n-documents">{ch["counts"]["documents"]}<' in html
        for e in ch["new_events"]:
            assert f'href="/events/{e["id"]}"' in html
        assert http.get("/index.json").json()["changes"] == http.get(
            "/api/changes", params={"limit": 10}).json()


def test_reingest_of_known_articles_changes_nothing(two_ingests: tuple[Store, list[str]],
                                                    ) -> None:
    store, second = two_ingests
    report = sources.ingest(store, [str(DEMO / "02-bamako-after-the-siege.txt")])
    assert not report.new
    with LiveServer(create_app(store)) as server, httpx.Client(base_url=server.url) as http:
        ch = http.get("/api/changes").json()
    assert {d["id"] for d in ch["documents"]} == set(second)  # still the last real ingest


def test_empty_store_has_no_changes(tmp_path: Path) -> None:
    with LiveServer(create_app(tmp_path / "empty.db")) as server:
        ch = httpx.get(server.url + "/api/changes", timeout=10).json()
    assert ch["run"] is None and ch["documents"] == [] and ch["counts"]["documents"] == 0
