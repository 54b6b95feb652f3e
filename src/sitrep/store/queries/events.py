"""Event reads: filtered listing and one event with its sources, claims and passages."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import Connection, and_, func, or_, select, text

from ...errors import Errors, SitrepError
from .. import schema
from ..db import Store
from .common import (
    EVENT_SORTS,
    actor_names,
    check_paging,
    fts_query,
    loads_json,
    not_found,
    parse_bbox,
    parse_date,
)

# ------------------------------------------------------------------------------ events

EVENT_LIST_COLUMNS = (
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
        rows = conn.execute(select(*[ev.c[c] for c in EVENT_LIST_COLUMNS]).where(where)
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


def statement_dicts(rows: Any) -> list[dict[str, Any]]:
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
            raise not_found(store, "event", event_id)
        event = dict(row)
        event["claimed_by"] = loads_json(event["claimed_by"], [])
        event["data"] = loads_json(event["data"], {})
        srcs = conn.execute(select(es, docs.c.title, docs.c.origin, docs.c.source,
                                   docs.c.published, docs.c.url)
                            .join(docs, docs.c.id == es.c.document_id)
                            .where(es.c.event_id == event_id)
                            .order_by(docs.c.published, es.c.document_id, es.c.start)
                            ).mappings().all()
        mention_ids = [s["mention_id"] for s in srcs]
        subjects = [f"event:{event_id}", event_id, *mention_ids,
                    *(f"mention:{m}" for m in mention_ids)]
        stmts = statement_dicts(conn.execute(select(st).where(st.c.subject.in_(subjects))
                                              .order_by(st.c.document_id, st.c.start,
                                                        st.c.property)).mappings().all())
        ea, a = schema.event_actors, schema.actors
        actors = [dict(r) for r in conn.execute(
            select(ea.c.actor_id, ea.c.role, a.c.name, a.c.kind)
            .outerjoin(a, a.c.id == ea.c.actor_id).where(ea.c.event_id == event_id)
            .order_by(ea.c.role, ea.c.actor_id)).mappings()]
        names = actor_names(conn, {x["actor_id"] for x in actors if not x["name"]})
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
