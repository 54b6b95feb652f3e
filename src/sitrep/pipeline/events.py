"""Event mentions: a trigger plus its arguments, filtered, typed and grouped within a document.

One sentence gives at most one event mention (its highest-priority trigger names it; the others
usually describe the same attack: "stormed ... taking hostages ... killing 20"). A mention is
kept only when it is real and specific: not hypothetical, negated, a question, a statistic, or
a generic plural with nothing that pins it down ("an uptick in attacks"). Within one document,
mentions of the same event ("the Bamako attack", "the siege at the hotel", "the attack") are
grouped by evidence (same place, same day, same named actor, a definite anaphor), so a document
gives each real event once.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..model import stable_id
from . import attribution as attr
from .dates import DateMention
from .event_context import (
    BASE,
    GROUP_CHANGE,
    GROUP_KINDS,
    PARTICIPLE_ASIDE,
    actor_kind_of,
    describes_actor,
    group_anaphor,
    group_change_roles,
    news_perfect,
)
from .event_groups import can_stand_alone, corefer, finish, inherit
from .event_mention import VIOLENT, Arg, EventMention
from .event_typing import actor_id_in_context, forces_of, type_by_target
from .framework import Sentence, WorkDoc
from .numbers import Count
from .paired_events import split_pair
from .quantities import Quantity
from .roles import assign_roles, find_claims, is_state, said_it_harmed
from .triggers import Trigger

__all__ = ["EventMention", "build_mentions"]

_ANAPHOR = re.compile(r"\b(?:the|this|that|these|those|its|their|his|her|both|all)\s+"
                      r"(?:[\w.’'-]+\s+)?"
                      r"(?:[\w.’'-]+\s+)?$", re.I)
_YEAR_BEFORE = re.compile(r"\b(?:19|20)\d\d(?:\s+[A-Z][\w.’'-]*){0,4}\s+$")
_SINCE = re.compile(r"\b(?:since|until|till|before|after|prior to|by|from)\s+(?:the\s+)?$", re.I)
_COUNTED = re.compile(r"\b(?:two|three|four|five|six|seven|eight|nine|ten|several|multiple|"
                      r"numerous|many|dozens of|hundreds of|\d+)\s+(?:[\w-]+\s+)?$", re.I)
_SINCE_WORD = re.compile(r"\bsince\b", re.I)
_SINCE_PHRASE = re.compile(r"(?:since|until|till|from|by)\b", re.I)
_PRESENT = re.compile(r"(?:[^s]s|es)$")
_SUPERLATIVE = re.compile(r"\b(?:deadliest|worst|bloodiest|biggest|largest|most serious|"
                          r"heaviest)\s+(?:[\w-]+\s+)?$", re.I)
_PERFECT_VAGUE = re.compile(r"(?<!\bto )\b(?:have|has)\s+(?:\w+\s+)?$", re.I)
_VAGUE_COUNT = re.compile(r"\s+(?:several|many|numerous|scores of|hundreds of|thousands of|"
                          r"dozens of|a number of)\b", re.I)
# "JNIM claimed it, saying it was revenge for the arrest of its men": a motive, not an event
_MOTIVE = re.compile(r"\b(?:saying (?:it|they) (?:was|were|had been) (?:an? )?"
                     r"(?:revenge|retaliation|response|punishment)|in (?:retaliation|response|"
                     r"revenge) (?:for|to)|to avenge|as (?:revenge|retaliation|punishment) for)"
                     r"\b[^.;]{0,60}$", re.I)
_BUILDING_AFTER = re.compile(r"\s+(?:the|a|an)\s+(?:\w+\s+)?(?:building|hotel|compound|embassy|"
                             r"school|mosque|church|restaurant|mall|house|premises)\b", re.I)
_REFERENCE = re.compile(r"\b(?:(?:in connection with|linked to|over|for|after|following|behind|"
                        r"in the wake of|in response to|responsible for)\s+(?:the|this|that|"
                        r"last \w+['’]s)|backed by|supported by|with the support of|"
                        r"with the help of|under cover of|aided by)\s+(?:[\w-]+\s+)?$", re.I)
_ACTS_AFTER = re.compile(r"\s+(?:has\s+|have\s+|had\s+)?(?:declared|announced|sent|said|says|"
                         r"accused|asked|demanded|ordered|expelled|suspended|recalled|signed|"
                         r"agreed|decided|denied|condemned|called|requested)\b")
_ONE_TAKEN = re.compile(r"\b(?:was|had been|has been)\s+(?:\w+\s+)?$", re.I)
_MOTIVE_CUE = re.compile(r"revenge|retaliat|response|punish|avenge", re.I)
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an)\s+$", re.I)
_CAME_AFTER = re.compile(r"\b(?:came|comes|follows|followed)\s+(?:[\w-]+\s+){0,3}?"
                         r"(?:after|before)\b", re.I)
_GERUND_OBJECT = re.compile(r"\b(?:of|for)\s+$", re.I)
_NAMED_ACCORD = re.compile(r"\b(?:of|under|to|from|with|in)\s+the\s+(?:[A-Z][\w’'-]+\s+|\d{4}\s+)+"
                           r"(?:peace\s+)?$")
_NEGATED_BEFORE = re.compile(r"\b(?:no|not|never|without|nor|denied|deny|denies)\b[^.;,]{0,25}$",
                             re.I)


@dataclass
class _View:
    """One sentence's mentions (bucketed once, so each sentence only looks at its own)."""

    actors: list[Any] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    places: list[Any] = field(default_factory=list)


