"""Each source type through ``ingest`` into a real SQLite store, and every reject path."""

from __future__ import annotations

import json
import socket
from pathlib import Path
from typing import Any

from sqlalchemy import select

from sitrep.sources import ingest
from sitrep.store import Store, schema

PAGE = """<!doctype html><html lang="en"><head><title>{title} | Example News</title>
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2023-05-04T09:00:00Z"></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>{title}</h1>{paragraphs}</article>
<aside>Popular now: celebrity gossip and recipes</aside><footer>Cookie settings</footer>
</body></html>"""


def page(article: Any, seed: int, title: str) -> str:
    body = article(seed).split("\n\n")[1:]
    return PAGE.format(title=title, paragraphs="".join(f"<p>{p}</p>" for p in body))


def rows(store: Store) -> list[dict[str, Any]]:
    with store.reader() as conn:
        return [dict(r) for r in conn.execute(
            select(schema.documents).order_by(schema.documents.c.origin)).mappings()]


def test_txt_and_md(tmp_path: Path, store: Store, article: Any) -> None:
    (tmp_path / "one.txt").write_text(article(1), encoding="utf-8")
    md = "# Convoy Attacked on the Northern Road\n\n" + "\n\n".join(
        f"**Update:** {p} See [the map](http://example.org/map)." for p in
        article(2).split("\n\n")[1:])
    (tmp_path / "two.md").write_text(md, encoding="utf-8")
    report = ingest(store, [str(tmp_path)])
    assert len(report.new) == 2 and report.ok
    one, two = rows(store)
    assert one["title"] == article(1).split("\n")[0]  # headline-shaped first line
    assert one["language"] == "en" and json.loads(one["meta"])["language_guessed"] is True
    assert two["title"] == "Convoy Attacked on the Northern Road"
    assert "**" not in two["text"] and "the map" in two["text"] and "http" not in two["text"]
    assert json.loads(two["meta"])["format"] == "markdown"


def test_html_main_text_and_metadata(tmp_path: Path, store: Store, article: Any) -> None:
    (tmp_path / "page.html").write_text(page(article, 3, "Market Reopens After Attack"),
                                        encoding="utf-8")
    ingest(store, [str(tmp_path / "page.html")])
    (doc,) = rows(store)
    assert doc["title"].startswith("Market Reopens After Attack")
    assert doc["source"] == "Example News"
    assert doc["published"] == "2023-05-04" and doc["published_precision"] == "day"
    assert article(3).split("\n\n")[1][:60] in doc["text"]
    assert "celebrity gossip" not in doc["text"] and "Home" not in doc["text"]


def test_manifest_with_path_and_text(tmp_path: Path, store: Store, article: Any) -> None:
    (tmp_path / "f.txt").write_text(article(4), encoding="utf-8")
    entries = [
        {"path": "f.txt", "id": "wire-1", "title": "Given Title", "source": "Wire",
         "published": "2022-07", "language": "en", "section": "world"},
        {"text": article(5), "title": "Inline", "published": "2021"},
        {"path": "missing.txt"},
        {"title": "neither path nor text"},
    ]
    manifest = tmp_path / "list.jsonl"
    manifest.write_text("\n".join(json.dumps(e) for e in entries) + "\n{not json\n",
                        encoding="utf-8")
    report = ingest(store, [str(manifest)])
    by_origin = {r["origin"]: r for r in rows(store)}
    given = by_origin["wire-1"]
    assert (given["title"], given["source"], given["published"], given["published_precision"],
            given["language"]) == ("Given Title", "Wire", "2022-07", "month", "en")
    assert json.loads(given["meta"])["manifest"] == {"section": "world"}
    inline = by_origin[f"{manifest}:2"]
    assert inline["published"] == "2021" and inline["published_precision"] == "year"
    codes = sorted(r["code"] for r in report.rejected)
    assert codes == ["E104", "E105", "E108"]


