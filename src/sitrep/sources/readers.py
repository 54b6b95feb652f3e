"""Readers: bytes from a file or a response become ``RawItem`` objects (text + metadata).

One reader per format (plain text, Markdown, HTML, RSS/Atom). A reader raises ``SitrepError``
when the whole input is unusable; a feed yields ``Reject`` for a bad entry and carries on.
Cleaning, splitting and dedup happen later, in ``sitrep.sources.ingest``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ..errors import Errors, SitrepError

TEXT_SUFFIXES = {".txt", ".text"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
FEED_SUFFIXES = {".xml", ".rss", ".atom"}
MANIFEST_SUFFIXES = {".jsonl"}
SUPPORTED = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES | MANIFEST_SUFFIXES
METADATA_FIELDS = ("title", "source", "url", "published", "language")


@dataclass
class RawItem:
    """One article as read, before cleaning: text plus whatever metadata the input carried."""

    text: str
    origin: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    path: str | None = None
    published: str | None = None
    language: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    def override(self, fields: dict[str, Any]) -> None:
        """Manifest metadata wins over what was read from the file itself."""
        for key in METADATA_FIELDS:
            if fields.get(key) not in (None, ""):
                setattr(self, key, str(fields[key]))


@dataclass
class Reject:
    """An input set aside: where it came from and the catalogue error saying why."""

    origin: str
    error: SitrepError


def decode_bytes(data: bytes) -> tuple[str, str]:
    """UTF-8 (with or without BOM), else Windows-1252 when that yields real text; else E101."""
    if not data.strip():
        raise SitrepError(Errors.E102)
    head = data[:8192]
    if b"\x00" in head:
        raise SitrepError(Errors.E101, detail="it contains NUL bytes")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = f"not UTF-8 at byte {exc.start}"
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise SitrepError(Errors.E101, detail=utf8_error) from None
    controls = sum(1 for c in text if unicodedata.category(c) == "Cc" and c not in "\n\r\t")
    if controls > len(text) / 200:
        raise SitrepError(Errors.E101, detail=f"{utf8_error}, and not Windows-1252 text")
    return text, "cp1252"


_MD_RULES = [
    (re.compile(r"^\s{0,3}#{1,6}\s*", re.M), ""),  # heading markers
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),  # images
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links keep their text
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),  # bold
    (re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?!\w)"), r"\1"),  # italic
    (re.compile(r"^\s{0,3}>\s?", re.M), ""),  # block quotes
    (re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$", re.M), ""),  # horizontal rules
    (re.compile(r"^(---\n.*?\n---\n)", re.S), ""),  # front matter
]


def markdown_to_text(md: str) -> str:
    """Drop Markdown syntax, keep words: spans must point at prose, not at ``**``."""
    for pattern, repl in _MD_RULES:
        md = pattern.sub(repl, md)
    return md


def html_to_item(html: str, origin: str, *, url: str | None = None) -> RawItem:
    """Main text and metadata of a web page (trafilatura); E107 when there is no article."""
    import trafilatura

    try:
        text = trafilatura.extract(html, url=url, output_format="txt", include_comments=False,
                                   include_tables=False, favor_precision=True)
        meta = trafilatura.extract_metadata(html, default_url=url)
    except Exception as exc:  # trafilatura/lxml raise many types on broken markup
        raise SitrepError(Errors.E107, detail=f"{type(exc).__name__}: {exc}") from None
    if not text or not re.search(r"\w{2,}\W+\w{2,}", text) or "<" in text[:3]:
        raise SitrepError(Errors.E107, detail="no article text found in the page")
    item = RawItem(text=text, origin=origin, url=url, meta={"format": "html"})
    if meta is not None:
        item.title = meta.title or None
        item.source = meta.sitename or None
        item.url = url or meta.url or None
        item.language = getattr(meta, "language", None) or None
        if meta.date:
            item.meta["page_date"] = meta.date
    return item


def fragment_to_text(fragment: str) -> str:
    """Text of an HTML fragment (a feed summary), paragraphs on their own lines."""
    if "<" not in fragment:
        return fragment
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # lxml's parser errors are not one class
        return re.sub(r"<[^>]+>", " ", fragment)
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    for el in root.iter("p", "div", "li", "h1", "h2", "h3", "h4", "blockquote"):
        el.tail = "\n" + (el.tail or "")
    return str(root.text_content())


def feed_items(data: bytes, origin: str) -> Iterator[RawItem | Reject]:
    """Entries of an RSS/Atom feed with content or a summary; E107 when it is not a feed."""
    import feedparser

    from .dates import parse_published

    parsed = feedparser.parse(data)
    if not parsed.get("version") and not parsed.entries:
        detail = str(parsed.get("bozo_exception") or "no RSS or Atom feed found")
        raise SitrepError(Errors.E107, detail=detail)
    feed_title = parsed.feed.get("title") or None
    for n, entry in enumerate(parsed.entries, 1):
        link = entry.get("link") or None
        entry_origin = link or entry.get("id") or f"{origin}#entry-{n}"
        body = ""
        if entry.get("content"):
            body = max((c.get("value", "") for c in entry.content), key=len)
        if len(entry.get("summary", "")) > len(body):
            body = entry.get("summary", "")
        text = fragment_to_text(body).strip()
        if not text:
            yield Reject(entry_origin, SitrepError(Errors.E102))
            continue
        title = fragment_to_text(entry.get("title", "")).strip() or None
        published = None
        for key in ("published", "updated", "created"):
            if entry.get(key):
                try:
                    published = parse_published(entry.get(key))
                    break
                except SitrepError:
                    continue
        if published is None:
            struct = entry.get("published_parsed") or entry.get("updated_parsed")
            if struct:
                published = f"{struct.tm_year:04d}-{struct.tm_mon:02d}-{struct.tm_mday:02d}"
        item = RawItem(text=text, origin=entry_origin, title=title, source=feed_title, url=link,
                       published=published, meta={"format": "feed", "feed": origin})
        yield item


def read_bytes(data: bytes, origin: str, kind: str, *, url: str | None = None,
               path: str | None = None) -> Iterator[RawItem | Reject]:
    """Dispatch on ``kind`` ("text", "markdown", "html", "feed") and yield items."""
    if kind == "feed":
        yield from feed_items(data, origin)
        return
    text, encoding = decode_bytes(data)
    if kind == "html":
        item = html_to_item(text, origin, url=url)
    else:
        body = markdown_to_text(text) if kind == "markdown" else text
        item = RawItem(text=body, origin=origin, url=url, meta={"format": kind})
    item.path = path
    if encoding != "utf-8":
        item.meta["encoding"] = encoding
    yield item


def kind_for_suffix(suffix: str) -> str:
    suffix = suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return "text"
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in FEED_SUFFIXES:
        return "feed"
    if suffix in MANIFEST_SUFFIXES:
        return "manifest"
    raise SitrepError(Errors.E109, suffix=suffix or "(none)")


def kind_for_content_type(content_type: str, url: str) -> str:
    """What a response is, from its Content-Type (then the URL's suffix as a fallback)."""
    ct = content_type.split(";")[0].strip().lower()
    if ct in ("text/html", "application/xhtml+xml"):
        return "html"
    if ct in ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml"):
        return "feed"
    if ct in ("text/plain", ""):
        return "text"
    if ct == "text/markdown":
        return "markdown"
    if ct in ("application/octet-stream", "binary/octet-stream"):  # servers that do not say
        from pathlib import PurePosixPath
        from urllib.parse import urlsplit

        suffix = PurePosixPath(urlsplit(url).path).suffix.lower()
        if suffix in SUPPORTED - MANIFEST_SUFFIXES:
            return kind_for_suffix(suffix)
    raise SitrepError(Errors.E109, suffix=ct)
