"""Writing documents and rejects, and reading them back for listings and exports.

Writes take a ``Connection`` so the caller decides the transaction (ingest commits whole
documents in batches, which is what keeps a killed ingest consistent). Reads that stand alone
take the ``Store``. Search and the paged listing shared with the web UI live in ``store.queries``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from sqlalchemy import Connection, bindparam, delete, func, insert, or_, select, text, update

from ..model import Document, date_precision, utcnow
from . import schema
from .db import Store, insert_ignore

_EXISTS = select(schema.documents.c.id).where(schema.documents.c.id == bindparam("doc_id"))
_TEXT = select(schema.documents.c.text).where(schema.documents.c.id == bindparam("doc_id"))
_INSERT = insert(schema.documents)
_CLEAR = delete(schema.rejects).where(schema.rejects.c.origin.in_(
    bindparam("origins", expanding=True)))
# statements built once: ingest runs each per document, and building a SQLAlchemy expression
# (coercing values, keying its compiled cache) cost more than SQLite running it


def document_exists(conn: Connection, document_id: str) -> bool:
    return conn.execute(_EXISTS, {"doc_id": document_id}).first() is not None


def insert_document(conn: Connection, doc: Document, *, path: str | None = None,
                    fingerprint: str | None = None, near_duplicate_of: str | None = None,
                    similarity: float | None = None, part_of: str | None = None,
                    run_id: int | None = None) -> None:
    """Insert one document row (the FTS triggers index it); the caller checked it is new."""
    conn.execute(_INSERT, {
        "id": doc.id, "origin": doc.origin, "title": doc.title, "source": doc.source,
        "url": doc.url, "path": path, "published": doc.published,
        "published_precision": date_precision(doc.published), "language": doc.language,
        "text": doc.text, "fingerprint": fingerprint, "near_duplicate_of": near_duplicate_of,
        "similarity": similarity, "part_of": part_of,
        "meta": json.dumps(doc.meta, ensure_ascii=False, sort_keys=True) if doc.meta else None,
        "ingested_at": utcnow(), "run_id": run_id})


def insert_bands(conn: Connection, document_id: str, bands: Iterable[tuple[int, str]]) -> None:
    insert_ignore(conn, schema.document_bands,
                  [{"band": b, "hash": h, "document_id": document_id} for b, h in bands])


_CANDIDATES: dict[tuple[int, bool], Any] = {}


def _candidates_sql(n_bands: int, with_text: bool) -> Any:
    """One statement per band count, built once: an OR of (band, hash) equalities (SQLite
    then searches the unique index once per band) with plain bind parameters, so no
    SQLAlchemy expression is built or cache-keyed per document."""
    key = (n_bands, with_text)
    if key not in _CANDIDATES:
        ors = " OR ".join(f"(band = :b{i} AND hash = :h{i})" for i in range(n_bands))
        cols = "d.id, d.fingerprint, d.near_duplicate_of, c.shared" + (
            ", d.text" if with_text else "")
        _CANDIDATES[key] = text(
            f"SELECT {cols} FROM (SELECT document_id, count(*) AS shared FROM document_bands"
            f" WHERE {ors} GROUP BY document_id ORDER BY shared DESC LIMIT :lim) AS c"
            " JOIN documents d ON d.id = c.document_id ORDER BY c.shared DESC, d.id")
    return _CANDIDATES[key]


def band_candidates(conn: Connection, bands: list[tuple[int, str]], *, limit: int = 50,
                    with_text: bool = True) -> list[dict[str, Any]]:
    """Stored documents sharing at least one LSH band (most shared bands first): id,
    fingerprint, near_duplicate_of, shared, and text unless ``with_text`` is False (ingest
    compares fingerprints first and reads only the few texts worth an exact comparison)."""
    if not bands:
        return []
    params: dict[str, Any] = {"lim": limit}
    for i, (band, digest) in enumerate(bands):
        params[f"b{i}"], params[f"h{i}"] = band, digest
    rows = conn.execute(_candidates_sql(len(bands), with_text), params).mappings().all()
    return [dict(r) for r in rows]


def document_text(conn: Connection, document_id: str) -> str | None:
    return conn.execute(_TEXT, {"doc_id": document_id}).scalar_one_or_none()


def refresh_fingerprints(conn: Connection, signature: Callable[[str], tuple[str, list[
        tuple[int, str]]]], *, page: int = 2000) -> int:
    """Recompute every stored fingerprint and its LSH bands with ``signature(text) ->
    (hex, bands)``: what a change of MinHash scheme needs so old documents still match new
    ones. Documents without a fingerprint are left alone. Returns how many were redone."""
    d, b = schema.documents, schema.document_bands
    done, after = 0, ""
    while True:
        rows = conn.execute(select(d.c.id, d.c.text).where(
            d.c.fingerprint.is_not(None), d.c.id > after).order_by(d.c.id).limit(page)).all()
        if not rows:
            return done
        ids = [r[0] for r in rows]
        conn.execute(delete(b).where(b.c.document_id.in_(ids)))
        fps, band_rows = [], []
        for doc_id, body in rows:
            fp, bands = signature(body)
            fps.append({"i": doc_id, "fp": fp})
            band_rows += [{"band": n, "hash": h, "document_id": doc_id} for n, h in bands]
        conn.execute(update(d).where(d.c.id == bindparam("i")).values(
            fingerprint=bindparam("fp")), fps)
        insert_ignore(conn, b, band_rows)
        done += len(rows)
        after = ids[-1]


def record_reject(conn: Connection, origin: str, code: str, reason: str,
                  run_id: int | None = None) -> None:
    """Remember why an input was set aside (once per origin and code)."""
    insert_ignore(conn, schema.rejects, [{"origin": origin, "code": code, "reason": reason,
                                          "created_at": utcnow(), "run_id": run_id}])


def clear_rejects(conn: Connection, origins: Iterable[str]) -> None:
    """An input that now ingests cleanly is no longer a reject."""
    origins = list(origins)
    if origins:
        conn.execute(_CLEAR, {"origins": origins})


def list_rejects(store: Store, *, limit: int = 100, search: str | None = None
                 ) -> list[dict[str, Any]]:
    r = schema.rejects
    query = select(r.c.origin, r.c.code, r.c.reason, r.c.created_at).order_by(r.c.id)
    if search:
        query = query.where(or_(r.c.origin.contains(search), r.c.reason.contains(search)))
    with store.reader() as conn:
        return [dict(x) for x in conn.execute(query.limit(limit)).mappings()]


def count_documents(store: Store) -> dict[str, int]:
    d = schema.documents
    with store.reader() as conn:
        total = conn.execute(select(func.count()).select_from(d)).scalar_one()
        near = conn.execute(select(func.count()).select_from(d).where(
            d.c.near_duplicate_of.is_not(None))).scalar_one()
        rejects = conn.execute(select(func.count()).select_from(schema.rejects)).scalar_one()
    return {"documents": int(total), "near_duplicates": int(near), "rejects": int(rejects)}


def iter_document_records(store: Store, *, include_rejects: bool = True
                          ) -> Iterator[dict[str, Any]]:
    """Documents in the ``export documents`` shape, then rejects (with ``rejected``)."""
    d = schema.documents
    with store.reader() as conn:
        rows = conn.execute(select(d).order_by(d.c.ingested_at, d.c.origin)).mappings()
        for row in rows:
            yield {
                "id": row["id"], "document": row["origin"], "title": row["title"],
                "source": row["source"], "url": row["url"], "path": row["path"],
                "published": row["published"], "published_precision":
                row["published_precision"], "language": row["language"],
                "near_duplicate_of": row["near_duplicate_of"], "similarity": row["similarity"],
                "part_of": row["part_of"], "text": row["text"], "rejected": None,
            }
        if include_rejects:
            r = schema.rejects
            for rej in conn.execute(select(r).order_by(r.c.id)).mappings():
                yield {"id": None, "document": rej["origin"], "title": None, "source": None,
                       "url": rej["origin"] if "://" in rej["origin"] else None,
                       "path": None if "://" in rej["origin"] else rej["origin"],
                       "published": None, "text": None,
                       "rejected": {"code": rej["code"], "reason": rej["reason"]}}


__all__ = ["band_candidates", "clear_rejects", "count_documents", "document_exists",
           "document_text", "insert_bands", "insert_document", "iter_document_records",
           "list_rejects", "record_reject", "refresh_fingerprints"]
