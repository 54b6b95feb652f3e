"""Opening a store: one engine, the right pragmas, migrations applied.

SQLite is the default (a file, WAL mode so readers never block the writer); a
``postgresql://`` URL gives the same schema on a server. Everything above this layer talks to a
``Store`` and SQLAlchemy Core expressions, never to a driver.
"""

from __future__ import annotations

import importlib.util
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, make_url
from sqlalchemy.exc import ArgumentError, OperationalError

from ..errors import Errors, SitrepError
from .migrations import apply_migrations

DEFAULT_DB = "sitrep.db"


def default_db() -> str:
    """``$SITREP_DB`` if set, else ``sitrep.db`` in the working directory."""
    return os.environ.get("SITREP_DB") or DEFAULT_DB


def _url_for(target: str | Path) -> str:
    s = str(target)
    if s.startswith(("postgresql://", "postgres://")):
        # SQLAlchemy reads a bare postgresql:// as psycopg2; sitrep's driver is psycopg 3
        s = "postgresql+psycopg://" + s.split("://", 1)[1]
    if s.startswith("postgresql+psycopg://") and importlib.util.find_spec("psycopg") is None:
        raise SitrepError(Errors.E020, url=shown_url(s))
    if s.startswith(("postgresql+", "sqlite://")):
        return s
    if "://" in s:
        raise SitrepError(Errors.E003, url=s)
    return f"sqlite:///{Path(s).expanduser()}"


def shown_url(target: str) -> str:
    """A database URL fit for messages and pages: the password masked."""
    if "://" not in target:
        return target
    try:
        return make_url(target).render_as_string(hide_password=True)
    except ArgumentError:
        return target


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    # a 16 MB page cache per connection (default 2 MB) and temp b-trees in memory. No mmap:
    # on a shared machine its gain was within noise (scripts/bench_queries.py A/B), and every
    # mapped page of a multi-GB store counts towards the process's resident memory
    cur.execute("PRAGMA cache_size=-16384")
    cur.execute("PRAGMA temp_store=MEMORY")
    cur.close()


class Store:
    """A sitrep database. Cheap to open; migrations run on first open."""

    def __init__(self, target: str | Path | None = None, *, migrate: bool = True) -> None:
        raw = str(target or default_db())
        self.url = _url_for(raw)
        self.target = shown_url(raw)  # what messages show: never a password
        try:
            self.engine: Engine = create_engine(self.url, future=True)
        except ImportError as exc:  # another PostgreSQL driver named in the URL, not installed
            raise SitrepError(Errors.E020, url=self.target) from exc
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
            db_path = self.engine.url.database
            if db_path and db_path != ":memory:":
                parent = Path(db_path).parent
                if not parent.exists():
                    raise SitrepError(Errors.E001, path=db_path, reason="folder does not exist")
        if migrate:
            try:
                with self.engine.begin() as conn:
                    apply_migrations(conn)
            except OperationalError as exc:
                self.engine.dispose()  # a store that failed to open holds no connections
                if self.engine.dialect.name == "postgresql":
                    reason = (str(exc.orig).strip().splitlines() or [""])[0]
                    raise SitrepError(Errors.E021, url=self.target, reason=reason) from exc
                raise SitrepError(Errors.E001, path=self.target, reason=str(exc.orig)) from exc
            except BaseException:
                self.engine.dispose()
                raise

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One atomic unit of work: committed on success, rolled back on any error."""
        with self.engine.begin() as conn:
            yield conn

    @contextmanager
    def batch(self, *, size: int = 100, seconds: float = 2.0) -> Iterator[Batch]:
        """Many small units of work in few transactions (see ``Batch``); the open one is
        committed when the block ends and rolled back if it raises."""
        b = Batch(self, size=size, seconds=seconds)
        try:
            yield b
        except BaseException:
            b.rollback()
            raise
        b.commit()

    @contextmanager
    def reader(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            yield conn

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class Batch:
    """A write transaction that spans several units of work (documents).

    A commit per document costs a WAL sync and SQLAlchemy transaction set-up; ingest and
    extract instead call ``done()`` after each unit, which commits every ``size`` units or
    ``seconds``. Each unit must be complete when ``done()`` is called: a process killed at any
    moment then loses only the uncommitted units, never half of one, and a rerun redoes them
    (ids are content hashes, so nothing is written twice)."""

    def __init__(self, store: Store, *, size: int = 100, seconds: float = 2.0) -> None:
        self.store, self.size, self.seconds = store, max(1, size), seconds
        self._conn: Connection | None = None
        self._trans: Any = None
        self._pending = 0
        self._opened = 0.0
        self.commits = 0

    @property
    def conn(self) -> Connection:
        """The open transaction's connection (one is begun on first use)."""
        if self._conn is None:
            self._conn = self.store.engine.connect()
            self._trans = self._conn.begin()
            self._opened = time.monotonic()
        return self._conn

    def done(self) -> None:
        """One unit is complete: commit when the batch is full or old enough."""
        self._pending += 1
        if self._pending >= self.size or time.monotonic() - self._opened >= self.seconds:
            self.commit()

    def commit(self) -> None:
        """Commit now (e.g. before a slow network fetch, so the write lock is not held)."""
        if self._conn is not None:
            try:
                self._trans.commit()
                self.commits += 1
            finally:
                self._close()

    def rollback(self) -> None:
        if self._conn is not None:
            try:
                self._trans.rollback()
            finally:
                self._close()

    def _close(self) -> None:
        assert self._conn is not None
        self._conn.close()
        self._conn, self._trans, self._pending = None, None, 0


