/* /timeline: stacked weekly bars by event type; brushing a period filters the map beside it and
   the list below, and points the map and table links at the same period. */
"use strict";
(function () {
  const S = window.sitrep;
  const svg = document.getElementById("timeline");
  const list = document.getElementById("timeline-list");
  const title = document.getElementById("timeline-period");
  const mapBox = document.getElementById("timeline-map");
  let view = null;

  async function showPeriod(from, to) {
    const q = new URLSearchParams({ limit: "500", sort: "date" });
    if (from) q.set("date_from", from);
    if (to) q.set("date_to", to);
    const page = await S.fetchJSON("/api/events?" + q);
    list.replaceChildren(...page.items.map(S.eventRow));
    title.textContent = from ? `${page.total} events from ${from} to ${to}` : `All ${page.total} events`;
    const shown = view ? view.show(e => S.inPeriod(e, from, to)) : 0;
    mapBox.dataset.shown = String(shown);
    q.delete("limit"); q.delete("sort");
    document.getElementById("timeline-map-link").href = "/map" + (from ? "?" + q : "");
    document.getElementById("timeline-events-link").href = "/events" + (from ? "?" + q : "");
    svg.dataset.rows = String(page.items.length);
  }

  async function load() {
    const [stats, shapes, all] = await Promise.all([
      S.fetchJSON(svg.dataset.stats),
      S.fetchJSON(mapBox.dataset.shapes).catch(() => null),
      S.fetchJSON(mapBox.dataset.events),
    ]);
    if (window.L) view = S.eventMap(mapBox, all.items, shapes);
    S.legend(document.getElementById("timeline-legend"), S.TYPE_COLORS);
    S.weekBars(svg, stats.by_week, (a, b) => showPeriod(a, b), { height: 260 });
    await showPeriod(null, null);
    svg.dataset.ready = "1";
  }

  load().catch(err => { title.textContent = "Could not load the timeline: " + err.message; });
})();
