"""Commands over event fusion: fuse, merge, split, judgements, undo.

A thin shell over ``sitrep.fusion`` (``fuse_events`` and ``sitrep.fusion.judgements``); option
names match the library's arguments. Analyst decisions are recorded with the analyst's name
(``--author``, default ``$SITREP_ANALYST`` or the OS user) and survive re-extraction.
"""

from __future__ import annotations

import json
from typing import Any

import click

from .app import cli, db_option, open_store

_AUTHOR_HELP = "Who decides (default: $SITREP_ANALYST, else the OS user)."


def _show(j: dict[str, Any]) -> str:
    p = j["payload"]
    if j["kind"] == "merge" and j["automatic"]:
        what = f"{len(p.get('events', []))} document events are one event"
    elif j["kind"] == "merge":
        what = "events " + " + ".join(p.get("events", [])) + " are one event"
    elif j["kind"] == "split":
        what = (f"document {p.get('origin') or p.get('document')} is not the same event as "
                "the others")
    elif j["kind"] == "undo":
        what = f"withdrew #{p.get('judgement')} ({p.get('kind')})"
    else:
        what = json.dumps(p, ensure_ascii=False)
    undone = f"  [undone {j['undone_at']}]" if j.get("undone_at") else ""
    why = f"  — {j['reason']}" if j.get("reason") else ""
    return (f"#{j['id']} {j['kind']:<5} {j['target']}  by {j['author']} at {j['created_at']}"
            f"{undone}\n    {what}{why}")


@cli.command("fuse")
@click.option("--full", is_flag=True,
              help="Rebuild every event from the statements (after a change of fusion rules); "
                   "by default only what extraction queued is re-fused.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@db_option
def fuse_command(full: bool, as_json: bool, db: str | None) -> None:
    """Fuse reports of the same event into one event (run after every `sitrep extract`)."""
    from ..fusion.apply import fuse_events

    report = fuse_events(open_store(db), full=full)
    if as_json:
        click.echo(json.dumps(report.as_dict()))
        return
    click.echo(f"{'Rebuilt' if report.full else 'Re-fused'} {report.refused} document event(s) "
               f"in {report.seconds:.2f} s: {report.document_events} document event(s) → "
               f"{report.events} event(s) ({report.merged} joined another report's event).")


@cli.command("merge")
@click.argument("event_ids", nargs=-1, required=True, metavar="EVENT_ID EVENT_ID...")
@click.option("--reason", default=None, help="Why (kept with the judgement).")
@click.option("--author", default=None, help=_AUTHOR_HELP)
@click.option("--json", "as_json", is_flag=True, help="Print the judgement as JSON.")
@db_option
def merge_command(event_ids: tuple[str, ...], reason: str | None, author: str | None,
                  as_json: bool, db: str | None) -> None:
    """Judge two or more events to be one event (undo with `sitrep undo ID`)."""
    from ..fusion.judgements import merge

    j = merge(open_store(db), list(event_ids), reason=reason, author=author)
    click.echo(json.dumps(j, default=str) if as_json else "Recorded " + _show(j))


@cli.command("split")
@click.argument("event_id")
@click.option("--document", required=True, metavar="DOC",
              help="The document (id, file name or URL as `sitrep event` shows it) whose "
                   "mentions move out into their own event.")
@click.option("--reason", default=None, help="Why (kept with the judgement).")
@click.option("--author", default=None, help=_AUTHOR_HELP)
@click.option("--json", "as_json", is_flag=True, help="Print the judgement as JSON.")
@db_option
def split_command(event_id: str, document: str, reason: str | None, author: str | None,
                  as_json: bool, db: str | None) -> None:
    """Judge one document's report to be a different event from the rest of EVENT_ID."""
    from ..fusion.judgements import split

    j = split(open_store(db), event_id, document, reason=reason, author=author)
    click.echo(json.dumps(j, default=str) if as_json else "Recorded " + _show(j))


@cli.command("judgements")
@click.option("--event", "event_id", default=None, metavar="ID",
              help="Only judgements about this event or its reports.")
@click.option("--analyst-only", is_flag=True, help="Hide the automatic merges.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON lines.")
@db_option
def judgements_command(event_id: str | None, analyst_only: bool, as_json: bool,
                       db: str | None) -> None:
    """List fusion judgements: who decided what, when and why (undone ones included)."""
    from ..fusion.judgements import list_judgements

    rows = list_judgements(open_store(db), event_id=event_id, automatic=not analyst_only)
    for j in rows:
        click.echo(json.dumps(j, default=str) if as_json else _show(j))
    if not as_json:
        click.echo(f"{len(rows)} judgement(s). Withdraw one with `sitrep undo ID`.")


@cli.command("undo")
@click.argument("judgement_id", type=int)
@click.option("--reason", default=None, help="Why (kept with the undo record).")
@click.option("--author", default=None, help=_AUTHOR_HELP)
@db_option
def undo_command(judgement_id: int, reason: str | None, author: str | None,
                 db: str | None) -> None:
    """Withdraw an analyst judgement; the events it touched are re-fused (it stays listed)."""
    from ..fusion.judgements import undo

    j = undo(open_store(db), judgement_id, reason=reason, author=author)
    click.echo("Undone " + _show(j))
