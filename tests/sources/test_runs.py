"""Runs left ``running`` by a dead process become ``interrupted`` on the next run."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from click.testing import CliRunner
from sqlalchemy import insert, select

from sitrep.cli import cli
from sitrep.store import Store, schema
from sitrep.store.runs import list_runs, start_run

ROOT = Path(__file__).resolve().parents[2]


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_stale_runs_are_marked_interrupted(store: Store) -> None:
    import socket

    host = socket.gethostname()
    rows = [
        {"command": "ingest a", "started_at": "2026-11-20T10:00:00Z", "status": "running",
         "stats": json.dumps({"pid": _dead_pid(), "host": host})},
        {"command": "ingest b", "started_at": "2026-11-20T10:00:00Z", "status": "running",
         "stats": json.dumps({"pid": os.getpid(), "host": host})},  # alive: left alone
        {"command": "ingest c", "started_at": "2026-11-20T10:00:00Z", "status": "running",
         "stats": json.dumps({"pid": 1, "host": host + "-elsewhere"})},  # cannot be judged
        {"command": "ingest d", "started_at": "2020-01-01T00:00:00Z", "status": "running",
         "stats": None},  # written before runs recorded a process, and long ago
        {"command": "ingest e", "started_at": "2999-01-01T00:00:00Z", "status": "running",
         "stats": None},
    ]
    with store.transaction() as conn:
        conn.execute(insert(schema.runs), rows)
    new_id = start_run(store, "ingest f")
    with store.reader() as conn:
        status = dict(conn.execute(select(schema.runs.c.command, schema.runs.c.status)).all())
    assert status == {"ingest a": "interrupted", "ingest b": "running", "ingest c": "running",
                      "ingest d": "interrupted", "ingest e": "running", "ingest f": "running"}
    runs = list_runs(store)
    assert runs[0]["id"] == new_id and runs[0]["stats"]["pid"] == os.getpid()
    killed = next(r for r in runs if r["command"] == "ingest a")
    assert "interrupted" in killed["stats"]


def test_killed_ingest_shows_as_interrupted(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for i in range(400):
        body = " ".join(f"word{(i * 7 + k) % 997}x{i}" for k in range(300))
        (folder / f"{i:04d}.txt").write_text(f"Field Report {i}\n\n{body}.", encoding="utf-8")
    db = tmp_path / "k.db"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.Popen([sys.executable, "-m", "sitrep", "ingest", str(folder), "--db",
                             str(db), "--no-extract"], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            con = sqlite3.connect(db, timeout=5)
            started = con.execute("SELECT count(*) FROM runs").fetchone()[0]
            con.close()
        except sqlite3.OperationalError:
            started = 0
        if started:
            break
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    runner = CliRunner()
    result = runner.invoke(cli, ["documents", "--runs", "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    assert [r["status"] for r in json.loads(result.output)] == ["running"]  # nothing judged yet
    rerun = runner.invoke(cli, ["ingest", str(folder), "--db", str(db), "--no-extract",
                                "--json"])
    assert rerun.exit_code == 0, rerun.output
    result = runner.invoke(cli, ["documents", "--runs", "--db", str(db)])
    assert result.exit_code == 0
    lines = [ln.split() for ln in result.output.splitlines()]
    assert lines[1][:2] == ["2", "done"] and lines[2][:2] == ["1", "interrupted"]
    assert "run the same command again" in " ".join(result.output.split())
    listing = runner.invoke(cli, ["documents", "--db", str(db)])
    assert "run 1 (ingest" in listing.output and "was interrupted" in listing.output
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 400
    con.close()
