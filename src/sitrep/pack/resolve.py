"""Choosing one place among a mention's candidates, with context and priors.

Scores add up small, explainable pieces: what kind of feature it is (a country named by its own
name beats a river of the same name; an admin seat beats a hamlet), how many people live there,
whether its country is already named in the document, whether it lies near other places the
document names, and whether a curated row vouches for it.
"""

from __future__ import annotations

import math
from functools import lru_cache

from .normalize import normalize
from .types import Place, PlaceContext, PlaceMention, ResolvedPlace

FEATURE_PRIOR = {
    "PCLI": 6.0, "PCLD": 4.0, "PCLIX": 4.0, "TERR": 3.0, "ADM1": 1.0, "PPLC": 2.5, "PPLA": 1.6,
    "ADM2": 0.8, "PPLA2": 1.2, "ADM3": 0.6, "PPLA3": 1.0, "PPL": 0.8, "PPLX": 0.9, "PPLL": 0.6,
    "STM": 0.6, "LK": 0.6,
}
CURATED_BONUS = 1.5
CONTEXT_COUNTRY_BONUS = 3.5
WEAK_COUNTRY_BONUS = 1.5
FOCUS_COUNTRY_BONUS = 0.8
NEAR_KM = (100.0, 300.0)
TIE_MARGIN = 0.5
OWN_NAME_BONUS = 0.2  # "Yalgo": the village called so beats one that only has it as a variant


def distance_km(a: Place, b: Place) -> float:
    if a.latitude is None or a.longitude is None or b.latitude is None or b.longitude is None:
        return math.inf
    la1, lo1, la2, lo2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = (math.sin((la2 - la1) / 2) ** 2
         + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2)
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def score(place: Place, context: PlaceContext, focus: frozenset[str]) -> tuple[float, str]:
    parts: list[str] = []
    s = FEATURE_PRIOR.get(place.feature_code or "", 0.5 if place.feature_class == "P" else 0.3)
    parts.append(f"feature {place.feature_code}")
    if place.population > 0 and (place.feature_class == "P" or place.feature_code == "PCLI"):
        s += 0.3 * math.log10(place.population + 1)  # an admin area's head count is no prior
    if place.id.startswith("sitrep:"):
        s += CURATED_BONUS
        parts.append("curated")
    countries = {c.upper() for c in context.countries}
    if place.country and place.country.upper() in countries:
        s += CONTEXT_COUNTRY_BONUS
        parts.append(f"country {place.country} in document")
    elif place.country and place.country.upper() in {c.upper() for c in context.weak_countries}:
        s += WEAK_COUNTRY_BONUS
        parts.append(f"a small place of {place.country} in document")
    elif place.country in focus and not countries:
        s += FOCUS_COUNTRY_BONUS
    if context.near:
        d = min(distance_km(place, other) for other in context.near if other.id != place.id) \
            if any(o.id != place.id for o in context.near) else math.inf
        if d <= NEAR_KM[0]:
            s += 3.0
            parts.append(f"{d:.0f} km from another place named")
        elif d <= NEAR_KM[1]:
            s += 1.2
            parts.append(f"{d:.0f} km from another place named")
    return s, ", ".join(parts)


_norm = lru_cache(maxsize=16384)(normalize)  # place names recur across documents


def _with_name(scored: tuple[float, str], place: Place, mention: PlaceMention
               ) -> tuple[float, str]:
    """``scored`` with the bonus of a place whose own name the text spells."""
    if len(mention.candidates) < 2 or _norm(place.name) != _norm(mention.text):
        return scored
    return scored[0] + OWN_NAME_BONUS, scored[1] + ", its own name"


def tied(mention: PlaceMention, context: PlaceContext, focus: frozenset[str],
         margin: float = TIE_MARGIN) -> tuple[Place, ...]:
    """The candidates that score within ``margin`` of the best: the ones that only other
    evidence (another place named nearby) can tell apart."""
    scored = [(_with_name(score(p, context, focus), p, mention)[0], p)
              for p in mention.candidates]
    if not scored:
        return ()
    best = max(s for s, _ in scored)
    return tuple(p for s, p in scored if s >= best - margin)


def precision_of(place: Place, mention: PlaceMention, curated: dict[str, int]) -> int:
    if place.feature_class == "A" or place.feature_code in ("STM", "LK", "RGN", "DSRT"):
        return 3
    if mention.qualifier == "near":
        return 2
    return curated.get(place.id, 1)


def choose(mention: PlaceMention, context: PlaceContext, focus: frozenset[str],
           curated: dict[str, int]) -> ResolvedPlace | None:
    if not mention.candidates:
        return None
    scored = [(_with_name(score(p, context, focus), p, mention), p) for p in mention.candidates]
    (best, why), place = max(scored, key=lambda t: (t[0][0], t[1].population))
    return ResolvedPlace(place=place, geo_precision=precision_of(place, mention, curated),
                         score=round(best, 3), reason=why)
