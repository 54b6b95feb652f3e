"""Read-side queries shared by the CLI, the HTTP API and the web UI: one function per read.

Every function takes a ``Store`` and keyword arguments named like the CLI options and API query
parameters, validates them (bad input raises ``SitrepError`` E501/E502, an unknown id E004) and
returns plain JSON-ready dicts, so each view is a thin shell over the same answer. One module per
kind of thing read; this package re-exports them all.
"""

from __future__ import annotations

from .actors import LINEAGE, get_actor, list_actors
from .changes import changes
from .common import (
    EVENT_SORTS,
    MAX_LIMIT,
    ROLES,
    actor_names,
    check_paging,
    fts_query,
    loads_json,
    not_found,
    pack_actor,
    parse_bbox,
    parse_date,
    registry,
)
from .documents import get_document, list_documents
from .events import PASSAGE_MAX, get_event, list_events
from .lookup import actor_filter
from .relations import list_relations, network, relation_active
from .stats import overview, stats

__all__ = [  # noqa: RUF022 (grouped, not sorted)
    "actor_filter", "changes",
    "EVENT_SORTS", "LINEAGE", "MAX_LIMIT", "PASSAGE_MAX", "ROLES", "actor_names",
    "check_paging", "fts_query", "get_actor", "get_document", "get_event", "list_actors",
    "list_documents", "list_events", "list_relations", "loads_json", "network", "not_found",
    "overview", "pack_actor", "parse_bbox", "parse_date", "registry", "relation_active",
    "stats",
]
