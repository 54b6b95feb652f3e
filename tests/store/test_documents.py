"""Document and reject rows: insert, LSH candidates, rejects once, export records."""

from __future__ import annotations

from sitrep.model import Document
from sitrep.sources.neardup import Signature
from sitrep.store import Store
from sitrep.store import documents as docstore


def test_insert_candidates_and_export(store: Store) -> None:
    text = "Herders and farmers met in the town hall to agree on grazing routes for the season."
    doc = Document(text=text, origin="a.txt", title="Meeting", published="2024-03")
    sig = Signature.of(text)
    with store.transaction() as conn:
        assert not docstore.document_exists(conn, doc.id)
        docstore.insert_document(conn, doc, fingerprint=sig.hex, path="/x/a.txt")
        docstore.insert_bands(conn, doc.id, sig.bands())
        docstore.insert_bands(conn, doc.id, sig.bands())  # idempotent
    with store.reader() as conn:
        assert docstore.document_exists(conn, doc.id)
        cands = docstore.band_candidates(conn, Signature.of(text + " Talks go on.").bands())
        assert [c["id"] for c in cands] == [doc.id]
        other = Signature.of("A completely different sentence about river transport prices.")
        assert docstore.band_candidates(conn, other.bands()) == []
    with store.transaction() as conn:
        docstore.record_reject(conn, "bad.bin", "E101", "binary")
        docstore.record_reject(conn, "bad.bin", "E101", "binary")
    assert docstore.list_rejects(store) == [
        {"origin": "bad.bin", "code": "E101", "reason": "binary",
         "created_at": docstore.list_rejects(store)[0]["created_at"]}]
    records = list(docstore.iter_document_records(store))
    assert records[0]["document"] == "a.txt" and records[0]["published_precision"] == "month"
    assert records[0]["path"] == "/x/a.txt" and records[0]["text"] == text
    assert records[1]["rejected"] == {"code": "E101", "reason": "binary"}
    assert docstore.count_documents(store) == {"documents": 1, "near_duplicates": 0,
                                               "rejects": 1}
    with store.transaction() as conn:
        docstore.clear_rejects(conn, ["bad.bin"])
    assert docstore.list_rejects(store) == []
