"""Knowledge-pack commands: actors, actor, places, pack validate|sync|info, export actors."""

from __future__ import annotations

import sys

import click

from ..errors import SitrepError
from .app import F, cli, db_option, export, open_store


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

    from ..errors import Errors
    from ..pack import load_pack
    from ..pack.types import ACTOR_KINDS
    from ..pack.views import actor_record, list_actors

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
@click.option("--db", "db", default=None, metavar="FILE",
              help="Read relations and events from this database (default: $SITREP_DB or "
                   "./sitrep.db when it exists; without one, the pack alone).")
@click.option("--events", "events_limit", default=50, show_default=True, metavar="N",
              type=click.IntRange(0, 10000), help="Show at most N events.")
@pack_option
def actor_command(name: str, as_json: bool, db: str | None, events_limit: int,
                  pack_name: str | None) -> None:
    """Show one actor: aliases, kind, country, its lineage (predecessors, factions,
    successors, leaders) as a dated timeline, current and past relations with their sources,
    and its events.

    NAME is an id or any alias in any spelling ("JNIM", "GSIM", "jama'at nusrat al islam").
    Relations come from the database (text, events and pack facts, each with its source)
    when there is one, from the knowledge pack otherwise.
    """
    import json
    from dataclasses import asdict
    from pathlib import Path

    from ..errors import Errors
    from ..pack import load_pack
    from ..pack.views import actor_sections, render_text
    from ..store import default_db

    pack = load_pack(pack_name)
    found = pack.actors.search(name)
    if not found:
        raise SitrepError(Errors.E207, name=name)
    if len(found) > 1:
        click.echo(f"{len(found)} actors match {name!r}; give one of these ids:", err=True)
        for actor in found[:50]:
            click.echo(f"  {actor.id:<32} {actor.name}")
        return
    target = db or default_db()
    use_store = db is not None or "://" in target or Path(target).is_file()
    ctx = {"store": open_store(target), "events_limit": events_limit} if use_store else {}
    sections = actor_sections(pack, found[0], **ctx)
    if as_json:
        click.echo(json.dumps([asdict(s) for s in sections], indent=2, ensure_ascii=False))
    else:
        click.echo(render_text(sections))
        if not use_store:
            click.echo("\n(no database: relations from the knowledge pack only; give --db "
                       "for extracted relations and events)", err=True)


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

    from ..errors import Errors
    from ..pack import load_pack
    from ..pack.views import place_record

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

    from ..pack.validate import validate_pack

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
    from ..pack import load_pack
    from ..store.actors import sync_pack_actors

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

    from ..pack import load_pack

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

    from ..pack import load_pack
    from ..pack.views import iter_actor_records

    with click.open_file(output, "w", encoding="utf-8") as out:
        for record in iter_actor_records(load_pack(pack_name), kind=kind, country=country):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
