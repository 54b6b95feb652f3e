"""The store the API and web tests read: corpus/demo through the real pipeline, plus one hostile
article, built once per test session.

The store is what ``scripts/demo.sh`` gives a user (``ingest`` + ``extract_pending``, which also
fuses events), plus an article whose title and body carry ``<script>`` and ``<img onerror>``
markup. Tests must not rely on ids or exact counts of one run (extraction, fusion and relation
rules change while the suite stays the same): they read what to expect from ``gold/demo.yaml``
and from the store itself, and assert properties that break when a feature breaks.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from sitrep.store import Store

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "corpus" / "demo"
GOLD = ROOT / "gold" / "demo.yaml"

# The hostile article (our own words): markup in the title, in the event sentence and between
# sentences, and a javascript: URL. None of it may ever run or become markup in a page.
XSS_ID = "xss-1"
XSS_TITLE = "<script>window.__xss = 1</script>Raid on Djibo market"
XSS_TEXT = ("Gunmen attacked the livestock market in Djibo on Thursday, killing five traders "
            "<img src=x onerror=\"window.__xss = 2\">, a local official said. "
            "<script>window.__xss = 3</script> Several shops were burned and the market was "
            "closed for the rest of the week, residents said.")
XSS_URL = "javascript:window.__xss = 8"
XSS_PUBLISHED = "2024-05-03"


def _write_hostile_manifest(folder: Path) -> Path:
    manifest = folder / "hostile.jsonl"
    manifest.write_text(json.dumps({
        "id": XSS_ID, "title": XSS_TITLE, "text": XSS_TEXT, "url": XSS_URL,
        "source": "Hostile Wire", "published": XSS_PUBLISHED, "language": "en",
    }) + "\n", encoding="utf-8")
    return manifest


def build_demo_store(path: Path) -> Store:
    """Ingest corpus/demo and the hostile article into a new SQLite file and extract them."""
    from sitrep import sources
    from sitrep.pipeline import extract_pending

    store = Store(path)
    report = sources.ingest(store, [str(DEMO), str(_write_hostile_manifest(path.parent))])
    assert not report.rejected, report.as_dict()
    extract_pending(store)
    return store


_BUILT: dict[str, Store] = {}


def cached_demo_store(base: Path) -> Store:
    """One demo store per session (the api and web test folders share it)."""
    key = str(base)
    if key not in _BUILT:
        folder = base / "demo-store"
        folder.mkdir(exist_ok=True)
        _BUILT[key] = build_demo_store(folder / "demo.db")
    return _BUILT[key]


@cache
def gold() -> dict[str, Any]:
    """gold/demo.yaml: what the demo articles state (the tests' expectations)."""
    data: dict[str, Any] = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    return data


def gold_events(*, background: bool | None = False) -> list[dict[str, Any]]:
    out = []
    for doc_id, doc in gold()["documents"].items():
        for ev in (doc or {}).get("events") or []:
            if background is None or bool(ev.get("background")) == background:
                out.append({**ev, "document": doc_id})
    return out


def gold_countries() -> set[str]:
    return {e["country"] for e in gold_events() if e.get("country")}


def gold_date_range() -> tuple[str, str]:
    days = sorted(str(e["date"]) for e in gold_events() if e.get("date"))
    return days[0], days[-1]


class LiveServer:
    """A real uvicorn server on 127.0.0.1 (free port) in a background thread."""

    def __init__(self, app: Any) -> None:
        import socket
        import threading

        import uvicorn

        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{port}"
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port,
                                                    log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        import time

        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
