"""Incremental fusion: new reports join known events; the result equals a full rebuild."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from fusion_reports import REPORTS, event_ids_by_origin, ingest_and_extract, snapshot, write_reports
from sqlalchemy import delete, func, select

from sitrep.fusion.apply import fuse_events
from sitrep.model import Document
from sitrep.pipeline import extract_pending
from sitrep.sources import ingest
from sitrep.store import Store, schema

ALL = sorted(REPORTS)


def test_a_then_b_equals_a_and_b_together(tmp_path: Path,
                                          make_store: Callable[[str], Store]) -> None:
    together = make_store("together")
    ingest_and_extract(together, write_reports(tmp_path / "ab", ALL))
    expected = snapshot(together)
    assert len(expected) == 2
    # forward, backward and interleaved: the year-precision report first, the day one last...
    for order in (ALL, ALL[::-1], [ALL[3], ALL[0], ALL[2], ALL[1]]):
        one_by_one = make_store("-".join(n[:7] for n in order))
        for i, name in enumerate(order):
            ingest_and_extract(one_by_one, write_reports(tmp_path / f"{order}-{i}", [name]))
        assert snapshot(one_by_one) == expected, order


def test_fusing_in_rounds_during_extraction_gives_the_same_events(
        tmp_path: Path, make_store: Callable[[str], Store],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A long extraction fuses in rounds (after ``fuse_every`` documents, then each time the
    count doubles): rounds must give what one round at the end gives."""
    import sitrep.fusion.apply as fusion

    folder = write_reports(tmp_path / "all", ALL)
    at_end, in_rounds = make_store("at-end"), make_store("in-rounds")
    ingest_and_extract(at_end, folder)
    rounds: list[int] = []
    real = fusion.fuse_events
    monkeypatch.setattr(fusion, "fuse_events",
                        lambda *a, **k: rounds.append(1) or real(*a, **k))
    ingest(in_rounds, [folder])
    extract_pending(in_rounds, batch=1, fuse_every=1)
    assert len(ALL) == 4
    assert len(rounds) == 3  # after documents 1 and 2 (the step doubles), then at the end
    assert snapshot(in_rounds) == snapshot(at_end)


def test_event_id_is_stable_when_a_source_is_added(tmp_path: Path, store: Store) -> None:
    ingest_and_extract(store, write_reports(tmp_path / "a", ["hotel-year.txt"]))
    (first,) = event_ids_by_origin(store)["hotel-year.txt"]
    ingest_and_extract(store, write_reports(tmp_path / "b", ["hotel-day.txt"]))
    ingest_and_extract(store, write_reports(tmp_path / "c", ["hotel-month.txt"]))
    by_origin = event_ids_by_origin(store)
    assert by_origin["hotel-day.txt"] == by_origin["hotel-month.txt"] == {first}
    with store.reader() as conn:
        assert conn.execute(select(func.count()).select_from(schema.events)).scalar_one() == 1
        row = conn.execute(select(schema.events)).mappings().one()
    assert row["date_precision"] == "day"  # refined by the newer, more precise report


def _extract_without_fusing(store: Store, folder: Path) -> None:
    """What ``extract_pending`` writes per document, without its final fusion step."""
    from sitrep.pack import load_pack
    from sitrep.pipeline import extract_document, extractor_version
    from sitrep.sources import ingest
    from sitrep.store.events import replace_document_extraction

    pack = load_pack()
    report = ingest(store, [folder])
    with store.reader() as conn:
        rows = conn.execute(select(schema.documents).where(
            schema.documents.c.id.in_(report.document_ids))).mappings().all()
    for row in rows:
        ext = extract_document(Document(text=row["text"], origin=row["origin"],
                                        published=row["published"], id=row["id"]), pack)
        with store.transaction() as conn:
            replace_document_extraction(
                conn, row["id"], sentences=[(s.idx, s.start, s.end, s.text)
                                            for s in ext.work.sentences],
                statements=ext.statements, sources=ext.sources(), pack=pack,
                version=extractor_version(pack))


def test_incremental_run_only_refuses_the_touched_neighbourhood(tmp_path: Path,
                                                                store: Store) -> None:
    ingest_and_extract(store, write_reports(tmp_path / "a", ["hotel-day.txt", "djibo-day.txt"]))
    before = snapshot(store)
    _extract_without_fusing(store, write_reports(tmp_path / "b", ["hotel-month.txt"]))
    report = fuse_events(store)
    # the new report and the hotel event it joins; the Djibo abduction is not touched
    assert (report.refused, report.changed_events, report.events) == (2, 1, 2)
    after = snapshot(store)
    djibo = [k for k, v in before.items() if v[4] == "Djibo"]
    assert len(djibo) == 1 and after[djibo[0]] == before[djibo[0]]
    again = fuse_events(store)
    assert (again.refused, again.changed_events) == (0, 0)  # nothing left queued


def test_full_rebuild_and_reextraction_change_nothing(tmp_path: Path, store: Store) -> None:
    ingest_and_extract(store, write_reports(tmp_path / "all", ALL))
    expected, ids = snapshot(store), event_ids_by_origin(store)
    report = fuse_events(store, full=True)
    assert report.full and report.document_events == 4 and report.events == 2
    assert snapshot(store) == expected and event_ids_by_origin(store) == ids
    extract_pending(store, force=True)
    assert snapshot(store) == expected and event_ids_by_origin(store) == ids


