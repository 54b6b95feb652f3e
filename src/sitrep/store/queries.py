"""Read-side queries shared by the CLI, the HTTP API and the web UI: one function per read.

Every function takes a ``Store`` and keyword arguments named like the CLI options and API query
parameters, validates them (bad input raises ``SitrepError`` E501/E502, an unknown id E004) and
returns plain JSON-ready dicts, so each view is a thin shell over the same answer.
"""

from __future__ import annotations

import calendar
import json
import re
from collections import Counter, defaultdict
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, and_, func, or_, select, text

from ..errors import Errors, SitrepError
from ..model import PREDICATES
from . import schema
from .db import Store

MAX_LIMIT = 5000
EVENT_SORTS = {
    "date": schema.events.c.event_date,
    "fatalities": schema.events.c.fatalities,
    "country": schema.events.c.country,
    "admin1": schema.events.c.admin1,
    "location": schema.events.c.location,
    "type": schema.events.c.event_type,
    "actor1": schema.events.c.actor1,
}
ROLES = ("actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "claimed_by")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")

# ------------------------------------------------------------------------------ validation


def parse_date(value: str | None, name: str, *, end: bool = False) -> str | None:
    """'2024' / '2024-10' / '2024-10-15' -> ISO day: the first day of the period, or the last
    when ``end`` (so ``date_to=2024-10`` includes the whole of October)."""
    if value is None or value == "":
        return None
    m = _DATE.match(value.strip())
    if not m:
        raise SitrepError(Errors.E501, name=name, value=value, detail="not a date",
                          fix="Use YYYY, YYYY-MM or YYYY-MM-DD.")
    y, mo, d = int(m[1]), int(m[2] or (12 if end else 1)), m[3]
    try:
        last = calendar.monthrange(y, mo)[1]
        day = int(d) if d is not None else (last if end else 1)
        return date(y, mo, day).isoformat()
    except ValueError as exc:
        raise SitrepError(Errors.E501, name=name, value=value, detail=str(exc),
                          fix="Use a real calendar date, e.g. 2024-02-29.") from exc


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    """'min_lon,min_lat,max_lon,max_lat' (the GeoJSON order) -> four floats, checked."""
    if not value:
        return None
    fix = "Give bbox=min_lon,min_lat,max_lon,max_lat, e.g. bbox=-6,10,4,17."
    try:
        parts = [float(p) for p in value.split(",")]
    except ValueError:
        raise SitrepError(Errors.E501, name="bbox", value=value, detail="not four numbers",
                          fix=fix) from None
    if len(parts) != 4 or any(p != p for p in parts):
        raise SitrepError(Errors.E501, name="bbox", value=value, detail="not four numbers", fix=fix)
    w, s, e, n = parts
    if not (-180 <= w <= e <= 180 and -90 <= s <= n <= 90):
        raise SitrepError(Errors.E501, name="bbox", value=value,
                          detail="corners out of range or in the wrong order", fix=fix)
    return w, s, e, n


def check_paging(limit: int, offset: int) -> None:
    if not 1 <= limit <= MAX_LIMIT:
        raise SitrepError(Errors.E501, name="limit", value=limit, detail="out of range",
                          fix=f"Use a limit between 1 and {MAX_LIMIT}.")
    if offset < 0:
        raise SitrepError(Errors.E501, name="offset", value=offset, detail="negative",
                          fix="Use an offset of 0 or more.")


def fts_query(q: str) -> str:
    """User words -> a safe FTS5 query (every word must occur; no operators injected)."""
    words = re.findall(r"\w+", q)
    if not words:
        raise SitrepError(Errors.E501, name="q", value=q, detail="no words to search for",
                          fix="Search for at least one word, e.g. q=Djibo.")
    return " ".join(f'"{w}"' for w in words)


def _loads(value: str | None, default: Any) -> Any:
    if not value:
        return default
    try:
        return json.loads(value)
    except ValueError:
        return default


def _not_found(store: Store, kind: str, id: str) -> SitrepError:
    return SitrepError(Errors.E004, kind=kind, id=id, path=store.target)


