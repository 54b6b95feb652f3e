"""A sentence with no trigger word that still adds to the event under discussion: a toll, a
claim, a blame, or the date of an event told without one. Split from ``events`` to keep each
module about one job."""

from __future__ import annotations

import re
from typing import Any

from ..model import stable_id
from . import attribution as attr
from .event_context import GROUP_KINDS, actor_kind_of
from .event_mention import Arg, EventMention
from .event_setting import reported_on
from .framework import Sentence, WorkDoc
from .roles import find_claims, said_it_harmed
from .triggers import Trigger

__all__ = ["follow_up"]

_BLAMED = re.compile(r"\b(?:blamed|blames|blame|blaming|attributed|attributes|"
                     r"pointed the finger at|belonged to|belonging to|members of|"
                     r"point(?:s|ed)?\s+to|suspect|suspects)\b", re.I)


_SUSPECTED_AFTER = re.compile(r"(?:\s*,[^,.;]{1,50},)?\s+(?:were|was|are|is)\s+"
                              r"(?:widely\s+|also\s+)?(?:suspected|blamed|believed responsible)"
                              r"\b", re.I)


def follow_up(work: WorkDoc, view: Any, sent: Sentence, entry: Any,
              wants_date: bool = False) -> list[EventMention]:
    """A sentence with no trigger word that adds to the event being discussed: a toll ("Twelve
    soldiers died."), a claim ("JNIM claimed it."), a blame ("It blamed Katiba Macina."), or,
    for an event told without a date, its date."""
    rel = sent.text
    if attr.is_question(rel):
        return []
    quants = [q for q in view.quantities if q.count.value <= 50_000]
    if quants and (attr.is_statistic(rel) or attr.PERIOD.search(rel)):
        quants = []  # ("The army has lost more than a dozen men to mines since January")
    named = [a for a in view.actors if getattr(a, "kind", "named") == "named"]
    claims = find_claims(work.text, named, sent.start, sent.end) \
        if named and "claim" in rel else []
    if not claims and named and work.pack is not None:
        claims = [a for a in named if said_it_harmed(work.text, a, sent.end)
                  and actor_kind_of(work, str(a.actor_id)) in GROUP_KINDS][:1]
    blame = _BLAMED.search(rel) if named else None
    blamed = [a for a in named if blame is not None and a.start >= sent.start + blame.end()
              and a not in claims][:1]
    if not blamed and named and "suspect" in rel:
        # "Dozos, traditional hunters, were suspected": the suspect named before the verb
        blamed = [a for a in named if _SUSPECTED_AFTER.match(work.text, a.end, sent.end)
                  and a not in claims][:1]
    when = None
    if wants_date:
        when = next((d for d in view.dates if d.precision in ("day", "month")
                     and d.kind != "anchored" and d.qualifier not in ("range", "decade")
                     and not d.text.lower().startswith("since")  # a tally's start
                     and not reported_on(rel, d.start - sent.start)), None)
    if not (quants or claims or blamed or when):
        return []
    first = min([(q.start, q.end, q.text) for q in quants[:1]]
                + [(a.start, a.end, a.text) for a in (claims[:1] + blamed)]
                + ([(when.start, when.end, when.text)] if when else []))
    trig = Trigger(first[0], first[1], first[2], entry, "nouns")
    m = EventMention(id=stable_id(work.document.id, first[0], first[1]),
                     document_id=work.document.id, sentence=sent, trigger=trig,
                     event_type=entry.type, sub_event_type=entry.sub_type, anaphoric=True,
                     count_only=True)
    m.quantities = list(view.quantities) if quants else []
    m.date = when
    m.attribution = attr.attribution_of(rel)
    m.modality = "suspected" if blamed and not quants else attr.modality_of(rel, m.attribution)
    for a in claims:
        m.args.append(Arg("claimed_by", str(a.actor_id), a))
    for a in blamed:
        m.args.append(Arg("actor1", str(a.actor_id), a))
    m.notes.append("toll without a trigger word (or a claim, a blame, a date), joined to the "
                   "event under discussion")
    return [m]
