"""The ``sitrep`` command: a thin shell over the library.

Each command parses options whose names match the library function's arguments, calls it, and
prints. User errors (``SitrepError``) print as ``[CODE] message  Fix: ...`` with exit code 2 and
never a traceback. Commands are grouped below by layer; keep each one short.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from . import __version__
from .errors import SitrepError
from .store import Store, default_db

F = TypeVar("F", bound=Callable[..., Any])

EXIT_USER_ERROR = 2
EXIT_REJECTED = 3  # the batch finished but some inputs were set aside


def db_option(fn: F) -> F:
    """``--db FILE`` on every command that touches the store."""
    return click.option(
        "--db", "db", default=None, metavar="FILE",
        help="SQLite file (or postgresql:// URL). Default: $SITREP_DB or ./sitrep.db.",
    )(fn)


def open_store(db: str | None) -> Store:
    return Store(db or default_db())


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="sitrep")
def cli() -> None:
    """sitrep: turn news reports about armed conflict into a sourced knowledge base.

    Typical use: `sitrep ingest ARTICLES/` then `sitrep events`, `sitrep actors`,
    `sitrep serve`. Every fact keeps the document, span and quote it came from.
    """


# ---------------------------------------------------------------------------------- sources


@cli.command("ingest")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@db_option
@click.option("--max-bytes", "max_bytes", default=5_000_000, show_default=True,
              type=click.IntRange(min=1), help="Set aside files and pages larger than this.")
@click.option("--timeout", default=20.0, show_default=True, type=click.FloatRange(min=0.1),
              help="Seconds to wait for each URL.")
@click.option("--no-extract", "no_extract", is_flag=True,
              help="Only store documents; run extraction later with `sitrep extract`.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("-v", "--verbose", is_flag=True, help="List every new document.")
def ingest_command(paths: tuple[str, ...], db: str | None, max_bytes: int, timeout: float,
                   no_extract: bool, as_json: bool, verbose: bool) -> None:
    """Store articles from files, folders, JSONL manifests, RSS/Atom feeds or http(s) URLs.

    Folders are read recursively (.txt .md .html .htm .jsonl .xml .rss .atom); a folder's
    manifest.jsonl gives title/source/published/language for the files it names. Text is
    cleaned of web boilerplate, files holding two articles are split, and the same text is
    stored once (near-duplicates are linked). Bad inputs are set aside with a reason and the
    exit code is 3. Rerunning is safe: what is stored is skipped. Example:
    `sitrep ingest articles/ https://example.org/feed.xml`.
    """
    import json

    from rich.console import Console

    from .sources import ingest
    from .sources.console import print_ingest_report, progress_bar

    store = open_store(db)
    with progress_bar("reading") as progress:
        report = ingest(store, list(paths), max_bytes=max_bytes, timeout=timeout,
                        progress=progress)
    extracted: dict[str, Any] | None = None
    if not no_extract:
        try:  # the pipeline layer may be absent in a partial install; ingest stands alone
            from .pipeline import extract_pending
        except ImportError:
            extract_pending = None  # type: ignore[assignment]
        if extract_pending is not None:
            with progress_bar("extracting") as progress:
                extracted = extract_pending(store, progress=progress).as_dict()
    if as_json:
        click.echo(json.dumps({**report.as_dict(), "extraction": extracted}, indent=2,
                              ensure_ascii=False))
    else:
        console = Console(soft_wrap=True, highlight=False)
        print_ingest_report(report, console, verbose=verbose)
        if extracted is not None and (extracted["documents"] or extracted["rejected"]):
            console.print(f"Extracted {extracted['documents']} document(s): "
                          f"{extracted['events']} event(s), {extracted['relations']} "
                          f"relation(s).")
    if report.rejected:
        sys.exit(EXIT_REJECTED)  # SystemExit passes through click's non-standalone main


@cli.command("documents")
@click.option("--search", default=None, metavar="TEXT",
              help="Full-text search over titles and text (every word must occur).")
@click.option("--rejected", is_flag=True, help="List inputs set aside, with the reason.")
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1, 5000))
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@db_option
def documents_command(search: str | None, rejected: bool, limit: int, as_json: bool,
                      db: str | None) -> None:
    """List stored documents (newest first), search them, or list rejected inputs."""
    import json

    from .sources.console import print_documents, print_rejects, table_console
    from .store.documents import list_rejects
    from .store.queries import list_documents

    store = open_store(db)
    if rejected:
        rows = list_rejects(store, limit=limit, search=search)
        if as_json:
            click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        else:
            print_rejects(rows, table_console())
        return
    page = list_documents(store, q=search, limit=limit)
    if as_json:
        click.echo(json.dumps(page, indent=2, ensure_ascii=False))
    else:
        print_documents(page["items"], page["total"], table_console())


@cli.group("export")
def export() -> None:
    """Write the knowledge base in formats other tools read (see DESIGN.md for shapes)."""


@export.command("documents")
@click.option("--format", "fmt", default="jsonl", show_default=True,
              type=click.Choice(["jsonl"]), help="Output format.")
@click.option("--output", "-o", default="-", metavar="FILE", show_default=True,
              help="File to write ('-' is standard output).")
@click.option("--no-rejects", "no_rejects", is_flag=True, help="Leave rejected inputs out.")
@db_option
def export_documents(fmt: str, output: str, no_rejects: bool, db: str | None) -> None:
    """One JSON object per document: id, document (origin), title, source, url, path,
    published, text; rejected inputs follow with `rejected: {code, reason}`."""
    import json

    from .store.documents import iter_document_records

    store = open_store(db)
    with click.open_file(output, "w", encoding="utf-8") as out:
        for record in iter_document_records(store, include_rejects=not no_rejects):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


# ---------------------------------------------------------------------------------- pack


def pack_option(fn: F) -> F:
    """``--pack NAME|DIR`` on commands that read the knowledge pack (no database needed)."""
    return click.option(
        "--pack", "pack_name", default=None, metavar="NAME|DIR",
        help="Knowledge pack: a built-in name or a folder. Default: $SITREP_PACK or sahel.",
    )(fn)


@cli.command("actors")
@click.option("--kind", default=None, metavar="KIND",
              help="Only this kind: jihadist_group, armed_group, militia, state_forces, police, "
                   "foreign_forces, pmc, mission, government, political, person, civilians.")
@click.option("--country", default=None, metavar="CC",
              help="Only this country (ISO code, e.g. ML).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON lines (the export shape).")
@pack_option
def actors_command(kind: str | None, country: str | None, as_json: bool,
                   pack_name: str | None) -> None:
    """List the actors of the knowledge pack (works with no documents ingested)."""
    import json

    from .errors import Errors
    from .pack import load_pack
    from .pack.types import ACTOR_KINDS
    from .pack.views import actor_record, list_actors

    if kind and kind not in ACTOR_KINDS:
        raise SitrepError(Errors.E501, name="--kind", value=kind, detail="unknown kind",
                          fix=f"Use one of: {', '.join(ACTOR_KINDS)}.")
    found = list_actors(load_pack(pack_name), kind=kind, country=country)
    for actor in found:
        if as_json:
            click.echo(json.dumps(actor_record(actor), ensure_ascii=False))
        else:
            click.echo(f"{actor.id:<32} {actor.kind:<15} {actor.country or '':<8} {actor.name}"
                       f"  ({len(actor.aliases)} aliases)")
    if not as_json:
        click.echo(f"{len(found)} actor(s). Details: sitrep actor NAME", err=True)


@cli.command("actor")
@click.argument("name")
@click.option("--json", "as_json", is_flag=True, help="Print the page's sections as JSON.")
@pack_option
def actor_command(name: str, as_json: bool, pack_name: str | None) -> None:
    """Show one actor: aliases, kind, country and dated facts with their sources.

    NAME is an id or any alias in any spelling ("JNIM", "GSIM", "jama'at nusrat al islam").
    """
    import json
    from dataclasses import asdict

    from .errors import Errors
    from .pack import load_pack
    from .pack.views import actor_sections, render_text

    pack = load_pack(pack_name)
    found = pack.actors.search(name)
    if not found:
        raise SitrepError(Errors.E207, name=name)
    if len(found) > 1:
        click.echo(f"{len(found)} actors match {name!r}; give one of these ids:", err=True)
        for actor in found[:50]:
            click.echo(f"  {actor.id:<32} {actor.name}")
        return
    sections = actor_sections(pack, found[0])
    if as_json:
        click.echo(json.dumps([asdict(s) for s in sections], indent=2, ensure_ascii=False))
    else:
        click.echo(render_text(sections))


@cli.command("places")
@click.argument("name")
@click.option("--country", default=None, metavar="CC", help="Only places in this country (ISO).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON lines.")
@pack_option
def places_command(name: str, country: str | None, as_json: bool, pack_name: str | None) -> None:
    """List gazetteer places named NAME (any spelling), most important first.

    Shows country, admin1, admin2, coordinates, GeoNames feature class/code and population.
    Place data: GeoNames (geonames.org, CC BY 4.0) plus the pack's curated supplement.
    """
    import json

    from .errors import Errors
    from .pack import load_pack
    from .pack.views import place_record

    found = load_pack(pack_name).gazetteer.search(name, country=country)
    if not found:
        raise SitrepError(Errors.E204, name=name, where=f" in {country}" if country else "")
    for place in found:
        rec = place_record(place)
        if as_json:
            click.echo(json.dumps(rec, ensure_ascii=False))
            continue
        where = ", ".join(x for x in (place.admin2, place.admin1, place.country) if x)
        coords = (f"{place.latitude:.4f},{place.longitude:.4f}"
                  if place.latitude is not None and place.longitude is not None else "-")
        click.echo(f"{place.id:<24} {place.name:<24} {where:<36} {coords:<20} "
                   f"{place.feature_class or ''}.{place.feature_code or ''}  "
                   f"pop {place.population}")
    if not as_json:
        click.echo(f"{len(found)} place(s). Data: GeoNames (geonames.org, CC BY 4.0).", err=True)


@cli.group("pack")
def pack_group() -> None:
    """Inspect and check the knowledge pack (actor registry, gazetteer, generic rules)."""


@pack_group.command("validate")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@pack_option
def pack_validate(as_json: bool, pack_name: str | None) -> None:
    """Check the pack's data: broken references, aliases claimed by two actors, missing
    source notes, dates that run backwards. Exit code 1 when there are errors."""
    import json

    from .pack.validate import validate_pack

    report = validate_pack(pack_name)
    if as_json:
        click.echo(json.dumps(report.as_dict(), indent=2, ensure_ascii=False))
    else:
        for p in report.problems:
            click.echo(f"{p.level}: [{p.check}] {p.where}: {p.message}")
        status = "OK" if report.ok else f"{len(report.errors)} error(s)"
        click.echo(f"Pack {report.pack} ({report.path}): {report.actors} actors, "
                   f"{report.places} places: {status}.")
    if not report.ok:
        sys.exit(1)


@pack_group.command("sync")
@db_option
@pack_option
def pack_sync(db: str | None, pack_name: str | None) -> None:
    """Copy the pack's actors and aliases into the database's actors/aliases tables.

    Idempotent: entries are upserted, aliases added; rows the pack does not hold are kept."""
    from .pack import load_pack
    from .store.actors import sync_pack_actors

    counts = sync_pack_actors(open_store(db), load_pack(pack_name))
    click.echo(f"{counts['actors_added']} actor(s) added, {counts['actors_updated']} updated, "
               f"{counts['aliases_added']} alias(es) added.")


@pack_group.command("info")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pack_option
def pack_info(as_json: bool, pack_name: str | None) -> None:
    """Show what the pack holds and how long it took to load."""
    import json
    import time
    from collections import Counter

    from .pack import load_pack

    t0 = time.perf_counter()
    pack = load_pack(pack_name)
    seconds = time.perf_counter() - t0
    info = {"name": pack.name, "version": pack.version, "path": str(pack.path),
            "actors": len(pack.actors),
            "actors_by_kind": dict(Counter(a.kind for a in pack.actors).most_common()),
            "places": len(pack.gazetteer), "names_indexed": len(pack.data.payloads),
            "load_seconds": round(seconds, 3),
            "attribution": pack.meta.get("attribution", "")}
    if as_json:
        click.echo(json.dumps(info, indent=2, ensure_ascii=False))
    else:
        for key, value in info.items():
            click.echo(f"{key:<16} {value}")


@export.command("actors")
@click.option("--format", "fmt", default="jsonl", show_default=True,
              type=click.Choice(["jsonl"]), help="Output format.")
@click.option("--output", "-o", default="-", metavar="FILE", show_default=True,
              help="File to write ('-' is standard output).")
@click.option("--kind", default=None, metavar="KIND", help="Only this kind of actor.")
@click.option("--country", default=None, metavar="CC", help="Only this country (ISO code).")
@pack_option
def export_actors(fmt: str, output: str, kind: str | None, country: str | None,
                  pack_name: str | None) -> None:
    """One JSON object per actor of the pack: actor_id, name, kind, country, aliases."""
    import json

    from .pack import load_pack
    from .pack.views import iter_actor_records

    with click.open_file(output, "w", encoding="utf-8") as out:
        for record in iter_actor_records(load_pack(pack_name), kind=kind, country=country):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


# ---------------------------------------------------------------------------------- pipeline


@cli.command("extract")
@click.option("--force", is_flag=True,
              help="Re-extract every document, not only those the current extractor has not "
                   "processed yet.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@db_option
def extract_command(force: bool, as_json: bool, db: str | None) -> None:
    """Extract events (dates, places, actors, tolls, claims) from stored documents.

    Incremental and idempotent: only documents not yet processed by this extractor and pack
    version are read, and each document's extraction replaces its previous one in one
    transaction. `sitrep ingest` runs this for you; use it after upgrading sitrep or the pack
    (or with --force). A document a stage fails on is set aside (see `sitrep documents
    --rejected`) and the others go on; the exit code is then 3.
    """
    import json

    from .pipeline import extract_pending
    from .sources.console import progress_bar

    store = open_store(db)
    with progress_bar("extracting") as progress:
        report = extract_pending(store, progress=progress, force=force)
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

    from .errors import Errors

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

    from .pipeline.console import print_events
    from .sources.console import table_console
    from .store.events import iter_event_records

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

    from .pipeline.console import print_event
    from .sources.console import table_console
    from .store.queries import get_event

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
    from .pipeline.export import write_events
    from .store.events import iter_event_records

    records = iter_event_records(
        open_store(db), since=_date_arg(since, "--since"), until=_date_arg(until, "--until"),
        country=country, actor=actor, event_type=event_type, text=text, background=background)
    with click.open_file(output, "w", encoding="utf-8") as out:
        write_events(records, out, fmt)

# ---------------------------------------------------------------------------------- relations


@cli.command("relations")
@click.option("--actor", default=None, metavar="ID", help="Only relations of this actor id.")
@click.option("--predicate", default=None, metavar="P", help="Only this predicate (fights...).")
@click.option("--as-of", "as_of", default=None, metavar="DATE",
              help="Only relations valid on this date (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON lines (the export shape).")
@db_option
def relations_command(actor: str | None, predicate: str | None, as_of: str | None,
                      as_json: bool, db: str | None) -> None:
    """List dated relations between actors, each with its source count."""
    import json

    from .store.relations import iter_relation_records

    for r in iter_relation_records(open_store(db), as_of=as_of, actor=actor,
                                   predicate=predicate):
        if as_json:
            click.echo(json.dumps(r, ensure_ascii=False))
            continue
        period = f"{r['start'] or '?'}..{r['end'] or ''}"
        click.echo(f"{r['subject']} --{r['predicate']}--> {r['object']}  [{period}]  "
                   f"{r['modality'] or ''}, {len(r['sources'])} source(s), {r['origin']}")


@cli.command("network")
@click.option("--as-of", "as_of", default=None, metavar="DATE",
              help="The graph valid on this date (default: every relation ever stated).")
@click.option("--format", "fmt", default="json", show_default=True,
              type=click.Choice(["json", "graphml"]), help="Output format.")
@db_option
def network_command(as_of: str | None, fmt: str, db: str | None) -> None:
    """The actor network (actors and dated relations) valid on a date."""
    import json

    from .store.queries import network
    from .store.relations import to_graphml

    graph = network(open_store(db), as_of=as_of)
    click.echo(to_graphml(graph) if fmt == "graphml"
               else json.dumps(graph, ensure_ascii=False, indent=2))


@export.command("relations")
@click.option("--format", "fmt", default="jsonl", show_default=True,
              type=click.Choice(["jsonl", "graphml"]), help="Output format.")
@click.option("--output", "-o", default="-", metavar="FILE", show_default=True,
              help="Write here instead of standard output.")
@click.option("--as-of", "as_of", default=None, metavar="DATE",
              help="Only relations valid on this date.")
@db_option
def export_relations(fmt: str, output: str, as_of: str | None, db: str | None) -> None:
    """Export relations as JSON lines (subject, predicate, object, start, end, sources) or
    the actor network as GraphML."""
    import json

    from .store.queries import network
    from .store.relations import iter_relation_records, to_graphml

    store = open_store(db)
    with click.open_file(output, "w", encoding="utf-8") as out:
        if fmt == "graphml":
            out.write(to_graphml(network(store, as_of=as_of)))
        else:
            for r in iter_relation_records(store, as_of=as_of):
                out.write(json.dumps(r, ensure_ascii=False) + "\n")


# ---------------------------------------------------------------------------------- eval


@cli.command("eval")
@click.argument("gold", nargs=-1, type=click.Path(dir_okay=False))
@click.option("--split", default="dev", show_default=True,
              type=click.Choice(["dev", "heldout", "seeds", "demo", "all"]),
              help="Which of the repository's gold sets to score (ignored when GOLD is given).")
@click.option("--predictions", default=None, metavar="FILE",
              help="Score this events JSONL (`sitrep export events --format jsonl`) instead of "
                   "running the pipeline on the gold's corpus.")
@click.option("--relations", default=None, metavar="FILE",
              help="Relations JSONL to score along with --predictions.")
@click.option("--background", default="optional", show_default=True,
              type=click.Choice(["optional", "required"]),
              help="Whether missing a background event (history mentioned in passing) counts.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON (for CI).")
@click.option("--diff", is_flag=True,
              help="List misses, false alarms and wrong fields per document.")
def eval_command(gold: tuple[str, ...], split: str, predictions: str | None,
                 relations: str | None, background: str, as_json: bool, diff: bool) -> None:
    """Score extraction against gold annotations: precision, recall, F1 per field.

    Without --predictions, the gold's documents are ingested into a temporary database and run
    through the real pipeline. Matching rules: docs/gold-format.md. Example:
    `sitrep eval --split heldout --diff`.
    """
    import json

    from rich.console import Console

    from .eval import evaluate
    from .eval.render import render_report

    report = evaluate(gold, split=split, predictions=predictions, relations=relations,
                      background=background)
    if as_json:
        if not diff:
            report.pop("diff", None)
        click.echo(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        render_report(report, Console(), diff=diff)

# ---------------------------------------------------------------------------------- serve

@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to listen on (0.0.0.0 exposes it to your network).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535),
              help="TCP port.")
@db_option
def serve(host: str, port: int, db: str | None) -> None:
    """Serve the web UI (map, timeline, network, sourced pages) and the JSON API.

    Pages: / /map /timeline /network /events /actors /documents; every page has a JSON twin
    (add .json). API under /api (see /openapi.json and /docs). Read-only; Ctrl-C stops it.
    """
    import uvicorn

    from .api import create_app
    from .web import missing_assets

    app = create_app(open_store(db))
    missing = missing_assets()
    if missing:
        click.echo("Warning: web assets missing (" + ", ".join(missing) + "); run `npm ci && "
                   ".venv/bin/python scripts/copy_assets.py`. The API works without them.",
                   err=True)
    click.echo(f"sitrep serving {app.state.store.target} at http://{host}:{port}/  (Ctrl-C stops)")
    from .store.queries import stats

    if stats(app.state.store)["totals"]["documents"] == 0:
        click.echo("The store is empty: add articles with `sitrep ingest PATH --db "
                   f"{app.state.store.target}`.", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


def main(argv: list[str] | None = None) -> None:
    try:
        # standalone_mode=False hands back ctx.exit(N) codes instead of exiting
        rv = cli.main(args=argv, prog_name="sitrep", standalone_mode=False)
        if isinstance(rv, int) and rv:
            sys.exit(rv)
    except SitrepError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(EXIT_USER_ERROR)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        click.echo("Interrupted; rerun the same command to finish (work done so far is kept).",
                   err=True)
        sys.exit(130)


if __name__ == "__main__":
    main()
