"""PostgreSQL as the shared-server store: the same migrations, pipeline and read queries give
the same answers as SQLite, on a real throwaway cluster (``postgres_url`` in conftest.py)."""

from __future__ import annotations

import json
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from click.testing import CliRunner
from sqlalchemy import func, insert, select, text

from sitrep.api import create_app
from sitrep.cli import cli
from sitrep.errors import SitrepError
from sitrep.model import utcnow
from sitrep.pipeline import extract_pending
from sitrep.sources import ingest
from sitrep.store import Store, schema
from sitrep.store.documents import iter_document_records
from sitrep.store.events import iter_event_records
from sitrep.store.migrations import MIGRATIONS, apply_migrations
from sitrep.store.queries import (
    EVENT_SORTS,
    get_actor,
    get_document,
    get_event,
    list_actors,
    list_documents,
    list_events,
    list_relations,
    network,
    overview,
    stats,
)
from sitrep.store.relations import iter_relation_records

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "corpus" / "demo"


def comparable(value: Any) -> Any:
    """A read's answer without what differs by when it ran (``*_at`` timestamps, durations)."""
    if isinstance(value, dict):
        return {k: comparable(v) for k, v in value.items()
                if not k.endswith("_at") and k != "seconds"}
    if isinstance(value, list | tuple):
        return [comparable(v) for v in value]
    return value


def same(a: Any, b: Any) -> bool:
    """Equal once timestamps are dropped, as JSON: a backend-specific type (a Decimal where
    SQLite gives an int) fails here as it would in the API's JSON."""
    return json.dumps(comparable(a), sort_keys=True) == json.dumps(comparable(b), sort_keys=True)


# ------------------------------------------------------------------------------ migrations


def test_migrations_apply_and_are_idempotent(postgres_url: str) -> None:
    with Store(postgres_url) as store:
        assert store.dialect == "postgresql"
        with store.reader() as conn:
            done = list(conn.execute(select(schema.migrations.c.name)).scalars())
            tables = set(conn.execute(text(
                "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")).scalars())
            indexes = set(conn.execute(text(
                "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()")).scalars())
    assert sorted(done) == sorted(name for name, _ in MIGRATIONS)
    assert {t.name for t in schema.metadata.sorted_tables} <= tables
    assert {"ix_documents_fts", "ix_documents_title_fts", "ix_sentences_fts"} <= indexes
    # a second open (and a direct second run) applies nothing and changes nothing
    with Store(postgres_url) as again, again.transaction() as conn:
        assert apply_migrations(conn) == []
        assert conn.execute(select(func.count()).select_from(schema.migrations)
                            ).scalar_one() == len(MIGRATIONS)


def test_stores_opening_a_fresh_database_at_once_all_succeed(postgres_url: str) -> None:
    """A shared server: several sitrep processes start on an empty database together; an
    advisory lock lets one migrate while the others wait (without it, CREATE TABLE races).
    Threads stand in for processes: each Store has its own engine and connections."""
    start, errors = threading.Barrier(4), []

    def open_store() -> None:
        start.wait()
        try:
            Store(postgres_url).close()
        except Exception as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=open_store) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert errors == []
    with Store(postgres_url) as store, store.reader() as conn:
        assert conn.execute(select(func.count()).select_from(schema.migrations)
                            ).scalar_one() == len(MIGRATIONS)


def test_a_store_from_before_the_postgres_migrations_catches_up(postgres_url: str) -> None:
    """A PostgreSQL store made when 0002 and 0032 did nothing there gets their indexes and
    triggers from 0070, and its text search works."""
    Store(postgres_url).close()
    with Store(postgres_url, migrate=False) as old, old.transaction() as conn:
        for stmt in ("DROP INDEX ix_documents_fts", "DROP INDEX ix_documents_title_fts",
                     "DROP INDEX ix_sentences_fts", "DROP TEXT SEARCH CONFIGURATION sitrep_text",
                     "DROP TRIGGER event_actors_event_date ON event_actors",
                     "DELETE FROM migrations WHERE name = '0070_postgres_parity'"):
            conn.execute(text(stmt))
    with Store(postgres_url) as store:
        with store.transaction() as conn:
            conn.execute(insert(schema.documents).values(
                id="d1", origin="a.txt", title="Report", text="Gunmen attacked Ménaka.",
                ingested_at=utcnow()))
            conn.execute(insert(schema.events).values(id="e1", event_date="2024-10-01",
                                                      background=False, updated_at=utcnow()))
            conn.execute(insert(schema.event_actors).values(event_id="e1", actor_id="jnim",
                                                            role="actor1"))
            copied = conn.execute(select(schema.event_actors.c.event_date)).scalar_one()
        assert copied == "2024-10-01"  # the trigger is back
        assert [d["id"] for d in list_documents(store, q="menaka GUNMEN")["items"]] == ["d1"]
        assert list_documents(store, q="gunmen Timbuktu")["total"] == 0


