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
from datetime import timedelta
from typing import Any

from ..model import stable_id
from . import attribution as attr
from .dates import DateMention, Publication
from .framework import Sentence, WorkDoc
from .quantities import Quantity
from .roles import assign_roles, is_state
from .triggers import Trigger

_PLACEHOLDERS = ("unidentified", "state_forces", "civilians", "country:", "unknown")
_STATE_WEAPONS = frozenset({"Air/drone strike", "Shelling/artillery/missile attack"})
BACKGROUND_DAYS = 92  # an event ending this long before publication is background
VIOLENT = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
_CIVILIAN_TARGET = re.compile(
    r"^[^.;]{0,50}?\b(?:hotels?|markets?|villages?|villagers|civilians?|worshippers|mosques?|"
    r"churche?s?|weddings?|bus(?:es)?|passengers?|restaurants?|tourists?|residents|homes?|"
    r"schools?|students|pupils|shoppers|funerals?|farmers|herders|camps? for displaced|"
    r"displaced|women|children|aid workers?|journalists?)\b", re.I)
_MILITARY_TARGET = re.compile(
    r"^[^.;]{0,50}?\b(?:military|army|bases?|camps?|convoys?|checkpoints?|posts?|outposts?|"
    r"barracks|patrols?|soldiers|troops|gendarmes?|gendarmerie|police|positions|airport|"
    r"garrisons?|forces|mercenaries|units?|fighters|militants|jihadists)\b", re.I)
_CIVILIAN_WORDS = re.compile(_CIVILIAN_TARGET.pattern[len("^[^.;]{0,50}?"):], re.I)
_MILITARY_WORDS = re.compile(_MILITARY_TARGET.pattern[len("^[^.;]{0,50}?"):], re.I)
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being)\s+(?:\w+\s+)?$", re.I)
_PEOPLE = re.compile(r"\b(?:people|persons|dead|victims|bodies)\b", re.I)
_ANAPHOR = re.compile(r"\b(?:the|this|that|these|those|its|their|his|her|both|all)\s+"
                      r"(?:[\w.’'-]+\s+)?"
                      r"(?:[\w.’'-]+\s+)?$", re.I)
_YEAR_BEFORE = re.compile(r"\b(?:19|20)\d\d(?:\s+[A-Z][\w.’'-]*){0,4}\s+$")
_SINCE = re.compile(r"\b(?:since|until|till|before|after|prior to|by|from)\s+(?:the\s+)?$", re.I)
_COUNTED = re.compile(r"\b(?:two|three|four|five|six|seven|eight|nine|ten|several|multiple|"
                      r"numerous|many|dozens of|hundreds of|\d+)\s+(?:[\w-]+\s+)?$", re.I)
_SINCE_PHRASE = re.compile(r"(?:since|until|till|from|by)\b", re.I)
_PRESENT = re.compile(r"(?:[^s]s|es)$")
_NEGATED_BEFORE = re.compile(r"\b(?:no|not|never|without|nor|denied|deny|denies)\b[^.;,]{0,25}$",
                             re.I)


@dataclass
class Arg:
    """An actor in a role, with the mention it was read from."""

    role: str  # actor1 | assoc_actor_1 | actor2 | assoc_actor_2 | claimed_by
    actor_id: str
    mention: Any


@dataclass
class EventMention:
    id: str
    document_id: str
    sentence: Sentence
    trigger: Trigger
    event_type: str
    sub_event_type: str
    date: DateMention | None = None
    place: Any = None  # (PlaceMention, ResolvedPlace)
    args: list[Arg] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    modality: str = "asserted"
    attribution: str | None = None
    background: bool = False
    anaphoric: bool = False
    count_only: bool = False
    target: str | None = None  # "civilians" | "armed" when the text says who was hit
    event_key: int = -1  # index of the document event it belongs to
    notes: list[str] = field(default_factory=list)

    @property
    def named_actors(self) -> set[str]:
        return {a.actor_id for a in self.args if not a.actor_id.startswith(_PLACEHOLDERS)}

    @property
    def place_id(self) -> str | None:
        return self.place[1].place.id if self.place else None


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
    for t in lexicon_triggers:
        if any(a <= t.start < b for a, b in dated):
            continue  # "late March" is a month, not a march
        s = work.sentence_at(t.start)
        if s is not None:
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
            found = _count_only(work, view, sent, count_entry)
        for m in found:
            key = _corefer(m, events)
            if key is None:
                if not _can_stand_alone(m):
                    continue
                events.append([m])
                m.event_key = len(events) - 1
            else:
                _inherit(m, events[key])
                events[key].append(m)
                m.event_key = key
            mentions.append(m)
    for group in events:
        _finish(work, group)
    return mentions


