"""Server-rendered pages: each has a JSON twin, a strict CSP, and escapes untrusted text."""

from __future__ import annotations

import re

import httpx
import pytest
from sample_store import XSS_TITLE, event_id

PAGES = ["/", "/map", "/timeline", "/network", "/events", "/actors", "/documents",
         "/actors/jnim", f"/events/{event_id('barsalogho')}"]


@pytest.mark.parametrize("path", PAGES)
def test_page_renders_with_csp_and_credit(client: httpx.Client, path: str) -> None:
    res = client.get(path, headers={"Accept": "text/html"})
    assert res.status_code == 200
    csp = res.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "GeoNames" in res.text and "CC BY 4.0" in res.text
    assert not re.search(r"<script>(?!</script>)|<script(?![^>]*\bsrc=)[^>]*>", res.text), \
        "inline script found"
    assert not re.search(r"https?://[^\"']*(cdn|unpkg|jsdelivr|googleapis)", res.text)


@pytest.mark.parametrize("path", PAGES)
def test_every_page_has_a_json_twin(client: httpx.Client, path: str) -> None:
    twin = ("/index" if path == "/" else path) + ".json"
    by_suffix = client.get(twin)
    by_accept = client.get(path, headers={"Accept": "application/json"})
    assert by_suffix.status_code == by_accept.status_code == 200
    assert by_suffix.headers["content-type"].startswith("application/json")
    assert by_suffix.json() == by_accept.json()


def test_events_table_sorts_and_filters(client: httpx.Client) -> None:
    html = client.get("/events", params={"sort": "-fatalities", "country": "Mali"}).text
    rows = re.findall(r'<a href="/events/([0-9a-f]+)"', html)
    assert rows == [event_id("bamako"), event_id("tinzaouaten")]
    assert "sort=fatalities" in html  # the header link reverses the order


def test_event_page_highlights_claims_and_shows_who_said_it(client: httpx.Client) -> None:
    html = client.get(f"/events/{event_id('barsalogho')}").text
    assert re.search(r'<mark class="hl hl-statement p-fatalities"[^>]*>At least 150 people were '
                     r"killed</mark>", html)
    assert "A humanitarian official said" in html and "sources differ" in html


def test_untrusted_text_is_escaped(client: httpx.Client) -> None:
    docs = client.get("/documents.json", params={"q": "Djibo"}).json()["items"]
    doc_id = docs[0]["id"]
    for path in (f"/documents/{doc_id}", "/documents", f"/events/{event_id('xss')}", "/events"):
        html = client.get(path).text
        assert "<script>window.__xss" not in html, path
        assert "<img src=x" not in html and "<b>Unidentified" not in html, path
    html = client.get(f"/documents/{doc_id}").text
    assert "&lt;script&gt;window.__xss = 1&lt;/script&gt;Raid report" in html
    assert XSS_TITLE not in html
    assert 'href="javascript:' not in html.lower()  # only http(s) source links


def test_html_errors_for_pages_json_for_twins(client: httpx.Client) -> None:
    page = client.get("/events/unknown", headers={"Accept": "text/html"})
    assert page.status_code == 404 and "E004" in page.text and "<html" in page.text
    twin = client.get("/events/unknown.json")
    assert twin.status_code == 404 and twin.json()["error"]["code"] == "E004"
    bad = client.get("/events.json", params={"limit": "x"})
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "E501"