def _views(work: WorkDoc) -> dict[int, _View]:
    views: dict[int, _View] = {}
    for name, items, pos in (("actors", work.actors, lambda x: x.start),
                             ("dates", work.dates, lambda x: x.start),
                             ("quantities", work.quantities, lambda x: x.start),
                             ("places", work.places, lambda x: x[0].start)):
        for item in items:
            sent = work.sentence_at(pos(item))
            if sent is not None:
                getattr(views.setdefault(sent.idx, _View()), name).append(item)
    return views


def build_mentions(work: WorkDoc, lexicon_triggers: Sequence[Trigger],
                   count_entry: Any = None) -> list[EventMention]:
    """Event mentions of one document, grouped into document events (``event_key``).

    ``count_entry`` (the lexicon's weak killing entry) lets a sentence that only gives a toll
    ("ACLED put the total at 90") add its figure to the event the text is talking about."""
    by_sentence: dict[int, list[Trigger]] = {}
    dated = [(d.start, d.end) for d in work.dates]
    motives = _MOTIVE_CUE.search(work.text) is not None
    for t in lexicon_triggers:
        if any(a <= t.start < b for a, b in dated):
            continue  # "late March" is a month, not a march
        s = work.sentence_at(t.start)
        if s is not None and not (motives and _MOTIVE.search(work.text, max(s.start, t.start - 130),
                                                                t.start)):
            by_sentence.setdefault(s.idx, []).append(t)
    mentions: list[EventMention] = []
    events: list[list[EventMention]] = []
    views = _views(work)
    empty = _View()
    for sent in work.sentences:
        triggers = by_sentence.get(sent.idx)
        view = views.get(sent.idx, empty)
        found = _mentions_for(work, view, sent, triggers) if triggers else []
        if not triggers and count_entry is not None and not _GENERIC.search(sent.text):
            # the story's event still lacks a date: "Armed men surrounded the village on
            # Sunday night" (no trigger word) dates the attack told just before
            undated = bool(events) and not any(o.date for o in events[-1]) and \
                sent.idx - events[-1][-1].sentence.idx <= 2
            found = _follow_up(work, view, sent, count_entry, undated)
        for m in found:
            key = corefer(m, events)
            if key is None:
                if not can_stand_alone(m):
                    continue
                events.append([m])
                m.event_key = len(events) - 1
            else:
                inherit(m, events[key])
                events[key].append(m)
                m.event_key = key
            mentions.append(m)
    for group in events:
        finish(work, group)
    return mentions


