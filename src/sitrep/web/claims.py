"""An event's claims grouped for reading: per field, each distinct value with who said it.

The event page's question is "do the sources agree, and what did sitrep keep?". Statements are
grouped by field and by value (as a reader sees it: figures rendered by ``claim_value``), each
value with its documents, attributions and modalities, and a flag when it is the value the
assembled event holds (for figures: the statements the reconciliation counted). Bookkeeping
properties (triggers, notes, the event link) are left to the full statement list.
"""

from __future__ import annotations

from typing import Any

from .highlight import claim_value

HIDDEN = ("event", "mention", "trigger", "note", "geo_precision", "date_end")
ACTOR_ROLES = ("actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "claimed_by")


def _counted(event: dict[str, Any], prop: str) -> set[str]:
    """Statement ids the reconciliation of a figure used (fusion's ``data[prop]`` detail:
    figures for the whole toll and for each side)."""
    detail = (event.get("data") or {}).get(prop)
    if not isinstance(detail, dict):
        return set()
    parts = [detail.get("whole") or {}, *((detail.get("sides") or {}).values()), detail]
    return {str(f["statement"]) for part in parts if isinstance(part, dict)
            for f in part.get("figures") or [] if isinstance(f, dict) and f.get("statement")}


def _kept(event: dict[str, Any], prop: str, value: str) -> bool:
    """Does the assembled event hold this claimed value?"""
    if prop in ACTOR_ROLES:
        return any(a["actor_id"] == value and a["role"] == prop for a in event["actors"])
    if prop == "place":
        return value == event.get("place_id")
    if prop == "date":
        return value[:10] == (event.get("event_date") or "")[:len(value[:10])]
    if prop in ("fatalities", "injured", "abducted"):
        shown = claim_value(value)
        figures = {str(event.get(prop))} | ({str(event.get("fatalities_low")),
                                             str(event.get("fatalities_high"))}
                                            if prop == "fatalities" else set())
        return shown.split(" ")[0] in figures
    held = event.get(prop)
    return held is not None and str(held) == value


def claim_groups(event: dict[str, Any]) -> list[dict[str, Any]]:
    """[{property, disagree, values: [{value, shown, kept, documents, said_by, modalities}]}]"""
    groups: list[dict[str, Any]] = []
    for prop, claims in event["claims"].items():
        if prop in HIDDEN:
            continue
        values: dict[str, dict[str, Any]] = {}
        for c in claims:
            shown = claim_value(c["value"])
            v = values.setdefault(shown, {"value": c["value"], "shown": shown, "kept": False,
                                          "documents": [], "said_by": [], "modalities": [],
                                          "quotes": []})
            counted = _counted(event, prop)
            v["kept"] = v["kept"] or (c.get("id") in counted if counted
                                      else _kept(event, prop, str(c["value"])))
            for key, item in (("documents", c["document_id"]), ("said_by", c["attribution"]),
                              ("modalities", c["modality"])):
                if item and item not in v[key]:
                    v[key].append(item)
            if c["quote"] and len(v["quotes"]) < 3:
                v["quotes"].append({"document_id": c["document_id"], "quote": c["quote"],
                                    "start": c.get("start")})
        ordered = sorted(values.values(), key=lambda v: (-len(v["documents"]), v["shown"]))
        groups.append({"property": prop, "disagree": len(ordered) > 1, "values": ordered})
    return groups
