"""Commands over extraction: extract, events, event, export events."""

from __future__ import annotations

import sys

import click

from ..errors import SitrepError
from .app import EXIT_REJECTED, F, cli, db_option, export, open_store


@cli.command("extract")
@click.option("--force", is_flag=True,
              help="Re-extract every document, not only those the current extractor has not "
                   "processed yet.")
@click.option("--fuse-every", type=click.IntRange(min=1), default=None, metavar="N",
              help="Fuse events after N documents, then each time the count doubles, and at "
                   "the end (default 2000). Rounds write events early, so a killed run keeps "
                   "them; the events are the same either way.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@db_option
def extract_command(force: bool, fuse_every: int | None, as_json: bool, db: str | None) -> None:
    """Extract events (dates, places, actors, tolls, claims) from stored documents.

    Incremental and idempotent: only documents not yet processed by this extractor and pack
    version are read, and each document's extraction replaces its previous one in one
    transaction. `sitrep ingest` runs this for you; use it after upgrading sitrep or the pack
    (or with --force). A document a stage fails on is set aside (see `sitrep documents
    --rejected`) and the others go on; the exit code is then 3.
    """
    import json

    from ..pipeline import FUSE_EVERY, extract_pending
    from ..sources.console import progress_bar

    store = open_store(db)
    with progress_bar("extracting") as progress:
        report = extract_pending(store, progress=progress, force=force,
                                 fuse_every=fuse_every or FUSE_EVERY)
    if as_json:
        click.echo(json.dumps(report.as_dict(), indent=2, ensure_ascii=False))
    else:
        click.echo(f"Extracted {report.documents} document(s) in {report.seconds:.2f}s: "
                   f"{report.events} event(s) from {report.mentions} mention(s), "
                   f"{report.statements} statement(s), {report.relations} relation(s).")
        for r in report.rejected:
            click.echo(f"  set aside {r['origin']}: [{r['code']}] {r['reason']}")
    if report.rejected:
        sys.exit(EXIT_REJECTED)


def _event_filter_options(fn: F) -> F:
    """The filters `events` and `export events` share (names match iter_event_records)."""
    for opt in reversed([
        click.option("--since", default=None, metavar="DATE",
                      help="Events on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD)."),
        click.option("--until", default=None, metavar="DATE",
                     help="Events on or before DATE (YYYY, YYYY-MM or YYYY-MM-DD)."),
        click.option("--country", default=None, help="Country name, e.g. Mali."),
        click.option("--actor", default=None, metavar="NAME",
                     help="Actor id or name in any role (actor1, actor2, associates, claims)."),
        click.option("--type", "event_type", default=None, metavar="TYPE",
                     help="ACLED event type or sub-type, e.g. Battles or 'Air/drone strike'."),
        click.option("--text", default=None, metavar="Q", help="Words in a source sentence."),
        click.option("--background/--no-background", default=None,
                     help="Only background (past, historical) events, or none of them. "
                          "Default: both."),
    ]):
        fn = opt(fn)
    return fn


def _date_arg(value: str | None, name: str) -> str | None:
    import re

    from ..errors import Errors

    if value and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        raise SitrepError(Errors.E501, name=name, value=value, detail="not a date",
                          fix="Use YYYY, YYYY-MM or YYYY-MM-DD.")
    return value


@cli.command("events")
@_event_filter_options
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1, 100_000))
@click.option("--json", "as_json", is_flag=True, help="Print JSON lines (the export shape).")
@db_option
def events_command(since: str | None, until: str | None, country: str | None,
                   actor: str | None, event_type: str | None, text: str | None,
                   background: bool | None, limit: int, as_json: bool, db: str | None) -> None:
    """List extracted events, oldest first, with their sources count.

    Example: `sitrep events --country Mali --since 2024-07 --actor JNIM`.
    """
    import json

    from ..pipeline.console import print_events
    from ..sources.console import table_console
    from ..store.events import iter_event_records

    records = list(iter_event_records(
        open_store(db), since=_date_arg(since, "--since"), until=_date_arg(until, "--until"),
        country=country, actor=actor, event_type=event_type, text=text, background=background,
        limit=limit))
    if as_json:
        for r in records:
            click.echo(json.dumps(r, ensure_ascii=False))
    else:
        print_events(records, table_console())


@cli.command("event")
@click.argument("event_id")
@click.option("--json", "as_json", is_flag=True, help="Print the event as JSON.")
@db_option
def event_command(event_id: str, as_json: bool, db: str | None) -> None:
    """Show one event with every source sentence, who said what, and how sure (modality)."""
    import json

    from ..pipeline.console import print_event
    from ..sources.console import table_console
    from ..store.queries import get_event

    event = get_event(open_store(db), event_id)
    if as_json:
        click.echo(json.dumps(event, indent=2, ensure_ascii=False, default=str))
    else:
        print_event(event, table_console())


@export.command("events")
@click.option("--format", "fmt", default="jsonl", show_default=True,
              type=click.Choice(["jsonl", "acled-csv", "geojson"]),
              help="jsonl: DESIGN.md fields; acled-csv: ACLED column names; geojson: points.")
@click.option("--output", "-o", default="-", metavar="FILE", show_default=True,
              help="File to write ('-' is standard output).")
@_event_filter_options
@db_option
def export_events(fmt: str, output: str, since: str | None, until: str | None,
                  country: str | None, actor: str | None, event_type: str | None,
                  text: str | None, background: bool | None, db: str | None) -> None:
    """Write events with their sources (document, quote, span) for other tools."""
    from ..pipeline.export import write_events
    from ..store.events import iter_event_records

    records = iter_event_records(
        open_store(db), since=_date_arg(since, "--since"), until=_date_arg(until, "--until"),
        country=country, actor=actor, event_type=event_type, text=text, background=background)
    with click.open_file(output, "w", encoding="utf-8") as out:
        write_events(records, out, fmt)
