"""Grouping event mentions into document events: coreference by evidence (same place, same
day, same named actor, a definite anaphor), then what a whole group decides (background flag,
type by target, the unnamed perpetrator ACLED codes as an unidentified armed group)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from ..model import stable_id
from ..pack.generic import resolve_rule
from ..pack.resolve import distance_km
from .dates import DateMention, Publication
from .event_cues import AIRCRAFT, ATTACKER_WORD
from .event_mention import REPORT_DATE, VIOLENT, Arg, EventMention, Span
from .event_recoding import killing, protest_dispersed, recode_group
from .event_typing import PROTESTERS, actor_kind, doc_country
from .framework import WorkDoc
from .roles import is_state
from .triggers import Trigger
from .unplaced_events import country_as_place, only_town

_STATE_WEAPONS = frozenset({"Air/drone strike", "Shelling/artillery/missile attack"})
_OWN_STRIKE = re.compile(r"(?:,[^,.;]{1,30},)?\s+(?:\w+\s+)?(?:said|says|stated|confirmed|"
                         r"acknowledged|admitted|announced)\s+(?:that\s+)?(?:(?:its|their)\s+"
                         r"(?:fighter\s+)?(?:jets|warplanes|aircraft|planes|drones|helicopters|"
                         r"air force)\s+(?:had\s+|have\s+|has\s+)?(?:struck|hit|bombed|targeted|"
                         r"carried out|conducted)\b|an?\s+(?:air\s+)?strike\s+(?:carried\s+out\s+)?"
                         r"by\s+(?:its|their)\s+(?:own\s+)?(?:jets|warplanes|aircraft|planes|"
                         r"drones|helicopters|air force)\b)", re.I)
_MOSTLY_CIVILIANS = re.compile(r"\b(?:(?:most|many|all|nearly all)\s+of\s+them|mostly|"
                               r"mainly|largely)\s+(?:\w+\s+)?civilians\b", re.I)
_AIRCRAFT = re.compile(AIRCRAFT + r"\b", re.I)
BACKGROUND_DAYS = 92  # an event ending this long before publication is background


def _compatible_types(a: EventMention, b: EventMention) -> bool:
    if a.event_type in VIOLENT and b.event_type in VIOLENT:
        return True
    if any(m.count_only and m.place is None and m.quantities and not any(
            q.count.value for q in m.quantities) for m in (a, b)):
        return True  # "Gunmen burned the town hall. No one was hurt.": a zero toll fits any act
        # (one told with a place of its own may be another's: "crossed into Algeria, and
        # nobody was killed")
    if "Arrests" in (a.sub_event_type, b.sub_event_type) and any(
            killing(m) for m in (a, b)):
        return True  # "soldiers arrested 20 men ... the bodies were found": one event
    crowd = next((m for m in (a, b) if m.event_type in ("Protests", "Riots")), None)
    other = b if crowd is a else a
    if crowd is not None and other.event_type in VIOLENT and (_ON_CROWD.search(
            other.sentence.text) or other.count_only):
        return True  # "Protesters stormed the assembly ... Security forces fired on the crowd
        # and three people were killed": the force met the crowd of that event ("One guard
        # was beaten to death": a toll with no event of its own is the riot's)
    return a.event_type == b.event_type


_ON_CROWD = re.compile(r"\b(?:fired|firing|shot|shooting|opened\s+fire)\s+(?:live\s+rounds\s+|"
                       r"tear\s+gas\s+)?(?:on|at|into)\s+(?:the\s+)?(?:crowds?\b|rioters\b|"
                       r"protestors\b|" + PROTESTERS + ")", re.I)


def _overlap(a: DateMention, b: DateMention) -> bool:
    """Intervals overlap (±1 day between two day-precise dates: reports straddle midnight)."""
    slack = timedelta(days=1 if a.precision == b.precision == "day" else 0)
    if slack and "about" in (a.qualifier, b.qualifier):
        slack = timedelta(days=6)  # "last week" is about a week before: any day of that week
    return a.start_date <= b.end_date + slack and b.start_date <= a.end_date + slack


_NEARBY_KM = 30.0
_BACK_REFERENCE = re.compile(r"\s*(?:The|These|Those)\s+(?:attackers|assailants|gunmen|raiders|"
                             r"militants|fighters|jihadists|terrorists|insurgents|bandits|"
                             r"kidnappers|abductors)\b")


# a toll given, revised or confirmed is the toll of the event under discussion
_TOLL_TOLD = re.compile(r"\b(?:the|first|initial|provisional|new|latest|final|revised|official|"
                        r"death|human)\s+(?:death\s+)?toll\b", re.I)


def _killed_after_arrest(m: EventMention, o: EventMention) -> bool:
    """ "Soldiers arrested 30 herders on 2 May ... two days later their bodies were found":
    the killing of people detained may be dated days after their arrest."""
    if m.date is None or o.date is None:
        return False
    arrest, killed = (o, m) if o.sub_event_type == "Arrests" else (m, o)
    if arrest.sub_event_type != "Arrests" or not killing(killed):
        return False
    gap = (killed.date.start_date - arrest.date.end_date).days  # type: ignore[union-attr]
    return 0 <= gap <= 7


def _earlier_than(a: DateMention, b: DateMention) -> bool:
    """ "Earlier this month" next to a day told: a time before that day, so another event."""
    return any(x.precision != "day" and y.precision == "day"
               and x.text.lower().lstrip().startswith("earlier") for x, y in ((a, b), (b, a)))


def _toll_given_after(m: EventMention, o: EventMention) -> bool:
    """ "The first toll ... was raised to nine on Friday": a toll given within two weeks after
    the event is dated by the day it was given."""
    return bool(m.quantities) and m.date is not None and o.date is not None and \
        (m.place is None or m.place[1].geo_precision == 3) and \
        o.date.end_date <= m.date.start_date <= o.date.end_date + timedelta(days=14) and \
        _TOLL_TOLD.search(m.sentence.text) is not None


def _report_after(m: EventMention, o: EventMention) -> bool:
    """One of the two is dated only by the day it was reported, within a week after the
    other's day: "two killed in two days of unrest, the minister said on Thursday ...
    rioting on Tuesday and Wednesday" is one event."""
    for late, early in ((m, o), (o, m)):
        if REPORT_DATE in late.notes and late.date and early.date and \
                early.date.end_date <= late.date.start_date <= \
                early.date.end_date + timedelta(days=7):
            return True
    return False


