"""Core value types shared by every layer.

A ``Statement`` is the unit of truth (as in followthemoney): one value about one subject, with
the document, character span and quote it came from, who said it and how sure the text is.
Events, actors and relations are assembled from statements; they are never edited in place.
"""

from __future__ import annotations

import builtins
import hashlib
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal

MODALITIES = ("asserted", "reported", "claimed", "suspected", "denied", "unconfirmed")
Modality = Literal["asserted", "reported", "claimed", "suspected", "denied", "unconfirmed"]
DATE_PRECISIONS = ("day", "month", "year")
PREDICATES = (
    "affiliate_of", "part_of", "split_from", "merged_into", "allied_with", "rival_of",
    "fights", "supports", "leads", "founded_by", "successor_of",
)

_PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def stable_id(*parts: object, length: int = 16) -> str:
    """Deterministic id from key fields: the same fact extracted twice gets the same id."""
    h = hashlib.sha256("\x1f".join("" if p is None else str(p) for p in parts).encode("utf-8"))
    return h.hexdigest()[:length]


def date_precision(value: str | None) -> str | None:
    """'2024' -> 'year', '2024-10' -> 'month', '2024-10-15' -> 'day'; None for None."""
    if not value:
        return None
    if not _PARTIAL_DATE.match(value):
        raise ValueError(f"not a YYYY, YYYY-MM or YYYY-MM-DD date: {value!r}")
    return {4: "year", 7: "month", 10: "day"}[len(value)]


def utcnow() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class Document:
    """A cleaned article ready for extraction.

    ``origin`` is what the user pointed at (file path, URL or manifest id) and is what exports
    call ``document``; ``id`` is a hash of the cleaned text, so the same text is stored once.
    """

    text: str
    origin: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None
    language: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            self.id = content_id(self.text)

    @property
    def published_precision(self) -> str | None:
        return date_precision(self.published)


def content_id(text: str) -> str:
    """Content hash of a text, insensitive to whitespace layout."""
    return stable_id(" ".join(text.split()), length=16)


@dataclass(frozen=True)
class Statement:
    """One extracted value with its evidence."""

    subject: str
    property: str
    value: str
    document_id: str
    start: int
    end: int
    quote: str
    attribution: str | None = None
    modality: str = "asserted"
    confidence: float = 1.0
    extractor: str = ""

    # ``property`` is a field name here, so the decorator is spelled through builtins.
    @builtins.property
    def id(self) -> str:
        return stable_id(self.subject, self.property, self.value, self.document_id,
                         self.start, self.end)

    def __post_init__(self) -> None:
        if self.modality not in MODALITIES:
            raise ValueError(f"unknown modality {self.modality!r}")
        if not (0 <= self.start <= self.end):
            raise ValueError("statement span must satisfy 0 <= start <= end")
