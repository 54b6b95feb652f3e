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
from typing import Any

from ..model import stable_id
from . import attribution as attr
from . import event_cues as cue
from .dates import DateMention, dates_next_clause
from .event_context import (
    BASE,
    GROUP_CHANGE,
    GROUP_KINDS,
    PARTICIPLE_ASIDE,
    actor_kind_of,
    clash_sides,
    definite_generic,
    group_anaphor,
    group_change_roles,
    group_claim,
    news_perfect,
)
from .event_follow_up import follow_up
from .event_groups import can_stand_alone, corefer, finish, inherit
from .event_mention import REPORT_DATE, SUMMARY, VIOLENT, Arg, EventMention
from .event_setting import (
    dates_report,
    destination,
    place_told_before,
    places_apart,
    report_day_only,
    sequel_start,
    vague_place,
)
from .event_setting import event_date as _event_date
from .event_setting import event_place as _event_place
from .event_setting import reported_on as _reported_on
from .event_story import (
    another_place_also,
    date_from,
    heading,
    later_day,
    place_told_next,
    report_day,
    scene_date,
    scene_place,
    share_claims,
    story_again,
    story_date,
    toll_on_scene,
    under_heading,
    victims_told,
)
from .event_typing import actor_id_in_context, forces_of, type_by_target, un_mission_of
from .framework import Sentence, WorkDoc
from .numbers import Count
from .paired_events import ONE_AND_OTHER, distributed, split_pair, split_places, split_tolls
from .quantities import Quantity
from .roles import assign_roles, find_claims, is_state, said_it_did, side_taken_from
from .sentence_view import SentenceView, sentence_views
from .told_triggers import telling_triggers, triggers_by_sentence
from .triggers import Trigger

__all__ = ["EventMention", "build_mentions"]

