"""Who did what to whom: actor roles from the words between an actor and the trigger.

Rules (each general, none tied to a sentence):

* after the trigger, the last preposition before the actor decides: ``by`` → perpetrator
  (``actor1``, "an attack by X", "were killed by X"); ``on``/``against``/``targeting`` → target
  (``actor2``); ``with``/``alongside``/``in concert with`` → associate of the perpetrator; a bare
  object right after a verb trigger ("X ambushed Y") → target;
* before the trigger, a possessive ("X's attack") or a clause subject ("X attacked", "X launched
  an attack") → perpetrator, unless the clause is passive ("Y were killed"), then → target;
* "X and Y" share a role: the second becomes the associate (``assoc_actor_1``/``assoc_actor_2``);
* responsibility claims ("X claimed responsibility", "claimed by X", "called X") are read
  separately and kept as a list: several groups may claim the same attack.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .event_cues import FIGHT_WITH, FROM_BEFORE

MAX_GAP = 140  # characters between an actor and its trigger

_PREP_AFTER = re.compile(
    r"\b(?P<p>by|on|against|targeting|targeted|at|into|with|alongside|in concert with|"
    r"in conjunction with|together with|backed by|supported by|and|of|from|between|among|"
    r"including|said|says|according to|that|which|who|while|after|before|when|as)\b", re.I)
_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are|got)\s+(?:\w+\s+)?$", re.I)
_POSSESSIVE = re.compile(r"^\s*(?:['’]s?|['’]s\s+\w+)\s*$")
_CLAUSE_BREAK = re.compile(r"[;:“”\"()]|\s[—–]\s|—|\bwhile\b|\bbut\b|\bwhereas\b|"
                           r",\s+(?:which|who|whose)\b|"
                           r"\b(?:said|says|according to)\b", re.I)
# what may stand between a group's name and its verb: its acronym, an aside ("The National
# Movement for the Liberation of Azawad (MNLA), set up last year by fighters back from Libya,")
_ASIDE = r"\)?(?:\s*\([^()]{1,40}\))?(?:\s*,[^,.;]{1,100},)?"
# ("The Islamic State group said in a statement that its West Africa Province had carried
# out the attack", "the JNIM alliance said its fighters had ...")
_GROUP_NOUN = r"(?:\s+(?:group|alliance|coalition|organi[sz]ation|movement|network))?"
_SAID_IT_DID = re.compile(_GROUP_NOUN + _ASIDE + r"\s+(?:later\s+)?(?:said|says|announced|stated)\b"
                          r"(?:[^.;]{0,30}?\s+|[^.;]{0,60}?\s+that\s+)(?:that\s+)?"
                          r"(?:it|they|its fighters|its men|its\s+(?:[A-Z][\w-]+\s+){1,3}"
                          r"(?:Province|branch|affiliate|wing))\s+"
                          r"(?:had\s+|has\s+|have\s+)?(?:carried out|conducted|was behind|"
                          r"were behind|launched|staged|perpetrated|mounted)\b", re.I)
# "JNIM later said its fighters had destroyed dozens of trucks": a group telling what it did
# in the fight is claiming it (read only for armed groups: an army that says it killed
# attackers is a side, not a claimant)
_SAID_IT_HARMED = re.compile(
    _ASIDE + r"\s+(?:later\s+)?(?:said|says|announced|stated|boasted)\b[^.;]{0,30}?"
    r"\s+(?:that\s+)?(?:it|they|its fighters|its men|its militants|its combatants)\s+"
    r"(?:had\s+|has\s+|have\s+)?(?:killed|destroyed|captured|seized|overran|overrun|"
    r"ambushed|attacked|targeted|shot down|downed|burned|torched|taken)\b", re.I)
# (not "X also said it had ambushed the convoy": another party telling an act of its own)
_SAID_IT_DID_THIS = re.compile(_ASIDE + r"\s+(?:later\s+)?(?:said|says|announced|stated|"
                               r"claimed|boasted)\b[^,.;]{0,30}?\s+(?:that\s+)?(?:it|they|"
                               r"(?P<men>its\s+(?:fighters|men|militants|combatants)))\s+"
                               r"(?:had\s+|has\s+|have\s+)?", re.I)
_WHICH_DID = re.compile(r"^\s*,\s+(?:which|who)\s+(?:had\s+|has\s+|also\s+|later\s+)*"
                        r"(?:staged|carried out|launched|conducted|mounted|perpetrated|"
                        r"was behind|were behind)\s+(?:the\s+|an?\s+|its\s+)?"
                        r"(?:[\w-]+\s+){0,3}$", re.I)
_OWNER = re.compile(r"['’]s?\s+(?:the\s+)?$")
_OF_NAME = re.compile(r"\s+of\s+(?:the\s+)?$", re.I)
_SPEAKER_AFTER = re.compile(r"\s+(?:(?:sources?|spokes(?:man|woman|person)|officials?|officer)\s+)?"
                            r"(?:said|says|told|reported|added|stated|confirmed)\b", re.I)
_SUFFERED = re.compile(r"\b(?:repelled|repulsed|foiled|thwarted|fended off|resisted|"
                       r"(?:came|come|coming)\s+under(?:\s+fire)?|"
                       r"suffered|survived|faced|were hit by|was hit by|"
                       r"(?:was|were)\s+the\s+targets?\s+of|"
                       # "Bazoum has been held since the coup": the one held is its victim
                       r"(?:was|were|(?:has|have|had)\s+been)\s+(?:\w+ly\s+)?(?:held|detained|"
                       r"wounded|injured|kidnapped|abducted|arrested|ousted|overthrown|deposed|"
                       r"toppled|captured|ambushed|attacked|targeted))\b", re.I)
# "a convoy of the FAMa hit an improvised explosive device", "an army truck struck a mine":
# the vehicle met the device, whoever laid it
_MET_DEVICE = re.compile(r"\)?(?:\s*\([^()]{1,15}\))?\s+(?:[\w-]+\s+){0,3}?(?:hit|struck|ran over|"
                         r"drove over|ran onto|stepped on)\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2}?"
                         r"(?:landmine|mine|IED|improvised explosive device|explosive device|"
                         r"explosive|roadside bomb|bomb)s?\b", re.I)
# "special forces ended the siege": those who end an attack took no side in it as its author
_ENDED = re.compile(r"\b(?:ended|put an end to|lifted|broke up)\b", re.I)
_CLAIM_BEFORE = re.compile(r"\b(?:claimed|claiming|claims)\s+(?:responsibility|credit)?", re.I)
# ("No group had claimed the attack by Monday, but sources point to X": no claim, and "by
# Monday" is no agent)
_CLAIM_BY = re.compile(r"(?<!\bno group had )(?<!\bno group has )(?<!\bnot )(?<!\bnobody )"
                       r"(?<!\byet to )\bclaim(?:ed)?\s+(?:\w+\s+){0,4}?by\s+"
                       r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|"
                       r"February|March|April|May|June|July|August|September|October|November|"
                       r"December|the end|the time|then|now|\d)\b)(?P<gap>[^.;]{0,80})$", re.I)
_CALLED = re.compile(r"\b(?:called|named|known as)\s+(?:the\s+)?$", re.I)
_ASSOC = re.compile(r"\b(?:with|alongside|in concert with|in conjunction with|together with|"
                    r"backed by|supported by|with the support of)\b", re.I)
_NOT_PARTICIPANT = re.compile(r"\b(?:affiliated with|affiliated to|linked to|linked with|loyal to|"
                              r"allied to|allied with|tied to|close to|part of|members? of|"
                              r"splinter of|branch of|offshoot of|founded by|led by|headed by|"
                              r"commanded by|created by|formed by|in support of|supporters of|"
                              r"in favou?r of)\s+(?:the\s+)?"
                              r"(?:[A-Z]?[a-z]+\s+){0,4}$")
# "In reprisal, members of the Koglweogo attacked ...": a clause's subject, the group acting
# (and "killed by members of the VDP": the agent)
_MEMBERS_SUBJECT = re.compile(r"(?:^|,\s+|\bby\s+)(?:(?:some|several|armed|suspected|alleged)\s+)?"
                              r"members\s+of\s+(?:the\s+)?$", re.I)
# the target of an operation the event happened during, not of the event's own verb
_DURING_OPERATION = re.compile(r"\bduring\s+(?:an?|the|its|their)\s+(?:[\w-]+\s+){0,2}"
                               r"(?:operation|offensive|sweep|campaign|patrol|raid)\s+(?:against|"
                               r"on|targeting)\s+(?:the\s+)?$", re.I)
_MODIFIER_AFTER = re.compile(r"[\s-]+(?:splinter|affiliate|affiliated|branch|franchise|offshoot|"
                             r"faction|linked|supporters?|leaders?|loyalists)\b", re.I)
# "armed men presumed to belong to the Katiba Macina": the name qualifies the men (the actors
# stage keeps the name in their place), so it is the clause's subject, not a preposition's object
PRESUMED_OF = re.compile(r",?\s+(?:(?:presumed|believed|suspected|thought|said|reported|alleged)\s+"
                         r"to\s+(?:belong\s+to|be\s+(?:members\s+of|from|part\s+of|"
                         r"fighters\s+of|linked\s+to))|loyal\s+to)\s+(?:the\s+)?"
                         r"(?:(?:[a-z][\w-]*\s+){0,2}(?:preacher|leader|commander|cleric|"
                         r"chief|emir|warlord)\s+)?", re.I)
_PRESUMED_BEFORE = re.compile(PRESUMED_OF.pattern + "$", re.I)
_UNIT_OF = re.compile(r"\b(?:(?:the|its|their)\s+force|convoy|column|patrol|unit|base|position|"
                      r"camp|contingent|detachment|team|group|checkpoint|post|fighter|militant|"
                      r"member|element|jihadist|rebel|separatist|insurgent|gunm[ae]n|militiam[ae]n|"
                      r"troop|soldier|men|combatant)s?\s+of\s+(?:the\s+)?$", re.I)
_LINKED_AFTER = re.compile(r"[\s-]+(?:splinter|affiliate|affiliated|branch|franchise|offshoot|"
                           r"faction|linked|supporters)\b", re.I)
_ACRONYM_AFTER = re.compile(r"^\)?\s*(?:\([^()]{1,15}\))?(?=[\s,])")
_WHO_THEN = re.compile(r"\s*,\s+who\s+(?:(?:had|have|has|then|later|quickly|eventually|"
                       r"soon|finally)\s+)*", re.I)
_RELATIVE_ASIDE = re.compile(r"\s*,\s+(?:who|which)\s[^;:()\"“”]{5,160}?,\s+")
_SUBORDINATE = re.compile(r"\b(?:when|after|while|before|because|until|as soon as)\b", re.I)
_GERUND_CLAUSE = re.compile(r"\b(?:after|before|while|when)\s+$", re.I)
_ALONG_BY = re.compile(r"\b(?:accompanied|escorted|assisted|aided|flanked|joined)\s+by\s+"
                       r"(?:the\s+|an?\s+)?$", re.I)
_NOT_DOER_BY = re.compile(r"\b(?:escorted|accompanied|protected|guarded|led|commanded|"
                          r"supervised|organi[sz]ed|flanked|supported|backed|used|run|owned|"
                          r"operated|carried|driven|manned)\s+by\s+(?:the\s+|an?\s+)?$", re.I)
# fights have two sides: in "X clashed with Y", Y is the other side, not X's associate
# "the sanctions imposed by ECOWAS": a participle that is not one of the event's own verbs
_OTHER_AGENT = re.compile(r"\s(?!(?:perpetrat|committ|stag|launch|conduct|orchestrat|mount|"
                          r"organi[sz]|plann|mastermind|order|claim|execut|carri|undertak|"
                          r"inflict|caus|fir|detonat|plant|set)\w*\s)[a-z]{3,}(?:ed|en)\s+by\s+"
                          r"(?:the\s+|an?\s+)?$")
_BY_MEMBERS_OF = re.compile(r"\bby\s+(?:the\s+)?(?:[\w-]+\s+)?(?:members|fighters|elements|men|"
                            r"militants|soldiers|troops|militiamen|units?|operatives|gunmen)\s+"
                            r"of\s+(?:the\s+)?$", re.I)
_RECIPROCAL = re.compile(r"clashed|fought|battled|exchanged fire|skirmished|clashing|fighting",
                         re.I)
_STATE_KINDS = frozenset({"state_forces", "police", "foreign_forces", "pmc", "mission",
                          "government"})


@dataclass
class Roles:
    actor1: list[Any]
    actor2: list[Any]
    assoc1: list[Any]
    assoc2: list[Any]
    claimed: list[Any]


def _between(text: str, a: int, b: int) -> str:
    return text[a:b] if a < b else ""


def assign_roles(text: str, trigger_start: int, trigger_end: int, trigger_form: str,
                 actors: Sequence[Any], sent_start: int, sent_end: int,
                 anchors: Sequence[tuple[int, int, str]] = ()) -> Roles:
    """Roles of the actor mentions of one sentence (or clause) with respect to one event.

    ``actors`` carry ``start``/``end`` in document coordinates (pack ``ActorMention``).
    ``anchors`` are all the event's trigger words (start, end, form): an actor's role is read
    against the nearest one ("JNIM killed dozens of soldiers in an attack": JNIM is the subject
    of "killed", which describes the same attack)."""
    roles = Roles([], [], [], [], [])
    anchors = sorted(set(anchors) | {(trigger_start, trigger_end, trigger_form)})
    # a claim is made by a name: "the attackers claimed to have killed ..." is no claimant
    claims = [a for a in find_claims(text, actors, sent_start, sent_end)
              if getattr(a, "kind", "named") != "generic"]
    claimed_ids = {id(a) for a in claims}
    roles.claimed = claims
    last_role: str | None = None
    last_end = -1
    prev: Any = None
    ordered = sorted(actors, key=lambda m: m.start)
    for i, a in enumerate(ordered):
        follows_name = prev is not None and getattr(a, "kind", "") == "generic" and \
            getattr(prev, "kind", "") in ("named", "demonym") and \
            not text[prev.end:a.start].strip()
        prev = a
        if follows_name:
            continue  # "JNIM militants", "Wagner troops": one actor
        nxt = ordered[i + 1] if i + 1 < len(ordered) else None
        if getattr(a, "kind", "") == "generic" and nxt is not None and \
                getattr(nxt, "kind", "") == "named" and (
                    _OF_NAME.match(text, a.end, nxt.start) or not text[a.end:nxt.start].strip()):
            continue  # "fighters of the CSP-DPA", "the Islamist group Ansar Dine": the name says
            # who they are
        if nxt is not None and getattr(nxt, "kind", "") == "named" and \
                getattr(a, "kind", "") == "named" and _OWNER.match(text, a.end, nxt.start):
            continue  # "Belmokhtar's Masked Men Brigade merged": the group is the side
        if id(a) in claimed_ids or not (sent_start <= a.start < sent_end):
            continue
        if _NOT_PARTICIPANT.search(text[max(0, a.start - 50):a.start]) and not \
                _MEMBERS_SUBJECT.search(text, max(sent_start, a.start - 60), a.start) or \
                _LINKED_AFTER.match(text, a.end):
            continue  # "a group affiliated with al-Qaeda", "the al-Qaeda linked group JNIM"
        if any(s <= a.start < e for s, e, _ in anchors):
            continue  # the trigger is inside the actor's name
        if _SPEAKER_AFTER.match(text, a.end) and not said_it_did(text, a, anchors):
            continue  # "..., the French army said": the source of the report, not a side
        right = [x for x in anchors if x[0] >= a.end]
        left = [x for x in anchors if x[1] <= a.start]
        r_gap = right[0][0] - a.end if right else 10**6
        l_gap = a.start - left[-1][1] if left else 10**6
        sides = ("right", "left") if r_gap <= l_gap else ("left", "right")
        role = None
        for side in sides:
            # the nearest trigger first; when it gives the actor no role, the other side may
            # ("soldiers were killed when JNIM fighters overran the base": JNIM is the subject
            # of "overran", not an object of "killed")
            if side == "right" and right:
                role = _role_toward(text, a, right[0])
            elif side == "left" and left:
                t_start, t_end, form = left[-1]
                if form == "nouns" and text[t_end - 3:t_end].lower() == "ing":
                    form = "verbs"  # "..., killing 26 soldiers": a gerund takes an object
                gap = _between(text, t_end, a.start)
                if len(gap) <= MAX_GAP and not _CLAUSE_BREAK.search(gap):
                    role = _role_after(gap, form,
                                       _RECIPROCAL.fullmatch(text, t_start, t_end) is not None)
            if role is not None:
                break
        if role is None and last_role is not None and _between(text, last_end, a.start).strip(
                " ,").lower() in ("and", "as well as", "and the", "and their"):
            role = "same"  # "a convoy of Malian and Wagner troops": a pair shares its role
        if role == "same" and last_role is not None:
            joint = _between(text, last_end, a.start).strip(" ,").lower()
            if joint in ("and", "as well as", "or", "", "and the", "and their"):
                role = {"actor1": "assoc1", "actor2": "assoc2"}.get(last_role, last_role)
            else:
                role = None
        if role == "with_prev":  # the companion shares the side of the actor it goes with
            role = {"actor1": "assoc1", "actor2": "assoc2"}.get(last_role or "")
        if role is None or role == "same":
            continue
        if str(a.actor_id).startswith("civilians") and role in ("actor1", "assoc1"):
            role = "actor2"  # civilians are never the perpetrators of an event (ACLED)
        if role == "actor1" and roles.actor1:
            role = "assoc1"
        elif role == "actor2" and roles.actor2:
            role = "assoc2"
        getattr(roles, role).append(a)
        last_role = "actor1" if role == "assoc1" else "actor2" if role == "assoc2" else role
        last_end = a.end
    _promote(roles)
    return roles


def _role_toward(text: str, a: Any, trigger: tuple[int, int, str]) -> str | None:
    """The role of an actor named before the trigger."""
    t_start, t_end, form = trigger
    if _MET_DEVICE.match(text, a.end, min(len(text), t_end + 40)):
        return "actor2"
    gap = _between(text, a.end, t_start)
    if _WHICH_DID.match(gap) and getattr(a, "kind", "") == "named":
        return "actor1"  # "ISGS, which staged the 2017 attack that killed ..."
    # "the Malian Armed Forces (FAMa) neutralised", "(FAMa) neutralised": the acronym is the name
    gap = _ACRONYM_AFTER.sub("", gap, count=1)
    if form == "verbs" and _WHO_THEN.fullmatch(gap) and getattr(a, "kind", "") == "named":
        # "drawing the ire of French troops, who beat them back", "gunmen attacked soldiers,
        # who repelled them": the relative pronoun's antecedent does the verb right after it
        return "actor2" if _SUFFERED.fullmatch(text[t_start:t_end]) else "actor1"
    if _tells_own_act(_SAID_IT_DID_THIS.fullmatch(gap), text, t_start, t_end):
        # "JNIM, al-Qaeda's affiliate in the Sahel, said it killed 100 soldiers", "the army said
        # it had retaken the town": the speaker tells its own act
        return "actor2" if _SUFFERED.fullmatch(text[t_start:t_end]) else "actor1"
    if form == "verbs" and _RELATIVE_ASIDE.fullmatch(gap):
        # "Rebels of the FACT, who had been marching on the capital since April, clashed":
        # the subject, its relative clause, then its verb
        return "actor1"
    if len(gap) > MAX_GAP or _CLAUSE_BREAK.search(gap):
        return None
    role = _role_before(text, a, gap, form, t_end)
    if role == "actor1" and _SUBORDINATE.search(gap) and not (
            text[t_start:t_end].lower().endswith("ing") and _GERUND_CLAUSE.search(gap)):
        return None  # "Twelve soldiers died when gunmen overran the post": another clause's verb
        # (but "troops entered the town after fighting with rebels": a gerund with no subject
        # of its own is the main subject's act)
    if role == "actor1" and _SUFFERED.fullmatch(text[t_start:t_end]):
        return "actor2"  # "Malian soldiers repelled an attack": they were attacked
    return role


def _role_before(text: str, actor: Any, gap: str, form: str, trigger_end: int) -> str | None:
    if _POSSESSIVE.match(gap):
        return "actor1"  # "JNIM's attack"
    if _SUFFERED.search(gap):
        return "actor2"  # "soldiers repelled an attack", "the convoy came under fire"
    if _ENDED.search(gap):
        return None
    low = gap.lower()
    preceding = text[max(0, actor.start - 25):actor.start].lower()
    if re.search(r"\b(?:on|against|targeting)\s+(?:the\s+|a\s+)?$", preceding):
        return "actor2"
    if re.search(r"\bby\s+(?:the\s+|an?\s+|some\s+of\s+)?$", preceding):
        if _ALONG_BY.search(preceding):
            return "with_prev"  # "troops, accompanied by Russian paramilitaries, entered"
        if _NOT_DOER_BY.search(preceding):
            return None  # "a convoy escorted by soldiers was ambushed": the escort is not the doer
        return "actor1"  # "an assault by X and Y ... on": handled as 'by' even before
    if _ASSOC.search(preceding[-20:]):
        return "assoc1"
    if re.search(r"\b(?:of|from|in|at|near|for|to|about|between|among)\s+(?:the\s+)?$",
                 preceding) and not _UNIT_OF.search(preceding) and not _PRESUMED_BEFORE.search(
                     text, max(0, actor.start - 60), actor.start):
        # the object of a preposition is not the clause's subject, but "the last soldiers of
        # Operation Barkhane left" is Barkhane's act
        return None
    if re.search(r"\band\s+$", preceding):
        return "same"
    passive = bool(_PASSIVE.search(gap)) and form == "verbs" and \
        bool(re.match(r"^\w+ed\b|^\w+en\b", text[trigger_end - 12:trigger_end].split()[-1]
                      if text[trigger_end - 12:trigger_end].split() else ""))
    if passive:
        return "actor2"  # "Soldiers were ambushed"
    if form in ("verbs", "phrases") or re.search(r"\b(?:launched|carried out|staged|conducted|"
                                                  r"claimed|mounted|led|committed|signed|"
                                                  r"reached|concluded|announced|organi[sz]ed|"
                                                  r"held|began|started|engaged in|"
                                                  r"undertook)\b", low):
        return "actor1"
    if form in ("nouns", "plurals"):
        # "a JNIM attack", "militant attack"; not "X, hostage and killing"
        return "actor1" if len(gap.split()) <= 2 and not re.search(
            r"[,]|\b(?:and|in|on|at|of|for|during|after|with)\b", gap, re.I) else None
    return None


_CARRYING = re.compile(r"\b(?:carrying|transporting|ferrying)\s+(?:[\w-]+\s+){0,2}$", re.I)


def _role_after(gap: str, form: str, reciprocal: bool = False) -> str | None:
    if "during" in gap and _DURING_OPERATION.search(gap):
        return None  # "killed dozens of people during an operation against jihadists"
    preps = list(_PREP_AFTER.finditer(gap))
    if not preps:
        words = gap.split()
        if form in ("verbs", "phrases") and len(words) <= 3:
            return "actor2"  # "ambushed a convoy of X" / "killed X"
        return None
    words = [p.group("p").lower() for p in preps]
    if form in ("verbs", "phrases") and "by" not in words and _CARRYING.search(gap):
        return "actor2"  # "ambushed a convoy of five buses carrying mine workers"
    if gap.rstrip().endswith(","):
        return None  # ", Abu Bakr al-Baghdadi was quick to...": a new clause's subject
    while len(words) > 1 and (words[-1] == "and" or words[-1] == "of" and _UNIT_OF.search(gap)) \
            and any(w in ("by", "on", "against", "targeting") for w in words[:-1]):
        words.pop()  # "by X and JNIM", "on a convoy of Malian troops": the earlier one rules
    p = words[-1]
    if p == "of" and _BY_MEMBERS_OF.search(gap):
        return "actor1"  # "killed ... by members of the VDP": the group's men did it
    if p == "by" and _OTHER_AGENT.search(gap):
        return None  # "protested against the sanctions imposed by ECOWAS": another verb's agent
    if p == "by" or p in ("backed by", "supported by") and len(preps) == 1:
        return "actor1" if p == "by" else "assoc1"
    if p in ("on", "against", "targeting", "targeted", "at", "into"):
        return "actor2"
    if p == "with" and form == "verbs" and len(preps) == 1 and len(gap.split()) <= 3 \
            and reciprocal:
        return "actor2"  # "rebels clashed with the army": the other side of the fight
    if p in ("with", "alongside", "in concert with", "in conjunction with", "together with"):
        return "assoc1"
    if p == "and":
        return "same"
    if p == "of" and form in ("verbs", "phrases") and len(gap.split()) <= 4:
        return "actor2"  # "killed dozens of Wagner mercenaries"
    return None


def _promote(roles: Roles) -> None:
    """An associate with no principal takes the principal's place."""
    if not roles.actor1 and roles.assoc1 and not roles.claimed:
        # ("X claimed it, saying it acted together with Y": Y is X's associate, X the claimant)
        roles.actor1.append(roles.assoc1.pop(0))
    if not roles.actor2 and roles.assoc2:
        roles.actor2.append(roles.assoc2.pop(0))


