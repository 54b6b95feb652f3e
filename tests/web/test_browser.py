"""The web UI in headless Chromium against a real server: pages load, the map date filter and
the network time slider change what is drawn, and article markup never executes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sample_store import event_id

pytestmark = pytest.mark.browser


def _open(page: Any, url: str, artifacts: Path, name: str) -> None:
    res = page.goto(url)
    assert res is not None and res.status == 200
    page.wait_for_load_state("networkidle")
    page.screenshot(path=str(artifacts / f"{name}.png"), full_page=True)


@pytest.mark.parametrize("path,name,selector", [
    ("/", "overview", "section.cards .card"),
    ("/events", "events", "#events-table tbody tr"),
    (f"/events/{event_id('barsalogho')}", "event", "blockquote.passage mark"),
    ("/actors", "actors", "table.actors tbody tr"),
    ("/actors/jnim", "actor", "ol.lineage li"),
    ("/timeline", "timeline", "#timeline rect.bar"),
])
def test_page_loads_without_errors(page: Any, live_url: str, artifacts: Path, path: str,
                                   name: str, selector: str) -> None:
    _open(page, live_url + path, artifacts, name)
    assert page.locator(selector).count() > 0
    assert page.problems == []


def test_map_date_filter_changes_markers(page: Any, live_url: str, artifacts: Path) -> None:
    page.goto(live_url + "/map")
    page.wait_for_selector("#map[data-ready='1']")
    markers = page.locator("path.event-marker")
    assert markers.count() == 7  # every event with coordinates
    assert page.locator("#map path").count() > markers.count()  # country shapes drawn too
    page.screenshot(path=str(artifacts / "map.png"), full_page=True)
    page.fill("#map-from", "2024-06-01")
    page.fill("#map-to", "2024-07-31")
    page.dispatch_event("#map-to", "change")
    assert markers.count() == 3
    assert page.locator("#map-count").inner_text().startswith("3 of 7")
    assert "date_from=2024-06-01" in page.url
    page.screenshot(path=str(artifacts / "map-filtered.png"), full_page=True)
    page.click("#map-reset")
    assert markers.count() == 7
    assert page.problems == []


def test_timeline_brush_filters_the_list(page: Any, live_url: str, artifacts: Path) -> None:
    page.goto(live_url + "/timeline")
    page.wait_for_selector("#timeline[data-rows='7']")
    box = page.locator("#timeline").bounding_box()
    # drag across the right-hand half: the 2024 weeks
    page.mouse.move(box["x"] + box["width"] * 0.55, box["y"] + 50)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.99, box["y"] + 60, steps=5)
    page.mouse.up()
    page.wait_for_selector("#timeline:not([data-rows='7'])")
    rows = int(page.locator("#timeline").get_attribute("data-rows"))
    assert 0 < rows < 7
    assert "date_from=" in page.locator("#timeline-map-link").get_attribute("href")
    page.screenshot(path=str(artifacts / "timeline-brushed.png"), full_page=True)


def test_network_slider_changes_edges(page: Any, live_url: str, artifacts: Path) -> None:
    page.goto(live_url + "/network?as_of=2024-09-01")
    page.wait_for_selector("#cy[data-as-of='2024-09-01']")
    late = int(page.locator("#cy").get_attribute("data-edges"))
    page.screenshot(path=str(artifacts / "network.png"), full_page=True)
    slider = page.locator("#net-slider")
    slider.evaluate("s => { s.value = '12'; s.dispatchEvent(new Event('input')); }")  # 2016-05
    page.wait_for_selector("#cy[data-as-of='2016-05-01']")
    early = int(page.locator("#cy").get_attribute("data-edges"))
    assert early == 1 and late > early
    page.screenshot(path=str(artifacts / "network-2016.png"), full_page=True)
    assert page.problems == []
    # click-through: clicking the drawn ISGS node opens its actor page
    pos = page.evaluate("() => window.sitrep.cy.getElementById('isgs').renderedPosition()")
    box = page.locator("#cy").bounding_box()
    page.mouse.click(box["x"] + pos["x"], box["y"] + pos["y"])
    page.wait_for_url("**/actors/isgs")
    assert "Islamic State Sahel Province" in page.locator("h1").inner_text()


def test_article_markup_never_executes(page: Any, live_url: str, artifacts: Path) -> None:
    page.goto(live_url + "/documents.json?q=Djibo")
    doc_id = page.evaluate("() => JSON.parse(document.body.innerText).items[0].id")
    for path in (f"/documents/{doc_id}", f"/events/{event_id('xss')}", "/documents", "/"):
        page.goto(live_url + path)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("() => window.__xss") is None, path
        assert page.locator("main img").count() == 0, path
    page.goto(live_url + f"/documents/{doc_id}")
    assert page.locator("#doc-title").inner_text().startswith("<script>window.__xss = 1")
    assert "<img src=x onerror=" in page.locator("#doc-text").inner_text()
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


def test_ingested_article_with_markup_stays_text(browser: Any, tmp_path: Path,
                                                 artifacts: Path) -> None:
    """The same check through the real ingest path (JSONL manifest with a hostile title)."""
    sources = pytest.importorskip("sitrep.sources")
    import json

    from sample_store import LiveServer

    from sitrep.api import create_app
    from sitrep.store import Store

    manifest = tmp_path / "hostile.jsonl"
    manifest.write_text(json.dumps({
        "id": "hostile-1", "title": "<script>window.__xss = 5</script>Market raid",
        "published": "2024-05-02",
        "text": "Gunmen raided the market in Djibo on Thursday. <img src=x "
                "onerror=\"window.__xss = 6\"> Witnesses said <script>window.__xss = 7</script> "
                "shops were burned.",
    }) + "\n")
    store = Store(tmp_path / "ingested.db")
    report = sources.ingest(store, [str(manifest)])
    assert report.document_ids, report.as_dict()
    doc_id = report.document_ids[0]
    context = browser.new_context()
    pg = context.new_page()
    with LiveServer(create_app(store)) as server:
        for path in (f"/documents/{doc_id}", "/documents", "/"):
            pg.goto(server.url + path)
            pg.wait_for_load_state("networkidle")
            assert pg.evaluate("() => window.__xss") is None, path
            assert pg.locator("main img").count() == 0
        pg.goto(server.url + f"/documents/{doc_id}")
        assert "<script>window.__xss = 5</script>" in pg.locator("#doc-title").inner_text()
        pg.screenshot(path=str(artifacts / "xss-ingested.png"))
    context.close()
    store.close()


def test_map_brush_filters_markers(page: Any, live_url: str) -> None:
    page.goto(live_url + "/map")
    page.wait_for_selector("#map[data-ready='1']")
    box = page.locator("#map-brush").bounding_box()
    # drag over the last fifth of the weekly bars (summer 2024 onwards)
    page.mouse.move(box["x"] + box["width"] * 0.80, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.995, box["y"] + box["height"] / 2, steps=4)
    page.mouse.up()
    shown = int(page.locator("#map").get_attribute("data-shown"))
    assert 0 < shown < 7
    assert page.locator("path.event-marker").count() == shown
    assert page.input_value("#map-from") != "" and page.input_value("#map-to") != ""
