"""Query latency on a large store: the reads the CLI, API and web UI make, on a million events.

Not a test: run it by hand (`python scripts/bench_queries.py`). Step one builds (or reuses, with
`--db`) a SQLite store holding `--events` synthetic events with their documents, sentences,
event_sources, event_actors, statements, actors and relations, shaped as src/sitrep/store/
schema.py requires; the schema itself comes from the real migrations, so every index a
migration adds is there. Rows go in with executemany in batches inside one transaction.

Step two times each typical read `--runs` times with varied arguments (country and month,
frequent and rare actors, random events, dates for the network) through the library functions
the API calls (`sitrep.store.queries`, `sitrep.store.relations`), and reports p50/p95/p99 in
milliseconds. For a read whose p95 misses the target, the slowest SQL statement it issued and
SQLite's query plan for it are kept in the report, so the fix (an index, or a rewrite) is
evident. Results go to bench-results/queries-<time>.json.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import random
import re
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from bench import PLACES, _vary, paragraph_pool  # noqa: E402

TARGET_P95_MS = 100.0
COUNTRIES = (("Mali", "ML", 0.45), ("Burkina Faso", "BF", 0.33), ("Niger", "NE", 0.18),
             ("Chad", "TD", 0.02), ("Mauritania", "MR", 0.02))
EVENT_TYPES = (("Violence against civilians", "Attack"), ("Battles", "Armed clash"),
               ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
               ("Explosions/Remote violence", "Air/drone strike"),
               ("Strategic developments", "Headquarters or base established"),
               ("Battles", "Non-state actor overtakes territory"),
               ("Protests", "Peaceful protest"), ("Riots", "Violent demonstration"))
PREDICATES = ("allied_with", "fights", "split_from", "affiliate_of", "leads", "part_of")
_SENTENCE = re.compile(r"[^.!?]+[.!?]+(?:\s+|$)")


def _hid(*parts: object) -> str:
    return hashlib.blake2b("|".join(map(str, parts)).encode(), digest_size=10).hexdigest()


def _actors() -> list[tuple[str, str, str, str | None, list[tuple[str, str | None]]]]:
    """(id, name, kind, country, aliases) from the knowledge pack, padded with synthetic
    militias so the actor table has a realistic long tail."""
    out: list[tuple[str, str, str, str | None, list[tuple[str, str | None]]]] = []
    try:
        from sitrep.pack import load_pack

        for a in load_pack().actors:
            out.append((a.id, a.name, a.kind, a.country,
                        [(x.name, x.lang) for x in a.aliases]))
    except Exception as exc:  # noqa: BLE001 - the benchmark still runs without a pack
        print(f"pack unavailable ({exc}); synthetic actors only", file=sys.stderr)
    for i in range(max(0, 600 - len(out))):
        out.append((f"bench_militia_{i:03d}", f"Self-defence militia {i}", "militia",
                    random.Random(i).choice(COUNTRIES)[1], [(f"militia {i}", "en")]))
    return out


def build(db: Path, *, events: int, documents: int, statements_per_mention: int,
          seed: int = 11, batch: int = 20000) -> dict[str, Any]:
    """A store of `events` events: schema by the real migrations, rows by executemany."""
    from sitrep.store import Store

    Store(db).close()  # create the schema with every migration (indexes included)
    rng = random.Random(seed)
    pool = paragraph_pool()
    actors = _actors()
    # Zipf-like: a few actors (national armies, JNIM, ISSP) appear in a large share of events
    weights = [1 / (rank + 1) ** 1.1 for rank in range(len(actors))]
    t0 = time.perf_counter()
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("PRAGMA cache_size=-200000")
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    counts: dict[str, int] = {}

    def put(table: str, cols: tuple[str, ...], rows: list[tuple[Any, ...]]) -> None:
        if rows:
            marks = ",".join("?" * len(cols))
            names = ",".join(f'"{c}"' for c in cols)
            conn.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)
            counts[table] = counts.get(table, 0) + len(rows)
            rows.clear()

    conn.execute("BEGIN")
    conn.execute("INSERT INTO runs (command, started_at, status) VALUES ('bench', ?, 'done')",
                 (now,))
    a_rows: list[tuple[Any, ...]] = [(i, n, k, c, json.dumps({"source": "bench"}))
                                     for i, n, k, c, _ in actors]
    put("actors", ("id", "name", "kind", "country", "data"), a_rows)
    al_rows = list({(i, al, al.lower(), lang) for i, _, _, _, als in actors
                    for al, lang in als if al})
    conn.executemany("INSERT OR IGNORE INTO aliases (actor_id, alias, norm, lang) "
                     "VALUES (?,?,?,?)", al_rows)
    # documents and their sentences (FTS triggers index both)
    doc_sents: list[tuple[str, list[tuple[int, int, str]]]] = []
    d_rows: list[tuple[Any, ...]] = []
    s_rows: list[tuple[Any, ...]] = []
    base = date(2012, 1, 1)
    for n in range(documents):
        text = _vary(rng.choice(pool), rng)
        doc_id = _hid("doc", n, text[:40])
        published = (base + timedelta(days=rng.randint(0, 5000))).isoformat()
        d_rows.append((doc_id, f"bench-{n:07d}", " ".join(text.split()[:10]), "sitrep bench",
                       published, "day", "en", text, now))
        spans = [(m.start(), m.end(), m.group().strip()) for m in _SENTENCE.finditer(text)]
        spans = spans or [(0, len(text), text)]
        s_rows += [(doc_id, i, a, b, t) for i, (a, b, t) in enumerate(spans)]
        doc_sents.append((doc_id, spans))
        if len(d_rows) >= batch:
            put("documents", ("id", "origin", "title", "source", "published",
                              "published_precision", "language", "text", "ingested_at"), d_rows)
            put("sentences", ("document_id", "idx", "start", "end", "text"), s_rows)
    put("documents", ("id", "origin", "title", "source", "published", "published_precision",
                      "language", "text", "ingested_at"), d_rows)
    put("sentences", ("document_id", "idx", "start", "end", "text"), s_rows)
    ev_rows: list[tuple[Any, ...]] = []
    es_rows: list[tuple[Any, ...]] = []
    ea_rows: list[tuple[Any, ...]] = []
    st_rows: list[tuple[Any, ...]] = []
    countries = [c for c in COUNTRIES]
    cweights = [c[2] for c in COUNTRIES]
    for n in range(events):
        event_id = _hid("event", n)
        country = rng.choices(countries, cweights)[0]
        day = base + timedelta(days=int(5000 * rng.random() ** 0.7))  # more events lately
        etype, sub = rng.choice(EVENT_TYPES)
        a1, a2 = rng.choices(actors, weights, k=2)
        dead = rng.choice((0, 0, 1, 2, 3, 5, 8, 12, 20, 35, None))
        lat, lon = 12 + rng.random() * 6, -5 + rng.random() * 9
        ev_rows.append((event_id, day.isoformat(), "day", etype, sub, a1[1], a2[1], "[]",
                        country[0], f"{rng.choice(PLACES)} region", rng.choice(PLACES),
                        lat, lon, 2, dead, dead, dead, rng.random() < 0.02,
                        "asserted", json.dumps({"actor_ids": {"actor1": [a1[0]],
                                                              "actor2": [a2[0]]}}), now))
        ea_rows += [(event_id, a1[0], "actor1"), (event_id, a2[0], "actor2")]
        for k in range(rng.choice((1, 1, 1, 2, 2, 3))):
            doc_id, spans = rng.choice(doc_sents)
            a, b, quote = rng.choice(spans)
            mention = _hid("mention", n, k)
            es_rows.append((event_id, mention, doc_id, a, b, quote))
            props = (("event", event_id), ("event_type", etype), ("date", day.isoformat()),
                     ("fatalities", str(dead)))[:statements_per_mention]
            st_rows += [(_hid("st", mention, p), f"mention:{mention}", p, v, doc_id, a, b,
                         quote, "asserted", 1.0, "bench", now) for p, v in props]
        if len(ev_rows) >= batch:
            _flush_events(put, ev_rows, es_rows, ea_rows, st_rows)
    _flush_events(put, ev_rows, es_rows, ea_rows, st_rows)
    r_rows = []
    for n in range(1000):
        s, o = rng.sample(actors[:300], 2)
        start = base + timedelta(days=rng.randint(0, 4500))
        end = (start + timedelta(days=rng.randint(30, 2000))).isoformat() \
            if rng.random() < 0.5 else None
        pred = rng.choice(PREDICATES)
        r_rows.append((_hid("rel", s[0], pred, o[0], n), s[0], pred, o[0], start.isoformat(),
                       "day", end, "day" if end else None, "asserted", "text",
                       json.dumps({"statements": []})))
    put("relations", ("id", "subject", "predicate", "object", "start", "start_precision", "end",
                      "end_precision", "modality", "origin", "data"), r_rows)
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    conn.close()
    return {"seconds": round(time.perf_counter() - t0, 1), "rows": counts,
            "db_mb": round(sum(f.stat().st_size for f in db.parent.glob(db.name + "*")) / 2**20)}


def _flush_events(put: Callable[..., None], ev: list[Any], es: list[Any], ea: list[Any],
                  st: list[Any]) -> None:
    put("events", ("id", "event_date", "date_precision", "event_type", "sub_event_type",
                   "actor1", "actor2", "claimed_by", "country", "admin1", "location",
                   "latitude", "longitude", "geo_precision", "fatalities", "fatalities_low",
                   "fatalities_high", "background", "modality", "data", "updated_at"), ev)
    put("event_sources", ("event_id", "mention_id", "document_id", "start", "end", "quote"), es)
    put("event_actors", ("event_id", "actor_id", "role"), ea)
    put("statements", ("id", "subject", "property", "value", "document_id", "start", "end",
                       "quote", "modality", "confidence", "extractor", "created_at"), st)


# ------------------------------------------------------------------------------ timing


class SqlLog:
    """Every SQL statement a read issues, with its time: where a slow read spends it."""

    def __init__(self, engine: Any) -> None:
        from sqlalchemy import event

        self.calls: list[tuple[float, str, Any]] = []
        self._t: list[float] = []
        event.listen(engine, "before_cursor_execute", self._before)
        event.listen(engine, "after_cursor_execute", self._after)

    def _before(self, *_a: Any) -> None:
        self._t.append(time.perf_counter())

    def _after(self, _conn: Any, _cur: Any, statement: str, params: Any, *_a: Any) -> None:
        self.calls.append((time.perf_counter() - self._t.pop(), statement, params))


def reads(store: Any, db: Path, rng: random.Random) -> dict[str, Callable[[], Any]]:
    """The typical reads, each a closure drawing fresh arguments on every call."""
    from sitrep.store import queries, relations

    conn = sqlite3.connect(db)
    top = [r[0] for r in conn.execute("SELECT actor_id, count(*) c FROM event_actors "
                                      "GROUP BY actor_id ORDER BY c DESC LIMIT 400")]
    names = dict(conn.execute("SELECT id, name FROM actors"))
    n_events = conn.execute("SELECT max(rowid) FROM events").fetchone()[0]
    rowids = [rng.randint(1, n_events) for _ in range(500)]
    some_events = [r[0] for r in conn.execute(
        f"SELECT id FROM events WHERE rowid IN ({','.join('?' * len(rowids))})", rowids)]
    conn.close()

    def event_id() -> str:
        return rng.choice(some_events)

    def month() -> str:
        return f"{rng.randint(2015, 2025)}-{rng.randint(1, 12):02d}"

    def day() -> str:
        return f"{month()}-{rng.randint(1, 28):02d}"

    def frequent() -> str:
        return rng.choice(top[:10])

    def rare() -> str:
        return rng.choice(top[200:])

    word = lambda: rng.choice(PLACES).split()[0]  # noqa: E731
    return {
        "events_by_country_month": lambda: queries.list_events(
            store, country=rng.choice(("Mali", "Burkina Faso", "Niger")),
            date_from=(m := month()), date_to=m),
        "events_by_country_year_by_fatalities": lambda: queries.list_events(
            store, country=rng.choice(("mali", "niger")), date_from=str(rng.randint(2014, 2025)),
            date_to=None, sort="-fatalities"),
        "events_latest_page": lambda: queries.list_events(store, offset=rng.randint(0, 4) * 50),
        "events_of_frequent_actor": lambda: queries.list_events(store, actor=frequent()),
        "events_of_rare_actor": lambda: queries.list_events(store, actor=rare()),
        "events_of_actor_by_name_month": lambda: queries.list_events(
            store, actor=names.get(a := frequent(), a), date_from=(m := month()), date_to=m),
        "actor_page_frequent": lambda: queries.get_actor(store, frequent(), events_limit=200),
        "actor_page_rare": lambda: queries.get_actor(store, rare(), events_limit=200),
        "get_event": lambda: queries.get_event(store, event_id()),
        "network_as_of": lambda: queries.network(store, as_of=day()),
        "relation_records_as_of": lambda: list(relations.iter_relation_records(
            store, as_of=day())),
        "search_events_text": lambda: queries.list_events(store, q=word()),
        "search_events_text_country_month": lambda: queries.list_events(
            store, q=word(), country="Mali", date_from=(m := month()), date_to=m),
        "search_documents": lambda: queries.list_documents(store, q=word()),
        "stats": lambda: queries.stats(store),
        "overview": lambda: queries.overview(store),
        "actors_by_events": lambda: queries.list_actors(store, limit=50, sort="-events"),
    }


def time_reads(db: Path, *, runs: int, only: list[str] | None, seed: int = 5
               ) -> dict[str, Any]:
    from sitrep.store import Store

    rng = random.Random(seed)
    store = Store(db)  # one store for every read, as the API server holds one
    log = SqlLog(store.engine)
    calls = reads(store, db, rng)
    results: dict[str, Any] = {}
    for name, call in calls.items():
        if only and name not in only:
            continue
        call()  # warm the page cache and the pack
        times, slowest = [], (0.0, "", None)
        for _ in range(runs):
            log.calls.clear()
            t0 = time.perf_counter()
            call()
            times.append(1000 * (time.perf_counter() - t0))
            top_sql = max(log.calls, default=(0.0, "", None), key=lambda c: c[0])
            if top_sql[0] > slowest[0]:
                slowest = top_sql
        q = statistics.quantiles(times, n=100, method="inclusive")
        entry: dict[str, Any] = {"runs": runs, "p50_ms": round(q[49], 1),
                                 "p95_ms": round(q[94], 1), "p99_ms": round(q[98], 1),
                                 "max_ms": round(max(times), 1)}
        entry["meets_target"] = entry["p95_ms"] < TARGET_P95_MS
        if not entry["meets_target"] and slowest[1]:
            entry["slowest_sql_ms"] = round(1000 * slowest[0], 1)
            entry["slowest_sql"] = " ".join(slowest[1].split())[:700]
            entry["plan"] = _plan(db, slowest[1], slowest[2])
        results[name] = entry
        print(f"{name:40s} p50 {entry['p50_ms']:8.1f}  p95 {entry['p95_ms']:8.1f}  "
              f"p99 {entry['p99_ms']:8.1f} ms", file=sys.stderr)
    store.close()
    return results


def _plan(db: Path, sql: str, params: Any) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return [r[-1] for r in conn.execute("EXPLAIN QUERY PLAN " + sql, params or ())]
    except sqlite3.Error as exc:
        return [f"(no plan: {exc})"]
    finally:
        conn.close()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--db", default=str(ROOT / "bench-results" / "million.db"),
                        help="store to build or reuse (default bench-results/million.db)")
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--documents", type=int, default=250_000)
    parser.add_argument("--statements-per-mention", type=int, default=2, choices=range(1, 5))
    parser.add_argument("--rebuild", action="store_true", help="rebuild even if --db exists")
    parser.add_argument("--runs", type=int, default=50, help="timed runs per read (default 50)")
    parser.add_argument("--only", help="comma-separated read names to time")
    parser.add_argument("--out", default=str(ROOT / "bench-results"), help="results folder")
    args = parser.parse_args(argv)
    db = Path(args.db)
    db.parent.mkdir(parents=True, exist_ok=True)
    built = None
    if args.rebuild or not db.exists():
        for f in db.parent.glob(db.name + "*"):
            f.unlink()
        built = build(db, events=args.events, documents=args.documents,
                      statements_per_mention=args.statements_per_mention)
        print(f"built {db} in {built['seconds']} s: {built['rows']}", file=sys.stderr)
    else:
        from sitrep.store import Store

        Store(db).close()  # apply any new migration (an index) to the existing store
        sqlite3.connect(db).execute("ANALYZE").connection.close()
    timings = time_reads(db, runs=args.runs, only=args.only.split(",") if args.only else None)
    conn = sqlite3.connect(db)
    size = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # noqa: S608
            for t in ("events", "event_sources", "event_actors", "documents", "statements",
                      "relations", "actors")}
    migrations = [r[0] for r in conn.execute("SELECT name FROM migrations ORDER BY name")]
    conn.close()
    report = {
        "measured_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "machine": {"python": platform.python_version(), "platform": platform.platform(),
                    "cpus": os.cpu_count(), "sqlite": sqlite3.sqlite_version},
        "store": {"path": str(db), "rows": size, "migrations": migrations, "build": built},
        "target_p95_ms": TARGET_P95_MS,
        "reads": timings,
        "missed": sorted(k for k, v in timings.items() if not v["meets_target"]),
    }
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    (out / f"queries-{stamp}.json").write_text(json.dumps(report, indent=2) + "\n")
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
