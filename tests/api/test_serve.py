"""`sitrep serve` starts a real server; an empty store still renders every page."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from demo_store import LiveServer

from sitrep.api import create_app


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_serve_command_prints_url_and_answers(tmp_path: Path) -> None:
    port = _free_port()
    db = tmp_path / "served.db"
    proc = subprocess.Popen(
        [sys.executable, "-m", "sitrep", "serve", "--port", str(port), "--db", str(db)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert f"http://127.0.0.1:{port}/" in line
        deadline = time.monotonic() + 15
        while True:
            try:
                res = httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=2)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        assert res.status_code == 200 and res.json()["totals"]["events"] == 0
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_serve_help_explains_options() -> None:
    out = subprocess.run([sys.executable, "-m", "sitrep", "serve", "--help"],
                         capture_output=True, text=True, check=True).stdout
    for word in ("--host", "--port", "--db", "JSON twin"):
        assert word in out


@pytest.mark.parametrize("path", ["/", "/map", "/timeline", "/network", "/relations", "/events",
                                  "/actors", "/documents", "/api/events", "/api/stats",
                                  "/api/network", "/api/changes", "/index.json", "/network.json",
                                  "/relations.json"])
def test_empty_store_renders(tmp_path: Path, path: str) -> None:
    with LiveServer(create_app(tmp_path / "empty.db")) as server:
        res = httpx.get(server.url + path, timeout=10)
    assert res.status_code == 200, res.text
