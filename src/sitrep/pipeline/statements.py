"""Event mentions → statements: one value each, with its evidence.

Subject ``mention:<id>`` (a per-document event mention; the id hashes document + trigger span,
so re-extraction gives the same ids). Each statement's span is the exact text of the value (the
trigger, the date phrase, the actor's name, the number) and its quote is the whole sentence, so
a reader sees the value in context. The ``event`` statement says which document event the
mention belongs to; event rows are assembled from these statements (``sitrep.store.events``).
"""

from __future__ import annotations

import json

from ..model import Statement, stable_id
from .events import EventMention
from .framework import WorkDoc

EXTRACTOR = "sitrep-rules"
EXTRACTOR_VERSION = "rules-1"
COUNT_KINDS = ("fatalities", "injured", "abducted")
_KIND_PROPERTY = {"killed": "fatalities", "injured": "injured", "abducted": "abducted"}


def event_id_for(document_id: str, first_mention_id: str) -> str:
    return stable_id("event", document_id, first_mention_id)


def mention_statements(work: WorkDoc) -> list[Statement]:
    out: list[Statement] = []
    firsts: dict[int, str] = {}
    for m in work.mentions:
        firsts.setdefault(m.event_key, m.id)
    for m in work.mentions:
        out.extend(_statements(work, m, event_id_for(m.document_id, firsts[m.event_key])))
    return out


def _statements(work: WorkDoc, m: EventMention, event_id: str) -> list[Statement]:
    doc = m.document_id
    quote = m.sentence.text
    subject = f"mention:{m.id}"
    mod, who = m.modality, m.attribution
    ext = f"{EXTRACTOR}/{EXTRACTOR_VERSION}"

    def st(prop: str, value: str, start: int, end: int, modality: str | None = None,
           confidence: float = 1.0) -> Statement:
        said = quote
        if not m.sentence.start <= start < m.sentence.end:
            # a value read from another sentence of the report (the only town it names) quotes
            # that sentence
            said = next((x.text for x in work.sentences if x.start <= start and end <= x.end),
                        quote)
        return Statement(subject, prop, value, doc, start, end, said, who, modality or mod,
                         confidence, ext)

    t = m.trigger
    out = [
        st("event", event_id, t.start, t.end),
        st("trigger", f"{t.entry.id}:{t.text.lower()}", t.start, t.end),
        st("event_type", m.event_type, t.start, t.end),
        st("sub_event_type", m.sub_event_type, t.start, t.end),
    ]
    if m.date is not None:
        d = m.date
        out.append(st("date", d.value, d.start, d.end))
        out.append(st("date_end", d.end_date.isoformat(), d.start, d.end))
        if d.qualifier:
            out.append(st("date_qualifier", d.qualifier, d.start, d.end))
    if m.place is not None:
        pm, res = m.place
        p = res.place
        precision = res.geo_precision
        if getattr(pm, "qualifier", None) == "near" and precision == 1:
            precision = 2
        out.append(st("place", p.id, pm.start, pm.end,
                      confidence=round(min(1.0, max(0.0, float(res.score or 0.0))), 3)
                      if res.score else 1.0))
        out.append(st("geo_precision", str(precision), pm.start, pm.end))
    for a in m.args:
        modality = "claimed" if a.role == "claimed_by" else None
        out.append(st(a.role, a.actor_id, a.mention.start, a.mention.end, modality))
    for q in m.quantities:
        prop = _KIND_PROPERTY[q.kind]
        part_of = m.quantities[q.part_of] if q.part_of is not None else None
        value = json.dumps({
            "low": q.count.low, "high": q.count.high, "point": q.count.value,
            "approximate": q.count.approximate, "side": q.side,
            "part_of": [part_of.start, part_of.end] if part_of else None,
        }, sort_keys=True)
        out.append(st(prop, value, q.start, q.end))
    if m.background:
        out.append(st("background", "true", t.start, t.end))
    for note in m.notes:
        out.append(st("note", note, t.start, t.end))
    return out
