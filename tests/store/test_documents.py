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


def test_refresh_fingerprints_rebuilds_signatures_and_bands(store: Store) -> None:
    """Migration 0031's step: documents fingerprinted by an older scheme get today's
    signature and bands, so a new copy of an old document is still found."""
    from sqlalchemy import select, update

    from sitrep.store import schema

    texts = ["Herders and farmers met in the town hall to agree on grazing routes again.",
             "Soldiers repaired the bridge on the road to the northern market town."]
    docs = [Document(text=t, origin=f"{i}.txt") for i, t in enumerate(texts)]
    with store.transaction() as conn:
        for d in docs:
            docstore.insert_document(conn, d, fingerprint="0" * 512)  # an old-scheme value
            docstore.insert_bands(conn, d.id, [(b, "stale") for b in range(16)])
        docstore.insert_document(conn, Document(text="No fingerprint at all here, a note.",
                                                origin="n.txt"))
        conn.execute(update(schema.documents).where(schema.documents.c.origin == "n.txt")
                     .values(fingerprint=None))

    def signature(body: str) -> tuple[str, list[tuple[int, str]]]:
        sig = Signature.of(body)
        return sig.hex, sig.bands()

    with store.transaction() as conn:
        assert docstore.refresh_fingerprints(conn, signature, page=1) == 2
    with store.reader() as conn:
        fps = dict(conn.execute(select(schema.documents.c.origin,
                                       schema.documents.c.fingerprint)).all())
        copy = Signature.of(texts[1] + " Traffic resumed.")
        found = docstore.band_candidates(conn, copy.bands(), with_text=False)
    assert fps == {"0.txt": Signature.of(texts[0]).hex, "1.txt": Signature.of(texts[1]).hex,
                   "n.txt": None}
    assert [c["id"] for c in found] == [docs[1].id] and "text" not in found[0]
