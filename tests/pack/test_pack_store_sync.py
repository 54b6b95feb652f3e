"""Syncing the pack's actors, aliases and cited places into a real SQLite store."""

from __future__ import annotations

import json

from sqlalchemy import func, select

from sitrep.pack import load_pack
from sitrep.store import Store, schema
from sitrep.store.actors import sync_pack_actors, sync_places


def test_sync_is_complete_and_idempotent(store: Store) -> None:
    pack = load_pack()
    first = sync_pack_actors(store, pack)
    assert first["actors_added"] == len(pack.actors) and first["aliases_added"] > 500
    again = sync_pack_actors(store, pack)
    assert again == {"actors_added": 0, "actors_updated": 0, "aliases_added": 0}
    with store.reader() as conn:
        row = conn.execute(select(schema.actors).where(schema.actors.c.id == "jnim")).one()
        assert row.kind == "jihadist_group"
        facts = json.loads(row.data)["facts"]
        assert any(f["predicate"] == "founded" and f["start"] == "2017-03-02" for f in facts)
        owners = conn.execute(select(schema.aliases.c.actor_id).where(
            schema.aliases.c.norm == "gsim")).scalars().all()
        assert owners == ["jnim"]


def test_analyst_rows_survive_and_changed_entries_update(store: Store) -> None:
    pack = load_pack()
    with store.transaction() as conn:
        conn.execute(schema.actors.insert().values(id="local_militia", name="Local militia",
                                                   kind="militia"))
        conn.execute(schema.actors.insert().values(id="jnim", name="old name",
                                                   kind="jihadist_group"))
    counts = sync_pack_actors(store, pack)
    assert counts["actors_updated"] == 1
    with store.reader() as conn:
        names = dict(conn.execute(select(schema.actors.c.id, schema.actors.c.name)).all())
    assert names["local_militia"] == "Local militia"
    assert names["jnim"] == pack.actors.get("jnim").name


def test_sync_places(store: Store) -> None:
    pack = load_pack()
    gao = pack.gazetteer.search("Gao", country="ML")
    assert sync_places(store, gao + gao) == len(gao)
    assert sync_places(store, gao) == 0
    with store.reader() as conn:
        assert conn.execute(select(func.count()).select_from(schema.places)).scalar() == len(gao)