def _registry() -> Any:
    """The knowledge pack's actor registry: the fallback for actors the store's ``actors``
    table does not hold (events cite registry ids). None when no pack can be loaded."""
    try:
        from ..pack import load_pack
        return load_pack().actors
    except (ImportError, OSError, SitrepError):
        return None


def _pack_actor(actor_id: str) -> dict[str, Any] | None:
    reg = _registry()
    a = reg.find(actor_id) if reg is not None else None
    if a is None:
        return None
    return {"id": a.id, "name": a.name, "kind": a.kind, "country": a.country,
            "aliases": [{"alias": x.name, "lang": x.lang} for x in a.aliases],
            "data": {"source": a.source, "facts": [vars(f) for f in a.facts]}}


def _names(conn: Connection, ids: set[str]) -> dict[str, str]:
    """Actor id -> display name, from the store, else from the registry."""
    a = schema.actors
    names = {r[0]: r[1] for r in conn.execute(select(a.c.id, a.c.name).where(a.c.id.in_(ids)))}
    for i in ids - set(names):
        found = _pack_actor(i)
        if found:
            names[i] = found["name"]
    return names


# ------------------------------------------------------------------------------ events

_EVENT_LIST_COLUMNS = (
    "id", "event_date", "date_end", "date_precision", "event_type", "sub_event_type", "actor1",
    "actor2",
    "country", "admin1", "location", "latitude", "longitude", "geo_precision", "fatalities",
    "fatalities_low", "fatalities_high", "injured", "abducted", "modality",
)


def _text_match(conn: Connection, q: str) -> Any:
    """Events whose source sentences or source document titles contain every word of q (FTS5
    on SQLite), or whose source quote contains q as typed (also the PostgreSQL fallback)."""
    like = f"%{q.strip()}%"
    if conn.dialect.name != "sqlite":
        es = schema.event_sources
        return schema.events.c.id.in_(select(es.c.event_id).where(es.c.quote.ilike(like)))
    match = fts_query(q)
    return text(
        "(events.id IN (SELECT es.event_id FROM event_sources es JOIN sentences s"
        " ON s.document_id = es.document_id AND s.start < es.\"end\" AND s.\"end\" > es.start"
        " WHERE s.id IN (SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH :fts_s))"
        " OR events.id IN (SELECT es.event_id FROM event_sources es JOIN documents d"
        " ON d.id = es.document_id WHERE d.rowid IN"
        " (SELECT rowid FROM documents_fts WHERE documents_fts MATCH :fts_t))"
        " OR events.id IN (SELECT event_id FROM event_sources WHERE quote LIKE :fts_like))"
    ).bindparams(fts_s=match, fts_t="{title} : (" + match + ")", fts_like=like)


