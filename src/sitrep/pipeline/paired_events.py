"""Several events told in one sentence: "two attacks claimed by JNIM, one on a passenger boat
near Banikane and the other on an army position at Bourem" (each half names its own place and
target; the counts go to the half whose side they name), "marches were held in Kayes, Sikasso
and Tombouctou" (one event per listed town) and "coups in Mali in 2020 and 2021" (one event per
listed date)."""

from __future__ import annotations

import copy
import dataclasses
import re
from collections.abc import Callable
from typing import Any

from ..model import stable_id
from . import attribution as attr
from .event_mention import Arg, EventMention, Span
from .numbers import Count, parse_number
from .quantities import Quantity

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


# "in the regional capital Kayes and in the border towns of Diboli and Sandare"
_TOWNS_OF = (r"(?:the\s+)?(?:(?:[\w-]+\s+){0,2}?(?:towns?|villages?|localities|communes?|cities|"
             r"city|capital)\s+(?:of\s+)?)?")
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:(?:in|at)\s+)?" + _TOWNS_OF + r"\s*$",
                       re.I)
_ENUMERATED = re.compile(r"among them|including", re.I)
_LIST_OPEN = re.compile(r"\b(?:in|at|on|among them|including)\s+" + _TOWNS_OF + "$", re.I)


def _share(q: Quantity, n: int) -> Quantity:
    c = q.count

    def part(v: int | None) -> int | None:
        return None if v is None else max(1, round(v / n))
    return dataclasses.replace(q, count=Count(max(1, round(c.value / n)), part(c.low),
                                              part(c.high), True))


# "attacked two army camps, at Boulkessi and at Mondoro": a counted plural object whose sites
# follow
_COUNTED_SITES = re.compile(r"\b(?:two|three|four|five|six|several|both)\s+(?:[\w-]+\s+){0,2}?"
                            r"(?:camps|posts|positions|bases|garrisons|checkpoints|barracks|"
                            r"villages|towns|localities|sites)\s*,?\s*$", re.I)
# "the camp of the G5 Sahel battalion at Boulkessi and the FAMa post at Mondoro ... came under
# simultaneous attacks": sites named before a plural trigger, each with its own noun
_SITE = r"(?:camp|post|base|position|garrison|checkpoint|barracks)"
_SITE_AT = re.compile(r"\b" + _SITE + r"\b"
                      r"[^,.;]{0,40}?\b(?:at|in)\s+$", re.I)
_SITE_GAP = re.compile(r"\s*,?\s+and\s+(?:(?:at|in)\s+|(?:the|a|an)\s+(?:[\w-]+\s+){0,4}?"
                       + _SITE + r"\s+"
                       r"(?:[\w-]+\s+){0,4}?(?:at|in)\s+)", re.I)


def _sites_before(m: EventMention, places: list[Any], doc_text: str) -> list[Any]:
    """The sites listed before a plural trigger, each with its own noun, or ``[]``."""
    towns = sorted((p for p in places if m.sentence.start <= p[0].start < m.trigger.start
                    and p[1].geo_precision == 1), key=lambda p: p[0].start)
    first = next((i for i, p in enumerate(towns) if _SITE_AT.search(
        doc_text, max(m.sentence.start, p[0].start - 60), p[0].start)), None)
    if first is None:
        return []
    listed = [towns[first]]
    for p in towns[first + 1:]:
        if not _SITE_GAP.fullmatch(doc_text, listed[-1][0].end, p[0].start):
            break
        listed.append(p)
    return listed if len(listed) > 1 else []


