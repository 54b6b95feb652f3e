"""Relations between actors: written as statements, assembled into dated relation rows.

A relation read from text is one statement ``actor:X --predicate--> actor:Y`` with its document,
span and quote, plus ``start``/``end`` statements when the text dates it. Relation rows are
assembled from all statements about the same (subject, predicate, object): the earliest stated
start, the latest stated end, and the strongest modality. Relations implied by events (fights,
allied_with) and facts from the knowledge pack are relations too, each with its own sources.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from sqlalchemy import Connection, and_, delete, or_, select

from ..model import PREDICATES, Statement, date_precision, stable_id, utcnow
from ..pipeline.relations import RelationMention
from . import schema
from .db import Store, insert_ignore

MODALITY_ORDER = ("asserted", "reported", "claimed", "suspected", "unconfirmed", "denied")


def relation_id(subject: str, predicate: str, obj: str) -> str:
    return stable_id("relation", subject, predicate, obj)


def _statement_rows(document_id: str, rel: RelationMention, extractor: str,
                    run_id: int | None) -> list[dict[str, Any]]:
    rid = relation_id(rel.subject, rel.predicate, rel.object)
    facts = [Statement(f"actor:{rel.subject}", rel.predicate, f"actor:{rel.object}", document_id,
                       rel.start, rel.end, rel.quote, None, rel.modality, 1.0, extractor)]
    if rel.start_date:
        facts.append(Statement(f"relation:{rid}", "start", rel.start_date, document_id,
                               rel.start, rel.end, rel.quote, None, rel.modality, 1.0, extractor))
    if rel.end_date:
        facts.append(Statement(f"relation:{rid}", "end", rel.end_date, document_id,
                               rel.start, rel.end, rel.quote, None, rel.modality, 1.0, extractor))
    now = utcnow()
    return [{
        "id": s.id, "subject": s.subject, "property": s.property, "value": s.value,
        "document_id": s.document_id, "start": s.start, "end": s.end, "quote": s.quote,
        "attribution": s.attribution, "modality": s.modality, "confidence": s.confidence,
        "extractor": s.extractor, "run_id": run_id, "created_at": now,
    } for s in facts]


def replace_document_relations(conn: Connection, document_id: str,
                               mentions: Sequence[RelationMention], *, extractor: str,
                               run_id: int | None = None) -> int:
    """Replace what one document says about relations (idempotent re-extraction)."""
    st = schema.statements
    old = conn.execute(select(st.c.subject, st.c.property, st.c.value).where(
        st.c.document_id == document_id, st.c.property.in_(PREDICATES))).all()
    conn.execute(delete(st).where(
        st.c.document_id == document_id,
        or_(st.c.property.in_(PREDICATES),
            and_(st.c.subject.like("relation:%"), st.c.property.in_(("start", "end"))))))
    rows = [r for m in mentions for r in _statement_rows(document_id, m, extractor, run_id)]
    insert_ignore(conn, st, rows)
    keys = {(s[len("actor:"):], p, v[len("actor:"):]) for s, p, v in old}
    keys |= {(m.subject, m.predicate, m.object) for m in mentions}
    assemble_relations(conn, keys)
    return len(mentions)


def _strongest(modalities: Iterable[str]) -> str | None:
    ranked = sorted(set(modalities), key=MODALITY_ORDER.index)
    return ranked[0] if ranked else None


def assemble_relations(conn: Connection, keys: Iterable[tuple[str, str, str]]) -> None:
    """(Re)build the text-derived relation rows for these (subject, predicate, object) keys."""
    st, rel = schema.statements, schema.relations
    for subject, predicate, obj in keys:
        rid = relation_id(subject, predicate, obj)
        facts = conn.execute(select(st.c.id, st.c.modality).where(
            st.c.subject == f"actor:{subject}", st.c.property == predicate,
            st.c.value == f"actor:{obj}")).all()
        conn.execute(delete(rel).where(rel.c.id == rid, rel.c.origin == "text"))
        if not facts:
            continue
        dates = conn.execute(select(st.c.property, st.c.value).where(
            st.c.subject == f"relation:{rid}")).all()
        starts = sorted(v for p, v in dates if p == "start")
        ends = sorted(v for p, v in dates if p == "end")
        start = starts[0] if starts else None
        end = ends[-1] if ends else None
        conn.execute(rel.insert().values(
            id=rid, subject=subject, predicate=predicate, object=obj,
            start=start, start_precision=date_precision(start),
            end=end, end_precision=date_precision(end),
            modality=_strongest(m for _, m in facts), origin="text",
            data=json.dumps({"statements": sorted(i for i, _ in facts)})))


def iter_relation_records(store: Store, *, as_of: str | None = None, actor: str | None = None,
                          predicate: str | None = None) -> Iterator[dict[str, Any]]:
    """Relations in the DESIGN.md export shape (``subject``, ``predicate``, ``object``,
    ``start``, ``end``, ``sources``), read through ``queries.list_relations``."""
    from .queries import list_relations

    for r in list_relations(store, as_of=as_of, actor=actor, predicate=predicate)["items"]:
        yield {
            "relation_id": r["id"],
            "subject": r["subject_name"], "subject_id": r["subject"],
            "predicate": r["predicate"],
            "object": r["object_name"], "object_id": r["object"],
            "start": r["start"], "start_precision": r["start_precision"],
            "end": r["end"], "end_precision": r["end_precision"],
            "modality": r["modality"], "origin": r["origin"],
            "sources": [{"document": s.get("origin") or s.get("document"),
                         "quote": s.get("quote"), "start": s.get("start"),
                         "end": s.get("end"), "modality": s.get("modality")}
                        for s in r["sources"]],
        }


def to_graphml(graph: dict[str, Any]) -> str:
    """GraphML for Gephi/yEd/networkx from ``queries.network``: actors as nodes, dated
    relations as directed edges."""
    from xml.etree import ElementTree as ET

    root = ET.Element("graphml", xmlns="http://graphml.graphdrawing.org/xmlns")
    keys = [("name", "node"), ("kind", "node"), ("country", "node"), ("predicate", "edge"),
            ("start", "edge"), ("end", "edge"), ("modality", "edge"), ("origin", "edge")]
    for name, domain in keys:
        ET.SubElement(root, "key", id=name, attrib={"for": domain, "attr.name": name,
                                                     "attr.type": "string"})
    g = ET.SubElement(root, "graph", id="sitrep", edgedefault="directed")
    for n in graph["nodes"]:
        node = ET.SubElement(g, "node", id=str(n["id"]))
        for k in ("name", "kind", "country"):
            if n.get(k):
                ET.SubElement(node, "data", key=k).text = str(n[k])
    for i, e in enumerate(graph["edges"]):
        edge = ET.SubElement(g, "edge", id=f"e{i}", source=e["source"], target=e["target"])
        for k in ("predicate", "start", "end", "modality", "origin"):
            if e.get(k):
                ET.SubElement(edge, "data", key=k).text = str(e[k])
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode")
