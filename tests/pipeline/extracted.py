"""What the real pipeline extracts from a test sentence, with its provenance checked: every
statement and relation points at text inside its own quote, and the quote is in the text."""

from __future__ import annotations

from typing import Any

from sitrep.model import Document
from sitrep.pack import load_pack
from sitrep.pipeline import extract_document
from sitrep.pipeline.relations import ActorSpan, RelationMention, extract_relations
from sitrep.pipeline.sentences import split_sentences


def events_in(pack: Any, text: str, published: str | None, *,
              background: bool = True) -> list[dict[str, Any]]:
    """The document events of ``text`` (without background ones unless ``background``)."""
    ex = extract_document(Document(text=text, origin="t.txt", published=published), pack)
    for s in ex.statements:
        assert 0 <= s.start < s.end <= len(text)
        assert text[s.start:s.end] in s.quote and s.quote in text
    return [e for e in ex.events() if background or not e["background"]]


def new_events(pack: Any, text: str, published: str = "2023-05-16") -> list[dict[str, Any]]:
    """The events ``text`` tells as new (background ones left out)."""
    return events_in(pack, text, published, background=False)


def one_event(pack: Any, text: str, published: str = "2023-05-16") -> dict[str, Any]:
    """The one new event ``text`` tells (fails when it tells none or several)."""
    found = new_events(pack, text, published)
    assert len(found) == 1, found
    return found[0]


def relations_in(text: str) -> list[RelationMention]:
    """The relations the text patterns read in ``text`` (named actors from the real pack)."""
    pack = load_pack()
    spans = [ActorSpan(m.start, m.end, m.actor_id) for m in pack.find_actors(text)
             if m.kind == "named"]
    out = extract_relations(text, split_sentences(text), spans, pack=pack)
    for r in out:
        assert text[r.start:r.end] in r.quote and r.quote in text
    return out