# ----------------------------------------------------------------------------- one sentence


def _in_span(pos: int, items: Sequence[Any]) -> bool:
    return any(x.start <= pos < x.end for x in items)


_CLAUSE = re.compile(r",\s|;\s|\s[—–]\s|—|:\s|\(|\)")
_GENERIC = re.compile(r"\b(?:in recent (?:months|weeks|years)|increasingly|regularly|often|"
                      r"periodically|sporadically|campaign of|"
                      r"frequently|routinely|routine|usually|typically|repeatedly|"
                      r"continue[sd]? to|in the past|for years|for decades)\b", re.I)


def _clause_starts(sent: Sentence) -> list[int]:
    return [sent.start] + [sent.start + m.end() for m in _CLAUSE.finditer(sent.text)]


def _clause_of(starts: list[int], pos: int) -> int:
    i = 0
    while i + 1 < len(starts) and starts[i + 1] <= pos:
        i += 1
    return i


def _mentions_for(work: WorkDoc, view: _View, sent: Sentence,
                  triggers: list[Trigger]) -> list[EventMention]:
    rel = sent.text
    usable = []
    for t in triggers:
        if _in_span(t.start, view.actors):
            continue  # "Battle" inside an actor's name
        a, b = t.start - sent.start, t.end - sent.start
        if attr.is_hypothetical(rel, a, b) or _NEGATED_BEFORE.search(rel[max(0, a - 30):a]):
            continue
        if t.form == "verbs" and _DETERMINER_BEFORE.search(rel, max(0, a - 6), a):
            continue  # "the besieged town", "a destroyed bridge": a participle as adjective
        if t.form == "verbs" and t.text.lower().endswith("ing") and \
                _GERUND_OBJECT.search(rel, max(0, a - 6), a):
            continue  # "accuses it of attacking villages", "jailed for looting": a charge
        if t.entry.type == "Strategic developments" and t.form == "verbs" and \
                describes_actor(rel, a, sent.start, view.actors):
            continue  # "Katiba Macina, founded in 2015 by ...,": a group's history in passing
        if t.entry.sub_type == "Agreement" and t.form == "nouns" and \
                _NAMED_ACCORD.search(rel, max(0, a - 40), a):
            continue  # "the breakdown of the Algiers agreement": an accord already named
        usable.append(t)
    if not usable or attr.is_question(rel):
        return []
    plain = [t for t in usable if not _SUPERLATIVE.search(
        rel, max(0, t.start - sent.start - 40), t.start - sent.start)
        and not _REFERENCE.search(rel, max(0, t.start - sent.start - 40), t.start - sent.start)]
    # "..., in the deadliest attack since 2015": a comparison; "arrested in connection with
    # the assault": a reference to another event, while this sentence tells of an arrest
    if any(not t.entry.weak for t in plain):
        usable = plain
    strong = [t for t in usable if not t.entry.weak]
    primary = max(strong or usable, key=lambda t: (t.entry.priority, -t.start))
    listed = _distributed(work, view, sent, primary)
    if listed:
        return listed
    starts = _clause_starts(sent)
    p_clause = _clause_of(starts, primary.start)
    # Another clause with its own trigger and its own place or date is another event:
    # "After ISIS attacked Paris, a group kills 20 people in Mali".
    chosen = [primary]
    by_clause: dict[int, Trigger] = {}
    for t in usable:
        c = _clause_of(starts, t.start)
        if c != p_clause and (c not in by_clause or t.entry.priority > by_clause[c].entry.priority):
            by_clause[c] = t
    for c, t in by_clause.items():
        end = starts[c + 1] if c + 1 < len(starts) else sent.end
        own_places = {res.place.id for pm, res in view.places if starts[c] <= pm.start < end}
        own_dates = {d.value for d in view.dates if starts[c] <= d.start < end
                     and d.kind != "anchored"}
        p_end = starts[p_clause + 1] if p_clause + 1 < len(starts) else sent.end
        p_places = {res.place.id for pm, res in view.places
                    if starts[p_clause] <= pm.start < p_end}
        p_dates = {d.value for d in view.dates if starts[p_clause] <= d.start < p_end}
        # ("set fire to a police station and looted shops in Kaya on Saturday": the primary
        # clause has no place or date of its own, so the sentence's belong to it as well)
        if (own_places and p_places and not own_places & p_places) or \
                (own_dates and p_dates and not own_dates & p_dates):
            chosen.append(t)
    chosen.sort(key=lambda t: t.start)
    scopes = []
    for i, t in enumerate(chosen):
        lo = sent.start if i == 0 else starts[_clause_of(starts, t.start)]
        hi = starts[_clause_of(starts, chosen[i + 1].start)] if i + 1 < len(chosen) else sent.end
        scopes.append((t, lo, hi))
    out = []
    for t, lo, hi in scopes:
        in_scope = [u for u in usable if lo <= u.start < hi]
        m = _mention_for(work, view, sent, t, in_scope, lo, hi)
        if m is not None:
            out.extend(split_pair(m, view.places, work.text, _event_place))
    main = next((m for m in out if m.trigger is primary), None)
    if main is not None and len(scopes) > 1:
        # the main event may take the sentence's date and place when its own clause has none
        # ("Youths set fire to a police station ..., on Saturday after rumours that ...")
        others = {id(m.date) for m in out if m is not main and m.date is not None}
        if main.date is None:
            main.date = _event_date(sent.text, sent.start, main.trigger,
                                    [d for d in view.dates if id(d) not in others])
        if main.place is None:
            main.place = _event_place(main.trigger, view.places, work.text)
        if main.date is not None or main.place is not None:
            main.count_only = False
    return out


