"""Where and when an event mention happened: the date and the place of one trigger among
the sentence's date and place mentions (why each phrase is or is not the event's is said where
the rule is; docs/pipeline.md lists them)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from .dates import DateMention, dates_next_clause
from .event_cues import since_reaches
from .triggers import Trigger

__all__ = ["event_date", "event_place", "is_village", "place_told_before", "reported_on",
           "sequel_start", "vague_place"]

_SINCE = re.compile(r"\b(?:since|until|till|before|after|prior to|by|from)\s+(?:the\s+)?$", re.I)
_WHEN_AFTER = re.compile(r",?\s+when\b", re.I)
# "before/until" opening a clause with its own subject (not "before dawn", "until Sunday")
_LATER_CLAUSE = re.compile(r"\b(?:before|until)\s+(?:the\s+|an?\s+|their\s+|its\s+)?"
                           r"(?:[A-Z][\w-]*\s+|[a-z]+\s+){0,3}?(?:forces|troops|soldiers|army|"
                           r"police|gendarmes|reinforcements|units?|they|he|she|it|[A-Z][\w-]+)"
                           r"(?:\s*,[^,]{1,60},)?\s+(?:[a-z]+ed|took|retook|drove|came|fled|"
                           r"withdrew|left|were|was|had|could|got|ended|freed)\b")
_SINCE_PHRASE = re.compile(r"(?:since|until|till|from|by)\b", re.I)
_ACTS_AFTER = re.compile(r"\s+(?:has\s+|have\s+|had\s+)?(?:declared|announced|sent|said|says|"
                         r"accused|asked|demanded|ordered|expelled|suspended|recalled|signed|"
                         r"agreed|decided|denied|condemned|called|requested)\b")


def event_date(rel: str, offset: int, trig: Trigger,
               dates: list[DateMention]) -> DateMention | None:
    """The date of the trigger among its sentence's dates (``rel`` is the sentence text,
    ``offset`` its start): not a report's date, an aside's, a dateline's or a comparison's."""
    usable = []
    asides = [(offset + a.start(), offset + a.end()) for a in _ASIDE.finditer(rel)] \
        if ", wh" in rel else []
    if len(dates) > 1 and offset == 0:
        # "OUAGADOUGOU, Oct 2 (AFP) - ... on Saturday": the dateline dates the dispatch
        dates = [d for d in dates if not (_DATELINE_BEFORE.match(rel, 0, d.start)
                                          and _DATELINE_AFTER.match(rel, d.end))] or dates
    later = [(offset + h.start(), offset + (rel.find(";", h.end()) + 1 or len(rel) + 1))
             for h in _LATER_CLAUSE.finditer(rel)] if "before" in rel or "until" in rel else []
    for d in dates:
        if any(a <= d.start < b and not a <= trig.start < b and not 0 <= a - trig.end <= 1
               for a, b in asides):
            continue  # "HRW, which interviewed witnesses in April 2022, estimated that ...";
            # but "the attack, which began on Monday," dates the attack itself
        if d.precision == "year" and d.kind == "relative" and _COMPARED_IN.search(
                rel, max(0, d.start - offset - 60), d.start - offset):
            continue  # "one of the deadliest attacks this year": a comparison window
        if _possessive(d, rel, offset) and not (
                0 <= trig.start - d.end <= 30 and _OWN_NOUN.fullmatch(
                    rel, d.end - offset + 2, trig.start - offset)):
            continue  # "groups that signed last year's peace agreement": another noun's date
        before = rel[max(0, d.start - offset - 12):d.start - offset]
        attributive = 0 <= trig.start - d.end <= 3  # "the weekend massacre", "Friday's raid"
        told_then = trig.start > d.end and _WHEN_AFTER.match(rel, d.end - offset)
        if not attributive and not told_then and (_SINCE.search(before)
                                                  or _SINCE_PHRASE.match(d.text)):
            continue  # "the first attack in the capital since 2016"; but "since 2015, when
            # gunmen stormed the hotel" and "a departure from 2012, when ... beat them back"
            # date the event the "when" clause tells
        if d.start > trig.end and since_reaches(rel, trig.end - offset, d.start - offset):
            continue  # "the deadliest attack since jihadist violence spread ... in 2015"; but
            # "in the deadliest attack since the insurgency began, gunmen killed ... on 4 June"
        if d.start > trig.end and dates_next_clause(d, rel, offset):
            continue  # "thwarted a coup on Wednesday, two days before the swearing-in": the
            # gap dates what the next clause tells, not the act before it
        if d.start > trig.end and _RELEASED_ON.search(
                rel, max(0, d.start - offset - 40), d.start - offset):
            continue  # "were abducted ...; they were released on 9 March": the end of it
        if any(a <= d.start < b and not a <= trig.start < b for a, b in later):
            continue  # "were killed before special forces regained control overnight": the
            # end of the siege, a later act with its own subject
        usable.append(d)
    if not usable:
        return None
    # "the army said on Sunday": when the report is dated, the event's own date is another one
    told = {id(d) for d in usable if dates_report(d, rel, offset)}
    untold = [d for d in usable if id(d) not in told and d.qualifier != "decade"]
    specific = [d for d in untold if d.qualifier != "range"] or untold or \
        [d for d in usable if d.qualifier not in ("range", "decade")] or usable
    # ("a weekend attack ..., the government said on Tuesday": the weekend, not the Tuesday)
    if not untold and _EARLIER.search(rel, max(0, trig.start - offset - 40), trig.start - offset):
        return None  # "said on Wednesday that he had been kidnapped": the event is older
    # ("Mauritania on Monday demanded an inquiry after soldiers shot dead 16 preachers ...
    # late on Saturday": the day before "after" dates the reaction, not the killing)
    chosen = min(specific, key=lambda d: (
        id(d) in told, d.end <= trig.start and _AFTER_CLAUSE.search(
            rel, d.end - offset, trig.end - offset) is not None,
        abs(d.start - trig.start), d.start))
    if chosen.precision == "year" and chosen.qualifier is None and chosen.end <= trig.start \
            and _SEQUEL.search(rel, chosen.end - offset, trig.start - offset):
        # "in 2012, when rebels took the north and then marched south, prompting a French
        # intervention": a sequel chained after a year may fall in that year or the next
        return replace(chosen, end_date=date(chosen.end_date.year + 1, 12, 31),
                       qualifier="or later")
    return chosen


# a captivity's end told after it, with its own date
# (people "were released on 9 March"; never "a video released on 2 March")
_RELEASED_ON = re.compile(r"\b(?:was|were|been)\s+(?:later\s+|eventually\s+|finally\s+|all\s+)?"
                          r"(?:released|freed|set\s+free|rescued|liberated)\s+"
                          r"(?:[\w-]+\s+){0,3}?$", re.I)
# a clause of its own opening between a date and the act it might date
_AFTER_CLAUSE = re.compile(r"\b(?:after|following)\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,3}?"
                           r"(?:[a-z]+ed|shot|struck|stormed)\b")


def sequel_start(text: str, first_end: int, start: int, sent_start: int,
                 actors: Sequence[Any]) -> int | None:
    """Where a second event of the sentence begins when it is a sequel told by another actor:
    "rebels took the north and then marched south, drawing the ire of French troops, who beat
    them back" (the French counter-attack is not the rebels' takeover). None otherwise."""
    cuts = list(_SEQUEL.finditer(text, first_end, start))
    if not cuts:
        return None
    cut = cuts[-1]
    before = {a.actor_id for a in actors if sent_start <= a.start < cut.start()}
    if any(cut.start() <= a.start < start and a.kind == "named" and a.actor_id not in before
           for a in actors):
        return cut.start()
    return None


