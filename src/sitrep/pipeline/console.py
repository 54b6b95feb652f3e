"""Terminal rendering for `sitrep events` and `sitrep event` (rich tables, no logic)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table


def _fatal(rec: dict[str, Any]) -> str:
    best, low, high = rec.get("fatalities"), rec.get("fatalities_low"), rec.get("fatalities_high")
    if best is None:
        return ""
    if low is not None and high is not None and (low != best or high != best):
        return f"{best} ({low}–{high})"
    return str(best)


def print_events(records: Sequence[dict[str, Any]], console: Console) -> None:
    if not records:
        console.print("No events match. Ingest articles with `sitrep ingest PATH` or widen the "
                      "filters.")
        return
    table = Table(show_lines=False, header_style="bold")
    for col in ("id", "date", "type", "actor1", "actor2", "location", "killed", "src"):
        table.add_column(col, overflow="fold")
    for r in records:
        date = (r.get("event_date") or "")[:{"year": 4, "month": 7}.get(
            r.get("date_precision") or "", 10)]
        loc, country = r.get("location") or "", r.get("country") or ""
        where = loc + (f", {country}" if country and country != loc else "")
        table.add_row(r["event_id"], date + (" (bg)" if r.get("background") else ""),
                      escape(f"{r.get('event_type') or ''} / {r.get('sub_event_type') or ''}"),
                      escape(r.get("actor1") or ""), escape(r.get("actor2") or ""),
                      escape(where), _fatal(r), str(len({s["document"] for s in r["sources"]})))
    console.print(table)
    console.print(f"{len(records)} event(s). Details: `sitrep event ID`.")


def print_event(event: dict[str, Any], console: Console) -> None:
    """One event with every source sentence, who said what and how sure."""
    e = event
    console.print(f"[bold]{escape(e.get('event_type') or '')} / "
                  f"{escape(e.get('sub_event_type') or '')}[/bold]  {e['id']}")
    console.print(f"date: {e.get('event_date')} ({e.get('date_precision')})"
                  + ("  [background]" if e.get("background") else "")
                  + f"   modality: {e.get('modality')}")
    console.print(f"place: {escape(str(e.get('location')))}, {escape(str(e.get('admin1')))}, "
                  f"{escape(str(e.get('country')))} (geo precision {e.get('geo_precision')})")
    for role in ("actor1", "assoc_actor_1", "actor2", "assoc_actor_2"):
        if e.get(role):
            console.print(f"{role}: {escape(e[role])}")
    if e.get("claimed_by"):
        console.print("claimed by: " + escape(", ".join(e["claimed_by"])))
    console.print(f"fatalities: {_fatal(e) or 'unknown'}   injured: {e.get('injured')}   "
                  f"abducted: {e.get('abducted')}")
    if e.get("notes"):
        console.print(f"notes: {escape(e['notes'])}")
    for src in e.get("sources", []):
        console.print(f"\n[bold]{escape(src['document'])}[/bold] "
                      f"[{src['start']}:{src['end']}]  {escape(src.get('title') or '')}")
        console.print(f"  “{escape(src['quote'])}”")
        for st in src.get("statements", []):
            who = f" — according to {st['attribution']}" if st.get("attribution") else ""
            console.print(f"    {st['property']} = {escape(str(st['value']))} "
                          f"[{st['modality']}]{escape(who)}  «{escape(_span(src, st))}»")
    from ..fusion.explain import reconciliation_lines

    lines = reconciliation_lines(e)
    if lines:
        console.print("\n[bold]reconciliation[/bold]")
        for line in lines:
            console.print(escape(line))


def _span(src: dict[str, Any], st: dict[str, Any]) -> str:
    a, b = st["start"] - src["start"], st["end"] - src["start"]
    return src["quote"][a:b] if 0 <= a <= b <= len(src["quote"]) else ""