def _told_nearby(m: EventMention, here: Any, there: Any) -> bool:
    """ "... in Banibangou. The attackers stopped the minibuses near the village of X and shot
    the passengers": those attackers, a few km away, in the same event."""
    return m.date is None and _BACK_REFERENCE.match(m.sentence.text) is not None and \
        distance_km(here, there) <= _NEARBY_KM


_REPRISAL = re.compile(r"\s*(?:in\s+(?:apparent\s+)?(?:reprisal|retaliation|revenge|response)|"
                       r"in\s+a\s+(?:reprisal|retaliatory)|days?\s+later|weeks?\s+later)\b", re.I)
_ANOTHER = re.compile(r"\b(?:another|separately|separate|also|meanwhile|elsewhere|earlier|"
                      r"later|previous|second|other)\b", re.I)


def _evidence(m: EventMention, group: list[EventMention]) -> float | None:
    score = 0.0
    contained = False
    if _REPRISAL.match(m.sentence.text) and all(o.sentence.idx < m.sentence.idx for o in group):
        return None  # "In reprisal, militiamen attacked ...": the answer to the event told
    for o in group:
        if not _compatible_types(m, o):
            return None
        if m.event_type not in VIOLENT and m.sub_event_type != o.sub_event_type:
            return None
        if m.date and o.date and not _overlap(m.date, o.date) and \
                not _killed_after_arrest(m, o) and not _report_after(m, o) and \
                not _toll_given_after(m, o):
            return None
        if m.date and o.date and _earlier_than(m.date, o.date):
            return None  # "... on Wednesday. Earlier this month 11 soldiers died there"
        if m.place and o.place:
            pm, po = m.place[1].place, o.place[1].place
            if pm.id != po.id and pm.country != po.country:
                return None
            if pm.id != po.id and m.place[1].geo_precision < 3 and o.place[1].geo_precision < 3 \
                    and not _told_nearby(m, pm, po):
                return None
            if pm.id != po.id:
                contained = True
    if m.event_type not in VIOLENT:
        # "Barkhane left Mali on Monday ... Takuba withdrew earlier this year": a development
        # done by another named actor is another event
        doers = _named_doers(m)
        others = set().union(*(_named_doers(o) for o in group))
        if doers and others and not doers & others:
            return None
    first = group[0]
    places = {o.place_id for o in group if o.place}
    if m.place_id and m.place_id in places:
        score += 2.0
    elif contained:
        score += 1.0  # "in Mali" and "in Bamako"
    if m.date and any(o.date and o.date.precision == "day" and m.date.precision == "day"
                      and o.date.start_date == m.date.start_date for o in group):
        score += 1.0
    elif m.date and m.place is None and m.event_type in VIOLENT and any(
            o.date and o.date.precision == "month" and m.date.precision == "day"
            and o.date.start_date <= m.date.start_date <= o.date.end_date for o in group):
        score += 1.5  # "fighting last month near X ... Clashes began on 25 July"
    elif contained and m.date and m.date.precision == "day" and m.sub_event_type == \
            first.sub_event_type and any(o.date and (o.date.start_date < o.date.end_date or
                                                    o.date.qualifier == "about")
                                         and _overlap(o.date, m.date) for o in group):
        score += 1.0  # "... a roadside bomb in the Sahel region last week. [...] On Saturday, a
        # military vehicle struck an explosive device near Gorom-Gorom": a summary's event told
    elif (contained or m.place and not any(o.place for o in group)) and m.date and \
            m.sub_event_type == first.sub_event_type and \
            m.sentence.idx - group[-1].sentence.idx == 1 and all(
                o.place is None or o.place[1].geo_precision == 3 for o in group) and any(
                o.date and o.date.precision == m.date.precision == "day"
                and _overlap(o.date, m.date) for o in group):
        score += 1.0 if contained else 2.0  # "Togo's army said it repelled an attack on a
        # post in the north overnight. Gunmen opened fire on the post at Sanloaga on the
        # night of ...": the next sentence says where (in the country)
    if m.quantities and (m.place is None or m.place[1].geo_precision == 3) and \
            _TOLL_TOLD.search(m.sentence.text):
        score += 2.0  # "The first toll, given on Thursday, reported ten soldiers killed"
    if contained and m.date is None and m.event_type in VIOLENT and \
            m.sub_event_type == first.sub_event_type and not _ANOTHER.search(m.sentence.text) \
            and all(o.place is None or o.place[1].geo_precision == 3 for o in group):
        score += 1.0  # "killed ... in north-eastern Mali. Assailants opened fire near
        # Indélimane": the story now says where in the country
    if m.date is not None and m.event_type in VIOLENT and first.event_type in VIOLENT and \
            not any(o.date for o in group) and m.sentence.idx - group[-1].sentence.idx == 1 and \
            (m.place is None or all(o.place is None or o.place[1].geo_precision == 3
                                    for o in group)) and not _ANOTHER.search(m.sentence.text):
        score += 2.0  # "13 were killed in a siege at a hotel in Sévaré. Gunmen stormed the
        # hotel early on Friday", "a vehicle struck a landmine in the centre of the country
        # ... It hit the device on Thursday near Boni": the next sentence gives the undated
        # event its day (and its place)
    if m.date is None and _BACK_REFERENCE.match(m.sentence.text):
        score += 1.5  # "The attackers, who came on motorbikes, killed four herders": those told of
    if m.place is None and m.trigger.entry.weak and m.quantities and m.date and any(
            o.date and _overlap(m.date, o.date) for o in group):
        score += 1.0  # "The first communiqué, issued that evening, spoke of 25 soldiers killed"
    if (m.place is None or m.place[1].geo_precision == 3) and any(
            _killed_after_arrest(m, o) for o in group):
        score += 2.0  # the detained were killed: the story of the arrest goes on
    named = set().union(*(o.named_actors for o in group))
    score += min(2, len(m.named_actors & named)) * 1.0
    points = {q.count.value for o in group for q in o.quantities}
    if any(q.count.value in points for q in m.quantities):
        score += 1.0
    if m.anaphoric and (m.place is None or m.place[1].geo_precision == 3 or contained
                        or m.place_id in places or not places):
        # (an event told without a place: "... when the blast happened" near X says where)
        # the event under discussion: salient (many mentions) and recent ones first
        distance = m.sentence.idx - group[-1].sentence.idx
        score += 2.0 + 0.25 * min(len(group), 4) - 0.05 * min(distance, 20)
    if first.sentence.idx == 0 and not first.sentence.text.rstrip().endswith(_FULL_STOPS) \
            and not first.date:
        score += 1.0  # the headline announces the event the story then tells
    if m.sub_event_type == first.sub_event_type:
        score += 0.5
        if m.event_type not in VIOLENT and m.date and any(o.date for o in group):
            score += 1.5  # "detained the president on Wednesday ... took power on Thursday"
    return score


