"""Aggregate reads: counts by month, week, type and country, and the overview page."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from sqlalchemy import func, select, text

from .. import schema
from ..db import Store
from .actors import list_actors
from .common import loads_json
from .events import list_events


@lru_cache(maxsize=65536)
def _week(day: str) -> str | None:
    try:
        d = date.fromisoformat(day[:10])
    except ValueError:
        return None
    return (d - timedelta(days=d.weekday())).isoformat()


def _ranked(counts: Counter[str]) -> list[tuple[str, int]]:
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def stats(store: Store) -> dict[str, Any]:
    """Counts for dashboards: totals, and events (with fatalities) by month, week, type and
    country. On SQLite these come from the trigger-kept summaries of migration 0033 (a few
    thousand rows, exact), elsewhere from grouping the events by day and type."""
    ev = schema.events
    with store.reader() as conn:
        sqlite = conn.dialect.name == "sqlite"
        totals = {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one()
                  for t in (schema.documents, schema.events, schema.actors, schema.relations)
                  + (() if sqlite else (schema.statements,))}
        live = ev.c.background.is_(False)
        if sqlite:
            totals["statements"] = conn.execute(text(
                "SELECT n FROM row_counts WHERE name = 'statements'")).scalar_one()
            rows: Sequence[Any] = conn.execute(text(
                "SELECT month, week, event_type, events, fatalities FROM event_period_counts "
                "WHERE background = 0 AND events > 0")).all()
            countries = conn.execute(text(
                "SELECT country, events FROM event_country_counts "
                "WHERE background = 0 AND events > 0")).all()
        else:
            days = conn.execute(
                select(ev.c.event_date, ev.c.event_type, func.count(),
                       func.coalesce(func.sum(ev.c.fatalities), 0))
                .where(live).group_by(ev.c.event_date, ev.c.event_type)).all()
            rows = [(d[:7] if d else None, _week(d) if d else None, t, n, f)
                    for d, t, n, f in days]
            countries = conn.execute(select(ev.c.country, func.count()).where(live)
                                     .group_by(ev.c.country)).all()
    by_month: Counter[str] = Counter()
    by_type: Counter[str] = Counter()
    by_country: Counter[str] = Counter({c or "Unknown": n for c, n in countries})
    weeks: dict[str, Counter[str]] = defaultdict(Counter)
    fatal_month: Counter[str] = Counter()
    for month, wk, etype, n, dead in rows:
        etype = etype or "Unknown"
        by_type[etype] += n
        if month:
            by_month[month] += n
            fatal_month[month] += int(dead)
            if wk:
                weeks[wk][etype] += n
    return {
        "totals": totals,
        "by_month": [{"month": m, "events": by_month[m], "fatalities": fatal_month[m]}
                     for m in sorted(by_month)],
        "by_week": [{"week": w, "total": sum(c.values()), "by_type": dict(c)}
                    for w, c in sorted(weeks.items())],
        # most first, ties by name: the same order whatever order the rows came in
        "by_type": [{"event_type": t, "events": n} for t, n in _ranked(by_type)],
        "by_country": [{"country": c, "events": n} for c, n in _ranked(by_country)],
    }


def _most_active(store: Store, limit: int) -> list[dict[str, Any]] | None:
    """``list_actors(sort="-events")``'s first page from migration 0034's trigger-kept counts
    (SQLite, actors table filled); None where ``list_actors`` itself must answer."""
    with store.reader() as conn:
        if conn.dialect.name != "sqlite" or conn.execute(
                select(func.count()).select_from(schema.actors)).scalar_one() == 0:
            return None
        rows = conn.execute(text(
            "SELECT a.id, a.name, a.kind, a.country, coalesce(c.events, 0) AS events "
            "FROM actors a LEFT JOIN actor_event_counts c ON c.actor_id = a.id "
            "ORDER BY events DESC, a.name LIMIT :lim"), {"lim": limit}).mappings().all()
    return [dict(r) for r in rows]


def overview(store: Store, *, latest: int = 10) -> dict[str, Any]:
    """What the front page shows: counts, latest events, most active actors, recent runs."""
    s = stats(store)
    events = list_events(store, limit=latest, sort="-date")["items"]
    actors = _most_active(store, latest)
    if actors is None:
        actors = list_actors(store, limit=latest, sort="-events")["items"]
    r = schema.runs
    with store.reader() as conn:
        runs = [dict(x) for x in conn.execute(select(r).order_by(r.c.id.desc()).limit(latest))
                .mappings()]
    for run in runs:
        run["stats"] = loads_json(run["stats"], {})
    return {"totals": s["totals"], "by_type": s["by_type"], "by_country": s["by_country"],
            "latest_events": events, "active_actors": [a for a in actors if a["events"]],
            "recent_runs": runs}
