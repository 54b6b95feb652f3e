"""Smoke test of the benchmark scripts on a few documents and a few thousand events.

The benchmarks themselves are never part of the test suite; this only checks that they still
run against the current library and that what they measure is real (documents stored,
duplicates caught, reads answered)."""

from __future__ import annotations

import importlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def scripts() -> Iterator[tuple[Any, Any]]:
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        yield importlib.import_module("bench"), importlib.import_module("bench_queries")
    finally:
        sys.path.remove(str(ROOT / "scripts"))


def test_generator_makes_distinct_documents_and_marked_wire_copies(scripts) -> None:
    bench, _ = scripts
    docs = list(bench.synthetic_documents(300, near_dup_share=0.1, include_seeds=False))
    copies = [d for d in docs if d["source"] == "wire copy"]
    originals = [d for d in docs if d["source"] != "wire copy"]
    assert len({d["id"] for d in docs}) == 300
    assert 10 <= len(copies) <= 60
    assert len({d["text"] for d in originals}) == len(originals)  # every original differs
    assert len({d["published"] for d in originals}) > 100  # spread over many dates


def test_throughput_run_stores_documents_and_finds_the_copies(scripts, tmp_path: Path) -> None:
    bench, _ = scripts
    log = bench.ProgressLog(tmp_path / "progress.jsonl", every=5)
    result = bench.run_one(20, workdir=tmp_path, log=log, near_dup_share=0.25)
    copies = sum(1 for d in bench.synthetic_documents(20, near_dup_share=0.25)
                 if d["source"] == "wire copy")
    assert result["ingest"]["new"] == 20 and result["ingest"]["rejected"] == 0
    assert result["near_duplicates_found"] >= copies > 0
    assert result["extract"]["documents"] == 20 and result["extract"]["events"] > 0
    assert result["docs_per_s"] > 0 and 0 < result["ratio_vs_spacy_blank"] < 10
    assert result["peak_rss_mb"] > 50
    lines = (tmp_path / "progress.jsonl").read_text().splitlines()
    growth = bench.growth([json.loads(x) for x in lines], 5)
    assert [s["upto"] for s in growth["ingest"]["slices"]] == [5, 10, 15, 20]
    assert len(growth["extract"]["slices"]) == 4


def test_query_benchmark_builds_a_store_and_times_its_reads(scripts, tmp_path: Path) -> None:
    from sitrep.store import Store, queries

    _, bq = scripts
    db = tmp_path / "q.db"
    built = bq.build(db, events=3000, documents=300, statements_per_mention=2)
    assert built["rows"]["events"] == 3000 and built["rows"]["documents"] == 300
    with Store(db) as store:
        mali = queries.list_events(store, country="mali", limit=5)
        assert 0 < mali["total"] < 3000 and all(e["country"] == "Mali" for e in mali["items"])
        one = queries.get_event(store, mali["items"][0]["id"])
        assert one["sources"] and one["actors"]
    timed = bq.time_reads(db, runs=3, only=["events_by_country_month", "get_event",
                                              "network_as_of", "search_events_text"])
    assert set(timed) == {"events_by_country_month", "get_event", "network_as_of",
                          "search_events_text"}
    assert all(0 < t["p50_ms"] <= t["p95_ms"] <= t["max_ms"] for t in timed.values())