_INSTITUTION_OF = re.compile(r"[’']s\s+(?:[\w-]+\s+){0,2}?(?:ministry|government|president|"
                             r"junta|authorities|spokesman|spokesperson|embassy|prime\s+minister|"
                             r"(?:defence|defense|interior|foreign|security)\s+minister)\b", re.I)
# "attacked the post guarding the Mangaïzé camp": a site named for its place
_SITE_AFTER = re.compile(r"\s+(?:camp|base|post|garrison|barracks|checkpoint|airport|mine|"
                         r"market|prison)\b", re.I)
# (and "the camp, near the Burkina Faso border": the border the place is near)
_SIDE_OF = re.compile(r"\s+(?:side\s+of\s+the\s+)?(?:border|frontier)\b", re.I)


def _possessive(d: DateMention, rel: str, offset: int) -> bool:
    """ "Monday's attack", "last year's agreement": a date that names a noun's day."""
    return rel[d.end - offset:d.end - offset + 2] in ("'s", "’s")


# what may stand between a possessive date and the trigger it dates ("Monday's deadly attack")
_OWN_NOUN = re.compile(r"\s+(?:[\w-]+\s+){0,2}")
# a consequence or a next step told after the act a year dates
_SEQUEL = re.compile(r"\b(?:and\s+then|then|subsequently|eventually|afterwards)\b|"
                     r"[,–—-]\s*(?:drawing|prompting|triggering|sparking|provoking|"
                     r"leading\s+to|forcing)\b")


