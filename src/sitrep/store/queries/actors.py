"""Actor reads: the registry merged with what the store has seen, and one actor page."""

from __future__ import annotations

from typing import Any

from sqlalchemy import and_, func, literal_column, or_, select

from ...errors import Errors, SitrepError
from .. import schema
from ..db import Store
from .common import check_paging, loads_json, not_found, pack_actor, registry
from .events import EVENT_LIST_COLUMNS
from .relations import list_relations


def list_actors(store: Store, *, q: str | None = None, kind: str | None = None,
                country: str | None = None, limit: int = 100, offset: int = 0,
                sort: str = "-events") -> dict[str, Any]:
    """Actors with how many events they appear in (any role); q matches names and aliases."""
    a, al, ea = schema.actors, schema.aliases, schema.event_actors
    check_paging(limit, offset)
    sorts = {"events": "events", "name": "name", "kind": "kind", "country": "country"}
    if sort.lstrip("-") not in sorts:
        raise SitrepError(Errors.E501, name="sort", value=sort, detail="unknown column",
                          fix="Sort by one of: " + ", ".join(sorts) + " (prefix - for descending).")
    n_events: Any = (select(func.count(func.distinct(ea.c.event_id)))
                     .where(ea.c.actor_id == a.c.id).scalar_subquery().label("events"))
    conds: list[Any] = []
    if q:
        like = f"%{q.strip().lower()}%"
        conds.append(or_(func.lower(a.c.name).like(like), a.c.id.in_(
            select(al.c.actor_id).where(func.lower(al.c.alias).like(like)))))
    if kind:
        conds.append(a.c.kind == kind)
    if country:
        conds.append(func.lower(a.c.country) == country.strip().lower())
    where = and_(True, *conds)
    key = sort.lstrip("-")
    with store.reader() as conn:
        if conn.dialect.name == "sqlite":
            # per-actor counts kept by triggers (migration 0034): sorting 600 actors by events
            # reads 600 rows instead of counting two million event links
            n_events = literal_column("coalesce((SELECT c.events FROM actor_event_counts c "
                                      "WHERE c.actor_id = actors.id), 0)").label("events")
        col = n_events if key == "events" else a.c[key]
        order = col.desc() if sort.startswith("-") else col.asc()
        if conn.execute(select(func.count()).select_from(a)).scalar_one() == 0:
            n = func.count(func.distinct(ea.c.event_id))
            counts = {r[0]: int(r[1]) for r in conn.execute(
                select(ea.c.actor_id, n).group_by(ea.c.actor_id))}
            items = _registry_actors(counts, q=q, kind=kind, country=country, sort=sort)
            return {"total": len(items), "limit": limit, "offset": offset, "sort": sort,
                    "items": items[offset:offset + limit]}
        total = conn.execute(select(func.count()).select_from(a).where(where)).scalar_one()
        rows = conn.execute(select(a.c.id, a.c.name, a.c.kind, a.c.country, n_events)
                            .where(where).order_by(order, a.c.name).limit(limit)
                            .offset(offset)).mappings().all()
    return {"total": total, "limit": limit, "offset": offset, "sort": sort,
            "items": [dict(r) for r in rows]}


def _registry_actors(counts: dict[str, int], *, q: str | None, kind: str | None,
                     country: str | None, sort: str) -> list[dict[str, Any]]:
    """list_actors over the pack registry, for a store whose actors table is still empty."""
    reg = registry()
    needle = (q or "").strip().lower()
    items = [{"id": x.id, "name": x.name, "kind": x.kind, "country": x.country,
              "events": counts.get(x.id, 0)} for x in (reg if reg is not None else [])
             if (not needle or needle in x.name.lower()
                 or any(needle in al.name.lower() for al in x.aliases))
             and (not kind or x.kind == kind)
             and (not country or (x.country or "").lower() == country.strip().lower())]
    key = sort.lstrip("-")
    items.sort(key=lambda r: r["name"])
    items.sort(key=lambda r: r["events"] if key == "events" else str(r[key] or "").lower(),
               reverse=sort.startswith("-"))
    return items