def _distributed(work: WorkDoc, view: _View, sent: Sentence,
                 trig: Trigger) -> list[EventMention]:
    """"coups in Mali in 2020 and 2021, in Burkina Faso in 2022 and Niger in 2023": one
    event per listed date, at the place named before it (lexicon entries marked
    ``distributive``)."""
    if not (trig.entry.distributive and trig.form == "plurals"):
        return []
    dates = [d for d in view.dates if trig.end <= d.start <= trig.end + 160
             and d.kind == "year" and d.qualifier is None]
    places = sorted((p for p in view.places if trig.end <= p[0].start <= trig.end + 160),
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


def _mention_for(work: WorkDoc, view: _View, sent: Sentence, trig: Trigger,
                 usable: list[Trigger], lo: int, hi: int) -> EventMention | None:
    text = work.text
    rel = sent.text
    came = _CAME_AFTER.search(text, trig.end, hi)
    if came is not None:
        hi = came.start()  # "The raid came a month after X attacked Y": the raid's part only
    actors = [a for a in view.actors if lo <= a.start < hi]
    dates = [d for d in view.dates if lo <= d.start < hi]
    quants = [q for q in view.quantities if lo <= q.start < hi and q.count.value <= 50_000]
    places = [p for p in view.places if lo <= p[0].start < hi]
    if "," in rel:
        # "MSA, founded in 2016 by X after a split from the MNLA, has joined forces with
        # GATIA": the aside's date and places are the founding's, not the main verb's
        asides = [(sent.start + h.start(), sent.start + h.end())
                  for h in PARTICIPLE_ASIDE.finditer(rel)]
        asides = [(a, b) for a, b in asides if not a <= trig.start < b]
        if asides:
            dates = [d for d in dates if not any(a <= d.start < b for a, b in asides)]
            places = [p for p in places if not any(a <= p[0].start < b for a, b in asides)]
    violent = trig.entry.type in VIOLENT or trig.entry.by_target
    anchors = [(u.start, u.end, u.form) for u in usable
               if u.entry.type == trig.entry.type
               or violent and (u.entry.type in VIOLENT or u.entry.by_target)]
    roles = assign_roles(text, trig.start, trig.end, trig.form, actors, lo, hi, anchors)
    counted = [(q.start, q.end) for q in quants if q.side != "attackers"
               and any(q.start <= s < q.end for s, _, _ in anchors)]
    for doers, victims in ((roles.actor1, roles.actor2), (roles.assoc1, roles.assoc2)):
        for a in [a for a in doers if any(s <= a.start < e for s, e in counted)]:
            # "Fifty-three soldiers killed as jihadists overrun army post": the counted dead
            # are the side that was hit, even in a headline with no "were"
            doers.remove(a)
            victims.append(a)
    if not roles.actor1 and roles.assoc1 and not roles.claimed:
        roles.actor1.append(roles.assoc1.pop(0))
    placed = {id(a) for group in (roles.actor1, roles.actor2, roles.assoc1, roles.assoc2,
                                  roles.claimed) for a in group}
    for a in actors:  # "Fifteen German peacekeepers ... were wounded when a car bomb exploded"
        kind = getattr(a, "kind", "")
        if id(a) in placed or kind not in ("generic", "named"):
            continue
        inside = [q for q in quants if q.start <= a.start < q.end and q.kind != "abducted"]
        if (kind == "generic" and any(q.side != "attackers" for q in inside)) or (
                kind == "named" and inside and is_state(actor_kind_of(work, str(a.actor_id)))):
            # ("dozens of Wagner fighters and Malian soldiers were killed": a state's or its
            # contractors' dead are the side that was hit, whatever the noun)
            (roles.assoc2 if roles.actor2 else roles.actor2).append(a)
            placed.add(id(a))
    m = EventMention(id=stable_id(work.document.id, trig.start, trig.end),
                     document_id=work.document.id, sentence=sent, trigger=trig,
                     event_type=trig.entry.type, sub_event_type=trig.entry.sub_type)
    m.date = _event_date(rel, sent.start, trig, dates)
    if m.date is None and not dates and sent.idx <= 2 and work.publication is not None:
        m.date = news_perfect(work, sent, trig)
    m.place = _event_place(trig, places, text, [u.end for u in usable])
    m.quantities = quants
    if trig.entry.id == "abduction" and not any(q.kind == "abducted" for q in quants) and \
            (m.date is not None or m.place is not None) and \
            _ONE_TAKEN.search(text, max(sent.start, trig.start - 20), trig.start):
        # "A German priest ... was kidnapped": one person, said by the verb itself
        m.quantities = quants + [Quantity(trig.start, trig.end, trig.text, "abducted",
                                          Count(1, 1, 1))]
    m.attribution = attr.attribution_of(rel)
    m.modality = attr.modality_of(rel, m.attribution)
    if not roles.actor1 and not roles.claimed:
        said = _SAID_IT.search(text, sent.start, trig.start)
        if said is not None:  # "The Malian army said that it had taken control of Kidal"
            speaker = [a for a in actors if 0 <= said.start() - a.end <= 2]
            roles.actor1 = speaker[:1]
    for role, items in (("actor1", roles.actor1), ("actor2", roles.actor2),
                        ("assoc_actor_1", roles.assoc1), ("assoc_actor_2", roles.assoc2),
                        ("claimed_by", roles.claimed)):
        for a in items:
            actor_id = actor_id_in_context(work, a, m)
            if violent or trig.entry.id == "coup" and role in ("actor1", "assoc_actor_1"):
                # "Mali's junta took control of Kidal": its army did the fighting; "the ruling
                # council seized power": a coup is the military's, not the government's
                actor_id = forces_of(work, actor_id)
            if role.startswith("assoc") and any(x.actor_id == actor_id for x in m.args):
                continue  # "peacekeepers serving with the UN mission": one actor, one side
            m.args.append(Arg(role, actor_id, a))
    if not roles.actor1 and not roles.claimed:
        group_anaphor(work, m, lo)
    if m.sub_event_type == GROUP_CHANGE:
        group_change_roles(work, m)
    elif m.sub_event_type == BASE and not any(a.role == "actor1" for a in m.args):
        # "Russian personnel have been deployed to Timbuktu": who is deployed set up there
        for a in m.args:
            a.role = {"actor2": "actor1", "assoc_actor_2": "assoc_actor_1"}.get(a.role, a.role)
    before = text[max(sent.start, trig.start - 40):trig.start]
    # "the attack" is an anaphor; not "the group attacked" or "says that X has rejoined": a
    # determiner before a verb belongs to its subject
    m.anaphoric = bool(_ANAPHOR.search(before)) and trig.form != "verbs"
    if _YEAR_BEFORE.search(before):
        m.background = True
        m.notes.append("named past event")
    words = trig.text.lower().split()
    plural_or_generic = trig.form == "plurals" or (
        trig.form == "verbs" and _PRESENT.search(words[-1]) is not None
        and not words[-1].endswith(("ss", "us", "ed"))
        and not words[0].endswith("ed"))  # "joined forces" is a past verb, not "forces"
    specific_date = m.date is not None and m.date.qualifier not in ("range", "decade")
    if plural_or_generic and m.date is not None and abs(m.date.start - trig.start) > 60:
        specific_date = False  # "the attacks came after ... an accord signed in June"
        m.date = None
    one_day_here = m.date is not None and m.date.precision == "day" and \
        m.place is not None and m.place[1].geo_precision < 3
    if attr.is_statistic(rel) and (plural_or_generic or not quants) and not one_day_here:
        return None  # "a series of raids on Sunday on the hamlets of X" is still one event
    if (trig.entry.weak or plural_or_generic) and m.date is not None and \
            m.date.precision == "year" and any(q.count.value >= 100 for q in quants):
        return None  # "violence killed more than 8,000 people last year": a yearly total
    if plural_or_generic and not specific_date and not quants and not m.anaphoric:
        return None
    if trig.form == "plurals" and not quants and m.date is not None and \
            m.date.precision == "year":
        return None  # "peaceful protests against the regime in 2011": a year of them
    if m.date is not None and m.date.qualifier in ("range", "decade") and not quants:
        return None  # "in the 1990s, X merged with Y": history, not a datable event
    if _PERFECT_VAGUE.search(text, max(sent.start, trig.start - 30), trig.start) and \
            _VAGUE_COUNT.match(
            text, trig.end) and not (m.date and m.date.precision == "day"):
        return None  # "French forces have killed several al-Qaeda leaders": a tally
    if trig.form == "plurals" and _COUNTED.search(before) and not quants:
        return None  # "two separate attacks hit the region": a summary of events told apart
    if _GENERIC.search(rel) and (plural_or_generic or not quants) and not (
            m.date and m.date.precision in ("day", "month") and not plural_or_generic):
        return None  # habitual or aggregate: "lost 100 soldiers in routine clashes"
    if trig.entry.weak and not quants and not roles.actor2 and not roles.claimed \
            and not (m.date and m.place) and not m.anaphoric:
        return None
    if trig.entry.state_sub_type and _BUILDING_AFTER.match(text, trig.end):
        m.anaphoric = m.count_only = True  # "retook the building": the end of a siege
    if m.date is None and m.place is None and (trig.entry.weak or not m.named_actors):
        # "38 soldiers were killed", "eight attackers were shot dead": no when, no where, no
        # one named: it adds to the event the story is about, never an event of its own
        m.anaphoric = m.count_only = True
    if roles.claimed and m.anaphoric and trig.form in ("nouns", "plurals") and \
            re.search(r"\bclaim", text[sent.start:trig.start], re.I) and m.date is not None \
            and not (sent.idx == 0 and m.date.kind != "anchored"
                     and 0 <= m.date.start - trig.end <= 40):
        # "JNIM claimed both attacks two days later": the claim's date; but a lead that opens
        # with the claim ("X and Y claimed the battle at Tinzaouaten in late July") dates
        # the battle
        m.date = None
    came = _CAME_AFTER.search(text, sent.start, trig.start)
    if came is not None and (m.date is None or came.start() <= m.date.start < came.end()):
        # "The capture came a week after soldiers overthrew ...": a past event referred to,
        # whose only date, if any, is the gap between the two
        return None
    type_by_target(m, text, work)
    return m


_BLAMED = re.compile(r"\b(?:blamed|blames|blaming|attributed|attributes|"
                     r"pointed the finger at|belonged to|belonging to|members of)\b", re.I)


_SUSPECTED_AFTER = re.compile(r"(?:\s*,[^,.;]{1,50},)?\s+(?:were|was|are|is)\s+"
                              r"(?:widely\s+|also\s+)?(?:suspected|blamed|believed responsible)"
                              r"\b", re.I)


def _follow_up(work: WorkDoc, view: _View, sent: Sentence, entry: Any,
               wants_date: bool = False) -> list[EventMention]:
    """A sentence with no trigger word that adds to the event being discussed: a toll ("Twelve
    soldiers died."), a claim ("JNIM claimed it."), a blame ("It blamed Katiba Macina."), or,
    for an event told without a date, its date."""
    rel = sent.text
    if attr.is_question(rel):
        return []
    quants = [q for q in view.quantities if q.count.value <= 50_000]
    if quants and attr.is_statistic(rel):
        quants = []
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
                     and not _reported_on(rel, d.start - sent.start)), None)
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


