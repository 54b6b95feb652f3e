"""Fusion cost on synthetic event records: near-linear in the batch, constant per new report.

Not a test: run it by hand (`python scripts/bench_fusion.py`; `--sizes 10000 100000 1000000`).

Part 1 (clustering): N synthetic document-event records (``MentionRecord``) describing about
N/2.2 real events — each reported one to five times with day, month or year precision, at the
town or only at the country level, with or without a named site and named actors — are fused by
``sitrep.fusion.cluster.cluster_mentions``. Regions are added as N grows so that the density of
events per region and day stays that of a busy conflict (``--per-region-year``): a bigger corpus
covers more of the world, not more events per day in one town. Reported: seconds, microseconds
per record, compatibility checks per record (what blocking keeps bounded), and B-cubed
precision/recall against the true events.

Part 2 (store): a real SQLite store (real migrations) holding N queued document events with
their statements is fused by ``fuse_events`` (the batch path), then single new reports — of a
known event, or of a new one — are added and fused one at a time (the incremental path):
seconds per new report and how many document events each run re-fused.

Results go to bench-results/fusion-<time>.json.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import statistics
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sitrep.fusion import cluster as cluster_module  # noqa: E402
from sitrep.fusion.cluster import MentionRecord, cluster_mentions  # noqa: E402
from sitrep.pipeline.dates import period_interval  # noqa: E402

TYPES = (("Violence against civilians", "Attack"), ("Battles", "Armed clash"),
         ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
         ("Explosions/Remote violence", "Air/drone strike"),
         ("Strategic developments", "Arrests"), ("Protests", "Peaceful protest"))
START = date(2015, 1, 1)
YEARS = 5


class World:
    """Synthetic regions, each with towns (coordinates, admin1), actors and named sites."""

    def __init__(self, regions: int, rng: random.Random) -> None:
        self.regions = []
        for r in range(regions):
            lat0, lon0 = rng.uniform(-30, 40), rng.uniform(-20, 50)
            towns = [(f"town-{r}-{t}", f"place:{r}:{t}", lat0 + rng.uniform(0, 6),
                      lon0 + rng.uniform(0, 6), f"admin-{r}-{t % 8}") for t in range(150)]
            self.regions.append({"country": f"Region {r}", "towns": towns,
                                 "actors": [f"group-{r}-{a}" for a in range(25)]})


def synthetic_records(n: int, *, seed: int = 7, per_region_year: int = 1500
                      ) -> tuple[list[MentionRecord], dict[str, int]]:
    """``n`` records and the true event of each."""
    rng = random.Random(seed)
    n_events = max(1, int(n / 2.2))
    regions = max(1, round(n_events / (per_region_year * YEARS)))
    world = World(regions, rng)
    days = max(30, round(365 * n_events / (regions * per_region_year)))  # constant density
    records: list[MentionRecord] = []
    truth: dict[str, int] = {}
    e = 0
    while len(records) < n:
        region = rng.choice(world.regions)
        day = START + timedelta(days=rng.randrange(days))
        town = rng.choice(region["towns"])
        etype, sub = rng.choice(TYPES)
        actors = rng.sample(region["actors"], rng.choice((0, 1, 1, 2)))
        site = f"site {e}" if rng.random() < 0.15 else None
        for k in range(min(5, 1 + int(rng.expovariate(1 / 1.2)))):
            if len(records) >= n:
                break
            precision = rng.choices(("day", "month", "year"), (0.75, 0.18, 0.07))[0]
            value = {"day": day.isoformat(), "month": day.isoformat()[:7],
                     "year": str(day.year)}[precision]
            first, last = period_interval(date.fromisoformat(
                value + {"day": "", "month": "-01", "year": "-01-01"}[precision]), precision)
            coarse = rng.random() < 0.2
            name, pid, lat, lon, admin1 = town
            rec = MentionRecord(
                mention_id=f"m{e}-{k}", document_id=f"d{e}-{k}", date_start=first,
                date_end=last, precision=precision, country=region["country"],
                admin1=None if coarse else admin1,
                place=region["country"].lower() if coarse else name,
                place_id=None if coarse else pid, latitude=None if coarse else lat,
                longitude=None if coarse else lon, geo_precision=3 if coarse else 1,
                event_type=etype, sub_event_type=sub,
                actors=frozenset(a for a in actors if rng.random() < 0.8),
                keywords=frozenset([site]) if site and rng.random() < 0.8 else frozenset())
            records.append(rec)
            truth[rec.mention_id] = e
        e += 1
    return records, truth


def bcubed(clusters: list[Any], truth: dict[str, int]) -> tuple[float, float]:
    size = Counter(truth.values())
    p = r = 0.0
    for cl in clusters:
        counts = Counter(truth[m.mention_id] for m in cl.members)
        for m in cl.members:
            same = counts[truth[m.mention_id]]
            p += same / len(cl.members)
            r += same / size[truth[m.mention_id]]
    return p / len(truth), r / len(truth)


def bench_clustering(n: int) -> dict[str, Any]:
    records, truth = synthetic_records(n)
    calls = 0
    real = cluster_module.compatibility

    def counted(a: MentionRecord, b: MentionRecord) -> float | None:
        nonlocal calls
        calls += 1
        return real(a, b)

    cluster_module.compatibility = counted  # type: ignore[assignment]
    try:
        t0, c0 = time.perf_counter(), time.process_time()
        clusters = cluster_mentions(records)
        seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    finally:
        cluster_module.compatibility = real  # type: ignore[assignment]
    precision, recall = bcubed(clusters, truth)
    out = {"records": n, "true_events": len(set(truth.values())), "events": len(clusters),
           "seconds": round(seconds, 3), "cpu_seconds": round(cpu, 3),
           "us_per_record": round(seconds / n * 1e6, 1),
           "cpu_us_per_record": round(cpu / n * 1e6, 1),
           "checks_per_record": round(calls / n, 2), "bcubed_precision": round(precision, 4),
           "bcubed_recall": round(recall, 4)}
    print(f"cluster {n:>9,} records: {seconds:7.2f} s (cpu {cpu:6.2f} s)  "
          f"{out['cpu_us_per_record']:6.1f} cpu µs/record  "
          f"{out['checks_per_record']:5.2f} checks/record  B3 P={precision:.3f} R={recall:.3f}")
    return out


# ------------------------------------------------------------------------------ store path


def _statements(rec: MentionRecord) -> list[dict[str, Any]]:
    subject = f"mention:{rec.mention_id}"
    value = {"day": rec.date_start.isoformat(), "month": rec.date_start.isoformat()[:7],
             "year": str(rec.date_start.year)}[rec.precision or "day"]  # type: ignore[union-attr]
    props = [("event", rec.mention_id), ("trigger", "attack:attacked"),
             ("event_type", rec.event_type), ("sub_event_type", rec.sub_event_type),
             ("date", value), ("date_end", rec.date_end.isoformat())]  # type: ignore[union-attr]
    props += [("actor1", a) for a in sorted(rec.actors)]
    return [{"id": f"{rec.mention_id}:{i}", "subject": subject, "property": p, "value": v,
             "document_id": rec.document_id, "start": 0, "end": 8,
             "quote": "Gunmen attacked a village.", "modality": "asserted", "confidence": 1.0,
             "extractor": "bench", "created_at": "2026-01-01T00:00:00Z"}
            for i, (p, v) in enumerate(props)]


def _queue(store: Any, recs: list[MentionRecord]) -> None:
    """What extraction writes for these document events (documents included)."""
    from sitrep.fusion.records import key_rows, to_json
    from sitrep.store import schema

    with store.transaction() as conn:
        for i in range(0, len(recs), 5000):
            part = recs[i:i + 5000]
            conn.execute(schema.documents.insert(), [
                {"id": r.document_id, "origin": f"{r.document_id}.txt", "text": "x",
                 "ingested_at": "2026-01-01T00:00:00Z"} for r in part])
            conn.execute(schema.statements.insert(), [s for r in part for s in _statements(r)])
            conn.execute(schema.fusion_mentions.insert(), [
                {"mention_id": r.mention_id, "document_id": r.document_id, "event_id": None,
                 "record": to_json(r), "sources": json.dumps([{
                     "mention_id": r.mention_id, "start": 0, "end": 26,
                     "quote": "Gunmen attacked a village."}])} for r in part])
            conn.execute(schema.fusion_keys.insert(), [k for r in part for k in key_rows(r)])


def bench_store(n: int, new_reports: int = 10) -> dict[str, Any]:
    from sitrep.fusion.apply import fuse_events
    from sitrep.pack import load_pack
    from sitrep.store import Store

    pack = load_pack()
    records, truth = synthetic_records(n + 2 * new_reports, seed=11)
    # hold back reports: half of known events (a later report of them), half of new events
    by_event: dict[int, list[MentionRecord]] = {}
    for r in records:
        by_event.setdefault(truth[r.mention_id], []).append(r)
    multi = [ms[-1] for ms in by_event.values() if len(ms) > 1][:new_reports]
    single = [ms[0] for ms in by_event.values() if len(ms) == 1][-new_reports:]
    held = {r.mention_id for r in multi + single}
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "fusion.db")
        t0 = time.perf_counter()
        _queue(store, [r for r in records if r.mention_id not in held])
        load_s = time.perf_counter() - t0
        c0 = time.process_time()
        batch = fuse_events(store, pack)
        batch_cpu = time.process_time() - c0
        runs = []
        for rec in multi + single:
            _queue(store, [rec])
            c0 = time.process_time()
            rep = fuse_events(store, pack)
            runs.append({"known_event": rec in multi, "seconds": round(rep.seconds, 4),
                         "cpu_seconds": round(time.process_time() - c0, 4),
                         "refused": rep.refused, "events_after": rep.events})
        store.close()
    inc = [r["cpu_seconds"] for r in runs]
    out = {"document_events": batch.document_events, "events": batch.events,
           "load_seconds": round(load_s, 2), "batch_seconds": round(batch.seconds, 2),
           "batch_cpu_seconds": round(batch_cpu, 2),
           "batch_us_per_document_event": round(batch.seconds / batch.document_events * 1e6, 1),
           "incremental_median_cpu_seconds": round(statistics.median(inc), 4),
           "incremental_max_cpu_seconds": round(max(inc), 4),
           "incremental_median_refused": statistics.median(r["refused"] for r in runs),
           "runs": runs}
    print(f"store   {batch.document_events:>9,} doc events: batch fusion {batch.seconds:7.2f} s "
          f"(cpu {batch_cpu:.2f} s); one new report: median "
          f"{out['incremental_median_cpu_seconds'] * 1000:.1f} cpu ms (max "
          f"{out['incremental_max_cpu_seconds'] * 1000:.1f}), re-fusing a median of "
          f"{out['incremental_median_refused']} document events")
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000],
                        help="record counts for the clustering part (default 10k 100k)")
    parser.add_argument("--store-sizes", type=int, nargs="*", default=[10_000, 100_000],
                        help="document-event counts for the store part (none to skip)")
    parser.add_argument("--new-reports", type=int, default=10,
                        help="reports of known events, and as many of new ones, added one at a "
                             "time to each store (default 10)")
    parser.add_argument("--out", default=str(ROOT / "bench-results"), help="results folder")
    args = parser.parse_args(argv)
    result: dict[str, Any] = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {"python": platform.python_version(), "platform": platform.platform(),
                    "processor": platform.processor() or platform.machine()},
        "clustering": [bench_clustering(n) for n in args.sizes],
        "store": [bench_store(n, args.new_reports) for n in args.store_sizes],
    }
    base = result["clustering"][0]
    for row in result["clustering"]:
        row["cpu_cost_ratio_vs_smallest"] = round(
            row["cpu_us_per_record"] / base["cpu_us_per_record"], 2)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"fusion-{datetime.now(UTC).strftime('%Y%m%dT%H%M%SZ')}.json"
    path.write_text(json.dumps(result, indent=2))
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
