"""The built-in stages, in their default order (``DEFAULT_STAGES``).

Each stage reads what it ``needs`` from the ``WorkDoc`` and sets what it ``adds``; they run on
the whole document at once (one regex pass, one automaton pass) and keep document offsets.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import Any

from ..pack.resolve import distance_km, tied
from .dates import Publication, find_dates, period_covered
from .event_typing import actor_kind
from .events import build_mentions
from .framework import Sentence, WorkDoc, stage
from .quantities import find_quantities
from .roles import PRESUMED_OF
from .sentences import split_sentences
from .statements import mention_statements
from .triggers import lexicon_for
from .unlisted_places import find_unlisted

# A bare demonym is an actor only when it qualifies state forces: "Malian and Wagner troops",
# "the Malian army"; not in "a Malian group", "a Russian passenger jet".
_STATE_AFTER_DEMONYM = re.compile(
    r"(?:\s*(?:and|or|,)\s+[^.;,]{0,30}?\s|\s+)(?:troops|soldiers|forces|army|military|"
    r"government|authorities|gendarmes|gendarmerie|police|junta|state|regime|air force)\b",
    re.I)
# "Tawori, in Niger's Tillabéri region": the region that follows a village contains it; "near
# the borders with Niger and Burkina Faso" names neighbours, not containers.
_CONTAINED_IN = re.compile(r",?\s*(?:in|of)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,2}$", re.I)
# "an army-escorted convoy", "a UN-led mission": the word qualifies another noun
_NEIGHBOUR_BEFORE = re.compile(r"\b(?:borders?|frontiers?)\s+(?:with|of)\s+(?:\w+\s+and\s+)?$",
                               re.I)
_COMPOUND_AFTER = re.compile(r"-[a-z]+(?:ed|ing)\b|\s+(?:uniforms?|fatigues|outfits?)\b", re.I)
# ("men wearing army uniforms": the army's clothes, not the army)
_CAPITAL_OF = re.compile(r"['’]s?\s+capital\b|\s+capital\b", re.I)

_TOWN = 10_000  # people: a place this big is strong evidence of its country
_SAME_PLACE_KM = 25.0  # gazetteer rows this close are one place told twice
_NEAR_KM = 300.0  # a namesake this close to a place the report names for sure is the one

DEFAULT_STAGES = ("sentences", "dates", "quantities", "actors", "places", "triggers", "events",
                  "relations", "statements")


@stage("sentences", adds=("sentences", "publication"))
def sentences_stage(work: WorkDoc) -> None:
    """Sentence spans (fast rule-based splitter; see sentences.py for pysbd)."""
    text = work.text
    work.sentences = [Sentence(i, s, e, text[s:e])
                      for i, (s, e) in enumerate(split_sentences(text))]
    try:
        work.publication = Publication.parse(work.document.published)
    except ValueError:
        work.publication = None


@stage("sentences_pysbd", adds=("sentences", "publication"))
def sentences_pysbd_stage(work: WorkDoc) -> None:
    """Sentence spans from pysbd (slower; kept for comparison)."""
    text = work.text
    work.sentences = [Sentence(i, s, e, text[s:e])
                      for i, (s, e) in enumerate(split_sentences(text, "pysbd"))]
    work.publication = Publication.parse(work.document.published)


@stage("dates", needs=("sentences", "publication"), adds=("dates",))
def dates_stage(work: WorkDoc) -> None:
    """Date phrases, resolved; anchored phrases use the latest earlier absolute date."""
    work.dates = find_dates(work.text, period_covered(work.text, work.publication))


@stage("quantities", needs=("sentences", "dates"), adds=("quantities",))
def quantities_stage(work: WorkDoc) -> None:
    """Casualty counts per sentence (dates passed in so years are never counts)."""
    out = []
    for s in work.sentences:
        dates = [d for d in work.dates if s.start <= d.start < s.end]
        out.extend(find_quantities(s.text, s.start, dates))
    work.quantities = out


@stage("actors", needs=("sentences",), adds=("actors",))
def actors_stage(work: WorkDoc) -> None:
    """Actor mentions from the knowledge pack (named, generic placeholders, demonyms)."""
    if work.pack is None:
        work.actors = []
        return
    text = work.text
    found = [a for a in work.pack.find_actors(text)
             if (a.kind != "demonym" or _STATE_AFTER_DEMONYM.match(text, a.end)
                 or not any(ch.islower() for ch in a.text))  # "the U.S." is the state
             and not (a.kind == "generic" and _COMPOUND_AFTER.match(text, a.end))]
    # "armed men presumed to belong to the Katiba Macina": the name says who they are, so
    # the name stands in the event for the description it qualifies
    named_for = {id(g) for g, n in zip(found, found[1:], strict=False) if g.kind == "generic"
                 and n.kind == "named" and PRESUMED_OF.fullmatch(text, g.end, n.start)}
    work.actors = [a for a in found if id(a) not in named_for]


def _stray_hamlet(place: Any, context: Any) -> bool:
    """ "SOKOTO, Nigeria - ... the village of Gatawa": when the document is plainly about other
    countries, an unpeopled hamlet of the same name in a country it never names is not the
    place (the gazetteer lacks the real one; the text's own description may still place it).
    Weak countries do not count: the hamlet's own country is one, and it cannot vouch for
    itself."""
    return bool(context.countries) and place.feature_class == "P" and place.population < 1000 \
        and not place.id.startswith("sitrep:") and place.country not in context.countries


@stage("places", needs=("sentences", "dates", "actors"), adds=("places",))
def places_stage(work: WorkDoc) -> None:
    """Place mentions resolved in the document's context (countries it names)."""
    pack = work.pack
    if pack is None:
        work.places = []
        return
    from ..pack.types import PlaceContext

    # "30 Jan 2024": a name inside a date phrase is not a place (Jan is also a town's alias)
    dated = [(d.start, d.end) for d in work.dates]
    named = [(a.start, a.end) for a in work.actors]
    found = pack.find_places(work.text)
    ends = {pm.end for pm in found}
    mentions = [pm for pm in found
                if not any(a < pm.end and pm.start < b for a, b in dated)
                and not _in_longer_name(work.text, pm, named)
                and not _tail_of_compound(work.text, pm, ends)
                and (not _ACRONYM.fullmatch(pm.text) or _at_line_start(work.text, pm.start))]
    counts: dict[str, int] = {}
    strong: set[str] = set()
    borders = "border" in work.text or "frontier" in work.text
    neighbours: set[int] = set()  # "near the border with Nigeria": where the place is not
    for pm in mentions:
        if borders and _NEIGHBOUR_BEFORE.search(work.text, max(0, pm.start - 40), pm.start):
            neighbours.add(pm.start)
            continue  # "close to the border with Burkina Faso": a neighbour, not the setting
        cands = {c.country for c in pm.candidates if c.country}
        states = {c.country for c in pm.candidates if c.feature_code == "PCLI" and c.country}
        if len(states) == 1:  # a country named in the text ("Niger's Tillabéri region")
            cands = states
        elif len(cands) > 1:
            # "BAMAKO": a capital beats the hamlets of its name elsewhere (a town does not:
            # a Nigerien village may share its name with a town in Côte d'Ivoire)
            capitals = {c.country for c in pm.candidates if c.feature_code == "PPLC"}
            cands = capitals if len(capitals) == 1 else cands
        if len(cands) == 1:
            c = next(iter(cands))
            counts[c] = counts.get(c, 0) + 1
            if states or any(p.feature_class == "A" or p.population >= _TOWN
                             for p in pm.candidates):
                strong.add(c)
    for a in work.actors:  # "Nigerien soldiers" says where the story is, too
        country = getattr(a, "country", None)
        if country and len(country) == 2 and not _crosses_borders(work, a):
            # (not JNIM: founded in Mali, it fights in Burkina Faso and Niger too)
            counts[country] = counts.get(country, 0) + 1
            strong.add(country)
    countries = sorted(counts, key=lambda c: -counts[c])
    # a hamlet that exists in one country only is weak evidence when it is all the text gives
    # ("between Dori and Essakane": the Malian Essakane must not pull Dori into Mali)
    context = PlaceContext(countries=[c for c in countries if c in strong or counts[c] > 1],
                           weak_countries=[c for c in countries
                                           if c not in strong and counts[c] == 1])
    resolved: list[tuple[Any, Any]] = []
    text = work.text
    for pm in mentions:
        res = pack.resolve_place(pm, context)
        if res is None or _stray_hamlet(res.place, context):
            continue
        if res.place.feature_code == "PCLI" and _CAPITAL_OF.match(text, pm.end):
            capital = _capitals(pack).get(res.place.country)
            if capital is not None:  # "Mali's capital" is Bamako
                res = type(res)(capital, 1, res.score, "capital of " + res.place.name)
        resolved.append((pm, res))
    resolved = _near_sure_places(pack, context, resolved)
    work.places = _agree_with_regions(work, pack, resolved)
    # a neighbour named at a border does not say where an unlisted village lies
    inside = [(pm, res) for pm, res in work.places if pm.start not in neighbours]
    unlisted = find_unlisted(text, inside, work.actors, lambda pos: _sentence_bounds(work, pos),
                             context.countries[0] if context.countries else None)
    if unlisted:
        work.places = sorted(work.places + unlisted, key=lambda p: p[0].start)


def _near_sure_places(pack: Any, context: Any, resolved: list[tuple[Any, Any]]
                      ) -> list[tuple[Any, Any]]:
    """ "Ségué, in the cercle de Bankass": a name that villages far apart share is the one
    near the places the report names without doubt (a name only one place bears, a town),
    when nothing else tells the namesakes apart."""
    is_sure = [res.geo_precision < 3 and _sure(pm, res.place) for pm, res in resolved]
    sure = [res.place for (_, res), ok in zip(resolved, is_sure, strict=True) if ok]
    if not sure:
        return resolved
    out = []
    for (pm, res), ok in zip(resolved, is_sure, strict=True):
        if res.geo_precision < 3 and not ok:
            own = {c.id for c in pm.candidates}
            near = [p for p in sure if p.id not in own]
            ties = tied(pm, context, pack.focus_countries) if near else ()
            if len(ties) > 1:
                gap, nearest = min((min(distance_km(p, s) for s in near), i)
                                   for i, p in enumerate(ties))
                again = pack.resolve_place(replace(pm, candidates=(ties[nearest],)), context) \
                    if gap <= _NEAR_KM and distance_km(ties[nearest], res.place) > _SAME_PLACE_KM \
                    else None  # (a village and its commune, 1 km apart: the first choice stands)
                if again is not None and not _stray_hamlet(again.place, context):
                    res = again
        out.append((pm, res))
    return out


def _sure(pm: Any, place: Any) -> bool:
    """A town, or a name whose every candidate lies within a few km of the chosen one."""
    if place.feature_class != "P":
        return False
    if place.population >= _TOWN or place.feature_code in ("PPLC", "PPLA", "PPLA2"):
        return True
    return all(distance_km(place, c) <= _SAME_PLACE_KM for c in pm.candidates)


def _crosses_borders(work: WorkDoc, actor: Any) -> bool:
    """A jihadist group named in a story says little about its country: its home country is
    only where it was founded. Nor does a UN-listed militant's nationality (the Algerian
    Belmokhtar led attacks in Mali and Niger)."""
    if getattr(actor, "kind", "") != "named":
        return False
    kind = actor_kind(work, str(actor.actor_id))
    if kind == "jihadist_group":
        return True
    if kind != "person" or work.pack is None:
        return False
    return bool(getattr(work.pack.actors.get(str(actor.actor_id)), "un_ref", None))


# capitalised words that may sit next to a place name without making it another name
_PLACE_WORDS = frozenset("""
region province department prefecture circle cercle commune district state county airport
camp base road bridge market forest lake river park reserve mosque church prison hospital
stadium university gate valley mountains mount fort port cape saint st north south east west
northern southern eastern western central upper lower greater new old grand
monday tuesday wednesday thursday friday saturday sunday january february march april may
june july august september october november december
""".split())
_WORD_AFTER = re.compile(r" ([A-Z][a-zà-ÿ’'-]+)\b")
_WORD_BEFORE = re.compile(r"(?<![.!?:;\n]) ?\b([A-Z][a-zà-ÿ’'-]+) $")


_ENDS_SENTENCE = re.compile(r"[.!?:;\"“]\s*$")
_ACRONYM = re.compile(r"[A-Z]{2,4}")  # "NGO", "KIA": an acronym, unless it heads a dateline


def _tail_of_compound(text: str, pm: Any, ends: set[int]) -> bool:
    """ "Tin-Hama": a name joined to the word before it is part of a longer name the gazetteer
    lacks, not the place "Hama"; "the Niamey-Ouallam road" joins two places, both kept."""
    return pm.start >= 2 and text[pm.start - 1] == "-" and text[pm.start - 2].isalpha() \
        and pm.start - 1 not in ends


def _at_line_start(text: str, pos: int) -> bool:
    return pos == 0 or text[pos - 1] == "\n"


def _in_longer_name(text: str, pm: Any, named: list[tuple[int, int]]) -> bool:
    """ "Daouda Diallo", "Thomas Sankara", "the Niger Delta": a place name that runs into
    another capitalised word is part of a person's or another place's name. A place-type word
    ("Bamako Airport", "Mount Hombori"), an acronym, an actor or a sentence's first word is
    no such word."""
    after = _WORD_AFTER.match(text, pm.end)
    if after and after.group(1).lower() not in _PLACE_WORDS and not any(
            a <= after.start(1) < b for a, b in named):
        return True
    lo = max(0, pm.start - 30)
    before = _WORD_BEFORE.search(text[lo:pm.start])
    if before is None or before.group(1).lower() in _PLACE_WORDS:
        return False
    start = lo + before.start(1)
    head = text[max(0, start - 3):start]
    sentence_start = start == 0 or not head.strip() and "\n" in head or bool(
        _ENDS_SENTENCE.search(head))
    return not sentence_start and not any(a <= start < b for a, b in named)


def _sentence_bounds(work: WorkDoc, pos: int) -> tuple[int, int]:
    sent = work.sentence_at(pos)
    return (sent.start, sent.end) if sent is not None else (0, len(work.text))


def _agree_with_regions(work: WorkDoc, pack: Any, resolved: list[tuple[Any, Any]]
                        ) -> list[tuple[Any, Any]]:
    """A village named next to its region or country ("Tawori in Niger's Tillabéri region")
    is resolved in that country; when the gazetteer only has a namesake elsewhere, the village
    is dropped so the region names the place."""
    from ..pack.types import PlaceContext

    out = []
    for pm, res in resolved:
        sent = work.sentence_at(pm.start)
        if sent is not None and res.geo_precision < 3:
            text = work.text
            regions = {r.place.country for p2, r in resolved if r.geo_precision == 3
                       and pm.end <= p2.start <= pm.end + 40 and r.place.country
                       and _CONTAINED_IN.match(text, pm.end, p2.start)}
            if regions and res.place.country not in regions:
                again = pack.resolve_place(pm, PlaceContext(countries=sorted(regions)))
                if again is None or again.place.country not in regions:
                    continue  # the gazetteer only knows a namesake elsewhere: keep the region
                res = again
        out.append((pm, res))
    return out


@lru_cache(maxsize=4)
def _capitals(pack: Any) -> dict[str, Any]:
    return {p.country: p for p in pack.gazetteer if p.feature_code == "PPLC" and p.country}


@stage("triggers", needs=("sentences",), adds=("triggers",))
def triggers_stage(work: WorkDoc) -> None:
    """Event trigger words from the pack's event lexicon."""
    work.triggers = lexicon_for(work.pack).find(work.text)


@stage("events", needs=("sentences", "dates", "quantities", "actors", "places", "triggers"),
       adds=("mentions",))
def events_stage(work: WorkDoc) -> None:
    """Event mentions with arguments, grouped into document events."""
    lexicon = lexicon_for(work.pack)
    work.mentions = build_mentions(work, work.triggers, lexicon.entries.get("killing"))


@stage("relations", needs=("sentences", "dates", "actors"), adds=("relations",))
def relations_stage(work: WorkDoc) -> None:
    """Actor relations from relation patterns (sitrep.pipeline.relations), dated by the
    document's resolved date mentions ("on 1 August", "last week")."""
    from .relations import ActorSpan, extract_relations

    spans = [ActorSpan(a.start, a.end, a.actor_id) for a in work.actors
             if getattr(a, "kind", "named") == "named"]
    work.relations = extract_relations(work.text, [(s.start, s.end) for s in work.sentences],
                                       spans, pack=work.pack, dates=work.dates) if spans else []


@stage("statements", needs=("mentions",), adds=("statements",))
def statements_stage(work: WorkDoc) -> None:
    """Every extracted value as a Statement with its span, quote, attribution and modality."""
    work.statements = mention_statements(work)
