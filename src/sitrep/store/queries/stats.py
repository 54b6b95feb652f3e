"""Aggregate reads: counts by month, week, type and country, and the overview page."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from sqlalchemy import func, select

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


def stats(store: Store) -> dict[str, Any]:
    """Counts for dashboards: totals, and events (with fatalities) by month, week, type and
    country. Grouped in SQL by day, bucketed here, so it stays fast on large stores."""
    ev = schema.events
    with store.reader() as conn:
        totals = {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one()
                  for t in (schema.documents, schema.events, schema.actors, schema.relations,
                            schema.statements)}
        live = ev.c.background.is_(False)
        rows = conn.execute(
            select(ev.c.event_date, ev.c.event_type, func.count(),
                   func.coalesce(func.sum(ev.c.fatalities), 0))
            .where(live).group_by(ev.c.event_date, ev.c.event_type)).all()
        countries = conn.execute(select(ev.c.country, func.count()).where(live)
                                 .group_by(ev.c.country)).all()
    by_month: Counter[str] = Counter()
    by_type: Counter[str] = Counter()
    by_country: Counter[str] = Counter({c or "Unknown": n for c, n in countries})
    weeks: dict[str, Counter[str]] = defaultdict(Counter)
    fatal_month: Counter[str] = Counter()
    for day, etype, n, dead in rows:
        etype = etype or "Unknown"
        by_type[etype] += n
        if day:
            by_month[day[:7]] += n
            fatal_month[day[:7]] += int(dead)
            wk = _week(day)
            if wk:
                weeks[wk][etype] += n
    return {
        "totals": totals,
        "by_month": [{"month": m, "events": by_month[m], "fatalities": fatal_month[m]}
                     for m in sorted(by_month)],
        "by_week": [{"week": w, "total": sum(c.values()), "by_type": dict(c)}
                    for w, c in sorted(weeks.items())],
        "by_type": [{"event_type": t, "events": n} for t, n in by_type.most_common()],
        "by_country": [{"country": c, "events": n} for c, n in by_country.most_common()],
    }


def overview(store: Store, *, latest: int = 10) -> dict[str, Any]:
    """What the front page shows: counts, latest events, most active actors, recent runs."""
    s = stats(store)
    events = list_events(store, limit=latest, sort="-date")["items"]
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
