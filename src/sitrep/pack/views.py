"""Read-side shapes of pack data for the CLI, the API and exports (library first).

``actor_sections`` builds the actor page as named sections; other layers append their own
section builders to ``ACTOR_SECTIONS`` and every view - terminal, JSON, web - renders the same
list. With ``store=`` in the context, the lineage, relations and events sections read the
store (text, event and pack evidence with sources); without it they fall back to the pack.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .pack import Pack
from .types import ACTOR_KINDS, Actor, Fact, Place


@dataclass
class Section:
    title: str
    rows: list[dict[str, Any]] = field(default_factory=list)
    text: str | None = None  # a paragraph instead of (or before) rows


SectionBuilder = Callable[[Pack, Actor, dict[str, Any]], "Section | None"]


def actor_record(actor: Actor) -> dict[str, Any]:
    """The `export actors` shape (DESIGN.md): actor_id, name, kind, country, aliases."""
    return {"actor_id": actor.id, "name": actor.name, "kind": actor.kind,
            "country": actor.country, "aliases": sorted({a.name for a in actor.aliases})}


def iter_actor_records(pack: Pack, *, kind: str | None = None,
                       country: str | None = None) -> Iterator[dict[str, Any]]:
    for actor in list_actors(pack, kind=kind, country=country):
        yield actor_record(actor)


def list_actors(pack: Pack, *, kind: str | None = None, country: str | None = None,
                include_placeholders: bool = True) -> list[Actor]:
    out = []
    for actor in pack.actors:
        if kind and actor.kind != kind:
            continue
        if country and (actor.country or "").upper() != country.upper():
            continue
        if actor.placeholder and not include_placeholders:
            continue
        out.append(actor)
    return sorted(out, key=lambda a: (a.kind, a.name.lower()))


def place_record(place: Place, pack: Pack | None = None) -> dict[str, Any]:
    record = {
        "place_id": place.id, "name": place.name, "country": place.country,
        "admin1": place.admin1, "admin2": place.admin2, "latitude": place.latitude,
        "longitude": place.longitude, "feature_class": place.feature_class,
        "feature_code": place.feature_code, "population": place.population,
    }
    if place.source:
        record["source"] = place.source
    return record


def fact_row(fact: Fact, pack: Pack) -> dict[str, Any]:
    target = pack.actors.find(fact.value) if fact.value else None
    return {"predicate": fact.predicate, "value": fact.value,
            "value_name": target.name if target else None,
            "start": fact.start, "end": fact.end, "source": fact.source, "note": fact.note}


def _summary(pack: Pack, actor: Actor, ctx: dict[str, Any]) -> Section:
    rows = [{"field": "id", "value": actor.id},
            {"field": "kind", "value": f"{actor.kind} ({ACTOR_KINDS.get(actor.kind, '')})"},
            {"field": "country", "value": actor.country or ""},
            {"field": "source", "value": actor.source}]
    if actor.un_ref:
        rows.append({"field": "UN reference", "value": actor.un_ref})
    if actor.placeholder:
        rows.append({"field": "placeholder", "value": "yes: resolved from context"})
    return Section(actor.name, rows)


def _aliases(pack: Pack, actor: Actor, ctx: dict[str, Any]) -> Section:
    rows = [{"alias": a.name, "lang": a.lang or ""} for a in actor.aliases]
    return Section("Aliases", rows)


def _facts(pack: Pack, actor: Actor, ctx: dict[str, Any]) -> Section | None:
    if not actor.facts:
        return None
    facts = sorted(actor.facts, key=lambda f: (f.start or "", f.predicate))
    return Section("Facts", [fact_row(f, pack) for f in facts])


def _referenced_by(pack: Pack, actor: Actor, ctx: dict[str, Any]) -> Section | None:
    rows = []
    for other in pack.actors:
        for f in other.facts:
            if f.value == actor.id and other.id != actor.id:
                rows.append({"actor_id": other.id, "name": other.name,
                             "predicate": f.predicate, "start": f.start, "end": f.end,
                             "source": f.source})
    rows.sort(key=lambda r: (r["start"] or "", r["name"]))
    return Section("Referenced by", rows) if rows else None


# (predicate, the actor is the subject?) -> (how the other actor relates to it, lineage group)
LINEAGE_ROLES: dict[tuple[str, bool], tuple[str, str]] = {
    ("successor_of", True): ("succeeded", "predecessors"),
    ("merged_into", False): ("merged in", "predecessors"),
    ("split_from", True): ("split from", "predecessors"),
    ("successor_of", False): ("succeeded by", "successors"),
    ("merged_into", True): ("merged into", "successors"),
    ("split_from", False): ("splinter", "successors"),
    ("part_of", False): ("faction", "factions"),
    ("affiliate_of", False): ("affiliate", "factions"),
    ("part_of", True): ("part of", "parents"),
    ("affiliate_of", True): ("affiliate of", "parents"),
    ("leads", False): ("led by", "leadership"),
    ("leads", True): ("leads", "leadership"),
    ("founded_by", True): ("founded by", "leadership"),
    ("founded_by", False): ("founded", "leadership"),
}
_RELATION_LABELS = {("supports", False): "supported by", ("fights", False): "fought by"}


def _actor_relations(pack: Pack, actor: Actor, ctx: dict[str, Any]) -> list[dict[str, Any]]:
    """The store's relations of this actor when there is a store, else the pack's. A store
    the pack was never synced into (`sitrep pack sync`) still shows the pack's facts: they are
    added to the relations the store does not hold."""
    store = ctx.get("store")
    if store is None:
        return _pack_relations(pack, actor)
    if "_relations" not in ctx:
        from ..store.queries.relations import list_relations

        items = list_relations(store, actor=actor.id)["items"]
        if not any("pack" in (r.get("origins") or []) for r in items):
            have = {(r["subject"], r["predicate"], r["object"]) for r in items}
            items += [r for r in _pack_relations(pack, actor)
                      if (r["subject"], r["predicate"], r["object"]) not in have]
        ctx["_relations"] = items
    return list(ctx["_relations"])


def _pack_relations(pack: Pack, actor: Actor) -> list[dict[str, Any]]:
    """The pack's facts about this actor (its own and other entries') as relation items."""
    from ..store.relations import PACK_PREDICATES

    out: dict[tuple[str, str, str], dict[str, Any]] = {}
    for owner in pack.actors:
        for f in owner.facts:
            mapped = PACK_PREDICATES.get(f.predicate)
            if mapped is None or not f.value or actor.id not in (owner.id, f.value):
                continue
            subject, obj = (f.value, owner.id) if mapped[1] else (owner.id, f.value)
            item = out.setdefault((subject, mapped[0], obj), {
                "subject": subject, "predicate": mapped[0], "object": obj, "start": f.start,
                "end": f.end, "modality": "asserted", "origins": ["pack"], "sources": []})
            item["sources"].append({"via": "pack", "quote": f.source,
                                    "origin": f"pack {pack.name}, actor {owner.id}"})
            if f.start and (item["start"] is None or f.start < item["start"]):
                item["start"] = f.start
    return list(out.values())


def _relation_row(pack: Pack, actor: Actor, r: dict[str, Any], label: str,
                  today: str) -> dict[str, Any]:
    other = r["object"] if r["subject"] == actor.id else r["subject"]
    found = pack.actors.find(other)
    sources = r.get("sources") or [{}]
    first = next((x for x in sources if x.get("via") != "pack"), sources[0])
    quote = " ".join(str(first.get("quote") or "").split())
    return {"when": _when(r.get("start"), r.get("end")), "relation": label,
            "actor_id": other, "name": found.name if found else other,
            "start": r.get("start"), "end": r.get("end"),
            "status": "past" if r.get("end") and str(r["end"]) < today[:len(str(r["end"]))]
            else "current",
            "modality": r.get("modality"), "origins": r.get("origins") or [],
            "sources": len(r.get("sources") or []),
            "evidence": (f"{first.get('origin') or first.get('document') or ''}: "
                         f"{quote[:160]}") if quote else None}


def _when(start: str | None, end: str | None) -> str:
    return f"{start or '?'} to {end}" if end else (f"since {start}" if start else "undated")


def _lineage(pack: Pack, actor: Actor, ctx: dict[str, Any]) -> Section | None:
    """Predecessors, factions, successors, parents and leaders as one dated timeline."""
    items = _actor_relations(pack, actor, ctx)
    today = date.today().isoformat()
    rows = []
    for r in items:
        role = LINEAGE_ROLES.get((r["predicate"], r["subject"] == actor.id))
        if role is None or r["subject"] == r["object"]:
            continue
        label = role[0]
        other = pack.actors.find(r["subject"] if r["object"] == actor.id else r["object"])
        if label == "faction" and other is not None and other.kind == "person":
            label = "member"
        rows.append({**_relation_row(pack, actor, r, label, today), "group": role[1]})
    rows.sort(key=lambda x: (x["start"] or "9999", x["group"], x["name"]))
    return Section("Lineage (dated timeline)", rows) if rows else None


def _relations(pack: Pack, actor: Actor, ctx: dict[str, Any]) -> Section | None:
    """Alliances, rivalries, fighting and support, current first, each with its evidence."""
    items = _actor_relations(pack, actor, ctx)
    today = date.today().isoformat()
    rows = []
    for r in items:
        if (r["predicate"], r["subject"] == actor.id) in LINEAGE_ROLES:
            continue
        label = _RELATION_LABELS.get((r["predicate"], r["subject"] == actor.id), r["predicate"])
        rows.append(_relation_row(pack, actor, r, label, today))
    rows.sort(key=lambda x: (x["status"] != "current", x["relation"], x["start"] or "",
                             x["name"]))
    return Section("Relations (current, then past)", rows) if rows else None


def _events(pack: Pack, actor: Actor, ctx: dict[str, Any]) -> Section | None:
    """The events the store holds for this actor, newest first (any role)."""
    store = ctx.get("store")
    if store is None:
        return None
    from ..errors import SitrepError
    from ..store.queries.actors import get_actor

    try:
        events = get_actor(store, actor.id, events_limit=int(ctx.get("events_limit", 50)))
    except SitrepError:
        return None
    rows = [{"event_id": e["id"], "date": e["event_date"], "type": e["event_type"],
             "sub_type": e["sub_event_type"], "location": e["location"],
             "country": e["country"], "fatalities": e["fatalities"],
             "roles": ", ".join(e["roles"])} for e in events["events"]]
    return Section("Events", rows, text=None if rows else "No event in the store names it.")


ACTOR_SECTIONS: list[SectionBuilder] = [_summary, _aliases, _facts, _lineage, _relations,
                                        _referenced_by, _events]


def actor_sections(pack: Pack, actor: Actor, **ctx: Any) -> list[Section]:
    """The actor page as sections; ``ctx`` passes extras (a store...) to added builders."""
    out = []
    for build in ACTOR_SECTIONS:
        section = build(pack, actor, ctx)
        if section is not None:
            out.append(section)
    return out


def render_text(sections: list[Section]) -> str:
    """Plain-text rendering for terminals and logs (one block per section)."""
    lines: list[str] = []
    for n, s in enumerate(sections):
        lines.append(s.title if n == 0 else f"\n{s.title}")
        lines.append("-" * len(lines[-1].strip()))
        if s.text:
            lines.append(s.text)
        for row in s.rows:
            lines.append("  " + _row_text(row))
    return "\n".join(lines)


def _row_text(row: dict[str, Any]) -> str:
    if "relation" in row and "when" in row:
        via = "+".join(row["origins"])
        line = (f"{row['when']:<22} {row['relation']:<14} {row['name']} [{row['actor_id']}]"
                f"  ({row['sources']} source(s), {via})")
        return line + (f"\n      {row['evidence']}" if row.get("evidence") else "")
    if "event_id" in row and "roles" in row:
        return (f"{row['date'] or '?':<11} {row['type'] or ''}/{row['sub_type'] or ''} at "
                f"{row['location'] or '?'} ({row['country'] or '?'}), {row['roles']}"
                + (f", {row['fatalities']} killed" if row.get("fatalities") else ""))
    if set(row) == {"field", "value"}:
        return f"{row['field']:<13} {row['value']}"
    if "predicate" in row and "source" in row:
        when = _period(row.get("start"), row.get("end"))
        target = row.get("value_name") or row.get("name") or row.get("value") or ""
        ident = row.get("value") or row.get("actor_id") or ""
        ref = f" [{ident}]" if ident and ident != target else ""
        return f"{row['predicate']:<13} {target}{ref}{when}  (source: {row['source']})"
    if "alias" in row:
        return f"{row['alias']}" + (f"  ({row['lang']})" if row["lang"] else "")
    return "  ".join(f"{k}={v}" for k, v in row.items() if v not in (None, ""))


def _period(start: str | None, end: str | None) -> str:
    if start and end:
        return f", {start} to {end}"
    if start:
        return f", from {start}"
    if end:
        return f", until {end}"
    return ""