# ----------------------------------------------------------------------------- one sentence


def _in_span(pos: int, items: Sequence[Any]) -> bool:
    return any(x.start <= pos < x.end for x in items)


_CLAUSE = re.compile(r",\s|;\s|\s[—–]\s|—|:\s|\(|\)")
_GENERIC = re.compile(r"\b(?:in recent (?:months|weeks|years)|increasingly|regularly|often|"
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
        usable.append(t)
    if not usable or attr.is_question(rel):
        return []
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
        if (own_places and not own_places & p_places) or (own_dates and not own_dates & p_dates):
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
            out.append(m)
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
    actors = [a for a in view.actors if lo <= a.start < hi]
    dates = [d for d in view.dates if lo <= d.start < hi]
    quants = [q for q in view.quantities if lo <= q.start < hi and q.count.value <= 50_000]
    places = [p for p in view.places if lo <= p[0].start < hi]
    violent = trig.entry.type in VIOLENT or trig.entry.by_target
    anchors = [(u.start, u.end, u.form) for u in usable
               if u.entry.type == trig.entry.type
               or violent and (u.entry.type in VIOLENT or u.entry.by_target)]
    roles = assign_roles(text, trig.start, trig.end, trig.form, actors, lo, hi, anchors)
    m = EventMention(id=stable_id(work.document.id, trig.start, trig.end),
                     document_id=work.document.id, sentence=sent, trigger=trig,
                     event_type=trig.entry.type, sub_event_type=trig.entry.sub_type)
    m.date = _event_date(rel, sent.start, trig, dates)
    m.place = _event_place(trig, places, text)
    m.quantities = quants
    m.attribution = attr.attribution_of(rel)
    m.modality = attr.modality_of(rel, m.attribution)
    if not roles.actor1 and not roles.claimed:
        said = _SAID_IT.search(text, sent.start, trig.start)
        if said is not None:  # "The Malian army said that it had taken control of Kidal"
            speaker = [a for a in actors if 0 <= said.start() - a.end <= 2]
            roles.actor1 = speaker[:1]
    for role, items in (("actor1", roles.actor1), ("assoc_actor_1", roles.assoc1),
                        ("actor2", roles.actor2), ("assoc_actor_2", roles.assoc2),
                        ("claimed_by", roles.claimed)):
        for a in items:
            m.args.append(Arg(role, _actor_id(work, a, m), a))
    before = text[max(sent.start, trig.start - 40):trig.start]
    m.anaphoric = bool(_ANAPHOR.search(before))
    if _YEAR_BEFORE.search(before):
        m.background = True
        m.notes.append("named past event")
    plural_or_generic = trig.form == "plurals" or (
        trig.form == "verbs" and _PRESENT.search(trig.text.split()[-1].lower()) is not None
        and not trig.text.lower().endswith(("ss", "us", "ed")))
    specific_date = m.date is not None and m.date.qualifier not in ("range", "decade")
    if plural_or_generic and m.date is not None and abs(m.date.start - trig.start) > 60:
        specific_date = False  # "the attacks came after ... an accord signed in June"
        m.date = None
    if attr.is_statistic(rel) and (plural_or_generic or not quants):
        return None
    if (trig.entry.weak or plural_or_generic) and m.date is not None and \
            m.date.precision == "year" and any(q.count.value >= 100 for q in quants):
        return None  # "violence killed more than 8,000 people last year": a yearly total
    if plural_or_generic and not specific_date and not quants and not m.anaphoric:
        return None
    if trig.form == "plurals" and _COUNTED.search(before) and not quants:
        return None  # "two separate attacks hit the region": a summary of events told apart
    if _GENERIC.search(rel) and (plural_or_generic or not quants) and not (
            m.date and m.date.precision in ("day", "month") and not plural_or_generic):
        return None  # habitual or aggregate: "lost 100 soldiers in routine clashes"
    if trig.entry.weak and not quants and not roles.actor2 and not roles.claimed \
            and not (m.date and m.place) and not m.anaphoric:
        return None
    if m.date is None and m.place is None and (trig.entry.weak or not m.named_actors):
        # "38 soldiers were killed", "eight attackers were shot dead": no when, no where, no
        # one named: it adds to the event the story is about, never an event of its own
        m.anaphoric = m.count_only = True
    if roles.claimed and m.anaphoric and trig.form in ("nouns", "plurals") and \
            re.search(r"\bclaim", text[sent.start:trig.start], re.I):
        m.date = None  # "JNIM claimed both attacks two days later": the claim's date
    _type_by_target(m, text, work)
    return m


def _count_only(work: WorkDoc, view: _View, sent: Sentence, entry: Any) -> list[EventMention]:
    """A sentence with a toll but no trigger word: a figure for the event being discussed."""
    quants = [q for q in view.quantities if q.kind == "killed" and q.count.value <= 50_000]
    if not quants or attr.is_statistic(sent.text) or attr.is_question(sent.text):
        return []
    q = quants[0]
    trig = Trigger(q.start, q.end, q.text, entry, "nouns")
    m = EventMention(id=stable_id(work.document.id, q.start, q.end),
                     document_id=work.document.id, sentence=sent, trigger=trig,
                     event_type=entry.type, sub_event_type=entry.sub_type, anaphoric=True,
                     count_only=True)
    m.quantities = list(view.quantities)
    m.attribution = attr.attribution_of(sent.text)
    m.modality = attr.modality_of(sent.text, m.attribution)
    m.notes.append("toll without a trigger word, joined to the event under discussion")
    return [m]


def _event_date(rel: str, offset: int, trig: Trigger, dates: list[DateMention]
                ) -> DateMention | None:
    usable = []
    for d in dates:
        before = rel[max(0, d.start - offset - 12):d.start - offset]
        if _SINCE.search(before) or _SINCE_PHRASE.match(d.text):
            continue  # "the first attack in the capital since 2016"
        usable.append(d)
    if not usable:
        return None
    specific = [d for d in usable if d.qualifier not in ("range", "decade")] or usable
    return min(specific, key=lambda d: (abs(d.start - trig.start), d.start))


_SAID_IT = re.compile(r"\s+(?:said|says|announced|stated|claimed)\b[^,.;]{0,30}?\s+(?:that\s+)?"
                      r"(?:it|they)\s+(?:had\s+|has\s+|have\s+|would\s+)?$", re.I)
_ROUTE = re.compile(r"\b(?:from|towards|toward|to|between|and)\s+(?:the\s+)?$", re.I)
_PREP_PLACE = re.compile(r"\b(?:in|at|near|outside|on|of|around|into|inside)\s+(?:the\s+)?"
                         r"(?:\w+\s+)?$", re.I)


def _event_place(trig: Trigger, places: list[Any], text: str) -> Any:
    """The place nearest the trigger, preferring a locative ("in", "at", "near") and a precise
    place ("in Mali's capital Bamako" is Bamako)."""
    if not places:
        return None
    scored = []
    for pm, res in places:
        dist = abs(pm.start - trig.start)
        before = text[max(0, pm.start - 25):pm.start]
        locative = _PREP_PLACE.search(before) is not None
        route = 90 if _ROUTE.search(before) else 0  # "a convoy from Gao towards Ansongo"
        scored.append((dist + (0 if locative else 60) + route + 20 * (res.geo_precision - 1),
                       pm.start, (pm, res)))
    return min(scored, key=lambda s: (s[0], s[1]))[2]


def _actor_id(work: WorkDoc, mention: Any, m: EventMention) -> str:
    pack = work.pack
    if pack is None or getattr(mention, "kind", "named") == "named":
        return str(mention.actor_id)
    if mention.kind == "demonym":
        # "Malian and Wagner troops": the demonym qualifies the forces noun that follows
        noun = next((a for a in work.actors if a.kind == "generic"
                     and 0 <= a.start - mention.end <= 40), None)
        if noun is not None and noun.rule:
            try:
                return str(pack.resolve_generic(noun, country=mention.country,
                                                date=m.date.value if m.date else None))
            except Exception:  # noqa: BLE001
                pass
    country = m.place[1].place.country if m.place else None
    date = m.date.value if m.date else work.document.published
    try:
        return str(pack.resolve_generic(mention, country=country, date=date))
    except Exception:  # noqa: BLE001 - a pack without the rule keeps the placeholder
        return str(mention.actor_id)


def _doc_country(work: WorkDoc) -> str | None:
    counts: dict[str, int] = {}
    for _, res in work.places:
        c = res.place.country
        if c:
            counts[c] = counts.get(c, 0) + 1
    return max(counts, key=lambda c: counts[c]) if counts else None


def _actor_kind(work: WorkDoc, actor_id: str) -> str | None:
    pack = work.pack
    if pack is None:
        return None
    try:
        return str(pack.actors.get(actor_id).kind)
    except Exception:  # noqa: BLE001 - placeholders are not in the registry
        return "state_forces" if actor_id.startswith("state_forces") else None


_CROWD = re.compile(r"\b(?:youths?|crowds?|mobs?|protesters|demonstrators|rioters|"
                    r"angry residents|students)\b[^.;]{0,60}$", re.I)
_MOB_TYPES = frozenset({"looting", "attack", "killing", "massacre"})


def _type_by_target(m: EventMention, text: str, work: WorkDoc) -> None:
    entry = m.trigger.entry
    if entry.id in _MOB_TYPES and _CROWD.search(text[m.sentence.start:m.trigger.start]):
        # "angry youths set fire to a police station": a riot, not a looting by an armed group
        m.event_type, m.sub_event_type = "Riots", "Violent demonstration"
        m.target = "crowd"
        return
    a1 = [a for a in m.args if a.role == "actor1"]
    if entry.state_sub_type and a1 and is_state(_actor_kind(work, a1[0].actor_id)):
        m.sub_event_type = entry.state_sub_type
    if entry.state_sub_type and re.match(r"re(?:took|tak|captur|gain)", m.trigger.text, re.I):
        m.sub_event_type = entry.state_sub_type
    if not entry.by_target:
        return
    target = None
    for a in m.args:
        if a.role in ("actor2", "assoc_actor_2"):
            kind = _actor_kind(work, a.actor_id)
            if kind == "civilians" or a.actor_id.startswith("civilians"):
                target = "civilians"
            elif kind is not None:
                target = "armed"
            break
    if target is None:
        after = text[m.trigger.end:m.sentence.end]
        if _MILITARY_TARGET.match(after) and not _CIVILIAN_TARGET.match(
                after[:len(_MILITARY_TARGET.match(after).group(0))]):  # type: ignore[union-attr]
            target = "armed"
        elif _CIVILIAN_TARGET.match(after):
            target = "civilians"
    if target is None and m.trigger.form == "verbs" and _PASSIVE_BEFORE.search(
            text[m.sentence.start:m.trigger.start]):
        subject = text[m.sentence.start:m.trigger.start]  # "The village of X was attacked"
        if _CIVILIAN_WORDS.search(subject):
            target = "civilians"
        elif _MILITARY_WORDS.search(subject):
            target = "armed"
    if target is None:
        sides = {q.side for q in m.quantities if q.part_of is None and q.kind == "killed"}
        people = any(_PEOPLE.search(q.text) for q in m.quantities if q.kind == "killed")
        if sides == {"civilians"} or (sides == {None} and people):
            target = "civilians"
        elif sides & {"forces", "attackers"}:
            target = "armed"
    m.target = target
    if target is None and entry.weak and not a1:
        target = "civilians"
    if target == "civilians":
        m.event_type, m.sub_event_type = "Violence against civilians", "Attack"
    else:
        m.event_type, m.sub_event_type = entry.type, entry.sub_type


# ----------------------------------------------------------------------------- coreference


def _compatible_types(a: EventMention, b: EventMention) -> bool:
    if a.event_type in VIOLENT and b.event_type in VIOLENT:
        return True
    return a.event_type == b.event_type


def _overlap(a: DateMention, b: DateMention) -> bool:
    """Intervals overlap (±1 day between two day-precise dates: reports straddle midnight)."""
    slack = timedelta(days=1 if a.precision == b.precision == "day" else 0)
    return a.start_date <= b.end_date + slack and b.start_date <= a.end_date + slack


def _evidence(m: EventMention, group: list[EventMention]) -> float | None:
    score = 0.0
    contained = False
    for o in group:
        if not _compatible_types(m, o):
            return None
        if m.event_type not in VIOLENT and m.sub_event_type != o.sub_event_type:
            return None
        if m.date and o.date and not _overlap(m.date, o.date):
            return None
        if m.place and o.place:
            pm, po = m.place[1].place, o.place[1].place
            if pm.id != po.id and pm.country != po.country:
                return None
            if pm.id != po.id and m.place[1].geo_precision < 3 and o.place[1].geo_precision < 3:
                return None
            if pm.id != po.id:
                contained = True
    first = group[0]
    places = {o.place_id for o in group if o.place}
    if m.place_id and m.place_id in places:
        score += 2.0
    elif contained:
        score += 1.0  # "in Mali" and "in Bamako"
    if m.date and any(o.date and o.date.precision == "day" and m.date.precision == "day"
                      and o.date.start_date == m.date.start_date for o in group):
        score += 1.0
    named = set().union(*(o.named_actors for o in group))
    score += min(2, len(m.named_actors & named)) * 1.0
    points = {q.count.value for o in group for q in o.quantities}
    if any(q.count.value in points for q in m.quantities):
        score += 1.0
    if m.anaphoric and (m.place is None or m.place[1].geo_precision == 3 or contained
                        or m.place_id in places):
        # the event under discussion: salient (many mentions) and recent ones first
        distance = m.sentence.idx - group[-1].sentence.idx
        score += 2.0 + 0.25 * min(len(group), 4) - 0.05 * min(distance, 20)
    if m.sub_event_type == first.sub_event_type:
        score += 0.5
    return score


def _corefer(m: EventMention, events: list[list[EventMention]]) -> int | None:
    best: tuple[float, int] | None = None
    for key in range(len(events) - 1, -1, -1):
        s = _evidence(m, events[key])
        if s is None or s < 2.0:
            continue
        if best is None or s > best[0]:
            best = (s, key)
    return best[1] if best else None


def _can_stand_alone(m: EventMention) -> bool:
    if m.count_only:
        return False
    if m.anaphoric and not m.quantities and not (m.place and m.place[1].geo_precision < 3) \
            and not (m.date and m.date.precision == "day"):
        return False  # "the attack" with nothing to attach it to
    named = bool(m.named_actors)
    if m.event_type == "Strategic developments" and not named and not m.trigger.entry.distributive:
        return False
    precise_place = m.place is not None and m.place[1].geo_precision <= 2
    return bool(m.date or m.quantities or (precise_place and m.args))


def _inherit(m: EventMention, group: list[EventMention]) -> None:
    if m.date is None:
        m.notes.append("date from an earlier sentence about the same event")
    if m.place is None:
        m.notes.append("place from an earlier sentence about the same event")


def _finish(work: WorkDoc, group: list[EventMention]) -> None:
    """Background flag for a whole document event, from its best date and its framing."""
    pub: Publication | None = work.publication
    dates = [m.date for m in group if m.date]
    background = any(m.background for m in group)
    if pub is not None and dates:
        best = min(dates, key=lambda d: ("day", "month", "year").index(d.precision))
        if best.end_date < pub.start - timedelta(days=BACKGROUND_DAYS):
            background = True
    for m in group:
        m.background = background
    targets = {m.target for m in group if m.target}
    if len(targets) == 1:  # one sentence says who was hit: the whole event is typed by it
        for m in group:
            if m.trigger.entry.by_target:
                if targets == {"civilians"}:
                    m.event_type, m.sub_event_type = "Violence against civilians", "Attack"
                else:
                    m.event_type, m.sub_event_type = m.trigger.entry.type, m.trigger.entry.sub_type
    first = group[0]
    if first.event_type in VIOLENT and first.sub_event_type not in _STATE_WEAPONS and not any(
            a.role in ("actor1", "claimed_by") for m in group for a in m.args):
        # ACLED codes an unnamed perpetrator of an attack as an unidentified armed group
        first.args.append(Arg("actor1", "unidentified_armed_group",
                              _Span(first.trigger.start, first.trigger.end)))
        first.notes.append("perpetrator not named in the text")
    if first.event_type == "Violence against civilians" and not any(
            a.role == "actor2" for m in group for a in m.args):
        first.args.append(Arg("actor2", "civilians",
                              _Span(first.trigger.start, first.trigger.end)))


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    kind: str = "generic"