_IGNORING: dict[tuple[str, Any], Any] = {}
_SQLITE_IGNORING: dict[Any, tuple[str, tuple[str, ...], tuple[Any, ...]]] = {}


def _sqlite_ignoring(table: Any) -> tuple[str, tuple[str, ...], tuple[Any, ...]]:
    """SQL, column names and per-column fill-ins (scalar defaults) of a table's insert that
    skips existing keys, for the driver's ``executemany``."""
    found = _SQLITE_IGNORING.get(table)
    if found is None:
        cols = tuple(c.name for c in table.columns)
        fill = tuple(c.default.arg if c.default is not None and c.default.is_scalar else None
                     for c in table.columns)
        names = ", ".join(f'"{c}"' for c in cols)
        sql = (f'INSERT INTO "{table.name}" ({names}) VALUES ({", ".join("?" for _ in cols)})'
               " ON CONFLICT DO NOTHING")
        found = _SQLITE_IGNORING[table] = (sql, cols, fill)
    return found


def insert_ignore(conn: Connection, table: Any, rows: list[dict[str, Any]]) -> None:
    """Insert rows, skipping those whose key already exists (SQLite and PostgreSQL).

    Deterministic ids make re-extraction idempotent: the same statement is written once.
    Hot (several calls per extracted document): on SQLite the rows go to the driver's
    ``executemany`` as tuples through SQL built once per table, which skips SQLAlchemy's
    per-call and per-row parameter processing (the table's types need none on SQLite; a
    column left out gets its scalar default or NULL, as the Core insert would give it);
    elsewhere the Core statement, built once per table and dialect."""
    if not rows:
        return
    if conn.dialect.name == "sqlite":
        sql, cols, fill = _sqlite_ignoring(table)
        conn.exec_driver_sql(sql, [tuple(row.get(c, f) for c, f in zip(cols, fill, strict=True))
                                   for row in rows])
        return
    key = (conn.dialect.name, table)
    stmt = _IGNORING.get(key)
    if stmt is None:
        if conn.dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import insert as pg_insert
            stmt = pg_insert(table).on_conflict_do_nothing()
        else:
            from sqlalchemy.dialects.sqlite import insert as sqlite_insert
            stmt = sqlite_insert(table).on_conflict_do_nothing()
        _IGNORING[key] = stmt
    conn.execute(stmt, rows)
