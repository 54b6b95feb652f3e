"""Writing documents and rejects, and reading them back for listings and exports.

Writes take a ``Connection`` so the caller decides the transaction (ingest uses one per
document, which is what keeps a killed ingest consistent). Reads that stand alone take the
``Store``. Search and the paged listing shared with the web UI live in ``store.queries``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import Connection, and_, delete, func, insert, or_, select

from ..model import Document, date_precision, utcnow
from . import schema
from .db import Store, insert_ignore


def document_exists(conn: Connection, document_id: str) -> bool:
    d = schema.documents
    return conn.execute(select(d.c.id).where(d.c.id == document_id)).first() is not None


def insert_document(conn: Connection, doc: Document, *, path: str | None = None,
                    fingerprint: str | None = None, near_duplicate_of: str | None = None,
                    similarity: float | None = None, part_of: str | None = None,
                    run_id: int | None = None) -> None:
    """Insert one document row (the FTS triggers index it); the caller checked it is new."""
    conn.execute(insert(schema.documents).values(
        id=doc.id, origin=doc.origin, title=doc.title, source=doc.source, url=doc.url,
        path=path, published=doc.published, published_precision=date_precision(doc.published),
        language=doc.language, text=doc.text, fingerprint=fingerprint,
        near_duplicate_of=near_duplicate_of, similarity=similarity, part_of=part_of,
        meta=json.dumps(doc.meta, ensure_ascii=False, sort_keys=True) if doc.meta else None,
        ingested_at=utcnow(), run_id=run_id))


def insert_bands(conn: Connection, document_id: str, bands: Iterable[tuple[int, str]]) -> None:
    insert_ignore(conn, schema.document_bands,
                  [{"band": b, "hash": h, "document_id": document_id} for b, h in bands])


def band_candidates(conn: Connection, bands: list[tuple[int, str]], *, limit: int = 50
                    ) -> list[dict[str, Any]]:
    """Stored documents sharing at least one LSH band (most shared bands first)."""
    if not bands:
        return []
    b, d = schema.document_bands, schema.documents
    shared = func.count().label("shared")
    ids = (select(b.c.document_id, shared)
           # OR of equalities, not a row-value IN: SQLite then searches the index per band
           .where(or_(*(and_(b.c.band == n, b.c.hash == h) for n, h in bands)))
           .group_by(b.c.document_id).order_by(shared.desc()).limit(limit).subquery())
    rows = conn.execute(select(d.c.id, d.c.text, d.c.fingerprint, d.c.near_duplicate_of,
                               ids.c.shared)
                        .join(ids, ids.c.document_id == d.c.id)
                        .order_by(ids.c.shared.desc(), d.c.id)).mappings().all()
    return [dict(r) for r in rows]


def record_reject(conn: Connection, origin: str, code: str, reason: str,
                  run_id: int | None = None) -> None:
    """Remember why an input was set aside (once per origin and code)."""
    insert_ignore(conn, schema.rejects, [{"origin": origin, "code": code, "reason": reason,
                                          "created_at": utcnow(), "run_id": run_id}])


def clear_rejects(conn: Connection, origins: Iterable[str]) -> None:
    """An input that now ingests cleanly is no longer a reject."""
    origins = list(origins)
    if origins:
        conn.execute(delete(schema.rejects).where(schema.rejects.c.origin.in_(origins)))


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
           "insert_bands", "insert_document", "iter_document_records", "list_rejects",
           "record_reject"]
