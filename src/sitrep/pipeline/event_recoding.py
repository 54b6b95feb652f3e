"""Coding rules ACLED applies to a whole event once all its sentences are known: who a mob or a
mine on a civilian vehicle hit, people detained and then killed, an attack told as a bombing.
(Split from ``event_groups``, which decides which sentences make one event.)"""

from __future__ import annotations

import re
from typing import Any

from .event_mention import Arg, EventMention, Span


def killing(m: EventMention) -> bool:
    """A killing told as a toll or a massacre (not an attack with its own story)."""
    return m.event_type == "Violence against civilians" and (
        m.count_only or m.trigger.entry.weak or m.trigger.entry.id == "massacre")


_CIVILIAN_VEHICLE = re.compile(r"\b(?:an?|the)\s+(?:[\w-]+\s+){0,2}?(?:truck|bus|minibus|car|taxi|"
                               r"lorry|cart|motorcycle|motorbike|tricycle)\s+(?:[\w-]+\s+){0,4}?"
                               r"(?:hit|struck|ran over|drove over|triggered)\b", re.I)
# "Three men travelling on a motorbike were killed when their vehicle hit a device"
_TRAVELLING = re.compile(r"\b(?:travell?ing|riding)\s+(?:on|in|aboard)\s+(?:an?|the|their)\s+"
                         r"(?:[\w-]+\s+)?(?:truck|bus|minibus|car|taxi|lorry|cart|motorcycle|"
                         r"motorbike|tricycle)s?\b", re.I)
_ARMED_WORDS = re.compile(r"\b(?:army|military|soldiers?|troops|gendarm\w*|police|patrol|convoy|"
                          r"VDP|FAMa|FDS|SAF|escort)\b", re.I)


def _civilian_vehicle(group: list[EventMention]) -> None:
    """ "A commercial truck struck an IED on the RN16": a civilian vehicle that met a device
    carried civilians (the side hit), when no armed side is named with it."""
    first = group[0]
    if first.sub_event_type != "Remote explosive/landmine/IED" or any(
            a.role == "actor2" for m in group for a in m.args):
        return
    for m in group:
        hit = _CIVILIAN_VEHICLE.search(m.sentence.text)
        if hit is None and (hit := _TRAVELLING.search(m.sentence.text)) is not None and \
                _ARMED_WORDS.search(m.sentence.text, 0, hit.start()):
            hit = None  # ("soldiers travelling in a truck")
        if hit and not _ARMED_WORDS.search(hit.group(0)):
            at = m.sentence.start
            m.args.append(Arg("actor2", "civilians", Span(at + hit.start(), at + hit.end())))
            return


def _mob_victims(group: list[EventMention]) -> None:
    """ "Two men accused of theft were beaten to death by a crowd": whom a mob kills or hurts,
    with no armed side named, are civilians (ACLED's Mob violence victims)."""
    if group[0].sub_event_type != "Mob violence" or any(
            a.role == "actor2" for m in group for a in m.args):
        return
    for m in group:
        hit = next((q for q in m.quantities if q.kind in ("killed", "injured")
                    and q.side in (None, "civilians") and q.part_of is None), None)
        if hit is not None:
            m.args.append(Arg("actor2", "civilians", Span(hit.start, hit.end)))
            return


def _attack_by_bomb(group: list[EventMention]) -> None:
    """ "AQIM claimed the attack on the UN camp ... a vehicle loaded with explosives blew up at
    its entrance": an attack the story tells was a bomb is coded as the bombing."""
    bomb = next((m for m in group if m.trigger.entry.id in ("suicide_bomb", "remote_explosive")
                 and not m.count_only), None)  # ("explosions were heard" adds to the attack)
    if bomb is None:
        return
    for m in group:
        if m.trigger.entry.id == "attack":
            m.event_type, m.sub_event_type = bomb.event_type, bomb.sub_event_type
            m.notes.append("an attack told as a bombing: coded as the bombing")


def _detained_then_killed(group: list[EventMention]) -> None:
    """ "Soldiers arrested about 20 men at the market ... at least 20 men were killed": people
    detained and then killed is an attack on them, as ACLED codes it, not an arrest."""
    if not any(m.sub_event_type == "Arrests" for m in group):
        return
    killed = [(m, q) for m in group for q in m.quantities if q.kind == "killed"
              and q.side != "attackers" and q.part_of is None]
    if not killed and not any(m.trigger.entry.id == "massacre" for m in group):
        return
    for m in group:
        if m.sub_event_type == "Arrests":
            m.event_type, m.sub_event_type = "Violence against civilians", "Attack"
            m.target = "civilians"
            m.notes.append("people detained and killed: coded as an attack on them")
    if killed and not any(a.role == "actor2" for m in group for a in m.args):
        holder, q = killed[0]  # (the statement quotes the sentence that counts the dead)
        holder.args.append(Arg("actor2", "civilians", Span(q.start, q.end)))


_THEFT = re.compile(r"\b(?:stole|looted|plundered|pillaged|rustled|drove\s+(?:away|off)|"
                    r"made\s+off\s+with|carried\s+off|took\s+away)\b", re.I)


def _raid_for_loot(group: list[EventMention]) -> None:
    """ "Armed men raided herders' camps and drove away several hundred cattle. No casualties
    were reported": a raid on civilians that hurt no one and took their goods is the looting
    ACLED codes, not an attack on people."""
    raids = [m for m in group if m.trigger.entry.id == "attack"
             and m.sub_event_type == "Attack"]
    if not raids or any(m.sub_event_type != "Attack" and m.trigger.entry.id != "looting"
                        for m in group):
        return
    if any(q.count.value > 0 for m in group for q in m.quantities) or any(
            m.trigger.entry.id == "massacre" for m in group):
        return
    if not any(m.trigger.entry.id == "looting" or _THEFT.search(m.sentence.text, m.trigger.end
                                                                  - m.sentence.start)
               for m in group):
        return
    for m in raids:
        m.event_type, m.sub_event_type = "Strategic developments", "Looting/property destruction"
        m.notes.append("a raid that hurt no one and took goods: coded as looting")


_DISPERSED_BY = re.compile(r"\b(?:police|gendarm\w*|security forces|soldiers|troops|riot police)"
                          r"\b[^.;]{0,40}?\b(?:dispersed|broke up|fired tear ?gas|used tear ?gas)\b"
                          r"|\b(?:dispersed|broken up)\s+by\s+(?:the\s+)?(?:police|gendarm|"
                          r"security forces|soldiers|troops)", re.I)


def protest_dispersed(sentences: list[Any], group: list[EventMention]) -> None:
    """ "Pupils took to the streets of Zinder ... The police dispersed the crowd with tear gas
    near the market": a peaceful protest that forces broke up, told a sentence or two later, is
    ACLED's protest with intervention. ``sentences`` are the document's."""
    first = group[0]
    if first.sub_event_type != "Peaceful protest":
        return
    last = max(m.sentence.idx for m in group)
    for sent in sentences[first.sentence.idx + 1:last + 3]:
        if _DISPERSED_BY.search(sent.text):
            for m in group:
                if m.sub_event_type == "Peaceful protest":
                    m.sub_event_type = "Protest with intervention"
                    m.notes.append("forces broke the protest up, told after it")
            return


def recode_group(group: list[EventMention]) -> None:
    """Every whole-event coding rule, in order, on one document event."""
    _detained_then_killed(group)
    _civilian_vehicle(group)
    _mob_victims(group)
    _attack_by_bomb(group)
    _raid_for_loot(group)
