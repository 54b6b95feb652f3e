"""Shared fixtures: real SQLite files in tmp dirs and the seed corpus when it is present."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.store import Store

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
SHARED_DATA = ROOT.parent / "shared" / "data"


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store(tmp_path / "test.db")
    yield s
    s.close()


@pytest.fixture
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/corpus/seeds is not present")
    return SEEDS
