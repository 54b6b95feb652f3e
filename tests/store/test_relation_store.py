from __future__ import annotations

import json
from pathlib import Path

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
    # the row counts its evidence instead of listing every statement id (a list that grew with
    # the corpus and was rewritten at each assembly); its sources are found by the triple
    with store.reader() as conn:
        data = json.loads(conn.execute(select(schema.relations.c.data)).scalar_one())
    assert data["evidence"] == 2 and "statements" not in data


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


def _event_mention(conn: object, doc: str, mention: str, event: str, event_type: str,
                   day: str, roles: dict[str, list[str]], quote: str) -> None:
    """The statements the pipeline writes for one event mention (real statement rows)."""
    from sitrep.model import Statement

    at = 100 * int(mention[1:])  # each mention has its own trigger span
    stmts = [Statement(f"mention:{mention}", "event", event, doc, at, at + 6, quote),
             Statement(f"mention:{mention}", "event_type", event_type, doc, at, at + 6, quote),
             Statement(f"mention:{mention}", "date", day, doc, at + 10, at + 14, quote)]
    stmts += [Statement(f"mention:{mention}", role, actor, doc, at + 20 + i, at + 24 + i, quote)
              for role, actors in roles.items() for i, actor in enumerate(actors)]
    conn.execute(insert(schema.statements), [  # type: ignore[attr-defined]
        {"id": s.id, "subject": s.subject, "property": s.property, "value": s.value,
         "document_id": s.document_id, "start": s.start, "end": s.end, "quote": s.quote,
         "modality": s.modality, "confidence": 1.0, "extractor": "t", "created_at": utcnow()}
        for s in stmts])


def test_events_imply_fights_and_alliances_merged_with_text_without_double_count(
        store: Store) -> None:
    _doc(store, "d1", "a.txt")
    quote = "JNIM and Ansarul Islam fighters attacked an army post and killed civilians."
    with store.transaction() as conn:
        _event_mention(conn, "d1", "m1", "e1", "Battles", "2019-11-01",
                       {"actor1": ["jnim"], "assoc_actor_1": ["ansarul_islam", "iyad_ag_ghaly"],
                        "actor2": ["fabf"], "assoc_actor_2": ["civilians"]}, quote)
        # the pack knows JNIM and ISGS as rivals: one event naming both is no alliance
        _event_mention(conn, "d1", "m3", "e3", "Battles", "2020-01",
                       {"actor1": ["jnim", "isgs"], "actor2": ["fama"]}, "They attacked.")
        _event_mention(conn, "d1", "m2", "e2", "Battles", "2021-02",
                       {"actor1": ["jnim"], "actor2": ["fama"]}, "JNIM struck again.")
        replace_document_relations(conn, "d1", [_mention("jnim", "fights", "fama")],
                                   extractor="t")
    recs = {(r["subject_id"], r["predicate"], r["object_id"]): r
            for r in iter_relation_records(store)}
    # perpetrators vs target; no relation to placeholders (civilians) or persons (leaders)
    assert set(recs) == {("jnim", "fights", "fama"), ("jnim", "fights", "fabf"),
                         ("ansarul_islam", "fights", "fabf"), ("isgs", "fights", "fama"),
                         ("ansarul_islam", "allied_with", "jnim")}
    fights = recs[("jnim", "fights", "fama")]
    assert fights["origins"] == ["text", "event"] and fights["origin"] == "text"
    assert sorted(s["via"] for s in fights["sources"]) == ["event", "event", "text"]
    assert fights["start"] == "2020-01" and fights["end"] is None  # events start, not end
    assert fights["last_seen"] == "2021-02"
    ally = recs[("ansarul_islam", "allied_with", "jnim")]
    assert ally["origins"] == ["event"] and ally["sources"][0]["quote"] == quote
    assert ally["sources"][0]["document"] == "a.txt"
    from sitrep.store.queries import network

    assert network(store, as_of="2019-06")["edges"] == []  # before the first event
    assert {e["predicate"] for e in network(store, as_of="2019-12")["edges"]} == {
        "fights", "allied_with"}
    assert {e["predicate"] for e in network(store, as_of="2024")["edges"]} == {
        "fights", "allied_with"}  # an event starts a relation; it does not end it
    assert len(list(iter_relation_records(store, origin="event"))) == 5
    assert {r["predicate"] for r in iter_relation_records(store, origin="text")} == {"fights"}


def test_pack_facts_are_relations_with_the_pack_as_source(store: Store) -> None:
    from sitrep.pack import load_pack
    from sitrep.store.actors import sync_pack_actors

    _doc(store, "d1", "a.txt")
    sync_pack_actors(store, load_pack())
    recs = {(r["subject_id"], r["predicate"], r["object_id"]): r
            for r in iter_relation_records(store, origin="pack")}
    jnim = recs[("jnim", "affiliate_of", "al_qaeda")]
    assert jnim["start"] == "2017-03-02" and jnim["origins"] == ["pack"]
    src = jnim["sources"][0]
    assert src["via"] == "pack" and src["start"] is None and src["end"] is None
    assert "QDe.159" in src["quote"] and src["document"].startswith("knowledge pack sahel")
    assert ("iyad_ag_ghaly", "leads", "jnim") in recs  # led_by is read as leads, reversed
    with store.transaction() as conn:  # a document says it too, undated: one relation
        replace_document_relations(conn, "d1", [_mention("jnim", "affiliate_of", "al_qaeda")],
                                   extractor="t")
    both = [r for r in iter_relation_records(store, actor="jnim", predicate="affiliate_of")
            if r["object_id"] == "al_qaeda"]
    assert len(both) == 1 and both[0]["origins"] == ["text", "pack"]
    assert both[0]["start"] == "2017-03-02"  # no document dates it: the pack's date stands
    n = len(list(iter_relation_records(store)))
    sync_pack_actors(store, load_pack())  # idempotent
    assert len(list(iter_relation_records(store))) == n