def list_events(store: Store, *, date_from: str | None = None, date_to: str | None = None,
                country: str | None = None, admin1: str | None = None,
                actor: str | None = None, event_type: str | None = None,
                q: str | None = None, bbox: str | None = None, limit: int = 50,
                offset: int = 0, sort: str = "-date") -> dict[str, Any]:
    """One page of events matching every given filter, with the total before paging.

    Dates overlap-match: an event dated 2024-10 (month precision) is inside date_to=2024-10-15.
    ``actor`` is an actor id or name (any role); ``sort`` is a column name, ``-`` for descending.
    """
    ev = schema.events
    check_paging(limit, offset)
    start, end = parse_date(date_from, "date_from"), parse_date(date_to, "date_to", end=True)
    if start and end and start > end:
        raise SitrepError(Errors.E501, name="date_from", value=date_from,
                          detail=f"after date_to {date_to}", fix="Swap the two dates.")
    box = parse_bbox(bbox)
    key = sort.lstrip("-")
    if key not in EVENT_SORTS:
        raise SitrepError(Errors.E501, name="sort", value=sort, detail="unknown column",
                          fix="Sort by one of: " + ", ".join(EVENT_SORTS)
                          + " (prefix - for descending).")
    conds: list[Any] = [ev.c.background.is_(False)]
    if start:
        conds.append(func.coalesce(ev.c.date_end, ev.c.event_date) >= start)
    if end:
        conds.append(ev.c.event_date <= end)
    if country:  # case-insensitive, yet still using the (country, event_date) index
        spelled = select(ev.c.country).where(
            func.lower(ev.c.country) == country.strip().lower()).distinct()
        conds.append(ev.c.country.in_(spelled.scalar_subquery()))
    if admin1:
        conds.append(func.lower(ev.c.admin1) == admin1.strip().lower())
    if event_type:
        conds.append(func.lower(ev.c.event_type) == event_type.strip().lower())
    if box:
        w, s, e, n = box
        conds += [ev.c.longitude.between(w, e), ev.c.latitude.between(s, n)]
    with store.reader() as conn:
        if actor:
            ids = _actor_ids(conn, actor)
            ea = schema.event_actors
            conds.append(ev.c.id.in_(select(ea.c.event_id).where(ea.c.actor_id.in_(ids))))
        if q:
            conds.append(_text_match(conn, q))
        where = and_(*conds)
        total = conn.execute(select(func.count()).select_from(ev).where(where)).scalar_one()
        col = EVENT_SORTS[key]
        order = [col.desc().nulls_last() if sort.startswith("-") else col.asc().nulls_last(),
                 ev.c.id]
        rows = conn.execute(select(*[ev.c[c] for c in _EVENT_LIST_COLUMNS]).where(where)
                            .order_by(*order).limit(limit).offset(offset)).mappings().all()
        counts = _source_counts(conn, [r["id"] for r in rows])
    items = [dict(r, sources=counts.get(r["id"], 0)) for r in rows]
    return {"total": total, "limit": limit, "offset": offset, "sort": sort, "items": items}


def _actor_ids(conn: Connection, actor: str) -> list[str]:
    """An actor filter matches the id, the canonical name or any alias (case-insensitive)."""
    a, al = schema.actors, schema.aliases
    needle = actor.strip().lower()
    ids = {actor.strip()}
    ids |= set(conn.execute(select(a.c.id).where(func.lower(a.c.name) == needle)).scalars())
    ids |= set(conn.execute(select(al.c.actor_id).where(or_(
        func.lower(al.c.alias) == needle, al.c.norm == needle))).scalars())
    return sorted(ids)


def _source_counts(conn: Connection, ids: list[str]) -> dict[str, int]:
    if not ids:
        return {}
    es = schema.event_sources
    rows = conn.execute(select(es.c.event_id, func.count(func.distinct(es.c.document_id)))
                        .where(es.c.event_id.in_(ids)).group_by(es.c.event_id)).all()
    return {r[0]: r[1] for r in rows}


def _statement_dicts(rows: Any) -> list[dict[str, Any]]:
    keep = ("id", "subject", "property", "value", "document_id", "start", "end", "quote",
            "attribution", "modality", "confidence", "extractor")
    return [{k: r[k] for k in keep} for r in rows]


