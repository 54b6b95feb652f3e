"""The ``sitrep`` group, shared options and the entry point.

Each command parses options whose names match the library function's arguments, calls it, and
prints. User errors (``SitrepError``) print as ``[CODE] message  Fix: ...`` with exit code 2 and
never a traceback. Commands are grouped below by layer; keep each one short.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from .. import __version__
from ..errors import SitrepError
from ..store import Store, default_db

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


@cli.group("export")
def export() -> None:
    """Write the knowledge base in formats other tools read (see DESIGN.md for shapes)."""


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
