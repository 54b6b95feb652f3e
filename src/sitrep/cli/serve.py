"""The serve command: web UI and JSON API."""

from __future__ import annotations

import click

from .app import cli, db_option, open_store


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to listen on (0.0.0.0 exposes it to your network).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535),
              help="TCP port.")
@db_option
def serve(host: str, port: int, db: str | None) -> None:
    """Serve the web UI (map, timeline, network, sourced pages) and the JSON API.

    Pages: / /map /timeline /network /relations /events /actors /documents; every page has a
    JSON twin (add .json). API under /api (see /openapi.json and /docs). Read-only; Ctrl-C
    stops it.
    """
    import uvicorn

    from ..api import create_app
    from ..web import missing_assets

    app = create_app(open_store(db))
    missing = missing_assets()
    if missing:
        click.echo("Warning: web assets missing (" + ", ".join(missing) + "); run `npm ci && "
                   ".venv/bin/python scripts/copy_assets.py`. The API works without them.",
                   err=True)
    click.echo(f"sitrep serving {app.state.store.target} at http://{host}:{port}/  (Ctrl-C stops)")
    from ..store.queries import stats

    if stats(app.state.store)["totals"]["documents"] == 0:
        click.echo("The store is empty: add articles with `sitrep ingest PATH --db "
                   f"{app.state.store.target}`.", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
