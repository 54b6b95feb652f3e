"""Event type by target and actor ids in context: an attack on civilians is Violence against
civilians, on armed men a battle; "angry youths set fire" is a riot; "soldiers" in a Malian
event is the Malian army."""

from __future__ import annotations

import re
from typing import Any

from .event_context import ARMED_GROUP_KINDS
from .event_cues import AIRCRAFT
from .event_mention import VIOLENT, Arg, EventMention, Span
from .event_setting import is_village
from .framework import WorkDoc
from .roles import is_state

_CIVILIAN_TARGET = re.compile(
    r"^[^.;]{0,50}?\b(?:hotels?|resorts?|caf[eé]s?|bars?|markets?|villages?|hamlets?|"
    r"villagers|civilians?|worshippers|mosques?|"
    r"churche?s?|weddings?|bus(?:es)?|passengers?|restaurants?|tourists?|residents|homes?|"
    r"schools?|students|pupils|shoppers|funerals?|farmers|herders|camps? for displaced|"
    r"displaced|women|children|aid workers?|journalists?|employees|contractors|expatriates?|"
    r"staff|traders|miners|gold miners|gold[- ]panners)\b", re.I)
_MILITARY_TARGET = re.compile(
    r"^[^.;]{0,50}?\b(?:military|army|bases?|camps?|convoys?|checkpoints?|posts?|outposts?|"
    r"barracks|patrols?|soldiers|troops|gendarmes?|gendarmerie|police|positions|airport|"
    r"garrisons?|forces|mercenaries|units?|fighters|militants|jihadists)\b", re.I)
_STATE_POST = re.compile(r"\b(?:military|army|bases?|camps?|convoys?|checkpoints?|posts?|"
                         r"outposts?|barracks|patrols?|garrisons?)\b", re.I)
_NOT_STATE = re.compile(r"\b(?:jihadist|militant|terrorist|rebel|insurgent|islamist|militia|"
                        r"VDP|volunteers?|dozos?|hunters|koglweogo|MINUSMA|UN|peacekeep\w*|"
                        r"French|Barkhane|displaced|refugees?|civilian|humanitarian|commercial|"
                        r"of\s+the\s+[A-Z])", re.I)
_CIVILIAN_WORDS = re.compile(_CIVILIAN_TARGET.pattern[len("^[^.;]{0,50}?"):], re.I)
_MILITARY_WORDS = re.compile(_MILITARY_TARGET.pattern[len("^[^.;]{0,50}?"):], re.I)


_CLAUSE_OPEN = re.compile(r"\b(?:when|as|after|while|before|because)\b|[;:]", re.I)
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being)\s+(?:\w+\s+)?$", re.I)
_KILLING_VERB = re.compile(r"(?:killed|killing|shot dead|massacred|executed)\s", re.I)


def _killed_before(m: EventMention) -> bool:
    """ "The attackers, who came on motorbikes, killed four herders and stole cattle": whoever
    the looter is, the sentence's own verb killed people before the looting verb."""
    return m.trigger.form == "verbs" and any(
        q.kind == "killed" and q.end <= m.trigger.start and _KILLING_VERB.match(q.text)
        for q in m.quantities)
_PEOPLE = re.compile(r"\s*(?:of\s+)?\b(?:people|persons|dead|victims|bodies)\b", re.I)


def actor_id_in_context(work: WorkDoc, mention: Any, m: EventMention) -> str:
    """The registry id a mention stands for in this event: generic words ("soldiers") take the
    event's country, else the country the document is mostly about."""
    pack = work.pack
    if pack is None or getattr(mention, "kind", "named") == "named":
        return str(mention.actor_id)
    country = m.place[1].place.country if m.place else None
    country = country or doc_country(work)
    date = m.date.value if m.date else work.document.published
    if mention.kind == "demonym":
        # "Malian and Wagner troops": the demonym qualifies the forces noun that follows;
        # "Chadian peacekeepers" serve the UN mission of the country they are in
        noun = next((a for a in work.actors if a.kind == "generic"
                     and 0 <= a.start - mention.end <= 40), None)
        if noun is not None and noun.rule:
            rule = pack.generic.rule(noun.rule)
            own = mention.country if rule is None or rule.takes_demonym else country
            try:
                return str(pack.resolve_generic(noun, country=own, date=date))
            except Exception:  # noqa: BLE001
                pass
    try:
        return str(pack.resolve_generic(mention, country=country, date=date))
    except Exception:  # noqa: BLE001 - a pack without the rule keeps the placeholder
        return str(mention.actor_id)