def find_claims(text: str, actors: Sequence[Any], sent_start: int, sent_end: int) -> list[Any]:
    """Actors the sentence says claimed responsibility ("X claimed", "claimed by ... called X")."""
    out: list[Any] = []
    inside = [a for a in actors if sent_start <= a.start < sent_end]
    for i, a in enumerate(inside):
        after = text[a.end:min(sent_end, a.end + 140)]
        # ("The Islamic State West Africa Province (ISWAP) later claimed the raid")
        if re.match(r"^\)?(?:[’']s?(?:\s+[A-Z][\w-]+)?\s+(?:branch|affiliate|province|wing)|"
                    r"[’']s?)?(?:\s*\([^()]{1,40}\))?"
                    r"(?:\s+(?:group|organi[sz]ation|movement|network))?"
                    r"(?:\s+(?:late\s+|early\s+)?on\s+[A-Z]\w+)?"  # "the group on Thursday claimed"
                    r"\s*(?:,[^,.;]{1,100},\s*|(?:\s+[\w-]+){1,5}\s+(?:that|which|who)"
                    r"\s+)?(?:has\s+|had\s+|have\s+|also\s+|already\s+|later\s+|quickly\s+|"
                    r"both\s+|"
                    r"jointly\s+|separately\s+|reportedly\s+)*(?:claimed|claims|claiming)\b",
                    after, re.I) or \
                _SAID_IT_DID.match(text, a.end, min(sent_end, a.end + 140)):
            prev = next((b for b in reversed(inside[:i])
                         if getattr(b, "kind", "named") != "generic"), None)
            if prev is not None and getattr(prev, "kind", "") == "named" and re.fullmatch(
                    r"\s+of\s+(?:the\s+)?", text[prev.end:a.start]):
                a = prev  # "the Signed-in-Blood battalion of Mokhtar Belmokhtar claimed": his
                # battalion claims
                prev = next((b for b in reversed(inside[:inside.index(a)])
                             if getattr(b, "kind", "named") != "generic"), None)
            out.append(a)  # "JNIM said on Saturday that it had carried out the bombing"
            if prev is not None and prev not in out and re.match(
                    r"^\s+and\s+(?:[\w-]+\s+){0,5}$", text[prev.end:a.start]) and (
                    re.match(r"^\s+both\b", after) or re.search(
                        r"\bboth\s+(?:the\s+)?$", text[max(sent_start, prev.start - 12):prev.start],
                        re.I)):
                out.insert(len(out) - 1, prev)  # "the CSP-DPA and fighters from JNIM both claimed"
            continue
        if _MODIFIER_AFTER.match(text, a.end):
            continue  # "an al-Qaeda splinter group called X": the claimant is X
        before = text[max(sent_start, a.start - 120):a.start]
        m = _CLAIM_BY.search(before)
        if m is None:
            continue
        # "claimed by an al-Qaeda splinter group called Mourabitoun": the named one counts
        later = [b for b in inside[i + 1:] if b.start - a.end < 40
                 and _CALLED.search(text[a.end:b.start])]
        if later:
            continue
        if any(b in out for b in inside[:i]) and not re.search(r"\b(?:and|or)\s+$",
                                                                  text[:a.start]):
            continue
        out.append(a)
    return out


