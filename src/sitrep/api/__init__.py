"""sitrep.api: the HTTP layer (FastAPI). ``create_app(db)`` builds the JSON API and the web UI."""

from .app import create_app

__all__ = ["create_app"]
