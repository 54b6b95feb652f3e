"""Events cite registry ids; until the actors table is filled, pages fall back to the pack."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from demo_store import LiveServer

from sitrep.api import create_app
from sitrep.model import utcnow
from sitrep.store import Store, schema


def test_actor_pages_use_the_pack_when_the_store_has_no_actors(tmp_path: Path) -> None:
    pack = pytest.importorskip("sitrep.pack")
    try:
        jnim = pack.load_pack().actors.find("jnim")
    except Exception as exc:  # pack data not built in this checkout
        pytest.skip(f"knowledge pack unavailable: {exc}")
    if jnim is None:
        pytest.skip("the pack has no 'jnim' entry")
    store = Store(tmp_path / "noactors.db")
    with store.transaction() as conn:
        conn.execute(schema.events.insert().values(
            id="e1", event_date="2024-01-05", event_type="Battles", country="Mali",
            updated_at=utcnow()))
        conn.execute(schema.event_actors.insert().values(event_id="e1", actor_id="jnim",
                                                         role="actor1"))
    with LiveServer(create_app(store)) as server, httpx.Client(base_url=server.url) as http:
        actor = http.get("/api/actors/jnim").json()
        assert actor["name"] == jnim.name
        assert {a["alias"] for a in actor["aliases"]} >= {"JNIM"}
        assert [e["id"] for e in actor["events"]] == ["e1"]
        listed = http.get("/api/actors", params={"q": "gsim"}).json()
        assert listed["items"][0]["id"] == "jnim" and listed["items"][0]["events"] == 1
        event = http.get("/api/events/e1").json()
        assert event["actors"][0]["name"] == jnim.name
        assert http.get("/actors/jnim").status_code == 200
        assert http.get("/api/actors/not-a-group").status_code == 404
