"""The web UI in headless Chromium over the demo store (real pipeline) on a real server: pages
load without errors, the map filters, the timeline brush and the network time slider change
what is drawn exactly as the API says they should, and article markup never executes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def api(live_url: str) -> Any:
    with httpx.Client(base_url=live_url, timeout=10) as http:
        yield http


@pytest.fixture(scope="module")
def events(api: httpx.Client) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = api.get("/api/events", params={"limit": 5000}).json()["items"]
    return items


def _in_period(e: dict[str, Any], lo: str, hi: str) -> bool:
    start = e["event_date"]
    return bool(start) and start <= hi and (e["date_end"] or start) >= lo


def _mapped(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [e for e in events if e["latitude"] is not None and e["longitude"] is not None]


def _open(page: Any, url: str, artifacts: Path, name: str) -> None:
    res = page.goto(url)
    assert res is not None and res.status == 200
    page.wait_for_load_state("networkidle")
    page.screenshot(path=str(artifacts / f"{name}.png"), full_page=True)


def _detail_paths(api: httpx.Client, events: list[dict[str, Any]]) -> dict[str, str]:
    event = max(events, key=lambda e: (e["sources"], e["id"]))
    docs = api.get("/api/documents", params={"limit": 100}).json()["items"]
    doc = max(docs, key=lambda d: (d["events"], d["id"]))
    return {"event": f"/events/{event['id']}", "document": f"/documents/{doc['id']}"}


@pytest.mark.parametrize("path,name,selector", [
    ("/", "overview", "#what-changed #changed-documents li a"),
    ("/events", "events", "#events-table tbody tr"),
    ("event", "event", "blockquote.passage mark"),
    ("/actors", "actors", "table.actors tbody tr"),
    ("/actors/jnim", "actor", "ul.relations li a"),
    ("/relations", "relations", "#relations-table tbody tr"),
    ("/documents", "documents", "table tbody tr"),
    ("document", "document", "#doc-text .hl"),
])
def test_page_loads_without_errors(page: Any, live_url: str, api: httpx.Client,
                                   events: list[dict[str, Any]], artifacts: Path, path: str,
                                   name: str, selector: str) -> None:
    path = _detail_paths(api, events).get(path, path)
    _open(page, live_url + path, artifacts, name)
    assert page.locator(selector).count() > 0
    assert page.problems == []


def test_map_filters_change_markers_and_list(page: Any, live_url: str,
                                             events: list[dict[str, Any]],
                                             artifacts: Path) -> None:
    page.goto(live_url + "/map")
    page.wait_for_selector("#map[data-ready='1']")
    markers = page.locator("path.event-marker")
    mapped = _mapped(events)
    assert markers.count() == len(mapped) > 0  # every event with coordinates
    assert page.locator("#map path").count() > markers.count()  # country shapes drawn too
    assert page.locator("#map-list tr").count() == len(events)
    page.screenshot(path=str(artifacts / "map.png"), full_page=True)
    lo, hi = "2024-07-01", "2024-08-31"
    page.fill("#map-from", lo)
    page.fill("#map-to", hi)
    page.dispatch_event("#map-to", "change")
    expected = [e for e in mapped if _in_period(e, lo, hi)]
    assert 0 < markers.count() == len(expected) < len(mapped)
    assert page.locator("#map-list tr").count() == sum(_in_period(e, lo, hi) for e in events)
    assert page.locator("#map-count").inner_text().startswith(f"{len(expected)} of {len(mapped)}")
    assert "date_from=2024-07-01" in page.url
    page.screenshot(path=str(artifacts / "map-filtered.png"), full_page=True)
    page.click("#map-reset")
    assert markers.count() == len(mapped)
    kind = max({e["event_type"] for e in mapped}, key=lambda t: (sum(
        e["event_type"] == t for e in mapped), t))
    page.select_option("#map-type", kind)
    assert markers.count() == sum(e["event_type"] == kind for e in mapped)
    assert page.problems == []


def test_map_keeps_the_events_table_filters(page: Any, live_url: str,
                                            events: list[dict[str, Any]]) -> None:
    """/events?country=Mali links to /map?country=Mali, which draws only Mali's events."""
    page.goto(live_url + "/events?country=Mali")
    page.click("#events-map-link")
    page.wait_for_selector("#map[data-ready='1']")
    assert "country=Mali" in page.url
    mali = [e for e in _mapped(events) if e["country"] == "Mali"]
    assert 0 < page.locator("path.event-marker").count() == len(mali) < len(_mapped(events))
    page.fill("#map-from", "2024-01-01")
    page.dispatch_event("#map-from", "change")
    assert "country=Mali" in page.url and "date_from=2024-01-01" in page.url
    assert page.locator("path.event-marker").count() == sum(
        _in_period(e, "2024-01-01", "9999") for e in mali)


def _drag(page: Any, selector: str, x0: float, x1: float) -> None:
    box = page.locator(selector).bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * x0, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * x1, y, steps=5)
    page.mouse.up()


def test_map_brush_filters_markers(page: Any, live_url: str,
                                   events: list[dict[str, Any]]) -> None:
    page.goto(live_url + "/map")
    page.wait_for_selector("#map[data-ready='1']")
    _drag(page, "#map-brush", 0.75, 0.995)  # the latest weeks (2024 in the demo)
    lo, hi = page.input_value("#map-from"), page.input_value("#map-to")
    assert lo and hi and lo <= hi
    shown = int(page.locator("#map").get_attribute("data-shown"))
    assert shown == sum(_in_period(e, lo, hi) for e in _mapped(events))
    assert 0 < shown < len(_mapped(events))
    assert page.locator("path.event-marker").count() == shown


