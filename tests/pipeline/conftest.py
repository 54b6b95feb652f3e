"""Fixtures for pipeline tests (helpers live in extracted.py)."""

from __future__ import annotations

from typing import Any

import pytest

from sitrep.pack import load_pack


@pytest.fixture(scope="session")
def pack() -> Any:
    return load_pack()