def said_it_did(text: str, actor: Any, anchors: Sequence[tuple[int, int, str]]) -> bool:
    """ "JNIM said it killed ...": the speaker is the subject of a trigger it tells of."""
    return any(s > actor.end and _tells_own_act(
        _SAID_IT_DID_THIS.fullmatch(text, actor.end, s), text, s, e) for s, e, _ in anchors)


def _tells_own_act(said: re.Match[str] | None, text: str, start: int, end: int) -> bool:
    """Whether a "X said it ..." match tells X's own act at the trigger ``start:end``: "its
    fighters" only with a verb of harm ("JNIM said its fighters had killed 200 soldiers"; what
    they "destroyed" in a fight told before stays a claim)."""
    return said is not None and (said.group("men") is None
                                 or _HARMED.match(text, start, end) is not None)


_HARMED = re.compile(r"(?:killed|attacked|ambushed|overran|overrun|stormed|shot|struck)\b", re.I)


def is_state(actor_kind: str | None) -> bool:
    return actor_kind in _STATE_KINDS


def said_it_harmed(text: str, actor: Any, sent_end: int) -> bool:
    """ "JNIM said it had captured seven soldiers": the speaker tells what it did."""
    return _SAID_IT_HARMED.match(text, actor.end, min(sent_end, actor.end + 100)) is not None