def build_mentions(work: WorkDoc, lexicon_triggers: Sequence[Trigger],
                   count_entry: Any = None) -> list[EventMention]:
    """Event mentions of one document, grouped into document events (``event_key``).

    ``count_entry`` (the lexicon's weak killing entry) lets a sentence that only gives a toll
    ("ACLED put the total at 90") add its figure to the event the text is talking about."""
    by_sentence = triggers_by_sentence(work, lexicon_triggers)
    mentions: list[EventMention] = []
    events: list[list[EventMention]] = []
    held: EventMention | None = None  # the last mention too vague to stand alone
    views = sentence_views(work)
    empty = SentenceView()

    def dates_of(idx: int) -> list[DateMention]:
        return views.get(idx, empty).dates
    for sent in work.sentences:
        triggers = by_sentence.get(sent.idx)
        view = views.get(sent.idx, empty)
        found = _mentions_for(work, view, sent, triggers) if triggers else []
        if triggers and count_entry is not None and all(
                m.count_only and not m.args for m in found) and (
                cue.CLAIMS_THE.search(sent.text) or "claim" not in sent.text):
            # "X, a movement founded by Y, claimed the attack": the only trigger word was set
            # aside, the claim still joins the event under discussion; so does "JNIM later
            # said its fighters had destroyed dozens of trucks" (a group telling what it did),
            # and so does a blame ("no group claimed the attack; sources point to X")
            found = [m for m in follow_up(work, view, sent, count_entry)
                     if any(a.role in ("claimed_by", "actor1") for a in m.args)] or found
        elif not triggers and count_entry is not None and not cue.GENERIC.search(sent.text):
            # the story's event still lacks a date: "Armed men surrounded the village on
            # Sunday night" (no trigger word) dates the attack told just before
            undated = bool(events) and not any(o.date for o in events[-1]) and \
                sent.idx - events[-1][-1].sentence.idx <= 2
            found = follow_up(work, view, sent, count_entry, undated)
        found = [e for f in found for e in split_tolls(f, view.places, work.text)]
        for m in found:
            if m.date is not None and REPORT_DATE in m.notes and \
                    later_day(work, dates_of, by_sentence, sent, m.date):
                # "..., the government said on Monday. Gunmen went door to door on Saturday
                # night": the report's day gives way to the event's, told just after
                m.date = None
                m.notes.remove(REPORT_DATE)
            key = under_heading(work, m, events, corefer(m, events, work.text), dates_of)
            if key is None and events and story_again(m, events[-1]):
                key = len(events) - 1
                m.notes.append("a sentence that opens on the event told just before")
            date_m = None
            if key is None and another_place_also(m, events):
                # "In Bobo-Dioulasso, rioters also set ablaze ...": the same kind of event in
                # another town, on the day of the one just told (its date is quoted from the
                # sentence that gives it)
                told = next(o for o in events[-1] if o.date)
                date_m = date_from(work, m, told.date, told.sentence,  # type: ignore[arg-type]
                                   "the date of an event told with 'also' in another place")
                m.date = date_m.date
            elif key is None and m.date is None and m.event_type in VIOLENT and (
                    scene := scene_date(work, m, dates_of,
                                        {o.sentence.idx for g in events for o in g})):
                date_m = date_from(work, m, *scene, "the day of the sentence setting the scene")
                m.date = date_m.date
                if held is None and toll_on_scene(work, m, events):
                    m.count_only = False
                elif scene[1] is heading(work, sent.idx, dates_of):
                    # "Pensa, early February 2022. ... They gathered the men and opened fire":
                    # the heading says which event the paragraph tells
                    m.count_only = m.anaphoric = False
            if key is None and not can_stand_alone(m, events):
                if held is not None and m.count_only and m.quantities and not (
                        held.quoted and sent.text.lstrip()[:1] in cue.QUOTE_MARKS) and \
                        sent.idx - held.sentence.idx <= 4 and held.event_type in VIOLENT:
                    # (not a quote's own toll: "'I counted my two brothers among the dead'")
                    # "The village was attacked at dawn ... The first toll was 134 dead": an
                    # undated attack and the toll told after it make one event together
                    events.append([held])
                    held.event_key = len(events) - 1
                    mentions.append(held)
                    key, held = held.event_key, None
                else:
                    held = m if not m.count_only else held
                    continue
            if key is None:
                held = None  # a toll after another event is that event's
                events.append([m])
                m.event_key = len(events) - 1
                if date_m is not None:
                    m.date = None
                    date_m.event_key = m.event_key
                    events[-1].append(date_m)
                    mentions.append(m)
                    m = date_m
            else:
                inherit(m, events[key])
                events[key].append(m)
                m.event_key = key
            mentions.append(m)
    mentions.extend(share_claims(work, events))
    # "armed groups killed 39 civilians in two attacks" and then each attack told apart: the
    # sum is no event of its own
    summaries = [g for g in events if all(SUMMARY in o.notes for o in g)]
    if summaries and len([g for g in events if g[0].event_type in VIOLENT]) - len(summaries) >= 2:
        dropped = {id(o) for g in summaries for o in g}
        mentions = [o for o in mentions if id(o) not in dropped]
        events = [[] if id(g[0]) in dropped else g for g in events]
    taken = {o.sentence.idx for g in events for o in g}
    for key, group in enumerate(events):
        if not group:
            continue
        if any(o.date and REPORT_DATE not in o.notes for o in group):
            for o in group:  # the day a sentence of the story gives beats the report's day
                if REPORT_DATE in o.notes:
                    o.date = None
                    o.notes.remove(REPORT_DATE)
        story = story_date(work, group, dates_of)
        why = "the story's day told in a sentence before"
        if story is None:
            story, why = report_day(work, group, dates_of), REPORT_DATE
        if story is not None:
            # "The villages were attacked in the afternoon": the story's day told before
            day = date_from(work, group[0], *story, why)
            day.event_key = key
            group.append(day)
            mentions.append(day)
        definite_generic(work, group)
        here = scene_place(work, group, taken, dates_of) or place_told_next(work, group, taken)
        if here is not None:
            group.append(here)
            mentions.append(here)
        victims = victims_told(work, group, taken)
        if victims is not None:
            group.append(victims)
            mentions.append(victims)
        mentions.extend(finish(work, group))
        group_claim(work, group)
    return mentions


