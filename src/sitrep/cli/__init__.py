"""The ``sitrep`` command: a thin shell over the library.

Each command parses options whose names match the library function's arguments, calls it, and
prints. User errors (``SitrepError``) print as ``[CODE] message  Fix: ...`` with exit code 2 and
never a traceback. Commands live in one module per layer (``cli/sources.py``, ``cli/pack.py``...);
importing them registers them on the group.
"""

from __future__ import annotations

from . import eval, fusion, pack, pipeline, relations, serve, sources  # noqa: F401  (registers commands)
from .app import EXIT_REJECTED, EXIT_USER_ERROR, cli, db_option, main, open_store

__all__ = ["EXIT_REJECTED", "EXIT_USER_ERROR", "cli", "db_option", "main", "open_store"]
