"""The OpenAPI spec says what the API does: a bad parameter is a 400 with our error shape (no
FastAPI 422 anywhere), an unknown id a 404, and /docs runs from local assets."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

# A value each kind of query parameter refuses (dates, numbers, enumerations). Free-text
# filters (q, country, actor...) accept any text; tests/api/test_errors_api.py covers FTS q.
BAD = {"date_from": "yesterday", "date_to": "2024-13", "as_of": "soon", "bbox": "1,2,3",
       "limit": "ten", "offset": "-1", "sort": "password", "predicate": "likes"}


@pytest.fixture(scope="module")
def spec(client: httpx.Client) -> dict[str, Any]:
    res = client.get("/openapi.json")
    assert res.status_code == 200
    body: dict[str, Any] = res.json()
    return body


def _operations(spec: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [(path, op) for path, ops in spec["paths"].items() for op in ops.values()]


def test_spec_lists_every_endpoint_and_its_filters(spec: dict[str, Any]) -> None:
    assert {"/api/events", "/api/events/{event_id}", "/api/actors", "/api/actors/{actor_id}",
            "/api/relations", "/api/network", "/api/documents", "/api/documents/{document_id}",
            "/api/stats", "/api/changes"} <= set(spec["paths"])
    params = {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert {"date_from", "date_to", "country", "admin1", "actor", "event_type", "q", "bbox",
            "limit", "offset", "sort"} <= params


def test_spec_documents_400_and_404_with_the_error_schema_never_422(
        spec: dict[str, Any]) -> None:
    assert "422" not in str(spec) and "HTTPValidationError" not in str(spec)
    error = spec["components"]["schemas"]["ErrorBody"]
    assert error["required"] == ["error"]
    for path, op in _operations(spec):
        where = {p["in"] for p in op.get("parameters", [])}
        codes = set(op["responses"])
        assert ("400" in codes) == ("query" in where), path
        assert ("404" in codes) == ("path" in where), path
        for code in codes & {"400", "404"}:
            schema = op["responses"][code]["content"]["application/json"]["schema"]
            assert schema == {"$ref": "#/components/schemas/ErrorBody"}, (path, code)


def _check_error(res: httpx.Response, status: int, documented: dict[str, Any]) -> None:
    assert res.status_code == status, res.text
    assert str(status) in documented
    body = res.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}


def test_every_documented_query_parameter_answers_400_as_documented(
        client: httpx.Client, spec: dict[str, Any]) -> None:
    tried = 0
    for path, op in _operations(spec):
        for p in op.get("parameters", []):
            if p["in"] != "query" or p["name"] not in BAD:
                continue
            res = client.get(path, params={p["name"]: BAD[p["name"]]})
            _check_error(res, 400, op["responses"])
            assert res.json()["error"]["code"] == "E501"
            assert p["name"] in res.json()["error"]["message"]
            tried += 1
    assert tried >= 15


def test_every_documented_id_answers_404_as_documented(client: httpx.Client,
                                                       spec: dict[str, Any]) -> None:
    for path, op in _operations(spec):
        if "{" in path:
            res = client.get(path.split("{")[0] + "no-such-id")
            _check_error(res, 404, op["responses"])
            assert res.json()["error"]["code"] == "E004"


def test_api_docs_use_local_assets_only(client: httpx.Client) -> None:
    docs = client.get("/docs")
    if docs.status_code == 503:  # swagger-ui-dist not installed: the page says how to fix it
        assert "E504" in docs.text
        return
    assert docs.status_code == 200
    assert "/static/vendor/swagger-ui/" in docs.text
    assert "cdn" not in docs.text.lower() and "https://" not in docs.text
    for asset in ("swagger-ui-bundle.js", "swagger-ui.css"):
        assert client.get(f"/static/vendor/swagger-ui/{asset}").status_code == 200
    script = client.get("/static/js/docs.js").text
    assert "/openapi.json" in script and "http" not in script