def resolve_actor(store: Store | None, name: str) -> str:
    """An actor id from an id or any alias: the store's actors first, then the pack registry.
    E207 when nothing matches, E330 when the name is ambiguous."""
    if store is not None:
        a, al = schema.actors, schema.aliases
        with store.reader() as conn:
            if conn.execute(select(a.c.id).where(a.c.id == name)).first() is not None:
                return name
            from ...pack import normalize

            ids = sorted(set(conn.execute(select(al.c.actor_id).where(
                al.c.norm == normalize(name))).scalars()))
        if len(ids) == 1:
            return ids[0]
    reg = registry()
    if reg is None:
        raise SitrepError(Errors.E207, name=name)
    found = reg.search(name)
    if not found:
        raise SitrepError(Errors.E207, name=name)
    if len(found) > 1:
        raise SitrepError(Errors.E330, name=name, count=len(found),
                          some=", ".join(x.id for x in found[:5]))
    return str(found[0].id)


LINEAGE = ("split_from", "merged_into", "successor_of", "part_of", "affiliate_of", "founded_by",
           "leads")


def _newest_first(conn: Any, column: Any) -> Any:
    """DESC with NULLs last on both backends (SQLite's default; PostgreSQL needs saying, and
    saying it on SQLite would keep it off the index)."""
    return column.desc().nulls_last() if conn.dialect.name == "postgresql" else column.desc()


def get_actor(store: Store, actor_id: str, *, events_limit: int = 200) -> dict[str, Any]:
    """One actor: aliases, relations (both directions, each with sources), a lineage timeline
    (the dated structural relations in date order; ``timeline`` names each one's role:
    predecessor, faction, successor...) and the events it appears in."""
    a, al, ea, ev = schema.actors, schema.aliases, schema.event_actors, schema.events
    with store.reader() as conn:
        row = conn.execute(select(a).where(a.c.id == actor_id)).mappings().first()
        if row is not None:
            actor = dict(row, data=loads_json(row["data"], {}), aliases=[dict(r) for r in (
                conn.execute(select(al.c.alias, al.c.lang).where(al.c.actor_id == actor_id)
                             .order_by(al.c.alias)).mappings())])
        else:
            found = pack_actor(actor_id)
            if found is None:
                raise not_found(store, "actor", actor_id)
            actor = found
        evs = conn.execute(
            select(*[ev.c[c] for c in EVENT_LIST_COLUMNS], ea.c.role)
            .join(ea, ea.c.event_id == ev.c.id).where(ea.c.actor_id == actor_id)
            # event_actors keeps a copy of the event's date (migration 0032) indexed with the
            # actor: sorting on it reads one page instead of sorting every event of the actor
            .order_by(_newest_first(conn, ea.c.event_date), ea.c.event_id, ea.c.role)
            .limit(events_limit)).mappings().all()
    by_event: dict[str, dict[str, Any]] = {}
    for r in evs:
        item = by_event.setdefault(r["id"], {**{c: r[c] for c in EVENT_LIST_COLUMNS},
                                             "roles": []})
        item["roles"].append(r["role"])
    relations = list_relations(store, actor=actor_id)["items"]
    lineage = sorted((r for r in relations if r["predicate"] in LINEAGE),
                     key=lambda r: (r["start"] or r["end"] or "9999", r["predicate"]))
    actor["relations"] = relations
    actor["lineage"] = lineage
    from ...pack.views import LINEAGE_ROLES

    timeline = []
    for r in lineage:
        role = LINEAGE_ROLES.get((r["predicate"], r["subject"] == actor_id))
        if role is not None:
            mine = r["subject"] == actor_id
            timeline.append({"relation_id": r["id"], "role": role[0], "group": role[1],
                             "actor_id": r["object"] if mine else r["subject"],
                             "name": r["object_name"] if mine else r["subject_name"],
                             "start": r["start"], "end": r["end"], "origins": r["origins"]})
    actor["timeline"] = timeline
    actor["events"] = list(by_event.values())
    return actor


# ------------------------------------------------------------------------------ relations
