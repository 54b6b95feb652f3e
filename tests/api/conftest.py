"""API test fixtures: the demo store (real pipeline) served by a real uvicorn server, read with
httpx."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from demo_store import LiveServer, cached_demo_store

from sitrep.api import create_app
from sitrep.store import Store


@pytest.fixture(scope="session")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    return cached_demo_store(tmp_path_factory.getbasetemp())


@pytest.fixture(scope="session")
def client(demo_store: Store) -> Iterator[httpx.Client]:
    with LiveServer(create_app(demo_store)) as server, \
            httpx.Client(base_url=server.url, timeout=10) as http:
        yield http


@pytest.fixture
def empty_db(tmp_path: Path) -> Path:
    return tmp_path / "empty.db"
