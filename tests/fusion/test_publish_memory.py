"""What bounds fusion's memory when it writes events: slices by document events, shared
strings in the statements it reads. Neither may change what is written."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from fusion_reports import REPORTS, ingest_and_extract, snapshot, write_reports
from sqlalchemy import select

from sitrep.fusion import apply
from sitrep.fusion.apply import _mention_statements, _rounds, fuse_events
from sitrep.store import Store, schema

ALL = sorted(REPORTS)


def test_rounds_bound_document_events_and_keep_the_order(monkeypatch: pytest.MonkeyPatch
                                                         ) -> None:
    monkeypatch.setattr(apply, "PUBLISH_MEMBERS", 10)
    monkeypatch.setattr(apply, "PUBLISH_CHUNK", 4)
    big = [("big", [f"m{i}" for i in range(25)])]  # one event bigger than a round
    named = big + [(f"e{i}", [f"a{i}", f"b{i}", f"c{i}"]) for i in range(7)] + [
        (f"s{i}", [f"x{i}"]) for i in range(9)]
    parts = list(_rounds(named))
    assert [e for part in parts for e in part] == named  # every event once, in order
    assert parts[0] == big  # alone: never split, never joined
    for part in parts[1:]:
        assert 0 < len(part) <= 4
        assert sum(len(ms) for _, ms in part) <= 10
    assert [len(p) for p in parts] == [1, 3, 3, 4, 4, 2]


def test_small_rounds_by_document_events_write_the_same_events(
        tmp_path: Path, make_store: Callable[[str], Store],
        monkeypatch: pytest.MonkeyPatch) -> None:
    whole = make_store("whole")
    ingest_and_extract(whole, write_reports(tmp_path / "whole", ALL))
    calls: list[int] = []
    real = apply._write_events
    monkeypatch.setattr(apply, "PUBLISH_MEMBERS", 1)
    monkeypatch.setattr(apply, "_write_events",
                        lambda conn, pack, named, stmts_of: calls.append(len(named))
                        or real(conn, pack, named, stmts_of))
    rounds = make_store("rounds")
    ingest_and_extract(rounds, write_reports(tmp_path / "rounds", ALL))
    assert calls and max(calls) == 1 and len(calls) == len(snapshot(whole))
    assert snapshot(rounds) == snapshot(whole)
    fuse_events(rounds, full=True)
    assert snapshot(rounds) == snapshot(whole)


def test_statements_read_for_publishing_share_their_repeated_strings(
        tmp_path: Path, store: Store) -> None:
    ingest_and_extract(store, write_reports(tmp_path / "r", ["hotel-day.txt"]))
    fm, st = schema.fusion_mentions, schema.statements
    with store.reader() as conn:
        ids = list(conn.execute(select(fm.c.mention_id)).scalars())
        got = _mention_statements(conn, ids)
        stored = {r["id"]: r for r in conn.execute(
            select(st).where(st.c.subject.like("mention:%"))).mappings()}
    statements = [s for stmts in got.values() for s in stmts]
    assert len(statements) == len(stored)
    for s in statements:  # equal to the rows...
        row = stored[s.id]
        assert (s.subject, s.property, s.value, s.document_id, s.start, s.end, s.quote,
                s.attribution, s.modality, s.confidence, s.extractor) == tuple(
            row[k] for k in ("subject", "property", "value", "document_id", "start", "end",
                             "quote", "attribution", "modality", "confidence", "extractor"))
    by_quote: dict[str, set[int]] = {}
    for s in statements:
        by_quote.setdefault(s.quote, set()).add(id(s.quote))
    # ...and a sentence quoted by several statements is held once
    assert any(len([s for s in statements if s.quote == q]) > 1 for q in by_quote)
    assert all(len(objects) == 1 for objects in by_quote.values())
