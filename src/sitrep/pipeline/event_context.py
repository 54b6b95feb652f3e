"""What an event mention takes from its context beyond its own clause: the group a definite
description names ("the Algerian movement"), the date a news lead in the present perfect
implies, the asides that only describe an actor ("X, founded in 2015 by Y,"), and the one-sided
roles of a change to a group. Split from ``events`` to keep each module about one job."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from .dates import DateMention
from .event_mention import Arg, EventMention, Span
from .framework import Sentence, WorkDoc
from .roles import is_state
from .triggers import Trigger

# "MSA, founded in 2016 by X after a split from the MNLA, has joined forces": the aside's date
# and places are the founding's, not the main verb's
PARTICIPLE_ASIDE = re.compile(r",\s+(?:(?:(?:an?|the)\s+(?:[\w’'-]+\s+){1,3})?"
                              r"(?:first\s+|originally\s+)?(?:founded|created|formed|"
                              r"established|set up|born|launched)\s+(?:in|by|on|at|after|"
                              r"during|last|this|early|late|earlier|some|nearly|\d+)\b|"
                              r"(?:which|who)\s+(?:has|have|had)\s+(?:long\s+|also\s+)?(?:been\s+\w+ing|\w+ed)\b)[^,;:()]{0,120}[,.]")
_APPOSITIVE = re.compile(r",\s+(?:(?:which|who)\s+(?:had\s+|has\s+|have\s+|was\s+|were\s+)?"
                         r"(?:(?:long\s+|also\s+)?been\s+)?"
                         r"(?:(?:himself|herself|itself|themselves|also|already|previously)\s+)?|"
                         r"(?:first\s+|originally\s+)?)$", re.I)


def describes_actor(rel: str, a: int, offset: int, actors: Sequence[Any]) -> bool:
    """The trigger opens an appositive or relative clause right after a name ("ISWAP, which
    split from Boko Haram in 2016,"): it describes the actor, it is not the news."""
    hit = _APPOSITIVE.search(rel, max(0, a - 45), a)
    if hit is None or hit.start() == 0:
        np = _APPOSITIVE_NP.search(rel, max(0, a - 45), a)
        # "Ansarul Islam, a movement founded by the preacher X,": a participle after the
        # apposition's noun describes the named group
        return np is not None and np.start() > 0 and \
            _in_span(offset + np.start() - 1, actors) and \
            _PARTICIPLE_BY.match(rel, a) is not None
    named = _in_span(offset + hit.start() - 1, actors)
    if re.search(r"\b(?:which|who)\b", hit.group(0), re.I):
        # ("Damiba, who had himself taken power in January": any name, registered or not)
        return named or re.search(r"\b[A-Z][\w’'-]*$", rel[:hit.start()]) is not None
    # "X, founded in 2015," opens the aside; in "X, a commander of Y, declared" the comma
    # closes one and the verb is the sentence's own
    return named and rel.count(",", 0, hit.start()) % 2 == 0


# "JNIM, which has been besieging Djibo, claimed ...": an ongoing activity told of an actor
_ONGOING_ASIDE = re.compile(r",\s+(?:which|who)\s+(?:has|have|had)\s+(?:long\s+|also\s+)?"
                            r"(?:been\s+)?$", re.I)


def told_in_passing(trig: Any, rel: str, a: int, offset: int, actors: Sequence[Any]) -> bool:
    """A verb trigger that describes a named actor in passing: its history ("Katiba Macina,
    founded in 2015 by ...,") or an ongoing activity ("JNIM, which has been besieging Djibo,")
    is not the news of the sentence."""
    return trig.form == "verbs" and (
        trig.entry.type == "Strategic developments"
        or _ONGOING_ASIDE.search(rel, max(0, a - 40), a) is not None) and \
        describes_actor(rel, a, offset, actors)


_APPOSITIVE_NP = re.compile(r",\s+(?:an?|the)\s+(?:[\w’'-]+\s+){1,3}$", re.I)
_PARTICIPLE_BY = re.compile(r"[\w ]{0,12}?ed\s+(?:by|in|from|after|as|at)\b", re.I)


GROUP_CHANGE = "Change to group/activity"
BASE = "Headquarters or base established"
# "Boko Haram has pledged allegiance", "contractors have begun deploying": the news perfect
_PERFECT_LEAD = re.compile(r"\b(?P<aux>has|have)\s+(?:(?:now|also|formally|officially|finally|"
                           r"reportedly|begun|started|been)\s+)*$", re.I)


def news_perfect(work: WorkDoc, sent: Sentence, trig: Trigger) -> DateMention | None:
    """A report's lead told in the present perfect with no date ("X has rejoined Y") tells
    news: it happened in the month of publication. The span is the auxiliary ("has")."""
    hit = _PERFECT_LEAD.search(work.text, max(sent.start, trig.start - 40), trig.start)
    pub = work.publication
    if hit is None or pub is None or trig.form != "verbs" or trig.entry.weak:
        return None
    start = pub.end.replace(day=1)
    end = (start.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    return DateMention(hit.start("aux"), hit.end("aux"), hit.group("aux"), start, end, "month",
                       None, "relative")


# "The Algerian movement had pledged", "the group later claimed": a definite description of a
# group as the subject right before the trigger
_GROUP_ANAPHOR = re.compile(
    r"\b(?P<np>[Tt]he\s+(?:(?:[A-Z][\w’'-]+|new|jihadist|islamist|armed|rebel|militant|separatist|"
    r"insurgent|terrorist|extremist)\s+)?(?:group|movement|organi[sz]ation|coalition|"
    r"alliance|militia|faction))\s+(?:(?:has|had|have|also|later|then|itself|reportedly|"
    r"subsequently)\s+)*$")
GROUP_KINDS = frozenset({"jihadist_group", "armed_group", "militia", "political"})
ARMED_GROUP_KINDS = GROUP_KINDS - {"political"}  # groups that fight


def actor_kind_of(work: WorkDoc, actor_id: str) -> str | None:
    try:
        return getattr(work.pack.actors.get(actor_id), "kind", None) if work.pack else None
    except Exception:  # noqa: BLE001 - not a registry entry
        return None


_GROUP_CLAIMED = re.compile(
    r"\b(?P<np>[Tt]he\s+(?:(?:jihadist|islamist|armed|rebel|militant|insurgent|terrorist)\s+)?"
    r"(?:group|movement|organi[sz]ation|coalition|alliance))\s+(?:(?:has|had|later|also|quickly)"
    r"\s+)*claimed\s+(?:responsibility\s+for\s+)?(?:the|both|these|all)\s+$")


def group_anaphor(work: WorkDoc, m: EventMention, lo: int) -> None:
    """ "The Nigerian group had pledged allegiance ...": the group is the one last named before
    (a person or a state named in between is not "the group"); "The group claimed the attacks"
    makes it the claimant."""
    hit = _GROUP_ANAPHOR.search(work.text, lo, m.trigger.start)
    role = "actor1"
    if hit is None and "claim" in m.sentence.text:
        hit = _GROUP_CLAIMED.search(work.text, lo, m.trigger.start)
        role = "claimed_by"
    if hit is None or work.pack is None:
        return
    for a in reversed(work.actors):
        if a.end > hit.start() or getattr(a, "kind", "") != "named":
            continue
        if actor_kind_of(work, str(a.actor_id)) in GROUP_KINDS:
            m.args.insert(0, Arg(role, str(a.actor_id),
                                 Span(hit.start("np"), hit.end("np"), "anaphor")))
            m.notes.append(f"\"{hit.group('np')}\" is the group named before")
            return


def group_change_roles(work: WorkDoc, m: EventMention) -> None:
    """A change to a group has one side, the group that changes: "X pledged allegiance to Y",
    "X renamed itself Y", "the creation of Y was announced" code the group as actor1 (the
    passive subject of "was founded" included) and the others as its associates, never as a
    target. A state acting on a group ("the government dissolved the militia") keeps it as
    the target."""
    sides = [a for a in m.args if a.role in ("actor1", "actor2", "assoc_actor_1",
                                             "assoc_actor_2")]
    if not sides:
        return
    principal = next((a for a in sides if a.role == "actor1"), None) or \
        next(a for a in sides if a.role == "actor2")
    if principal.role == "actor1" and is_state(
            actor_kind_of(work, principal.actor_id) or
            ("government" if principal.actor_id.startswith(("state_forces", "government"))
             else None)):
        return
    for a in sides:
        a.role = "actor1" if a is principal else "assoc_actor_1"




def _in_span(pos: int, items: Sequence[Any]) -> bool:
    return any(x.start <= pos < x.end for x in items)


_GROUP_CLAIMED = re.compile(r"(?:^|,\s+and\s+)the\s+(?:(?:jihadist|armed|militant|Islamist|"
                            r"extremist|terrorist|insurgent)\s+)?(?:group|movement|organi[sz]ation)"
                            r"\s+(?:later\s+|quickly\s+|swiftly\s+|has\s+|had\s+)?claimed\b",
                            re.I)


def group_claim(work: WorkDoc, group: list[EventMention]) -> None:
    """"JNIM fighters opened fire ... The group claimed the attack": "the group" is the armed
    group named as the perpetrator, and it claimed the event."""
    if any(a.role == "claimed_by" for m in group for a in m.args):
        return
    doer = next((a for m in group for a in m.args if a.role == "actor1"
                 and getattr(a.mention, "kind", "") == "named"
                 and actor_kind_of(work, a.actor_id) in GROUP_KINDS), None)
    if doer is None:
        return
    for m in group:
        hit = _GROUP_CLAIMED.search(m.sentence.text) if "claim" in m.sentence.text else None
        if hit is not None:
            at = m.sentence.start + hit.start() + (hit.group(0).lower().find("the"))
            m.args.append(Arg("claimed_by", doer.actor_id, Span(at, m.sentence.start + hit.end())))
            m.notes.append("'the group' that claimed it is the group named as its perpetrator")
            return


_BETWEEN = re.compile(r"\bbetween\s+")
_AND_JOIN = re.compile(r"\s+and\s+(?:the\s+)?(?:[\w-]+\s+){0,5}?$")
_OF_THE = re.compile(r"\s+of\s+(?:the\s+)?")


def clash_sides(text: str, lo: int, hi: int, actors: Sequence[Any]) -> tuple[Any, Any] | None:
    """ "clashes between the GATIA militia and former rebels of the CMA": the two sides of a
    fight, each the group a generic description names ("rebels of the CMA" is the CMA)."""
    hit = _BETWEEN.search(text, lo, hi)
    if hit is None:
        return None
    after = sorted((a for a in actors if hit.end() <= a.start < hi), key=lambda a: a.start)

    def named(i: int) -> Any:
        a = after[i]
        if i + 1 < len(after) and getattr(a, "kind", "") == "generic" and \
                getattr(after[i + 1], "kind", "") == "named" and \
                _OF_THE.fullmatch(text, a.end, after[i + 1].start):
            return after[i + 1]
        return a

    if len(after) < 2 or after[0].start - hit.end() > 40:
        return None
    first = named(0)
    rest = [i for i, a in enumerate(after) if a.start > first.end
            and _AND_JOIN.search(text, first.end, a.start)]
    return (first, named(rest[0])) if rest else None



# "the jihadists", "the rebels": a definite description of the side that attacked
_DEFINITE_GENERIC = re.compile(
    r"\b(?:the|these|those)\s+(?:(?:suspected|armed|same)\s+)?(?P<w>jihadists?|jihadist\s+fighters|"
    r"militants|islamists|islamist\s+fighters|terrorists|insurgents|extremists|rebels|"
    r"rebel\s+fighters|separatists|separatist\s+fighters)\s*$", re.I)
_REBEL_WORDS = ("rebel", "separatist")
_DENIED_AFTER = re.compile(r"[^.;]{0,40}\b(?:denied|denies|rejected|has not claimed|"
                           r"did not claim)\b", re.I)


def definite_generic(work: WorkDoc, group: list[EventMention]) -> None:
    """ "The CSP said it had taken the camp at Lere. Last week, the rebels had attacked the
    camp at Bourem": a definite "the rebels" or "the jihadists" as the perpetrator is the one
    armed group of that kind the story named before (rebels for a rebel movement, jihadists
    for a jihadist group). With two candidates, or a named one that denied, it stays
    unidentified."""
    if work.pack is None:
        return
    for m in group:
        for i, a in enumerate(m.args):
            mention = a.mention
            if a.role != "actor1" or a.actor_id != "unidentified_armed_group" or \
                    getattr(mention, "kind", "") != "generic":
                continue
            hit = _DEFINITE_GENERIC.search(work.text, max(0, mention.start - 25), mention.end)
            if hit is None:
                continue
            kinds = {"armed_group"} if hit.group("w").lower().startswith(_REBEL_WORDS) else \
                {"jihadist_group"}
            named = {str(o.actor_id) for o in work.actors
                     if getattr(o, "kind", "") == "named" and o.end <= mention.start
                     and actor_kind_of(work, str(o.actor_id)) in kinds
                     and not _DENIED_AFTER.match(work.text, o.end)}
            if len(named) == 1:
                m.args[i] = Arg("actor1", named.pop(), mention)
                m.notes.append(f"\"{hit.group(0).strip()}\" is the group the story named before")
