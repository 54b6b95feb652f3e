"""Which trigger words of a sentence tell an event: not a word inside an actor's name, a
hypothesis, a denied report, a sound, a participle used as an adjective, a charge, a time mark
("since a deadly attack last year"), a fight's captured counted in its toll, fighters massing,
a memorial, a group's history told in passing, an accord already named, a comparison or a
reference to another event; and, before that, which lexicon hits are event words where they
stand (``triggers_by_sentence``). Split from ``events`` to keep each module about one job."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from . import attribution as attr
from . import event_cues as cue
from .event_context import told_in_passing
from .framework import Sentence, WorkDoc
from .triggers import Trigger

__all__ = ["telling_triggers", "triggers_by_sentence"]


def triggers_by_sentence(work: WorkDoc, lexicon_triggers: Sequence[Trigger]
                         ) -> dict[int, list[Trigger]]:
    """The lexicon's hits that are event words where they stand, by sentence index: not a
    month ("late March"), a verb without the town it takes, the weapons of a fight, how
    attackers came, a participle, what a force does, or a motive."""
    by_sentence: dict[int, list[Trigger]] = {}
    dated = [(d.start, d.end) for d in work.dates]
    motives = cue.MOTIVE_CUE.search(work.text) is not None
    for t in lexicon_triggers:
        if any(a <= t.start < b for a, b in dated):
            continue  # "late March" is a month, not a march
        if t.entry.needs_place_object and not any(
                t.end < pm.start <= t.end + 2 and res.geo_precision < 3 for pm, res in work.places):
            continue  # "seized weapons": the verb takes a town only with the town as its object
        if t.form == "plurals" and t.text.lower().split()[-1] in cue.MUNITIONS and \
                cue.WEAPONS_USED.search(work.text, max(0, t.start - 30), t.start):
            continue  # "heavily armed men who used shells and mortars": the weapons of a fight
        if t.text.lower() == "arrived in" and cue.BY_VEHICLE.match(work.text, t.end):
            continue  # "armed men who arrived in pick-up trucks": how they came, not a base
        if t.text.lower() in ("shooting", "shootings") and not cue.NOUN_DET_BEFORE.search(
                work.text, max(0, t.start - 40), t.start):
            continue  # "went door to door, shooting men": a participle; "the shooting at X"
        if t.text.lower() in ("fighting", "battling", "combating") and cue.FORCE_FIGHTING.search(
                work.text, max(0, t.start - 40), t.start):
            continue  # "the task force fighting the insurgents": what a force does
        s = work.sentence_at(t.start)
        if s is not None and not (motives and cue.MOTIVE.search(
                work.text, max(s.start, t.start - 130), t.start)):
            by_sentence.setdefault(s.idx, []).append(t)
    return by_sentence


def telling_triggers(sent: Sentence, triggers: list[Trigger], actors: Sequence[Any],
                     places: Sequence[Any], dates: Sequence[Any]) -> list[Trigger]:
    """The triggers of ``sent`` that tell an event (``actors``, ``places`` and ``dates`` are
    the sentence's mentions); weak words only where no strong one is left."""
    rel = sent.text
    usable: list[Trigger] = []
    memorial = any(t.entry.id == "protest" and t.form == "verbs" and cue.MEMORIAL_AFTER.match(
        rel, t.end - sent.start) for t in triggers) and not cue.PROTEST_AIM.search(rel)
    for t in triggers:
        if any(x.start <= t.start < x.end for x in actors):
            continue  # "Battle" inside an actor's name
        a, b = t.start - sent.start, t.end - sent.start
        if attr.is_hypothetical(rel, a, b) or cue.NEGATED_BEFORE.search(rel[max(0, a - 30):a]):
            continue
        if "eports" in rel or "umo" in rel or "claims" in rel or "allegations" in rel:
            denial = cue.DENIED_REPORT.search(rel, max(0, a - 90), a)
            if denial and not cue.DENIED_ROLE.search(denial.group(0)):
                continue  # "denied reports that its camp had been overrun": no event told
        if t.entry.type == "Explosions/Remote violence" and "heard" in rel and \
                cue.HEARD.match(rel, b):
            continue  # "gunfire and explosions were heard": the sound of a fight, not a bombing
        if t.form == "verbs" and cue.DETERMINER_BEFORE.search(rel, max(0, a - 6), a):
            continue  # "the besieged town", "a destroyed bridge": a participle as adjective
        if t.form == "verbs" and t.text.lower().endswith("ing") and \
                cue.GERUND_OBJECT.search(rel, max(0, a - 6), a):
            continue  # "accuses it of attacking villages", "jailed for looting": a charge
        if t.form in ("nouns", "plurals") and cue.CHARGE_BEFORE.search(rel, max(0, a - 50), a):
            continue  # "accused of the abduction and murder of 21 soldiers": a charge
        since = cue.SINCE_EVENT.search(rel, max(0, a - 60), a) if "ince" in rel else None
        if since and not any(sent.start + since.start() <= pm.start <= t.end + 40
                             and res.geo_precision < 3 for pm, res in places) and not any(
                sent.start + since.start() <= d.start < t.end + 40 and d.precision == "day"
                for d in dates):
            continue  # "since a deadly attack on soldiers last year": a time mark (but "since
            # the Inatès attack", "since the 26 July coup" tell which event)
        if t.entry.id == "arrests" and t.form == "verbs" and any(
                u.entry.weak for u in triggers) and cue.COUNTED.search(rel, max(0, a - 30), a):
            continue  # "seven terrorists neutralised and eight arrested": the fight's toll
        if t.entry.id == "protest" and t.form == "verbs" and cue.ARMED_BEFORE.search(
                rel, max(0, a - 40), a) or memorial and (t.entry.id == "protest" or t.entry.weak):
            continue  # fighters massing; relatives gathered to remember the dead (and "the
            # soldiers killed at X" they remember is that past event, not a new one)
        if told_in_passing(t, rel, a, sent.start, actors) and not (
                t.entry.id in ("arrests", "abduction", "coup") and any(
                    d.precision == "day" and t.end <= d.start <= t.end + 60 for d in dates)):
            continue  # "Katiba Macina, founded in 2015 by ...,": a group's history in passing
            # (but "X, who was arrested at his home on 3 December", "the CNSP, which ousted
            # the president on Wednesday": the day makes an arrest or a coup news)
        if t.entry.id == "deployment" and cue.STILL_THERE.search(rel, max(0, a - 12), a):
            continue  # "the most dangerous UN operation now deployed": a state, not a move
        if t.entry.sub_type == "Agreement" and t.form == "nouns" and \
                cue.NAMED_ACCORD.search(rel, max(0, a - 40), a):
            continue  # "the breakdown of the Algiers agreement": an accord already named
        usable.append(t)
    if not usable:
        return []
    plain = [t for t in usable if not cue.SUPERLATIVE.search(
        rel, max(0, t.start - sent.start - 40), t.start - sent.start)
        and not cue.REFERENCE.search(rel, max(0, t.start - sent.start - 40), t.start - sent.start)]
    # "..., in the deadliest attack since 2015": a comparison; "arrested in connection with
    # the assault": a reference to another event, while this sentence tells of an arrest
    # ("gunmen killed 100 civilians ..., in one of the deadliest attacks": the killing is the
    # act, however weak its word, and the comparison only ranks it)
    return plain if any(not t.entry.weak for t in plain) or plain and any(
        t.form == "verbs" for t in plain) else usable