def _event_date(rel: str, offset: int, trig: Trigger, dates: list[DateMention]
                ) -> DateMention | None:
    usable = []
    asides = [(offset + a.start(), offset + a.end()) for a in _ASIDE.finditer(rel)] \
        if ", wh" in rel else []
    for d in dates:
        if any(a <= d.start < b and not a <= trig.start < b for a, b in asides):
            continue  # "HRW, which interviewed witnesses in April 2022, estimated that ..."
        before = rel[max(0, d.start - offset - 12):d.start - offset]
        attributive = 0 <= trig.start - d.end <= 3  # "the weekend massacre", "Friday's raid"
        if not attributive and (_SINCE.search(before) or _SINCE_PHRASE.match(d.text)):
            continue  # "the first attack in the capital since 2016"
        if d.start > trig.end and _SINCE_WORD.search(rel, trig.end - offset, d.start - offset):
            continue  # "the deadliest attack since jihadist violence spread ... in 2015"
        usable.append(d)
    if not usable:
        return None
    specific = [d for d in usable if d.qualifier not in ("range", "decade")] or usable
    # "the army said on Sunday": when the report is dated, the event's own date is another one
    told = {id(d) for d in specific
            if _reported_on(rel, d.start - offset) and not d.text[:1].isdigit()}
    if len(told) == len(specific) and _EARLIER.search(rel, max(0, trig.start - offset - 40),
                                                       trig.start - offset):
        return None  # "said on Wednesday that he had been kidnapped": the event is older
    return min(specific, key=lambda d: (id(d) in told, abs(d.start - trig.start), d.start))


