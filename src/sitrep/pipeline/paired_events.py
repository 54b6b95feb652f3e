"""Several events told in one sentence: "two attacks claimed by JNIM, one on a passenger boat
near Banikane and the other on an army position at Bourem" (each half names its own place and
target; the counts go to the half whose side they name), "marches were held in Kayes, Sikasso
and Tombouctou" (one event per listed town) and "coups in Mali in 2020 and 2021" (one event per
listed date)."""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from typing import Any

from ..model import stable_id
from . import attribution as attr
from .event_mention import Arg, EventMention, Span

ONE_AND_OTHER = re.compile(r"\bone\s+(?:on|at|in|near|against|targeting)\b(?P<one>.*?)"
                            r"\band\s+the\s+other\s+(?:on|at|in|near|against|targeting)\b"
                            r"(?P<other>[^;]*)", re.I)
_CIVILIAN = re.compile(r"\b(?:passenger|civilian|village|market|bus|boat|mosque|church|school|"
                       r"wedding|hotel|camp for displaced|displaced)s?\b", re.I)
_ARMED = re.compile(r"\b(?:army|military|base|post|position|camp|checkpoint|garrison|barracks|"
                    r"convoy|patrol|gendarmerie|police)\b", re.I)
_COUNT_SIDE = {"civilians": "civilians", "armed": "forces"}

PlaceOf = Callable[[Any, list[Any], str], Any]


def split_pair(m: EventMention, places: list[Any], doc_text: str,
               place_of: PlaceOf) -> list[EventMention]:
    """The two events of "... two attacks, one on A and the other on B", or ``[m]`` when the
    sentence does not tell two. ``place_of(trigger, places, text)`` picks the event's place
    among a half's places."""
    if m.trigger.form != "plurals":
        return [m]
    text = m.sentence.text
    hit = ONE_AND_OTHER.search(text, m.trigger.end - m.sentence.start)
    if hit is None:
        return [m]
    out = []
    for half in ("one", "other"):
        lo, hi = m.sentence.start + hit.start(half), m.sentence.start + hit.end(half)
        own = [p for p in places if lo <= p[0].start < hi]
        if not own:
            return [m]  # both halves must say where: otherwise it is one event told twice
        words = text[hit.start(half):hit.end(half)]
        civ, arm = _CIVILIAN.search(words), _ARMED.search(words)
        target = "civilians" if civ and not (arm and arm.start() < civ.start()) else \
            "armed" if arm else None
        e = copy.copy(m)
        e.id = stable_id(m.document_id, m.trigger.start, m.trigger.end, lo)
        e.place = place_of(m.trigger, own, doc_text)
        e.notes = m.notes + ["one of two events told in one sentence"]
        side = _COUNT_SIDE.get(target or "")
        e.quantities = [q for q in m.quantities if q.side == side] if side else []
        keep = [a for a in m.args if a.role in ("actor1", "assoc_actor_1", "claimed_by")]
        if target == "civilians":
            word = civ
            assert word is not None
            keep.append(Arg("actor2", "civilians",
                            Span(lo + word.start(), lo + word.end())))
            e.event_type, e.sub_event_type = "Violence against civilians", "Attack"
        else:
            hit_side = [a for a in m.args if a.role in ("actor2", "assoc_actor_2")
                        and not a.actor_id.startswith("civilians")][:1]
            keep += [Arg("actor2", a.actor_id, a.mention) for a in hit_side]
            e.event_type = m.trigger.entry.type
            e.sub_event_type = m.trigger.entry.sub_type
        e.args = keep
        e.target = target
        out.append(e)
    return out


_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)\s*$")
_ENUMERATED = re.compile(r"among them|including", re.I)
_LIST_OPEN = re.compile(r"\b(?:in|at|on|among them|including)\s+(?:the\s+towns?\s+of\s+)?$", re.I)


def split_places(m: EventMention, places: list[Any], doc_text: str) -> list[EventMention]:
    """"Smaller marches were held the same day in Kayes, Sikasso and Tombouctou": one event
    per town of a list after a plural trigger (ACLED codes an event per place), or ``[m]``."""
    if m.trigger.form != "plurals" and not _ENUMERATED.search(m.sentence.text):
        return [m]  # (a cheap test first: this runs for every event mention)
    towns = sorted((p for p in places if m.trigger.end <= p[0].start < m.sentence.end
                    and p[1].geo_precision == 1), key=lambda p: p[0].start)
    opener = _LIST_OPEN.search(doc_text, max(0, towns[0][0].start - 30), towns[0][0].start) \
        if len(towns) > 1 else None
    # a plural event ("marches were held in A, B and C") or any event whose targets are
    # enumerated ("struck six positions, among them A and B")
    if opener is None or m.trigger.form != "plurals" and not _ENUMERATED.match(opener.group(0)):
        return [m]
    listed = [towns[0]]
    for p in towns[1:]:
        if not _LIST_GAP.fullmatch(doc_text, listed[-1][0].end, p[0].start):
            break
        listed.append(p)
    if len(listed) < 2:
        return [m]
    out = []
    for p in listed:
        e = copy.copy(m)
        e.id = stable_id(m.document_id, m.trigger.start, m.trigger.end, p[0].start)
        e.place = p
        e.notes = m.notes + [f"one of several {m.trigger.text} listed by place"]
        out.append(e)
    return out


def distributed(work: Any, dates: list[Any], places: list[Any], sent: Any,
                trig: Any) -> list[EventMention]:
    """"coups in Mali in 2020 and 2021, in Burkina Faso in 2022 and Niger in 2023": one
    event per listed date, at the place named before it (lexicon entries marked
    ``distributive``)."""
    if not (trig.entry.distributive and trig.form == "plurals"):
        return []
    dates = [d for d in dates if trig.end <= d.start <= trig.end + 160
             and d.kind == "year" and d.qualifier is None]
    places = sorted((p for p in places if trig.end <= p[0].start <= trig.end + 160),
                    key=lambda p: p[0].start)
    if len(dates) < 2 or not places:
        return []
    out = []
    for d in dates:
        before = [p for p in places if p[0].start < d.start]
        if not before:
            continue
        m = EventMention(id=stable_id(work.document.id, trig.start, trig.end, d.start),
                         document_id=work.document.id, sentence=sent, trigger=trig,
                         event_type=trig.entry.type, sub_event_type=trig.entry.sub_type,
                         date=d, place=before[-1])
        m.attribution = attr.attribution_of(sent.text)
        m.modality = attr.modality_of(sent.text, m.attribution)
        m.notes.append(f"one of several {trig.text} listed in one sentence")
        out.append(m)
    return out