def forces_of(work: WorkDoc, actor_id: str) -> str:
    """A government in a fight stands for its armed forces (ACLED codes the military)."""
    pack = work.pack
    if pack is None or actor_kind(work, actor_id) != "government":
        return actor_id
    rule = pack.generic.rule("state_forces")
    country = getattr(pack.actors.get(actor_id), "country", None)
    if rule is None or not country or country not in rule.by_country:
        return actor_id
    return str(rule.by_country[country])


def un_mission_of(work: WorkDoc, actor_id: str, m: EventMention) -> str:
    """ "attacks on United Nations bases in Timbuktu": where the UN keeps a peacekeeping
    mission, the UN in a fight is that mission (MINUSMA in Mali)."""
    pack = work.pack
    if pack is None or actor_id != "united_nations":
        return actor_id
    rule = pack.generic.rule("un_peacekeepers")
    country = (m.place[1].place.country if m.place else None) or doc_country(work)
    if rule is None or not country or country not in rule.by_country:
        return actor_id
    return str(rule.by_country[country])


def doc_country(work: WorkDoc) -> str | None:
    """The country most of the document's places lie in (ties: the first named)."""
    counts: dict[str, int] = {}
    for _, res in work.places:
        c = res.place.country
        if c:
            counts[c] = counts.get(c, 0) + 1
    return max(counts, key=lambda c: counts[c]) if counts else None


def actor_kind(work: WorkDoc, actor_id: str) -> str | None:
    pack = work.pack
    if pack is None:
        return None
    try:
        return str(pack.actors.get(actor_id).kind)
    except Exception:  # noqa: BLE001 - placeholders are not in the registry
        return "state_forces" if actor_id.startswith("state_forces") else None


_CROWD = re.compile(r"\b(?:youths?|crowds?|mobs?|protesters|demonstrators|rioters|"
                    r"angry residents|students|(?:hundreds|thousands|scores)\s+of\s+(?:[\w-]+\s+)?"
                    r"(?:supporters|residents|people|villagers|traders|women|men))\b"
                    # ("Scores of people were killed when jihadists attacked": the victims)
                    r"(?!\s+(?:were|was|had\s+been|have\s+been)\s+(?:\w+\s+)?(?:killed|wounded|"
                    r"injured|shot|abducted|kidnapped|massacred|executed))[^.;]{0,60}$", re.I)
_VIOLENT_CROWD = re.compile(r"\b(?:smash(?:ed|ing)|set fire|setting fire|set ablaze|"
                            r"torch(?:ed|ing)|"
                            r"storm(?:ed|ing)?|loot(?:ed|ing)|ransack(?:ed|ing)|threw stones|"
                            r"throwing stones|stone-throwing|burn(?:ed|t|ing) tyres|vandali[sz]ed|"
                            r"clashed with (?:police|security forces))\b", re.I)
PROTESTERS = r"(?:protesters|demonstrators|marchers)\b"
_POLICE_AFTER = re.compile(r"\s+(?:with|against)\s+(?:the\s+)?(?:riot\s+)?police\b", re.I)
_CROWD_FORCES = r"(?:the\s+)?(?:riot\s+)?(?:police(?:men)?|security\s+forces|gendarmes|" \
                r"soldiers)"
_CROWD_NOUN = r"(?:the\s+)?(?:[\w-]+\s+)?(?:students|protesters|protestors|demonstrators|" \
              r"marchers|youths|young\s+people|supporters)"
_CLASH_WITH_CROWD = re.compile(rf"\s+(?:between\s+{_CROWD_FORCES}\s+and\s+{_CROWD_NOUN}|"
                               rf"with\s+{_CROWD_NOUN}|"
                               rf"between\s+{_CROWD_NOUN}\s+and\s+{_CROWD_FORCES})\b", re.I)
