"""The web application: JSON API under /api, HTML pages with JSON twins, static assets.

``create_app(db)`` is the one entry point (used by ``sitrep serve`` and by the tests). Errors of
every kind come back as ``{"error": {"code", "message"}}`` (or an HTML page for a browser) with a
4xx status for anything the client can fix; responses carry a strict Content-Security-Policy.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..errors import Errors, SitrepError
from ..store import Store
from ..web import STATIC_DIR, VENDOR_DIR
from ..web.routes import router as web_router
from ..web.routes import templates, wants_json
from .routes import router as api_router

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
       "form-action 'self'; frame-ancestors 'none'")
STATUS = {"E004": 404, "E502": 404, "E505": 405, "E503": 500}


def error_response(request: Request, code: str, message: str, status: int) -> Response:
    """One error shape for the API, an HTML page (same code and message) for browsers."""
    if request.url.path.startswith("/api") or wants_json(request) \
            or not request.url.path.startswith("/") or request.url.path == "/openapi.json":
        return JSONResponse({"error": {"code": code, "message": message}}, status_code=status)
    return templates.TemplateResponse(
        request, "error.html", {"code": code, "message": message, "status": status},
        status_code=status)


def _openapi(app: FastAPI) -> dict[str, Any]:
    """The spec says what the API does: a bad parameter is a 400 with our error shape (the
    handler above turns FastAPI's validation errors into E501), never FastAPI's 422."""
    if app.openapi_schema:
        return app.openapi_schema
    spec = get_openapi(title=app.title, version=app.version, description=app.description,
                       routes=app.routes)
    body = {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorBody"}}}
    bad = {"description": "Invalid parameter (E501): the message names it and the fix",
           "content": body}
    unknown = {"description": "Unknown id (E004)", "content": body}
    for ops in spec.get("paths", {}).values():
        for op in ops.values():
            responses = op.setdefault("responses", {})
            responses.pop("422", None)
            where = {p.get("in") for p in op.get("parameters", [])}
            if "query" in where:
                responses["400"] = bad
            if "path" in where:
                responses["404"] = unknown
    schemas = spec.get("components", {}).get("schemas", {})
    for unused in ("HTTPValidationError", "ValidationError"):
        schemas.pop(unused, None)
    app.openapi_schema = spec
    return spec


def create_app(db: str | Path | Store | None = None) -> FastAPI:
    """Build the app over one store (a path/URL, an open ``Store``, or the default db)."""
    store = db if isinstance(db, Store) else Store(db)
    app = FastAPI(
        title="sitrep", version=__version__, docs_url=None, redoc_url=None,
        description="Events, armed actors and their relations, each fact with its sources. "
                    "Errors: {\"error\": {\"code\": \"E501\", \"message\": \"...\"}}.")
    app.state.store = store

    @app.middleware("http")
    async def security_headers(request: Request,
                               call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "same-origin"
        response.headers["X-Frame-Options"] = "DENY"
        return response

    @app.exception_handler(SitrepError)
    async def sitrep_error(request: Request, exc: SitrepError) -> Response:
        return error_response(request, exc.code, str(exc), STATUS.get(exc.code, 400))

    @app.exception_handler(RequestValidationError)
    async def invalid_parameter(request: Request, exc: RequestValidationError) -> Response:
        first: dict[str, Any] = exc.errors()[0] if exc.errors() else {}
        name = ".".join(str(p) for p in first.get("loc", ())[1:]) or "parameter"
        err = SitrepError(Errors.E501, name=name, value=first.get("input"),
                          detail=first.get("msg", "invalid"),
                          fix="See /openapi.json for the accepted values.")
        return error_response(request, err.code, str(err), 400)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 405:
            err = SitrepError(Errors.E505, method=request.method, path=request.url.path)
        else:
            err = SitrepError(Errors.E502, path=request.url.path)
        return error_response(request, err.code, str(err), exc.status_code)

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception) -> Response:
        err = SitrepError(Errors.E503, path=request.url.path, detail=type(exc).__name__)
        return JSONResponse({"error": {"code": err.code, "message": str(err)}}, status_code=500)

    @app.get("/docs", include_in_schema=False, response_model=None)
    def api_docs(request: Request) -> Response:
        """Swagger UI from the locally installed swagger-ui-dist (never a CDN)."""
        if not (VENDOR_DIR / "swagger-ui" / "swagger-ui-bundle.js").is_file():
            err = SitrepError(Errors.E504, path=str(VENDOR_DIR))
            return HTMLResponse(f"<p>{err}</p><p><a href='/openapi.json'>/openapi.json</a></p>",
                                status_code=503)
        return templates.TemplateResponse(request, "docs.html", {})

    app.include_router(api_router)
    app.include_router(web_router)
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    return app