def get_event(store: Store, event_id: str) -> dict[str, Any]:
    """One event with its actors, every source (document, span, quote, the statements read
    inside that span) and the claims grouped by property for reconciliation."""
    ev, es, docs, st = schema.events, schema.event_sources, schema.documents, schema.statements
    with store.reader() as conn:
        row = conn.execute(select(ev).where(ev.c.id == event_id)).mappings().first()
        if row is None:
            raise _not_found(store, "event", event_id)
        event = dict(row)
        event["claimed_by"] = _loads(event["claimed_by"], [])
        event["data"] = _loads(event["data"], {})
        srcs = conn.execute(select(es, docs.c.title, docs.c.origin, docs.c.source,
                                   docs.c.published, docs.c.url)
                            .join(docs, docs.c.id == es.c.document_id)
                            .where(es.c.event_id == event_id)
                            .order_by(docs.c.published, es.c.document_id, es.c.start)
                            ).mappings().all()
        mention_ids = [s["mention_id"] for s in srcs]
        subjects = [f"event:{event_id}", event_id, *mention_ids,
                    *(f"mention:{m}" for m in mention_ids)]
        stmts = _statement_dicts(conn.execute(select(st).where(st.c.subject.in_(subjects))
                                              .order_by(st.c.document_id, st.c.start,
                                                        st.c.property)).mappings().all())
        ea, a = schema.event_actors, schema.actors
        actors = [dict(r) for r in conn.execute(
            select(ea.c.actor_id, ea.c.role, a.c.name, a.c.kind)
            .outerjoin(a, a.c.id == ea.c.actor_id).where(ea.c.event_id == event_id)
            .order_by(ea.c.role, ea.c.actor_id)).mappings()]
        names = _names(conn, {x["actor_id"] for x in actors if not x["name"]})
        for x in actors:
            x["name"] = x["name"] or names.get(x["actor_id"])
    event_level = {f"event:{event_id}", event_id}
    sources = [_source_passage(store, dict(s), [
        x for x in stmts if x["document_id"] == s["document_id"] and x["subject"] in {
            *event_level, s["mention_id"], f"mention:{s['mention_id']}"}]) for s in srcs]
    claims: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for x in stmts:
        claims[x["property"]].append(x)
    event["actors"] = actors
    event["sources"] = sources
    event["claims"] = dict(claims)
    event["statements"] = stmts
    return event


PASSAGE_MAX = 1200


def _source_passage(store: Store, src: dict[str, Any], stmts: list[dict[str, Any]]
                    ) -> dict[str, Any]:
    """The source span widened to whole sentences and to this event's statements in the same
    document (when they are close), so a reader sees every extracted part in its context."""
    spans = [(x["start"], x["end"]) for x in stmts
             if x["start"] is not None and x["end"] is not None]
    lo = min([src["start"], *(a for a, _ in spans)])
    hi = max([src["end"], *(b for _, b in spans)])
    if hi - lo > PASSAGE_MAX:
        lo, hi = src["start"], src["end"]
    sent, d = schema.sentences, schema.documents
    with store.reader() as conn:
        around = conn.execute(select(func.min(sent.c.start), func.max(sent.c.end)).where(
            sent.c.document_id == src["document_id"], sent.c.start < hi,
            sent.c.end > lo)).one()
        lo, hi = min(lo, around[0] if around[0] is not None else lo), max(hi, around[1] or hi)
        body = conn.execute(select(func.substr(d.c.text, lo + 1, hi - lo))
                            .where(d.c.id == src["document_id"])).scalar_one()
    return {
        "document_id": src["document_id"], "document": src["origin"], "title": src["title"],
        "outlet": src["source"], "published": src["published"], "url": src["url"],
        "mention_id": src["mention_id"], "start": src["start"], "end": src["end"],
        "quote": src["quote"], "passage": {"start": lo, "end": hi, "text": body},
        "statements": [x for x in stmts if x["start"] is not None and lo <= x["start"]
                       and x["end"] <= hi],
    }



# ------------------------------------------------------------------------------ actors


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
    n_events = (select(func.count(func.distinct(ea.c.event_id))).where(ea.c.actor_id == a.c.id)
                .scalar_subquery().label("events"))
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
    col = n_events if key == "events" else a.c[key]
    order = col.desc() if sort.startswith("-") else col.asc()
    with store.reader() as conn:
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
    reg = _registry()
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


LINEAGE = ("split_from", "merged_into", "successor_of", "part_of", "affiliate_of", "founded_by",
           "leads")


