"""Fixtures for the sources layer: generated articles and a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

PLACES = ["Kidal", "Gao", "Mopti", "Djibo", "Dori", "Tillaberi", "Menaka", "Segou", "Kayes",
          "Fada", "Ansongo", "Timbuktu", "Diffa", "Agadez", "Nioro", "Bourem"]
SUBJECTS = ["Gunmen", "Soldiers", "Militants", "Residents", "Officials", "Witnesses",
            "Local leaders", "Aid workers", "Herders", "Traders", "Drivers", "Teachers"]
VERBS = ["reported", "described", "confirmed", "denied", "recalled", "questioned", "observed",
         "estimated", "counted", "documented", "feared", "welcomed"]
OBJECTS = ["a convoy on the road", "new checkpoints", "the closure of the market",
           "damage to the clinic", "a shortage of fuel", "movements near the river",
           "the arrival of reinforcements", "fighting at dawn", "a curfew in the town",
           "threats against farmers", "the return of families", "a drone overhead"]
TIMES = ["on Monday", "on Tuesday", "last week", "overnight", "in March", "since January",
         "early on Sunday", "late on Friday", "this month", "two days later"]


def make_article(seed: int, paragraphs: int = 6, title: str | None = None) -> str:
    """A deterministic, varied article in plain English (our own words, no real report)."""
    rng = random.Random(seed)
    lines = [title or f"{rng.choice(SUBJECTS)} Describe Unrest Near {rng.choice(PLACES)}"]
    for _ in range(paragraphs):
        sentences = []
        for _ in range(rng.randint(3, 5)):
            sentences.append(f"{rng.choice(SUBJECTS)} in {rng.choice(PLACES)} "
                             f"{rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(TIMES)}, "
                             f"according to {rng.randint(2, 90)} people interviewed by phone.")
        lines.append(" ".join(sentences))
    return "\n\n".join(lines) + "\n"


@pytest.fixture
def article() -> Any:
    return make_article


class _Handler(BaseHTTPRequestHandler):
    routes: dict[str, tuple[int, str, bytes, float]] = {}

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        status, ctype, body, delay = self.routes.get(self.path, (404, "text/plain", b"nope", 0))
        if delay:
            time.sleep(delay)
        try:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up on purpose (timeout and size-limit tests)

    def log_message(self, *args: Any) -> None:
        pass


class LocalServer:
    def __init__(self) -> None:
        handler = type("Handler", (_Handler,), {"routes": {}})
        self.routes: dict[str, tuple[int, str, bytes, float]] = handler.routes
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{path}"

    def add(self, path: str, body: str | bytes, ctype: str = "text/html; charset=utf-8",
            status: int = 200, delay: float = 0.0) -> str:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = (status, ctype, data, delay)
        return self.url(path)

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def http_server() -> Iterator[LocalServer]:
    server = LocalServer()
    yield server
    server.close()
