"""How a predicted value is compared with a gold value, one rule per field.

Names go through the knowledge pack when it is there (so "JNIM", "GSIM" and the registry id of
Jama'at Nusrat al-Islam wal-Muslimin are the same actor) and through one accent- and
punctuation-blind normalisation otherwise. Places match by name (gazetteer alternates included)
or within 25 km. Documented in docs/gold-format.md; change both together.
"""

from __future__ import annotations

import importlib
import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .dates import DateInterval
from .gold import GoldEvent, GoldRelation, NumberRange

PLACE_KM = 25.0
_STATE_PREFIX = re.compile(
    r"^(?:the )?(?:(?:federal|islamic|democratic|people s) )*republic of (?:the )?")
_PERIOD_SUFFIX = re.compile(r"\s*\((?:\d{4})?-?(?:\d{4})?\)\s*$")
SYMMETRIC = frozenset({"allied_with", "rival_of", "fights"})
_COUNTRY_CODES = {
    "ml": "mali", "mli": "mali", "bf": "burkina faso", "bfa": "burkina faso",
    "ne": "niger", "ner": "niger", "td": "chad", "tcd": "chad", "mr": "mauritania",
    "mrt": "mauritania", "dz": "algeria", "dza": "algeria", "ly": "libya", "lby": "libya",
    "ng": "nigeria", "nga": "nigeria", "bj": "benin", "ben": "benin", "tg": "togo",
    "tgo": "togo", "ci": "ivory coast", "civ": "ivory coast", "cote d ivoire": "ivory coast",
    "gh": "ghana", "gha": "ghana", "sn": "senegal", "sen": "senegal", "gn": "guinea",
    "gin": "guinea", "eg": "egypt", "egy": "egypt", "fr": "france", "fra": "france",
    "us": "united states", "usa": "united states", "lb": "lebanon", "lbn": "lebanon",
}