def get_actor(store: Store, actor_id: str, *, events_limit: int = 200) -> dict[str, Any]:
    """One actor: aliases, relations (both directions, each with sources), a lineage timeline
    (the dated structural relations in date order) and the events it appears in."""
    a, al, ea, ev = schema.actors, schema.aliases, schema.event_actors, schema.events
    with store.reader() as conn:
        row = conn.execute(select(a).where(a.c.id == actor_id)).mappings().first()
        if row is not None:
            actor = dict(row, data=_loads(row["data"], {}), aliases=[dict(r) for r in (
                conn.execute(select(al.c.alias, al.c.lang).where(al.c.actor_id == actor_id)
                             .order_by(al.c.alias)).mappings())])
        else:
            found = _pack_actor(actor_id)
            if found is None:
                raise _not_found(store, "actor", actor_id)
            actor = found
        evs = conn.execute(
            select(*[ev.c[c] for c in _EVENT_LIST_COLUMNS], ea.c.role)
            .join(ea, ea.c.event_id == ev.c.id).where(ea.c.actor_id == actor_id)
            .order_by(ev.c.event_date.desc(), ev.c.id).limit(events_limit)).mappings().all()
    by_event: dict[str, dict[str, Any]] = {}
    for r in evs:
        item = by_event.setdefault(r["id"], {**{c: r[c] for c in _EVENT_LIST_COLUMNS},
                                             "roles": []})
        item["roles"].append(r["role"])
    relations = list_relations(store, actor=actor_id)["items"]
    lineage = sorted((r for r in relations if r["predicate"] in LINEAGE),
                     key=lambda r: (r["start"] or r["end"] or "9999", r["predicate"]))
    actor["relations"] = relations
    actor["lineage"] = lineage
    actor["events"] = list(by_event.values())
    return actor


# ------------------------------------------------------------------------------ relations


def _period(value: str | None, *, end: bool) -> str | None:
    """A stored relation date of any precision -> ISO day (first or last of its period)."""
    if not value:
        return None
    try:
        return parse_date(value[:10], "date", end=end)
    except SitrepError:
        return None


def relation_active(rel: dict[str, Any], day: str) -> bool:
    """Valid on ``day``: started on or before it (or undated) and not ended before it. A date
    counts as its whole period, so 'ended 2020' is still valid on 2020-06-01."""
    start, end = _period(rel.get("start"), end=False), _period(rel.get("end"), end=True)
    return (start is None or start <= day) and (end is None or end >= day)


def list_relations(store: Store, *, as_of: str | None = None, actor: str | None = None,
                   predicate: str | None = None, with_sources: bool = True) -> dict[str, Any]:
    """Relations between actors, each with its sources (statements or pack facts).

    ``as_of`` keeps the relations valid on that date (a month or year means its first day).
    ``with_sources=False`` skips the per-relation source lookup (the network view).
    """
    rel, st, docs = schema.relations, schema.statements, schema.documents
    day = parse_date(as_of, "as_of")
    if predicate and predicate not in PREDICATES:
        raise SitrepError(Errors.E501, name="predicate", value=predicate,
                          detail="unknown predicate", fix="Use one of: " + ", ".join(PREDICATES))
    query = select(rel).order_by(rel.c.start.nulls_first(), rel.c.subject, rel.c.predicate,
                                 rel.c.object)
    if actor:
        query = query.where(or_(rel.c.subject == actor, rel.c.object == actor))
    if predicate:
        query = query.where(rel.c.predicate == predicate)
    with store.reader() as conn:
        rows = [dict(r) for r in conn.execute(query).mappings()]
        if day:
            rows = [r for r in rows if relation_active(r, day)]
        names = _names(conn, {r["subject"] for r in rows} | {r["object"] for r in rows})
        items = []
        for r in rows:
            data = _loads(r.pop("data"), {})
            if not with_sources:
                items.append({**r, "subject_name": names.get(r["subject"], r["subject"]),
                              "object_name": names.get(r["object"], r["object"])})
                continue
            found = conn.execute(
                select(st.c.document_id, docs.c.origin, docs.c.title, st.c.quote, st.c.start,
                       st.c.end, st.c.modality, st.c.attribution)
                .join(docs, docs.c.id == st.c.document_id)
                .where(or_(st.c.id.in_(data.get("statements", [])), and_(
                    st.c.subject == f"actor:{r['subject']}", st.c.property == r["predicate"],
                    st.c.value == f"actor:{r['object']}")))
                .order_by(docs.c.published, st.c.start)).mappings().all()
            sources = [dict(s) for s in found] + list(data.get("sources", []))
            items.append({**r, "subject_name": names.get(r["subject"], r["subject"]),
                          "object_name": names.get(r["object"], r["object"]),
                          "sources": sources})
    return {"as_of": day, "total": len(items), "items": items}