_SIDES_AND_CLAIMS = ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2", "claimed_by")


def _leader_to_group(work: WorkDoc, group: list[EventMention]) -> None:
    """ "Fighters loyal to the preacher Amadou Koufa attacked ...": a leader named as the side
    of a violent event, or as its claimant, stands for the group the registry says he led then
    (ACLED codes the group); a person who led none stays."""
    first = group[0]
    if work.pack is None or first.event_type not in VIOLENT:
        return
    day = first.date.value if first.date else (work.document.published or "9999")
    for m in group:
        for i, a in enumerate(m.args):
            if a.role not in _SIDES_AND_CLAIMS or \
                    actor_kind(work, a.actor_id) != "person":
                continue
            led = [f.value for f in work.pack.actors.get(a.actor_id).facts
                   if f.predicate == "leads" and f.value and (f.start or "") <= day
                   and (f.end is None or day <= f.end)]
            if len(led) == 1:
                m.args[i] = Arg(a.role, str(led[0]), a.mention)
                m.notes.append(f"{a.actor_id} stands for the group he led")


def _state_post_hit(work: WorkDoc, group: list[EventMention]) -> None:
    """ "Gunmen attacked a patrol near Douentza": a post, patrol or convoy hit with no one named
    is the state's; the side hit is the forces of the event's country (a nationality right
    before the post says which: "a Malian army post")."""
    first = group[0]
    if work.pack is None or first.target != "armed" or first.target_span is None or any(
            a.role in ("actor2", "assoc_actor_2") for m in group for a in m.args):
        return
    rule = work.pack.generic.rule("state_forces")
    country = next((m.place[1].place.country for m in group if m.place), None) \
        or doc_country(work)
    if rule is None or country not in rule.by_country:
        return
    doer = {a.actor_id for m in group for a in m.args if a.role == "actor1"}
    forces = resolve_rule(rule, country, None)
    if forces in doer:
        return  # (the army's own patrol attacking is not the army hit)
    first.args.append(Arg("actor2", forces, Span(*first.target_span)))
    first.notes.append("a post, patrol or convoy with no one named: the state's forces")


