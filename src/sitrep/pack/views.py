"""Read-side shapes of pack data for the CLI, the API and exports (library first).

``actor_sections`` builds the actor page as named sections; other layers append their own
section builders to ``ACTOR_SECTIONS`` (relations, events from a store...) and every view -
terminal, JSON, web - renders the same list.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
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


ACTOR_SECTIONS: list[SectionBuilder] = [_summary, _aliases, _facts, _referenced_by]


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
