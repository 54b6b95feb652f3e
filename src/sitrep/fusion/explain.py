"""How an event was reconciled, in words: for `sitrep event ID` and the event page.

``get_event`` (``sitrep.store.queries``) returns the event with ``data`` holding the
reconciliation detail that ``assemble_event`` wrote; these lines say which sources are
independent (wire copies weigh once) and which figure each source gave with what weight, so a
reader can check low / best / high by hand.
"""

from __future__ import annotations

from typing import Any


def _figure(f: dict[str, Any], names: dict[str, str]) -> str:
    value = str(f["low"]) if f["high"] in (None, f["low"]) else f"{f['low']}–{f['high']}"
    if f["high"] is None:
        value = f"at least {f['low']}"
    doc = names.get(f["document"], f["document"])
    copy = ", a copy of another source" if not f.get("independent", True) else ""
    return f"{value} ({f['modality']}, weight {f['weight']:g}{copy}) — {doc}"


def reconciliation_lines(event: dict[str, Any]) -> list[str]:
    """Plain-text lines (no markup) explaining sources and the fatalities reconciliation."""
    data = event.get("data") or {}
    names = {s["document_id"]: s.get("document") or s["document_id"]
             for s in event.get("sources", [])}
    lines: list[str] = []
    src = data.get("sources")
    if src:
        lines.append(f"sources: {src['documents']} document(s), {src['independent']} "
                     "independent")
        for copy, original in sorted(src.get("copies", {}).items()):
            lines.append(f"  {names.get(copy, copy)} copies {names.get(original, original)}: "
                         "listed, not counted")
    fat = data.get("fatalities") or {}
    whole = fat.get("whole") or {}
    sides = fat.get("sides") or {}
    if whole.get("figures") or sides:
        lines.append(f"fatalities: low {event.get('fatalities_low')}, best "
                     f"{event.get('fatalities')}, high {event.get('fatalities_high')} "
                     "(best = the most conservative figure of the best-attested sources)")
        for f in whole.get("figures", []):
            lines.append("  whole toll: " + _figure(f, names))
        for side, detail in sorted(sides.items()):
            for f in detail.get("figures", []):
                lines.append(f"  {side}: " + _figure(f, names))
    return lines