def _named_doers(m: EventMention) -> set[str]:
    return {a.actor_id for a in m.args if a.role == "actor1"
            and getattr(a.mention, "kind", "named") == "named"}


def corefer(m: EventMention, events: list[list[EventMention]], text: str = "") -> int | None:
    """The event ``m`` tells more of, or None. In a round-up told paragraph by paragraph, what
    a paragraph adds without naming its event ("Six people were killed on both sides") is
    about that paragraph's event, however salient an earlier one."""
    scores = {key: s for key in range(len(events) - 1, -1, -1)
              if (s := _evidence(m, events[key])) is not None and s >= 2.0}
    if len(scores) > 1 and m.anaphoric and text and \
            "\n" in text[events[0][-1].sentence.end:m.sentence.start]:
        here = {key: s for key, s in scores.items()
                if "\n" not in text[events[key][-1].sentence.end:m.sentence.start]
                # (a paragraph that tells its own incident names where it was)
                and any(o.place and o.place[1].geo_precision < 3 for o in events[key])}
        scores = here or scores
    best: tuple[float, int] | None = None
    for key, s in scores.items():
        if best is None or s > best[0] or s == best[0] and \
                events[key][-1].sentence is events[best[1]][-1].sentence:
            # (events told in one sentence, "the camp at Boulkessi and the post at Mondoro came
            # under attack": what follows about them goes to the first place named)
            best = (s, key)
    last = len(events) - 1
    if best is not None and best[1] != last and m.count_only and m.quantities and not any(
            q.count.value for q in m.quantities) and text and "\n" not in text[
            events[last][-1].sentence.end:m.sentence.start] and "\n" in text[
            events[best[1]][-1].sentence.end:m.sentence.start]:
        return None  # "10 October: gunmen burned the town hall ... no one was hurt": no toll
        # told in the paragraph of another event is an earlier paragraph's
    return best[1] if best else None


