"""Bad input gets a 4xx with one JSON error shape, never a 500."""

from __future__ import annotations

import httpx
import pytest


@pytest.mark.parametrize("path,params,code", [
    ("/api/events", {"date_from": "yesterday"}, "E501"),
    ("/api/events", {"date_from": "2024-02-30"}, "E501"),
    ("/api/events", {"date_to": "2024-13"}, "E501"),
    ("/api/events", {"date_from": "2024-09", "date_to": "2024-01"}, "E501"),
    ("/api/events", {"bbox": "1,2,3"}, "E501"),
    ("/api/events", {"bbox": "a,b,c,d"}, "E501"),
    ("/api/events", {"bbox": "10,0,-10,5"}, "E501"),
    ("/api/events", {"bbox": "nan,0,1,1"}, "E501"),
    ("/api/events", {"limit": "0"}, "E501"),
    ("/api/events", {"limit": "100000"}, "E501"),
    ("/api/events", {"limit": "ten"}, "E501"),
    ("/api/events", {"offset": "-1"}, "E501"),
    ("/api/events", {"sort": "password"}, "E501"),
    ("/api/events", {"q": "***"}, "E501"),
    ("/api/relations", {"as_of": "soon"}, "E501"),
    ("/api/relations", {"predicate": "likes"}, "E501"),
    ("/api/actors", {"sort": "-secret"}, "E501"),
    ("/api/documents", {"limit": "-5"}, "E501"),
    ("/api/documents", {"q": "!!"}, "E501"),
    ("/api/changes", {"limit": "0"}, "E501"),
    ("/events.json", {"date_to": "2024-02-30"}, "E501"),
    ("/relations.json", {"as_of": "later"}, "E501"),
    ("/map.json", {"bbox": "0,0"}, "E501"),
])
def test_invalid_parameters_are_400(client: httpx.Client, path: str, params: dict[str, str],
                                    code: str) -> None:
    res = client.get(path, params=params)
    assert res.status_code == 400, res.text
    err = res.json()["error"]
    assert err["code"] == code
    assert "Fix:" in err["message"]


@pytest.mark.parametrize("path", ["/api/events/nope", "/api/actors/nobody",
                                  "/api/documents/0000", "/api/nothing-here"])
def test_unknown_ids_are_404(client: httpx.Client, path: str) -> None:
    res = client.get(path)
    assert res.status_code == 404
    assert res.json()["error"]["code"] in {"E004", "E502"}


def test_fts_operators_in_search_are_words_not_syntax(client: httpx.Client) -> None:
    for q in ('"OR', "NEAR(", "title:*", "AND OR NOT", "a' OR 1=1 --"):
        res = client.get("/api/events", params={"q": q})
        assert res.status_code == 200, (q, res.text)


def test_writes_are_refused(client: httpx.Client) -> None:
    res = client.post("/api/events", json={})
    assert res.status_code == 405
    assert res.json()["error"]["code"] == "E505"
