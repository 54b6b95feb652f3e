"""JSON endpoints under /api: each one a thin shell over a ``sitrep.store.queries`` function,
with query parameters named like that function's arguments."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel

from ..store import Store, queries


class ErrorDetail(BaseModel):
    code: str
    message: str


class ErrorBody(BaseModel):
    """Every error: a catalogue code (see src/sitrep/errors.py) and a message with the fix."""

    error: ErrorDetail


# Error responses (400 for routes with query parameters, 404 for routes with an id) are added
# to the OpenAPI spec by api.app._openapi, from the parameters each route really has.
router = APIRouter(prefix="/api", tags=["api"], responses={
    500: {"model": ErrorBody, "description": "A bug (E503); the message names the address"}})

DateParam = Annotated[str | None, Query(description="YYYY, YYYY-MM or YYYY-MM-DD",
                                        examples=["2024-08"])]
Limit = Annotated[int, Query(ge=1, le=queries.MAX_LIMIT, description="page size")]
Offset = Annotated[int, Query(ge=0, description="rows to skip")]


def store_of(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


@router.get("/events", summary="Events matching filters, one page at a time")
def events(request: Request, date_from: DateParam = None, date_to: DateParam = None,
           country: str | None = None, admin1: str | None = None,
           actor: Annotated[str | None, Query(description="actor id, name or alias")] = None,
           event_type: str | None = None,
           q: Annotated[str | None, Query(description="words in the source sentences")] = None,
           bbox: Annotated[str | None, Query(description="min_lon,min_lat,max_lon,max_lat",
                                             examples=["-6,10,4,17"])] = None,
           limit: Limit = 50, offset: Offset = 0,
           sort: Annotated[str, Query(description="date, fatalities, country, admin1, "
                                      "location, type or actor1; prefix - to reverse")] = "-date",
           ) -> dict[str, Any]:
    return queries.list_events(
        store_of(request), date_from=date_from, date_to=date_to, country=country,
        admin1=admin1, actor=queries.actor_filter(actor), event_type=event_type, q=q, bbox=bbox,
        limit=limit, offset=offset, sort=sort)


@router.get("/events/{event_id}", summary="One event with its sources and claims")
def event(request: Request, event_id: str) -> dict[str, Any]:
    return queries.get_event(store_of(request), event_id)


@router.get("/actors", summary="Actors with their event counts")
def actors(request: Request, q: str | None = None, kind: str | None = None,
           country: str | None = None, limit: Limit = 100, offset: Offset = 0,
           sort: str = "-events") -> dict[str, Any]:
    return queries.list_actors(store_of(request), q=q, kind=kind, country=country, limit=limit,
                               offset=offset, sort=sort)


@router.get("/actors/{actor_id}", summary="One actor: aliases, lineage, relations, events")
def actor(request: Request, actor_id: str) -> dict[str, Any]:
    return queries.get_actor(store_of(request), actor_id)


@router.get("/relations", summary="Relations between actors, optionally as of a date")
def relations(request: Request, as_of: DateParam = None,
              actor: Annotated[str | None, Query(description="actor id, name or alias")] = None,
              predicate: Annotated[str | None, Query(description="affiliate_of, fights, ...")]
              = None) -> dict[str, Any]:
    return queries.list_relations(store_of(request), as_of=as_of,
                                  actor=queries.actor_filter(actor),
                                  predicate=predicate)


@router.get("/network", summary="The actor graph (nodes and edges) valid on a date")
def network(request: Request, as_of: DateParam = None) -> dict[str, Any]:
    return queries.network(store_of(request), as_of=as_of)


@router.get("/documents", summary="Stored documents, newest first")
def documents(request: Request, q: str | None = None, limit: Limit = 50,
              offset: Offset = 0) -> dict[str, Any]:
    return queries.list_documents(store_of(request), q=q, limit=limit, offset=offset)


@router.get("/documents/{document_id}", summary="A document's text and every mention in it")
def document(request: Request, document_id: str) -> dict[str, Any]:
    return queries.get_document(store_of(request), document_id)


@router.get("/changes", summary="What the last ingest brought: documents, new and updated "
            "events, relations")
def changes(request: Request,
            limit: Annotated[int, Query(ge=1, le=500, description="items per list")] = 20,
            ) -> dict[str, Any]:
    return queries.changes(store_of(request), limit=limit)


@router.get("/stats", summary="Counts by month, week, type and country")
def stats(request: Request) -> dict[str, Any]:
    return queries.stats(store_of(request))
