"""The extraction write path: what a first extraction skips and what it must still write.

A document that was never extracted is written without the clean-up an re-extraction needs
(``fresh``); its implied relations are computed from the statements just written instead of
read back; ``insert_ignore`` hands SQLite plain tuples. Each shortcut must leave exactly the
rows the long way leaves.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, update

from sitrep.pipeline import extract_document, extract_pending
from sitrep.sources import ingest
from sitrep.store import Store, schema
from sitrep.store.db import insert_ignore
from sitrep.store.relations import event_relation_mentions

# Our own short reports about public facts (2019-2022), with actors the pack knows, so that
# events imply relations ("JNIM fights the Malian army").
REPORTS = {
    "boulkessi.txt": (
        "Attack on army camp in central Mali\n\n"
        "On 30 September 2019, JNIM fighters attacked the Malian army camp at Boulkessi, "
        "killing 25 soldiers, the government said. The group claimed the attack two days "
        "later."),
    "inates.txt": (
        "Niger army post overrun\n\n"
        "Islamic State in the Greater Sahara militants killed 71 Nigerien soldiers in an "
        "attack on the military camp at Inates on 10 December 2019, officials said."),
    "djibo.txt": (
        "Abduction in northern Burkina Faso\n\n"
        "Armed men abducted four traders near Djibo on 3 March 2022, local sources said. "
        "On 5 March, soldiers of the Burkinabe army clashed with JNIM fighters near the town."),
}
_VOLATILE = {"created_at", "updated_at", "run_id", "ingested_at"}
_TABLES = ("sentences", "statements", "fusion_mentions", "fusion_keys", "events",
           "event_sources", "event_actors", "relations", "relation_queue", "fusion_queue")


def _rows(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the extraction tables, volatile columns and autoincrement ids left out."""
    con = sqlite3.connect(path)
    try:
        out = {}
        for table in _TABLES:
            cols = [r[1] for r in con.execute(f"pragma table_info({table})")
                    if r[1] not in _VOLATILE and not (table == "sentences" and r[1] == "id")]
            quoted = ", ".join(f'"{c}"' for c in cols)
            out[table] = sorted(con.execute(f"select {quoted} from {table}").fetchall(),
                                key=repr)
        return out
    finally:
        con.close()


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    for name, text in REPORTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_first_extraction_writes_what_a_reextraction_writes(tmp_path: Path) -> None:
    """Fresh documents skip the clean-up; documents extracted by another version go the long
    way (old rows removed first). Both leave the same rows, and nothing twice."""
    folder = _folder(tmp_path)
    once, twice = Store(tmp_path / "once.db"), Store(tmp_path / "twice.db")
    try:
        for s in (once, twice):
            ingest(s, [folder])
            first = extract_pending(s)
            assert first.documents == len(REPORTS) and first.events >= 3
        with twice.transaction() as conn:  # as if an older extractor had written them
            conn.execute(update(schema.documents).values(extracted_version="older"))
        again = extract_pending(twice)
        assert again.documents == len(REPORTS)
        assert _rows(tmp_path / "twice.db") == _rows(tmp_path / "once.db")
        rows = _rows(tmp_path / "once.db")
        assert rows["relations"], "the reports imply relations"
        assert rows["fusion_queue"] == [] and rows["relation_queue"] == []
    finally:
        once.close()
        twice.close()


def test_a_document_marked_fresh_by_mistake_would_collide(tmp_path: Path) -> None:
    """What guards the shortcut: only a NULL ``extracted_version`` makes a document fresh.
    Writing an extracted document again as fresh fails on its sentences (unique per index)
    instead of silently doubling its rows."""
    from sqlalchemy.exc import IntegrityError

    from sitrep.pack import load_pack
    from sitrep.pipeline import extractor_version
    from sitrep.store.events import replace_document_extraction

    store = Store(tmp_path / "s.db")
    try:
        ingest(store, [_folder(tmp_path)])
        extract_pending(store)
        with store.reader() as conn:
            row = conn.execute(select(schema.documents)).mappings().first()
        assert row is not None and row["extracted_version"] is not None
        from sitrep.model import Document

        doc = Document(text=row["text"], origin=row["origin"], id=row["id"])
        pack = load_pack()
        ext = extract_document(doc, pack)
        with pytest.raises(IntegrityError), store.transaction() as conn:
            replace_document_extraction(
                conn, doc.id, sentences=[(s.idx, s.start, s.end, s.text)
                                         for s in ext.work.sentences],
                statements=ext.statements, sources=ext.sources(), pack=pack,
                version=extractor_version(pack), fresh=True)
    finally:
        store.close()


def test_implied_relations_from_memory_equal_those_read_back(tmp_path: Path) -> None:
    from sitrep.pack import load_pack

    store = Store(tmp_path / "s.db")
    pack = load_pack()
    try:
        ingest(store, [_folder(tmp_path)])
        extract_pending(store)
        with store.reader() as conn:
            docs = conn.execute(select(schema.documents)).mappings().all()
            implied = 0
            for row in docs:
                from sitrep.model import Document

                doc = Document(text=row["text"], origin=row["origin"], id=row["id"])
                statements = extract_document(doc, pack).statements
                read_back = event_relation_mentions(conn, doc.id)
                assert event_relation_mentions(conn, doc.id, statements) == read_back
                implied += len(read_back)
        assert implied >= 2  # fights between JNIM / IS Sahel and the armies they attacked
    finally:
        store.close()


def test_insert_ignore_fills_defaults_and_skips_existing_keys(store: Store) -> None:
    """The SQLite fast path gives what the Core insert gives: scalar defaults for columns left
    out, NULL for the rest, an autoincrement id, booleans, the first of two rows with one key."""
    st = schema.statements
    row = {"id": "s1", "subject": "actor:x", "property": "note", "value": "first",
           "document_id": None, "start": None, "end": None, "quote": "q",
           "extractor": "test", "created_at": "2026-01-01T00:00:00Z"}
    with store.transaction() as conn:
        insert_ignore(conn, st, [row, {**row, "value": "second"}])
        insert_ignore(conn, st, [{**row, "value": "third"}])
        insert_ignore(conn, schema.events, [{"id": "e1", "updated_at": "x"}])
        insert_ignore(conn, schema.events, [{"id": "e2", "updated_at": "x",
                                             "background": True}])
        insert_ignore(conn, schema.judgements, [
            {"kind": "note", "target": "event:e1", "payload": "{}", "author": "t",
             "created_at": "x"}] * 2)
    with store.reader() as conn:
        got = conn.execute(select(st.c.value, st.c.modality, st.c.confidence,
                                  st.c.attribution)).all()
        assert [tuple(r) for r in got] == [("first", "asserted", 1.0, None)]
        ev = schema.events
        assert dict(conn.execute(select(ev.c.id, ev.c.background)).all()) == {
            "e1": False, "e2": True}
        ids = conn.execute(select(schema.judgements.c.id)).scalars().all()
        assert len(ids) == 2 and len(set(ids)) == 2