def dates_report(d: DateMention, rel: str, offset: int) -> bool:
    """Whether ``d`` dates a statement, not an act: "the army said on Sunday", "on Monday, the
    spokesman said", "the government on Friday condemned" (never "on 3 May", a day told in
    figures, nor "Monday's attack")."""
    return (reported_on(rel, d.start - offset) or _SAID_AFTER.match(rel, d.end - offset)
            is not None) and not d.text[:1].isdigit() and not _possessive(d, rel, offset)


def reported_on(rel: str, pos: int) -> bool:
    """Whether the date phrase at ``pos`` dates the report ("the army said on Sunday")."""
    lo = max(0, pos - 110)
    window = rel[lo:pos]
    if not any(w in window for w in _REPORT_WORDS):
        return False  # a plain substring test spares the regex on most dates
    return _REPORTED_ON.search(rel, lo, pos) is not None or \
        _STATEMENT_ON.search(rel, lo, pos) is not None or \
        _CLAIMED_ON.search(rel, lo, pos) is not None or \
        _TOLL_PUT.search(rel, lo, pos) is not None


# "on Monday, the government spokesman said that ...": the date opens the statement
_SAID_AFTER = re.compile(r"(?:\s+(?:evening|morning|night|afternoon))?,?\s+(?:the\s+|an?\s+)?"
                         # ("On Sunday the al-Mourabitoun group of Mokhtar Belmokhtar said")
                         r"(?:(?!and\b|but\b|then\b|had\b|has\b|have\b|who\b|which\b|"
                         r"when\b|killed\b|attacked\b)[\w-]+\s+){0,6}?"
                         r"(?:said|announced|told|reported|confirmed|"
                         r"stated|declared|condemned|denounced)\s+(?:that\s+)?", re.I)
_DATELINE_BEFORE = re.compile(r"[A-Z][A-Z .’'-]{2,40}(?:,\s*[A-Z][\w .]{0,30})?,\s*$")
_DATELINE_AFTER = re.compile(r"(?:,?\s*\d{4})?\s*(?:\([A-Za-z .]{2,30}\)\s*)?[-—–]")
_COMPARED_IN = re.compile(r"\b(?:deadliest|worst|bloodiest|biggest|largest|heaviest|"
                          r"most\s+\w+|first|latest|\w+est)\b[^.;]{0,50}$", re.I)
_ASIDE = re.compile(r",\s+(?:which|who|whose)\b[^,;.]{0,120},")
_REPORT_WORDS = ("said", "says", "announced", "told", "reported", "added", "confirmed",
                 "declared", "stated", "claimed", "wrote", "made", "statement", "report",
                 "communiqu", "toll", "posted", "shared", "published", "released", "broadcast",
                 "uploaded")
# "In a new statement on Wednesday, the army said", "a first report from the authorities on
# Sunday night": the date of the statement, not of what it tells
_STATEMENT_ON = re.compile(r"\b(?:an?|its|the|their|his|her)\s+(?:(?:new|latest|first|initial|"
                           r"updated|fresh|second|official|provisional|written|[A-Z]{2,6})\s+)*"
                           r"(?:statement|"
                           r"report|communiqu[ée]|toll|update|press release)\s+(?:(?:issued|"
                           r"released|published|read|broadcast|posted)\s+)?(?:(?:from|by|of)\s+"
                           r"(?:the\s+)?(?:[\w-]+\s+){1,3})?(?:on\s+|late\s+on\s+)?$", re.I)


# "put the toll from the attack on a restaurant at 18 dead on Monday": the day of the count
_TOLL_PUT = re.compile(r"\b(?:put|puts|raised|revised|gave|updated)\s+(?:the|a|its|their)\s+"
                       r"(?:new\s+|provisional\s+|final\s+|official\s+)?(?:death\s+)?toll\b"
                       r"[^.;]{0,100}$", re.I)