def test_a_user_who_cannot_create_extensions_still_gets_a_working_store(
        postgres_cluster: Any) -> None:
    """On a shared server the sitrep user may not own the database: ``unaccent`` cannot be
    created, the migrations still apply, and search still folds case (accents only as
    typed)."""
    import psycopg

    url = postgres_cluster.new_database()
    role = "analyst_" + url.rsplit("/", 1)[1]  # roles are cluster-wide: one per database
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f"CREATE ROLE {role} LOGIN")
        admin.execute(f"GRANT CREATE ON SCHEMA public TO {role}")
    with Store(url.replace("postgres@", f"{role}@", 1)) as store:
        with store.reader() as conn:
            assert not conn.execute(text(
                "SELECT 1 FROM pg_extension WHERE extname = 'unaccent'")).first()
        with store.transaction() as conn:
            conn.execute(insert(schema.documents).values(
                id="d1", origin="a.txt", title="Report", text="Gunmen attacked Ménaka.",
                ingested_at=utcnow()))
        assert list_documents(store, q="MÉNAKA gunmen")["total"] == 1
        assert list_documents(store, q="Menaka")["total"] == 0


def test_unknown_migration_is_refused(postgres_url: str) -> None:
    Store(postgres_url).close()
    with Store(postgres_url, migrate=False) as store, store.transaction() as conn:
        conn.execute(insert(schema.migrations).values(name="9999_future", applied_at=utcnow()))
    with pytest.raises(SitrepError) as err:
        Store(postgres_url)
    assert err.value.code == "E002" and "9999_future" in str(err.value)


def test_missing_driver_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)  # as if psycopg were not installed
    with pytest.raises(SitrepError) as err:
        Store("postgresql://analyst:s3cret@db.example.org/sitrep")
    message = str(err.value)
    assert "[E020]" in message and "pip install 'sitrep[postgres]'" in message
    assert "s3cret" not in message and "db.example.org" in message


def test_unreachable_server_is_a_clear_error(postgres_cluster: Any) -> None:
    with pytest.raises(SitrepError) as err:
        Store(f"postgresql://postgres:s3cret@127.0.0.1:{postgres_cluster.port}/no_such_db")
    message = str(err.value)
    assert "[E021]" in message and "no_such_db" in message and "s3cret" not in message


def test_a_failed_transaction_leaves_nothing(postgres_url: str) -> None:
    """A crash inside a unit of work (here an exception) rolls the whole unit back."""
    row = {"id": "doc-1", "origin": "a.txt", "text": "Gunmen attacked Djibo.",
           "ingested_at": utcnow()}
    with Store(postgres_url) as store:
        with pytest.raises(RuntimeError), store.transaction() as conn:
            conn.execute(insert(schema.documents).values(**row))
            raise RuntimeError("killed half-way")
        with pytest.raises(RuntimeError), store.batch(size=10) as batch:
            batch.conn.execute(insert(schema.documents).values(**row))
            batch.done()
            raise RuntimeError("killed before the batch was committed")
        # a process killed (SIGKILL) inside a transaction: the server rolls it back
        code = ("import os, signal; from sqlalchemy import insert; from sitrep.store import "
                f"Store, schema; s = Store({store.url!r}); c = s.engine.connect(); c.begin(); "
                f"c.execute(insert(schema.documents).values(**{row!r})); "
                "os.kill(os.getpid(), signal.SIGKILL)")
        killed = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60,
                                check=False)
        assert killed.returncode == -signal.SIGKILL, killed.stderr
        with store.reader() as conn:
            assert conn.execute(select(func.count()).select_from(schema.documents)
                                ).scalar_one() == 0
        with store.transaction() as conn:  # and the row was not locked by the dead one
            conn.execute(insert(schema.documents).values(**row))