def network(store: Store, *, as_of: str | None = None) -> dict[str, Any]:
    """The actor graph valid on ``as_of``: actors with at least one edge, and the edges."""
    rels = list_relations(store, as_of=as_of, with_sources=False)
    a = schema.actors
    ids = sorted({r["subject"] for r in rels["items"]} | {r["object"] for r in rels["items"]})
    with store.reader() as conn:
        known = {r["id"]: dict(r) for r in conn.execute(
            select(a.c.id, a.c.name, a.c.kind, a.c.country).where(a.c.id.in_(ids))).mappings()}
        span = conn.execute(select(func.min(schema.relations.c.start),
                                   func.max(schema.relations.c.end))).one()
    nodes = [known.get(i) or _pack_actor(i) or {"id": i, "name": i, "kind": None, "country": None}
             for i in ids]
    nodes = [{k: n.get(k) for k in ("id", "name", "kind", "country")} for n in nodes]
    edges = [{"id": r["id"], "source": r["subject"], "target": r["object"],
              "predicate": r["predicate"], "start": r["start"], "end": r["end"],
              "modality": r["modality"], "origin": r["origin"]} for r in rels["items"]]
    return {"as_of": rels["as_of"], "nodes": nodes, "edges": edges,
            "first_date": span[0], "last_date": span[1]}


# ------------------------------------------------------------------------------ documents


def list_documents(store: Store, *, q: str | None = None, limit: int = 50, offset: int = 0
                   ) -> dict[str, Any]:
    """Documents (newest first) with how many events cite them; q searches title and text."""
    d, es = schema.documents, schema.event_sources
    check_paging(limit, offset)
    conds: list[Any] = []
    with store.reader() as conn:
        if q:
            if conn.dialect.name == "sqlite":
                conds.append(text("documents.rowid IN (SELECT rowid FROM documents_fts WHERE "
                                  "documents_fts MATCH :m)").bindparams(m=fts_query(q)))
            else:
                conds.append(or_(d.c.title.ilike(f"%{q}%"), d.c.text.ilike(f"%{q}%")))
        where = and_(True, *conds)
        n_events = (select(func.count(func.distinct(es.c.event_id)))
                    .where(es.c.document_id == d.c.id).scalar_subquery().label("events"))
        total = conn.execute(select(func.count()).select_from(d).where(where)).scalar_one()
        rows = conn.execute(select(d.c.id, d.c.origin, d.c.title, d.c.source, d.c.url,
                                   d.c.published, d.c.language, d.c.ingested_at,
                                   d.c.extracted_version, n_events)
                            .where(where).order_by(d.c.published.desc().nulls_last(), d.c.id)
                            .limit(limit).offset(offset)).mappings().all()
    return {"total": total, "limit": limit, "offset": offset, "items": [dict(r) for r in rows]}