def _reported_on(rel: str, pos: int) -> bool:
    """Whether the date phrase at ``pos`` dates the report ("the army said on Sunday")."""
    lo = max(0, pos - 110)
    window = rel[lo:pos]
    if not any(w in window for w in _REPORT_WORDS):
        return False  # a plain substring test spares the regex on most dates
    return _REPORTED_ON.search(rel, lo, pos) is not None


_ASIDE = re.compile(r",\s+(?:which|who|whose)\b[^,;.]{0,120},")
_REPORT_WORDS = ("said", "says", "announced", "told", "reported", "added", "confirmed",
                 "declared", "stated", "claimed", "wrote", "made")


_EARLIER = re.compile(r"\bhad\s+(?:[\w-]+\s+){0,3}$", re.I)  # "that it had carried out the"
_REPORTED_ON = re.compile(r"\b(?:said|says|announced|told|reported|added|confirmed|declared|"
                          r"stated|claimed|wrote|claims? (?:was|were) (?:also )?made)\s+"
                          r"(?:\w+\s+)?(?:in\s+an?\s+[\w\s-]{0,30}?"
                          r"(?:video|statement|interview|message|communiqu[ée]|post)\s+"
                          r"(?:(?:posted|published|released)\s+(?:on\s+social\s+media\s+|"
                          r"online\s+)?)?)?$", re.I)


