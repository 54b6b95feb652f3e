"""The extraction pipeline: documents → sentences, mentions, statements → events.

``extract_document(document, pack)`` runs the stages on one document and returns an
``Extraction`` (nothing is written). ``extract_pending(store)`` extracts every stored document
whose ``extracted_version`` differs from the current one, whole documents committed in batches
(a killed run loses only the last batch, which the rerun redoes); a stage that fails sets that
document aside (a reject with code E303) and the batch goes on.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import or_, select

from ..errors import Errors
from ..model import Document, Statement, utcnow
from . import stages as _stages  # noqa: F401  (registers the built-in stages)
from .framework import REGISTRY, Pipeline, StageError, WorkDoc, stage
from .stages import DEFAULT_STAGES
from .statements import EXTRACTOR, EXTRACTOR_VERSION, event_id_for

__all__ = [
    "DEFAULT_STAGES", "EXTRACTOR", "EXTRACTOR_VERSION", "ExtractReport", "Extraction",
    "Pipeline", "REGISTRY", "StageError", "extract_document", "extract_pending",
    "extractor_version", "stage",
]

Progress = Callable[[int, int], None]
FUSE_EVERY = 2_000  # documents before the first fusion round in one extraction


@dataclass
class Extraction:
    """What one document says: its work object (sentences, mentions...) and statements."""

    work: WorkDoc

    @property
    def document(self) -> Document:
        return self.work.document

    @property
    def statements(self) -> list[Statement]:
        return self.work.statements

    @property
    def mentions(self) -> list[Any]:
        return self.work.mentions

    def sources(self) -> list[dict[str, Any]]:
        """One ``event_sources`` row per mention: the sentence is the quote."""
        firsts: dict[int, str] = {}
        for m in self.work.mentions:
            firsts.setdefault(m.event_key, m.id)
        return [{"event_id": event_id_for(m.document_id, firsts[m.event_key]),
                 "mention_id": m.id, "start": m.sentence.start, "end": m.sentence.end,
                 "quote": m.sentence.text} for m in self.work.mentions]

    def events(self) -> list[dict[str, Any]]:
        """Event rows assembled from this document's statements (as the store would)."""
        from ..store.events import assemble_event

        by_event: dict[str, set[str]] = {}
        for s in self.statements:
            if s.property == "event":
                by_event.setdefault(s.value, set()).add(s.subject)
        rows = []
        for eid, subjects in by_event.items():
            row = assemble_event(eid, [s for s in self.statements if s.subject in subjects],
                                 self.work.pack)
            row.pop("_actor_ids")
            row["claimed_by"] = json.loads(row["claimed_by"])
            rows.append(row)
        return rows


_PIPELINES: dict[tuple[str, ...], Pipeline] = {}


def _pipeline(names: Sequence[str] | None) -> Pipeline:
    key = tuple(names or DEFAULT_STAGES)
    if key not in _PIPELINES:
        _PIPELINES[key] = Pipeline(key)
    return _PIPELINES[key]


def extract_document(document: Document, pack: Any = None, *,
                     stages: Sequence[str] | None = None, timed: bool = False) -> Extraction:
    """Run the (default or given) stages on one document. Raises ``StageError`` on failure."""
    work = WorkDoc(document=document, pack=pack)
    _pipeline(stages)(work, timed=timed)
    return Extraction(work)


def extractor_version(pack: Any = None) -> str:
    """Rules version plus pack version: a new pack re-extracts on the next run."""
    if pack is None:
        return EXTRACTOR_VERSION
    return f"{EXTRACTOR_VERSION}+{getattr(pack, 'name', 'pack')}-{getattr(pack, 'version', '0')}"


@dataclass
class ExtractReport:
    documents: int = 0
    events: int = 0
    mentions: int = 0
    statements: int = 0
    relations: int = 0
    fused: int = 0  # document events merged into an event reported elsewhere too
    rejected: list[dict[str, str]] = field(default_factory=list)
    seconds: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return {"documents": self.documents, "events": self.events, "mentions": self.mentions,
                "statements": self.statements, "relations": self.relations,
                "fused": self.fused, "rejected": self.rejected, "seconds": round(self.seconds, 3)}


def _document(row: Any) -> Document:
    meta = json.loads(row["meta"]) if row["meta"] else {}
    return Document(text=row["text"], origin=row["origin"], title=row["title"],
                    source=row["source"], url=row["url"], published=row["published"],
                    language=row["language"], meta=meta if isinstance(meta, dict) else {},
                    id=row["id"])