# "claimed the attack on Sunday", "claimed responsibility for the ambush in a message sent on
# Sunday": the day of the claim, not of the act
_CLAIMED_ON = re.compile(r"\bclaimed\s+(?:responsibility\s+for\s+)?(?:the|this|that|its|both)\s+"
                         r"(?:[\w-]+\s+){1,3}?(?:in\s+an?\s+(?:[\w-]+\s+){0,3}?(?:video|"
                         r"statement|message|communiqu[ée]|post)\s+(?:(?:posted|published|"
                         r"released|sent)\s+)?)?$", re.I)
# "that it had carried out the", "announced a new toll of 89 soldiers": the event is older
_EARLIER = re.compile(r"\b(?:had|toll\s+of)\s+(?:[\w-]+\s+){0,3}$", re.I)
_REPORTED_ON = re.compile(r"\b(?:said|says|announced|told|reported|added|confirmed|declared|"
                          r"stated|claimed|wrote|posted|shared|published|released|broadcast|"
                          r"uploaded|claims? (?:was|were) (?:also )?made)\s+"
                          r"(?:(?:by|on|in)\s+[\w\s-]{1,40}?\s+)?"
                          r"(?:\w+\s+)?(?:in\s+an?\s+[\w\s-]{0,30}?"
                          r"(?:video|statement|interview|message|communiqu[ée]|post)\s+"
                          r"(?:(?:posted|published|released|sent)\s+(?:on\s+social\s+media\s+|"
                          r"online\s+)?)?)?$", re.I)


# "a convoy from Gao towards Ansongo", "supplies to the besieged town of Djibo": a route's
# ends are not where the event was; "on the road between Boni and Hombori" is coded at Boni.
_ROUTE = re.compile(r"\b(?:(?:from|towards|toward|to)\s+(?:the\s+)?"
                    r"(?:(?!(?:at|in|near|on|outside|inside)\s)[\w’'-]+\s+){0,2}"
                    r"(?:of\s+)?|and\s+(?:the\s+)?|(?:moving|travell?ing|heading|driving|road|"
                    r"axis|way)\s+between\s+(?:the\s+)?)$", re.I)
# "in Kobou, 30 km from Djibo": the town that only measures the distance to the place; alone, it
# is the nearest place the text gives ("ambushed about 30 kilometres west of Sévaré, in central
# Mali" is coded at Sévaré)
# (in words too: "about fifteen kilometres from Wanzerbé", "a few kilometres from X")
_DISTANCE_FROM = re.compile(r"\b(?:\d+\s*|[a-z]+(?:-[a-z]+)?\s+)(?:km|kilometres|kilometers|"
                            r"miles)\s+(?:\w+\s+)?"
                            r"(?:from|of)\s+(?:the\s+)?(?:[\w’'-]+\s+)?$", re.I)
# "the wounded were evacuated to Niamey", "survivors fled to Djibo": where people were taken
# after the event, never where it happened
_TAKEN_TO = re.compile(r"(?:\b(?:evacuated|flown|airlifted|transferred|rushed|fled|taken|"
                       r"relocated|displaced)\s+(?:[\w-]+\s+){0,2}?to|"
                       # "an estimated 900 people have left for Boulsa"
                       r"\b(?:left|leaving|leave|set off|headed|heading)\s+for|"
                       # "a supply convoy bound for Gao": where it was going
                       r"\b(?:bound|headed|heading|destined)\s+for|\ben\s+route\s+to|"
                       r"\bon\s+(?:its|their|the)\s+way\s+to|"
                       # "on their way to reinforce the post at Toéni"
                       r"\b(?:way|sent|going|moving)\s+to\s+(?:reinforce|relieve|resupply|"
                       r"supply|join)\s+(?:the\s+)?[\w-]+\s+(?:at|in|of)|"
                       # "returning from a mission towards Diabaly": a direction
                       r"\b(?:mission|patrol|heading|returning|travell?ing|moving|going|driving|"
                       r"leading|"
                       r"withdr\w+|fle\w+|retreat\w*|advanc\w+|left|leaving)\s+(?:[\w-]+\s+){0,4}?"
                       r"towards?)\s+(?:the\s+)?"
                       # ("evacuated to the medical centre in Boulsa")
                       r"(?:(?:[\w’'-]+\s+)?[\w’'-]+\s+in\s+|(?:[\w’'-]+\s+)?)$",
                       re.I)