def side_taken_from(text: str, trig_end: int, hi: int, actors: Sequence[Any],
                    roles: Any) -> None:
    """The side a town was taken from, for a taking that names none yet: "retaking the town
    from Tuareg-led rebels of the CSP", "regained control of Anefis after clashes with the
    CSP"."""
    if " from " in text[trig_end:hi]:
        lost = [a for a in actors if a.start > trig_end and FROM_BEFORE.search(
            text, max(trig_end, a.start - 50), a.start)]
        if lost:
            i = list(actors).index(lost[0])
            named_after = actors[i + 1] if i + 1 < len(actors) else None
            if named_after is not None and getattr(named_after, "kind", "") == "named" and \
                    re.fullmatch(r"\s+of\s+(?:the\s+)?", text[lost[0].end:named_after.start]):
                lost = [named_after]
            for group in (roles.actor1, roles.assoc1, roles.assoc2):
                if lost[0] in group:
                    group.remove(lost[0])
            roles.actor2 = lost[:1]
    if not roles.actor2 and " with " in text[trig_end:hi]:
        fought = [a for a in roles.assoc1 if FIGHT_WITH.search(
            text, max(trig_end, a.start - 40), a.start)]
        if fought:
            roles.assoc1.remove(fought[0])
            roles.actor2 = fought[:1]
