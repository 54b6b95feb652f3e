"""Remove web boilerplate that survives in scraped text, and say what was removed.

Scrapers (and people copying from a browser) leave debris around an article: photo captions
and headlines repeated by carousels, share-button words, one- or two-character widget labels,
"Source: ..." credit lines, cookie and newsletter prompts, and comment or "popular posts"
footers that drag unrelated headlines along. Each rule here is small and named so the record
kept in ``Document.meta["cleaning"]`` says which rule removed which line.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

# Lines that end the article: everything from them on is comments, related links or promos.
FOOTER_MARKERS = re.compile(
    r"^(comments?|\d+\s+comments?|leave a (comment|reply)|popular posts( from this blog)?|"
    r"related (posts|articles|stories|coverage|topics|content)|more from .{1,40}|"
    r"more on this (story|topic)|top stories|you (may|might) also like|"
    r"recommended( for you)?|read next|most (read|popular|viewed)|"
    r"about the author|more stories|latest news|trending( now)?)\s*:?$",
    re.IGNORECASE,
)
# Share widgets and navigation words that carry no article text when alone on a line.
WIDGET_WORDS = {
    "share", "shares", "tweet", "email", "e-mail", "print", "facebook", "twitter", "x",
    "whatsapp", "linkedin", "telegram", "reddit", "pinterest", "copy", "link", "copy link",
    "advertisement", "advert", "ad", "sponsored", "read more", "read", "more", "save",
    "listen", "comment", "subscribe", "follow", "close", "menu", "search", "skip",
    "next", "previous", "back to top", "top", "gift", "article", "messenger", "this", "on",
    "story", "page", "continue", "reading", "below", "related", "video", "audio", "photos",
}
CREDIT_LINE = re.compile(
    r"^(source|sources|via|credit|credits|photo|image|read more|also read|see also|"
    r"originally published|(image|photo|picture|video) (source|credit)s?)\s*"
    r"(»|›|>|:|,|-|–|—|at|on)\s*\S.{0,80}$", re.IGNORECASE)
# A photo credit alone on a line: "(AP Photo/Jane Doe)", "John Doe / AFP via Getty Images".
PHOTO_CREDIT = re.compile(
    r"^\(?[^.!?]{0,60}\b(getty images|afp|reuters|ap photo[^)]*|epa|shutterstock)\)?$",
    re.IGNORECASE)
BARE_ADDRESS = re.compile(r"^(https?://)?(www\.)?[\w-]+(\.[\w-]+)+(/\S*)?$", re.IGNORECASE)
PROMPT_LINE = re.compile(
    r"(we use cookies|this (site|website) uses cookies|accept (all )?cookies|cookie (policy|"
    r"settings|preferences)|subscribe to (our|the) newsletter|sign up for (our|the) newsletter|"
    r"all rights reserved|^©|^copyright \d{4}|click here to (subscribe|read)|"
    r"enable javascript|your browser does not support)",
    re.IGNORECASE,
)
# Debris: at most 3 characters, or a short run of digits/symbols (a counter, "TT", "20").
DEBRIS = re.compile(r"^(\S{1,3}|[\d\s.,:/|+•·–—-]{1,12})$")
_WIDGET_SEPARATORS = re.compile(r"[|•·/,]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
MIN_REPEAT_LEN = 20  # shorter lines may legitimately recur ("He said:")
SHORT_PROMPT_LEN = 240  # prompts are short; a long paragraph that mentions cookies is text


@dataclass
class Cleaned:
    """Clean text plus a record of every removed line (rule, line number, text)."""

    text: str
    removed: list[dict[str, Any]] = field(default_factory=list)

    def record(self) -> dict[str, Any]:
        by_rule: dict[str, int] = {}
        for item in self.removed:
            by_rule[item["rule"]] = by_rule.get(item["rule"], 0) + 1
        return {"removed_lines": len(self.removed), "by_rule": by_rule,
                "removed": self.removed[:50]}


def normalize_text(text: str) -> str:
    """Unicode NFC, Unix newlines, no trailing blanks, no zero-width or control characters."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.replace("\u00a0", " ").replace("\ufeff", "")
    text = re.sub(r"[\u200b-\u200d\u2060]", "", text)
    text = _CONTROL.sub("", text)
    return "\n".join(line.rstrip() for line in text.split("\n"))


def cut_footer(text: str, removed: list[dict[str, Any]] | None = None) -> str:
    """Cut at the first footer marker found in the last 60 % of the text (never the article)."""
    lines = text.split("\n")
    total = max(len(text), 1)
    pos = 0
    for i, line in enumerate(lines):
        if pos >= 0.4 * total and FOOTER_MARKERS.match(line.strip()):
            if removed is not None:
                rest = [x for x in lines[i:] if x.strip()]
                removed.append({"rule": "footer", "line": i + 1, "text": _short(line.strip()),
                                "lines_cut": len(rest)})
            return "\n".join(lines[:i])
        pos += len(line) + 1
    return text


def _is_widget_line(s: str) -> bool:
    if len(s) > 60:  # checked first: most lines are paragraphs, never widget rows
        return False
    words = _WIDGET_SEPARATORS.sub(" ", s.lower()).split()
    return bool(words) and (
        s.lower() in WIDGET_WORDS or all(w.strip(":") in WIDGET_WORDS for w in words))


def _short(s: str, n: int = 100) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


def classify_line(line: str, seen: set[str]) -> str | None:
    """Name of the rule that removes this line, or None to keep it."""
    s = line.strip()
    if not s:
        return None
    key = " ".join(s.lower().split())
    if len(s) >= MIN_REPEAT_LEN and key in seen:
        return "repeated_line"
    if DEBRIS.match(s) and not s.isalpha() or (len(s) <= 3 and s.isupper()):
        return "widget_debris"
    if _is_widget_line(s):
        return "share_widget"
    if CREDIT_LINE.match(s) or PHOTO_CREDIT.match(s):
        return "credit_line"
    if BARE_ADDRESS.match(s):
        return "bare_address"
    if len(s) <= SHORT_PROMPT_LEN and PROMPT_LINE.search(s):
        return "cookie_or_subscribe"
    return None


def clean_text(text: str) -> Cleaned:
    """Apply every rule; keep first occurrences, collapse blank runs to one blank line."""
    removed: list[dict[str, Any]] = []
    text = cut_footer(normalize_text(text), removed)
    kept: list[str] = []
    seen: set[str] = set()
    for i, line in enumerate(text.split("\n")):
        rule = classify_line(line, seen)
        if rule:
            removed.append({"rule": rule, "line": i + 1, "text": _short(line.strip())})
            continue
        if line.strip():
            seen.add(" ".join(line.strip().lower().split()))
        kept.append(line)
    out = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()
    return Cleaned(text=out, removed=removed)
