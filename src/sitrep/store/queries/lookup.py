"""Resolve what a user typed into an id the event tables use.

Events cite actors by registry id. ``list_events(actor=...)`` matches ids and the names and
aliases in the store's ``actors``/``aliases`` tables, which stay empty until ``sitrep pack
sync``; the API and the pages first map a typed name or alias ("JNIM", "GSIM", "Jama'at Nusrat
al-Islam wal-Muslimin") to its registry id, so the actor filter works on a freshly extracted
store too.
"""

from __future__ import annotations

from .common import registry


def actor_filter(value: str | None) -> str | None:
    """The registry id when ``value`` names exactly one registry actor (id, name or alias,
    normalised); otherwise ``value`` unchanged (the store's own tables may still know it)."""
    if not value or not value.strip():
        return value
    reg = registry()
    if reg is None:
        return value
    if reg.find(value.strip()) is not None:
        return value.strip()
    from ...pack import normalize

    key = normalize(value)
    exact = [a for a in reg.search(value) if key in {normalize(n) for n in
                                                     (a.id, a.name, *a.alias_names)}]
    return exact[0].id if len({a.id for a in exact}) == 1 else value
