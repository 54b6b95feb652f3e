/* /map: the event map with a period (date inputs, or a drag across the weekly bars) and a type
   filter; the list under the map shows the same events as the circles. */
"use strict";
(function () {
  const S = window.sitrep;
  const box = document.getElementById("map");
  const from = document.getElementById("map-from"), to = document.getElementById("map-to");
  const type = document.getElementById("map-type");
  const count = document.getElementById("map-count");
  const list = document.getElementById("map-list");
  let view = null, events = [];

  function apply() {
    const keep = e => S.inPeriod(e, from.value, to.value)
      && (!type.value || e.event_type === type.value);
    const shown = view.show(keep);
    const listed = events.filter(keep);
    list.replaceChildren(...listed.map(S.eventRow));
    list.dataset.rows = String(listed.length);
    count.textContent = `${shown} of ${view.markers.length} mapped events`
      + ` (${listed.length} in the list, with the unmapped ones)`;
    const q = new URLSearchParams(location.search);
    for (const k of ["date_from", "date_to", "event_type"]) q.delete(k);
    if (from.value) q.set("date_from", from.value);
    if (to.value) q.set("date_to", to.value);
    if (type.value) q.set("event_type", type.value);
    history.replaceState(null, "", q.toString() ? "?" + q : location.pathname);
  }

  async function load() {
    const [shapes, page, stats] = await Promise.all([
      S.fetchJSON(box.dataset.shapes).catch(() => null),
      S.fetchJSON(box.dataset.events),
      S.fetchJSON(box.dataset.stats),
    ]);
    events = page.items;
    view = S.eventMap(box, events, shapes);
    S.legend(document.getElementById("map-legend"), S.TYPE_COLORS);
    S.weekBars(document.getElementById("map-brush"), stats.by_week, (a, b) => {
      from.value = a || ""; to.value = b || ""; apply();
    }, { height: 90 });
    apply();
    box.dataset.ready = "1";
  }

  for (const input of [from, to, type]) input.addEventListener("change", () => view && apply());
  document.getElementById("map-reset").addEventListener("click", () => {
    from.value = ""; to.value = ""; type.value = ""; apply();
  });
  load().catch(err => { count.textContent = "Could not load events: " + err.message; });
})();
