"""``Pack``: the API other layers call (docs/contracts.md, section "pack")."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from .gazetteer import Gazetteer
from .generic import GenericRules, resolve_rule
from .loader import PackData, load_data, pack_dir
from .matcher import DEMONYM, GENERIC, NAMED, PLACE, PLACE_WORD, Hit, is_near, scan
from .registry import ActorRegistry
from .resolve import choose
from .types import ActorMention, PlaceContext, PlaceMention, ResolvedPlace

FOCUS_DEFAULT = ("ML", "BF", "NE")


class Pack:
    """A loaded knowledge pack: registry, gazetteer, generic rules and one automaton."""

    def __init__(self, data: PackData) -> None:
        self.data = data
        self.name: str = data.name
        self.path: Path = data.path
        self.meta: dict[str, Any] = data.meta
        self.version: str = str(data.meta.get("version", "0"))
        self.actors: ActorRegistry = data.actors
        self.gazetteer: Gazetteer = data.gazetteer
        self.generic: GenericRules = data.generic
        self.focus_countries = frozenset(data.meta.get("focus_countries") or FOCUS_DEFAULT)
        self._kinds: list[str] = [p[0] for p in data.payloads]
        self._last: tuple[str, list[Hit], str] | None = None

    def __repr__(self) -> str:
        return (f"<Pack {self.name} v{self.version}: {len(self.actors)} actors, "
                f"{len(self.gazetteer)} places>")

    # ------------------------------------------------------------------ scanning
    def scan(self, text: str) -> tuple[str, list[Hit]]:
        """Selected (non-overlapping) hits for ``text``; the last text's result is reused."""
        last = self._last
        if last is not None and last[0] is text:
            return last[2], last[1]
        folded, chosen = scan(self.data.automaton, self._kinds, text)
        self._last = (text, chosen, folded)
        return folded, chosen

    def _payload(self, hit: Hit, kinds: tuple[str, ...]) -> tuple[str, str, tuple[int, ...]] | None:
        for pid in hit.payloads:
            p = self.data.payloads[pid]
            if p[0] in kinds:
                return p
            if p[0] == PLACE_WORD and PLACE in kinds:
                return PLACE, p[1], p[2]  # ("Say" after a locative word: checked by the scan)
        return None

    def find_actors(self, text: str) -> list[ActorMention]:
        """Named actors, generic descriptions (placeholders) and demonyms in ``text``."""
        folded, hits = self.scan(text)
        out: list[ActorMention] = []
        prev: tuple[Hit, tuple[str, str, tuple[int, ...]]] | None = None
        for hit in hits:
            p = self._payload(hit, (NAMED, GENERIC, DEMONYM, PLACE))
            if p is None:
                continue
            kind = p[0]
            if kind == PLACE:
                prev = (hit, p)
                continue
            span = text[hit.start:hit.end]
            if kind == NAMED:
                actor = self.actors.get(p[1])
                out.append(ActorMention(hit.start, hit.end, span, actor.id, "named",
                                        country=actor.country))
            elif kind == DEMONYM:
                out.append(ActorMention(hit.start, hit.end, span, f"country:{p[1]}", "demonym",
                                        country=p[1]))
            else:
                rule = self.generic.rule(p[1])
                assert rule is not None
                country = rule.country
                if rule.takes_demonym and prev is not None:
                    country = self._country_before(text, folded, prev, hit) or country
                    if country and out and out[-1].kind == "demonym" \
                            and out[-1].start == prev[0].start:
                        start = out.pop().start  # "Malian soldiers" is one mention
                        out.append(ActorMention(start, hit.end, text[start:hit.end],
                                                rule.placeholder, "generic", country, rule.id))
                        prev = (hit, p)
                        continue
                out.append(ActorMention(hit.start, hit.end, span, rule.placeholder, "generic",
                                        country, rule.id))
            prev = (hit, p)
        return out

    def _country_before(self, text: str, folded: str,
                        prev: tuple[Hit, tuple[str, str, tuple[int, ...]]], hit: Hit) -> str | None:
        """Country of a demonym or a country name right before a generic term."""
        before, p = prev
        gap = folded[before.end:hit.start].strip()
        if gap not in ("", "s", "the", "s armed", "and"):
            return None
        if p[0] == DEMONYM:
            return p[1]
        if p[0] == PLACE and gap == "s":  # "Mali's army"
            for i in p[2]:
                place = self.gazetteer.places[i]
                if place.feature_code == "PCLI":
                    return place.country
        return None

    def find_places(self, text: str) -> list[PlaceMention]:
        """Place names in ``text`` with their candidates (names inside actor names excluded)."""
        folded, hits = self.scan(text)
        out: list[PlaceMention] = []
        for hit in hits:
            if self._payload(hit, (NAMED, GENERIC, DEMONYM)) is not None:
                continue
            p = self._payload(hit, (PLACE,))
            if p is None:
                continue
            cands = tuple(self.gazetteer.places[i] for i in p[2])
            out.append(PlaceMention(hit.start, hit.end, text[hit.start:hit.end], cands,
                                    "near" if is_near(folded, hit.start) else None))
        return out

    # ------------------------------------------------------------------ resolution
    def resolve_place(self, mention: PlaceMention,
                      context: PlaceContext | None = None) -> ResolvedPlace | None:
        """The most likely candidate in this context, with its geo precision (1, 2 or 3)."""
        return choose(mention, context or PlaceContext(), self.focus_countries,
                      self.gazetteer.precision)

    def resolve_generic(self, mention: ActorMention, *, country: str | None = None,
                        date: str | None = None) -> str:
        """Registry id for a mention in context ("soldiers" + ML -> "fama")."""
        if mention.kind == "named":
            return mention.actor_id
        if mention.kind == "demonym":
            dem = self.generic.demonym(mention.country or "")
            return dem.actor if dem and dem.actor else mention.actor_id
        rule = self.generic.rule(mention.rule or "")
        if rule is None:
            return mention.actor_id
        found = resolve_rule(rule, mention.country or country, date)
        forces = self.generic.rule("state_forces")
        if found == "state_forces" and forces is not None and forces is not rule:
            # "gendarmes" in Togo, where the registry has no gendarmerie of its own: the
            # country's forces, as ACLED codes a corps it does not list apart
            return resolve_rule(forces, mention.country or country, date)
        return found


@lru_cache(maxsize=8)
def _load(path: Path) -> Pack:
    return Pack(load_data(path))


def load_pack(name: str | None = None) -> Pack:
    """The knowledge pack ``name`` (built-in name or folder; default $SITREP_PACK or sahel).

    Cached per process; the first load in a fresh environment builds and caches the automaton.
    """
    return _load(pack_dir(name))
