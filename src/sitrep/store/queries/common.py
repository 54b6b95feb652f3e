"""Argument parsing and small lookups shared by every read query."""

from __future__ import annotations

import calendar
import json
import re
from datetime import date
from typing import Any

from sqlalchemy import Connection, select

from ...errors import Errors, SitrepError
from .. import schema
from ..db import Store
from ..fulltext import search_words

MAX_LIMIT = 5000
EVENT_SORTS = {
    "date": schema.events.c.event_date,
    "fatalities": schema.events.c.fatalities,
    "country": schema.events.c.country,
    "admin1": schema.events.c.admin1,
    "location": schema.events.c.location,
    "type": schema.events.c.event_type,
    "actor1": schema.events.c.actor1,
}
ROLES = ("actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "claimed_by")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")

# ------------------------------------------------------------------------------ validation


def parse_date(value: str | None, name: str, *, end: bool = False) -> str | None:
    """'2024' / '2024-10' / '2024-10-15' -> ISO day: the first day of the period, or the last
    when ``end`` (so ``date_to=2024-10`` includes the whole of October)."""
    if value is None or value == "":
        return None
    m = _DATE.match(value.strip())
    if not m:
        raise SitrepError(Errors.E501, name=name, value=value, detail="not a date",
                          fix="Use YYYY, YYYY-MM or YYYY-MM-DD.")
    y, mo, d = int(m[1]), int(m[2] or (12 if end else 1)), m[3]
    try:
        last = calendar.monthrange(y, mo)[1]
        day = int(d) if d is not None else (last if end else 1)
        return date(y, mo, day).isoformat()
    except ValueError as exc:
        raise SitrepError(Errors.E501, name=name, value=value, detail=str(exc),
                          fix="Use a real calendar date, e.g. 2024-02-29.") from exc


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    """'min_lon,min_lat,max_lon,max_lat' (the GeoJSON order) -> four floats, checked."""
    if not value:
        return None
    fix = "Give bbox=min_lon,min_lat,max_lon,max_lat, e.g. bbox=-6,10,4,17."
    try:
        parts = [float(p) for p in value.split(",")]
    except ValueError:
        raise SitrepError(Errors.E501, name="bbox", value=value, detail="not four numbers",
                          fix=fix) from None
    if len(parts) != 4 or any(p != p for p in parts):
        raise SitrepError(Errors.E501, name="bbox", value=value, detail="not four numbers", fix=fix)
    w, s, e, n = parts
    if not (-180 <= w <= e <= 180 and -90 <= s <= n <= 90):
        raise SitrepError(Errors.E501, name="bbox", value=value,
                          detail="corners out of range or in the wrong order", fix=fix)
    return w, s, e, n


def check_paging(limit: int, offset: int) -> None:
    if not 1 <= limit <= MAX_LIMIT:
        raise SitrepError(Errors.E501, name="limit", value=limit, detail="out of range",
                          fix=f"Use a limit between 1 and {MAX_LIMIT}.")
    if offset < 0:
        raise SitrepError(Errors.E501, name="offset", value=offset, detail="negative",
                          fix="Use an offset of 0 or more.")


def fts_query(q: str) -> str:
    """User words -> a safe FTS5 query (every word must occur; no operators injected).
    Queries search through ``store/fulltext.py``, which works on every backend."""
    return " ".join(f'"{w}"' for w in search_words(q))


def loads_json(value: str | None, default: Any) -> Any:
    if not value:
        return default
    try:
        return json.loads(value)
    except ValueError:
        return default


def not_found(store: Store, kind: str, id: str) -> SitrepError:
    return SitrepError(Errors.E004, kind=kind, id=id, path=store.target)


def registry() -> Any:
    """The knowledge pack's actor registry: the fallback for actors the store's ``actors``
    table does not hold (events cite registry ids). None when no pack can be loaded."""
    try:
        from ...pack import load_pack
        return load_pack().actors
    except (ImportError, OSError, SitrepError):
        return None


def pack_actor(actor_id: str) -> dict[str, Any] | None:
    reg = registry()
    a = reg.find(actor_id) if reg is not None else None
    if a is None:
        return None
    return {"id": a.id, "name": a.name, "kind": a.kind, "country": a.country,
            "aliases": [{"alias": x.name, "lang": x.lang} for x in a.aliases],
            "data": {"source": a.source, "facts": [vars(f) for f in a.facts]}}


def actor_names(conn: Connection, ids: set[str]) -> dict[str, str]:
    """Actor id -> display name, from the store, else from the registry."""
    a = schema.actors
    names = {r[0]: r[1] for r in conn.execute(select(a.c.id, a.c.name).where(a.c.id.in_(ids)))}
    for i in ids - set(names):
        found = pack_actor(i)
        if found:
            names[i] = found["name"]
    return names
