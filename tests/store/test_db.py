from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from sitrep.errors import SitrepError
from sitrep.store import Store
from sitrep.store.migrations import MIGRATIONS


def test_migrations_are_recorded_once(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    Store(path).close()
    Store(path).close()  # second open applies nothing
    rows = sqlite3.connect(path).execute("select name from migrations order by name").fetchall()
    assert [r[0] for r in rows] == [n for n, _ in MIGRATIONS]


def test_wal_mode_and_fts(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    Store(path).close()
    con = sqlite3.connect(path)
    assert con.execute("pragma journal_mode").fetchone()[0] == "wal"
    names = {r[0] for r in con.execute("select name from sqlite_master")}
    assert {"documents_fts", "sentences_fts", "statements", "judgements", "runs"} <= names


def test_unknown_migration_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    Store(path).close()
    con = sqlite3.connect(path)
    con.execute("insert into migrations values ('9999_from_the_future', 'x')")
    con.commit()
    with pytest.raises(SitrepError) as info:
        Store(path)
    assert info.value.code == "E002"


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(SitrepError) as info:
        Store(tmp_path / "nope" / "a.db")
    assert info.value.code == "E001"


def test_batch_commits_whole_units_and_rolls_back_the_open_one(tmp_path: Path) -> None:
    from sqlalchemy import func, insert, select

    from sitrep.store import schema

    path = tmp_path / "b.db"
    store = Store(path)

    def committed() -> int:  # what another process would see
        con = sqlite3.connect(path)
        try:
            return con.execute("select count(*) from rejects").fetchone()[0]
        finally:
            con.close()

    def unit(conn, n: int) -> None:
        conn.execute(insert(schema.rejects).values(origin=f"o{n}", code="E101", reason="x",
                                                   created_at="2026"))

    with pytest.raises(RuntimeError), store.batch(size=3, seconds=3600) as batch:
        for n in range(7):
            unit(batch.conn, n)
            batch.done()
            assert committed() == 3 * ((n + 1) // 3)  # a commit every third unit, no sooner
        raise RuntimeError("crash with one unit open")
    assert committed() == 6 and batch.commits == 2  # the open seventh unit was rolled back
    with store.batch(size=100, seconds=0.0) as batch:  # an old batch commits at once
        unit(batch.conn, 99)
        batch.done()
        assert committed() == 7
    with store.reader() as conn:
        assert conn.execute(select(func.count()).select_from(schema.rejects)).scalar() == 7
    store.close()
