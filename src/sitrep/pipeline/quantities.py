"""Casualty counts: killed, injured, abducted — with bounds, the side they belong to, and parts.

Patterns cover the ways reports state a toll: "20 people were killed", "killing 224 people",
"the 20 victims", "left dozens dead", "taking 170 people ... hostage", "the death toll rose to
31", "lost more than 100 soldiers". A count is a part of another when the text says so
("90, including the deaths of all 13 militants"): parts are kept (as statements) but never
added to the total. Counts that overlap a date phrase ("killed in 2006") are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from .dates import DateMention
from .numbers import QUANTITY, Count, parse_count, parse_number

_STOP = (r"(?!(?:and|or|but|who|which|that|when|while|after|in|at|on|near|during|said|says|"
         r"say|told|saw)\b)")
_NOUNS = rf"(?P<noun>(?:{_STOP}[A-Za-zÀ-ÿ’'-]+\s+){{0,3}}?)"
_AUX = (r"(?:(?:were|was|are|is|have been|has been|had been|been|reportedly|reported|"
        r"confirmed|believed|later|also|allegedly|all|being|got)\s+){0,3}")
_KILLED = (r"killed|dead|died|slain|massacred|executed|perished|lost their lives|murdered|kia|"
           r"shot dead|gunned down|neutrali[sz]ed|lynched|"
           r"(?:beaten|hacked|burned|burnt|stoned|stabbed|clubbed)\s+to\s+death")
# What may stand between the counted noun and a passive verb: an apposition ("41 people, among
# them volunteer fighters, were killed") or a modifier ("peacekeepers serving with the UN
# mission were killed", "people from seven countries were killed"); then an auxiliary is needed.
_BETWEEN = (r"(?:(?:[A-Za-z’'-]*,[^,.;]{1,110},\s+|"
            r"and\s+(?P<plus>an?|one|two|three|four|five|\d+)\s+[\w-]+\s+|"
            # ("between 8 and 11 soldiers and police officers were killed": one count)
            # (never "and fifteen soldiers": a count of its own)
            r"and\s+(?![\w-]*(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
            r"twelve|teen|ty|dozens?|hundreds?)\b)(?:(?-i:[a-z-]+)\s+){1,2}?"
            r"(?=(?:were|have been|had been)\s)|"
            # (not "about 60 are missing, while 15 assailants were neutralised")
            r"(?:(?!missing\b)[a-z]+ing|stationed|based|deployed|"
            r"aboard|on board|from|of|in|at|inside|accused|suspected)\b"
            # (no other count inside: "one saying 32 civilians had been killed")
            r"[^.;\d]{0,70}?\s+)(?:were|was|had been|have been|has been)\s+"
            r"(?:\w+\s+)?)")
_INJURED = r"injured|wounded|hurt|wia"
_PERSON = (r"soldier|civilian|policeman|police officer|gendarme|peacekeeper|guard|villager|"
           r"passenger|teacher|worker|child|woman|man|driver|priest|imam|chief|official|"
           r"trader|herder|farmer|volunteer|militiaman|student|councillor|councilor|mayor|"
           r"nurse|doctor|journalist|pastor|catechist|missionary|shepherd|herdsman|merchant|"
           r"shopkeeper|elder|resident|boy|girl|fisherman|hunter|tourist|engineer|nun|monk")
_KIN = (r"sons?|daughters?|brothers?|sisters?|wife|wives|husband|relatives?|children|women|men|"
        r"members?|companions?|colleagues?|family members?|worshippers?|passengers?")
_ABDUCTED = (r"abducted|kidnapped|taken hostage|taken captive|held hostage|seized|taken prisoner|"
             r"captured")
# "neutralised 18 terrorists": military communiqués' word for killed
_KILL_V = (r"killed|killing|kills|kill|massacred|massacring|executed|executing|murdered|slew|"
           r"neutrali[sz]ed|neutrali[sz]ing|shot dead|shooting dead|gunned down|gunning down|"
           # ("the fighting had cost the lives of fifteen soldiers")
           r"(?:cost|costing|claimed|claiming|took|taking)\s+the\s+lives\s+of")
# "for four decades were abducted", "three days were ...": a span of time, not people
_NOT_TIME = r"(?!\s+(?:decades?|years?|months?|weeks?|days?|hours?|minutes?)\b)"
_INJURE_V = r"injured|injuring|injures|wounded|wounding|wounds"
_ABDUCT_V = r"abducted|abducting|abducts|kidnapped|kidnapping|kidnaps|captured|capturing"
_KILL_V_ONE = (r"killed|killing|kills|kill|executed|executing|murdered|injured|injuring|wounded|"
               r"wounding|abducted|abducting|kidnapped|kidnapping|shot dead|shooting dead|"
               r"gunned down|gunning down|assassinated|assassinating")
# the verb after one person (or a couple): "was also killed", "were later abducted"
_ONE_STATE = (rf"(?:(?:also|reportedly|later|slightly|seriously|badly|critically|lightly)\s+)?"
              rf"(?P<state>{_KILLED}|{_INJURED}|kidnapped|abducted|taken hostage)\b")
# patterns that count one person (with those told beside them)
_ONE_PERSON = ("single", "single_the", "verb_one", "verb_the", "self")
_VERB_BEFORE = re.compile(rf"\b(?P<verb>{_KILL_V_ONE})\s+$", re.I)

PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(p, re.I)) for kind, p in (
        # "killing 224 people", "killed at least 77 people", "wounded dozens of civilians"
        # (a communiqué's word in quotes: "'neutralised' 48 terrorists")
        ("by_verb", rf"\b(?P<verb>{_KILL_V}|{_INJURE_V}|{_ABDUCT_V}|lost|losing)['’\"”]?\s+"
                    rf"(?:of\s+)?"
                    rf"(?:(?:an estimated|a total of|a reported|an approximate|some|another|"
                    rf"a further)\s+)?"
                    rf"{QUANTITY}(?![\w])"),
        # "20 people were killed", "left dozens dead", "13 soldiers reportedly died"
        ("by_state", rf"(?<![\w.,]){QUANTITY}{_NOT_TIME}\s+{_NOUNS}(?:{_BETWEEN}|{_AUX})"
                     rf"['‘\"“]?(?P<state>{_KILLED}|{_INJURED}|{_ABDUCTED})\b"),
        # "Seventy-one soldiers of the Nigerien army have lost their lives": death needs no
        # passive, so the counted noun may be followed by a longer modifier
        ("by_death", rf"(?<![\w.,]){QUANTITY}{_NOT_TIME}\s+{_NOUNS}(?:(?:of|from|in|at)\s"
                     rf"[^.;,]{{0,60}}?\s+)?(?:(?:have|has|had)\s+)?(?:(?:also|reportedly|"
                     rf"all)\s+)?(?P<state>died|perished|lost their lives|fell)\b"),
        # "the 20 victims", "90 dead", "dozens of casualties", "170 hostages"
        ("by_noun", rf"(?<![\w.,]){QUANTITY}\s+(?:of\s+)?{_NOUNS}(?P<toll>victims|dead|deaths|"
                    rf"fatalities|casualties|hostages|injured|wounded|injuries|bodies)\b"),
        # "taking 170 people, almost all civilians, hostage"
        ("hostage", rf"\b(?:took|take|takes|taking|taken|held|holding)\s+{QUANTITY}\s+"
                    rf"(?P<noun>[^,.;]{{0,40}}?)(?:,[^,.;]{{0,60}},)?\s*(?:as\s+)?(?:hostages?|captive)\b"),
        # "the death toll rose to 31", "put the total at 90"
        ("toll", rf"\b(?:death toll|toll|total|tally)\s+(?:\w+\s+){{0,3}}?(?:of|at|to|reached|"
                 rf"stands at|stood at|is|was)\s+{QUANTITY}(?![\w])"),
        # "the death toll from the attack on X, in Y region, has risen to 86"
        ("toll_from", rf"\b(?:death\s+)?toll\s+(?:from|of|in)\s[^.;]{{0,90}}?\b(?:risen to|rose to|"
                      rf"climbed to|reached|to|at)\s+{QUANTITY}(?![\w])"),
        # "The first toll reported ten dead; it was raised to twelve, then to fourteen"
        ("raised", rf"\b(?:it|the toll|the figure|this figure)\s+(?:was|had been|has been)\s+"
                   rf"(?:later\s+|then\s+|subsequently\s+)?(?:raised|revised(?:\s+upwards?)?|"
                   rf"increased)\s+to\s+{QUANTITY}(?![\w])"),
        ("then_to", rf",?\s+(?:and\s+)?then\s+to\s+{QUANTITY}(?![\w])"),
        # "the number of civilians killed in the attack on X ... has risen to 79"
        ("number", rf"\bnumber\s+of\s+(?P<noun>(?:[\w-]+\s+){{0,3}}?)(?P<state>killed|dead|"
                   rf"deaths|victims|abducted|kidnapped|hostages|injured|wounded)\b[^.;]{{0,100}}?"
                   rf"\b(?:risen to|rose to|climbed to|reached|stands at|stood at|is now)\s+"
                   rf"{QUANTITY}(?![\w])"),
        # "A French soldier was also killed": one, said by the article and the verb
        # ("A customs officer and a civilian were killed": two)
        ("single", rf"(?<![\w,])(?P<one>[Aa]n?)\s+{_NOUNS}"
                   # ("A man who tried to stop them was shot dead", "A guard from the
                   # prison service was killed")
                   rf"(?:(?:(?:accused|suspected|who|from|of|in|at)\b[^.;,]{{0,60}}?\s+)?"
                   rf"(?:was|has been|had been)|(?:(?:accused|suspected)\b[^.;,]{{0,60}}?\s+)?"
                   rf"and\s+(?P<plus>an?|one|two|three|four|five|six|\d+)\s+(?:[\w-]+\s+){{1,2}}?"
                   # ("A man and a woman accused of adultery were stoned to death")
                   rf"(?:(?:accused|suspected|from|of|in|at)\b[^.;,]{{0,60}}?\s+)?"
                   rf"(?:were|have been|had been))\s+" + _ONE_STATE),
        # "The village chief was shot dead": a role held by one person, told with "the"
        ("single_the", r"(?<![\w,])(?P<one>[Tt]he)\s+(?:[\w-]+\s+){0,2}?(?:chief|mayor|imam|"
                       r"priest|pastor|headmaster|headteacher|councill?or|prefect|driver|"
                       r"catechist|marabout)\s+(?:was|had been|has been)\s+" + _ONE_STATE),
        # "An elderly Australian couple ... were abducted": a couple is two people
        ("couple", r"\b(?:[Aa]n?|[Tt]he)\s+(?:[\w’'-]+\s+){0,3}(?P<two>couple)\b[^.;]{0,90}?"
                   r"\s+(?:were|was|have been|had been)\s+" + _ONE_STATE),
        # "..., wounding a soldier", "killing a policeman": one, said by the article
        # (the verb is checked before the article: a scan that starts at "a" is cheap)
        # ("abducted a village chief and two of his sons": three)
        ("verb_one", rf"\b(?P<one>an?)\s+(?P<noun>(?:[\w-]+\s+){{0,2}}?(?:{_PERSON}))\b"
                     rf"(?:\s+and\s+(?P<plus>an?|one|two|three|four|five|six|\d+)\s+"
                     rf"(?:of\s+(?:his|her|their)\s+)?(?:[\w-]+\s+)?(?:{_PERSON}|{_KIN})s?\b)?"),
        # "shot dead the son of the village chief", "killed the mayor": one person whose role
        # the text names
        # ("the chief of Yirgou and five other people": six; "the priest, Father X, and five
        # worshippers": six; "the village chief, his son and five others": seven)
        ("verb_the", r"\b(?P<one>the)\s+(?:[\w-]+\s+)?(?P<noun>son|daughter|brother|sister|wife|"
                     r"husband|father|mother|chief|mayor|imam|priest|pastor|catechist|"
                     r"headmaster|prefect|marabout)\b(?!['’]s)"
                     r"(?:\s+of\s+(?:the\s+)?[\w’'-]+(?:\s+(?-i:[A-Z])[\w’'-]+)?)?"
                     r"(?:,\s+(?P<also>(?:his|her|their|an?)\s+)?[^,.;]{1,40}?(?:,|(?=\s+and\s)))?"
                     rf"(?:\s+and\s+(?P<plus>an?|one|two|three|four|five|six|seven|eight|nine|ten|"
                     rf"\d+)\s+(?:of\s+(?:his|her|their)\s+)?(?:other\s+)?(?:[\w-]+\s+)?"
                     rf"(?:{_PERSON}|{_KIN}|people|persons|others|residents|villagers)s?\b)?"),
        # "five were taken to hospital", "41 others were admitted to hospital": hurt
        ("hospital", rf"(?<![\w.,]){QUANTITY}{_NOT_TIME}\s+{_NOUNS}(?:were|have been|had been)\s+"
                     rf"(?:\w+\s+)?(?:(?:taken|admitted|evacuated|rushed|flown)\s+to\s+"
                     rf"(?:a\s+|the\s+)?(?:[\w-]+\s+)?hospitals?|hospitali[sz]ed)\b"),
        # "a suicide bomber blew himself up ..., killing only himself": the bomber's death
        ("self", r"\b(?:killing|killed)\s+(?:only\s+)?(?P<one>himself|herself)\b"),
        # "the deaths of all 13 militants"
        ("deaths_of", rf"\b(?:the\s+)?deaths\s+of\s+(?:all\s+|the\s+)?{QUANTITY}\s+{_NOUNS}"),
        # "found the remains of 71 people in mass graves", "the bodies of 12 villagers"
        ("remains", rf"\b(?:remains|bodies|corpses)\s+of\s+(?:at\s+least\s+|some\s+|about\s+)?"
                    rf"{QUANTITY}\s+{_NOUNS}"),
    )
)

_SIDE_WORDS = (
    ("attackers", r"militants?|attackers?|assailants?|gunmen|gunman|jihadists?|insurgents?|"
                  r"terrorists?|fighters?|rebels?|extremists?|bandits?|bombers?|jihadis|"
                  r"combatants?"),
    ("forces", r"soldiers?|troops?|gendarmes?|gendarmerie|police(?:men|officers)?|officers?|"
               r"recruits?|servicemen|personnel|mercenaries|peacekeepers?|guards?|army|"
               r"military|militaries|militiamen|volunteers|VDP|sailors|airmen"),
    ("civilians", r"civilians?|villagers?|residents?|worshippers?|women|children|students?|"
                  r"passengers?|farmers?|herders?|traders?|pupils?|teachers?|miners?|"
                  r"displaced|tourists?|guests?|employees|workers?|Iraqis|Malians|Muslims|"
                  r"man|woman|boys?|girls?|child|youths?|inmates?|detainees?"),
)
_SIDE_RE = [(side, re.compile(rf"\b(?:{words})\b", re.I)) for side, words in _SIDE_WORDS]
# The noun phrase after a number: "dozens of Wagner mercenaries", "four American soldiers".
_NOUN_AFTER = re.compile(rf"(?:\s+of)?(?:\s+(?:the|its|their))?(?:\s+{_STOP}[\w’'-]+){{0,4}}")
_ANOTHER_COUNT = re.compile(r",\s+and\s+(?:\d|an?\s|one|two|three|four|five|six|seven|eight|"
                            r"nine|ten|eleven|twelve|twenty|thirty|forty|fifty)", re.I)
# ("three of our soldiers fell with arms in hand and six were wounded")
_OWN_DEATH_VERB = re.compile(r"\s(?:fell|died|perished)(?:,?\s+[\w-]+){0,5}?,?\s+and\s", re.I)
# "4,500 litres of fuel were seized", "killed 200 head of cattle": goods and animals, not people
_THINGS = re.compile(r"\s+(?:[\w-]+\s+)?(?:litres|liters|kilos|kilograms|kg|tonnes|tons|bags|"
                     r"sacks|barrels|rounds|cartridges|motorcycles|motorbikes|vehicles|cars|"
                     r"trucks|weapons|rifles|guns|head|cattle|cows|oxen|sheep|goats|camels|"
                     r"donkeys|animals|livestock|francs|CFA|dollars|euros|million|billion)\b",
                     re.I)
_FREED = re.compile(r"\b(?:freed|released|rescued|liberated|set free)\b", re.I)
_DIED_AFTER = re.compile(r"\s+(?:later\s+|have\s+|had\s+|has\s+|since\s+)*"
                         r"(?:died|succumbed)\b", re.I)
_OF_WOUNDED = re.compile(r"\s+of\s+(?:the|those)\s+(?:wounded|injured)\b", re.I)
_OUR_MEN = re.compile(r"\s+of\s+(?:our|its|their)\s+men\b", re.I)  # "we lost 17 of our men"
_PART_CUE = re.compile(r"\b(?:including|among them|among whom|of whom|of them|of which|"
                       r"among the dead|among those killed|among the victims)\b[^.;]{0,40}$",
                       re.I)


# Every pattern needs one of these words: sentences without them are skipped at once.
_CUE = re.compile(r"kill|dead|death|died|slain|slew|massacr|execut|perish|lives|murder|injur|"
                  r"\bKIA\b|\bWIA\b|"
                  r"wound|hurt|abduct|kidnap|hostage|captive|seized|captur|prisoner|toll|total|"
                  r"tally|victim|couple|lynch|gunned|gunning|assassinat|hospital|"
                  r"fatalit|casualt|bodies|remains|corpses|lost|losing|\bfell\b", re.I)


@dataclass(frozen=True)
class Quantity:
    """One count in document coordinates."""

    start: int
    end: int
    text: str
    kind: str  # killed | injured | abducted
    count: Count
    side: str | None = None  # attackers | forces | civilians | None when the text is silent
    part_of: int | None = None  # index (in the sentence's list) of the total it is part of


def _kind_of(word: str) -> str:
    w = word.lower()
    if re.match(rf"(?:{_INJURED}|{_INJURE_V}|injuries)", w):
        return "injured"
    if re.match(rf"(?:{_ABDUCTED}|{_ABDUCT_V}|hostages?|took|take|taking|taken|held|holding|"
                rf"captur)",
                w):
        return "abducted"
    return "killed"


_ACTIVE_OBJECT = re.compile(r"\s+(?:an?|the|his|her|their|two|three|four|five|six|\d+)\s", re.I)
_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are)\s", re.I)
_VAGUE = re.compile(r"(?:several|some|many|a few|few|numerous|multiple)\b", re.I)
_PARTITIVE = re.compile(r"\s+of\s+(?:the|these|those|its|their)\s", re.I)


def _side(noun: str) -> str | None:
    for side, rx in _SIDE_RE:
        if rx.search(noun):
            return side
    return None


_QUOTED_COUNT = re.compile(r"(?<![\w'’])(['‘\"“])((?:about|around|some|nearly|almost|over|"
                           r"more than|at least|up to)?\s*[\w-]{2,20}(?:\s+[\w-]{2,20}){0,2})"
                           r"(['’\"”])(?=\s+(?:people|civilians|soldiers|dead|villagers|persons|"
                           r"men|women|victims|bodies|wounded|injured|killed|hostages|fighters|"
                           r"terrorists|assailants|attackers|militants|jihadists|insurgents))"
                           # "had killed 'about thirty terrorists'": a quoted object of the verb
                           r"|(?:(?<=killed )|(?<=killing )|(?<=neutralised )|"
                           r"(?<=neutralized ))(['‘\"“])"
                           r"((?:about|around|some|nearly|almost|over|more than|at least|up to|"
                           r"dozens|scores|hundreds)[^'’\"”]{2,40})(['’\"”])", re.I)


def _matches(rx: re.Pattern[str], sentence: str, groups: tuple[str, ...],
             date_spans: list[tuple[int, int]]) -> Iterator[re.Match[str]]:
    """``rx``'s matches; one whose number is part of a date is tried again after the date
    ("BAMAKO, June 16 – Four soldiers were killed": 16 is the day, not a range's start)."""
    pos = 0
    while (m := rx.search(sentence, pos)) is not None:
        num = next((m.span(g) for g in groups if m.group(g)), None)
        clash = next((e for s, e in date_spans if num and s < num[1] and num[0] < e), None)
        if clash is not None:
            pos = max(clash, m.start() + 1)
            continue
        yield m
        pos = max(m.end(), m.start() + 1)


def find_quantities(sentence: str, offset: int = 0,
                    dates: Sequence[DateMention] = ()) -> list[Quantity]:
    """Casualty counts in one sentence (``offset`` = the sentence's start in the document)."""
    if not _CUE.search(sentence) and "neutrali" not in sentence and "number of" not in sentence:
        return []
    told = sentence
    if "'" in sentence or "‘" in sentence or '"' in sentence or "“" in sentence:
        # "'around forty' people were killed": a quoted count is still a count (the quote
        # marks become spaces, so every offset stays true)
        sentence = _QUOTED_COUNT.sub(lambda q: " " + (q.group(2) or q.group(5)) + " ", sentence)
    found: list[Quantity] = []
    taken: list[tuple[int, int]] = []
    date_spans = [(d.start - offset, d.end - offset) for d in dates]
    deaths = "died" in sentence or "perish" in sentence or "lost their lives" in sentence or \
        "fell" in sentence
    number = "number of" in sentence
    one = "ing a" in sentence or "ed a" in sentence or "ing an" in sentence or \
        "dead a" in sentence or "down a" in sentence
    the = "ed the " in sentence or "ing the " in sentence or "dead the " in sentence or \
        "down the " in sentence
    for name, rx in PATTERNS:
        if name == "by_death" and not deaths or name == "couple" and "couple" not in sentence \
                or name == "number" and not number or name == "verb_one" and not one \
                or name == "verb_the" and not the \
                or name == "hospital" and "hospital" not in sentence \
                or name == "self" and "self" not in sentence:
            continue  # patterns whose words the cue test does not narrow enough
        groups = ("one",) if name in _ONE_PERSON else ("two",) if name == "couple" else ("n", "a")
        for m in _matches(rx, sentence, groups, date_spans) if date_spans else \
                rx.finditer(sentence):
            num_span = next((m.span(g) for g in groups if m.group(g)), None)
            if num_span is None:
                continue
            if any(s <= num_span[0] < e for s, e in taken):
                continue
            if sentence[max(0, num_span[0] - 3):num_span[0]].lower() == "no ":
                continue  # "No one was hurt": nobody (the zero toll is read below)
            if name == "then_to" and not any(
                    q.kind == "killed" and q.start < offset + m.start() for q in found):
                continue  # "..., then to fourteen": only after a toll told in the sentence
            if name == "by_state" and (_ANOTHER_COUNT.search(m.group(0), num_span[1] - m.start())
                                       or _OWN_DEATH_VERB.search(m.group(0),
                                                                 num_span[1] - m.start())):
                continue  # "lost seventeen of our men, and twenty others were wounded", "34 of
                # our soldiers fell and 14 others were wounded": the verb is another count's
            if name == "by_state" and m.group("state").lower() != "dead" and \
                    _ACTIVE_OBJECT.match(sentence, m.end()) and not _PASSIVE.search(m.group(0)):
                continue  # "Two gunmen shot dead a teacher": the doers, not the dead
            if name == "by_noun" and _VAGUE.match(sentence, num_span[0]):
                continue  # "several victims were buried the next morning": no count
            if name in ("by_noun", "by_state") and _DIED_AFTER.match(sentence, m.end()) or \
                    name == "by_death" and _OF_WOUNDED.match(sentence, num_span[1]):
                continue  # "Six of the wounded died in hospital": dead, told in the toll
            if name == "by_noun" and _PARTITIVE.match(sentence, num_span[1]):
                continue  # "a relative of one of the victims", "several of the wounded": a
                # part of a toll told elsewhere, not a toll
            if name not in _ONE_PERSON and _THINGS.match(sentence, num_span[1]):
                continue  # "4,500 litres of fuel were seized": goods, not people
            if sentence[num_span[1]:num_span[1] + 1] == "+" or \
                    sentence[max(0, num_span[0] - 2):num_span[0]].strip() == "+":
                continue  # "669+ million": rhetoric, not a toll
            count = Count(1, 1, 1) if name in _ONE_PERSON else Count(2, 2, 2) \
                if name == "couple" else parse_count(m)
            if count is None or count.value <= 0:
                continue
            plus = m.groupdict().get("plus")
            if plus and name == "single":  # the part counted by an earlier pattern
                found = [q for q in found if not offset + m.start() <= q.start
                         < offset + m.end()]
            if plus:  # "two soldiers and a civilian were killed": three dead
                count = _plus(count, 1 if plus.lower() in ("a", "an") else parse_number(plus) or 0)
            if name == "verb_the" and plus and m.group("also"):
                count = _plus(count, 1)  # "the chief, his son and five others": the son too
            if name in ("by_state", "single", "single_the", "by_death", "couple", "number"):
                kind = _kind_of(m.group("state"))
            elif name in ("verb_one", "verb_the"):
                hit = _VERB_BEFORE.search(sentence, max(0, m.start() - 12), m.start())
                if hit is None:
                    continue
                kind = _kind_of(hit.group("verb"))
            elif name == "by_verb":
                verb = m.group("verb").lower()
                if not verb.endswith("ing") and re.match(r"\s+of\s", m.group(0)[len(verb):]):
                    continue  # "the killing of 25 villagers", but no "killed of 3"
                kind = "killed" if verb in ("lost", "losing") or verb.endswith(" of") \
                    else _kind_of(verb)
            elif name == "by_noun":
                kind = _kind_of(m.group("toll"))
            elif name == "hostage":
                kind = "abducted"
            elif name == "hospital":
                if re.search(r"\b(?:bodies|corpses|remains|dead)\b", m.group("noun"), re.I):
                    continue  # "the three bodies were taken to hospital": the dead
                kind = "injured"
            else:
                kind = "killed"
            noun = (m.group("noun") or "") if "noun" in rx.groupindex else ""
            side = _side(noun) or _side(_NOUN_AFTER.match(sentence, num_span[1]).group(0))  # type: ignore[union-attr]
            if name == "self":
                side = "attackers"
            if name == "by_death" and m.group("state").lower() == "fell" and side != "forces" \
                    and not _OUR_MEN.match(sentence, num_span[1]):
                continue  # "34 of our soldiers fell" (in combat); "two towns fell" is no toll
            if name == "by_verb" and m.group("verb").lower() in ("lost", "losing") \
                    and side != "forces" and not _OUR_MEN.match(sentence, num_span[1]):
                continue  # "lost 3 points", "lost 2 bases": only lost soldiers are deaths
            text = told[m.start():m.start() + len(m.group(0).rstrip())]
            other = _side(m.group(0)[m.start("plus") - m.start():]) \
                if plus and name == "verb_one" else None
            if other is not None and side is not None and other != side:
                # "killing a soldier and a civilian": one of each side, not two soldiers
                found.append(Quantity(offset + m.start(), offset + m.end("noun"),
                                      told[m.start():m.end("noun")], kind, Count(1, 1, 1), side))
                extra = count.value - 1
                text = told[m.start("plus"):m.start() + len(text)]
                found.append(Quantity(offset + m.start("plus"), offset + m.start("plus")
                                      + len(text), text, kind, Count(extra, extra, extra), other))
            else:
                found.append(Quantity(offset + m.start(), offset + m.start() + len(text), text,
                                      kind, count, side))
            taken.append(num_span)
    found = _coordinated(sentence, offset, found, taken)
    if not found and (hit := _NO_ONE.search(sentence)) is not None:
        # "No casualties were reported", "nobody was killed": a toll of zero, told ("no one
        # was hurt": neither killed nor injured)
        hurt = (hit.group("hurt") or "").lower()
        for kind in ("killed", "injured") if hurt == "hurt" else (
                "injured",) if hurt in ("injured", "wounded") else ("killed",):
            found.append(Quantity(offset + hit.start(), offset + hit.end(), hit.group(0), kind,
                                  Count(0, 0, 0)))
    if "free" in sentence or "release" in sentence or "rescue" in sentence:
        # "Two hostages were freed by special forces": the end of a captivity, not an abduction
        found = [q for q in found if q.kind != "abducted" or not _FREED.search(sentence)]
    if any(q.side == "attackers" for q in found):
        # "20 of them were neutralised and 11 captured": attackers taken prisoner by the forces
        # they attacked are not hostages
        found = [q for q in found if not (q.kind == "abducted" and q.side in (None, "attackers")
                                          and "captur" in q.text.lower())]
    found.sort(key=lambda q: q.start)
    return _mark_parts(sentence, offset, found)


_NO_ONE = re.compile(r"\b(?:(?:no\s+one|nobody|no\s+(?:one\s+)?(?:else|other\s+person))\s+"
                     r"(?:was|were|had\s+been|has\s+been)\s+(?:reported\s+)?"
                     r"(?P<hurt>killed|hurt|injured|wounded)|"
                     r"no\s+(?:casualties|deaths|fatalities|lives\s+were\s+lost|one\s+died)"
                     r"(?:\s+(?:were|was|have\s+been|had\s+been)\s+(?:reported|recorded))?|"
                     r"without\s+(?:causing\s+)?(?:any\s+)?casualties)", re.I)


_SMALL_NUMBERS = frozenset(("one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                            "ten", "eleven", "twelve", "dozens", "scores", "hundreds"))
# "Forty-nine civilians and fifteen soldiers were killed": the first count of a pair shares the
# verb of the second and keeps its own side
_PAIR_BEFORE = re.compile(r"(?<![\w.,])(?P<num>[A-Za-z]+(?:-[a-z]+)?|\d[\d,]*)\s+"
                          r"(?P<noun>[A-Za-z’'-]+)\s+and\s+$")


# "an attack that killed 53 soldiers and one civilian": a second count after the verb's object
_PAIR_AFTER = re.compile(r"\s+(?P<noun>(?:[A-Za-z’'-]+\s+)?[A-Za-z’'-]+)\s+and\s+"
                         r"(?P<num>an?|one|two|three|four|five|six|seven|eight|nine|ten|\d[\d,]*)\s+(?:other\s+)?"
                         r"(?P<noun2>[A-Za-z’'-]+)\b")


def _coordinated(sentence: str, offset: int, found: list[Quantity],
                 taken: list[tuple[int, int]]) -> list[Quantity]:
    """``found`` with the counts a coordination adds: a pair's other count of another side, or
    ("seven women and a girl", "four soldiers and two gendarmes") the same side's sum."""
    out = []
    for i, q in enumerate(found):
        rel = q.start - offset
        last = q.text.split()[-1].lower()
        after = _PAIR_AFTER.match(sentence, q.end - offset) if q.text[-1:].isdigit() or \
            last in _SMALL_NUMBERS or parse_number(last) else None
        if after is not None and not any(s <= after.start("num") < e for s, e in taken):
            side, noun_side = _side(after.group("noun2")), _side(after.group("noun"))
            num = after.group("num").lower()
            value = 1 if num in ("a", "an") else parse_number(num)
            if value and side is not None and side == noun_side == q.side:
                found[i] = q = Quantity(q.start, offset + after.end("noun2"),
                                        sentence[q.start - offset:after.end("noun2")], q.kind,
                                        _plus(q.count, value), q.side)
                taken.append(after.span("num"))
            elif value and side is not None and noun_side is not None and side != noun_side:
                out.append(Quantity(offset + after.start("num"), offset + after.end("noun2"),
                                    sentence[after.start("num"):after.end("noun2")], q.kind,
                                    Count(value, value, value), side))
        hit = _PAIR_BEFORE.search(sentence, max(0, rel - 40), rel)
        if hit is None or any(s <= hit.start() < e for s, e in taken):
            continue
        value = parse_number(hit.group("num"))
        side = _side(hit.group("noun"))
        if not value or side is None or side == q.side:
            continue
        out.append(Quantity(offset + hit.start(), offset + hit.end("noun"),
                            sentence[hit.start():hit.end("noun")], q.kind,
                            Count(value, value, value), side))
    return found + out


def _plus(count: Count, extra: int) -> Count:
    return Count(count.value + extra, (count.low or count.value) + extra,
                 count.high + extra if count.high is not None else None, count.approximate)


def _mark_parts(sentence: str, offset: int, found: list[Quantity]) -> list[Quantity]:
    out: list[Quantity] = []
    for i, q in enumerate(found):
        part_of = None
        before = sentence[max(0, q.start - offset - 60):q.start - offset]
        if _PART_CUE.search(before):
            for j in range(i - 1, -1, -1):
                total = found[j]
                if total.kind == q.kind and total.count.value >= q.count.value:
                    part_of = j
                    break
        out.append(q if part_of is None else Quantity(q.start, q.end, q.text, q.kind, q.count,
                                                      q.side, part_of))
    return out