def get_document(store: Store, document_id: str) -> dict[str, Any]:
    """A document's text and every span anything was read from: event source spans and
    statements (each a mention that links to its event, actor or relation)."""
    d, es, st = schema.documents, schema.event_sources, schema.statements
    with store.reader() as conn:
        row = conn.execute(select(d).where(d.c.id == document_id)).mappings().first()
        if row is None:
            raise _not_found(store, "document", document_id)
        doc = dict(row)
        doc["meta"] = _loads(doc["meta"], {})
        ev = schema.events
        srcs = conn.execute(select(es.c.event_id, es.c.mention_id, es.c.start, es.c.end,
                                   ev.c.event_type, ev.c.event_date, ev.c.location)
                            .join(ev, ev.c.id == es.c.event_id)
                            .where(es.c.document_id == document_id)
                            .order_by(es.c.start)).mappings().all()
        stmts = _statement_dicts(conn.execute(select(st).where(st.c.document_id == document_id)
                                              .order_by(st.c.start)).mappings().all())
        actor_ids = set(conn.execute(select(schema.actors.c.id)).scalars())
    by_mention = {s["mention_id"]: s["event_id"] for s in srcs}
    mentions: list[dict[str, Any]] = []
    for x in stmts:
        if x["start"] is None or x["end"] is None:
            continue
        subj = x["subject"]
        kind, _, key = subj.partition(":")
        if subj in by_mention or key in by_mention:
            kind, key = "event", by_mention.get(subj) or by_mention[key]
        value = x["value"]
        val_id = value.split(":", 1)[1] if value.startswith("actor:") else value
        if val_id in actor_ids and kind != "actor":
            kind, key = "actor", val_id
        mentions.append({"start": x["start"], "end": x["end"], "kind": kind or "statement",
                         "target": key, "property": x["property"], "value": value,
                         "modality": x["modality"], "attribution": x["attribution"]})
    doc["sources"] = [dict(s) for s in srcs]
    doc["mentions"] = sorted(mentions, key=lambda m: (m["start"], -m["end"]))
    return doc


# ------------------------------------------------------------------------------ stats


@lru_cache(maxsize=65536)
def _week(day: str) -> str | None:
    try:
        d = date.fromisoformat(day[:10])
    except ValueError:
        return None
    return (d - timedelta(days=d.weekday())).isoformat()


def stats(store: Store) -> dict[str, Any]:
    """Counts for dashboards: totals, and events (with fatalities) by month, week, type and
    country. Grouped in SQL by day, bucketed here, so it stays fast on large stores."""
    ev = schema.events
    with store.reader() as conn:
        totals = {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one()
                  for t in (schema.documents, schema.events, schema.actors, schema.relations,
                            schema.statements)}
        live = ev.c.background.is_(False)
        rows = conn.execute(
            select(ev.c.event_date, ev.c.event_type, func.count(),
                   func.coalesce(func.sum(ev.c.fatalities), 0))
            .where(live).group_by(ev.c.event_date, ev.c.event_type)).all()
        countries = conn.execute(select(ev.c.country, func.count()).where(live)
                                 .group_by(ev.c.country)).all()
    by_month: Counter[str] = Counter()
    by_type: Counter[str] = Counter()
    by_country: Counter[str] = Counter({c or "Unknown": n for c, n in countries})
    weeks: dict[str, Counter[str]] = defaultdict(Counter)
    fatal_month: Counter[str] = Counter()
    for day, etype, n, dead in rows:
        etype = etype or "Unknown"
        by_type[etype] += n
        if day:
            by_month[day[:7]] += n
            fatal_month[day[:7]] += int(dead)
            wk = _week(day)
            if wk:
                weeks[wk][etype] += n
    return {
        "totals": totals,
        "by_month": [{"month": m, "events": by_month[m], "fatalities": fatal_month[m]}
                     for m in sorted(by_month)],
        "by_week": [{"week": w, "total": sum(c.values()), "by_type": dict(c)}
                    for w, c in sorted(weeks.items())],
        "by_type": [{"event_type": t, "events": n} for t, n in by_type.most_common()],
        "by_country": [{"country": c, "events": n} for c, n in by_country.most_common()],
    }


def overview(store: Store, *, latest: int = 10) -> dict[str, Any]:
    """What the front page shows: counts, latest events, most active actors, recent runs."""
    s = stats(store)
    events = list_events(store, limit=latest, sort="-date")["items"]
    actors = list_actors(store, limit=latest, sort="-events")["items"]
    r = schema.runs
    with store.reader() as conn:
        runs = [dict(x) for x in conn.execute(select(r).order_by(r.c.id.desc()).limit(latest))
                .mappings()]
    for run in runs:
        run["stats"] = _loads(run["stats"], {})
    return {"totals": s["totals"], "by_type": s["by_type"], "by_country": s["by_country"],
            "latest_events": events, "active_actors": [a for a in actors if a["events"]],
            "recent_runs": runs}