_PLACE_OBJECT = re.compile(r"\s+(?:the\s+)?(?:(?:[\w-]+\s+)?(?:village|town|commune|locality|"
                           r"hamlet|city|settlement)\s+of\s+)?", re.I)


def _day_of_its_own(m: EventMention, events: Sequence[list[EventMention]]) -> bool:
    """ "The next day, armed men stole two hundred cattle near X": a day the sentence tells,
    no earlier event's there (burning huts on the day of the attack is part of the attack)."""
    d = m.date
    return d is not None and m.sentence.start <= d.start < m.sentence.end and not any(
        o.date and o.date.start_date <= d.end_date and d.start_date <= o.date.end_date
        and o.place_id in (None, m.place_id) for g in events for o in g)


def can_stand_alone(m: EventMention, events: Sequence[list[EventMention]] = ()) -> bool:
    """Whether ``m``, part of no event told before (``events``), is an event of its own."""
    if m.count_only:
        return False
    if m.quoted and m.date is None:
        return False  # "'They surrounded the village at dawn,' said a survivor": the story's
        # event, told after the quote that opens it
    if m.anaphoric and not m.quantities and not (m.place and m.place[1].geo_precision < 3) \
            and not (m.date and m.date.precision == "day"):
        return False  # "the attack" with nothing to attach it to
    if m.trigger.entry.needs_named_actor and not m.named_actors:
        return False  # "the mayor intervened in the dispute" is not a military intervention
    precise_place = m.place is not None and m.place[1].geo_precision <= 2
    # a strategic development needs someone who did it: a name, or forces at a precise place
    # ("Soldiers arrested a local mayor in Douentza"), not "the military authorities announced"
    day = m.date is not None and m.date.precision == "day"
    named = bool(m.named_actors) or ((precise_place or day) and bool(m.known_actors)) or (
        precise_place and m.sub_event_type in ("Arrests", "Disrupted weapons use")) or (
        # "Two men were arrested in Bamako", "a device ... was detected and neutralised"
        precise_place and day and m.sub_event_type == "Looting/property destruction"
        and (m.sentence.idx == 0 or _day_of_its_own(m, events))
        and any(a.role == "actor1" for a in m.args))
    # (a lede: "Armed men torched the town hall of X on Sunday night")
    if m.event_type == "Strategic developments" and not m.trigger.entry.distributive and (
            not named or m.date is None):
        return False  # an undated development told in passing is background colour
    return bool(m.date or m.quantities or (precise_place and m.args)) or (
        precise_place and m.event_type in VIOLENT and m.trigger.form == "verbs"
        and not m.anaphoric and not m.trigger.text.endswith("ing") and _PLACE_OBJECT.fullmatch(
            m.sentence.text, m.trigger.end - m.sentence.start,
            m.place[0].start - m.sentence.start) is not None)
    # ("another group attacked Yoro": a town the verb hit is an event, whoever did it)


