/* /timeline: stacked weekly bars by event type; brushing a period lists its events and points
   the map and table links at the same period. */
"use strict";
(function () {
  const S = window.sitrep;
  const svg = document.getElementById("timeline");
  const list = document.getElementById("timeline-list");
  const title = document.getElementById("timeline-period");

  async function showPeriod(from, to) {
    const q = new URLSearchParams({ limit: "500", sort: "date" });
    if (from) q.set("date_from", from);
    if (to) q.set("date_to", to);
    const page = await S.fetchJSON("/api/events?" + q);
    list.replaceChildren(...page.items.map(S.eventRow));
    title.textContent = from ? `${page.total} events from ${from} to ${to}` : `All ${page.total} events`;
    q.delete("limit"); q.delete("sort");
    document.getElementById("timeline-map-link").href = "/map" + (from ? "?" + q : "");
    document.getElementById("timeline-events-link").href = "/events" + (from ? "?" + q : "");
    svg.dataset.rows = String(page.items.length);
  }

  S.fetchJSON(svg.dataset.stats).then(stats => {
    S.legend(document.getElementById("timeline-legend"), S.TYPE_COLORS);
    S.weekBars(svg, stats.by_week, (a, b) => showPeriod(a, b), { height: 260 });
    return showPeriod(null, null);
  }).catch(err => { title.textContent = "Could not load the timeline: " + err.message; });
})();
