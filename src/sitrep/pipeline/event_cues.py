"""The words around a trigger that decide what it is: a past event told again, a statistic, a
denial, a motive, a claim, who suffered it. Regular expressions over the text just before or
after a trigger, used by ``events`` (one place to read and test them; ``events`` keeps the
logic that combines them).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

ANAPHOR = re.compile(r"\b(?:the|this|that|these|those|its|their|his|her|both|all)\s+"
                      r"(?:[\w.’'-]+\s+)?"
                      r"(?:[\w.’'-]+\s+)?$", re.I)
# "The camp was assaulted Thursday": a definite subject of a passive names what was told
DEFINITE_PASSIVE = re.compile(r"(?:The|This|That|Its|Their)\s+(?:[\w-]+\s+){1,2}(?:was|were|"
                               r"had been|has been)\s+(?:\w+\s+)?$")
YEAR_BEFORE = re.compile(r"\b(?:19|20)\d\d(?:\s+[A-Z][\w.’'-]*){0,4}\s+$")
COUNTED = re.compile(r"\b(?:two|three|four|five|six|seven|eight|nine|ten|several|multiple|"
                      r"numerous|many|dozens of|hundreds of|\d+)\s+(?:[\w-]+\s+)?$", re.I)
# "killed at least 38 civilians in two incidents in March": a sum over events told apart
IN_SEVERAL = re.compile(r"[^.;]{0,60}?\b(?:in|during|across)\s+(?:two|three|four|five|six|"
                        r"several|multiple|a series of|separate)\s+(?:separate\s+|distinct\s+|"
                        r"different\s+)?(?:incidents|attacks|raids|massacres|operations|assaults|"
                        r"events)\b", re.I)
# "the latest in a series of attacks", "the latest of several raids": a series the act is in
LATEST_OF = re.compile(r"\bthe\s+(?:latest|last|third|fourth|fifth|second)\s+(?:in|of)\s+"
                       r"(?:an?\s+)?(?:[\w-]+\s+){0,3}$", re.I)
PRESENT = re.compile(r"(?:[^s]s|es)$")
SUPERLATIVE = re.compile(r"\b(?:deadliest|worst|bloodiest|biggest|largest|most serious|"
                          r"heaviest)\s+(?:[\w-]+\s+)?$", re.I)
NOUN_DET_BEFORE = re.compile(r"(?:\b(?:the|a|an|this|that|another|its|their|deadly|mass)|"
                              r"['’]s)\s+(?:[\w-]+\s+){0,2}$", re.I)
FROM_BEFORE = re.compile(r"\bfrom\s+(?:the\s+)?(?:[\w-]+\s+){0,4}$")
# "Rockets fired by jihadists struck a neighbourhood": a volley of one attack, not many events
MUNITIONS = frozenset(("rockets", "shells", "mortars", "rounds", "missiles", "devices", "mines",
                       "landmines", "bombs", "explosives", "grenades"))
WEAPONS_USED = re.compile(r"\b(?:used|using|with|armed with|carrying|equipped with|firing|"
                           r"and)\s+(?:[\w-]+\s+){0,2}$", re.I)
SINCE_BETWEEN = re.compile(r"\bsince\b")
# ("who have killed or kidnapped several local chiefs")
PERFECT_VAGUE = re.compile(r"(?<!\bto )\b(?:have|has)\s+(?:\w+\s+)?(?:\w+\s+(?:or|and)\s+)?$", re.I)
VAGUE_COUNT = re.compile(r"\s+(?:several|many|numerous|scores of|hundreds of|thousands of|"
                          r"dozens of|a number of)\b", re.I)
# "JNIM claimed it, saying it was revenge for the arrest of its men": a motive, not an event
MOTIVE = re.compile(r"\b(?:saying (?:it|they) (?:was|were|had been) (?:an? )?"
                     r"(?:revenge|retaliation|response|punishment)|in (?:retaliation|response|"
                     r"revenge) (?:for|to)|to avenge|as (?:revenge|retaliation|punishment) for)"
                     r"\b[^.;]{0,60}$", re.I)
BUILDING_AFTER = re.compile(r"\s+(?:the|a|an)\s+(?:\w+\s+)?(?:building|hotel|compound|embassy|"
                             r"school|mosque|church|restaurant|mall|house|premises|site|resort|"
                             r"complex)\b", re.I)
REFERENCE = re.compile(r"\b(?:(?:in connection with|linked to|over|for|after|following|behind|"
                        r"in the wake of|in response to|responsible for)\s+(?:the|this|that|"
                        r"last \w+['’]s)|backed by|supported by|with the support of|"
                        r"with the help of|under cover of|aided by)\s+(?:[\w-]+\s+)?$", re.I)
ONE_TAKEN = re.compile(r"\b(?:was|had been|has been)\s+(?:\w+\s+)?$", re.I)
# "presented the blast as revenge for a French raid near X in the night of ...": where and
# when the motive happened, not the act
MOTIVE_AFTER = re.compile(r"\b(?:(?:as|in|was|were)\s+(?:an?\s+)?(?:apparent\s+)?(?:revenge|"
                          r"retaliation|reprisal|punishment)\s+(?:for|to)|to avenge)\b", re.I)
MOTIVE_CUE = re.compile(r"revenge|retaliat|response|punish|avenge", re.I)
DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an)\s+$", re.I)
# what flies an air strike ("French warplanes bombed", "a drone operated by the army struck")
AIRCRAFT = r"(?:fighter\s+)?(?:warplanes?|jets?|aircraft|planes?|helicopters?|drones?|gunships?)"
# "the regional task force fighting the insurgents": a participle that says what a force does,
# not a fight that happened (a sentence that tells one has its own verb)
FORCE_FIGHTING = re.compile(r"\b(?:force|forces|troops|soldiers|mission|coalition|armies|army|"
                            r"partners|militias?|groups?|operation|countries|states|units?)\s+"
                            r"(?:(?:now|currently|still|also|already)\s+)?$", re.I)
# "The assault on Friday began with mortar fire ...": a sentence that opens on the event
# already told goes on telling it
STORY_AGAIN = re.compile(r"\W*(?:The|This|That)\s+(?:[\w-]+\s+){0,2}?(?:attack|assault|raid|"
                         r"ambush|massacre|killings?|strike|bombing|offensive|clash(?:es)?)\b")
# "Togo has deployed troops since a deadly attack on soldiers last year": an event used as a
# time mark (kept only when it names where it happened)
SINCE_EVENT = re.compile(r"\bsince\s+(?:an?|the|its|their|that)\s+(?:[\w-]+\s+){0,5}$", re.I)
STILL_THERE = re.compile(r"\b(?:now|currently|still|already|permanently)\s+$", re.I)
THE_BEFORE = re.compile(r"\b(?:the|this|that)\s+$", re.I)  # "The strike late Sunday": anaphoric
# "armed terrorists gathered in the area of X": fighters massing, not a protest
ARMED_BEFORE = re.compile(r"\b(?:terrorists|jihadists|militants|gunmen|insurgents|fighters|"
                          r"bandits|armed men|rebels|assailants|attackers)\s+(?:\w+\s+){0,2}$",
                          re.I)
# "relatives gathered in Niamey to remember the aid workers killed a year ago": a memorial
MEMORIAL_AFTER = re.compile(r"[^.;]{0,60}?\b(?:to|and)\s+(?:remember|commemorate|mark|mourn|"
                            r"honou?r|pay (?:their |a )?(?:last )?(?:respects|tribute|homage)|"
                            r"pray for|bury)\b", re.I)
PROTEST_AIM = re.compile(r"\b(?:demand|denounc|protest|call(?:ed|ing)? for|against|condemn|"
                         r"justice)", re.I)
# "after clashes with the CSP": the side a fight was against
FIGHT_WITH = re.compile(r"\b(?:clashes|clashing|fighting|battles?|combat|skirmish(?:es)?|"
                        r"gunfights?|exchanges? of fire|firefights?)\s+with\s+(?:the\s+)?$",
                        re.I)
CAME_AFTER = re.compile(r"\b(?:came|comes|follows|followed)\s+(?:[\w-]+\s+){0,5}?"
                         r"(?:after|before)\b", re.I)
GERUND_OBJECT = re.compile(r"\b(?:of|for)\s+$", re.I)
# "accused of the abduction and murder of 21 paratroopers", "on trial for the massacre": the
# charge names an event (told elsewhere), it does not tell one
CHARGE_BEFORE = re.compile(r"\b(?:accused|suspected|convicted|acquitted|guilty|charged|indicted|"
                           r"tried|prosecuted|on\s+trial|jailed|sentenced|prison)\s+(?:of|for|"
                           r"with|over)\s+(?:(?:the|an?|their|his|her|its)\s+)?(?:[\w-]+\s+)?$",
                           re.I)
NAMED_ACCORD = re.compile(r"\b(?:of|under|to|from|with|in)\s+the\s+(?:[A-Z][\w’'-]+\s+|\d{4}\s+)+"
                           r"(?:peace\s+)?$")
# "claimed responsibility for the operation": a claim of one event already told (not "claimed
# attacks in other parts of Mali")
CLAIMS_THE = re.compile(r"\bclaim(?:ed|s)?\s+(?:(?:responsibility|credit)\s+for\s+)?"
                         r"(?:the|this|that|its)\s+(?:[\w-]+\s+)?[\w-]*[^s\W]\b", re.I)
BLAMED_FOR = re.compile(r"\b(?:attributed|attributes|blamed|blames|blaming)\s+(?:the|both|"
                         r"these|this|that|all|all\s+the|the\s+two)?\s*(?:[\w-]+\s+)?$", re.I)
TO_ON = re.compile(r"\s+(?:to|on)\s+(?:the\s+)?")
SELF_CLAIM = re.compile(r",\s+the\s+(?:jihadist\s+|armed\s+|militant\s+|rebel\s+)?group\s+"
                         r"(?:said|says|claimed|announced)\b|\bclaiming\s+to\s+have\b", re.I)
SUFFERED_VERB = re.compile(r"\b(?:repelled|repulsed|foiled|thwarted|fended off|pushed back|"
                            r"beat back|beaten back|came under|survived)\b", re.I)
ATTACKER_WORD = re.compile(r"(?:the\s+)?(?:attackers|assailants|raiders|attacker|assailant)",
                            re.I)
HEARD = re.compile(r"\s+(?:were|was|could be|had been)\s+(?:\w+\s+)?(?:heard|reported heard)\b",
                    re.I)
NEGATED_BEFORE = re.compile(r"\b(?:no|not|never|without|nor|denied|deny|denies)\b[^.;,]{0,25}$",
                             re.I)

# "the army denied reports that its camp at Boni had been overrun", "dismissed rumours of an
# attack": the sentence says the event did not happen
DENIED_REPORT = re.compile(r"\b(?:denied|denies|deny|denying|dismissed|dismisses|rejected|"
                            r"rejects|refuted|refutes|debunked)\s+(?:the\s+|as\s+false\s+)?"
                            r"(?:(?:media|press|social media|online)\s+)?"
                            r"(?:reports?|rumou?rs?|claims?|allegations?)\b[^.;]{0,70}$", re.I)

# ("JNIM rejected claims that its fighters killed the villagers": a role denied, not the event)
DENIED_ROLE = re.compile(r"\b(?:that|of)\s+(?:it|they|the\s+group|(?:its|their)\s+(?:fighters|"
                          r"men|members|militants|forces|troops|soldiers|units?))\s+(?!been\b)"
                          r"(?:had\s+|has\s+|have\s+|was\s+|were\s+)?(?!been\b)[a-z]+", re.I)

SAID_IT = re.compile(r"\s+(?:said|says|announced|stated|claimed)\b[^,.;]{0,30}?\s+(?:that\s+)?"
                      r"(?:it|they)\s+(?:had\s+|has\s+|have\s+|would\s+|was\s+|were\s+|is\s+|"
                      r"are\s+)?$", re.I)

# "arrived in pick-up trucks", "arrived in several vehicles": a means, not a place
BY_VEHICLE = re.compile(r"\s+(?:(?:a|an|the|their|several|many|dozens\s+of|\d+)\s+)?"
                        r"(?:[\w-]+\s+){0,2}?(?:pick-?ups?|trucks?|vehicles?|cars?|motorbikes?|"
                        r"motorcycles?|helicopters?|boats?|canoes?|jeeps?)\b", re.I)
CLAUSE = re.compile(r",\s|;\s|\s[—–]\s|—|:\s|\(|\)")  # where a sentence's clauses begin


def clause_starts(start: int, text: str) -> list[int]:
    """Where the clauses of the sentence ``text`` (at document offset ``start``) begin."""
    return [start] + [start + m.end() for m in CLAUSE.finditer(text)]


def clause_of(starts: list[int], pos: int) -> int:
    """The index of the clause (of ``clause_starts``) that holds ``pos``."""
    i = 0
    while i + 1 < len(starts) and starts[i + 1] <= pos:
        i += 1
    return i

# a habit, not an event: "increasingly", "regularly", "continues to", "for years"
GENERIC = re.compile(r"\b(?:in recent (?:months|weeks|years)|increasingly|regularly|often|"
                     r"repeated|has seen|have seen|"
                     r"periodically|sporadically|campaign of|"
                     r"frequently|routinely|routine|usually|typically|repeatedly|"
                     r"continue[sd]? to|in the past|for years|for decades)\b", re.I)


_CLAUSE_GOES_ON = re.compile(r",\s+(?:where|which|when|in which|who|whose|that)\b", re.I)


def since_reaches(text: str, start: int, end: int) -> bool:
    """Whether a "since ..." comparison opened between ``start`` and ``end`` still runs at
    ``end``: "the deadliest attack since Inates last month, where 71 soldiers died" (yes), "in
    the deadliest attack since the insurgency began, gunmen killed 132 people" (no: the comma
    closes it and the main clause tells the event)."""
    since = SINCE_BETWEEN.search(text, start, end)
    if since is None:
        return False
    comma = text.rfind(",", since.end(), end)
    return comma < 0 or _CLAUSE_GOES_ON.match(text, comma) is not None


# a subject, then an aside that tells of its past, then the main verb
SUBJECT_ASIDE = re.compile(r"[^,;]{3,80},\s+(?:an?\s+|the\s+)?[^,;.]{0,60}?\b(?:who|which|that)\s+"
                           r"[^,;.]{3,100},\s*$")
# "the post at Mondoro came under simultaneous complex attacks": a plural that one target
# suffered at once is one event, not a generic series
CAME_UNDER = re.compile(r"\b(?:came|come|comes|coming|was|were|been)\s+under\s+"
                        r"(?:(?:simultaneous|coordinated|complex|heavy|repeated|multiple|"
                        r"several|two|three|twin|armed|jihadist|terrorist)\s+){0,3}$", re.I)
QUOTE_MARKS = "'‘\"“"  # the marks that open a quote
# a sentence that opens on a quote, up to its closing mark ("'They came at dawn,' said ...")
# (or ends one that a sentence before opened: "'These were herders. They killed old men and
# boys,' the MSA leader told reporters")
QUOTE_OPENS = re.compile(r"\s*(?:['‘][^’']{10,400}?[,.!?]['’]|[\"“][^”\"]{10,400}?[,.!?][\"”]|"
                         r"[^‘“\"']{2,400}?[,.!?]['’\"”](?=\s[^.;]{0,120}?\b(?:said|says|told|"
                         r"added|recalled|explained)\b))(?=\s)")


def opening_quote_end(text: str, sent_start: int, rel: str, trig_end: int) -> int | None:
    """Where the quote ends, in a story that opens on a witness's words ("'They came at dawn,'
    said a survivor ..."), when the trigger ending at ``trig_end`` lies inside it; else None."""
    if not text or text[0] not in QUOTE_MARKS or "\n" in text[:sent_start]:
        return None
    quote = QUOTE_OPENS.match(rel)
    return sent_start + quote.end() if quote is not None and \
        trig_end <= sent_start + quote.end() else None


def anaphor_before(before: str, form: str) -> bool:
    """Whether a determiner before a noun trigger makes it "the attack" told before; not "that"
    or "this" before a plural ("the army said that air strikes ...": a conjunction)."""
    if form == "verbs":
        return False
    told = ANAPHOR.search(before)
    return told is not None and not (form == "plurals"
                                     and told.group(0)[:4].lower() in ("that", "this"))


# "accused soldiers of several killings this year": many of them, no one event
MANY_BEFORE = re.compile(r"\b(?:several|many|numerous|multiple|repeated)\s+$", re.I)
# "the number of women abducted by Boko Haram fighters": the agent, never the counted victims
AGENT_BY = re.compile(r"\bby\s+(?:the\s+)?$", re.I)


def tolled_now(quants: Sequence[Any], trigger_end: int) -> bool:
    """ "drone strikes had killed dozens of fighters ... on Saturday": a plural whose own verb
    gives a toll is one strike told, whose date may stand far from the noun."""
    return any(q.kind == "killed" and 0 <= q.start - trigger_end <= 12 for q in quants)