def test_a_store_without_fusion_state_is_rebuilt(tmp_path: Path, store: Store) -> None:
    """Stores written before incremental fusion (no fusion_mentions) rebuild on first use."""
    ingest_and_extract(store, write_reports(tmp_path / "all", ALL))
    expected = snapshot(store)
    with store.transaction() as conn:
        conn.execute(delete(schema.fusion_keys))
        conn.execute(delete(schema.fusion_mentions))
    report = fuse_events(store)
    assert report.full
    assert snapshot(store) == expected


def test_a_report_that_no_longer_yields_the_event_leaves_it(tmp_path: Path, store: Store) -> None:
    """Re-extraction that finds nothing in one document: its source leaves the fused event,
    which is re-assembled from the other reports (no stale source, no stale figure)."""
    from sitrep.pack import load_pack
    from sitrep.pipeline import extractor_version
    from sitrep.store.events import replace_document_extraction

    ingest_and_extract(store, write_reports(tmp_path / "a", ["hotel-day.txt", "hotel-year.txt"]))
    (hotel,) = event_ids_by_origin(store)["hotel-day.txt"]
    with store.reader() as conn:
        doc = conn.execute(select(schema.documents.c.id).where(
            schema.documents.c.origin.like("%hotel-day.txt"))).scalar_one()
    pack = load_pack()
    with store.transaction() as conn:
        replace_document_extraction(conn, doc, sentences=[], statements=[], sources=[],
                                    pack=pack, version=extractor_version(pack))
    fuse_events(store, pack)
    by = event_ids_by_origin(store)
    assert "hotel-day.txt" not in by and by["hotel-year.txt"] == {hotel}  # id kept
    with store.reader() as conn:
        row = conn.execute(select(schema.events)).mappings().one()
    assert (row["date_precision"], row["fatalities_low"]) == ("year", 30)  # the year report's


def test_writing_events_in_small_rounds_gives_the_same_events(
        tmp_path: Path, make_store: Callable[[str], Store],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Big batches are assembled a few thousand events at a time (memory); the round size
    must not change what is written."""
    import sitrep.fusion.apply as apply

    whole = make_store("whole")
    ingest_and_extract(whole, write_reports(tmp_path / "whole", ALL))
    monkeypatch.setattr(apply, "PUBLISH_CHUNK", 1)
    rounds = make_store("rounds")
    ingest_and_extract(rounds, write_reports(tmp_path / "rounds", ALL))
    assert snapshot(rounds) == snapshot(whole)
    fuse_events(rounds, full=True)
    assert snapshot(rounds) == snapshot(whole)


def test_a_cluster_whose_names_are_all_taken_gets_a_fresh_id(store: Store) -> None:
    """Mention "m" founded event "m", then moved to event "big" (itself named after "m" alone
    when "m" was a singleton whose own id was taken); event "m" kept its other members.
    Re-fused as a cluster of its own, "m" can take neither: it gets a fresh id instead of
    failing (found by ingesting a growing store in batches)."""
    from sitrep.fusion.apply import _assign_ids
    from sitrep.fusion.cluster import Cluster, MentionRecord
    from sitrep.model import stable_id, utcnow

    def cluster(*ids: str) -> Cluster:
        return Cluster([MentionRecord(mention_id=i, document_id=f"doc-{i}") for i in ids])

    big = stable_id("event", "m")
    before: dict[str, str | None] = {"m": big, "b1": big, "b2": big, "x1": "m", "x2": "m"}
    with store.transaction() as conn:
        conn.execute(schema.events.insert(), [{"id": e, "background": False,
                                               "updated_at": utcnow()} for e in (big, "m")])
        named = dict((tuple(ms), e) for e, ms in _assign_ids(
            conn, [cluster("b1", "b2"), cluster("x1", "x2"), cluster("m")], before,
            {big, "m"}))
    assert named[("b1", "b2")] == big and named[("x1", "x2")] == "m"
    assert named[("m",)] not in {big, "m"}
    assert len(set(named.values())) == 3


def test_event_ids_do_not_depend_on_the_clock(tmp_path: Path,
                                              make_store: Callable[[str], Store]) -> None:
    """Extraction (and so its fusion rounds and the names of new events) follows the ingest
    run and the document id, not ``ingested_at`` (whose seconds fall where they fall)."""
    from sqlalchemy import update

    folder = write_reports(tmp_path / "all", ALL)
    ids = []
    for name, stamp in (("early", "2026-01-01T00:00:0{i}"), ("late", "2026-01-01T00:00:0{j}")):
        store = make_store(name)
        ingest(store, [folder])
        with store.transaction() as conn:  # the clock ticks between documents, differently
            docs = sorted(conn.execute(select(schema.documents.c.id)).scalars())
            for i, doc in enumerate(docs):
                conn.execute(update(schema.documents).where(schema.documents.c.id == doc)
                             .values(ingested_at=stamp.format(i=i, j=len(docs) - i)))
        extract_pending(store, batch=1, fuse_every=1)
        with store.reader() as conn:
            ids.append(set(conn.execute(select(schema.events.c.id)).scalars()))
    assert ids[0] == ids[1] and ids[0]