# ------------------------------------------------------------------------------ the demo corpus


@pytest.fixture(scope="module")
def stores(postgres_cluster: Any, tmp_path_factory: pytest.TempPathFactory
           ) -> Iterator[tuple[Store, Store]]:
    """The demo corpus, plus a lightly edited wire copy of one article (a near-duplicate),
    ingested and extracted (fusion included) into SQLite by the library and into PostgreSQL
    by the CLI, as a user would."""
    first = sorted(DEMO.glob("*.txt"))[0].read_text(encoding="utf-8")
    words = first.split(" ")
    copy = tmp_path_factory.mktemp("wire") / "wire-copy.txt"
    copy.write_text(" ".join(words[:-12]) + " (Reporting by a wire service.)", encoding="utf-8")
    lite = Store(tmp_path_factory.mktemp("lite") / "demo.db")
    ingest(lite, [DEMO, copy])
    extract_pending(lite)
    url = postgres_cluster.new_database()
    res = CliRunner().invoke(cli, ["ingest", str(DEMO), str(copy), "--db", url, "--json"],
                             catch_exceptions=False)
    assert res.exit_code == 0, res.output
    report = json.loads(res.output)
    assert report["new"] == len(list(lite_documents(lite)))
    assert report["near_duplicates"] == 1, report  # the copy is linked, on PostgreSQL too
    pg = Store(url)
    yield lite, pg
    lite.close()
    pg.close()


def lite_documents(store: Store) -> Iterator[dict[str, Any]]:
    return (r for r in iter_document_records(store) if r["rejected"] is None)


def test_pipeline_writes_the_same_knowledge_base(stores: tuple[Store, Store]) -> None:
    lite, pg = stores
    for records in (iter_event_records, iter_relation_records):
        a, b = list(records(lite)), list(records(pg))
        assert a and same(a, b), records.__name__
    # documents are listed by ingest time, which differs between the two runs
    docs = [sorted(iter_document_records(x), key=lambda r: r["id"]) for x in (lite, pg)]
    assert docs[0] and same(docs[0], docs[1])
    assert len(list(iter_event_records(pg))) >= 10  # the demo is not trivially empty
    with lite.reader() as la, pg.reader() as pa:
        for table in (schema.statements, schema.sentences, schema.event_sources,
                      schema.event_actors, schema.fusion_mentions):
            # sentence ids count up in extraction order, which follows ingest timestamps
            key = [c for c in table.c if c.name not in ("created_at", "run_id")
                   and not (table is schema.sentences and c.name == "id")]
            ordered = select(*key).order_by(*key)
            assert la.execute(ordered).all() == pa.execute(ordered).all(), table.name


def _words(texts: list[str]) -> list[str]:
    """Distinctive words of these texts (long ones first), to search for."""
    seen: dict[str, None] = {}
    for t in texts:
        for w in sorted(re.findall(r"[^\W\d_]{6,}", t), key=len, reverse=True)[:2]:
            seen.setdefault(w, None)
    return list(seen)