def _demonym_before(work: WorkDoc, m: EventMention) -> tuple[str, Span] | None:
    """ "a French air strike": the nationality right before the trigger says whose it was (and
    is the span of the actor statement)."""
    lo = max(m.sentence.start, m.trigger.start - 25)
    near = [a for a in work.pack.find_actors(work.text[lo:m.trigger.start])
            if a.kind == "demonym"] if work.pack is not None else []
    if not near or not near[-1].country:
        return None
    return str(near[-1].country), Span(lo + near[-1].start, lo + near[-1].end)


_FULL_STOPS = (".", "!", "?", '"', "”", "’")
_SIDE = {"actor1": 1, "assoc_actor_1": 1, "actor2": 2, "assoc_actor_2": 2}


def inherit(m: EventMention, group: list[EventMention]) -> None:
    """A later sentence about the event keeps the event's sides: in "the army said it had
    killed fifteen of the attackers" the army is still the side attacked, so roles that would
    swap the sides are dropped (the counts stay)."""
    sides = {a.actor_id: _SIDE[a.role] for o in group for a in o.args if a.role in _SIDE}
    swapped = [a for a in m.args if a.role in _SIDE and a.actor_id in sides
               and sides[a.actor_id] != _SIDE[a.role]]
    if m.count_only and any(a.role in ("actor1", "actor2") and ATTACKER_WORD.fullmatch(
            getattr(a.mention, "text", "")) for a in m.args):
        # "Around fifty assailants were neutralised by the armed forces": the event's attackers
        # hit back at; whoever did it was the side attacked, not the perpetrator
        swapped = swapped or [a for a in m.args if a.role in _SIDE]
    if swapped or (m.count_only and m.trigger.entry.state_sub_type):
        # ("special forces retook the building": the end of the siege, not a side of it)
        m.args = [a for a in m.args if a.role not in _SIDE]
        m.target = None  # the target was read from those roles
        m.notes.append("roles read against the event's sides were dropped")
    if m.count_only and m.trigger.entry.id != "killing":
        m.event_type, m.sub_event_type = group[0].event_type, group[0].sub_event_type
    if m.date is not None and any(o.date for o in group) and m.quantities and \
            _TOLL_TOLD.search(m.sentence.text):
        m.date = None  # "..., then to fourteen on Friday": the day the toll was given
    if m.date is None:
        m.notes.append("date from an earlier sentence about the same event")
    if m.place is None:
        m.notes.append("place from an earlier sentence about the same event")