def test_queued_relations_are_built_once_and_match_immediate_assembly(store: Store,
                                                                     tmp_path: Path) -> None:
    """Extraction queues the relations a document touches and rebuilds each once per run (per
    document it re-read a relation's whole evidence: quadratic); the rows are the same."""
    from sitrep.store.relations import assemble_queued_relations

    now_store = Store(tmp_path / "now.db")
    for s in (store, now_store):
        _doc(s, "d1", "a.txt")
        _doc(s, "d2", "b.txt")
    docs = {"d1": [_mention("bel", "split_from", "aq", "2012"),
                   _mention("jnim", "fights", "fama")],
            "d2": [_mention("bel", "split_from", "aq"),
                   _mention("jnim", "fights", "fama", "2019")]}
    with now_store.transaction() as conn:
        for doc, mentions in docs.items():
            replace_document_relations(conn, doc, mentions, extractor="t")
    with store.transaction() as conn:
        for doc, mentions in docs.items():
            replace_document_relations(conn, doc, mentions, extractor="t", queue=True)
    assert list(iter_relation_records(store)) == []  # not built yet: queued
    assert assemble_queued_relations(store) == 2
    assert list(iter_relation_records(store)) == list(iter_relation_records(now_store))
    with store.reader() as conn:
        assert conn.execute(select(schema.relation_queue)).first() is None
    assert assemble_queued_relations(store) == 0  # idempotent


def test_routine_pack_sync_skips_relations_already_current(store: Store) -> None:
    from sqlalchemy import delete

    from sitrep.pack import load_pack
    from sitrep.store.actors import sync_pack_actors
    from sitrep.store.relations import pack_relation_rows, pack_relations_current

    pack = load_pack()
    with store.reader() as conn:
        assert not pack_relations_current(conn, pack)
    sync_pack_actors(store, pack, if_changed=True)
    with store.reader() as conn:
        assert pack_relations_current(conn, pack)
    first = pack_relation_rows(pack)[0]["id"]
    with store.transaction() as conn:
        conn.execute(delete(schema.statements).where(schema.statements.c.id == first))
        assert not pack_relations_current(conn, pack)
    sync_pack_actors(store, pack, if_changed=True)  # a missing fact is written again
    with store.reader() as conn:
        assert pack_relations_current(conn, pack)


def test_event_alliances_skip_misread_roles_competing_claims_and_own_structure(
        store: Store) -> None:
    """Joint perpetrators are weak evidence: no alliance between a jihadist group and state
    forces (a target read as an attacker), between two claimants of one event (claims compete),
    or between a group and its parent at any depth; no unit fights its own parent."""
    _doc(store, "d1", "a.txt")
    with store.transaction() as conn:
        # the school the group attacked, read as a second attacker
        _event_mention(conn, "d1", "m1", "e1", "Battles", "2024-09-17",
                       {"actor1": ["jnim", "mali_gendarmerie"], "actor2": ["fama"]}, "q1")
        # two groups each claimed the hotel attack
        _event_mention(conn, "d1", "m2", "e2", "Battles", "2015-11-20",
                       {"actor1": ["al_mourabitoun", "katiba_macina"], "actor2": ["fama"],
                        "claimed_by": ["al_mourabitoun", "katiba_macina"]}, "q2")
        # a branch beside its grandparent (al-Mourabitoun -> AQIM -> al-Qaeda)
        _event_mention(conn, "d1", "m3", "e3", "Battles", "2016-01",
                       {"actor1": ["al_mourabitoun", "al_qaeda"], "actor2": ["fama"]}, "q3")
        # a pro-government militia beside the army is an alliance
        _event_mention(conn, "d1", "m4", "e4", "Battles", "2016-02",
                       {"actor1": ["fama", "gatia"], "actor2": ["jnim"]}, "q4")
        replace_document_relations(conn, "d1", [], extractor="t")
    recs = {(r["subject_id"], r["predicate"], r["object_id"])
            for r in iter_relation_records(store, origin="event")}
    allied = {(s, o) for s, p, o in recs if p == "allied_with"}
    assert ("jnim", "mali_gendarmerie") not in allied
    assert ("al_mourabitoun", "katiba_macina") not in allied
    assert ("al_mourabitoun", "al_qaeda") not in allied
    assert ("mali_gendarmerie", "fights", "fama") not in recs  # a unit and its parent
    assert ("jnim", "fights", "fama") in recs
    assert ("fama", "gatia") in allied or ("gatia", "fama") in allied
