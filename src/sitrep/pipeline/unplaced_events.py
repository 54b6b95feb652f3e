"""Where an event told without a place happened: the only town the report names, else the
country the text says (a nationality, the doer's home, the document's places). Split from
``event_groups`` to keep each module about one job."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from .event_context import ARMED_GROUP_KINDS, PARTICIPLE_ASIDE
from .event_mention import VIOLENT, EventMention
from .event_typing import doc_country
from .framework import WorkDoc

__all__ = ["country_as_place", "only_town"]


@lru_cache(maxsize=4)
def _country_places(pack: Any) -> dict[str, Any]:
    """Country code -> the gazetteer's entry for the country itself (feature PCLI)."""
    out: dict[str, Any] = {}
    for p in pack.gazetteer:
        if p.feature_code == "PCLI" and p.country and p.country not in out:
            out[p.country] = p
    return out


_ABROAD = frozenset({"foreign_forces", "pmc"})  # they act far from the country they belong to


_COVERED = 300  # gazetteer places that make a country one the pack covers in detail


@lru_cache(maxsize=4)
def _foreign_countries(pack: Any) -> frozenset[str]:
    """Countries whose forces the pack codes as foreign and whose towns it does not cover
    ("French forces", "the French newspaper Le Monde" in a Mali story): their nationality in a
    sentence does not say where the event was. Covered neighbours (Algeria) still do."""
    rule = pack.generic.rule("state_forces")
    if rule is None:
        return frozenset()
    places: dict[str, int] = {}
    for p in pack.gazetteer:
        if p.country:
            places[p.country] = places.get(p.country, 0) + 1
    return frozenset(c for c, actor_id in rule.by_country.items()
                     if getattr(_registry_actor(pack, str(actor_id)), "kind", None) in _ABROAD
                     and places.get(c, 0) < _COVERED)


def _registry_actor(pack: Any, actor_id: str) -> Any:
    try:
        return pack.actors.get(actor_id)
    except Exception:  # noqa: BLE001 - placeholders and country ids are not registry entries
        return None


# "assailants who came from the Malian side", "across the Nigerien border": where they came
# from, not where the event was
_FROM_SIDE = re.compile(r"\s+(?:side|border|frontier|territory)\b", re.I)
# "in a message sent to a Mauritanian news agency": where it was published, not where it was
_MEDIA = re.compile(r"\s+(?:(?:[\w-]+\s+)?(?:news\s+agency|news\s+site|newspaper|daily|weekly|"
                    r"radio|television|TV|broadcaster|outlet|website|media|journalists?))\b", re.I)


def only_town(work: WorkDoc, group: list[EventMention]) -> bool:
    """A report that names one town only (its dateline aside) tells of events there: "young
    people have been blocking a convoy in Kaya since Friday ... On Saturday soldiers fired
    on demonstrators" happened in Kaya."""
    first = group[0]
    if first.trigger.entry.id == "coup":
        return False  # a coup is the country's, not a village's
    text = work.text
    asides = [(s.start + h.start(), s.start + h.end()) for s in work.sentences
              for h in PARTICIPLE_ASIDE.finditer(s.text)] if "," in text else []
    towns = [(pm, res) for pm, res in work.places if res.geo_precision <= 2
             and not (pm.text.isupper() and (pm.start == 0 or text[pm.start - 1] == "\n"))
             and not any(a <= pm.start < b for a, b in asides)]  # "MSA, founded in Kidal,"
    if len({res.place.id for _, res in towns}) != 1 or towns[0][0].start > first.sentence.end:
        return False
    first.place = towns[0]
    first.notes.append("no place in its sentences: the only town the report names")
    return True


def country_as_place(work: WorkDoc, group: list[EventMention]) -> None:
    """An event told with no place still happened in a country, and the text usually says
    which: a nationality in its sentence ("the Algerian movement pledged"), the home country of
    the actor who did it (Boko Haram is Nigerian), else the country the document's places lie
    in. The event gets that country as a country-level place (geo precision 3), its span the
    words that say so."""
    from ..pack.types import PlaceMention, ResolvedPlace

    pack = work.pack
    first = group[0]
    found: tuple[str, int, int, str] | None = None
    foreign = _foreign_countries(pack)
    for m in group:
        sent = m.sentence
        demonyms = [a for a in pack.find_actors(sent.text) if a.kind == "demonym"
                    and a.country and len(a.country) == 2 and a.country not in foreign
                    and not _FROM_SIDE.match(sent.text, a.end)
                    and not _MEDIA.match(sent.text, a.end)]
        if demonyms:
            d = demonyms[0]
            found = (d.country, sent.start + d.start, sent.start + d.end, "nationality")
            break
    named = [a for role in ("actor1", "claimed_by", "actor2", "assoc_actor_1", "assoc_actor_2")
             for m in group for a in m.args
             if a.role == role and getattr(a.mention, "kind", "named") == "named"]
    homes = [(a, _registry_actor(pack, a.actor_id)) for a in named]
    homes = [(a, x) for a, x in homes if x is not None and x.country and len(x.country) == 2
             and x.kind not in _ABROAD]
    # a person's home is not where his group acts (Belmokhtar, an Algerian, in Mali; al-Sahrawi,
    # born in Western Sahara): groups and states only, then the document's places
    group_home = next(((a, x) for a, x in homes if x.kind != "person"), None)
    if found is None and group_home is not None:
        a, x = group_home
        countries = {res.place.country for _, res in work.places if res.place.country}
        # an armed group acts across borders: when the story's places all lie in one other
        # country (for an attack, in other countries only), they say where this was (a
        # pledge or a split is the group's own, wherever it is told)
        if not (x.kind in ARMED_GROUP_KINDS and x.country not in countries and (
                len(countries) == 1 or countries and first.event_type in VIOLENT)):
            found = (x.country, a.mention.start, a.mention.end, "actor's country")
    if found is None:
        country = doc_country(work)
        if country:
            found = (country, first.trigger.start, first.trigger.end, "document's country")
    if found is None:
        return
    place = _country_places(pack).get(found[0])
    if place is None:
        return
    holder = next((m for m in group if m.sentence.start <= found[1] < m.sentence.end), first)
    pm = PlaceMention(found[1], found[2], work.text[found[1]:found[2]], (place,))
    holder.place = (pm, ResolvedPlace(place, 3, 0.5, "country from the " + found[3]))
    holder.notes.append("no place named: country from the " + found[3])
    for rule_id in ("state_forces", "government"):
        rule = pack.generic.rule(rule_id)
        if rule is not None and found[0] in rule.by_country:
            for m in group:  # "soldiers detained the president": now the country is known
                for a in m.args:
                    if a.actor_id == rule.placeholder:
                        a.actor_id = str(rule.by_country[found[0]])