def finish(work: WorkDoc, group: list[EventMention]) -> list[EventMention]:
    """Background flag for a whole document event, from its best date and its framing; returns
    the mentions it added (a sentence that names the perpetrator apart)."""
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
    if not targets and any(m.trigger.entry.by_target for m in group):
        # "the night attack of Saturday ... 28 civilians were killed": the dead the story counts
        # in another sentence say who was hit
        sides = {q.side for m in group for q in m.quantities
                 if q.kind == "killed" and q.part_of is None and q.side != "attackers"}
        if sides == {"civilians"}:
            targets = {"civilians"}
    if len(targets) == 1 and targets != {"crowd"}:  # one sentence says who was hit
        for m in group:
            # (an air force's strike stays an air strike whoever it hit, as in ACLED)
            if m.trigger.entry.by_target and m.sub_event_type != "Air/drone strike":
                if targets == {"civilians"}:
                    m.event_type, m.sub_event_type = "Violence against civilians", "Attack"
                else:
                    m.event_type, m.sub_event_type = m.trigger.entry.type, m.trigger.entry.sub_type
    recode_group(group)
    protest_dispersed(work.sentences, group)
    first = group[0]
    taken = next((m for m in group[1:] if not m.count_only
                  and m.sub_event_type == m.trigger.entry.state_sub_type), None)
    if first.sub_event_type == "Armed clash" and taken is not None:
        # "troops entered Anefis after fighting with rebels ... the army said it had retaken
        # the town": a fight that ends with the state back in the town is coded as the taking
        first.sub_event_type = taken.sub_event_type
    if first.event_type in VIOLENT and (first.sub_event_type not in _STATE_WEAPONS or (
            first.sub_event_type == "Shelling/artillery/missile attack") and any(
            a.role == "actor2" and is_state(actor_kind(work, a.actor_id))
            for m in group for a in m.args)) and not any(
            a.role in ("actor1", "claimed_by") for m in group for a in m.args):
        # (shells on an army or UN camp are not the state's own: their firer is unnamed too)
        # ACLED codes an unnamed perpetrator of an attack as an unidentified armed group
        first.args.append(Arg("actor1", "unidentified_armed_group",
                              Span(first.trigger.start, first.trigger.end)))
        first.notes.append("perpetrator not named in the text")
    _leader_to_group(work, group)
    _state_post_hit(work, group)
    added = _own_strike(work, group)
    _aircraft_nationality(work, first)
    state_act = first.sub_event_type in ("Air/drone strike", "Arrests",
                                         "Disrupted weapons use") or \
        first.trigger.entry.id == "coup"
    if state_act and work.pack is not None and not any(
            a.role == "actor1" for m in group for a in m.args):
        # only states fly aircraft over the Sahel, arrest people, defuse bombs or stage coups:
        # unnamed, it is the state's forces
        demonym = _demonym_before(work, first)
        country = demonym[0] if demonym else \
            next((m.place[1].place.country for m in group if m.place), None) \
            or doc_country(work)
        rule = work.pack.generic.rule("state_forces")
        if rule is not None and country in rule.by_country:
            first.args.append(Arg("actor1", resolve_rule(rule, country, None),
                                  demonym[1] if demonym else
                                  Span(first.trigger.start, first.trigger.end)))
            first.notes.append("no perpetrator named: the state's forces")
    crowd = {"Protests": "protesters", "Riots": "rioters"}.get(first.event_type)
    if crowd:
        for m in group[1:]:  # "security forces fired on the crowd": the side the crowd met
            m.args = [Arg("actor2", a.actor_id, a.mention) if a.role == "actor1" and
                      is_state(actor_kind(work, a.actor_id)) else a for a in m.args]
    if crowd and not any(a.role == "actor1" for m in group for a in m.args):
        # ACLED codes a crowd whose organisers are not named as protesters / rioters
        first.args.append(Arg("actor1", crowd, Span(first.trigger.start, first.trigger.end)))
    if first.event_type == "Violence against civilians":
        doers = {a.actor_id for m in group for a in m.args if a.role == "actor1"}
        for m in group:  # "soldiers shot dead 16 preachers at an army checkpoint": the
            # checkpoint is the killers' own, not the side hit
            m.args = [a for a in m.args if a.role != "actor2" or a.actor_id not in doers]
    if first.event_type == "Violence against civilians" and not any(
            a.role == "actor2" for m in group for a in m.args):
        # the span is the words that say who was hit ("a market", "villagers") when the
        # sentence names them, else the trigger
        span = first.target_span or (first.trigger.start, first.trigger.end)
        first.args.append(Arg("actor2", "civilians", Span(*span)))
    if first.event_type == "Explosions/Remote violence" and not any(
            a.role == "actor2" for m in group for a in m.args):
        told = next(((m.sentence.start, h) for m in group
                     for h in [_MOSTLY_CIVILIANS.search(m.sentence.text)] if h is not None), None)
        if told is not None:
            # "killed about 20 people, most of them civilians": the dead say who was hit
            at, hit = told
            first.args.append(Arg("actor2", "civilians", Span(at + hit.start(), at + hit.end())))
    if work.pack is not None and not any(m.place for m in group) and \
            not only_town(work, group):
        country_as_place(work, group)
    if first.sub_event_type == "Non-state actor overtakes territory" and work.pack is not None \
            and not any(a.role == "actor2" for m in group for a in m.args):
        # a town or base taken by an armed group was the state's: its forces lost it
        country = next((m.place[1].place.country for m in group if m.place), None)
        rule = work.pack.generic.rule("state_forces")
        if rule is not None and country in rule.by_country:
            first.args.append(Arg("actor2", str(rule.by_country[country]),
                                  Span(first.trigger.start, first.trigger.end)))
            first.notes.append("territory taken from the state: its forces as the side hit")
    return added


