from __future__ import annotations

from sqlalchemy import insert, select

from sitrep.model import utcnow
from sitrep.pipeline.relations import RelationMention
from sitrep.store import Store, schema
from sitrep.store.relations import iter_relation_records, replace_document_relations


def _doc(store: Store, doc_id: str, origin: str) -> None:
    with store.transaction() as conn:
        conn.execute(insert(schema.documents).values(
            id=doc_id, origin=origin, text="x", ingested_at=utcnow()))


def _mention(subj: str, pred: str, obj: str, start: str | None = None,
             quote: str = "A sentence.") -> RelationMention:
    return RelationMention(subj, pred, obj, start, "year" if start else None, None, None,
                           "asserted", 0, 5, quote, 0, "test")


def test_relation_from_two_documents_is_one_relation_with_two_sources(store: Store) -> None:
    _doc(store, "d1", "a.txt")
    _doc(store, "d2", "b.txt")
    with store.transaction() as conn:
        replace_document_relations(conn, "d1", [_mention("bel", "split_from", "aq", "2012")],
                                   extractor="t")
        replace_document_relations(conn, "d2", [_mention("bel", "split_from", "aq")],
                                   extractor="t")
    recs = list(iter_relation_records(store))
    assert len(recs) == 1
    assert recs[0]["start"] == "2012" and recs[0]["start_precision"] == "year"
    assert sorted(s["document"] for s in recs[0]["sources"]) == ["a.txt", "b.txt"]


def test_reextraction_replaces_and_removes_stale_relations(store: Store) -> None:
    _doc(store, "d1", "a.txt")
    with store.transaction() as conn:
        replace_document_relations(conn, "d1", [_mention("x", "fights", "y", "2020")],
                                   extractor="t")
        replace_document_relations(conn, "d1", [_mention("x", "fights", "y", "2020")],
                                   extractor="t")
    assert len(list(iter_relation_records(store))) == 1
    with store.transaction() as conn:
        replace_document_relations(conn, "d1", [], extractor="t")
        assert conn.execute(select(schema.statements)).first() is None
    assert list(iter_relation_records(store)) == []


def test_as_of_filters_by_start_and_end(store: Store) -> None:
    _doc(store, "d1", "a.txt")
    ended = RelationMention("w", "supports", "j", "2021", "year", "2024", "year", "asserted",
                            0, 5, "q", 0, "t")
    with store.transaction() as conn:
        replace_document_relations(conn, "d1", [ended, _mention("ac", "supports", "j", "2024")],
                                   extractor="t")
    assert {r["subject_id"] for r in iter_relation_records(store, as_of="2022-06-01")} == {"w"}
    assert {r["subject_id"] for r in iter_relation_records(store, as_of="2024-08")} == {"w", "ac"}
    assert {r["subject_id"] for r in iter_relation_records(store, as_of="2025")} == {"ac"}


def test_network_graphml_is_valid_xml_with_dated_edges(store: Store) -> None:
    from xml.etree import ElementTree as ET

    from sitrep.store.queries import network
    from sitrep.store.relations import to_graphml

    _doc(store, "d1", "a.txt")
    with store.transaction() as conn:
        conn.execute(insert(schema.actors).values(id="jnim", name="JNIM", kind="jihadist_group"))
        replace_document_relations(conn, "d1", [_mention("jnim", "fights", "fama", "2017")],
                                   extractor="t")
    g = network(store, as_of="2020")
    assert {n["name"] for n in g["nodes"]} >= {"JNIM"}
    root = ET.fromstring(to_graphml(g))
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    edge = root.find("g:graph/g:edge", ns)
    assert edge is not None and edge.get("source") == "jnim"
    assert {d.get("key"): d.text for d in edge.findall("g:data", ns)}["start"] == "2017"
    assert network(store, as_of="2016")["edges"] == []