# (French spellings too: "the cercle de Bandiagara", "la commune de Gorom")
_ADMIN_OF = re.compile(r"\b(?:sector|region|province|department|cercle|circle|district|"
                       r"prefecture|commune)\s+(?:of\s+(?:the\s+)?|d[eu]\s+(?:la\s+)?|d['’])$",
                       re.I)
_ADMIN_AFTER = re.compile(r"\s+(?:region|province|department|cercle|circle|district|sector)\b",
                          re.I)
# "according to a military source in Sévaré": where the source is, not the event
_SOURCE_IN = re.compile(r"\b(?:sources?|spokes(?:man|woman|person)|correspondents?|officials?)\s+"
                        r"(?:based\s+)?in\s+(?:the\s+)?$", re.I)
_SPOKEN_IN = re.compile(r"\b(?:told|telling|said|says|speaking|spoke|reporters|journalists|"
                        r"statement|conference|briefing|announced)\s+(?:[\w-]+\s+){0,2}?"
                        r"(?:in|from)\s+$", re.I)
_PREP_PLACE = re.compile(r"\b(?:in|at|near|outside|on|of|around|into|inside|to|from|between|"
                         r"linking|connecting|"
                         r"including|such as)\s+"
                         r"(?:the\s+)?(?:[\w’'-]+\s+)?$", re.I)
_WEAK_LOCATIVE = re.compile(r"(?<!village )(?<!town )(?<!city )(?<!commune )(?<!locality )"
                            r"(?<!hamlet )\b(?:of|on|into|to|from)\s+(?:the\s+)?"
                            r"(?:[\w’'-]+\s+)?$", re.I)
# "Chad's renewed ties", "Israel's": a country as a possessor, not where something happened
_OWNER_OF_NAME = re.compile(r"['’]s?\s+(?=(?-i:[A-Z]))")
_POSSESSOR = re.compile(r"['’]s?\s+(?!(?:\w+\s+)?(?:region|province|capital|north|south|east|west|"
                        r"centre|center|border|borders|department|commune|cercle|circle|"
                        r"territory|soil|side|city|town|village|outskirts|interior)\b)", re.I)


# what stands between a place and the area that holds it: "X, a river town in the Y circle",
# "X, in Y province"
_CONTAINER = re.compile(r",\s+(?:an?\s+(?:[\w’'-]+\s+){0,3}?(?:town|village|city|commune|"
                        r"locality|hamlet|settlement|district)\s+)?(?:in|of)\s+(?:the\s+)?"
                        # ("Dessa, in the department of Tillabéri")
                        r"(?:(?:rural\s+|urban\s+)?(?:commune|department|region|province|"
                        r"cercle|circle|district|prefecture|municipality)\s+of\s+)?"
                        r"(?:(?:[\w’'-]+\s+){0,2}?(?:[\w’'-]+['’]s?\s+))?", re.I)


def _contained_by(pm: Any, places: Sequence[Any], text: str) -> bool:
    """Whether ``pm`` is named only to locate the place just before it."""
    return any(o is not pm and 0 <= pm.start - o.end <= 80 and r.geo_precision < 3
               and _CONTAINER.fullmatch(text, o.end, pm.start) is not None for o, r in places)


def destination(text: str, pm: Any) -> bool:
    """ "evacuated to Niamey", "a convoy bound for Gao": a place people went to after or
    before the event, never where it happened."""
    return _TAKEN_TO.search(text, max(0, pm.start - 50), pm.start) is not None


# a part of the country told instead of a town: "in the west of the country", "in the
# country's north", "in the far north"
_ELSEWHERE = re.compile(r"\b(?:in|across)\s+the\s+(?:(?:far|extreme|remote)\s+)?(?:(?:north|south)"
                        r"(?:-?(?:east|west))?|east|west|centre|center|interior)(?:ern)?"
                        r"(?:\s+(?:part\s+)?of\s+(?:the\s+country\b|(?-i:[A-Z])\w+)|\b(?!\s+of\b))|"
                        r"\bthe\s+country['’]s\s+(?:far\s+)?(?:(?:north|south)(?:-?(?:east|west))?|"
                        r"east|west|centre|center)|"
                        # ("KAYA – ... a raid on a rural commune of the Centre-Nord region")
                        r"\ban?\s+(?:rural\s+|remote\s+|small\s+)?(?:village|commune|hamlet|"
                        r"locality)\s+(?:in|of)\s+[^.;,]{0,40}?\b(?:region|province|department|"
                        r"circle|cercle)\b|"
                        # ("... struck a roadside bomb in the same region")
                        r"\bin\s+the\s+same\s+(?:region|area|province|department|district)\b",
                        re.I)