def test_folder_manifest_gives_metadata_and_is_not_a_document(
        tmp_path: Path, store: Store, article: Any) -> None:
    sub = tmp_path / "b"
    sub.mkdir()
    (tmp_path / "a.txt").write_text(article(6), encoding="utf-8")
    (sub / "c.txt").write_text(article(7), encoding="utf-8")
    (sub / "d.txt").write_text(article(8), encoding="utf-8")
    (sub / "manifest.jsonl").write_text(
        json.dumps({"path": "c.txt", "title": "C", "published": "2020-02-03"}) + "\n",
        encoding="utf-8")
    report = ingest(store, [str(tmp_path)])
    assert report.ok and len(report.new) == 3
    titles = {Path(r["origin"]).name: r["title"] for r in rows(store)}
    assert titles["c.txt"] == "C"
    assert "manifest.jsonl" not in titles
    # a file named directly still picks up its folder's manifest entry
    other = Store(tmp_path / "other.db")
    ingest(other, [str(sub / "c.txt")])
    assert rows(other)[0]["title"] == "C"
    other.close()


RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Example Feed</title>
<item><title>First Item Title</title><link>http://example.org/1</link>
<pubDate>Tue, 15 Oct 2024 08:00:00 GMT</pubDate>
<description>&lt;p&gt;{a}&lt;/p&gt;</description></item>
<item><title>Empty</title><link>http://example.org/2</link><description></description></item>
</channel></rss>"""
ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Atom Example</title><id>urn:x</id><updated>2024-01-01T00:00:00Z</updated>
<entry><title>Atom Entry</title><id>urn:x:1</id><link href="http://example.org/atom/1"/>
<updated>2024-01-02T10:00:00Z</updated>
<content type="html">&lt;p&gt;{a}&lt;/p&gt;&lt;p&gt;{b}&lt;/p&gt;</content>
</entry></feed>"""


def test_rss_and_atom(tmp_path: Path, store: Store, article: Any) -> None:
    paras = article(9).split("\n\n")
    (tmp_path / "news.rss").write_text(RSS.format(a=paras[1]), encoding="utf-8")
    (tmp_path / "news.atom").write_text(ATOM.format(a=paras[2], b=paras[3]), encoding="utf-8")
    report = ingest(store, [str(tmp_path)])
    docs = {r["origin"]: r for r in rows(store)}
    rss = docs["http://example.org/1"]
    assert (rss["title"], rss["source"], rss["published"], rss["url"]) == (
        "First Item Title", "Example Feed", "2024-10-15", "http://example.org/1")
    atom = docs["http://example.org/atom/1"]
    assert atom["published"] == "2024-01-02" and atom["text"].count("\n") >= 1
    assert [r["code"] for r in report.rejected] == ["E102"]  # the entry without text


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_urls_from_a_local_server(tmp_path: Path, store: Store, http_server: Any,
                                  article: Any) -> None:
    good = http_server.add("/story", page(article, 12, "Town Council Meets After Raid"))
    text = http_server.add("/plain", article(13), ctype="text/plain; charset=utf-8")
    feed = http_server.add("/feed", RSS.format(a=article(14).split("\n\n")[1]),
                           ctype="application/rss+xml")
    missing = http_server.url("/gone")
    slow = http_server.add("/slow", article(15), ctype="text/plain", delay=2.0)
    big = http_server.add("/big", "x " * 60_000, ctype="text/plain")
    image = http_server.add("/img", b"\x89PNG\r\n", ctype="image/png")
    octet = http_server.add("/files/note.txt", article(16), ctype="application/octet-stream")
    dead = f"http://127.0.0.1:{_closed_port()}/x"
    listed = http_server.add("/listed", article(17), ctype="text/plain")
    manifest = tmp_path / "urls.jsonl"
    manifest.write_text(json.dumps({"url": listed, "id": "listed-1", "source": "Listed"}) + "\n",
                        encoding="utf-8")
    report = ingest(store, [good, text, feed, missing, slow, big, image, dead, octet,
                            str(manifest)],
                    timeout=0.5, max_bytes=100_000)
    assert sorted(d["origin"] for d in report.new) == sorted(
        [good, text, "http://example.org/1", octet, "listed-1"])
    rejected = {r["origin"]: r for r in report.rejected}
    assert "HTTP 404" in rejected[missing]["reason"]
    assert rejected[slow]["code"] == "E106" and "0.5 s" in rejected[slow]["reason"]
    assert rejected[big]["code"] == "E103"
    assert rejected[image]["code"] == "E109"
    assert rejected[dead]["code"] == "E106"
    stored = {r["origin"]: r for r in rows(store)}
    assert stored[good]["url"] == good and stored[good]["source"] == "Example News"
    assert stored["listed-1"]["source"] == "Listed" and stored["listed-1"]["url"] == listed


