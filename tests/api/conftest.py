"""API test fixtures: the sample store served by a real uvicorn server, read with httpx."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sample_store import LiveServer, build_sample_store

from sitrep.api import create_app
from sitrep.store import Store


@pytest.fixture(scope="session")
def sample_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    store = build_sample_store(tmp_path_factory.mktemp("api") / "sample.db")
    yield store
    store.close()


@pytest.fixture(scope="session")
def client(sample_store: Store) -> Iterator[httpx.Client]:
    with LiveServer(create_app(sample_store)) as server, \
            httpx.Client(base_url=server.url, timeout=10) as http:
        yield http


@pytest.fixture
def empty_db(tmp_path: Path) -> Path:
    return tmp_path / "empty.db"