def _dateline(text: str, pm: Any) -> bool:
    """ "KIDAL – ...": a place in capitals opening a line names where the report was filed."""
    return pm.text.isupper() and (pm.start == 0 or text[pm.start - 1] == "\n")


def event_place(trig: Trigger, places: list[Any], text: str,
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
        owner = _OWNER_OF_NAME.match(text, pm.end) if res.place.feature_code == "PCLI" else None
        if res.place.feature_code == "PCLI" and (_ACTS_AFTER.match(text, pm.end) or (
                owner and not any(o.start == owner.end() for o, _ in places))):
            continue  # "Mali declared a state of emergency": the state acting, not a place;
            # "fighters of Russia's Wagner Group": the owner of a name
        if destination(text, pm) or _SOURCE_IN.search(text, max(0, pm.start - 40), pm.start) \
                or res.place.feature_code == "PCLI" and (_SIDE_OF.match(
                text, pm.end) or _INSTITUTION_OF.match(text, pm.end)):
            continue  # "operating on the Niger side of the border": a side, not the place;
            # "Mali's defence ministry said": whose ministry, not where
        dateline = 150 if _dateline(text, pm) else 0
        if dateline and _ELSEWHERE.search(text, trig.start, text.find(".", trig.end) % (
                len(text) + 1) or len(text)):
            continue  # "NIAMEY – ... ambushed in the west of the country": not the capital
        dist = abs(pm.start - trig.start) + dateline
        before = text[max(0, pm.start - 25):pm.start]
        locative = _PREP_PLACE.search(before) is not None
        last = max([e for e in (trig.end, *trigger_ends) if e <= pm.start], default=trig.end)
        if pm.start > trig.end and not locative and (
                _POSSESSOR.match(text, pm.end) or len(text[last:pm.start].split()) > 3
                and not _SITE_AFTER.match(text, pm.end)):
            continue  # "claimed the raid, saying it punished Chad's ties with Israel"
        distance = _DISTANCE_FROM.search(before) is not None
        if distance:
            # (a town of its own, not the area that holds the one measured from)
            route = 90 if any(o is not pm and r.geo_precision == 1
                              and not _contained_by(o, places, text) for o, r in places) else 0
        else:
            route = 90 if _ROUTE.search(before) else 0  # "a convoy from Gao towards Ansongo"
        if len(places) > 1 and locative and _SPOKEN_IN.search(text, max(0, pm.start - 45),
                                                              pm.start):
            route += 150  # "a spokesman told reporters in Niamey": where it was said
        weak = 30 if locative and not (distance and not route) and \
            _WEAK_LOCATIVE.search(before) else 0
        # ("town of X"; but "some fifteen kilometres from X", with no other town, is as near
        # as the text gets)
        if res.geo_precision < 3 and (locative and " of " in before and _ADMIN_OF.search(before)
                                      or _ADMIN_AFTER.match(text, pm.end)):
            weak += 60  # "the sector of Ségou", "the Mopti region": an area named after its town
        if _contained_by(pm, places, text):
            weak += 90  # "Diafarabe, a river town in the Tenenkou circle": the area holding it
        scored.append((dist + (0 if locative else 60) + weak + route
                       + 30 * (res.geo_precision - 1),
                       pm.start, (pm, res)))
    if not scored:
        return None
    return min(scored, key=lambda s: (s[0], s[1]))[2]


# "killed dozens of people in and around the town": the town named in the sentences before
_THE_TOWN = re.compile(r"(?:^|\b(?:in|near|around|outside|of|into|on|attacked|stormed|raided|"
                       r"targeted|besieged|surrounded|encircled|overran|entered|invaded|"
                       r"occupied|seized|hit|struck|shelled|bombed|burned|burnt|torched|"
                       r"looted|ransacked|pillaged)\s+)(?:and\s+around\s+)?the\s+"
                       r"(?:same\s+|small\s+|(?-i:[A-Z][\w-]+)\s+)?(?:town|village|city|commune|"
                       r"locality|hamlet|settlement)\b(?!\s+of\b)"
                       # "an attack on the detachment there": the place named last
                       r"|(?<=\w\s)there\b(?!\s+(?:is|are|was|were|has|have|had|will|would|may|"
                       r"might|could|seems?|appears?|remains?|be)\b)", re.I)


_NEAR_BEFORE = re.compile(r"\b(?:near|outside|close to)\s+$", re.I)
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:the\s+)?$", re.I)
_SMALL_PLACE = re.compile(r"\b(?:village|hamlet|settlement|locality)$", re.I)
VILLAGE_PEOPLE = 20_000  # inhabitants: a place this big is a town, not a village