_AT_PROTESTERS = re.compile(r"[^.;]{0,25}?\b(?:on|at|against|into)\s+(?:the\s+)?(?:crowds? of\s+)?"
                            + PROTESTERS, re.I)
# "fired on marchers": the trigger's own preposition
_PROTESTERS_NEXT = re.compile(r"\s+(?:the\s+|a\s+)?(?:(?:crowds?|group)\s+of\s+)?(?:[\w-]+\s+)?"
                              + PROTESTERS, re.I)
_HEAD_OF_STATE = re.compile(r"(?<!former )(?<!ex-)\b(?:(?:interim|transitional)\s+)?"
                            r"(?:President|head of state|Prime Minister)\b(?!\s+of\s+the\s+"
                            r"(?:party|association|assembly|council|club|federation))")
_FACILITY_AFTER = re.compile(r"\s+(?:(?:an?|the|their|its)\s+)?(?:[\w-]+\s+){0,2}(?:post|camp|"
                             r"base|detachment|position|checkpoint|garrison|barracks|outpost)s?\b",
                             re.I)
_DISPERSED = re.compile(r"\b(?:dispersed|dispersing|broke up|broken up|tear gas|teargas|"
                        r"were arrested|detained several|arrested several|arrested dozens|"
                        r"cleared the square|water cannon)\b", re.I)
_WHERE_AFTER = re.compile(r"\s+(?:near|in|at|outside|around|close to|between|along|north|south|"
                          r"east|west|about|some)\b", re.I)
_DURING_PROTEST = re.compile(r"\b(?:when|as|after)\s+(?:the\s+|several\s+hundred\s+|"
                             r"hundreds\s+of\s+|thousands\s+of\s+)?" + PROTESTERS + r"|"
                             r"\b(?:during|at)\s+an?\s+(?:protest|demonstration|march|rally)\b",
                             re.I)
_CROWD_WORD = re.compile(r"\b" + PROTESTERS, re.I)
_MOB_TYPES = frozenset({"looting", "attack", "killing", "massacre"})


def _crowd_sides(m: EventMention, work: WorkDoc) -> None:
    """In a riot or protest the crowd acts: "residents" are the crowd (coded rioters or
    protesters, added later), and the forces or officials they faced are the other side."""
    out: list[Arg] = []
    for a in m.args:
        if a.actor_id.startswith("civilians") and a.role in ("actor1", "actor2", "assoc_actor_1",
                                                             "assoc_actor_2"):
            continue
        if a.role in ("actor1", "assoc_actor_1") and is_state(actor_kind(work, a.actor_id)):
            a = Arg("actor2" if not any(x.role == "actor2" for x in out) else "assoc_actor_2",
                    a.actor_id, a.mention)
        out.append(a)
    m.args = out


# the aircraft as the subject right before the trigger: "a drone operated by the army struck",
# "army drones had struck"
_AIRCRAFT_SUBJECT = re.compile(r"(?:\b(?:an?|the|its|their)\s+)?(?:[\w-]+\s+){0,2}?" + AIRCRAFT
                               + r"(?:\s+(?:operated|flown|used|deployed)\s+by\s+[^,.;]{1,40}?)?"
                               r"(?:\s+(?:had|have|has))?(?:\s+[a-z]+ly)?\s+$", re.I)
# ... or the agent right after the trigger: "a strike by its aircraft on Sunday"
_BY_AIRCRAFT = re.compile(r"\s+(?:by|from)\s+(?:(?:an?|the|its|their)\s+)?(?:[\w-]+\s+){0,2}?"
                          + AIRCRAFT + r"\b", re.I)
# ... or opening the sentence whose verb is no trigger word: "A military drone fired two
# munitions into the market, killing 28 civilians"
_AIRCRAFT_OPENS = re.compile(r"\s*(?:an?|the|its|their)\s+(?:[\w-]+\s+){0,3}?" + AIRCRAFT
                             + r"\s+(?:[\w-]+\s+){0,2}?(?:fired|dropped|launched|struck|hit|"
                             r"bombed|targeted|attacked|opened fire)\b", re.I)


