"""Groups named by their allegiance stand for that allegiance's regional affiliates.

"Groups linked to al-Qaeda and the Islamic State are working together in the Sahel" does not say
that al-Qaeda and the Islamic State are allies (they are rivals): it says their local branches
cooperate. A pattern marked ``stand_for: affiliates`` hands its X and Y here; each parent is
replaced by its affiliates, from the knowledge pack's ``affiliate_of``/``part_of`` facts, that
operate in the region the sentence names (its countries, or the pack's focus countries when it
names none: "the Sahel", "West Africa") and were affiliated on the sentence's date. A branch
of a branch counts only when no branch above it in the chain is itself in the region (JNIM, not
its katibas), and a group that merged away or was dissolved no longer stands for anyone.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Any

_LINKS = ("affiliate_of", "part_of")
_ENDS = ("merged_into", "dissolved")
_GROUP_KINDS = frozenset({"jihadist_group", "armed_group", "militia"})
_MAX_DEPTH = 3


@lru_cache(maxsize=4)
def _children(pack: Any) -> dict[str, tuple[tuple[str, str | None, str | None], ...]]:
    """parent id -> (child id, fact start, fact end) for every affiliate_of/part_of fact."""
    out: dict[str, list[tuple[str, str | None, str | None]]] = {}
    for actor in pack.actors:
        for fact in actor.facts:
            if fact.predicate in _LINKS and fact.value:
                out.setdefault(fact.value, []).append((actor.id, fact.start, fact.end))
    return {k: tuple(v) for k, v in out.items()}


def _active(start: str | None, end: str | None, on: str | None) -> bool:
    """Whether a fact dated [start, end] holds on ``on`` (ISO, any precision); without a date,
    whether it still holds (no end)."""
    if on is None:
        return end is None
    if start and start[:len(on)] > on:
        return False
    return not (end and end < on[:len(end)])


def _still_exists(actor: Any, on: str | None) -> bool:
    """False once the group merged into another or was dissolved (by ``on``, or ever when
    there is no date)."""
    for fact in actor.facts:
        if fact.predicate not in _ENDS:
            continue
        if on is None or (fact.start is not None and fact.start[:len(on)] <= on):
            return False
    return True


def regional_affiliates(pack: Any, parent: str, countries: Iterable[str],
                        on: str | None = None) -> list[str]:
    """The groups that stand for ``parent`` in ``countries`` on date ``on`` (see module)."""
    region = frozenset(countries)
    children = _children(pack)
    found: list[str] = []
    seen = {parent}
    frontier = [parent]
    for _ in range(_MAX_DEPTH):
        nxt: list[str] = []
        for node in frontier:
            for child, start, end in children.get(node, ()):
                actor = pack.actors.find(child)
                if child in seen or actor is None or not _active(start, end, on):
                    continue
                seen.add(child)
                if actor.kind not in _GROUP_KINDS or not _still_exists(actor, on):
                    continue
                if actor.country in region:
                    found.append(child)  # stands for the parent here: its own units do not
                else:
                    nxt.append(child)
        frontier = nxt
    return found


def countries_named(pack: Any, text: str) -> list[str]:
    """Countries the text names as places (a country's own name, or a place whose candidates
    all lie in one country), in order."""
    out: list[str] = []
    for mention in pack.find_places(text):
        states = {c.country for c in mention.candidates if c.feature_code == "PCLI" and c.country}
        every = {c.country for c in mention.candidates if c.country}
        pick = states if len(states) == 1 else every if len(every) == 1 else set()
        for country in pick:
            if country not in out:
                out.append(country)
    return out