def normalize(text: str | None) -> str:
    """Lower case, no accents, punctuation to spaces: 'Inatès' == 'inates'."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[\W_]+", " ", plain.casefold()).split())


def _pack() -> Any | None:
    """The knowledge pack, or None while it is missing or broken (string matching then)."""
    return _load_pack()


@lru_cache(maxsize=1)
def _load_pack() -> Any | None:
    try:
        return importlib.import_module("sitrep.pack").load_pack()
    except Exception:  # noqa: BLE001 - any failure means "no pack": fall back to names
        return None


def reset_pack_cache() -> None:
    _load_pack.cache_clear()
    actor_keys.cache_clear()
    place_keys.cache_clear()


@lru_cache(maxsize=8192)
def actor_keys(name: str) -> frozenset[str]:
    """Every key an actor name can match on: its normalised form and its registry ids.

    ACLED-style period suffixes ("Military Forces of Mali (2021-)") are ignored.
    """
    bare = _PERIOD_SUFFIX.sub("", name).strip() or name
    if bare != name:
        return actor_keys(bare)
    keys = {normalize(name)}
    pack = _pack()
    if pack is not None:
        try:
            pack_normalize = importlib.import_module("sitrep.pack").normalize
            key = pack_normalize(name)
            for actor in pack.actors.search(name):
                names = [actor.name, *getattr(actor, "alias_names", ())]
                if actor.id == name or any(pack_normalize(n) == key for n in names):
                    keys.add("id:" + actor.id)
        except Exception:  # noqa: BLE001 - a broken pack must not break scoring
            pass
    return frozenset(k for k in keys if k)


def actor_matches(gold: Iterable[str], predicted: str | None) -> bool:
    """Any gold alternative names the predicted actor (same registry id or same name).

    A generic gold name ("civilians") also matches a qualified prediction ("Civilians (Mali)"):
    every gold word must appear in the prediction.
    """
    if not predicted:
        return False
    pkeys = actor_keys(predicted)
    pwords = set(normalize(predicted).split())
    for name in gold:
        if actor_keys(name) & pkeys:
            return True
        gwords = set(normalize(name).split())
        if gwords and gwords <= pwords:
            return True
    return False


def actor_set_matches(gold: tuple[tuple[str, ...], ...], predicted: Iterable[str]) -> bool:
    """Same set of actors, each gold actor (with its alternatives) matched by one prediction."""
    preds = [p for p in predicted if p]
    if len(preds) != len(gold):
        return False
    unused = list(preds)
    for names in gold:
        hit = next((p for p in unused if actor_matches(names, p)), None)
        if hit is None:
            return False
        unused.remove(hit)
    return True


def country_key(value: str | None) -> str:
    """'ML', 'MLI', 'Mali' and 'Republic of Mali' are one country."""
    key = _STATE_PREFIX.sub("", normalize(value))
    return _COUNTRY_CODES.get(key, key)


@lru_cache(maxsize=8192)
def place_keys(name: str) -> frozenset[str]:
    """Normalised name plus gazetteer ids when the pack knows the place."""
    keys = {normalize(name)}
    pack = _pack()
    if pack is not None:
        try:
            for place in pack.gazetteer.search(name)[:5]:
                keys.add("id:" + str(place.id))
        except Exception:  # noqa: BLE001
            pass
    return frozenset(k for k in keys if k)


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    r = 6371.0
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(a))


def place_matches(gold: GoldEvent, pred: dict[str, Any]) -> bool:
    """Same place name (or alternate, or gazetteer entry) or coordinates within 25 km."""
    lat, lon = pred.get("latitude"), pred.get("longitude")
    if (gold.latitude is not None and gold.longitude is not None
            and isinstance(lat, int | float) and isinstance(lon, int | float)
            and km_between(gold.latitude, gold.longitude, lat, lon) <= PLACE_KM):
        return True
    location = pred.get("location")
    if not location or not gold.location:
        return False
    names = (gold.location, *gold.location_aliases)
    if normalize(location) in {normalize(n) for n in names}:
        return True
    # The prediction's own gazetteer entry when it has one: its name alone may be shared
    # by many places ("Yargo"), and the first few of those need not include it.
    place_id = pred.get("place_id")
    pkeys = ({"id:" + str(place_id)} if place_id
             else {k for k in place_keys(location) if k.startswith("id:")})
    return any(pkeys & place_keys(n) for n in names)


def type_key(value: str | None) -> str:
    return normalize(value)


def pred_interval(pred: dict[str, Any]) -> DateInterval | None:
    value = pred.get("event_date")
    if not value:
        return None
    try:
        return DateInterval.parse(str(value), pred.get("date_precision"))
    except (ValueError, IndexError):
        return None


def count_matches(gold: NumberRange | None, value: Any) -> bool:
    return gold is not None and isinstance(value, int | float) and gold.contains(value)


# ------------------------------------------------------------------------------ events

@dataclass
class FieldCheck:
    """One field of one event: does gold say something, does the prediction, do they agree."""

    gold: bool
    pred: bool
    correct: bool


def _claimed(pred: dict[str, Any]) -> list[str]:
    value = pred.get("claimed_by") or []
    return [value] if isinstance(value, str) else [str(v) for v in value]


def _assoc(pred: dict[str, Any], key: str) -> list[str]:
    value = pred.get(key) or []
    if isinstance(value, str):
        return [v.strip() for v in value.split(";") if v.strip()]
    return [str(v) for v in value]


def has_place(pred: dict[str, Any] | None) -> bool:
    """Whether a prediction names a place below the country. Exports fill ``location`` with the
    country's name (and its centroid) for country-level events (geo precision 3), where gold
    leaves the place empty: that is "no place", not a wrong one."""
    if not pred or not (pred.get("location") or pred.get("latitude") is not None):
        return False
    location, country = pred.get("location"), pred.get("country")
    return not (location and country and normalize(str(location)) == normalize(str(country)))


def field_checks(gold: GoldEvent | None, pred: dict[str, Any] | None) -> dict[str, FieldCheck]:
    """Per-field verdicts for an aligned pair, a missed gold event or a false alarm."""
    g, p = gold, pred
    pi = pred_interval(p) if p else None
    out: dict[str, FieldCheck] = {}

    def add(name: str, has_gold: bool, has_pred: bool, ok: bool) -> None:
        out[name] = FieldCheck(has_gold, has_pred, bool(has_gold and has_pred and ok))

    add("date", g is not None, pi is not None,
        g is not None and pi is not None and g.date.contains(pi))
    add("country", bool(g and g.country), bool(p and p.get("country")),
        bool(g and p and country_key(g.country) == country_key(p.get("country"))))
    add("place", bool(g and (g.location or g.latitude is not None)), has_place(p),
        bool(g and p and place_matches(g, p)))
    add("event_type", g is not None, bool(p and p.get("event_type")),
        bool(g and p and type_key(g.event_type) == type_key(p.get("event_type"))))
    add("sub_event_type", bool(g and g.sub_event_type), bool(p and p.get("sub_event_type")),
        bool(g and p and type_key(g.sub_event_type) == type_key(p.get("sub_event_type"))))
    add("actor1", bool(g and g.actor1), bool(p and p.get("actor1")),
        bool(g and p and actor_matches(g.actor1, p.get("actor1"))))
    add("actor2", bool(g and g.actor2), bool(p and p.get("actor2")),
        bool(g and p and actor_matches(g.actor2, p.get("actor2"))))
    add("claimed_by", bool(g and g.claimed_by), bool(p and _claimed(p)),
        bool(g and p and actor_set_matches(g.claimed_by, _claimed(p))))
    for name in ("fatalities", "injured", "abducted"):
        gv = getattr(g, name) if g else None
        pv = p.get(name) if p else None
        add(name, gv is not None, isinstance(pv, int | float), count_matches(gv, pv))
    return out


def candidate_score(gold: GoldEvent, pred: dict[str, Any]) -> float | None:
    """None when the pair cannot be the same event; otherwise how well it agrees.

    A pair is a candidate when the dates overlap (±1 day), the countries agree (when both are
    given) and either the place or the event type agrees.
    """
    pi = pred_interval(pred)
    if pi is None or not gold.date.overlaps(pi):
        return None
    if gold.country and pred.get("country") and (
            country_key(gold.country) != country_key(pred.get("country"))):
        return None
    checks = field_checks(gold, pred)
    if not (checks["place"].correct or checks["event_type"].correct):
        return None
    return 1.0 + sum(c.correct for c in checks.values())


def align(gold: list[GoldEvent], preds: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """Greedy one-to-one alignment by score (ties: document order): (gold index, pred index)."""
    scored = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(preds):
            s = candidate_score(g, p)
            if s is not None:
                scored.append((-s, gi, pi))
    scored.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, gi, pi in scored:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return sorted(pairs)


# ------------------------------------------------------------------------------ relations

def relation_matches(gold: GoldRelation, pred: dict[str, Any]) -> bool:
    """Same predicate and the same two actors (either order for symmetric predicates)."""
    if pred.get("predicate") != gold.predicate:
        return False
    s, o = pred.get("subject"), pred.get("object")
    if actor_matches(gold.subject, s) and actor_matches(gold.object, o):
        return True
    return gold.predicate in SYMMETRIC and (
        actor_matches(gold.subject, o) and actor_matches(gold.object, s))


def relation_dates_match(gold: GoldRelation, pred: dict[str, Any]) -> bool | None:
    """None when gold gives no dates; else every gold date is overlapped by the prediction's."""
    checks = []
    for name, g in (("start", gold.start), ("end", gold.end)):
        if g is None:
            continue
        value = pred.get(name)
        if not value:
            checks.append(False)
            continue
        try:
            checks.append(g.overlaps(DateInterval.parse(str(value))))
        except (ValueError, IndexError):
            checks.append(False)
    return all(checks) if checks else None


def align_relations(gold: list[GoldRelation],
                    preds: list[dict[str, Any]]) -> list[tuple[int, int]]:
    pairs, used = [], set()
    for gi, g in enumerate(gold):
        for pi, p in enumerate(preds):
            if pi not in used and relation_matches(g, p):
                pairs.append((gi, pi))
                used.add(pi)
                break
    return pairs
