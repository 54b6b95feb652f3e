"""What a story tells across its sentences: the day of the scene set before an event, of an
incident log's heading or of the story told a few sentences before; the day of an event told
with "also" in another town; a claim of all the events it tells. Each adds a mention in the
sentence that says it, so every statement quotes its own sentence."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

from ..model import stable_id
from .dates import DateMention
from .event_cues import STORY_AGAIN, THE_BEFORE
from .event_mention import SUMMARY, VIOLENT, Arg, EventMention, Span
from .event_setting import event_place, reported_on
from .framework import WorkDoc
from .triggers import Trigger

__all__ = ["another_place_also", "date_from", "heading", "later_day", "place_told_next",
           "report_day", "scene_date", "scene_place", "share_claims", "story_again", "story_date",
           "toll_on_scene", "under_heading", "victims_told"]


_ALSO = re.compile(r"\b(?:also|too|as well|similarly|likewise)\b", re.I)


def stand_in(work: WorkDoc, m: EventMention, start: int, end: int, sentence: Any, note: str,
             form: str = "nouns") -> EventMention:
    """A mention standing for ``m``'s event in another ``sentence``, on the words at
    ``start:end`` that say something of it (a date, a claim, the victims), so the statement
    made from them quotes the sentence they are in."""
    trig = Trigger(start, end, work.text[start:end], m.trigger.entry, form)
    out = EventMention(id=stable_id(work.document.id, start, end, m.id),
                       document_id=work.document.id, sentence=sentence, trigger=trig,
                       event_type=m.event_type, sub_event_type=m.sub_event_type,
                       anaphoric=True, count_only=True, event_key=m.event_key)
    out.notes.append(note)
    return out


def date_from(work: WorkDoc, m: EventMention, d: DateMention, sentence: Any,
              why: str) -> EventMention:
    """A mention standing for ``m``'s event in the ``sentence`` that gives its date ``d`` (so
    the date statement quotes the sentence the date is in)."""
    out = stand_in(work, m, d.start, d.end, sentence,
                   "toll without a trigger word (or a claim, a blame, a date): " + why)
    out.date = d
    return out


_HEADING_REST = re.compile(r"[\s,.;:()–—-]*(?:(?:near|in|at|outside|around|the\s+village\s+of|"
                           r"village\s+of)\s+)?[\s,.;:()–—-]*", re.I)


def heading(work: WorkDoc, idx: int, dates_of: Any) -> Any:
    """The paragraph heading over sentence ``idx`` ("Pensa, early February 2022." opening a
    rights report's paragraph), or None: a sentence that is only a place and a date, first in
    its paragraph (not the document's first, which is the dateline), a few sentences up."""
    for back in range(0, 5):
        if idx - back <= 0:
            return None
        sent = work.sentences[idx - back]
        before = work.sentences[idx - back - 1]
        if "\n\n" not in work.text[before.end:sent.start]:
            continue
        if len(sent.text) > 60 or back == 0:
            return None
        dates = dates_of(sent.idx)
        towns = _towns_in(work, sent)
        if len(dates) != 1 or len(towns) > 1:
            return None
        spans = sorted([(d.start, d.end) for d in dates] + [(pm.start, pm.end) for pm, _ in towns])
        rest, at = [], sent.start
        for a, b in spans:
            rest.append(work.text[at:a])
            at = max(at, b)
        rest.append(work.text[at:sent.end])
        return sent if all(_HEADING_REST.fullmatch(r) for r in rest) else None
    return None


def under_heading(work: WorkDoc, m: EventMention, events: list[list[EventMention]],
                  key: int | None, dates_of: Any) -> int | None:
    """The event ``m`` belongs to, given ``key`` (the one coreference chose): "Near Korsimoro,
    April 2022. A cart struck an explosive device": a paragraph under its own heading tells its
    own event, and what it adds is that event's."""
    if key is None or m.date is not None:
        return key
    head = heading(work, m.sentence.idx, dates_of)
    if head is None or any(o.sentence.idx >= head.idx for o in events[key]):
        return key
    return next((k for k in range(len(events) - 1, -1, -1)
                 if any(o.sentence.idx >= head.idx for o in events[k])), None)


def scene_date(work: WorkDoc, m: EventMention, dates_of: Any,
               used: set[int]) -> tuple[DateMention, Any] | None:
    """ "This Monday, the vehicles never arrived. Near the village of X, gunmen stopped them":
    an undated violent event takes the day of the sentence just before it in its paragraph,
    when that sentence told no event of its own (it sets the scene). ``dates_of(idx)`` gives
    a sentence's date mentions; ``used`` the sentences whose events were kept."""
    idx = m.sentence.idx
    if m.date is not None or m.event_type not in VIOLENT or dates_of(idx):
        return None  # (a sentence with a date it did not take, "fighting since 2017", is not
        # told on the scene's day)
    for back in (1, 2):
        if idx - back < 0:
            break
        prev = work.sentences[idx - back]
        if back > 1 and "\n\n" in work.text[prev.end:m.sentence.start] or idx - back in used:
            break  # (the sentence right before may end the paragraph before)
        days = [d for d in dates_of(idx - back) if d.precision == "day" and d.kind != "anchored"
                and not reported_on(prev.text, d.start - prev.start)]
        if len(days) == 1:
            return days[0], prev
    head = heading(work, idx, dates_of)
    if head is not None and not any(idx - back in used for back in range(1, idx - head.idx)):
        return dates_of(head.idx)[0], head  # (any precision: "Pibaoré, March 2022.")
    return _log_date(work, idx, dates_of)


def toll_on_scene(work: WorkDoc, m: EventMention, events: list[list[EventMention]]) -> bool:
    """ "On Sunday, armed men stopped a convoy near X. The assailants executed 25 men": a toll
    told with its own verb, dated by the scene before it, is an event when no event was told
    before it in its paragraph (else it is that event's toll)."""
    if not (m.count_only and m.quantities and m.trigger.form == "verbs") or SUMMARY in m.notes:
        return False
    return not events or "\n\n" in work.text[events[-1][-1].sentence.end:m.sentence.start]


def story_again(m: EventMention, group: list[EventMention]) -> bool:
    """ "... the Islamic State claimed on Saturday an attack on an army post. The assault on
    Friday began with mortar fire": a sentence opening on "the attack" goes on telling the
    event of the sentence just before (its weapons and its day are that event's)."""
    last = group[-1]
    if not 0 < m.sentence.idx - last.sentence.idx <= 2 or not STORY_AGAIN.match(
            m.sentence.text) or m.event_type not in VIOLENT or group[0].event_type not in VIOLENT:
        return False
    if m.place is not None and m.place[1].geo_precision < 3 and not any(
            o.place is not None and o.place[1].place.id == m.place[1].place.id for o in group):
        return False  # "The attack on X ...": another place is another event
    return not any(m.date and o.date and not (o.date.start_date <= m.date.end_date
                                              and m.date.start_date <= o.date.end_date)
                   for o in group)


def later_day(work: WorkDoc, dates_of: Any, by_sentence: dict[int, list[Trigger]],
              sent: Any, told: DateMention) -> bool:
    """Whether one of the next two sentences, with no trigger of its own (or only "the
    strike", "the attack", or opening on the event: "The assault on Friday began with mortar
    fire"), gives a day before the report's."""
    for idx in (sent.idx + 1, sent.idx + 2):
        if idx >= len(work.sentences):
            continue
        nxt = work.sentences[idx]
        if idx in by_sentence and not all(
                t.form == "nouns" and THE_BEFORE.search(work.text, max(0, t.start - 6), t.start)
                or t.form == "verbs" and " the " in t.text  # "hit the device": the one told
                for t in by_sentence[idx]) and not STORY_AGAIN.match(nxt.text) and not (
                idx == sent.idx + 1 and _goes_on_unplaced(work, nxt, by_sentence[idx])):
            continue
        if any(d.precision == "day" and d.kind != "anchored" and d.end_date < told.start_date
               and not reported_on(nxt.text, d.start - nxt.start) for d in dates_of(idx)):
            return True
    return False


def _goes_on_unplaced(work: WorkDoc, sent: Any, triggers: list[Trigger]) -> bool:
    """ "13 were killed in a siege at a hotel in Sévaré, the government said on Saturday.
    Gunmen stormed the hotel early on Friday": a next sentence that tells violence and names
    no town of its own goes on telling the same event."""
    return all(t.entry.type in VIOLENT or t.entry.by_target for t in triggers) and not any(
        sent.start <= pm.start < sent.end and res.geo_precision < 3 for pm, res in work.places)


STORY_LOOKBACK = 4  # sentences


def story_date(work: WorkDoc, group: list[EventMention],
               dates_of: Any) -> tuple[DateMention, Any] | None:
    """An undated violent event whose story gave a day a few sentences before ("Gunmen stormed
    the town on Sunday. ... A gold miner said the attackers first struck the VDP post around
    2am"): that day, the nearest before it that is not a report's date."""
    if any(m.date for m in group) or group[0].event_type not in VIOLENT:
        return None
    idx = min(m.sentence.idx for m in group)
    for back in range(1, STORY_LOOKBACK + 1):
        if idx - back < 0:
            return None
        prev = work.sentences[idx - back]
        days = [d for d in dates_of(idx - back) if d.precision == "day"
                and not reported_on(prev.text, d.start - prev.start)]
        if days:
            return days[-1], prev
    return None


def report_day(work: WorkDoc, group: list[EventMention],
               dates_of: Any) -> tuple[DateMention, Any] | None:
    """ "The CSP said on Sunday it had taken control of the army camp": an event the story
    never dates takes the day of the report that told it (the first report day in its own
    sentences), as a coder dates an event known only from its report. An undated event could
    not be told apart from any other in a feed."""
    if any(m.date for m in group):
        return None
    first = min(m.sentence.idx for m in group)
    own = sorted({m.sentence.idx for m in group})
    # (its own sentences first, then the two before it: "X announced on Thursday that fifty
    # people died during the demonstrations. In N'Djamena, police fired on marchers")
    for idx in own + [i for i in (first - 1, first - 2) if i >= 0]:
        sent = work.sentences[idx]
        days = [d for d in dates_of(idx) if d.precision == "day" and d.kind != "anchored"
                and reported_on(sent.text, d.start - sent.start)]
        if days:
            return days[0], sent
    return None


_HEADER_WORD = re.compile(r"\b[A-Z]{3,}\b")


def _log_date(work: WorkDoc, idx: int, dates_of: Any) -> tuple[DateMention, Any] | None:
    """ "MLI / MOPTI REGION / DAILY INCIDENT LOG 11 OCT 2021. (1) ... (2) At approx. 1530hrs
    two NGO staff were abducted": an incident log's heading dates every item under it (the
    last day the first two sentences give: "DAILY REPORT 19 JAN. Reporting period 18 JAN")."""
    head = [s for s in work.sentences[:2] if s.idx < idx]
    if not head or len(_HEADER_WORD.findall(head[0].text)) < 3:
        return None
    days = [(d, s) for s in head for d in dates_of(s.idx) if d.precision == "day"]
    return days[-1] if days else None


def another_place_also(m: EventMention, events: list[list[EventMention]]) -> bool:
    """ "In Bobo-Dioulasso, rioters also set ablaze ...": the same kind of event in another
    town, undated, right after a dated one."""
    if not events or m.date is not None or m.place is None or m.place[1].geo_precision > 2 \
            or not _ALSO.search(m.sentence.text):
        return False
    last = events[-1]
    return any(o.date for o in last) and all(
        o.event_type == m.event_type and (o.place is None or o.place_id != m.place_id)
        for o in last)


_ALL_OF_THEM = re.compile(r"\b(?:both|all|each of the|all of the|the)\s+(?:(?:two|three|four|"
                          r"five|six|seven|eight|nine|ten|\d+)\s+)?(?:attacks|assaults|raids|"
                          r"ambushes|bombings|operations|incidents)\b", re.I)


def share_claims(work: WorkDoc, events: list[list[EventMention]]) -> list[EventMention]:
    """ "JNIM claimed all three attacks", "IS claimed both raids": a claim told once for
    several events of the story goes to each of them (through a mention in the claim's
    sentence, which its statements quote); returns the mentions added."""
    added: list[EventMention] = []
    for key, group in enumerate(events):
        for m in group:
            claims = [a for a in m.args if a.role == "claimed_by"]
            hit = _ALL_OF_THEM.search(m.sentence.text) if claims else None
            if hit is None or not re.search(r"\bclaim", m.sentence.text, re.I):
                continue
            span = (m.sentence.start + hit.start(), m.sentence.start + hit.end())
            for other_key, other in enumerate(events):
                if other_key == key or other[0].event_type not in VIOLENT or any(
                        a.role == "claimed_by" for o in other for a in o.args):
                    continue
                e = stand_in(work, other[0], span[0], span[1], m.sentence,
                             "a claim of all the events the story tells", "plurals")
                e.event_key = other_key
                e.args = [Arg("claimed_by", a.actor_id, a.mention) for a in claims]
                other.append(e)
                added.append(e)
            break
    return added


_VICTIM_WORDS = (r"(?:residents|villagers|civilians|inhabitants|worshippers|herders|farmers|"
                 r"traders|passengers|displaced\s+people|people|women|children|everyone|anyone|"
                 r"mourners|guests|shoppers|gold\s+miners|miners|pupils|students)")
# "shooting residents", "shot at everyone in the trench", "villagers were gunned down"
_VICTIMS = re.compile(
    r"\b(?:shooting|shot|shoot|killing|killed|executing|executed|massacring|massacred|"
    r"slaughtering|slaughtered|gunning\s+down|gunned\s+down|opened\s+fire\s+on|firing\s+on|"
    r"fired\s+on|burning|burned|burnt)\s+(?:at\s+|on\s+)?(?:(?:the|all|any|some|several|many|"
    r"dozens\s+of|scores\s+of|[\w-]+)\s+){0,2}?" + _VICTIM_WORDS + r"\b|"
    r"\b" + _VICTIM_WORDS + r"\s+(?:[\w-]+\s+){0,3}?(?:were|was|had\s+been|have\s+been)\s+"
    r"(?:\w+\s+)?(?:killed|shot|executed|massacred|slaughtered|gunned\s+down|burned\s+alive|"
    r"burnt\s+alive|butchered)\b", re.I)
_ARMED_VICTIMS = re.compile(r"\b(?:soldiers?|troops|gendarmes?|police(?:men)?|militiamen|"
                            r"militia|VDP|volunteers|fighters|army|military|post|base|"
                            r"patrol|convoy|camp|dozos?|hunters)\b", re.I)


def victims_told(work: WorkDoc, group: list[EventMention],
                 taken: set[int]) -> EventMention | None:
    """ "the attack of Saturday morning. Armed men surrounded the village at dawn, shooting
    residents": an attack whose sentences said no target takes the victims the story names in
    its sentences, those between them or the one right after (none telling another event). Sets the
    target and adds the victims as ``actor2`` to a mention in the sentence that names them;
    returns that mention when it had to be made (the sentence right after)."""
    if any(m.target for m in group) or not any(m.trigger.entry.by_target for m in group) or any(
            a.role in ("actor2", "assoc_actor_2") for m in group for a in m.args):
        return None
    own = {m.sentence.idx for m in group}
    for idx in range(min(own), min(max(own) + 2, len(work.sentences))):
        if idx in taken and idx not in own:
            continue  # (a sentence that tells another event speaks of that one)
        sent = work.sentences[idx]
        hit = _VICTIMS.search(sent.text)
        if hit is None or _ARMED_VICTIMS.search(hit.group(0)):
            continue
        span = Span(sent.start + hit.start(), sent.start + hit.end())
        group[0].target = "civilians"
        holder = next((m for m in group if m.sentence.idx == idx), None)
        made = None
        if holder is None:
            holder = made = stand_in(
                work, group[0], span.start, span.end, sent,
                "the victims the story names in the sentence after the event")
        holder.args.append(Arg("actor2", "civilians", span))
        return made
    return None


def _towns_in(work: WorkDoc, sent: Any) -> list[Any]:
    """The places finer than a country that the sentence ``sent`` names."""
    return [(pm, res) for pm, res in work.places if sent.start <= pm.start < sent.end
            and res.geo_precision < 3]


def place_told_next(work: WorkDoc, group: list[EventMention],
                    taken: set[int]) -> EventMention | None:
    """ "French forces killed a JNIM commander in north-eastern Mali on Tuesday. Helicopters
    intercepted his pickup in the Ménaka area": an event placed only at its country takes the
    one town of that country the next sentence names, when that sentence tells no other event
    and gives no day of its own. Returns the mention made in that sentence, or None."""
    places = [m.place for m in group if m.place is not None]
    countries = {res.place.country for _, res in places}
    if group[0].background or not countries or group[0].trigger.entry.id == "coup" or any(
            res.geo_precision < 3 for _, res in places):
        return None  # (a coup is the country's; an event with no country has no town to
        # narrow down)
    idx = group[0].sentence.idx + 1
    if idx >= len(work.sentences) or idx in taken and idx not in {
            m.sentence.idx for m in group}:
        return None
    sent = work.sentences[idx]
    towns = [(pm, res) for pm, res in _towns_in(work, sent) if res.place.country in countries]
    if not any(sent.start <= d.start < sent.end for d in work.dates) and \
            len({res.place.id for _, res in towns}) == 1:
        pm = towns[0][0]
        out = stand_in(work, group[0], pm.start, pm.end, sent,
                       "place from the next sentence: the event's own named only its country")
        out.place = towns[0]
        return out
    return _place_told_later(work, group, taken, countries)


_RODE_INTO = re.compile(r"\b(?:rode|came|swept|stormed|burst|drove|moved|went)\s+into\s+$|"
                        r"\b(?:attacked|raided|stormed|struck|hit|entered|surrounded|reached)\s+"
                        r"(?:the\s+(?:[\w-]+\s+)?(?:village|town|commune|locality)\s+of\s+)?$|"
                        # ("The targeted villages were Karou, ...")
                        r"\b(?:targeted|attacked|affected|stricken)\s+(?:villages?|towns?|"
                        r"localities|locality|communes?)\s+(?:was|were|is|are|included?)\s+$|"
                        # ("The site lies near Logobou", "The market is held in the commune of X")
                        r"\b(?:site|market|mine|village|camp|post|base|locality)\s+(?:lies|sits|"
                        r"stands|is\s+(?:located|situated|held))\s+(?:[\w-]+\s+){0,4}?(?:near|in|"
                        r"at|outside|close\s+to)\s+(?:the\s+(?:[\w-]+\s+)?(?:commune|village|town|"
                        r"department)\s+of\s+)?$",
                        re.I)


def _place_told_later(work: WorkDoc, group: list[EventMention], taken: set[int],
                      countries: set[str]) -> EventMention | None:
    """ "... killed when gunmen stormed a town in northern Burkina Faso at the weekend ... The
    attackers rode into Seytenga on the night of Saturday to Sunday": a sentence a little
    later that tells no other event and names where the attackers went, on the event's day
    (or on no day), places it."""
    day = next((m.date for m in group if m.date is not None), None)
    own = {m.sentence.idx for m in group}
    for idx in range(group[0].sentence.idx + 2, min(len(work.sentences),
                                                     group[0].sentence.idx + 6)):
        if idx in taken and idx not in own:
            return None  # (another event's sentence: what follows is about that one)
        sent = work.sentences[idx]
        dates = [d for d in work.dates if sent.start <= d.start < sent.end]
        if any(day is None or d.end_date < day.start_date - timedelta(days=1)
               or d.start_date > day.end_date + timedelta(days=1) for d in dates):
            continue
        hits = [(pm, res) for pm, res in _towns_in(work, sent) if res.place.country in countries
                and _RODE_INTO.search(work.text, max(0, pm.start - 40), pm.start)]
        if len({res.place.id for _, res in hits}) == 1:
            pm = hits[0][0]
            out = stand_in(work, group[0], pm.start, pm.end, sent,
                           "place from a later sentence telling where the attackers went: "
                           "the event's own named only its country")
            out.place = hits[0]
            return out
    return None


def scene_place(work: WorkDoc, group: list[EventMention], taken: set[int],
                dates_of: Any) -> EventMention | None:
    """ "Residents of Douékiré, a village near Goundam, buried their chief on Sunday. Armed men
    came to his house on Saturday evening and shot him": a violent event whose sentences name
    no place happened where the sentence just before it, in its paragraph, sets the scene
    (when that sentence tells no event of its own), or where its paragraph's heading says.
    Returns the mention made there."""
    first = group[0]
    if first.background or first.event_type not in VIOLENT or any(
            m.place and m.place[1].geo_precision < 3 for m in group):
        return None  # (a country from a nationality, "Malian refugees", still wants a place)
    idx = first.sentence.idx - 1
    if idx < 0 or idx in taken and not any(o.sentence.idx == idx for o in group):
        return None  # (the scene's day may already be the event's)
    prev = work.sentences[idx]
    if "\n\n" in work.text[prev.end:first.sentence.start]:
        return None  # (the paragraph before tells something else)
    where = event_place(Trigger(prev.start, prev.start, "", first.trigger.entry, "nouns"),
                        _towns_in(work, prev), work.text)
    if where is None:
        head = heading(work, first.sentence.idx, dates_of)
        towns = _towns_in(work, head) if head is not None else []
        if not towns:
            return None
        where, prev = towns[0], head
    pm = where[0]
    out = stand_in(work, first, pm.start, pm.end, prev,
                   "place from the sentence setting the scene just before the event")
    out.place = where
    return out
