"""Event reads: filtered listing and one event with its sources, claims and passages."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection, and_, func, or_, select, text

from ...errors import Errors, SitrepError
from .. import schema
from ..db import Store
from ..fulltext import match_events
from .common import (
    EVENT_SORTS,
    actor_names,
    check_paging,
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
    on SQLite, tsvector indexes on PostgreSQL: ``store/fulltext.py``)."""
    return match_events(conn, q)


def _earliest_start(conn: Connection, start: str) -> str | None:
    """An exact lower bound on ``event_date`` for events still running on ``start``: the
    overlap test ``coalesce(date_end, event_date) >= start`` cannot use an index, but no event
    lasts longer than the longest span stored (one probe of ``ix_events_span``, SQLite)."""
    if conn.dialect.name != "sqlite":
        return None
    span = conn.execute(text("SELECT max(julianday(date_end) - julianday(event_date)) "
                             "FROM events")).scalar()
    days = max(0, math.ceil(span)) if span is not None else 0
    return (date.fromisoformat(start) - timedelta(days=days)).isoformat()


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
    with store.reader() as conn:
        sqlite = conn.dialect.name == "sqlite"
        lo = _earliest_start(conn, start) if start else None
        ids = _actor_ids(conn, actor) if actor else None
        found: tuple[int, Sequence[Any]]
        if (sqlite and ids is not None and sort == "-date" and not (
                country or admin1 or event_type or box or q)):
            found = _actor_page(conn, ids, start=start, lo=lo, end=end, limit=limit,
                                offset=offset)
        else:
            conds: list[Any] = [ev.c.background.is_(False)]
            if start:
                conds.append(func.coalesce(ev.c.date_end, ev.c.event_date) >= start)
                if lo:
                    conds.append(ev.c.event_date >= lo)
            if end:
                conds.append(ev.c.event_date <= end)
            if country and sqlite:  # NOCASE folds ASCII as lower() does, and is indexed
                conds.append(ev.c.country.collate("NOCASE") == country.strip())
            elif country:
                conds.append(func.lower(ev.c.country) == country.strip().lower())
            if admin1:
                conds.append(func.lower(ev.c.admin1) == admin1.strip().lower())
            if event_type:
                conds.append(func.lower(ev.c.event_type) == event_type.strip().lower())
            if box:
                w, s, e, n = box
                conds += [ev.c.longitude.between(w, e), ev.c.latitude.between(s, n)]
            if ids is not None:
                ea = schema.event_actors
                conds.append(ev.c.id.in_(select(ea.c.event_id).where(ea.c.actor_id.in_(ids))))
            if q:
                conds.append(_text_match(conn, q))
            where = and_(*conds)
            col = EVENT_SORTS[key]
            order = [col.desc().nulls_last() if sort.startswith("-")
                     else col.asc().nulls_last(), ev.c.id]
            # ids first (often from indexes alone), then the page's rows: a sort over thousands
            # of matches then never carries their full rows
            ids_page = select(ev.c.id).where(where).order_by(*order).limit(limit).offset(offset)
            total = None
            if q and sqlite:
                # a text match is costly to find: find it once, counting it in the same pass
                hits = conn.execute(ids_page.add_columns(func.count().over())).all()
                page = [h[0] for h in hits]
                total = hits[0][1] if hits else (0 if offset == 0 else None)
            else:
                page = list(conn.execute(ids_page).scalars())
            if total is None and sqlite and len(conds) == 1:
                # every live event: migration 0033's exact, trigger-kept count
                total = conn.execute(text(
                    "SELECT coalesce(sum(events), 0) FROM event_country_counts "
                    "WHERE background = 0")).scalar_one()
            elif total is None:
                total = conn.execute(select(func.count()).select_from(ev).where(where)
                                     ).scalar_one()
            found = total, _rows_by_id(conn, page)
        total, rows = found
        counts = _source_counts(conn, [r["id"] for r in rows])
    items = [dict(r, sources=counts.get(r["id"], 0)) for r in rows]
    return {"total": total, "limit": limit, "offset": offset, "sort": sort, "items": items}


def _actor_page(conn: Connection, ids: list[str], *, start: str | None, lo: str | None,
                end: str | None, limit: int, offset: int) -> tuple[int, Sequence[Any]]:
    """An actor's events, newest first, read from ``event_actors``' own copy of the event
    date (migration 0032): an index range in date order, so a page of an actor in 100,000
    events reads 50 links, and the count reads the index alone. Same answer as the generic
    query: ties on the date are broken by event id, undated events come last."""
    ea = schema.event_actors
    present = [i for i in ids if conn.execute(
        select(ea.c.actor_id).where(ea.c.actor_id == i).limit(1)).first() is not None]
    if not present:
        return 0, []
    conds = ["ea.background IS 0"]
    params: dict[str, Any] = {"start": start, "lo": lo or start, "end": end}
    if start:
        conds.append("ea.event_date >= :lo AND (ea.event_date >= :start OR EXISTS (SELECT 1 "
                     "FROM events e WHERE e.id = ea.event_id AND "
                     "coalesce(e.date_end, e.event_date) >= :start))")
    if end:
        conds.append("ea.event_date <= :end")
    where = " AND ".join(conds)
    params.update({f"a{n}": a for n, a in enumerate(present)})
    if len(present) == 1:  # one actor: an index range, read in date order
        links = ("SELECT DISTINCT ea.event_id, ea.event_date FROM event_actors ea "
                 f"WHERE ea.actor_id = :a0 AND {where}")
    else:  # an alias shared by several actors: a union of ranges, sorted
        links = "SELECT event_id, event_date FROM (" + " UNION ".join(
            f"SELECT ea.event_id, ea.event_date FROM event_actors ea "
            f"WHERE ea.actor_id = :a{n} AND {where}" for n in range(len(present))) + ") AS ea"
    total = conn.execute(text(f"SELECT count(*) FROM ({links})"), params).scalar_one()
    # SQLite sorts NULL first, so DESC already puts undated events last
    page = conn.execute(text(f"{links} ORDER BY ea.event_date DESC, ea.event_id"
                             " LIMIT :lim OFFSET :off"),
                        {**params, "lim": limit, "off": offset}).scalars().all()
    return total, _rows_by_id(conn, page)


def _rows_by_id(conn: Connection, ids: Sequence[str]) -> list[Any]:
    """The list columns of these events, in the order of ``ids``."""
    if not ids:
        return []
    ev = schema.events
    by_id = {r["id"]: r for r in conn.execute(select(*[ev.c[c] for c in EVENT_LIST_COLUMNS])
                                              .where(ev.c.id.in_(ids))).mappings()}
    return [by_id[i] for i in ids if i in by_id]


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
                            .order_by(docs.c.published.nulls_first(), es.c.document_id,
                                      es.c.start, es.c.mention_id)
                            ).mappings().all()
        mention_ids = [s["mention_id"] for s in srcs]
        subjects = [f"event:{event_id}", event_id, *mention_ids,
                    *(f"mention:{m}" for m in mention_ids)]
        stmts = statement_dicts(conn.execute(select(st).where(st.c.subject.in_(subjects))
                                              .order_by(st.c.document_id, st.c.start,
                                                        st.c.property, st.c.id)
                                              ).mappings().all())
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
