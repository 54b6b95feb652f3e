"""Opening a store: one engine, the right pragmas, migrations applied.

SQLite is the default (a file, WAL mode so readers never block the writer); a
``postgresql://`` URL gives the same schema on a server. Everything above this layer talks to a
``Store`` and SQLAlchemy Core expressions, never to a driver.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.exc import OperationalError

from ..errors import Errors, SitrepError
from .migrations import apply_migrations

DEFAULT_DB = "sitrep.db"


def default_db() -> str:
    """``$SITREP_DB`` if set, else ``sitrep.db`` in the working directory."""
    return os.environ.get("SITREP_DB") or DEFAULT_DB


def _url_for(target: str | Path) -> str:
    s = str(target)
    if s.startswith(("postgresql://", "postgresql+", "sqlite://")):
        return s
    if "://" in s:
        raise SitrepError(Errors.E003, url=s)
    return f"sqlite:///{Path(s).expanduser()}"


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


class Store:
    """A sitrep database. Cheap to open; migrations run on first open."""

    def __init__(self, target: str | Path | None = None, *, migrate: bool = True) -> None:
        self.target = str(target or default_db())
        self.url = _url_for(self.target)
        self.engine: Engine = create_engine(self.url, future=True)
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
                raise SitrepError(Errors.E001, path=self.target, reason=str(exc.orig)) from exc

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One atomic unit of work: committed on success, rolled back on any error."""
        with self.engine.begin() as conn:
            yield conn

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


def insert_ignore(conn: Connection, table: Any, rows: list[dict[str, Any]]) -> None:
    """Insert rows, skipping those whose key already exists (SQLite and PostgreSQL).

    Deterministic ids make re-extraction idempotent: the same statement is written once."""
    if not rows:
        return
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert
        conn.execute(pg_insert(table).on_conflict_do_nothing(), rows)
    else:
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert
        conn.execute(sqlite_insert(table).on_conflict_do_nothing(), rows)
