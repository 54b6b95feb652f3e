"""Commands over actor relations: relations, network, export relations."""

from __future__ import annotations

import click

from ..model import PREDICATES
from .app import cli, db_option, export, open_store

_ORIGINS = ["text", "event", "pack", "analyst"]
_origin_option = click.option(
    "--origin", default=None, type=click.Choice(_ORIGINS),
    help="Only relations with this kind of evidence: text (a sentence states it), event "
         "(events imply it), pack (a knowledge-pack fact), analyst.")


@cli.command("relations")
@click.option("--actor", default=None, metavar="NAME",
              help="Only relations of this actor (an id or any alias: JNIM, GSIM...).")
@click.option("--predicate", default=None, type=click.Choice(PREDICATES),
              help="Only this predicate.")
@click.option("--as-of", "as_of", default=None, metavar="DATE",
              help="Only relations valid on this date (YYYY, YYYY-MM or YYYY-MM-DD).")
@_origin_option
@click.option("--sources", "show_sources", is_flag=True,
              help="Print each relation's sources (document and quote) under it.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON lines (the export shape).")
@db_option
def relations_command(actor: str | None, predicate: str | None, as_of: str | None,
                      origin: str | None, show_sources: bool, as_json: bool,
                      db: str | None) -> None:
    """List dated relations between actors, each with its sources.

    A relation is one row per (subject, predicate, object) however many documents, events
    or pack facts support it; ORIGINS lists which kinds of evidence it has. Example:
    `sitrep relations --actor JNIM --as-of 2020-06 --sources`.
    """
    import json

    from ..store.queries.actors import resolve_actor
    from ..store.relations import iter_relation_records

    store = open_store(db)
    actor_id = resolve_actor(store, actor) if actor else None
    n = 0
    for r in iter_relation_records(store, as_of=as_of, actor=actor_id, predicate=predicate,
                                   origin=origin):
        n += 1
        if as_json:
            click.echo(json.dumps(r, ensure_ascii=False))
            continue
        period = f"{r['start'] or '?'}..{r['end'] or ''}"
        click.echo(f"{r['subject']} --{r['predicate']}--> {r['object']}  [{period}]  "
                   f"{r['modality'] or ''}, {len(r['sources'])} source(s), "
                   f"{'+'.join(r['origins'])}")
        if show_sources:
            for s in r["sources"]:
                quote = " ".join((s.get("quote") or "").split())
                click.echo(f"    [{s['via']}] {s['document']}: {quote[:200]}")
    if not as_json:
        click.echo(f"{n} relation(s).", err=True)


@cli.command("network")
@click.option("--as-of", "as_of", default=None, metavar="DATE",
              help="The graph valid on this date (default: every relation ever stated).")
@_origin_option
@click.option("--format", "fmt", default="json", show_default=True,
              type=click.Choice(["json", "graphml"]), help="Output format.")
@db_option
def network_command(as_of: str | None, origin: str | None, fmt: str, db: str | None) -> None:
    """The actor network (actors and dated relations) valid on a date."""
    import json

    from ..store.queries import network
    from ..store.relations import to_graphml

    graph = network(open_store(db), as_of=as_of, origin=origin)
    click.echo(to_graphml(graph) if fmt == "graphml"
               else json.dumps(graph, ensure_ascii=False, indent=2))


@export.command("relations")
@click.option("--format", "fmt", default="jsonl", show_default=True,
              type=click.Choice(["jsonl", "graphml"]), help="Output format.")
@click.option("--output", "-o", default="-", metavar="FILE", show_default=True,
              help="Write here instead of standard output.")
@click.option("--as-of", "as_of", default=None, metavar="DATE",
              help="Only relations valid on this date.")
@_origin_option
@db_option
def export_relations(fmt: str, output: str, as_of: str | None, origin: str | None,
                     db: str | None) -> None:
    """Export relations as JSON lines (subject, predicate, object, start, end, sources; plus
    ids, precision, modality and origins) or the actor network as GraphML."""
    import json

    from ..store.queries import network
    from ..store.relations import iter_relation_records, to_graphml

    store = open_store(db)
    with click.open_file(output, "w", encoding="utf-8") as out:
        if fmt == "graphml":
            out.write(to_graphml(network(store, as_of=as_of, origin=origin)))
        else:
            for r in iter_relation_records(store, as_of=as_of, origin=origin):
                out.write(json.dumps(r, ensure_ascii=False) + "\n")
