"""Commands over actor relations: relations, network, export relations."""

from __future__ import annotations

import click

from .app import cli, db_option, export, open_store


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

    from ..store.relations import iter_relation_records

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

    from ..store.queries import network
    from ..store.relations import to_graphml

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

    from ..store.queries import network
    from ..store.relations import iter_relation_records, to_graphml

    store = open_store(db)
    with click.open_file(output, "w", encoding="utf-8") as out:
        if fmt == "graphml":
            out.write(to_graphml(network(store, as_of=as_of)))
        else:
            for r in iter_relation_records(store, as_of=as_of):
                out.write(json.dumps(r, ensure_ascii=False) + "\n")