def test_bad_inputs_are_rejected_and_batch_goes_on(tmp_path: Path, store: Store,
                                                   article: Any) -> None:
    (tmp_path / "good.txt").write_text(article(16), encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.md").write_text("\n\n   \n", encoding="utf-8")
    (tmp_path / "huge.txt").write_text(article(17) * 50, encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes(
        (article(18) + "Café owners in Ségou said prices rose.\n").encode("cp1252"))
    (tmp_path / "broken.html").write_text("<html><body><div><<<", encoding="utf-8")
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / "debris.txt").write_text("TT\n20\nShare\n", encoding="utf-8")
    report = ingest(store, [str(tmp_path), str(tmp_path / "nowhere.txt")], max_bytes=20_000)
    codes = {Path(r["origin"]).name: r["code"] for r in report.rejected}
    assert codes == {"binary.txt": "E101", "empty.txt": "E102", "blank.md": "E102",
                     "huge.txt": "E103", "broken.html": "E107", "notes.docx": "E109",
                     "debris.txt": "E102", "nowhere.txt": "E108"}
    assert sorted(Path(d["origin"]).name for d in report.new) == ["good.txt", "latin1.txt"]
    latin = next(r for r in rows(store) if r["origin"].endswith("latin1.txt"))
    assert "Café owners in Ségou" in latin["text"]
    assert json.loads(latin["meta"])["encoding"] == "cp1252"
    with store.reader() as conn:
        assert len(conn.execute(select(schema.rejects)).all()) == 8
    # rerun: nothing new, no duplicate reject rows
    again = ingest(store, [str(tmp_path)], max_bytes=20_000)
    assert not again.new and len(again.duplicates) == 2
    with store.reader() as conn:
        assert len(conn.execute(select(schema.rejects)).all()) == 8


def test_bad_manifest_date_keeps_document_with_warning(tmp_path: Path, store: Store,
                                                       article: Any) -> None:
    (tmp_path / "m.jsonl").write_text(json.dumps({"text": article(19), "published": "soon"}),
                                      encoding="utf-8")
    report = ingest(store, [str(tmp_path / "m.jsonl")])
    assert len(report.new) == 1 and report.warnings[0]["code"] == "E110"
    assert rows(store)[0]["published"] is None


def test_progress_callback(tmp_path: Path, store: Store, article: Any) -> None:
    for i in range(3):
        (tmp_path / f"{i}.txt").write_text(article(30 + i), encoding="utf-8")
    calls: list[tuple[int, int, str]] = []
    ingest(store, [str(tmp_path)], progress=lambda d, t, o: calls.append((d, t, o)))
    assert [(d, t) for d, t, _ in calls] == [(1, 3), (2, 3), (3, 3)]


def test_unexpected_reader_failure_is_a_reject(tmp_path: Path, store: Store, article: Any,
                                               monkeypatch: Any) -> None:
    """Safety net: a bug in a third-party parser on one file costs that file only."""
    import importlib

    ingest_module = importlib.import_module("sitrep.sources.ingest")  # the module, not the fn

    real = ingest_module.read_bytes

    def flaky(data: bytes, origin: str, kind: str, **kw: Any) -> Any:
        if origin.endswith("odd.txt"):
            raise ValueError("parser exploded")
        return real(data, origin, kind, **kw)

    monkeypatch.setattr(ingest_module, "read_bytes", flaky)
    (tmp_path / "odd.txt").write_text(article(40), encoding="utf-8")
    (tmp_path / "fine.txt").write_text(article(41), encoding="utf-8")
    report = ingest(store, [str(tmp_path)])
    assert [Path(d["origin"]).name for d in report.new] == ["fine.txt"]
    assert report.rejected[0]["code"] == "E111"
    assert "parser exploded" in report.rejected[0]["reason"]
