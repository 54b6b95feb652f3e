"""Relation reads: filtered relation lists and the network valid on a date."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, or_, select

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


def _source(row: Any) -> dict[str, Any]:
    """One piece of evidence; ``via`` says whether a sentence, an event or the pack gave it
    (pack facts have no document: ``origin`` names the pack entry instead)."""
    from ..relations import evidence_kind

    out = dict(row)
    out["via"] = evidence_kind(out.pop("extractor"))
    if out["via"] == "pack" and not out.get("origin"):
        out["origin"] = out.get("attribution")
    return out


def _evidence(conn: Any, rows: list[dict[str, Any]],
              datas: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Each relation's statements (the ones it cites, and any stating the same triple), for
    all relations in a few chunked queries rather than one or two per relation, in the order
    of their documents (undated first), then span."""
    st, docs = schema.statements, schema.documents
    columns = select(st.c.id, docs.c.published, st.c.document_id, docs.c.origin, docs.c.title,
                     st.c.quote, st.c.start, st.c.end, st.c.modality, st.c.attribution,
                     st.c.extractor, st.c.subject, st.c.property, st.c.value).outerjoin(
                         docs, docs.c.id == st.c.document_id)
    by_id: dict[str, dict[str, Any]] = {}
    by_triple: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    cited = sorted({s for d in datas for s in d.get("statements", [])})
    subjects = sorted({f"actor:{r['subject']}" for r in rows})
    predicates = sorted({r["predicate"] for r in rows})
    for i in range(0, len(cited), 500):
        for s in conn.execute(columns.where(st.c.id.in_(cited[i:i + 500]))).mappings():
            by_id[s["id"]] = dict(s)
    for i in range(0, len(subjects), 500):
        for s in conn.execute(columns.where(st.c.subject.in_(subjects[i:i + 500]),
                                            st.c.property.in_(predicates))).mappings():
            by_triple.setdefault((s["subject"], s["property"], s["value"]), []).append(dict(s))
    out = []
    for r, data in zip(rows, datas, strict=True):
        found = {s: by_id[s] for s in data.get("statements", []) if s in by_id}
        for s in by_triple.get((f"actor:{r['subject']}", r["predicate"], f"actor:{r['object']}"),
                               []):
            found[s["id"]] = s
        ordered = sorted(found.values(), key=lambda s: (
            s["published"] is not None, s["published"] or "", s["start"] or 0, s["id"]))
        out.append([{k: v for k, v in s.items()
                     if k not in ("id", "published", "subject", "property", "value")}
                    for s in ordered])
    return out


ORIGIN_KINDS = ("analyst", "text", "event", "pack")


def list_relations(store: Store, *, as_of: str | None = None, actor: str | None = None,
                   predicate: str | None = None, origin: str | None = None,
                   with_sources: bool = True) -> dict[str, Any]:
    """Relations between actors, each with its sources (statements or pack facts).

    ``as_of`` keeps the relations valid on that date (a month or year means its first day).
    ``origin`` keeps relations with that kind of evidence (text, event, pack, analyst).
    ``with_sources=False`` skips the per-relation source lookup (the network view).
    """
    if origin and origin not in ORIGIN_KINDS:
        raise SitrepError(Errors.E331, value=origin)
    rel = schema.relations
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
        if origin:
            rows = [r for r in rows if origin in loads_json(r["data"], {}).get(
                "origins", [r["origin"]])]
        names = actor_names(conn, {r["subject"] for r in rows} | {r["object"] for r in rows})
        datas = [loads_json(r.pop("data"), {}) for r in rows]
        evidence = _evidence(conn, rows, datas) if with_sources else []
        items = []
        for i, (r, data) in enumerate(zip(rows, datas, strict=True)):
            item = {**r, "subject_name": names.get(r["subject"], r["subject"]),
                    "object_name": names.get(r["object"], r["object"]),
                    "origins": data.get("origins", [r["origin"]]),
                    "last_seen": data.get("last_seen")}
            if with_sources:
                item["sources"] = ([_source(s) for s in evidence[i]]
                                   + list(data.get("sources", [])))
            items.append(item)
    return {"as_of": day, "total": len(items), "items": items}


def network(store: Store, *, as_of: str | None = None,
            origin: str | None = None) -> dict[str, Any]:
    """The actor graph valid on ``as_of``: actors with at least one edge, and the edges."""
    rels = list_relations(store, as_of=as_of, origin=origin, with_sources=False)
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
              "modality": r["modality"], "origin": r["origin"], "origins": r["origins"]}
             for r in rels["items"]]
    return {"as_of": rels["as_of"], "nodes": nodes, "edges": edges,
            "first_date": span[0], "last_date": span[1]}


# ------------------------------------------------------------------------------ documents
