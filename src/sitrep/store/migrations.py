"""Named migrations, applied in order and recorded in the ``migrations`` table.

A migration is a function ``(conn) -> None`` registered with ``@migration("NNNN_name")``.
Never edit one that has shipped: add a new one. Backend-specific DDL (FTS5 on SQLite) checks
``conn.dialect.name``.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, insert, select, text

from ..model import utcnow
from . import schema

Migration = Callable[[Connection], None]
MIGRATIONS: list[tuple[str, Migration]] = []


def migration(name: str) -> Callable[[Migration], Migration]:
    def register(fn: Migration) -> Migration:
        if any(n == name for n, _ in MIGRATIONS):
            raise ValueError(f"duplicate migration name {name}")
        MIGRATIONS.append((name, fn))
        return fn
    return register


@migration("0001_initial")
def _initial(conn: Connection) -> None:
    tables = [t for t in schema.metadata.sorted_tables if t.name != "migrations"]
    schema.metadata.create_all(conn, tables=tables)


@migration("0002_fulltext")
def _fulltext(conn: Connection) -> None:
    """FTS5 indexes over document text and sentences, kept in sync by triggers (SQLite), or
    GIN indexes over their ``tsvector`` expressions (PostgreSQL, ``store/fulltext.py``)."""
    if conn.dialect.name != "sqlite":
        from .fulltext import create_indexes
        create_indexes(conn)
        return
    for stmt in (
        "CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5("
        "title, text, content='documents', content_rowid='rowid', "
        "tokenize='unicode61 remove_diacritics 2')",
        "CREATE TRIGGER IF NOT EXISTS documents_ai AFTER INSERT ON documents BEGIN "
        "INSERT INTO documents_fts(rowid, title, text) "
        "VALUES (new.rowid, new.title, new.text); END",
        "CREATE TRIGGER IF NOT EXISTS documents_ad AFTER DELETE ON documents BEGIN "
        "INSERT INTO documents_fts(documents_fts, rowid, title, text) "
        "VALUES ('delete', old.rowid, old.title, old.text); END",
        "CREATE TRIGGER IF NOT EXISTS documents_au AFTER UPDATE OF title, text ON documents BEGIN "
        "INSERT INTO documents_fts(documents_fts, rowid, title, text) "
        "VALUES ('delete', old.rowid, old.title, old.text); "
        "INSERT INTO documents_fts(rowid, title, text) "
        "VALUES (new.rowid, new.title, new.text); END",
        "CREATE VIRTUAL TABLE IF NOT EXISTS sentences_fts USING fts5("
        "text, content='sentences', content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
        "CREATE TRIGGER IF NOT EXISTS sentences_ai AFTER INSERT ON sentences BEGIN "
        "INSERT INTO sentences_fts(rowid, text) VALUES (new.id, new.text); END",
        "CREATE TRIGGER IF NOT EXISTS sentences_ad AFTER DELETE ON sentences BEGIN "
        "INSERT INTO sentences_fts(sentences_fts, rowid, text) "
        "VALUES ('delete', old.id, old.text); END",
    ):
        conn.execute(text(stmt))


@migration("0010_document_bands")
def _document_bands(conn: Connection) -> None:
    """MinHash LSH bands, so near-duplicate lookup is an indexed query, not all-pairs."""
    schema.document_bands.create(conn, checkfirst=True)


@migration("0030_event_stats_indexes")
def _event_stats_indexes(conn: Connection) -> None:
    """Covering indexes for stats' group-bys: on a million events the by-day/type query drops
    from ~2.6 s (table scan + temp b-tree) to ~0.1 s (scripts/bench_queries.py)."""
    for index in schema.events.indexes:
        if index.name in ("ix_events_live_date_type", "ix_events_live_country"):
            index.create(conn, checkfirst=True)



@migration("0031_minhash_v2")
def _minhash_v2(conn: Connection) -> None:
    """Near-duplicate signatures moved from SHAKE-128 per shingle to multiply-shift hashing
    (~15x faster): recompute stored fingerprints and bands so old documents still match."""
    from ..sources.neardup import Signature
    from .documents import refresh_fingerprints

    def signature(body: str) -> tuple[str, list[tuple[int, str]]]:
        sig = Signature.of(body)
        return sig.hex, sig.bands()

    refresh_fingerprints(conn, signature)


# 0032 on PostgreSQL: the same indexes (lower() where SQLite uses NOCASE, as the queries do)
# and the same copies of the event's date in event_actors, kept by plpgsql triggers
_EVENT_READ_POSTGRES = (
    "CREATE INDEX IF NOT EXISTS ix_events_live_country_lower ON events "
    "(background, lower(country), event_date, date_end)",
    "CREATE INDEX IF NOT EXISTS ix_events_live_country_fatalities ON events "
    "(background, lower(country), fatalities DESC NULLS LAST, id, event_date, date_end)",
    "CREATE INDEX IF NOT EXISTS ix_event_sources_document_span ON event_sources "
    "(document_id, start, \"end\", event_id)",
    "CREATE INDEX IF NOT EXISTS ix_events_id_live_date ON events (id, background, event_date)",
    "CREATE INDEX IF NOT EXISTS ix_event_actors_actor_date ON event_actors "
    "(actor_id, event_date, event_id, background)",
    "UPDATE event_actors SET event_date = e.event_date, background = e.background "
    "FROM events e WHERE e.id = event_actors.event_id",
    "CREATE OR REPLACE FUNCTION sitrep_event_actors_copy() RETURNS trigger LANGUAGE plpgsql AS "
    "$$ BEGIN SELECT e.event_date, e.background INTO NEW.event_date, NEW.background "
    "FROM events e WHERE e.id = NEW.event_id; RETURN NEW; END $$",
    "DROP TRIGGER IF EXISTS event_actors_event_date ON event_actors",
    "CREATE TRIGGER event_actors_event_date BEFORE INSERT ON event_actors FOR EACH ROW "
    "EXECUTE FUNCTION sitrep_event_actors_copy()",
    "CREATE OR REPLACE FUNCTION sitrep_events_date_to_actors() RETURNS trigger "
    "LANGUAGE plpgsql AS $$ BEGIN UPDATE event_actors SET event_date = NEW.event_date, "
    "background = NEW.background WHERE event_id = NEW.id; RETURN NULL; END $$",
    "DROP TRIGGER IF EXISTS events_date_to_actors ON events",
    "CREATE TRIGGER events_date_to_actors AFTER UPDATE OF event_date, background ON events "
    "FOR EACH ROW EXECUTE FUNCTION sitrep_events_date_to_actors()",
)


@migration("0032_event_read_indexes")
def _event_read_indexes(conn: Connection) -> None:
    """Indexes for the event list's filters on a million events (scripts/bench_queries.py).

    - ``ix_events_live_country_nocase``: country compared case-insensitively (NOCASE folds
      ASCII exactly like SQLite's lower()) with the dates, so a country + period filter and its
      count read one index range; ``..._fatalities``: a country's deadliest events are the
      first entries of one index (its DESC column matches ``fatalities DESC NULLS LAST, id``).
    - ``ix_event_sources_document_span`` and ``ix_events_id_live_date``: a text search joins
      matching sentences to event sources and events, and pages them by date, from indexes
      alone (no row reads for the thousands of events a common word matches).
    - ``ix_events_span``: the longest ``date_end - event_date`` is one index probe, which gives
      the date filter an exact, index-usable lower bound on ``event_date``.
    - ``event_actors.event_date``/``background``: copies of the event's, kept by triggers
      (every writer inserts the event before its actor links), so an actor's events are one
      index range in date order instead of a sort of every event the actor is in.
    """
    if conn.dialect.name == "postgresql":
        for stmt in _EVENT_READ_POSTGRES:
            conn.execute(text(stmt))
        return
    if conn.dialect.name != "sqlite":
        return
    cols = {r[1] for r in conn.execute(text("PRAGMA table_info(event_actors)"))}
    for col, kind in (("event_date", "VARCHAR"), ("background", "BOOLEAN")):
        if col not in cols:
            conn.execute(text(f"ALTER TABLE event_actors ADD COLUMN {col} {kind}"))
    for stmt in (
        "UPDATE event_actors SET event_date = e.event_date, background = e.background "
        "FROM events e WHERE e.id = event_actors.event_id",
        "CREATE INDEX IF NOT EXISTS ix_events_live_country_nocase ON events "
        "(background, country COLLATE NOCASE, event_date, date_end)",
        "CREATE INDEX IF NOT EXISTS ix_events_live_country_fatalities ON events "
        "(background, country COLLATE NOCASE, fatalities DESC, id, event_date, date_end)",
        "CREATE INDEX IF NOT EXISTS ix_events_span ON events "
        "((julianday(date_end) - julianday(event_date)))",
        "CREATE INDEX IF NOT EXISTS ix_event_sources_document_span ON event_sources "
        "(document_id, start, \"end\", event_id)",
        "CREATE INDEX IF NOT EXISTS ix_events_id_live_date ON events (id, background, event_date)",
        "CREATE INDEX IF NOT EXISTS ix_event_actors_actor_date ON event_actors "
        "(actor_id, event_date, event_id, background)",
        "CREATE TRIGGER IF NOT EXISTS event_actors_event_date AFTER INSERT ON event_actors "
        "BEGIN UPDATE event_actors SET (event_date, background) = "
        "(SELECT event_date, background FROM events WHERE id = new.event_id) "
        "WHERE rowid = new.rowid; END",
        "CREATE TRIGGER IF NOT EXISTS events_date_to_actors AFTER UPDATE OF event_date, "
        "background ON events BEGIN UPDATE event_actors SET event_date = new.event_date, "
        "background = new.background WHERE event_id = new.id; END",
    ):
        conn.execute(text(stmt))



_MONTH = "coalesce(substr({r}.event_date, 1, 7), '')"
_WEEK = "coalesce(date({r}.event_date, '-6 days', 'weekday 1'), '')"  # the Monday, as stats


def _count_changes(r: str, sign: str) -> list[str]:
    """The statements a trigger runs to add (sign '+') or remove ('-') row ``r`` (new/old)."""
    month, week = _MONTH.format(r=r), _WEEK.format(r=r)
    if sign == "+":
        return [
            f"INSERT INTO event_period_counts VALUES ({r}.background, {month}, {week}, "
            f"coalesce({r}.event_type, ''), 1, coalesce({r}.fatalities, 0)) ON CONFLICT DO "
            "UPDATE SET events = events + 1, fatalities = fatalities + excluded.fatalities;",
            f"INSERT INTO event_country_counts VALUES ({r}.background, "
            f"coalesce({r}.country, ''), 1) ON CONFLICT DO UPDATE SET events = events + 1;",
        ]
    return [
        "UPDATE event_period_counts SET events = events - 1, fatalities = fatalities - "
        f"coalesce({r}.fatalities, 0) WHERE background = {r}.background AND month = {month} "
        f"AND week = {week} AND event_type = coalesce({r}.event_type, '');",
        "UPDATE event_country_counts SET events = events - 1 WHERE "
        f"background = {r}.background AND country = coalesce({r}.country, '');",
    ]


@migration("0033_event_counts")
def _event_counts(conn: Connection) -> None:
    """Dashboard counts kept exact by triggers: events and fatalities per (month, week, type)
    and per country, and the statements row count. ``stats`` then reads a few thousand summary
    rows instead of grouping a million events (~150 ms) and counting millions of statements
    (~80 ms). Month and week are computed once per written event, never per read."""
    if conn.dialect.name != "sqlite":
        return  # PostgreSQL: stats groups the events table itself
    for stmt in (
        "CREATE TABLE IF NOT EXISTS event_period_counts (background BOOLEAN NOT NULL, "
        "month VARCHAR NOT NULL, week VARCHAR NOT NULL, event_type VARCHAR NOT NULL, "
        "events INTEGER NOT NULL, fatalities INTEGER NOT NULL, "
        "PRIMARY KEY (background, month, week, event_type)) WITHOUT ROWID",
        "CREATE TABLE IF NOT EXISTS event_country_counts (background BOOLEAN NOT NULL, "
        "country VARCHAR NOT NULL, events INTEGER NOT NULL, PRIMARY KEY (background, country)) "
        "WITHOUT ROWID",
        "CREATE TABLE IF NOT EXISTS row_counts (name VARCHAR PRIMARY KEY, n INTEGER NOT NULL) "
        "WITHOUT ROWID",
        "DELETE FROM event_period_counts",
        "DELETE FROM event_country_counts",
        "DELETE FROM row_counts",
        "INSERT INTO event_period_counts SELECT background, " + _MONTH.format(r="e") + ", "
        + _WEEK.format(r="e") + ", coalesce(event_type, ''), count(*), "
        "coalesce(sum(fatalities), 0) FROM events e GROUP BY 1, 2, 3, 4",
        "INSERT INTO event_country_counts SELECT background, coalesce(country, ''), count(*) "
        "FROM events GROUP BY 1, 2",
        "INSERT INTO row_counts SELECT 'statements', count(*) FROM statements",
        "CREATE TRIGGER IF NOT EXISTS events_counts_ai AFTER INSERT ON events BEGIN "
        + " ".join(_count_changes("new", "+")) + " END",
        "CREATE TRIGGER IF NOT EXISTS events_counts_ad AFTER DELETE ON events BEGIN "
        + " ".join(_count_changes("old", "-")) + " END",
        "CREATE TRIGGER IF NOT EXISTS events_counts_au AFTER UPDATE OF background, event_date, "
        "event_type, fatalities, country ON events BEGIN "
        + " ".join(_count_changes("old", "-") + _count_changes("new", "+")) + " END",
        "CREATE TRIGGER IF NOT EXISTS statements_count_ai AFTER INSERT ON statements BEGIN "
        "UPDATE row_counts SET n = n + 1 WHERE name = 'statements'; END",
        "CREATE TRIGGER IF NOT EXISTS statements_count_ad AFTER DELETE ON statements BEGIN "
        "UPDATE row_counts SET n = n - 1 WHERE name = 'statements'; END",
    ):
        conn.execute(text(stmt))


@migration("0034_actor_event_counts")
def _actor_event_counts(conn: Connection) -> None:
    """How many distinct events each actor is in, kept exact by triggers on ``event_actors``
    (an actor in two roles of one event counts once), so the front page's most active actors
    read 600 rows instead of counting 2 million links (~1 s on a million events)."""
    if conn.dialect.name != "sqlite":
        return
    for stmt in (
        "CREATE TABLE IF NOT EXISTS actor_event_counts (actor_id VARCHAR PRIMARY KEY, "
        "events INTEGER NOT NULL) WITHOUT ROWID",
        "DELETE FROM actor_event_counts",
        "INSERT INTO actor_event_counts SELECT actor_id, count(DISTINCT event_id) "
        "FROM event_actors GROUP BY actor_id",
        "CREATE TRIGGER IF NOT EXISTS event_actors_count_ai AFTER INSERT ON event_actors "
        "WHEN (SELECT count(*) FROM event_actors WHERE event_id = new.event_id "
        "AND actor_id = new.actor_id) = 1 BEGIN INSERT INTO actor_event_counts "
        "VALUES (new.actor_id, 1) ON CONFLICT DO UPDATE SET events = events + 1; END",
        "CREATE TRIGGER IF NOT EXISTS event_actors_count_ad AFTER DELETE ON event_actors "
        "WHEN NOT EXISTS (SELECT 1 FROM event_actors WHERE event_id = old.event_id "
        "AND actor_id = old.actor_id) BEGIN UPDATE actor_event_counts "
        "SET events = events - 1 WHERE actor_id = old.actor_id; END",
    ):
        conn.execute(text(stmt))


@migration("0040_fusion_state")
def _fusion_state(conn: Connection) -> None:
    """Incremental fusion keeps per-document events, their blocking keys and a queue of events
    to re-fuse; an old store gets them filled by a full rebuild on the next ``fuse_events``."""
    for table in (schema.fusion_mentions, schema.fusion_keys, schema.fusion_queue):
        table.create(conn, checkfirst=True)



@migration("0050_relation_queue")
def _relation_queue(conn: Connection) -> None:
    """Relations touched by extraction are queued and rebuilt once per run: rebuilding a
    relation per document re-read all its evidence each time (quadratic on a big corpus)."""
    schema.relation_queue.create(conn, checkfirst=True)


@migration("0070_postgres_parity")
def _postgres_parity(conn: Connection) -> None:
    """PostgreSQL stores created before 0002 and 0032 had their PostgreSQL halves (they were
    no-ops there) get the text-search indexes and event_actors triggers now. Idempotent."""
    if conn.dialect.name != "postgresql":
        return
    from .fulltext import create_indexes
    create_indexes(conn)
    for stmt in _EVENT_READ_POSTGRES:
        conn.execute(text(stmt))


MIGRATION_LOCK = 0x51732E70  # PostgreSQL advisory lock key held while migrating


def apply_migrations(conn: Connection) -> list[str]:
    """Apply every migration not yet recorded; return the names applied."""
    if conn.dialect.name == "postgresql":
        # several processes opening one shared database at once: one migrates, the others
        # wait (the lock ends with this transaction) and then find nothing left to do
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
    schema.migrations.create(conn, checkfirst=True)
    done = {r[0] for r in conn.execute(select(schema.migrations.c.name))}
    known = {n for n, _ in MIGRATIONS}
    unknown = sorted(done - known)
    if unknown:
        from ..errors import Errors, SitrepError
        raise SitrepError(Errors.E002, path=str(conn.engine.url.database), name=unknown[0])
    applied = []
    for name, fn in MIGRATIONS:
        if name in done:
            continue
        fn(conn)
        conn.execute(insert(schema.migrations).values(name=name, applied_at=utcnow()))
        applied.append(name)
    return applied