def _extract_one(row: Any, pipe: Pipeline, pack: Any, version: str, run_id: int, writes: Any,
                 report: ExtractReport) -> None:
    """Run the stages on one stored document and write all it says (or its reject) in the
    batch's transaction, then mark it complete so the batch may commit."""
    from ..store import schema
    from ..store.db import insert_ignore
    from ..store.events import replace_document_extraction
    from ..store.relations import replace_document_relations

    document = _document(row)
    try:
        work = pipe(WorkDoc(document=document, pack=pack))
    except StageError as exc:
        report.rejected.append({"origin": document.origin, "code": Errors.E303.code,
                                "reason": exc.error.reason})
        insert_ignore(writes.conn, schema.rejects, [{
            "origin": document.origin, "code": Errors.E303.code,
            "reason": exc.error.reason, "created_at": utcnow(), "run_id": run_id}])
        writes.done()
        return
    ext = Extraction(work)
    # a document never extracted has nothing to remove first (most of a first run's)
    fresh = row["extracted_version"] is None
    written = replace_document_extraction(
        writes.conn, document.id,
        sentences=[(s.idx, s.start, s.end, s.text) for s in work.sentences],
        statements=work.statements, sources=ext.sources(), pack=pack,
        version=version, run_id=run_id, fresh=fresh)
    replace_document_relations(writes.conn, document.id, work.relations,
                               extractor=f"{EXTRACTOR}/{version}", run_id=run_id, queue=True,
                               fresh=fresh, statements=work.statements)
    writes.done()
    report.documents += 1
    report.events += len(written)
    report.mentions += len(work.mentions)
    report.statements += len(work.statements)
    report.relations += len(work.relations)


def extract_pending(store: Any, *, progress: Progress | None = None, force: bool = False,
                    pack: Any = None, stages: Sequence[str] | None = None,
                    batch: int = 200, fuse_every: int = FUSE_EVERY) -> ExtractReport:
    """Extract every stored document not yet extracted by this version (all with ``force``).

    Documents are written whole, committed every ``batch`` documents or 2 seconds; a failing
    document is set aside as a reject (E303) and left unextracted so a fixed extractor retries
    it. Events are fused after ``fuse_every`` documents, then each time the count doubles,
    and at the end: fusion is incremental, so this gives the same events as one pass at the
    end, with state written early (a killed run keeps its fused events) at a bounded cost."""
    from ..store import schema
    from ..store.runs import finish_run, start_run

    if pack is None:
        from ..pack import load_pack

        pack = load_pack()
    version = extractor_version(pack)
    pipe = _pipeline(stages)
    docs = schema.documents
    order = (docs.c.run_id.nulls_first(), docs.c.id)
    cond = None if force else or_(docs.c.extracted_version.is_(None),
                                  docs.c.extracted_version != version)
    report = ExtractReport()
    t0 = time.perf_counter()
    with store.reader() as conn:
        # ingest runs in order, then content-hash order within a run: reproducible (a clock's
        # seconds would decide which documents share a fusion round, and so the events' ids)
        q = select(docs.c.id).order_by(*order)
        ids = list(conn.execute(q if cond is None else q.where(cond)).scalars())
    run_id = start_run(store, "extract", version)
    status = "done"
    fuse_at = fuse_every
    from ..fusion.apply import fuse_events

    try:
        with store.batch(size=batch, seconds=2.0) as writes:
            for i in range(0, len(ids), batch):
                with store.reader() as conn:
                    rows = conn.execute(select(docs).where(docs.c.id.in_(ids[i:i + batch]))
                                        .order_by(*order)
                                        ).mappings().all()
                for row in rows:
                    _extract_one(row, pipe, pack, version, run_id, writes, report)
                    if progress is not None:
                        progress(report.documents + len(report.rejected), len(ids))
                if report.documents >= fuse_at and i + batch < len(ids):
                    writes.commit()
                    fuse_events(store, pack)
                    # rounds at fuse_every, then twice as far each time: a round may touch
                    # most of the store (big events gather reports from everywhere), so rounds
                    # at a fixed step would cost quadratically on a long run
                    fuse_at = max(report.documents + fuse_every, 2 * report.documents)
        # relation rows whose evidence changed, rebuilt once each (also what a killed run
        # queued and left)
        from ..store.relations import assemble_queued_relations

        assemble_queued_relations(store)
        if report.documents or force:
            # one event, many reports: rebuild events from all document events (idempotent)
            report.fused = fuse_events(store, pack).merged
            # the pack's actors, aliases and dated facts (relations of origin "pack") arrive
            # with the first extraction: pages, `relations` and `actor` need no `pack sync`
            from ..store.actors import sync_pack_actors

            sync_pack_actors(store, pack, if_changed=True)
    except BaseException:
        status = "failed"
        raise
    finally:
        report.seconds = time.perf_counter() - t0
        finish_run(store, run_id, report.as_dict(), status)
    return report
