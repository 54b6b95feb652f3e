"""sitrep.sources: files, folders, manifests, feeds and URLs become stored documents.

``ingest(store, paths)`` is the entry point; the CLI's ``sitrep ingest`` is a thin shell over
it. Cleaning (``clean``), article splitting (``split``) and near-duplicate detection
(``neardup``) are separate, individually tested steps.
"""

from .ingest import DEFAULT_MAX_BYTES, IngestReport, ingest, prepare

__all__ = ["DEFAULT_MAX_BYTES", "IngestReport", "ingest", "prepare"]
