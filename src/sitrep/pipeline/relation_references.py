"""Mentions that name an actor without its name, for the relation patterns.

A person named in full is found again by surname ("Mokhtar Belmokhtar ... Belmokhtar split
with"); a sentence opening with "The group", "It", "Its" or "The volunteers" refers to the
previous sentence's subject, "Both militias" or "All three" to its actors of that kind; "he",
"she" and an opening "His" to the one person in view; "the army" to the one national army the
text has named. Each resolution is made only when it is clear-cut: never a guess between two.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class ActorSpan:
    """An actor mention in document coordinates."""

    start: int
    end: int
    actor_id: str


_SURNAME = re.compile(r"^(?:[a-z]{1,4}[-‑])?[A-Z][\w'’-]{2,}$")
_PARTICLE_BEFORE = re.compile(r"\b([A-Za-z]{2,4}) $")


def actor_kind(pack: Any, actor_id: str) -> str | None:
    actor = pack.actors.find(actor_id) if pack is not None else None
    return actor.kind if actor is not None else None


def surname_mentions(text: str, actors: Sequence[ActorSpan], pack: Any) -> list[ActorSpan]:
    """Later mentions of a person by surname alone, once the document has named them in full.

    Only a capitalised last word of at least four letters that no other actor of the document
    ends with, and only where no actor mention already sits."""
    if pack is None:
        return []
    last: dict[str, set[str]] = {}
    particles: dict[str, set[str]] = {}
    first_seen: dict[str, int] = {}
    for a in actors:
        words = text[a.start:a.end].split()
        if len(words) < 2:
            continue
        last.setdefault(words[-1], set()).add(a.actor_id)
        if len(words) >= 3 and len(words[-2]) <= 4:
            particles.setdefault(a.actor_id, set()).add(words[-2].lower())
        if actor_kind(pack, a.actor_id) == "person":
            first_seen[a.actor_id] = min(first_seen.get(a.actor_id, a.end), a.end)
    taken = sorted((a.start, a.end) for a in actors)
    out: list[ActorSpan] = []
    for word, ids in last.items():
        if len(ids) != 1 or len(word) < 4 or not _SURNAME.match(word):
            continue
        (actor_id,) = ids
        if actor_id not in first_seen:
            continue
        for m in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text):
            if m.start() < first_seen[actor_id]:
                continue
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            # "Ag Ghaly", "Ould Hamaha": the name's particle goes with the surname
            start = m.start()
            p = _PARTICLE_BEFORE.search(text, max(0, start - 6), start)
            if p and p.group(1).lower() in particles.get(actor_id, ()):
                start = p.start(1)
            out.append(ActorSpan(start, m.end(), actor_id))
    return out


GROUP_KINDS = frozenset({"jihadist_group", "armed_group", "militia"})
# "The group", "This militia" opening a sentence: the one actor of that kind the previous
# sentence named (never a guess between two).
_DEFINITE = re.compile(r"\s*((?:The|This|That) (?:new |armed |jihadist |rebel |[A-Z][a-z]+ |"
                       r"[A-Z]?[a-z]+-[a-z]+ )?"
                       r"(group|coalition|"
                       r"movement|organi[sz]ation|alliance|militia|faction|network|force|"
                       r"mission|volunteers|militiamen|jihadists|insurgents|rebels|"
                       r"mercenaries|contractors|peacekeepers)|"
                       r"(?:(?:Within|In|By|After|Later|Soon|Since|Two|Three|A|Months|Years|"
                       r"Weeks)(?: [a-z0-9]+){0,3},? )?(It|Its)|(?:(?:Within|In|By|After|"
                       r"Later|Soon|Since|Two|Three|A|Months|Years|Weeks)(?: [a-z0-9]+){0,3},? )"
                       r"(it))\b")
_PLURAL = re.compile(r"\s*((Both|The two|These two|All three|The three|These three|All four|"
                     r"The four)(?: (?:armed |rebel |jihadist |allied |military )?"
                     r"(groups|militias|movements|organi[sz]ations|factions|juntas|governments|"
                     r"countries|states))?)\b")
_RIGHT_AFTER = re.compile(r",? (?:the )?")  # "Under the leadership of Y, JNIM ..."
_PLURAL_COUNT = {"both": 2, "two": 2, "three": 3, "four": 4}
_NOUN_KINDS = {"militia": frozenset({"militia", "armed_group"}),
               "juntas": frozenset({"government"}),
               "governments": frozenset({"government"}),
               "countries": frozenset({"government"}),
               "states": frozenset({"government"}),
               "militias": frozenset({"militia", "armed_group"}),
               "force": frozenset({"foreign_forces", "mission", "pmc"}),
               "mission": frozenset({"mission", "foreign_forces"}),
               # members named for their group: "The volunteers fight beside the army"
               "volunteers": frozenset({"militia"}),
               "militiamen": frozenset({"militia"}),
               "jihadists": frozenset({"jihadist_group"}),
               "insurgents": frozenset({"jihadist_group", "armed_group"}),
               "rebels": frozenset({"armed_group"}),
               "mercenaries": frozenset({"pmc"}),
               "contractors": frozenset({"pmc"}),
               "peacekeepers": frozenset({"mission"}),
               "it": GROUP_KINDS | {"foreign_forces", "mission", "pmc"},
               "its": GROUP_KINDS | {"foreign_forces", "mission", "pmc"}}
GROUP_SEP = "|"  # one mention standing for several actors ("Both militias")


def definite_mentions(text: str, sentences: Sequence[tuple[int, int]],
                      actors: Sequence[ActorSpan], pack: Any) -> list[ActorSpan]:
    """Sentence-initial references to the previous sentence's actors: "The coalition is led
    by ...", "It ...", "Its fighters ..." stand for that sentence's subject (its first actor,
    near its start, of a fitting kind); "Both militias" for its two actors of that kind."""
    if pack is None:
        return []
    out: list[ActorSpan] = []
    prev: list[ActorSpan] = []
    prev_start = 0
    for s_start, s_end in sorted(sentences):
        here = [a for a in actors if s_start <= a.start and a.end <= s_end]
        found = None
        m = _DEFINITE.match(text, s_start)
        p = _PLURAL.match(text, s_start)
        if m and prev and not any(a.start < m.end(1) for a in here):
            which = next(g for g in (2, 3, 4) if m.group(g))  # the noun or the pronoun
            noun = m.group(which).lower()
            kinds = _NOUN_KINDS.get(noun, GROUP_KINDS)
            # its first actor of that kind, when nothing but a leader's name or a short
            # opening comes first ("Under the leadership of Y, JNIM ...")
            subject = min(prev, key=lambda a: a.start)
            near = subject.start - prev_start <= 40
            if actor_kind(pack, subject.actor_id) == "person":
                leader = subject
                subject = min((a for a in prev if actor_kind(pack, a.actor_id) != "person"),
                              key=lambda a: a.start, default=subject)
                near = near and _RIGHT_AFTER.fullmatch(text, leader.end, subject.start) is not None
            if near and actor_kind(pack, subject.actor_id) in kinds:
                start = m.start(1) if which == 2 else m.start(which)
                found = ActorSpan(start, m.end(1), subject.actor_id)
        elif p and prev and not any(a.start < p.end(1) for a in here):
            # "Both militias", "All three juntas", "All three": the previous sentence's actors
            # of that kind (without a noun: of its first actor's kind), exactly that many
            first = min(prev, key=lambda a: a.start)
            kinds = (_NOUN_KINDS.get(p.group(3).lower(), GROUP_KINDS) if p.group(3)
                     else frozenset({actor_kind(pack, first.actor_id) or ""}))
            ids = list(dict.fromkeys(a.actor_id for a in sorted(prev, key=lambda a: a.start)
                                     if actor_kind(pack, a.actor_id) in kinds))
            if len(ids) == _PLURAL_COUNT[p.group(2).split()[-1].lower()]:
                found = ActorSpan(p.start(1), p.end(1), GROUP_SEP.join(ids))
        if found is not None:
            out.append(found)
            here = [found, *here]
        prev, prev_start = here, s_start
    return out


# "the army" after "a Malian army drone": the one national army the text has named before
_BARE_ARMY = re.compile(r"\b[Tt]he (?:army|military|armed forces)\b(?!['’])")


def army_mentions(text: str, actors: Sequence[ActorSpan], pack: Any) -> list[ActorSpan]:
    """"The army" with no country stands for the one state force named earlier in the text
    (never a guess between two armies); a text that names none leaves it unresolved."""
    if pack is None:
        return []
    forces = sorted((a for a in actors if actor_kind(pack, a.actor_id) == "state_forces"),
                    key=lambda a: a.start)
    if not forces:
        return []
    out: list[ActorSpan] = []
    for m in _BARE_ARMY.finditer(text):
        if any(a.start < m.end() and m.start() < a.end for a in actors):
            continue  # part of a longer name ("the army of Mali")
        named = {a.actor_id for a in forces if a.end <= m.start()}
        if len(named) == 1:
            out.append(ActorSpan(m.start(), m.end(), named.pop()))
    return out


# "..., alleging that he is in charge of X": a subject pronoun after "that" or a clause break
# or after a short opening phrase ("Two years later he fell out with ...", "In 2015, she ...")
_PERSON_PRONOUN = re.compile(r"(?:^\s*(?:(?:[A-Z][a-z]*|[Ii]n|[Oo]n|[Aa]fter|[Bb]y)"
                             r"(?: [a-z0-9]+){0,3},? )?|\bthat\s+|[,;]\s+(?:and\s+|but\s+)?)"
                             r"(He|he|She|she)\s+[a-z]+\b(?!['’])")
# "His new group, known as X": a sentence-initial possessive for the same person
_PERSON_POSSESSIVE = re.compile(r"^\s*(His|Her)\b")


_ANY_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he|His|Her)\b")


def pronoun_mentions(text: str, sentences: Sequence[tuple[int, int]],
                     actors: Sequence[ActorSpan], pack: Any) -> list[ActorSpan]:
    """A subject "he"/"she" stands for the one person named before it in its sentence or, when
    the sentence names none, in the previous one (never a guess between two people)."""
    people_ids = {a.actor_id for a in actors} if pack is not None else set()
    people_ids = {a for a in people_ids if actor_kind(pack, a) == "person"}
    if not people_ids or _ANY_PRONOUN.search(text) is None:
        return []  # the common case, decided once per document instead of per sentence
    out: list[ActorSpan] = []
    prev_people: list[str] = []
    # the previous sentence's subject when it was itself a pronoun: the text keeps talking about
    # one person ("In 2015 he fell out with B ... His new group"), so that person, not B
    prev_subject: str | None = None
    for s_start, s_end in sorted(sentences):
        here = sorted((a for a in actors if s_start <= a.start and a.end <= s_end),
                      key=lambda a: a.start)
        opening = _PERSON_POSSESSIVE.match(text[s_start:s_end])
        for m in [*_PERSON_PRONOUN.finditer(text[s_start:s_end]),
                  *([opening] if opening else [])]:
            start, end = s_start + m.start(1), s_start + m.end(1)
            before = list(dict.fromkeys(a.actor_id for a in here if a.end <= start
                                        and a.actor_id in people_ids))
            people = before or prev_people
            if len(people) == 1:
                found = people[0]
            elif not before and prev_subject is not None:
                found = prev_subject
            else:
                continue
            span = ActorSpan(start, end, found)
            out.append(span)
            here = sorted([*here, span], key=lambda a: a.start)
        people_here = [a for a in here if a.actor_id in people_ids]
        prev_people = list(dict.fromkeys(a.actor_id for a in people_here))
        resolved = {(a.start, a.end) for a in out}
        prev_subject = next((a.actor_id for a in people_here[:1]
                             if a.start - s_start <= 40 and (a.start, a.end) in resolved), None)
    return out


# "The al-Qaeda affiliate, which ..." opening a sentence: the previous sentence's subject,
# described through its parent (the description names the parent, and states the tie)
_DESCRIBED = re.compile(r"\s*((?:The|This) (?:[\w'’-]+ ){1,3}?"
                        r"(?:affiliate|branch|franchise|wing))\b")


def described_subjects(text: str, sentences: Sequence[tuple[int, int]],
                       actors: Sequence[ActorSpan],
                       pack: Any) -> list[tuple[ActorSpan, str]]:
    """Each sentence-initial "The <parent> affiliate" standing for the previous sentence's
    subject (a group named first, near its start), with the parent it names; the parent must
    be the description's only actor and a group other than the subject."""
    if pack is None:
        return []
    out: list[tuple[ActorSpan, str]] = []
    prev: list[ActorSpan] = []
    prev_start = 0
    for s_start, s_end in sorted(sentences):
        here = [a for a in actors if s_start <= a.start and a.end <= s_end]
        m = _DESCRIBED.match(text, s_start, s_end)
        if m and prev:
            inner = [a for a in here if m.start(1) <= a.start and a.end <= m.end(1)]
            subject = min(prev, key=lambda a: a.start)
            parents = {a.actor_id for a in inner}
            if (len(parents) == 1 and subject.start - prev_start <= 40
                    and actor_kind(pack, subject.actor_id) in GROUP_KINDS
                    and actor_kind(pack, inner[0].actor_id) in GROUP_KINDS
                    and subject.actor_id not in parents
                    and not any(a.start < m.start(1) for a in here)):
                out.append((ActorSpan(m.start(1), m.end(1), subject.actor_id),
                            inner[0].actor_id))
        prev, prev_start = here, s_start
    return out
