"""What changed with the last ingest: the overview page's "what changed" box.

An analyst opening the front page after adding articles wants to know what those articles
brought: which documents, which events are new, which known events gained a source (and so may
have new figures), and which relations they stated. "The last ingest" is the latest run that
stored at least one document (a re-ingest that found nothing new changes nothing).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from ...model import PREDICATES
from .. import schema
from ..db import Store
from .common import actor_names, loads_json
from .events import EVENT_LIST_COLUMNS


def changes(store: Store, *, limit: int = 20) -> dict[str, Any]:
    """The last ingest that stored documents: its run, the runs after it (extraction), its
    documents, the events they created (``new_events``) or added a source to
    (``updated_events``), and the relations they state. Lists are cut at ``limit``; the
    ``counts`` are complete."""
    d, r, es, ev, st = (schema.documents, schema.runs, schema.event_sources, schema.events,
                        schema.statements)
    empty: dict[str, Any] = {"run": None, "runs": [], "documents": [], "new_events": [],
                             "updated_events": [], "relations": [],
                             "counts": {"documents": 0, "new_events": 0, "updated_events": 0,
                                        "relations": 0}}
    with store.reader() as conn:
        run_id = conn.execute(select(func.max(d.c.run_id))).scalar_one()
        if run_id is None:
            return empty
        runs = [dict(x) for x in conn.execute(select(r).where(r.c.id >= run_id)
                                               .order_by(r.c.id)).mappings()]
        new_docs = select(d.c.id).where(d.c.run_id == run_id)
        n_docs = conn.execute(select(func.count()).select_from(d)
                              .where(d.c.run_id == run_id)).scalar_one()
        docs = [dict(x) for x in conn.execute(
            select(d.c.id, d.c.origin, d.c.title, d.c.source, d.c.published, d.c.ingested_at)
            .where(d.c.run_id == run_id).order_by(d.c.published.desc().nulls_last(), d.c.id)
            .limit(limit)).mappings()]
        touched = select(es.c.event_id).where(es.c.document_id.in_(new_docs))
        older = select(es.c.event_id).where(es.c.document_id.not_in(new_docs))
        cols = [ev.c[c] for c in EVENT_LIST_COLUMNS]
        order = (ev.c.event_date.desc().nulls_last(), ev.c.id)

        def events(*conds: Any) -> tuple[int, list[dict[str, Any]]]:
            n = conn.execute(select(func.count()).select_from(ev).where(*conds)).scalar_one()
            rows = conn.execute(select(*cols).where(*conds).order_by(*order).limit(limit))
            return n, [dict(x) for x in rows.mappings()]

        n_new, new_events = events(ev.c.id.in_(touched), ev.c.id.not_in(older))
        n_upd, updated_events = events(ev.c.id.in_(touched), ev.c.id.in_(older))
        stated = conn.execute(
            select(st.c.subject, st.c.property, st.c.value, func.count())
            .where(st.c.document_id.in_(new_docs), st.c.property.in_(PREDICATES))
            .group_by(st.c.subject, st.c.property, st.c.value)
            .order_by(st.c.subject, st.c.property, st.c.value)).all()
        keys = [(s.removeprefix("actor:"), p, o.removeprefix("actor:"), n)
                for s, p, o, n in stated]
        names = actor_names(conn, {k[0] for k in keys} | {k[2] for k in keys})
    for x in runs:
        x["stats"] = loads_json(x["stats"], {})
    relations = [{"subject": s, "predicate": p, "object": o, "statements": n,
                  "subject_name": names.get(s, s), "object_name": names.get(o, o)}
                 for s, p, o, n in keys]
    return {
        "run": next((x for x in runs if x["id"] == run_id), {"id": run_id}),
        "runs": runs, "documents": docs, "new_events": new_events,
        "updated_events": updated_events, "relations": relations[:limit],
        "counts": {"documents": n_docs, "new_events": n_new, "updated_events": n_upd,
                   "relations": len(relations)},
    }