_SAID_IT = re.compile(r"\s+(?:said|says|announced|stated|claimed)\b[^,.;]{0,30}?\s+(?:that\s+)?"
                      r"(?:it|they)\s+(?:had\s+|has\s+|have\s+|would\s+|was\s+|were\s+|is\s+|"
                      r"are\s+)?$", re.I)
# "a convoy from Gao towards Ansongo", "supplies to the besieged town of Djibo": a route's
# ends are not where the event was; "on the road between Boni and Hombori" is coded at Boni.
_ROUTE = re.compile(r"\b(?:\d+\s*(?:km|kilometres|kilometers|miles)\s+(?:\w+\s+)?(?:from|of)\s+|"
                    r"(?:from|towards|toward|to)\s+(?:the\s+)?"
                    r"(?:(?!(?:at|in|near|on|outside|inside)\s)[\w’'-]+\s+){0,2}"
                    r"(?:of\s+)?|and\s+(?:the\s+)?)$", re.I)
_PREP_PLACE = re.compile(r"\b(?:in|at|near|outside|on|of|around|into|inside|to|from|between)\s+"
                         r"(?:the\s+)?(?:[\w’'-]+\s+)?$", re.I)
_WEAK_LOCATIVE = re.compile(r"(?<!village )(?<!town )(?<!city )(?<!commune )(?<!locality )"
                            r"(?<!hamlet )\b(?:of|on|into|to|from)\s+(?:the\s+)?"
                            r"(?:[\w’'-]+\s+)?$", re.I)
