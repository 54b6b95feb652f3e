"""Runs: what ran, when, with which extractor version, and what it did.

A run row starts as ``running`` with the process id and host that own it. A process killed
with kill -9 (or a power cut) never writes its end, so the next run checks the ``running`` rows
of its own host: one whose process is gone becomes ``interrupted`` (its documents up to the
last committed batch are kept; rerunning the same command finishes the job).
"""

from __future__ import annotations

import json
import os
import socket
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, insert, select, update

from ..model import utcnow
from . import schema
from .db import Store

STATUSES = ("running", "done", "failed", "interrupted")
LEGACY_STALE = timedelta(days=1)  # rows written before runs recorded their process


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: it exists
        return True
    except OSError:
        return False
    return True


def mark_interrupted(conn: Connection, *, now: datetime | None = None) -> list[int]:
    """Mark ``running`` runs whose process is gone as ``interrupted``; return their ids.

    Only runs of this host are judged by process id (another host's processes cannot be seen);
    a run without a recorded process (older sitrep) is judged stale after a day."""
    r = schema.runs
    now = now or datetime.now(UTC)
    host = socket.gethostname()
    gone: list[tuple[int, dict[str, Any]]] = []
    for run_id, started, stats in conn.execute(
            select(r.c.id, r.c.started_at, r.c.stats).where(r.c.status == "running")):
        try:
            owner = json.loads(stats) if stats else {}
        except ValueError:
            owner = {}
        owner = owner if isinstance(owner, dict) else {}
        pid, their_host = owner.get("pid"), owner.get("host")
        if isinstance(pid, int):
            if their_host == host and not _alive(pid):
                gone.append((run_id, owner))
        elif _started(started) < now - LEGACY_STALE:
            gone.append((run_id, owner))
    for run_id, owner in gone:
        owner["interrupted"] = "its process ended without finishing (killed or crashed)"
        conn.execute(update(r).where(r.c.id == run_id, r.c.status == "running").values(
            status="interrupted", stats=json.dumps(owner, sort_keys=True)))
    return [g[0] for g in gone]


def _started(value: str | None) -> datetime:
    try:
        parsed = datetime.fromisoformat((value or "").replace("Z", "+00:00"))
    except ValueError:
        return datetime.now(UTC)  # unreadable: never judged stale on age
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def start_run(store: Store, command: str, extractor_version: str | None = None) -> int:
    """Record a new run (marking runs left ``running`` by dead processes ``interrupted``)."""
    with store.transaction() as conn:
        mark_interrupted(conn)
        res = conn.execute(insert(schema.runs).values(
            command=command, started_at=utcnow(), status="running",
            extractor_version=extractor_version,
            stats=json.dumps({"pid": os.getpid(), "host": socket.gethostname()})))
        pk = res.inserted_primary_key
        assert pk is not None
        return int(pk[0])


def finish_run(store: Store, run_id: int, stats: dict[str, Any], status: str = "done") -> None:
    with store.transaction() as conn:
        conn.execute(update(schema.runs).where(schema.runs.c.id == run_id).values(
            finished_at=utcnow(), status=status, stats=json.dumps(stats, sort_keys=True)))


def list_runs(store: Store, *, limit: int = 20) -> list[dict[str, Any]]:
    """The latest runs, newest first, with their stats decoded (``interrupted`` ones included:
    those are the runs to repeat)."""
    r = schema.runs
    with store.reader() as conn:
        rows = [dict(x) for x in conn.execute(select(r).order_by(r.c.id.desc()).limit(limit))
                .mappings()]
    for row in rows:
        try:
            row["stats"] = json.loads(row["stats"]) if row["stats"] else {}
        except ValueError:
            row["stats"] = {}
    return rows