def _aircraft_nationality(work: WorkDoc, first: EventMention) -> None:
    """"French warplanes bombed positions around Konna as Malian troops fought": the
    nationality on the aircraft says who flew them, whoever else the sentence names."""
    if first.sub_event_type != "Air/drone strike" or work.pack is None or \
            not _AIRCRAFT.match(first.trigger.text):
        return
    demonym = _demonym_before(work, first)
    rule = work.pack.generic.rule("state_forces")
    if demonym is None or rule is None or demonym[0] not in rule.by_country:
        return
    forces = str(resolve_rule(rule, demonym[0], None))
    if any(a.role == "actor1" and a.actor_id == forces for a in first.args):
        return
    for a in first.args:
        if a.role == "actor1":
            a.role = "assoc_actor_1"
    first.args.append(Arg("actor1", forces, demonym[1]))
    first.notes.append("the aircraft's nationality names who flew them")


def _own_strike(work: WorkDoc, group: list[EventMention]) -> list[EventMention]:
    """"The French army said its jets had struck a group of jihadists": the force that tells
    of its own strike flew it, whoever else the story blames (a mention in that sentence, so
    the statement quotes it)."""
    first = group[0]
    if first.sub_event_type != "Air/drone strike" or any(
            a.role == "actor1" for m in group for a in m.args):
        return []
    lo, hi = first.sentence.start, work.sentences[
        min(group[-1].sentence.idx + 2, len(work.sentences) - 1)].end
    owner = next((a for a in work.actors if lo <= a.start < hi and getattr(
        a, "kind", "") == "named" and _OWN_STRIKE.match(work.text, a.end)), None)
    sent = work.sentence_at(owner.start) if owner is not None else None
    if owner is None or sent is None:
        return []
    here = next((m for m in group if m.sentence.idx == sent.idx), None)
    added = []
    if here is None:
        trig = Trigger(owner.start, owner.end, owner.text, first.trigger.entry, "nouns")
        here = EventMention(id=stable_id(work.document.id, owner.start, owner.end),
                            document_id=work.document.id, sentence=sent, trigger=trig,
                            event_type=first.event_type, sub_event_type=first.sub_event_type,
                            anaphoric=True, count_only=True, event_key=first.event_key,
                            background=first.background)
        here.notes.append("the force that told of its own strike")
        group.append(here)
        added.append(here)
    here.args.append(Arg("actor1", str(owner.actor_id), owner))
    return added
