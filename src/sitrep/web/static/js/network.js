/* /network: the actor graph valid on a date (from /api/network?as_of=), redrawn when the time
   slider moves. Edges are coloured by predicate; clicking an actor opens its page. */
"use strict";
(function () {
  const S = window.sitrep;
  const slider = document.getElementById("net-slider");
  const out = document.getElementById("net-date");
  const countEl = document.getElementById("net-count");
  const box = document.getElementById("cy");
  const today = new Date();
  const first = (slider.dataset.first || "2010").slice(0, 7);
  const y0 = +first.slice(0, 4), m0 = first.length >= 7 ? +first.slice(5, 7) - 1 : 0;
  const months = (today.getUTCFullYear() - y0) * 12 + today.getUTCMonth() - m0;
  const monthAt = i => {
    const d = new Date(Date.UTC(y0, m0 + i, 1));
    return d.toISOString().slice(0, 7);
  };
  slider.max = String(Math.max(months, 0));
  const asOf = (slider.dataset.asOf || "").slice(0, 7);
  let start = months;
  for (let i = 0; i <= months; i++) if (monthAt(i) === asOf) start = i;
  slider.value = String(start);

  const cy = cytoscape({
    container: box,
    wheelSensitivity: 0.3,
    style: [
      { selector: "node", style: {
        label: "data(label)", "font-size": 11, "text-wrap": "wrap", "text-max-width": 120,
        "background-color": "data(color)", width: 22, height: 22, "text-valign": "bottom",
        "text-margin-y": 4, color: "#222" } },
      { selector: "edge", style: {
        width: 2.5, "line-color": "data(color)", "target-arrow-color": "data(color)",
        "target-arrow-shape": "triangle", "curve-style": "bezier", label: "data(label)",
        "font-size": 9, color: "#555", "text-rotation": "autorotate",
        "text-background-color": "#fff", "text-background-opacity": 0.8 } },
    ],
  });
  S.cy = cy; // for tests and the console
  cy.on("tap", "node", ev => { window.location.href = "/actors/" + encodeURIComponent(ev.target.id()); });
  const seen = new Map(); // node positions kept across slider moves
  const kindColor = kind => {
    const k = kind || "";
    if (/state|force|army|military|government/.test(k)) return "#2c3e50";
    if (/militia|self_defen|vigilante/.test(k)) return "#b9770e";
    if (/pmc|mercenar|private/.test(k)) return "#5b2c6f";
    if (/group|jihad|rebel|insurg|armed/.test(k)) return "#a93226";
    return "#566573";
  };

  async function draw(i) {
    const day = monthAt(i) + "-01";
    out.textContent = day;
    const net = await S.fetchJSON(slider.dataset.api + "?as_of=" + day);
    if (slider.value !== String(i)) return; // a newer position is being drawn
    cy.nodes().forEach(n => { seen.set(n.id(), { ...n.position() }); });
    cy.elements().remove();
    const w = box.clientWidth || 800, h = box.clientHeight || 600;
    cy.add(net.nodes.map(n => ({ group: "nodes", data: {
      id: n.id, label: n.name, color: kindColor(n.kind) },
      position: seen.get(n.id) || { x: Math.random() * w, y: Math.random() * h } })));
    cy.add(net.edges.map(e => ({ group: "edges", data: {
      id: e.id, source: e.source, target: e.target, label: e.predicate.replace(/_/g, " "),
      color: S.PREDICATE_COLORS[e.predicate] || "#999" } })));
    cy.layout({ name: "cose", animate: false, randomize: false, nodeRepulsion: () => 400000,
                idealEdgeLength: () => 120, nodeOverlap: 20, gravity: 0.6, padding: 40,
                componentSpacing: 90, numIter: 1500 }).run();
    if (cy.zoom() > 1.4) { cy.zoom(1.4); cy.center(); } // small graphs: keep labels readable
    box.dataset.edges = String(cy.edges().length);
    box.dataset.asOf = day;
    const link = document.getElementById("net-relations-link");
    if (link) link.href = "/relations?as_of=" + day;
    countEl.textContent = `${net.nodes.length} actors, ${cy.edges().length} relations`;
  }

  let timer = null;
  slider.addEventListener("input", () => {
    clearTimeout(timer);
    const i = +slider.value;
    out.textContent = monthAt(i) + "-01";
    timer = setTimeout(() => draw(i).catch(err => { countEl.textContent = err.message; }), 120);
  });
  S.legend(document.getElementById("net-legend"), S.PREDICATE_COLORS);
  draw(start).catch(err => { countEl.textContent = "Could not load the network: " + err.message; });
})();
