/* Shared helpers for sitrep pages: colours, safe DOM building, JSON fetches, week bars with a
   brush. Article text only ever reaches the page through textContent. */
"use strict";
window.sitrep = (function () {
  const TYPE_COLORS = {
    "Battles": "#c0392b",
    "Explosions/Remote violence": "#e67e22",
    "Violence against civilians": "#8e44ad",
    "Protests": "#27ae60",
    "Riots": "#d4ac0d",
    "Strategic developments": "#2980b9",
  };
  const PREDICATE_COLORS = {
    fights: "#d62728", rival_of: "#ff7f7f", supports: "#2ca02c", allied_with: "#7fd17f",
    affiliate_of: "#1f77b4", part_of: "#6baed6", split_from: "#ff7f0e",
    merged_into: "#9467bd", leads: "#8c564b", founded_by: "#e377c2", successor_of: "#7f7f7f",
  };
  const SVGNS = "http://www.w3.org/2000/svg";

  function typeColor(t) { return TYPE_COLORS[t] || "#7f8c8d"; }

  /* el("a", {href: "/x"}, ["text", child]) -> element; strings become text nodes. */
  function el(tag, attrs, children) {
    const node = tag.startsWith("svg:") ? document.createElementNS(SVGNS, tag.slice(4))
      : document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v !== null && v !== undefined) node.setAttribute(k, String(v));
    }
    for (const c of children || []) {
      node.append(typeof c === "string" || typeof c === "number" ? String(c) : c);
    }
    return node;
  }

  async function fetchJSON(url) {
    const res = await fetch(url, { headers: { Accept: "application/json" } });
    const body = await res.json();
    if (!res.ok) throw new Error(body.error ? body.error.message : res.statusText);
    return body;
  }

  function swatch(color) {
    return el("svg:svg", { width: 12, height: 12, class: "swatch" },
      [el("svg:circle", { cx: 6, cy: 6, r: 5, fill: color })]);
  }

  function legend(list, colors) {
    list.replaceChildren(...Object.entries(colors).map(([name, color]) =>
      el("li", {}, [swatch(color), " " + name.replace(/_/g, " ")])));
  }

  function eventRow(e) {
    const where = [e.admin1, e.country].filter(Boolean).join(", ");
    const badge = el("span", { class: "badge" }, [e.event_type || "Unknown"]);
    badge.dataset.type = e.event_type || "";
    return el("tr", {}, [
      el("td", { class: "nowrap" }, [el("a", { href: "/events/" + encodeURIComponent(e.id) },
        [e.event_date || "undated"])]),
      el("td", {}, [swatch(typeColor(e.event_type)), " " + (e.event_type || "Unknown")]),
      el("td", {}, [e.location || "", el("br"), el("small", {}, [where])]),
      el("td", {}, [e.actor1 || "", ...(e.actor2 ? [el("br"), el("small", {}, ["vs " + e.actor2])] : [])]),
      el("td", { class: "num" }, [e.fatalities === null ? "–" : e.fatalities]),
    ]);
  }

  function isoDay(d) { return d.toISOString().slice(0, 10); }
  function monday(day) {
    const d = new Date(day + "T00:00:00Z");
    d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
    return d;
  }

  /* Stacked weekly bars in an SVG with a drag brush. weeks: [{week, by_type}] (from
     /api/stats). onBrush(from, to) gets ISO days, or (null, null) when the brush is cleared. */
  function weekBars(svg, weeks, onBrush, opts) {
    const height = (opts && opts.height) || 220, width = 1000, pad = 28;
    svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
    svg.setAttribute("preserveAspectRatio", "none");
    svg.replaceChildren();
    if (!weeks.length) {
      svg.append(el("svg:text", { x: 20, y: height / 2, class: "empty" }, ["No dated events yet"]));
      return;
    }
    const byWeek = new Map(weeks.map(w => [w.week, w]));
    const all = [];
    for (let d = monday(weeks[0].week); isoDay(d) <= weeks[weeks.length - 1].week;
         d.setUTCDate(d.getUTCDate() + 7)) {
      all.push(byWeek.get(isoDay(d)) || { week: isoDay(d), total: 0, by_type: {} });
    }
    const max = Math.max(...all.map(w => w.total), 1);
    const bw = (width - 2) / all.length;
    const plotH = height - pad;
    const types = Object.keys(TYPE_COLORS);
    let lastLabel = "", lastX = null;
    all.forEach((w, i) => {
      let y = plotH;
      const kinds = types.concat(Object.keys(w.by_type).filter(t => !types.includes(t)));
      for (const t of kinds) {
        const n = w.by_type[t] || 0;
        if (!n) continue;
        const h = (n / max) * (plotH - 8);
        y -= h;
        const r = el("svg:rect", { x: 1 + i * bw, y, width: Math.max(bw - 1, 1), height: h,
                                   fill: typeColor(t), class: "bar" });
        r.append(el("svg:title", {}, [`week of ${w.week}: ${n} ${t}`]));
        svg.append(r);
      }
      const label = all.length > 60 ? w.week.slice(0, 4) : w.week.slice(0, 7);
      if (label !== lastLabel && (lastX === null || (1 + i * bw) - lastX > 70)) {
        svg.append(el("svg:text", { x: 1 + i * bw, y: height - 8, class: "tick" }, [label]));
        svg.append(el("svg:line", { x1: 1 + i * bw, x2: 1 + i * bw, y1: plotH, y2: plotH + 6,
                                   class: "tickline" }));
        lastLabel = label;
        lastX = 1 + i * bw;
      }
    });
    svg.append(el("svg:line", { x1: 0, x2: width, y1: plotH, y2: plotH, class: "axis" }));
    svg.append(el("svg:text", { x: width - 4, y: 14, class: "tick", "text-anchor": "end" },
                  [`max ${max} per week`]));
    const sel = el("svg:rect", { x: 0, y: 0, width: 0, height: plotH, class: "brush" });
    svg.append(sel);
    const toX = ev => {
      const box = svg.getBoundingClientRect();
      return Math.min(Math.max((ev.clientX - box.left) / box.width * width, 0), width - 1);
    };
    let start = null;
    svg.addEventListener("pointerdown", ev => {
      start = toX(ev);
      svg.setPointerCapture(ev.pointerId);
      sel.setAttribute("x", start); sel.setAttribute("width", 0);
    });
    svg.addEventListener("pointermove", ev => {
      if (start === null) return;
      const x = toX(ev);
      sel.setAttribute("x", Math.min(start, x));
      sel.setAttribute("width", Math.abs(x - start));
    });
    svg.addEventListener("pointerup", ev => {
      if (start === null) return;
      const x = toX(ev);
      const a = Math.floor(Math.min(start, x) / bw), b = Math.floor(Math.max(start, x) / bw);
      const dragged = Math.abs(x - start);
      start = null;
      if (dragged < 3) {
        sel.setAttribute("width", 0);
        onBrush(null, null);
        return;
      }
      const end = new Date(all[Math.min(b, all.length - 1)].week + "T00:00:00Z");
      end.setUTCDate(end.getUTCDate() + 6);
      sel.setAttribute("x", a * bw); sel.setAttribute("width", (b - a + 1) * bw);
      onBrush(all[a].week, isoDay(end));
    });
  }

  return { TYPE_COLORS, PREDICATE_COLORS, typeColor, el, fetchJSON, legend, swatch, eventRow,
           weekBars, isoDay };
})();
