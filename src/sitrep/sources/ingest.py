"""``ingest``: inputs → cleaned, split, deduplicated documents in the store.

Every unit of input either becomes documents or a reject with a catalogue code; nothing stops
the batch. Whole documents (row, FTS index, LSH bands) are committed in batches of
``BATCH_DOCUMENTS`` or ``BATCH_SECONDS``, whichever comes first, so an ingest killed at any
moment leaves a consistent store (the last batch is simply not there) and rerunning it finishes
the job: the content-hash id makes every already-stored document a no-op.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import Errors, SitrepError
from ..model import Document
from ..store import Store
from ..store import documents as docstore
from ..store.db import Batch
from ..store.runs import finish_run, start_run
from .clean import clean_text, cut_footer, normalize_text
from .dates import parse_published
from .fetch import fetch
from .language import guess_language
from .neardup import ESTIMATE_FLOOR, THRESHOLD, Signature, jaccard_hashes, shingle_hashes
from .plan import Unit, plan
from .readers import RawItem, Reject, kind_for_content_type, kind_for_suffix, read_bytes
from .split import is_headline, split_articles

DEFAULT_MAX_BYTES = 5_000_000
DEFAULT_TIMEOUT = 20.0
MIN_TEXT_CHARS = 40  # less than a sentence of article text left after cleaning
BATCH_DOCUMENTS = 100  # documents per transaction (a commit per document cost ~1 ms each)
BATCH_SECONDS = 2.0  # ...or this long, so a slow input never holds the write lock for long

Progress = Callable[[int, int, str], None]  # (units done, units total, current origin)


@dataclass
class IngestReport:
    """What one ingest did; ``ok`` is False when anything was set aside."""

    new: list[dict[str, Any]] = field(default_factory=list)
    duplicates: list[dict[str, Any]] = field(default_factory=list)
    near_duplicates: list[dict[str, Any]] = field(default_factory=list)
    rejected: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[dict[str, Any]] = field(default_factory=list)
    run_id: int | None = None

    @property
    def ok(self) -> bool:
        return not self.rejected

    @property
    def document_ids(self) -> list[str]:
        return [d["id"] for d in self.new]

    def summary(self) -> dict[str, Any]:
        return {"new": len(self.new), "duplicates": len(self.duplicates),
                "near_duplicates": len(self.near_duplicates), "rejected": len(self.rejected),
                "warnings": len(self.warnings)}

    def as_dict(self) -> dict[str, Any]:
        return {**self.summary(), "documents": self.new, "duplicate_of": self.duplicates,
                "near_duplicate_of": self.near_duplicates, "rejects": self.rejected,
                "warning_list": self.warnings, "run_id": self.run_id}


def ingest(store: Store, paths: Sequence[str | Path] | str | Path, *,
           max_bytes: int = DEFAULT_MAX_BYTES, timeout: float = DEFAULT_TIMEOUT,
           progress: Progress | None = None) -> IngestReport:
    """Read ``paths`` (files, folders, manifests, feeds, http(s) URLs) into ``store``."""
    names = [str(paths)] if isinstance(paths, str | Path) else [str(p) for p in paths]
    if max_bytes < 1:
        raise SitrepError(Errors.E501, name="max_bytes", value=max_bytes,
                          detail="must be positive", fix="Give a size in bytes, e.g. 5000000.")
    report = IngestReport()
    units = plan(names, exclude=_store_files(store))
    report.run_id = start_run(store, "ingest " + " ".join(names)[:500])
    status = "failed"
    try:
        with store.batch(size=BATCH_DOCUMENTS, seconds=BATCH_SECONDS) as batch:
            for done, unit in enumerate(units, 1):
                if unit.kind == "url":
                    batch.commit()  # never hold the write lock across a network wait
                _ingest_unit(batch, unit, report, max_bytes=max_bytes, timeout=timeout)
                if progress is not None:
                    progress(done, len(units), unit.origin)
        status = "done"
    finally:
        finish_run(store, report.run_id, report.summary(), status=status)
    return report


def _store_files(store: Store) -> set[Path]:
    """The database and its journals: a folder holding the store must not ingest them."""
    db = store.engine.url.database if store.dialect == "sqlite" else None
    if not db or db == ":memory:":
        return set()
    base = Path(db).resolve()
    return {base, *(base.with_name(base.name + s) for s in ("-wal", "-shm", "-journal"))}


def _ingest_unit(batch: Batch, unit: Unit, report: IngestReport, *, max_bytes: int,
                 timeout: float) -> None:
    try:
        for item in _read_unit(unit, max_bytes=max_bytes, timeout=timeout):
            if isinstance(item, Reject):
                _reject(batch, report, item.origin, item.error)
            else:
                _store_item(batch, item, report)
    except SitrepError as exc:
        _reject(batch, report, unit.origin, exc)
    except (ValueError, TypeError, LookupError, AttributeError, OSError) as exc:
        # a parser bug on one odd input must not cost the rest of the batch; the database
        # errors (sqlalchemy) are not caught here: they mean the store itself is in trouble
        _reject(batch, report, unit.origin,
                SitrepError(Errors.E111, detail=f"{type(exc).__name__}: {exc}"[:300]))


def _read_unit(unit: Unit, *, max_bytes: int, timeout: float) -> Iterator[RawItem | Reject]:
    if unit.kind == "reject":
        assert unit.error is not None
        raise unit.error
    if unit.kind == "text":
        text = unit.text()
        size = len(text.encode("utf-8"))
        if size > max_bytes:
            raise SitrepError(Errors.E103, size=size, limit=max_bytes)
        items: Iterator[RawItem | Reject] = iter([RawItem(
            text=text, origin=unit.origin, meta={"format": "manifest-text"})])
    elif unit.kind == "url":
        url = str(unit.fields.get("path") or unit.origin)
        got = fetch(url, max_bytes=max_bytes, timeout=timeout)
        kind = kind_for_content_type(got.content_type, got.url)
        items = read_bytes(got.data, unit.origin, kind, url=got.url)
    else:
        assert unit.path is not None
        kind = kind_for_suffix(unit.path.suffix)
        if kind == "manifest":  # a .jsonl reached as a plain file: planning expands these
            return
        try:
            size = unit.path.stat().st_size
            if size > max_bytes:
                raise SitrepError(Errors.E103, size=size, limit=max_bytes)
            data = unit.path.read_bytes()
        except OSError as exc:
            raise SitrepError(Errors.E101, detail=f"cannot read it: {exc.strerror}") from None
        items = read_bytes(data, unit.origin, kind, path=str(unit.path.resolve()))
    for item in items:
        if isinstance(item, RawItem) and unit.fields:
            item.override(unit.fields)
            extra = {k: v for k, v in unit.fields.items()
                     if k not in ("path", "text", "id", "title", "source", "url", "published",
                                  "language")}
            if extra:
                item.meta["manifest"] = extra
        yield item


def _reject(batch: Batch, report: IngestReport, origin: str, error: SitrepError) -> None:
    docstore.record_reject(batch.conn, origin, error.code, error.reason, report.run_id)
    batch.done()
    report.rejected.append({"origin": origin, "code": error.code, "reason": error.reason})


def _published(item: RawItem, report: IngestReport) -> str | None:
    """The normalised date; an unreadable one is dropped with a warning, the text is kept."""
    try:
        return parse_published(item.published or item.meta.get("page_date"))
    except SitrepError as exc:
        report.warnings.append({"origin": item.origin, "code": exc.code, "reason": exc.reason})
        item.meta["invalid_published"] = item.published
        return None


def _first_line_title(text: str) -> str | None:
    first = text.split("\n", 1)[0].strip()
    return first if is_headline(first) else None


def prepare(item: RawItem) -> list[tuple[Document, str | None]]:
    """Footer cut, split into articles, clean each part: (document, part_of) pairs."""
    removed: list[dict[str, Any]] = []
    text = cut_footer(normalize_text(item.text), removed)
    split = split_articles(text)
    multi = len(split.parts) > 1
    out = []
    for n, part in enumerate(split.parts, 1):
        cleaned = clean_text(part)
        meta = dict(item.meta)
        cleaning = cleaned.record()
        if n == len(split.parts) and removed:  # the footer belonged to the last part
            cleaning["removed"] = removed + cleaning["removed"]
            cleaning["removed_lines"] += len(removed)
            cleaning["by_rule"]["footer"] = cleaning["by_rule"].get("footer", 0) + 1
        if cleaning["removed_lines"]:
            meta["cleaning"] = cleaning
        if split.uncertain:
            meta["possible_article_boundaries"] = split.uncertain
        title = item.title
        if multi:
            meta["split"] = {"part": n, "of": len(split.parts), "boundaries": split.boundaries}
            if item.title:
                meta["file_title"] = item.title
            title = _first_line_title(cleaned.text) or (f"{item.title} (part {n})"
                                                        if item.title else None)
        elif not title:
            title = _first_line_title(cleaned.text)
            if title:
                meta["title_from"] = "first_line"
        language = item.language
        if not language:
            language = guess_language(cleaned.text)
            if language:
                meta["language_guessed"] = True
        doc = Document(text=cleaned.text, origin=f"{item.origin}#{n}" if multi else item.origin,
                       title=title, source=item.source, url=item.url,
                       published=item.published, language=language, meta=meta)
        out.append((doc, item.origin if multi else None))
    return out


def _store_item(batch: Batch, item: RawItem, report: IngestReport) -> None:
    item.published = _published(item, report)
    for doc, part_of in prepare(item):
        if len(re.sub(r"\W", "", doc.text)) < MIN_TEXT_CHARS:
            _reject(batch, report, doc.origin, SitrepError(Errors.E102))
            continue
        _store_document(batch, doc, part_of, item.path, report)


def _store_document(batch: Batch, doc: Document, part_of: str | None, path: str | None,
                    report: IngestReport) -> None:
    """Exact-dup check, near-dup lookup, row + bands, clear old rejects: all in the batch's
    transaction, and complete before ``batch.done()`` may commit."""
    conn = batch.conn
    if docstore.document_exists(conn, doc.id):  # reruns stop here, before any hashing
        report.duplicates.append({"origin": doc.origin, "id": doc.id})
        return
    mine = shingle_hashes(doc.text)
    signature = Signature.of_hashes(mine)
    bands = signature.bands()
    near_of, similarity = None, None
    for cand in docstore.band_candidates(conn, bands, with_text=False):
        # the stored signature rules most candidates out; only likely copies are read
        if cand["fingerprint"] and signature.estimate(
                Signature.from_hex(cand["fingerprint"])) < ESTIMATE_FLOOR:
            continue
        body = docstore.document_text(conn, cand["id"])
        score = jaccard_hashes(mine, shingle_hashes(body or ""))
        if score >= THRESHOLD and (similarity is None or score > similarity):
            # link to the original, never to another copy: chains stay one hop long
            near_of, similarity = cand["near_duplicate_of"] or cand["id"], round(score, 4)
    docstore.insert_document(conn, doc, path=path, fingerprint=signature.hex,
                             near_duplicate_of=near_of, similarity=similarity,
                             part_of=part_of, run_id=report.run_id)
    docstore.insert_bands(conn, doc.id, bands)
    docstore.clear_rejects(conn, [doc.origin] + ([part_of] if part_of else []))
    batch.done()
    entry = {"origin": doc.origin, "id": doc.id, "title": doc.title}
    report.new.append(entry)
    if near_of:
        report.near_duplicates.append({"origin": doc.origin, "id": doc.id,
                                       "near_duplicate_of": near_of, "similarity": similarity})