def test_timeline_brush_filters_the_map_and_the_list(page: Any, live_url: str,
                                                     events: list[dict[str, Any]],
                                                     artifacts: Path) -> None:
    page.goto(live_url + "/timeline")
    page.wait_for_selector("#timeline[data-ready='1']")
    assert page.locator("#timeline rect.bar").count() > 0
    rows = page.locator("#timeline-list tr")
    assert rows.count() == len(events)
    assert page.locator("#timeline-map path.event-marker").count() == len(_mapped(events))
    _drag(page, "#timeline", 0.75, 0.99)
    page.wait_for_selector(f"#timeline:not([data-rows='{len(events)}'])")
    href = page.locator("#timeline-map-link").get_attribute("href")
    query = dict(p.split("=") for p in href.split("?", 1)[1].split("&"))
    lo, hi = query["date_from"], query["date_to"]
    assert 0 < rows.count() == sum(_in_period(e, lo, hi) for e in events) < len(events)
    drawn = page.locator("#timeline-map path.event-marker").count()
    assert drawn == sum(_in_period(e, lo, hi) for e in _mapped(events))
    assert page.locator("#timeline-map").get_attribute("data-shown") == str(drawn)
    page.screenshot(path=str(artifacts / "timeline-brushed.png"), full_page=True)
    assert page.problems == []


# The drawn actor farthest from any other (so a click cannot land on a neighbour).
CLEAR_NODE = """() => {
  const nodes = window.sitrep.cy.nodes().map(n => ({id: n.id(), name: n.data("label"),
                                                   ...n.renderedPosition()}));
  let best = null, room = -1;
  for (const n of nodes) {
    const d = Math.min(Infinity, ...nodes.filter(m => m !== n)
                       .map(m => Math.hypot(m.x - n.x, m.y - n.y)));
    if (d > room) { room = d; best = n; }
  }
  return best;
}"""


def test_network_slider_redraws_the_graph_of_that_date(page: Any, live_url: str,
                                                       api: httpx.Client,
                                                       artifacts: Path) -> None:
    page.goto(live_url + "/network?as_of=2024-09-01")
    page.wait_for_selector("#cy[data-as-of='2024-09-01']")
    page.screenshot(path=str(artifacts / "network.png"), full_page=True)
    slider = page.locator("#net-slider")
    last = int(slider.get_attribute("max"))
    counts = {}
    for position in sorted({0, last // 3, 2 * last // 3, last}):
        slider.evaluate(f"s => {{ s.value = '{position}'; s.dispatchEvent(new Event('input')); }}")
        page.wait_for_function(
            "p => document.getElementById('cy').dataset.asOf === "
            "document.getElementById('net-date').textContent", arg=position)
        day = page.locator("#cy").get_attribute("data-as-of")
        net = api.get("/api/network", params={"as_of": day}).json()
        drawn = page.evaluate("() => window.sitrep.cy.edges().map(e => e.id()).sort()")
        assert drawn == sorted(e["id"] for e in net["edges"]), day
        assert page.evaluate("() => window.sitrep.cy.nodes().length") == len(net["nodes"])
        assert page.locator("#net-relations-link").get_attribute("href") == \
            f"/relations?as_of={day}"
        counts[day] = len(drawn)
    if len(set(counts.values())) > 1:  # the store has dated relations: the graph changed
        page.screenshot(path=str(artifacts / "network-early.png"), full_page=True)
    assert page.problems == []
    # click-through: clicking a drawn actor opens its page
    node = page.evaluate(CLEAR_NODE)
    if node is None:
        pytest.skip("the store has no relations to draw")
    box = page.locator("#cy").bounding_box()
    page.mouse.click(box["x"] + node["x"], box["y"] + node["y"])
    page.wait_for_url(f"**/actors/{node['id']}")
    assert node["name"] in page.locator("h1").inner_text()


def test_article_markup_never_executes(page: Any, live_url: str, api: httpx.Client,
                                       artifacts: Path) -> None:
    doc_id = api.get("/api/documents", params={"q": "Djibo"}).json()["items"][0]["id"]
    hostile = [e["id"] for e in api.get("/api/events", params={"q": "Djibo livestock"}).json()[
        "items"]]
    assert hostile, "the hostile article's attack is extracted"
    for path in (f"/documents/{doc_id}", f"/events/{hostile[0]}", "/documents", "/", "/events",
                 "/timeline"):
        page.goto(live_url + path)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("() => window.__xss") is None, path
        assert page.locator("main img").count() == 0, path
    page.goto(live_url + f"/events/{hostile[0]}")
    assert "<img src=x onerror=" in page.locator("blockquote.passage").first.inner_text()
    page.goto(live_url + f"/documents/{doc_id}")
    assert page.locator("#doc-title").inner_text().startswith("<script>window.__xss = 1")
    assert "<img src=x onerror=" in page.locator("#doc-text").inner_text()
    assert page.locator("a[href^='javascript']").count() == 0
    page.screenshot(path=str(artifacts / "xss-document.png"), full_page=True)


def test_api_docs_run_from_local_assets(page: Any, live_url: str, artifacts: Path) -> None:
    if not page.request.get(live_url + "/static/vendor/swagger-ui/swagger-ui-bundle.js").ok:
        pytest.skip("swagger-ui-dist is not installed")
    outside: list[str] = []
    page.on("request", lambda r: outside.append(r.url)
            if not r.url.startswith(live_url) and not r.url.startswith("data:") else None)
    page.goto(live_url + "/docs")
    page.wait_for_selector(".opblock-summary-path[data-path='/api/events/{event_id}']")
    page.screenshot(path=str(artifacts / "api-docs.png"))
    assert outside == []
