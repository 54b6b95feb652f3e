"""Copy the knowledge pack's actors and aliases (and the places events use) into the store.

The pack is the source of truth for *who is who*; the store's ``actors`` / ``aliases`` /
``places`` tables hold a copy so SQL queries (and PostgreSQL users with no pack on their
machine) can join on names.  Syncing is idempotent: pack entries are upserted, aliases added,
and rows the store holds that the pack does not (analyst additions) are left alone.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict
from typing import Any

from sqlalchemy import select, update

from . import schema
from .db import Store, insert_ignore


def _actor_row(actor: Any) -> dict[str, Any]:
    data = {"facts": [asdict(f) for f in actor.facts], "source": actor.source,
            "un_ref": actor.un_ref, "placeholder": actor.placeholder,
            "description": actor.description}
    return {"id": actor.id, "name": actor.name, "kind": actor.kind, "country": actor.country,
            "data": json.dumps(data, ensure_ascii=False)}


def sync_pack_actors(store: Store, pack: Any, *, if_changed: bool = False) -> dict[str, int]:
    """Upsert every pack actor and add its aliases; returns counts of what changed. With
    ``if_changed`` (the sync after each extraction) the pack's relations are rewritten only
    when the store does not hold them as they are; ``sitrep pack sync`` always rewrites."""
    from ..pack import normalize

    a, al = schema.actors, schema.aliases
    added = updated = aliases_added = 0
    with store.transaction() as conn:
        existing = {r.id: r for r in conn.execute(select(a.c.id, a.c.name, a.c.kind,
                                                          a.c.country, a.c.data))}
        known = {(r.actor_id, r.norm) for r in conn.execute(select(al.c.actor_id, al.c.norm))}
        new_rows = []
        for actor in pack.actors:
            row = _actor_row(actor)
            old = existing.get(actor.id)
            if old is None:
                new_rows.append(row)
                added += 1
            elif (old.name, old.kind, old.country, old.data) != (
                    row["name"], row["kind"], row["country"], row["data"]):
                conn.execute(update(a).where(a.c.id == actor.id).values(
                    name=row["name"], kind=row["kind"], country=row["country"],
                    data=row["data"]))
                updated += 1
        insert_ignore(conn, a, new_rows)
        alias_rows = []
        for actor in pack.actors:
            for alias in [actor.name, *actor.alias_names]:
                key = (actor.id, normalize(alias))
                if key[1] and key not in known:
                    known.add(key)
                    lang = next((x.lang for x in actor.aliases if x.name == alias), None)
                    alias_rows.append({"actor_id": actor.id, "alias": alias, "norm": key[1],
                                       "lang": lang})
        insert_ignore(conn, al, alias_rows)
        aliases_added = len(alias_rows)
        # the pack's dated actor-to-actor facts are relations too (origin "pack")
        from .relations import pack_relations_current, sync_pack_relations

        if not (if_changed and pack_relations_current(conn, pack)):
            sync_pack_relations(conn, pack)
    return {"actors_added": added, "actors_updated": updated, "aliases_added": aliases_added}


def sync_places(store: Store, places: Iterable[Any]) -> int:
    """Insert the given gazetteer places (the ones events cite) if the store lacks them."""
    rows = []
    seen: set[str] = set()
    for p in places:
        if p.id in seen:
            continue
        seen.add(p.id)
        rows.append({"id": p.id, "name": p.name, "country": p.country, "admin1": p.admin1,
                     "admin2": p.admin2, "latitude": p.latitude, "longitude": p.longitude,
                     "feature_class": p.feature_class, "feature_code": p.feature_code,
                     "population": p.population})
    if not rows:
        return 0
    with store.transaction() as conn:
        have = {r.id for r in conn.execute(select(schema.places.c.id).where(
            schema.places.c.id.in_([r["id"] for r in rows])))}
        fresh = [r for r in rows if r["id"] not in have]
        insert_ignore(conn, schema.places, fresh)
    return len(fresh)
