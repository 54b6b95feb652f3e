"""Who says it and how sure the text is: attribution, modality, claims, non-events.

Everything here reads one sentence. Modality follows DESIGN.md: ``denied`` > ``unconfirmed`` >
``claimed`` > ``suspected`` > ``reported`` > ``asserted`` — the first cue found in that order
wins, so "the U.S. claimed to have killed him, although his death was never confirmed" is
unconfirmed. Hypotheticals ("could be the next target"), generic statements and statistics are
recognised so that they do not become events.
"""

from __future__ import annotations

import re
from functools import lru_cache

_SPEECH = r"(?:said|says|say|told|tells|reported|reports|added|confirmed|announced|stated|noted)"
_NAME = r"[A-Z][\w.'’-]+(?:\s+(?:al-|bin\s+|de\s+)?[A-Z][\w.'’-]+){0,3}"
_GROUP = (r"(?:(?:the|a|an|local|security|military|government|western|malian|burkinabe|nigerien|"
          r"french|u\.?s\.?|un|foreign|senior|high-ranking|two|several|other|hospital|medical|"
          r"humanitarian|army|police)\s+)*(?:officials?|sources?|witnesses|residents|army|military|"
          r"ministry|police|spokesman|spokeswoman|spokesperson|government|authorities|analysts?|"
          r"officers?|doctors?|survivors?|villagers|diplomats?|junta|statement|communiqu[ée])")
ATTRIBUTION_PATTERNS = (
    re.compile(r"\baccording to\s+(?P<who>[^,.;:“”\"]{2,80}?)(?=\s*(?:[,.;:“”\"]|$|\s+(?:and|who|"
               r"which|that|in|on)\s))", re.I),
    re.compile(rf"(?:^|[,”\"—–-]\s*){_SPEECH}\s+(?P<who>{_NAME})", re.M),
    re.compile(rf"(?P<who>{_NAME}|{_GROUP})(?:,[^,]{{1,80}},)?\s+(?:also\s+|later\s+)?{_SPEECH}\b"),
    re.compile(rf"(?P<who>{_GROUP})\s+{_SPEECH}\b", re.I),
    # "ACLED put the total at 90", "the ministry put the death toll at 31"
    re.compile(rf"(?P<who>{_NAME}|{_GROUP})\s+(?:put|puts|estimated|estimates|counted|recorded)"
               r"\s+the\s+(?:death\s+)?(?:toll|total|number)"),
)
_NOT_A_SPEAKER = re.compile(r"^(?:It|He|She|They|This|That|There|The|A|An|But|And)$")

MODALITY_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    # "the group denied involvement" denies a part in the event, not that it happened
    ("denied", re.compile(r"\b(?:denied|denies|deny|denying|rejected (?:the )?claims?|"
                          r"refuted)\b(?!\s+(?:any\s+|all\s+)?(?:involvement|responsibility|"
                          r"role|links?|being behind|having)\b)", re.I)),
    ("unconfirmed", re.compile(
        r"\b(?:never (?:been )?confirmed|unconfirmed|unverified|not (?:yet )?(?:been )?"
        r"(?:independently )?(?:confirmed|verified)|could not (?:be )?(?:independently )?"
        r"(?:confirmed|verified|confirm|verify)|cannot be (?:independently )?verified)\b", re.I)),
    ("claimed", re.compile(r"\b(?:claimed to have|claims to have|claim to have|claimed that|"
                           r"claimed (?:the )?(?:killing|capture|downing))\b", re.I)),
    ("suspected", re.compile(r"\b(?:suspected(?!\s+(?:of|links?|ties|involvement|"
                             r"collaboration|collusion|complicity))|alleged(?:ly)?|presumed|"
                             r"presumably|believed to|"
                             r"thought to|probably|apparently|likely|possibly|"
                             r"is believed|are believed|some believe|may have|might have)\b",
                             re.I)),
    ("reported", re.compile(r"\b(?:reportedly|according to|is reported|are reported|"
                            r"was reported|were reported|is estimated|was estimated|"
                            r"estimated to|reports? (?:say|said|suggest)|said|says|say|told)\b",
                            re.I)),
)