def test_event_list_filters_answer_the_same(stores: tuple[Store, Store]) -> None:
    lite, pg = stores
    every = list_events(lite, limit=5000)["items"]
    assert every
    dated = sorted(e["event_date"] for e in every if e["event_date"])
    country = next(e["country"] for e in every if e["country"])
    admin1 = next(e["admin1"] for e in every if e["admin1"])
    etype = next(e["event_type"] for e in every if e["event_type"])
    actor = next(e["actor1"] for e in every if e["actor1"])
    quotes = [s["quote"] for r in iter_event_records(lite) for s in r["sources"]]
    with lite.reader() as conn:
        titles = [t for t in conn.execute(select(schema.documents.c.title)).scalars() if t]
        actor_id = conn.execute(select(schema.event_actors.c.actor_id)).scalars().first()
    words = _words(quotes)[:8] + _words(titles)[:4]
    queries: list[dict[str, Any]] = [
        {}, {"limit": 3}, {"limit": 3, "offset": 3},
        {"date_from": dated[len(dated) // 2]}, {"date_to": dated[len(dated) // 2][:7]},
        {"date_from": dated[0][:4], "date_to": dated[-1]},
        {"country": country}, {"country": country.upper()}, {"admin1": admin1},
        {"event_type": etype}, {"actor": actor}, {"actor": actor_id},
        {"bbox": "-6,10,4,17"}, {"bbox": "-20,-10,30,30", "sort": "fatalities"},
        {"q": " ".join(words[:2])}, {"q": words[0].upper()}, {"q": "zzqxnotaword"},
        *({"q": w} for w in words),
        *({"sort": s} for s in EVENT_SORTS), *({"sort": "-" + s} for s in EVENT_SORTS),
        {"country": country, "q": words[0], "date_from": dated[0]},
    ]
    found_by_text = 0
    for args in queries:
        a, b = list_events(lite, **args), list_events(pg, **args)
        assert same(a, b), args
        if "q" in args:
            found_by_text += a["total"] > 0
    assert found_by_text >= len(words) - 1  # the searches really find events
    for args in ({"q": "   "}, {"q": "\"*:"}):
        for store in (lite, pg):
            with pytest.raises(SitrepError, match="E501"):
                list_events(store, **args)


def test_accents_and_case_fold_alike(stores: tuple[Store, Store]) -> None:
    """FTS5's remove_diacritics and PostgreSQL's unaccent configuration agree."""
    lite, pg = stores
    with lite.reader() as conn:
        body = " ".join(conn.execute(select(schema.sentences.c.text)).scalars())
    accented = sorted({w for w in re.findall(r"\w+", body) if not w.isascii() and w.isalpha()})
    if not accented:
        pytest.skip("the demo corpus has no accented word")
    for word in accented[:5]:
        plain = "".join(c for c in unicodedata.normalize("NFD", word)
                        if not unicodedata.combining(c))
        a = list_documents(lite, q=plain.lower())
        assert a["total"] > 0, word
        assert same(a, list_documents(pg, q=plain.lower()))
        assert same(a, list_documents(pg, q=word))


def test_one_event_and_one_document_read_the_same(stores: tuple[Store, Store]) -> None:
    lite, pg = stores
    events = list_events(lite, limit=5000)["items"]
    for e in events:
        assert same(get_event(lite, e["id"]), get_event(pg, e["id"])), e["id"]
    docs = list_documents(lite, limit=5000)
    assert same(docs, list_documents(pg, limit=5000))
    for d in docs["items"]:
        assert same(get_document(lite, d["id"]), get_document(pg, d["id"])), d["id"]
    for store in (lite, pg):
        with pytest.raises(SitrepError, match="E004"):
            get_event(store, "no-such-event")


def test_document_search_answers_the_same(stores: tuple[Store, Store]) -> None:
    lite, pg = stores
    with lite.reader() as conn:
        titles = [t for t in conn.execute(select(schema.documents.c.title)).scalars() if t]
        texts = list(conn.execute(select(schema.documents.c.text)).scalars())
    hits = 0
    for w in _words(titles)[:4] + _words(texts)[:6]:
        a, b = list_documents(lite, q=w), list_documents(pg, q=w)
        assert same(a, b), w
        hits += a["total"] > 0
    assert hits >= 8


def test_aggregates_actors_and_network_answer_the_same(stores: tuple[Store, Store]) -> None:
    lite, pg = stores
    assert same(stats(lite), stats(pg))
    assert stats(pg)["totals"]["events"] > 0
    assert same(overview(lite), overview(pg))
    actors = list_actors(lite, limit=5000)
    assert same(actors, list_actors(pg, limit=5000))
    for sort in ("name", "-events"):
        assert same(list_actors(lite, sort=sort, limit=20), list_actors(pg, sort=sort, limit=20))
    for a in actors["items"][:10]:
        assert same(get_actor(lite, a["id"]), get_actor(pg, a["id"])), a["id"]
    for day in (None, "2012-06-01", "2020-01-01", "2024-10"):
        assert same(network(lite, as_of=day), network(pg, as_of=day)), day
        assert same(list_relations(lite, as_of=day), list_relations(pg, as_of=day)), day
    assert network(pg)["edges"]


def test_cli_reads_a_postgres_store(stores: tuple[Store, Store]) -> None:
    lite, pg = stores
    runner = CliRunner()
    for args in (["events", "--json"], ["documents", "--json"],
                 ["export", "events", "--format", "jsonl"]):
        a = runner.invoke(cli, [*args, "--db", str(lite.target)], catch_exceptions=False)
        b = runner.invoke(cli, [*args, "--db", pg.url], catch_exceptions=False)
        assert a.exit_code == b.exit_code == 0, b.output
        assert same(_parsed(a.output), _parsed(b.output)), args


def test_analyst_judgements_work_alike(postgres_cluster: Any, tmp_path: Path) -> None:
    """Merge, split and undo (fusion's judgements) give the same events on both backends."""
    from sitrep.fusion.judgements import list_judgements, merge, split, undo

    docs = tmp_path / "docs"
    docs.mkdir()
    manifest = [json.loads(line) for line in (DEMO / "manifest.jsonl").read_text().splitlines()]
    keep = [m for m in manifest if m["id"] in ("demo-01", "demo-02", "demo-03")]
    for m in keep:
        (docs / m["path"]).write_text((DEMO / m["path"]).read_text(encoding="utf-8"),
                                      encoding="utf-8")
    (docs / "manifest.jsonl").write_text("".join(json.dumps(m) + "\n" for m in keep))
    pair = [Store(tmp_path / "j.db"), Store(postgres_cluster.new_database())]
    for store in pair:
        ingest(store, [docs])
        extract_pending(store)
    steps: list[Any] = []
    for store in pair:
        live = list(iter_event_records(store, background=False))
        docs_of = {r["event_id"]: {x["document_id"] for x in r["sources"]} for r in live}
        first = live[0]["event_id"]
        other = next(e for e, d in docs_of.items() if not d & docs_of[first])
        merged = merge(store, [first, other], reason="same attack", author="tester")
        after_merge = list(iter_event_records(store, background=False))
        assert len(after_merge) == len(live) - 1  # two reports, one event
        multi = next(r for r in after_merge
                     if len({x["document_id"] for x in r["sources"]}) >= 2)
        parted = split(store, multi["event_id"], multi["sources"][0]["document_id"],
                       reason="another day", author="tester")
        undone = undo(store, merged["id"], reason="checked again", author="tester")
        steps.append([parted, merged, undone, list(iter_event_records(store)),
                      list_judgements(store)])
    assert same(steps[0], steps[1])
    for store in pair:
        store.close()


@contextmanager
def served(store: Store) -> Iterator[httpx.Client]:
    """The HTTP API and web UI over ``store``, on a real uvicorn server (127.0.0.1, free port)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(store), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.02)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=10) as http:
            yield http
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def test_http_api_serves_a_postgres_store(stores: tuple[Store, Store]) -> None:
    lite, pg = stores
    event_id = list_events(lite, limit=1)["items"][0]["id"]
    word = _words([s["quote"] for r in iter_event_records(lite) for s in r["sources"]])[0]
    paths = ["/api/events", f"/api/events?q={word}", f"/api/events/{event_id}",
             "/api/documents", "/api/stats", "/api/network", "/api/relations", "/api/actors",
             "/api/actors/jnim", "/events.json", "/index.json"]
    with served(lite) as a, served(pg) as b:
        for path in paths:
            ra, rb = a.get(path), b.get(path)
            assert ra.status_code == rb.status_code == 200, (path, rb.text[:300])
            assert same(ra.json(), rb.json()), path
        for page in ("/", "/events", f"/events/{event_id}", "/network"):
            assert b.get(page).status_code == 200, page
        missing = b.get("/api/events/no-such-event")
        assert missing.status_code == 404 and missing.json()["error"]["code"] == "E004"


def _parsed(output: str) -> Any:
    try:
        return json.loads(output)
    except ValueError:
        return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_reingest_is_a_noop_on_postgres(stores: tuple[Store, Store]) -> None:
    _, pg = stores
    res = CliRunner().invoke(cli, ["ingest", str(DEMO), "--db", pg.url, "--json"],
                             catch_exceptions=False)
    report = json.loads(res.output)
    assert res.exit_code == 0 and report["new"] == 0 and report["duplicates"] > 0