# "Chad's renewed ties", "Israel's": a country as a possessor, not where something happened
_POSSESSOR = re.compile(r"['’]s?\s+(?!(?:\w+\s+)?(?:region|province|capital|north|south|east|west|"
                        r"centre|center|border|borders|department|commune|cercle|circle|"
                        r"territory|soil|side|city|town|village|outskirts|interior)\b)", re.I)


def _event_place(trig: Trigger, places: list[Any], text: str,
                 trigger_ends: Sequence[int] = ()) -> Any:
    """The place nearest the trigger, preferring a locative ("in", "at", "near") and a precise
    place ("in Mali's capital Bamako" is Bamako). ``trigger_ends``: where the sentence's other
    words for the same event end ("Suicide bombers ... attacked the Kati camp")."""
    if not places:
        return None
    scored = []
    for pm, res in places:
        # "KIDAL, Mali — ...": the dateline says where the report was filed, which is where
        # the event was only when the sentence names no other place
        if res.place.feature_code == "PCLI" and _ACTS_AFTER.match(text, pm.end):
            continue  # "Mali declared a state of emergency": the state acting, not a place
        dateline = 150 if pm.text.isupper() and (pm.start == 0 or text[pm.start - 1] == "\n") \
            else 0
        dist = abs(pm.start - trig.start) + dateline
        before = text[max(0, pm.start - 25):pm.start]
        locative = _PREP_PLACE.search(before) is not None
        last = max([e for e in (trig.end, *trigger_ends) if e <= pm.start], default=trig.end)
        if pm.start > trig.end and not locative and (
                _POSSESSOR.match(text, pm.end) or len(text[last:pm.start].split()) > 3):
            continue  # "claimed the raid, saying it punished Chad's ties with Israel"
        route = 90 if _ROUTE.search(before) else 0  # "a convoy from Gao towards Ansongo"
        weak = 30 if locative and _WEAK_LOCATIVE.search(before) else 0  # "town of X"
        scored.append((dist + (0 if locative else 60) + weak + route
                       + 30 * (res.geo_precision - 1),
                       pm.start, (pm, res)))
    if not scored:
        return None
    return min(scored, key=lambda s: (s[0], s[1]))[2]

