"""Fixtures for fusion tests (helpers live in fusion_reports.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from sitrep.store import Store


@pytest.fixture
def make_store(tmp_path: Path) -> Iterator[Callable[[str], Store]]:
    stores: list[Store] = []

    def make(name: str) -> Store:
        s = Store(tmp_path / f"{name}.db")
        stores.append(s)
        return s

    yield make
    for s in stores:
        s.close()