def _force_on_crowd(m: EventMention, args: list[Arg], protesters: Span | None) -> None:
    """ACLED's excessive force against protesters: the forces are the side that acts, the
    protesters (the words at ``protesters``, when given) the side hit."""
    m.event_type, m.sub_event_type = "Protests", "Excessive force against protesters"
    m.target = "crowd"
    m.args = args
    if protesters is not None:
        m.args.append(Arg("actor2", "protesters", protesters))


def _armed_doer(m: EventMention, work: WorkDoc, states_too: bool = False) -> bool:
    """Whether the perpetrator is an armed group (or, with ``states_too``, a state's force)."""
    for a in m.args:
        if a.role != "actor1":
            continue
        kind = actor_kind(work, a.actor_id)
        if a.actor_id == "unidentified_armed_group" or kind in ARMED_GROUP_KINDS or (
                states_too and is_state(kind)):
            return True
    return False


def type_by_target(m: EventMention, text: str, work: WorkDoc) -> None:
    entry = m.trigger.entry
    if entry.id in ("riot", "protest"):
        _crowd_sides(m, work)
    if entry.id == "riot" and _armed_doer(m, work):
        # "gunmen clashed with police": an armed group's fight is a battle, not a riot
        m.event_type, m.sub_event_type = "Battles", "Armed clash"
        return
    if entry.id == "mob_violence" and _armed_doer(m, work, states_too=True):
        # "were stoned to death by Islamists who control the town": a punishment an armed
        # group or a force metes out is its attack on civilians, not a crowd's violence
        m.event_type, m.sub_event_type = "Violence against civilians", "Attack"
        m.target = "civilians"
        return
    if entry.id == "protest" and any(q.kind == "killed" and q.side != "attackers"
                                     for q in m.quantities):
        forces = [a for a in m.args if a.role in ("actor2", "assoc_actor_2")
                  and is_state(actor_kind(work, a.actor_id))]
        if forces:
            # "Two people were killed when a French convoy was blocked by demonstrators": the
            # dead of a protest that faced armed forces are the force used against it
            _force_on_crowd(m, [Arg("actor1" if i == 0 else "assoc_actor_1", a.actor_id,
                                    a.mention) for i, a in enumerate(forces)],
                            Span(m.trigger.start, m.trigger.end))
            return
    if entry.id in _MOB_TYPES and _CROWD.search(text[m.sentence.start:m.trigger.start]):
        # "angry youths set fire to a police station": a riot, not a looting by an armed group
        m.event_type, m.sub_event_type = "Riots", "Violent demonstration"
        m.target = "crowd"
        return
    if entry.id == "looting" and (any(a.role == "actor1" for a in m.args) or _killed_before(
            m)) and not (m.trigger.form == "verbs" and _PASSIVE_BEFORE.search(
                text[m.sentence.start:m.trigger.start])):
        dead = {q.side for q in m.quantities if q.kind == "killed" and q.part_of is None
                and q.side != "attackers" and q.count.value > 0}
        if dead:
            # "gunmen torched houses and shot residents ..., 79 bodies were recovered": burning
            # that kills is an attack on the people there (ACLED codes the violence, not arson)
            armed = dead == {"forces"}
            m.event_type, m.sub_event_type = ("Battles", "Armed clash") if armed else (
                "Violence against civilians", "Attack")
            m.target = "armed" if armed else "civilians"
            m.notes.append("property destroyed with people killed: coded as the attack")
            return
    rel = m.sentence.text
    if entry.id == "armed_clash" and _VIOLENT_CROWD.search(rel) and _POLICE_AFTER.match(
            text, m.trigger.end) and not any(a.role == "actor1" for a in m.args):
        # "supporters of the candidate burned tyres, looted shops and fought with police"
        m.event_type, m.sub_event_type = "Riots", "Violent demonstration"
        m.target = "crowd"
        return
    if entry.id == "armed_clash" and _CLASH_WITH_CROWD.match(text, m.trigger.end):
        # "clashes between police and students", "clashed with demonstrators": a crowd is no
        # armed side; ACLED codes the fight as a riot, the forces as the side it met
        m.event_type, m.sub_event_type = "Riots", "Violent demonstration"
        m.target = "crowd"
        _crowd_sides(m, work)
        return
    if entry.id == "protest" and _VIOLENT_CROWD.search(rel):
        # "marched ... and tried to storm the embassy, smashing windows": a riot
        m.event_type, m.sub_event_type = "Riots", "Violent demonstration"
        m.target = "crowd"
        return
    if entry.id == "protest" and _DISPERSED.search(rel):
        # "gathered in front of the ministry before being dispersed by police": ACLED's
        # protest with intervention (force short of killing or injuring)
        m.sub_event_type = "Protest with intervention"
    if entry.id == "arrests" and _HEAD_OF_STATE.search(rel):
        # "soldiers detained President Kaboré": seizing the head of state is a coup
        m.event_type, m.sub_event_type = "Strategic developments", "Other"
        m.notes.append("head of state detained: coded as a coup")
        return
    a1 = [a for a in m.args if a.role == "actor1"]
    if entry.by_target and a1 and a1[0].actor_id.endswith("air_force") and \
            m.sub_event_type != "Air/drone strike":
        # "the Air Force carried out strikes on a gathering": an air force attacks from the air
        m.event_type, m.sub_event_type = "Explosions/Remote violence", "Air/drone strike"
        return
    if m.event_type in VIOLENT and m.sub_event_type != "Air/drone strike" and (
            entry.by_target and _BY_AIRCRAFT.match(text, m.trigger.end, m.sentence.end) or
            (entry.by_target or m.trigger.text.lower() == "bombed") and _AIRCRAFT_SUBJECT.search(
                text, max(m.sentence.start, m.trigger.start - 90), m.trigger.start)
            or _AIRCRAFT_OPENS.match(text, m.sentence.start, m.trigger.start)):
        # "A drone operated by the Malian army struck a wedding party": the aircraft attacked
        m.event_type, m.sub_event_type = "Explosions/Remote violence", "Air/drone strike"
        return
    if (entry.weak or entry.id == "protest" and any(
            q.kind == "killed" for q in m.quantities)) and _DURING_PROTEST.search(rel):
        # "Three people were killed ... when protesters tried to stop a convoy": deaths in a
        # protest are force used against it (ACLED's excessive force against protesters)
        crowd = _CROWD_WORD.search(text, m.sentence.start, m.sentence.end)
        kept = [a for a in m.args if a.role not in ("actor2", "assoc_actor_2")]
        # (with no one named firing, the protesters are the event's only side)
        _force_on_crowd(m, kept, Span(crowd.start(), crowd.end()) if crowd is not None and any(
            a.role == "actor1" for a in kept) else None)
        return
    if entry.by_target and (_AT_PROTESTERS.match(text, m.trigger.end, m.sentence.end) or (
            m.trigger.text.lower().endswith((" on", " at", " into")) and
            _PROTESTERS_NEXT.match(text, m.trigger.end, m.sentence.end))) and (
            not a1 or is_state(actor_kind(work, a1[0].actor_id))):
        # "security forces opened fire on protesters": force used against a protest
        crowd = _CROWD_WORD.search(text, m.trigger.end, m.sentence.end)
        _force_on_crowd(m, [a for a in m.args if a.role not in ("actor2", "assoc_actor_2")],
                        Span(crowd.start(), crowd.end()) if crowd
                        else Span(m.trigger.start, m.trigger.end))
        return
    if entry.state_sub_type and _FACILITY_AFTER.match(text, m.trigger.end) and not (
            a1 and is_state(actor_kind(work, a1[0].actor_id))):
        # "jihadists overran an army post": a fight for a position, not a town taken
        m.event_type, m.sub_event_type = "Battles", "Armed clash"
        m.target = "armed"
        return
    if entry.state_sub_type and a1 and is_state(actor_kind(work, a1[0].actor_id)):
        m.sub_event_type = entry.state_sub_type
    if entry.state_sub_type and re.match(r"re(?:took|tak|captur|gain)", m.trigger.text, re.I):
        m.sub_event_type = entry.state_sub_type
    if not entry.by_target:
        return
    target = None
    if entry.id == "ambush":
        # "ambushed a convoy", "ambushed vehicles carrying villagers": the object says whom the
        # ambush hit, before any count of the dead
        # ambush, and a battle unless the words right after it say civilians were the target
        # ("a convoy of civilians escorted by soldiers was ambushed ... its escort fought back")
        head = text[m.trigger.end:min(m.trigger.end + 60, m.sentence.end)]
        mil, civ = _MILITARY_TARGET.match(head), _CIVILIAN_TARGET.match(head)
        where = _WHERE_AFTER.match(head)  # "in an ambush near the village of X": a place
        target = "civilians" if civ and not where and not (mil and mil.end() <= civ.end()) \
            else "armed"
        if m.trigger.form == "verbs" and _PASSIVE_BEFORE.search(
                text[m.sentence.start:m.trigger.start]):
            # "a convoy of buses carrying mine employees, escorted by soldiers, was ambushed":
            # the subject says who, whatever escorted it
            subject = text[m.sentence.start:m.trigger.start]
            subject = subject[max((c.end() for c in _CLAUSE_OPEN.finditer(subject)), default=0):]
            civ_s, mil_s = _CIVILIAN_WORDS.search(subject), _MILITARY_WORDS.search(subject)
            if civ_s and not (mil_s and mil_s.start() < civ_s.start() and not re.match(
                    r"convoys?\b", mil_s.group(0), re.I)):
                target = "civilians"
    for a in m.args if target is None else ():
        if a.role in ("actor2", "assoc_actor_2"):
            kind = actor_kind(work, a.actor_id)
            if kind == "civilians" or a.actor_id.startswith("civilians"):
                target = "civilians"
            elif kind is not None:
                target = "armed"
            break
    passive = m.trigger.form == "verbs" and _PASSIVE_BEFORE.search(
        text[m.sentence.start:m.trigger.start]) is not None
    if target is None and not passive:  # "were killed when the security forces moved in"
        after = text[m.trigger.end:m.sentence.end]
        civ = _CIVILIAN_TARGET.match(after)
        mil = _MILITARY_TARGET.match(after)
        if mil and not _CIVILIAN_TARGET.match(after[:len(mil.group(0))]):
            target = "armed"
            post = _STATE_POST.search(mil.group(0))
            if post is not None and not _NOT_STATE.search(after, 0, mil.end() + 25):
                # "attacked a patrol near Douentza": a post, a patrol or a convoy with no one
                # named is the state's (finish codes the country's forces as the side hit)
                m.target_span = (m.trigger.end + post.start(), m.trigger.end + post.end())
        elif civ:
            target = "civilians"
            word = _CIVILIAN_WORDS.search(civ.group(0))
            if word:
                m.target_span = (m.trigger.end + word.start(), m.trigger.end + word.end())
    if target is None and not passive and m.trigger.form == "verbs" and m.place is not None \
            and m.place[0].start - m.trigger.end <= 2 and is_village(m.place[1]) \
            and not _MILITARY_WORDS.search(m.sentence.text):
        target = "civilians"  # "gunmen attacked Kolbaroungou, killing 12": a village itself
    if target is None and passive:
        subject = text[m.sentence.start:m.trigger.start]  # "The village of X was attacked"
        civ = _CIVILIAN_WORDS.search(subject)
        if civ:
            target = "civilians"
            m.target_span = (m.sentence.start + civ.start(), m.sentence.start + civ.end())
        elif _MILITARY_WORDS.search(subject):
            target = "armed"
    if target is None:
        sides = {q.side for q in m.quantities if q.part_of is None and q.kind == "killed"}
        people = any(_PEOPLE.search(q.text) or _PEOPLE.match(text, q.end)
                     for q in m.quantities if q.kind == "killed")
        if sides == {"civilians"} or (sides == {None} and people):
            target = "civilians"
        elif "forces" in sides:  # dead attackers say nothing about whom they attacked
            target = "armed"
    m.target = target
    if target is None and entry.weak and not a1:
        target = "civilians"
    if target == "civilians":
        m.event_type, m.sub_event_type = "Violence against civilians", "Attack"
    else:
        m.event_type, m.sub_event_type = entry.type, entry.sub_type

