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
