"""HTML pages, each with a JSON twin (``/events.json`` or ``Accept: application/json``).

A page handler asks ``sitrep.store.queries`` for its data, then either returns that data as JSON
or renders a template with it. Pages that draw (map, timeline, network) load their data from the
JSON API in a static script: there is no inline script anywhere (see the CSP in api/app.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader

from ..errors import Errors, SitrepError
from ..model import PREDICATES
from ..store import Store, queries
from . import TEMPLATES_DIR, missing_assets
from .claims import claim_groups
from .highlight import claim_value, segments

router = APIRouter(include_in_schema=False)


def slug(value: object) -> str:
    """A CSS-class-safe name: 'Explosions/Remote violence' -> 'explosions-remote-violence'."""
    return re.sub(r"[^a-z0-9]+", "-", str(value or "").lower()).strip("-")


# Autoescape everything: article text and titles are untrusted and never marked safe.
_env = Environment(loader=FileSystemLoader(str(TEMPLATES_DIR)), autoescape=True)
_env.globals["predicates"] = PREDICATES
_env.globals["event_types"] = ("Battles", "Explosions/Remote violence",
                               "Violence against civilians", "Protests", "Riots",
                               "Strategic developments")
_env.filters["slug"] = slug
_env.filters["claim_value"] = claim_value
templates = Jinja2Templates(env=_env)
PAGE_SIZE = 50


def wants_json(request: Request) -> bool:
    """The JSON twin: a ``.json`` path, or a client that asks for JSON and not for HTML."""
    if request.url.path.endswith(".json"):
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def _store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def _int(request: Request, name: str, default: int) -> int:
    raw = request.query_params.get(name)
    if raw in (None, ""):
        return default
    try:
        return int(raw)
    except ValueError:
        raise SitrepError(Errors.E501, name=name, value=raw, detail="not a whole number",
                          fix=f"Give {name} as a number, e.g. {name}={default}.") from None


def _arg(request: Request, name: str) -> str | None:
    return request.query_params.get(name) or None


def render(request: Request, template: str, data: dict[str, Any], **extra: Any) -> Response:
    if wants_json(request):
        return JSONResponse(data)
    twin = request.url.path.rstrip("/") or "/index"
    query = f"?{request.url.query}" if request.url.query else ""
    return templates.TemplateResponse(request, template, {
        "data": data, "json_url": f"{twin}.json{query}", "missing_assets": missing_assets(),
        **extra})


def page(*paths: str) -> Callable[[Callable[..., Response]], Callable[..., Response]]:
    """Register a page at each path and at its ``.json`` twin."""
    def register(fn: Callable[..., Response]) -> Callable[..., Response]:
        for p in paths:
            router.add_api_route(p, fn, methods=["GET"], response_model=None)
            router.add_api_route(("/index" if p == "/" else p) + ".json", fn, methods=["GET"],
                                 response_model=None)
        return fn
    return register


def _strip_json(value: str) -> str:
    return value[:-5] if value.endswith(".json") else value


def _event_filters(request: Request) -> dict[str, Any]:
    names = ("date_from", "date_to", "country", "admin1", "actor", "event_type", "q", "bbox")
    return {n: _arg(request, n) for n in names}


def _event_query(filters: dict[str, Any]) -> dict[str, Any]:
    """The filters as list_events takes them (a typed actor name resolved to its id)."""
    return {**filters, "actor": queries.actor_filter(filters["actor"])}


@page("/")
def overview(request: Request) -> Response:
    store = _store(request)
    return render(request, "index.html", {**queries.overview(store),
                                          "changes": queries.changes(store, limit=10)})


@page("/events")
def events(request: Request) -> Response:
    filters = _event_filters(request)
    result = queries.list_events(
        _store(request), **_event_query(filters), sort=_arg(request, "sort") or "-date",
        limit=_int(request, "limit", PAGE_SIZE), offset=_int(request, "offset", 0))
    return render(request, "events.html", {"filters": filters, **result},
                  query={k: v for k, v in filters.items() if v})


@router.get("/events/{event_id}", response_model=None)
def event(request: Request, event_id: str) -> Response:
    data = queries.get_event(_store(request), _strip_json(event_id))
    passages = [segments(s["passage"]["text"], [*s["statements"], {
        "start": s["start"], "end": s["end"], "kind": "source", "property": "event mention"}],
        offset=s["passage"]["start"]) for s in data["sources"]]
    return render(request, "event.html", data, passages=passages, groups=claim_groups(data))


@page("/actors")
def actors(request: Request) -> Response:
    result = queries.list_actors(
        _store(request), q=_arg(request, "q"), kind=_arg(request, "kind"),
        country=_arg(request, "country"), sort=_arg(request, "sort") or "-events",
        limit=_int(request, "limit", 100), offset=_int(request, "offset", 0))
    return render(request, "actors.html", result)


@router.get("/actors/{actor_id}", response_model=None)
def actor(request: Request, actor_id: str) -> Response:
    return render(request, "actor.html", queries.get_actor(_store(request),
                                                           _strip_json(actor_id)))


@page("/documents")
def documents(request: Request) -> Response:
    result = queries.list_documents(_store(request), q=_arg(request, "q"),
                                    limit=_int(request, "limit", PAGE_SIZE),
                                    offset=_int(request, "offset", 0))
    return render(request, "documents.html", result)


@router.get("/documents/{document_id}", response_model=None)
def document(request: Request, document_id: str) -> Response:
    data = queries.get_document(_store(request), _strip_json(document_id))
    spans = [*data["mentions"], *({"start": x["start"], "end": x["end"], "kind": "event",
                                   "target": x["event_id"], "property": "event mention"}
                                  for x in data["sources"])]
    return render(request, "document.html", data, text=segments(data["text"], spans))


@page("/map")
def map_page(request: Request) -> Response:
    filters = _event_filters(request)
    for name in ("date_from", "date_to"):
        queries.parse_date(filters[name], name)
    result = queries.list_events(_store(request), **_event_query(filters),
                                 limit=queries.MAX_LIMIT)
    # the filters the page's own inputs do not offer travel with the events request
    fixed = {k: v for k, v in filters.items()
             if v and k not in ("date_from", "date_to", "event_type")}
    return render(request, "map.html", {"filters": filters, **result}, fixed=fixed)


@page("/timeline")
def timeline(request: Request) -> Response:
    stats = queries.stats(_store(request))
    return render(request, "timeline.html", {"by_week": stats["by_week"],
                                             "by_type": stats["by_type"]})


@page("/relations")
def relations(request: Request) -> Response:
    filters = {n: _arg(request, n) for n in ("as_of", "actor", "predicate")}
    actor_id = queries.actor_filter(filters["actor"])
    result = queries.list_relations(_store(request), as_of=filters["as_of"], actor=actor_id,
                                    predicate=filters["predicate"])
    actor = None
    if actor_id:
        found = queries.pack_actor(actor_id)
        actor = found["name"] if found else next(
            (r["subject_name"] if r["subject"] == actor_id else r["object_name"]
             for r in result["items"]), actor_id)
    return render(request, "relations.html", {"filters": filters, **result}, actor_name=actor)


@page("/network")
def network(request: Request) -> Response:
    as_of = _arg(request, "as_of") or date.today().isoformat()
    return render(request, "network.html", queries.network(_store(request), as_of=as_of))