def split_places(m: EventMention, places: list[Any], doc_text: str) -> list[EventMention]:
    """"Smaller marches were held the same day in Kayes, Sikasso and Tombouctou": one event
    per town of a list after a plural trigger (ACLED codes an event per place), or ``[m]``."""
    if m.trigger.form != "plurals" and not _ENUMERATED.search(m.sentence.text) and \
            " and at " not in m.sentence.text:
        return [m]  # (a cheap test first: this runs for every event mention)
    towns = sorted((p for p in places if m.trigger.end <= p[0].start < m.sentence.end
                    and p[1].geo_precision == 1), key=lambda p: p[0].start)
    opener = _LIST_OPEN.search(doc_text, max(0, towns[0][0].start - 30), towns[0][0].start) \
        if len(towns) > 1 else None
    # a plural event ("marches were held in A, B and C") or any event whose targets are
    # enumerated ("struck six positions, among them A and B", "attacked two army camps, at A
    # and at B")
    listed = []
    if opener is not None and (m.trigger.form == "plurals" or _ENUMERATED.match(
            opener.group(0)) or _COUNTED_SITES.search(
            doc_text, max(m.trigger.end, opener.start() - 60), opener.start())):
        listed = [towns[0]]
        for p in towns[1:]:
            if not _LIST_GAP.fullmatch(doc_text, listed[-1][0].end, p[0].start):
                break
            listed.append(p)
    if len(listed) < 2 and m.trigger.form == "plurals":
        listed = _sites_before(m, places, doc_text)
    if len(listed) < 2:
        return [m]
    out = []
    for p in listed:
        e = copy.copy(m)
        e.id = stable_id(m.document_id, m.trigger.start, m.trigger.end, p[0].start)
        e.place = p
        e.notes = m.notes + [f"one of several {m.trigger.text} listed by place"]
        if m.quantities and m.trigger.entry.by_target:
            # "about 100 killed in attacks on X and Y": the toll is the places' sum; each place
            # gets an even share (ACLED's rule), so the sum is not counted once per place
            e.quantities = [_share(q, len(listed)) for q in m.quantities]
            e.notes.append(f"an even share of a toll given for {len(listed)} places")
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


# "24 people had died in Gangafani II and 14 in Yoro": a toll given place by place
_TOLL_AT = re.compile(r"\s+(?:in|at)\s+" + _TOWNS_OF, re.I)
_AND_COUNT_AT = re.compile(r"(?:\s+(?-i:I{1,3}|IV|[A-Z]))?\s*(?:,\s*|\s+)and\s+"
                           r"(?P<num>\d[\d,]*|[a-z]+(?:-[a-z]+)?)\s+(?:more\s+|others?\s+)?"
                           r"(?:in|at)\s+(?:nearby\s+|neighbouring\s+)?" + _TOWNS_OF, re.I)


def split_tolls(m: EventMention, places: list[Any], doc_text: str) -> list[EventMention]:
    """ "killed 179 people in Soro and 44 in nearby Nondin", "24 people had died in X and 14 in
    Y": one event per place, each with its own count, or ``[m]``. The second count's words
    ("14 in Y") are its quantity's span."""
    if not m.quantities or " and " not in m.sentence.text:
        return [m]
    towns = sorted((p for p in places if m.sentence.start <= p[0].start < m.sentence.end
                    and p[1].geo_precision < 3), key=lambda p: p[0].start)
    for q in m.quantities:
        if q.kind != "killed" or q.part_of is not None:
            continue
        first = next((p for p in towns if _TOLL_AT.fullmatch(doc_text, q.end, p[0].start)), None)
        if first is None:
            continue
        second = next((p for p in towns if p[0].start > first[0].end
                       and _AND_COUNT_AT.fullmatch(doc_text, first[0].end, p[0].start)), None)
        if second is None:
            continue
        hit = _AND_COUNT_AT.fullmatch(doc_text, first[0].end, second[0].start)
        assert hit is not None
        value = parse_number(hit.group("num"))
        if not value:
            continue
        start = hit.start("num")
        other = Quantity(start, second[0].end, doc_text[start:second[0].end], "killed",
                         Count(value, value, value), q.side)
        one, two = copy.copy(m), copy.copy(m)
        one.place, two.place = first, second
        one.quantities = [x for x in m.quantities if x is q or x.kind != "killed"]
        two.quantities = [other]
        two.id = stable_id(m.document_id, m.trigger.start, m.trigger.end, second[0].start)
        one.notes = m.notes + ["a toll given place by place"]
        two.notes = one.notes
        two.args = [a for a in m.args if a.role != "actor2" or a.actor_id.startswith("civilians")]
        return [one, two]
    return [m]
