/* An event map shared by /map and /timeline: country shapes from world-atlas (no tiles), events
   as circles sized by fatalities (best estimate) and coloured by event type. show(keep) redraws
   only the events keep(e) accepts and returns how many are drawn. */
"use strict";
window.sitrep.eventMap = function (box, events, shapes) {
  const S = window.sitrep;
  const map = L.map(box, { zoomSnap: 0.25, worldCopyJump: false, attributionControl: true });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Shapes: Natural Earth (world-atlas) · Places: GeoNames");
  map.fitBounds([[9, -13], [24, 17]]);
  const countries = new Set(events.map(e => e.country).filter(Boolean));
  if (shapes) {
    L.geoJSON(topojson.feature(shapes, shapes.objects.countries), {
      interactive: false,
      style: f => ({
        color: "#8a8f98", weight: 0.8, fillOpacity: 1,
        fillColor: countries.has(f.properties.name) ? "#efe6d2" : "#f7f5f0",
      }),
    }).addTo(map);
  }

  function popup(e) {
    return S.el("div", { class: "popup" }, [
      S.el("strong", {}, [e.event_type || "Event"]), S.el("br"),
      `${e.location || ""} · ${e.event_date || "undated"}`, S.el("br"),
      `Killed: ${e.fatalities === null ? "unknown" : e.fatalities}`, S.el("br"),
      S.el("a", { href: "/events/" + encodeURIComponent(e.id) }, ["Open event →"]),
    ]);
  }

  const markers = [];
  const points = [];
  for (const e of events) {
    if (e.latitude === null || e.longitude === null) continue;
    const r = 5 + 2.2 * Math.sqrt(Math.max(e.fatalities || 0, 0));
    const marker = L.circleMarker([e.latitude, e.longitude], {
      radius: Math.min(r, 40), color: "#222", weight: 1, fillColor: S.typeColor(e.event_type),
      fillOpacity: 0.75, className: "event-marker",
    }).bindPopup(popup(e));
    marker.sitrepEvent = e;
    markers.push({ e, marker });
    points.push([e.latitude, e.longitude]);
  }
  if (points.length) map.fitBounds(L.latLngBounds(points).pad(0.3), { maxZoom: 7 });

  function show(keep) {
    let shown = 0;
    for (const { e, marker } of markers) {
      const on = keep(e);
      if (on && !map.hasLayer(marker)) marker.addTo(map);
      if (!on && map.hasLayer(marker)) marker.remove();
      if (on) shown += 1;
    }
    box.dataset.shown = String(shown);
    box.dataset.mapped = String(markers.length);
    return shown;
  }

  return { map, markers, show };
};

/* Does event e fall in the period [from, to] (ISO days, either may be empty)? An event known
   to a month or a year counts when its period overlaps. No period: every event, dated or not. */
window.sitrep.inPeriod = function (e, from, to) {
  if (!from && !to) return true;
  const lo = from || "0000", hi = to || "9999";
  const start = e.event_date || "", end = e.date_end || start;
  return start !== "" && start <= hi && end >= lo;
};
