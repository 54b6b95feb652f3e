"""Document reads: search and one article with its mentions."""

from __future__ import annotations

from typing import Any

from sqlalchemy import and_, func, select

from .. import schema
from ..db import Store
from ..fulltext import match_documents
from .common import check_paging, loads_json, not_found
from .events import statement_dicts


def list_documents(store: Store, *, q: str | None = None, limit: int = 50, offset: int = 0
                   ) -> dict[str, Any]:
    """Documents (newest first) with how many events cite them; q searches title and text."""
    d, es = schema.documents, schema.event_sources
    check_paging(limit, offset)
    conds: list[Any] = []
    with store.reader() as conn:
        if q:
            conds.append(match_documents(conn, q))
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
            raise not_found(store, "document", document_id)
        doc = dict(row)
        doc["meta"] = loads_json(doc["meta"], {})
        ev = schema.events
        srcs = conn.execute(select(es.c.event_id, es.c.mention_id, es.c.start, es.c.end,
                                   ev.c.event_type, ev.c.event_date, ev.c.location)
                            .join(ev, ev.c.id == es.c.event_id)
                            .where(es.c.document_id == document_id)
                            .order_by(es.c.start, es.c.event_id, es.c.mention_id)
                            ).mappings().all()
        stmts = statement_dicts(conn.execute(select(st).where(st.c.document_id == document_id)
                                              .order_by(st.c.start, st.c.id)).mappings().all())
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
