"""Terminal output for ``sitrep ingest`` and ``sitrep documents`` (kept out of the library).

The progress bar only appears on a terminal: piped or logged output gets the summary alone.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from .ingest import IngestReport


@contextmanager
def progress_bar(label: str, *, enabled: bool | None = None
                 ) -> Iterator[Callable[..., None] | None]:
    """A ``progress(done, total, ...)`` callback drawing a rich bar, or None off a TTY."""
    if enabled is None:
        enabled = sys.stdout.isatty()
    if not enabled:
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TextColumn("{task.fields[current]}"), transient=True) as bar:
        task = bar.add_task(label, total=None, current="")

        def update(done: int, total: int, current: str = "") -> None:
            bar.update(task, completed=done, total=total, current=escape(current[-50:]))

        yield update


def print_ingest_report(report: IngestReport, console: Console, *, verbose: bool = False) -> None:
    s = report.summary()
    if not (s["new"] or s["rejected"] or s["warnings"]):
        console.print(f"Nothing new: {s['duplicates']} document(s) already stored.")
    else:
        console.print(f"Ingested {s['new']} new document(s); {s['duplicates']} already stored, "
                      f"{s['near_duplicates']} near-duplicate(s) linked, "
                      f"{s['rejected']} rejected.")
    if verbose:
        for d in report.new:
            console.print(f"  + {d['id']}  {escape(d['origin'])}  {escape(d['title'] or '')}",
                          highlight=False)
    for n in report.near_duplicates:
        console.print(f"  ≈ {escape(n['origin'])} is a near-duplicate of {n['near_duplicate_of']}"
                      f" (similarity {n['similarity']:.2f})", highlight=False)
    for w in report.warnings:
        console.print(f"  ! {escape(w['origin'])}: [{w['code']}] {escape(w['reason'])}",
                      highlight=False)
    for r in report.rejected:
        console.print(f"  ✗ {escape(r['origin'])}: [{r['code']}] {escape(r['reason'])}",
                      highlight=False)
    if report.rejected:
        console.print("Rejected inputs were set aside; list them with "
                      "`sitrep documents --rejected`.")


def table_console() -> Console:
    """A console that does not squeeze tables to 80 columns when output is piped."""
    console = Console(soft_wrap=True, highlight=False)
    if not console.is_terminal:
        console = Console(width=200, soft_wrap=True, highlight=False)
    return console


def print_documents(rows: list[dict[str, Any]], total: int, console: Console) -> None:
    table = Table(box=None, pad_edge=False)
    for name in ("id", "published", "source", "title", "origin"):
        table.add_column(name, no_wrap=True, overflow="ellipsis",
                         max_width={"source": 24, "title": 60}.get(name))
    for r in rows:
        table.add_row(r["id"], r["published"] or "", escape(r["source"] or ""),
                      escape(r["title"] or ""), escape(r["origin"]))
    if not total:
        console.print("No documents match. Add some with `sitrep ingest PATH...`.")
        return
    console.print(table)
    console.print(f"{len(rows)} of {total} document(s).")


def print_rejects(rows: list[dict[str, Any]], console: Console) -> None:
    table = Table("origin", "code", "reason", box=None, pad_edge=False)
    for r in rows:
        table.add_row(escape(r["origin"]), r["code"], escape(r["reason"]))
    console.print(table)
    console.print(f"{len(rows)} reject(s).")


def print_runs(rows: list[dict[str, Any]], console: Console) -> None:
    """Recent runs; an ``interrupted`` one (killed mid-way) is the command to run again."""
    table = Table("id", "status", "started", "finished", "command", box=None, pad_edge=False)
    for r in rows:
        status = r["status"]
        style = {"interrupted": "yellow", "failed": "red"}.get(status)
        table.add_row(str(r["id"]), f"[{style}]{status}[/]" if style else status,
                      r["started_at"], r["finished_at"] or "", escape(r["command"]))
    console.print(table)
    if any(r["status"] == "interrupted" for r in rows):
        console.print("An interrupted run kept what it had committed; run the same command "
                      "again to finish it (stored documents are skipped).")