def is_village(res: Any) -> bool:
    """A village: a populated place of fewer than 20,000 people (or one the gazetteer lacks,
    whose population is unknown)."""
    p = res.place
    return res.geo_precision == 1 and p.feature_class == "P" and p.population < VILLAGE_PEOPLE


def _seat_of_area(text: str, pm: Any) -> bool:
    """ "in the circle of Bankass": a town named for the area it heads."""
    return _ADMIN_OF.search(text, max(0, pm.start - 30), pm.start) is not None


def vague_place(place: Any, text: str) -> bool:
    """No place, a region or country, or a town named as the seat of an area ("in the circle
    of Bankass"): a village told before may say better where it happened."""
    return place is None or place[1].geo_precision > 2 or _seat_of_area(text, place[0])


def place_told_before(rel: str, places: Sequence[Any], start: int,
                      text: str = "") -> Any | None:
    """The last town named before ``start`` (``places`` are the document's, in order) when the
    sentence ``rel`` (starting at ``start``) refers to it as "the town"; the mention is the
    words "the town", so the statement quotes this sentence. A town named as the seat of an
    area ("in the commune of Sangha") is the container, not the village ``text`` tells of."""
    hit = _THE_TOWN.search(rel) if "the " in rel or rel.startswith("The ") else None
    if hit is None:
        return None
    before = [p for p in places if p[0].start < start and p[1].geo_precision < 3]
    if text and len(before) > 1:
        # ("X, in the commune of Y", "Welingara, near Nara": Y and Nara only locate X)
        # ("Reinforcements from Diapaga reached the town": where they came from)
        # ("KORO – ...": where the report was filed)
        before = [p for p in before if not _seat_of_area(text, p[0]) and not _dateline(text, p[0])
                  and not _NEAR_BEFORE.search(text, max(0, p[0].start - 12), p[0].start)
                  and not _FROM_BEFORE.search(text, max(0, p[0].start - 12), p[0].start)
                  and not _contained_by(p[0], before, text)] or [
            # ("a hamlet in the commune of Diankabou, in the cercle of Koro": the first area)
            p for p in before if not _contained_by(p[0], before, text)] or before
    if len(before) > 1 and _SMALL_PLACE.search(hit.group(0)):
        # "the village" is not the city named after it ("the name of X is on every lip in Mopti")
        before = [p for p in before if p[1].place.population < VILLAGE_PEOPLE] or before
    if not before:
        return None
    pm, res = before[-1]
    words = hit.start() + hit.group(0).lower().index("the")
    return replace(pm, start=start + words, end=start + hit.end(),
                   text=rel[words:hit.end()]), res


def report_day_only(d: DateMention | None, sent: Any, places: list[Any]) -> bool:
    """Whether ``d`` only dates the report, later in a story: "The assailants were repulsed,
    the army said on Thursday" leaves the event to the one already told (a place of its own
    would make it another event)."""
    return d is not None and d.precision == "day" and sent.idx > 0 and \
        reported_on(sent.text, d.start - sent.start) \
        and not d.text[:1].isdigit() and not any(res.geo_precision < 3 for pm, res in places)


def places_apart(these: list[Any], those: list[Any]) -> bool:
    """Whether two clauses name different places: a country is not apart from a place in it
    ("Niger's defence ministry said ... ambushed near Intagamey": one place)."""
    if not these or not those:
        return False
    if {p.id for p in these} & {p.id for p in those}:
        return False
    return not any(a.feature_code == "PCLI" and a.country == b.country
                   for x, y in ((these, those), (those, these)) for a in x for b in y)
