"""The people-facing view of an evaluation report: a rich table and an optional diff."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table

from .score import FIELDS


def _row(table: Table, name: str, c: dict[str, Any] | None) -> None:
    if not c or not (c["tp"] or c["fp"] or c["fn"]):
        table.add_row(name, "-", "-", "-", "-", "-", "-")
        return
    table.add_row(name, f"{c['precision']:.2f}", f"{c['recall']:.2f}", f"{c['f1']:.2f}",
                  str(c["tp"]), str(c["fp"]), str(c["fn"]))


def render_report(report: dict[str, Any], console: Console, *, diff: bool = False) -> None:
    splits = ", ".join(report.get("by_split", {})) or "none"
    title = (f"sitrep eval ({report['mode']}) - splits: {splits} - "
             f"{report['documents']} documents, {report['gold_events']} gold events, "
             f"{report['gold_relations']} gold relations")
    table = Table(title=title, title_justify="left")
    for col in ("what", "P", "R", "F1", "TP", "FP", "FN"):
        table.add_column(col, justify="left" if col == "what" else "right")
    _row(table, "events", report["events"])
    for name in FIELDS:
        _row(table, f"  {name}", report["fields"][name])
    _row(table, "relations", report.get("relations"))
    console.print(table)
    dates = report.get("relation_dates") or {}
    if dates.get("total"):
        console.print(f"relation dates right on matched relations: {dates['correct']}/"
                      f"{dates['total']}")
    console.print(f"[bold]overall F1 {report['overall_f1']:.3f}[/bold] (mean of event "
                  f"detection and date, country, place, type, actor1, actor2, fatalities); "
                  f"background events: {report['background']}")
    if len(report.get("by_split", {})) > 1:
        for name, sub in report["by_split"].items():
            console.print(f"  {name}: events F1 {sub['events']['f1']:.3f}, overall F1 "
                          f"{sub['overall_f1']:.3f} ({sub['documents']} documents)")
    aside = report.get("pipeline", {})
    for layer in ("ingest", "extract"):
        for kind in ("near_duplicates", "rejected"):
            items = (aside.get(layer) or {}).get(kind) or []
            if items:
                console.print(f"[yellow]{layer} set aside {len(items)} document(s) as {kind}: "
                              "their gold events count as misses (see --json)[/yellow]")
    for skipped in report.get("skipped", []):
        console.print(f"[yellow]skipped {skipped['gold']}: {skipped['reason']}[/yellow]")
    if diff:
        for d in report["diff"]:
            console.print(f"\n[bold]{d['split']}/{d['document']}[/bold]")
            for m in d["missed"]:
                console.print(f"  [red]missed[/red]      {m}")
            for fa in d["false_alarms"]:
                quote = f'  "{fa["quote"]}"' if fa.get("quote") else ""
                console.print(f"  [yellow]false alarm[/yellow] {fa['event']}{quote}")
            for fe in d["field_errors"]:
                console.print(f"  [magenta]{fe['field']}[/magenta] expected {fe['expected']!r} "
                              f"got {fe['predicted']!r}  ({fe['gold']})")
            for r in d["relations_missed"]:
                console.print(f"  [red]missed relation[/red] {r}")
            for r in d["relations_false"]:
                console.print(f"  [yellow]false relation[/yellow] {r}")