# ----------------------------------------------------------------------------- one sentence


def _mentions_for(work: WorkDoc, view: SentenceView, sent: Sentence,
                  triggers: list[Trigger]) -> list[EventMention]:
    usable = telling_triggers(sent, triggers, view.actors, view.places, view.dates)
    if not usable or attr.is_question(sent.text):
        return []
    series = [t for t in usable if t.form == "plurals" and cue.LATEST_OF.search(
        work.text, max(sent.start, t.start - 50), t.start)]
    if series and len(series) < len(usable):
        # "Gunmen killed 12 civilians, the latest in a series of raids": the series is an
        # aside on the act, which names the event
        usable = [t for t in usable if t not in series]
    out, primary = _mentions_from(work, view, sent, usable)
    rest = [t for t in usable if t is not primary and not t.entry.weak]
    if not out and primary.form == "plurals" and rest:
        # "set fire to the town hall of X on Sunday night, the latest in a series of attacks":
        # the generic plural names no event, the act beside it does (a toll beside it does
        # not: "killed in two attacks" sums events told apart)
        out, _ = _mentions_from(work, view, sent, rest)
    return out


def _mentions_from(work: WorkDoc, view: SentenceView, sent: Sentence, usable: list[Trigger]
                   ) -> tuple[list[EventMention], Trigger]:
    """The mentions ``usable`` tell, and the trigger that named the main one."""
    strong = [t for t in usable if not t.entry.weak]
    # "gunmen stormed a resort ... before special forces regained control of the site": the end
    # of a siege does not name the event when the sentence tells the attack itself
    ends = [t for t in strong if t.entry.state_sub_type and cue.BUILDING_AFTER.match(
        work.text, t.end)]
    if ends and len(ends) < len(strong):
        strong = [t for t in strong if t not in ends]
    primary = max(strong or usable, key=lambda t: (t.entry.priority, -t.start))
    listed = distributed(work, view.dates, view.places, sent, primary)
    if listed:
        return listed, primary
    starts = cue.clause_starts(sent.start, sent.text)
    p_clause = cue.clause_of(starts, primary.start)
    # Another clause with its own trigger and its own place or date is another event:
    # "After ISIS attacked Paris, a group kills 20 people in Mali".
    chosen = [primary]
    sequels: dict[int, int] = {}
    by_clause: dict[int, Trigger] = {}
    for t in usable:
        c = cue.clause_of(starts, t.start)
        if t.entry.weak and t.form != "plurals" and t.text.lower().endswith("ing") and \
                work.text[t.start - 2:t.start] == ", ":
            continue  # "ambushed a convoy on Monday, killing 58 people near X": the result
        if c != p_clause and (c not in by_clause or t.entry.priority > by_clause[c].entry.priority):
            by_clause[c] = t
    for c, t in by_clause.items():
        end = starts[c + 1] if c + 1 < len(starts) else sent.end
        own_places = _clause_places(work, view, starts[c], end)
        own = [d for d in view.dates if starts[c] <= d.start < end]
        # ("the ministry said on Saturday that 17 soldiers had been killed, ... after a unit
        # was ambushed on Friday": the day of the statement is not another event's)
        own_dates = {d.value for d in own if d.kind != "anchored"
                     and not _reported_on(work.text, d.start)}
        earlier = any(dates_next_clause(d, work.text) for d in own)
        p_end = starts[p_clause + 1] if p_clause + 1 < len(starts) else sent.end
        p_places = _clause_places(work, view, starts[p_clause], p_end)
        p_dates = {d.value for d in view.dates if starts[p_clause] <= d.start < p_end}
        if earlier and c > p_clause and not p_dates:
            # "On Friday, officers said X was removed, eight months after he had seized power":
            # the clause after "eight months after" tells an earlier event (but "ended a siege
            # on Saturday, a day after gunmen stormed the hotel": the same one, dated)
            chosen.append(t)
            continue
        # ("set fire to a police station and looted shops in Kaya on Saturday": the primary
        # clause has no place or date of its own, so the sentence's belong to it as well)
        if c > p_clause and primary.start > sent.start + 3 and cue.SUBJECT_ASIDE.match(
                work.text, sent.start, starts[c]) and not cue.SUBJECT_ASIDE.match(
                work.text, sent.start, primary.start):
            chosen.append(t)  # "X, a leader who pledged allegiance ..., claimed the attack":
            continue  # the aside tells another act than the main verb's
        if places_apart(own_places, p_places) or \
                (own_dates and p_dates and not own_dates & p_dates):
            chosen.append(t)
        elif t.start > primary.end and (cut := sequel_start(
                work.text, primary.end, t.start, sent.start, view.actors)) is not None:
            chosen.append(t)  # "..., drawing the ire of French troops, who beat them back"
            sequels[id(t)] = cut
    chosen.sort(key=lambda t: t.start)
    los = [sent.start if i == 0 else sequels.get(id(t), starts[cue.clause_of(starts, t.start)])
           for i, t in enumerate(chosen)]
    scopes = [(t, los[i], los[i + 1] if i + 1 < len(chosen) else sent.end)
              for i, t in enumerate(chosen)]
    out: list[EventMention] = []
    for t, lo, hi in scopes:
        in_scope = [u for u in usable if lo <= u.start < hi]
        # "X, a former MUJAO leader who pledged allegiance to IS last year, claimed the
        # attack": the subject before the aside is the main clause's as well
        subject = sent.start if lo > sent.start and cue.SUBJECT_ASIDE.match(
            work.text, sent.start, lo) else lo
        # a sequel is dated by the act it follows (event_date widens a year to "or later")
        m = _mention_for(work, view, sent, t, in_scope, lo, hi,
                         sent.start if id(t) in sequels else lo, subject)
        if m is not None:
            out.extend(e for half in split_pair(m, view.places, work.text, _event_place)
                       for e in split_places(half, view.places, work.text))
    main = next((m for m in out if m.trigger is primary), None)
    if main is not None and len(scopes) > 1:
        # the main event may take the sentence's date and place when its own clause has none
        # ("Youths set fire to a police station ..., on Saturday after rumours that ...")
        others = {id(m.date) for m in out if m is not main and m.date is not None}
        if main.date is None:
            main.date = _event_date(sent.text, sent.start, main.trigger,
                                    [d for d in view.dates if id(d) not in others])
            if report_day_only(main.date, sent, [(pm, res) for pm, res in view.places
                                                  if sent.start <= pm.start < sent.end]):
                main.date = None
        if main.place is None:
            main.place = _event_place(main.trigger, view.places, work.text)
        if main.date is not None or main.place is not None:
            main.count_only = False
    return out, primary


