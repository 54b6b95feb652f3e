/* /map: country shapes from world-atlas (no tiles), events as circles sized by fatalities and
   coloured by type, filtered by the date inputs or by brushing the week bars. */
"use strict";
(function () {
  const S = window.sitrep;
  const box = document.getElementById("map");
  const from = document.getElementById("map-from"), to = document.getElementById("map-to");
  const count = document.getElementById("map-count");
  const map = L.map(box, { zoomSnap: 0.25, worldCopyJump: false, attributionControl: true });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Shapes: Natural Earth (world-atlas) · Places: GeoNames");
  map.fitBounds([[9, -13], [24, 17]]);
  const markers = [];

  function inRange(e) {
    if (!from.value && !to.value) return true; // no filter: undated events too
    const lo = from.value || "0000", hi = to.value || "9999";
    const start = e.event_date || "", end = e.date_end || start;
    return start !== "" && start <= hi && end >= lo;
  }

  function apply() {
    let shown = 0;
    for (const { e, marker } of markers) {
      const on = inRange(e);
      if (on && !map.hasLayer(marker)) marker.addTo(map);
      if (!on && map.hasLayer(marker)) marker.remove();
      if (on) shown += 1;
    }
    count.textContent = `${shown} of ${markers.length} mapped events`;
    box.dataset.shown = String(shown);
    const q = new URLSearchParams();
    if (from.value) q.set("date_from", from.value);
    if (to.value) q.set("date_to", to.value);
    history.replaceState(null, "", q.toString() ? "?" + q : location.pathname);
  }

  function popup(e) {
    return S.el("div", { class: "popup" }, [
      S.el("strong", {}, [e.event_type || "Event"]), S.el("br"),
      `${e.location || ""} · ${e.event_date || "undated"}`, S.el("br"),
      `Killed: ${e.fatalities === null ? "unknown" : e.fatalities}`, S.el("br"),
      S.el("a", { href: "/events/" + encodeURIComponent(e.id) }, ["Open event →"]),
    ]);
  }

  async function load() {
    const [shapes, events, stats] = await Promise.all([
      S.fetchJSON(box.dataset.shapes).catch(() => null),
      S.fetchJSON(box.dataset.events),
      S.fetchJSON(box.dataset.stats),
    ]);
    const countries = new Set(events.items.map(e => e.country).filter(Boolean));
    if (shapes) {
      L.geoJSON(topojson.feature(shapes, shapes.objects.countries), {
        interactive: false,
        style: f => ({
          color: "#8a8f98", weight: 0.8, fillOpacity: 1,
          fillColor: countries.has(f.properties.name) ? "#efe6d2" : "#f7f5f0",
        }),
      }).addTo(map);
    }
    const points = [];
    for (const e of events.items) {
      if (e.latitude === null || e.longitude === null) continue;
      const r = 5 + 2.2 * Math.sqrt(Math.max(e.fatalities || 0, 0));
      const marker = L.circleMarker([e.latitude, e.longitude], {
        radius: Math.min(r, 40), color: "#222", weight: 1, fillColor: S.typeColor(e.event_type),
        fillOpacity: 0.75, className: "event-marker",
      }).bindPopup(popup(e));
      markers.push({ e, marker });
      points.push([e.latitude, e.longitude]);
    }
    if (points.length) map.fitBounds(L.latLngBounds(points).pad(0.3), { maxZoom: 7 });
    S.legend(document.getElementById("map-legend"), S.TYPE_COLORS);
    S.weekBars(document.getElementById("map-brush"), stats.by_week, (a, b) => {
      from.value = a || ""; to.value = b || ""; apply();
    }, { height: 90 });
    apply();
    box.dataset.ready = "1";
  }

  from.addEventListener("change", apply);
  to.addEventListener("change", apply);
  document.getElementById("map-reset").addEventListener("click", () => {
    from.value = ""; to.value = ""; apply();
  });
  load().catch(err => { count.textContent = "Could not load events: " + err.message; });
})();
