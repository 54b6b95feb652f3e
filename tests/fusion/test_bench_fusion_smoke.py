"""Smoke test of scripts/bench_fusion.py at 1k records (the benchmark itself is run by hand)."""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_fusion_benchmark_runs_and_measures_real_work(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        bench = importlib.import_module("bench_fusion")
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    bench.main(["--sizes", "1000", "--store-sizes", "300", "--new-reports", "2",
                "--out", str(tmp_path)])
    (out,) = tmp_path.glob("fusion-*.json")
    result = json.loads(out.read_text())
    (row,) = result["clustering"]
    assert row["records"] == 1000 and row["events"] < 1000  # reports were fused
    assert row["bcubed_precision"] > 0.8 and row["bcubed_recall"] > 0.8
    assert 0 < row["checks_per_record"] < 100  # blocking: never all pairs
    (store,) = result["store"]
    assert store["document_events"] == 300 and len(store["runs"]) == 4
    assert store["runs"][-1]["events_after"] < 304


def test_incremental_fusion_equals_one_full_clustering(tmp_path: Path) -> None:
    """Dense synthetic records (chains of vague reports included) queued in a batch and then
    one at a time give exactly the clusters of one ``cluster_mentions`` over all of them."""
    import random

    from sqlalchemy import select

    from sitrep.fusion.apply import fuse_events
    from sitrep.fusion.cluster import cluster_mentions
    from sitrep.pack import load_pack
    from sitrep.store import Store, schema

    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        bench = importlib.import_module("bench_fusion")
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    records, _ = bench.synthetic_records(1200, seed=5, per_region_year=6000)
    random.Random(1).shuffle(records)
    store = Store(tmp_path / "synthetic.db")
    pack = load_pack()
    bench._queue(store, records[:-25])
    fuse_events(store, pack)
    for rec in records[-25:]:
        bench._queue(store, [rec])
        fuse_events(store, pack)
    fm = schema.fusion_mentions
    groups: dict[str, set[str]] = {}
    with store.reader() as conn:
        for mid, event in conn.execute(select(fm.c.mention_id, fm.c.event_id)):
            groups.setdefault(event, set()).add(mid)
    store.close()
    expected = {frozenset(m.mention_id for m in c.members) for c in cluster_mentions(records)}
    assert {frozenset(g) for g in groups.values()} == expected
    assert len(expected) < 1000  # the reports did fuse
