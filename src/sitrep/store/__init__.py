"""The store layer: one data-access layer over SQLite (default) or PostgreSQL."""

from .db import Store, default_db, insert_ignore

__all__ = ["Store", "default_db", "insert_ignore"]
