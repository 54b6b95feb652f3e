"""Commands over the sources layer: ingest, documents, export documents."""

from __future__ import annotations

import sys
from typing import Any

import click

from .app import EXIT_REJECTED, cli, db_option, export, open_store


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

    from ..sources import ingest
    from ..sources.console import print_ingest_report, progress_bar

    store = open_store(db)
    with progress_bar("reading") as progress:
        report = ingest(store, list(paths), max_bytes=max_bytes, timeout=timeout,
                        progress=progress)
    extracted: dict[str, Any] | None = None
    if not no_extract:
        try:  # the pipeline layer may be absent in a partial install; ingest stands alone
            from ..pipeline import extract_pending
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
@click.option("--runs", "runs", is_flag=True,
              help="List recent ingest/extract runs and their status (running, done, failed, "
                   "or interrupted: killed mid-way; rerun the command to finish it).")
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1, 5000))
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@db_option
def documents_command(search: str | None, rejected: bool, runs: bool, limit: int,
                      as_json: bool, db: str | None) -> None:
    """List stored documents (newest first), search them, or list rejected inputs or runs."""
    import json

    from ..sources.console import print_documents, print_rejects, print_runs, table_console
    from ..store.documents import list_rejects
    from ..store.queries import list_documents
    from ..store.runs import list_runs

    store = open_store(db)
    if runs:
        run_rows = list_runs(store, limit=limit)
        if as_json:
            click.echo(json.dumps(run_rows, indent=2, ensure_ascii=False))
        else:
            print_runs(run_rows, table_console())
        return
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
        console = table_console()
        print_documents(page["items"], page["total"], console)
        cut = [r for r in list_runs(store, limit=5) if r["status"] == "interrupted"]
        if cut:
            from rich.markup import escape

            console.print(f"Note: run {cut[0]['id']} ({escape(cut[0]['command'][:60])}) was "
                          "interrupted; rerun it to finish (see `sitrep documents --runs`).")




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

    from ..store.documents import iter_document_records

    store = open_store(db)
    with click.open_file(output, "w", encoding="utf-8") as out:
        for record in iter_document_records(store, include_rejects=not no_rejects):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
