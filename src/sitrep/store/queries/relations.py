"""Relation reads: filtered relation lists and the network valid on a date."""

from __future__ import annotations

from typing import Any

from sqlalchemy import and_, func, or_, select

from ...errors import Errors, SitrepError
from ...model import PREDICATES
from .. import schema
from ..db import Store
from .common import actor_names, loads_json, pack_actor, parse_date


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
        names = actor_names(conn, {r["subject"] for r in rows} | {r["object"] for r in rows})
        items = []
        for r in rows:
            data = loads_json(r.pop("data"), {})
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
    nodes = [known.get(i) or pack_actor(i) or {"id": i, "name": i, "kind": None, "country": None}
             for i in ids]
    nodes = [{k: n.get(k) for k in ("id", "name", "kind", "country")} for n in nodes]
    edges = [{"id": r["id"], "source": r["subject"], "target": r["object"],
              "predicate": r["predicate"], "start": r["start"], "end": r["end"],
              "modality": r["modality"], "origin": r["origin"]} for r in rels["items"]]
    return {"as_of": rels["as_of"], "nodes": nodes, "edges": edges,
            "first_date": span[0], "last_date": span[1]}


# ------------------------------------------------------------------------------ documents