# Cues, shortly before the trigger, that the event is not (yet) real.
_HYPOTHETICAL = re.compile(
    r"\b(?:could|might|would|will|should|(?-i:may)|if|unless|whether|plan(?:s|ned|ning)? to|plot|"
    r"plotting|threat(?:en(?:s|ed)?)? to|threats? of|aim(?:s|ed)? to|intend(?:s|ed)? to|"
    r"in order to|to plan|to carry out|to launch|to stage|to execute|seek(?:s|ing)? to|"
    r"tr(?:y|ies|ied|ying) to|"
    r"attempt(?:s|ed)? to|prevent(?:ing)?|avert(?:ing)?|fears? of|risk of|possibility of|"
    r"potential|capable of|how to|ability to|no|not|never|without)\b[^.;:]{0,40}$", re.I)
# "A man who tried to resist was shot dead", "A man suspected of trying to steal a goat was
# beaten to death by a crowd": the hedge belongs to the relative clause, and the
# main verb's auxiliary after it tells the event itself
_RELATIVE_END = re.compile(r"\b(?:who|which|suspected\s+of|accused\s+of)\s+(?:[\w-]+\s+)?$",
                           re.I)
_MAIN_AUX = re.compile(r"\b(?:was|were|had been|has been|have been)\s", re.I)
_HYPOTHETICAL_AFTER = re.compile(
    r"^[^.;]{0,25}\b(?:could|would|might|will) (?:be|become|reach|come|happen|strike|target)\b",
    re.I)
# A toll over a period: "in the past week", "since November 2021" (a tally, not one event)
_PERIOD_TALLY = (r"(?:in|over|during) the (?:past|last) (?:year|month|week|decade|"
                r"(?:\d+|two|three|four|five|six|few|several) (?:days|weeks|months|years))|so far "
                r"this year|since the (?:start|beginning) of (?:the|this|last) year|"
                r"since (?:(?:early|mid|late|the end of)[- ])?(?:January|February|March|"
                r"April|May|June|July|August|September|October|November|December)\b(?:\s+\d{4})?|"
                r"since (?:19|20)\d\d\b(?!,\s+when)")
PERIOD = re.compile(rf"\b(?:{_PERIOD_TALLY})", re.I)
# Sentence-level cues of a statistic or trend rather than one event.
STATISTIC = re.compile(
    r"\b(?:there (?:were|have been|has been|had been)|up from|down from|per ?cent|percent|"
    r"on average|in the (?:past|last) (?:year|month|decade|\d+ (?:months|years))|so far this "
    r"year|since the (?:start|beginning) of|a total of|over the past|more and more|"
    r"increas(?:e|ed|ing)|rising|uptick|surge|spate|wave of|series of|(?<![Aa] )number of|"
    r"dozens of "
    r"(?:attacks|incidents)|\d+ (?:incidents|attacks|events)|fatalities (?:connected|linked))\b"
    r"|%", re.I)
_QUESTION = re.compile(r"\?\s*[”\"']?$")


_SPEECH_CUE = re.compile(rf"\b(?:{_SPEECH[3:-1]}|according to|put|puts|estimated|estimates|"
                         r"counted|recorded)\b", re.I)


@lru_cache(maxsize=256)
def attribution_of(sentence: str) -> str | None:
    """The source a sentence credits ("ACLED", "officials", "Nsaibia"), or None."""
    if not _SPEECH_CUE.search(sentence):
        return None
    for rx in ATTRIBUTION_PATTERNS:
        for m in rx.finditer(sentence):
            who = m.group("who").strip(" ,")
            first = who.split()[0] if who else ""
            if not who or _NOT_A_SPEAKER.match(first) and len(who.split()) == 1:
                continue
            return who
    return None


def modality_of(sentence: str, attribution: str | None = None) -> str:
    for name, rx in MODALITY_CUES:
        if rx.search(sentence):
            return name
    return "reported" if attribution else "asserted"


def is_hypothetical(sentence: str, trigger_start: int, trigger_end: int) -> bool:
    """True when the trigger is hedged as a plan, threat, possibility or negation."""
    before = sentence[max(0, trigger_start - 60):trigger_start]
    hedge = _HYPOTHETICAL.search(before)
    if hedge is not None and not (_RELATIVE_END.search(before, 0, hedge.start())
                                  and _MAIN_AUX.search(before, hedge.start())):
        return True
    return bool(_HYPOTHETICAL_AFTER.match(sentence[trigger_end:]))


def is_statistic(sentence: str) -> bool:
    return bool(STATISTIC.search(sentence))


def is_question(sentence: str) -> bool:
    return bool(_QUESTION.search(sentence))