def _clause_places(work: WorkDoc, view: SentenceView, lo: int, hi: int) -> list[Any]:
    """The places a clause tells (not where a convoy was bound)."""
    return [res.place for pm, res in view.places
            if lo <= pm.start < hi and not destination(work.text, pm)]


def _mention_for(work: WorkDoc, view: SentenceView, sent: Sentence, trig: Trigger,
                 usable: list[Trigger], lo: int, hi: int,
                 dates_from: int | None = None,
                 actors_from: int | None = None) -> EventMention | None:
    text = work.text
    rel = sent.text
    came = cue.CAME_AFTER.search(text, trig.end, hi)
    if came is not None:
        hi = came.start()  # "The raid came a month after X attacked Y": the raid's part only
    motive = cue.MOTIVE_AFTER.search(text, trig.end, hi)
    if motive is not None:
        hi = motive.start()  # "... as revenge for a raid near X on 13 February": the raid's
    actors = [a for a in view.actors if lo <= a.start < hi]
    dates = [d for d in view.dates if (lo if dates_from is None else dates_from) <= d.start < hi]
    quants = [q for q in view.quantities if lo <= q.start < hi and q.count.value <= 50_000]
    places = [p for p in view.places if lo <= p[0].start < hi]
    if quants and "since" in rel and cue.SUPERLATIVE.search(text, max(lo, trig.start - 40),
                                                         trig.start):
        # "the deadliest attack since Inates last month, where 71 soldiers died": the toll of
        # the event compared with, not of this one
        quants = [q for q in quants if not (q.start > trig.end and cue.since_reaches(
            text, trig.end, q.start))]
    quote_end = cue.opening_quote_end(text, sent.start, rel, trig.end)
    if quote_end is not None:
        # "'They killed old men and boys,' the MSA leader told reporters in Bamako on Sunday":
        # the day and the town after the quote are the speaker's
        dates = [d for d in dates if d.start < quote_end]
        places = [p for p in places if p[0].start < quote_end]
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
    if actors_from is not None and actors_from < lo:
        # the subject before an aside may claim what the main clause tells
        roles.claimed += [a for a in find_claims(text, [a for a in view.actors if actors_from
                                                        <= a.start < hi], actors_from, hi)
                          if a.start < lo and getattr(a, "kind", "named") != "generic"]
    # (the counted noun comes before the verb: not "the number of civilians killed when
    # gunmen stormed ...", where the gunmen follow it)
    counted = [(q.start, min(s for s, _, _ in anchors if q.start <= s < q.end)) for q in quants
               if q.side != "attackers" and any(q.start <= s < q.end for s, _, _ in anchors)]
    for doers, victims in ((roles.actor1, roles.actor2), (roles.assoc1, roles.assoc2)):
        for a in [a for a in doers if any(s <= a.start < e for s, e in counted)
                  and not cue.AGENT_BY.search(text, max(0, a.start - 8), a.start)]:
            # (but not "the number of women abducted by Boko Haram fighters": the agent)
            # "Fifty-three soldiers killed as jihadists overrun army post": the counted dead
            # are the side that was hit, even in a headline with no "were"
            doers.remove(a)
            victims.append(a)
    if trig.entry.state_sub_type and not roles.actor2:
        side_taken_from(text, trig.end, hi, actors, roles)
    if trig.entry.id == "armed_clash" and " between " in text[trig.end:hi]:
        sides = clash_sides(text, trig.end, hi, actors)
        if sides is not None:  # "clashes erupted ... between the GATIA militia and the CMA"
            roles.actor1, roles.actor2 = [sides[0]], [sides[1]]
            roles.assoc1 = [a for a in roles.assoc1 if a not in sides]
            roles.assoc2 = [a for a in roles.assoc2 if a not in sides]
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
                     event_type=trig.entry.type, sub_event_type=trig.entry.sub_type,
                     quoted=quote_end is not None)
    m.date = _event_date(rel, sent.start, trig, dates)
    if report_day_only(m.date, sent, places):
        m.date = None
    if m.date is not None and m.date.precision == "day" and dates_report(m.date, rel, sent.start):
        m.notes.append(REPORT_DATE)
    if m.date is None and not dates and sent.idx <= 2 and work.publication is not None:
        m.date = news_perfect(work, sent, trig)
    m.place = _event_place(trig, places, text, [u.end for u in usable])
    if sent.idx > 0 and vague_place(m.place, text):
        m.place = place_told_before(rel, work.places, sent.start, work.text) or m.place
    m.quantities = quants
    if trig.entry.id == "abduction" and not any(q.kind == "abducted" for q in quants) and \
            (m.date is not None or m.place is not None) and \
            cue.ONE_TAKEN.search(text, max(sent.start, trig.start - 20), trig.start):
        # "A German priest ... was kidnapped": one person, said by the verb itself
        m.quantities = quants + [Quantity(trig.start, trig.end, trig.text, "abducted",
                                          Count(1, 1, 1))]
    m.attribution = attr.attribution_of(rel)
    m.modality = attr.modality_of(rel, m.attribution)
    if ("attribut" in rel or "blam" in rel) and \
            cue.BLAMED_FOR.search(text, max(sent.start, trig.start - 40), trig.start):
        # "The government attributed both attacks to JNIM": the one blamed did it, the one
        # blaming is no side
        blamed = [a for a in actors if a.start >= trig.end and getattr(a, "kind", "") == "named"
                  and cue.TO_ON.fullmatch(text, trig.end, a.start)]
        if blamed:
            roles.actor1 = blamed[:1]
            m.modality = "suspected"
    own_account = False
    teller = roles.actor1[0] if roles.actor1 else None
    if teller is not None and not roles.claimed and \
            actor_kind_of(work, str(teller.actor_id)) in GROUP_KINDS:
        if getattr(teller, "kind", "") == "named" and said_it_did(text, teller, anchors):
            # "JNIM said it killed 100 soldiers at Mansila": a group telling its own act claims
            # it (with no when or where of its own, it tells of the event already told)
            roles.claimed = [teller]
            own_account = violent and not dates and not places
        elif ("claiming" in rel or " group " in rel) and cue.SELF_CLAIM.search(rel):
            # "JNIM fighters attacked Djibo, the group said, claiming to have killed 100": the
            # group telling of its own attack claims it
            roles.claimed = [teller]
    if not roles.actor1 and not roles.claimed:
        said = cue.SAID_IT.search(text, sent.start, trig.start)
        if said is not None:  # "The Malian army said that it had taken control of Kidal"
            speaker = [a for a in actors if 0 <= said.start() - a.end <= 2]
            if cue.SUFFERED_VERB.fullmatch(trig.text) or cue.SUFFERED_VERB.search(
                    text, said.end(), trig.start):
                # "The army said it had repelled an attack": the speaker was attacked
                roles.actor2 = speaker[:1] + [a for a in roles.actor2 if a not in speaker]
            else:
                roles.actor1 = speaker[:1]
                if speaker and actor_kind_of(work, str(speaker[0].actor_id)) in GROUP_KINDS \
                        and trig.entry.type in VIOLENT and not dates and not places:
                    # "JNIM said in a statement that it had taken control of the base": a
                    # group's own account of the event told, with no when or where of its own
                    roles.claimed = speaker[:1]
                    own_account = True
    hit = [a for a in roles.actor2 if cue.ATTACKER_WORD.fullmatch(a.text)]
    if hit:
        # "... killing about twenty assailants", "fifty assailants were neutralised by the
        # army": whoever attacked is the perpetrator's side even where the sentence tells of
        # their dead, and those who killed them were the side attacked
        roles.actor2 = [a for a in roles.actor2 if a not in hit] + roles.actor1
        roles.actor1 = hit[:1]
    for role, items in (("actor1", roles.actor1), ("actor2", roles.actor2),
                        ("assoc_actor_1", roles.assoc1), ("assoc_actor_2", roles.assoc2),
                        ("claimed_by", roles.claimed)):
        for a in items:
            actor_id = actor_id_in_context(work, a, m)
            if violent or trig.entry.id == "coup" and role in ("actor1", "assoc_actor_1"):
                # "Mali's junta took control of Kidal": its army did the fighting; "the ruling
                # council seized power": a coup is the military's, not the government's
                actor_id = forces_of(work, actor_id)
            if violent:
                actor_id = un_mission_of(work, actor_id, m)
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
    m.anaphoric = own_account or cue.anaphor_before(before, trig.form) or (
        trig.form == "verbs" and trig.start - sent.start < 60
        and cue.DEFINITE_PASSIVE.match(text, sent.start, trig.start) is not None)
    if cue.YEAR_BEFORE.search(before):
        m.background = True
        m.notes.append("named past event")
    words = trig.text.lower().split()
    # the verb's tense is its first word: "joined forces", "burning tyres" and "threw stones"
    # are no present-tense generics, "takes control of" is
    plural_or_generic = trig.form == "plurals" and words[-1] not in cue.MUNITIONS and \
        not cue.CAME_UNDER.search(before) or (
        trig.form == "verbs" and cue.PRESENT.search(words[0]) is not None
        and not words[0].endswith(("ss", "us", "ed")))
    specific_date = m.date is not None and m.date.qualifier not in ("range", "decade")
    if (trig.entry.weak or plural_or_generic) and m.date is not None and \
            m.date.precision == "year" and any(q.count.value >= 100 for q in quants):
        return None  # "violence killed more than 8,000 people last year": a yearly total
    if plural_or_generic and m.date is not None and not cue.tolled_now(quants, trig.end) and \
            abs(m.date.start - trig.start) - sum(
            a.end - a.start for a in actors if min(m.date.start, trig.start) <= a.start
            < max(m.date.start, trig.start)) > 60:
        specific_date = False  # "the attacks came after ... an accord signed in June" (an
        m.date = None  # actor's long name between them is no distance: "on Tuesday, fighters
        # of Jama'at Nusrat al-Islam wal-Muslimin (JNIM) launched attacks")
    one_day_here = m.date is not None and m.date.precision == "day" and \
        m.place is not None and m.place[1].geo_precision < 3
    tally = (plural_or_generic or trig.entry.weak) and attr.PERIOD.search(rel) is not None
    if (tally or attr.is_statistic(rel) and (plural_or_generic or not quants)) and \
            not one_day_here:
        return None  # "a series of raids on Sunday on the hamlets of X" is still one event
    if plural_or_generic and not specific_date and not quants and not m.anaphoric:
        return None
    if (trig.form == "plurals" or cue.MANY_BEFORE.search(before)) and not quants and \
            m.date is not None and m.date.precision == "year":
        return None  # "peaceful protests against the regime in 2011": a year of them (and
        # "accused soldiers of several killings this year")
    if m.date is not None and m.date.qualifier in ("range", "decade") and not quants:
        return None  # "in the 1990s, X merged with Y": history, not a datable event
    if cue.PERFECT_VAGUE.search(text, max(sent.start, trig.start - 30), trig.start) and \
            cue.VAGUE_COUNT.match(
            text, trig.end) and not (m.date and m.date.precision == "day"):
        return None  # "French forces have killed several al-Qaeda leaders": a tally
    if trig.form == "verbs" and (trig.entry.by_target or trig.entry.weak) and quants and \
            cue.IN_SEVERAL.match(text, trig.end):
        # "soldiers killed at least 38 civilians in two incidents": the sum of events the story
        # tells apart, no event of its own
        m.quantities = []
        m.anaphoric = m.count_only = True
        m.notes.append(SUMMARY)
    if trig.form == "plurals" and cue.COUNTED.search(before):
        if not quants:
            return None  # "two separate attacks hit the region": a summary of events told apart
        if trig.entry.by_target and not ONE_AND_OTHER.search(rel):
            # "killed 14 people in two attacks": the toll is several events' sum, no one's own
            # (unless the sentence itself splits it: "..., one on X and the other on Y"); the
            # attacks are told apart, or not at all
            m.quantities = []
            m.notes.append(SUMMARY)
    if cue.GENERIC.search(rel) and (plural_or_generic or not quants) and not (
            m.date and m.date.precision in ("day", "month") and not plural_or_generic):
        return None  # habitual or aggregate: "lost 100 soldiers in routine clashes"
    if trig.entry.weak and not quants and not roles.actor2 and not roles.claimed \
            and not (m.date and m.place) and not m.anaphoric:
        return None
    if trig.entry.state_sub_type and cue.BUILDING_AFTER.match(text, trig.end):
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
    came = cue.CAME_AFTER.search(text, sent.start, trig.start)
    if came is not None and (m.date is None or came.start() <= m.date.start < came.end()):
        # "The capture came a week after soldiers overthrew ...": a past event referred to,
        # whose only date, if any, is the gap between the two
        return None
    if m.quantities and not any(q.count.value for q in m.quantities) and (
            trig.entry.weak or any(q.start <= trig.start < q.end for q in m.quantities)):
        # "nobody was killed": the zero toll of the event told (but "shells fell on the town;
        # nobody was hurt" tells its event and its zero toll)
        m.anaphoric = m.count_only = True
    type_by_target(m, text, work)
    return m
