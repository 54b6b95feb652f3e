"""Runs: what ran, when, with which extractor version, and what it did."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import insert, update

from ..model import utcnow
from . import schema
from .db import Store


def start_run(store: Store, command: str, extractor_version: str | None = None) -> int:
    with store.transaction() as conn:
        res = conn.execute(insert(schema.runs).values(
            command=command, started_at=utcnow(), status="running",
            extractor_version=extractor_version))
        pk = res.inserted_primary_key
        assert pk is not None
        return int(pk[0])


def finish_run(store: Store, run_id: int, stats: dict[str, Any], status: str = "done") -> None:
    with store.transaction() as conn:
        conn.execute(update(schema.runs).where(schema.runs.c.id == run_id).values(
            finished_at=utcnow(), status=status, stats=json.dumps(stats, sort_keys=True)))
