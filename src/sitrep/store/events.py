"""Events in the store: written from statements, read in the DESIGN.md export shape.

``replace_document_extraction`` swaps one document's sentences, event statements, events,
sources and actor links in one transaction (re-extraction never duplicates). Event rows are
*assembled* from the statements alone (``assemble_event``): date and place by the most precise
value the sources support, figures reconciled into low/best/high (``sitrep.fusion.reconcile``),
every actor role and claim kept. ``iter_event_records`` is what exports and ``sitrep eval`` read.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, and_, bindparam, delete, func, or_, select, update

from ..fusion.reconcile import (
    MODALITY_WEIGHT,
    Figure,
    Reconciled,
    choose_most_precise,
    copy_root,
    independent_documents,
    reconcile_figures,
)
from ..model import Statement, date_precision, utcnow
from . import schema
from .db import Store, insert_ignore

ROLES = ("actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "claimed_by")
_RANK = {"day": 0, "month": 1, "year": 2}
# ("last week" is about a day: a day told exactly, "on Saturday", says it better)
_WIDE = frozenset({"range", "decade", "or later", "about"})
_PLACEHOLDER_NAMES = {
    "unidentified_armed_group": "Unidentified armed group",
    "state_forces": "State forces",
    "civilians": "Civilians",
}


# ------------------------------------------------------------------------------ names


_OFFICIAL = re.compile(r"^.*\b(?:Republic|Kingdom|State|Federation|Commonwealth|Emirate|"
                       r"Sultanate|Principality)\s+of\s+(?:the\s+)?(.+)$")


@lru_cache(maxsize=4)
def _country_names(pack: Any) -> dict[str, str]:
    """ISO code → the short name exports use ("Republic of Mali" → "Mali", as ACLED writes)."""
    names: dict[str, str] = {}
    gaz = getattr(pack, "gazetteer", None)
    places = getattr(gaz, "places", None) or []
    alt = getattr(gaz, "names", None) or [[] for _ in places]
    for p, others in zip(places, alt, strict=False):
        if p.feature_code == "PCLI" and p.country and p.country not in names:
            m = _OFFICIAL.match(p.name)
            names[p.country] = m.group(1) if m and m.group(1) in others else p.name
    return names


def country_name(pack: Any, code: str | None) -> str | None:
    if not code:
        return None
    if pack is None:
        return code
    return _country_names(pack).get(code, code)


def actor_name(pack: Any, actor_id: str) -> str:
    if pack is not None:
        try:
            return str(pack.actors.get(actor_id).name)
        except Exception:  # noqa: BLE001 - placeholders and country ids are not registry entries
            pass
    base, _, rest = actor_id.partition(":")
    if base == "country" and pack is not None:
        return f"{country_name(pack, rest)} (state)"
    return _PLACEHOLDER_NAMES.get(base, actor_id.replace("_", " ").capitalize())


def _place(pack: Any, place_id: str) -> Any:
    if pack is None:
        return None
    try:
        return pack.gazetteer.get(place_id)
    except Exception:  # noqa: BLE001
        return None


# ------------------------------------------------------------------------------ assembly


def _weight(modality: str) -> float:
    return MODALITY_WEIGHT.get(modality, 0.5)


def _figures(stmts: list[Statement], prop: str, independent: set[str] | None = None
             ) -> tuple[dict[str | None, list[Figure]], set[str]]:
    """Figures by side (None = a whole toll), and the sides told only in a vague word
    ("several", "dozens": a floor, no number). Parts never add; within a side, a vague figure
    is dropped once a report gives a number. Figures from documents outside ``independent``
    (copies of another source) are kept but do not weigh."""
    by_side: dict[str | None, list[tuple[Statement, dict[str, Any]]]] = defaultdict(list)
    for s in stmts:
        if s.property != prop:
            continue
        v = json.loads(s.value)
        if not v.get("part_of"):
            by_side[v.get("side")].append((s, v))
    out: dict[str | None, list[Figure]] = {}
    vague: set[str] = set()
    for side, items in by_side.items():
        if any(not v.get("approximate") for _, v in items):
            items = [(s, v) for s, v in items if not v.get("approximate")]
        elif side is not None and all(v["low"] is not None and v["high"] is None
                                      for _, v in items):
            vague.add(side)
        figs = []
        for s, v in items:
            low = v["low"] if v["low"] is not None else v["point"]
            high = v["high"]
            if v["low"] is None and high is not None:  # "nearly 3,000": about the figure
                low = high
            figs.append(Figure(low, high, s.modality, s.document_id, s.id,
                               independent is None or s.document_id in independent))
        out[side] = figs
    return out, vague


def reconcile_toll(stmts: list[Statement], prop: str, independent: set[str] | None = None
                   ) -> tuple[Reconciled, dict[str, Any]]:
    """Low/best/high for one kind of count: sides add up ("40 assailants" and "two soldiers"
    make 42), competing whole tolls are reconciled (docs/fusion.md), and a stated whole toll
    gives the best figure when there is one; low and high span both readings. ``independent``
    (default: every document) are the documents whose figures weigh."""
    by_side, vague = _figures(stmts, prop, independent)
    whole = reconcile_figures(by_side.pop(None, []))
    parts = {side: reconcile_figures(figs) for side, figs in by_side.items()}
    detail: dict[str, Any] = {"whole": whole.as_dict(),
                              "sides": {k: v.as_dict() for k, v in parts.items()}}
    if not parts:
        return whole, detail
    # "24 soldiers were killed ... 'several' assailants were killed": a side told only in a
    # vague word widens the range but adds nothing to the figure beside a counted side
    counted = [p for side, p in parts.items() if side not in vague] or list(parts.values())
    low = sum(p.low or 0 for p in counted)
    best = sum(p.best or 0 for p in counted)
    high = sum((p.high if p.high is not None else p.best) or 0 for p in parts.values())
    if whole.best is not None:
        # a stated whole toll is the conservative best; one smaller than the sides it should
        # contain counts only some of them ("ten peacekeepers were killed ... several of them
        # [the assailants] were killed") and stays a reading, not the best
        low = min(low, whole.low if whole.low is not None else low)
        best = whole.best if whole.best >= best else best
        high = max(high, whole.high or 0)
    figures = whole.figures + tuple(f for p in parts.values() for f in p.figures)
    return Reconciled(low, best, high, figures), detail


def assemble_event(event_id: str, stmts: list[Statement], pack: Any,
                   copies: dict[str, str] | None = None) -> dict[str, Any]:
    """An events row from the statements of its mentions (no other input but ``copies``:
    near-duplicate document → the document it copies, so a wire copy weighs once)."""
    docs = {s.document_id for s in stmts if s.document_id}
    indep = independent_documents(docs, copies or {})

    def weight(s: Statement) -> float:
        return _weight(s.modality) if s.document_id in indep else 0.0

    by_prop: dict[str, list[Statement]] = defaultdict(list)
    for s in sorted(stmts, key=lambda s: (s.document_id, s.start)):
        by_prop[s.property].append(s)
    weak = {s.subject for s in by_prop["trigger"] if s.value.split(":", 1)[0] == "killing"}
    weak |= {s.subject for s in by_prop["note"] if s.value.startswith("toll without")}
    typed = [s for s in by_prop["event_type"] if s.subject not in weak] or by_prop["event_type"]
    first_type = typed[0]
    subtypes = [s for s in by_prop["sub_event_type"] if s.subject == first_type.subject]
    row: dict[str, Any] = {"id": event_id, "event_type": first_type.value,
                           "sub_event_type": subtypes[0].value if subtypes else None}
    # a bounded span ("between 2012 and 2014", "2012 or later") is less precise than its year
    wide = {(s.subject, s.start) for s in by_prop["date_qualifier"] if s.value in _WIDE}
    date = _most_precise([(s, _RANK[_precision(s.value)] + ((s.subject, s.start) in wide),
                           weight(s)) for s in by_prop["date"]])
    row["event_date"] = _first_day(date.value) if date else None
    row["date_precision"] = _precision(date.value) if date else None
    ends = [s for s in by_prop["date_end"] if date and s.subject == date.subject
            and s.start == date.start]
    row["date_end"] = ends[0].value if ends else None
    geo = {(s.subject, s.start): int(s.value) for s in by_prop["geo_precision"]}
    place = _most_precise([(s, geo.get((s.subject, s.start), 3), weight(s))
                           for s in by_prop["place"]])
    p = _place(pack, place.value) if place else None
    row.update(place_id=place.value if place else None,
               geo_precision=geo.get((place.subject, place.start)) if place else None,
               location=(country_name(pack, p.country) if p.feature_code == "PCLI" else p.name)
               if p else None, country=country_name(pack, p.country) if p else None,
               admin1=p.admin1 if p else None, admin2=p.admin2 if p else None,
               latitude=p.latitude if p else None, longitude=p.longitude if p else None)
    if p is None:
        _country_from_actors(row, by_prop, pack)
    ids: dict[str, list[str]] = {}
    for role in ROLES:
        seen: list[str] = []
        for s in by_prop[role]:
            if s.value not in seen:
                seen.append(s.value)
        ids[role] = seen
    ids["actor1"] = _perpetrators_first(pack, ids["actor1"], ids["claimed_by"])
    # an actor named as a second perpetrator and as an associate is listed once
    ids["assoc_actor_1"] = list(dict.fromkeys(a for a in ids["actor1"][1:] + ids["assoc_actor_1"]
                                              if a not in ids["actor1"][:1]))
    ids["actor1"] = ids["actor1"][:1]
    ids["assoc_actor_2"] = list(dict.fromkeys(a for a in ids["actor2"][1:] + ids["assoc_actor_2"]
                                              if a not in ids["actor2"][:1]))
    ids["actor2"] = ids["actor2"][:1]
    if ids["claimed_by"] and (not ids["actor1"] or
                              ids["actor1"][0].startswith("unidentified")):
        # a claim names the perpetrator ("jihadists attacked ... JNIM claimed the assault")
        ids["assoc_actor_1"] = [a for a in ids["assoc_actor_1"]
                                if a != ids["claimed_by"][0]]
        ids["actor1"] = ids["claimed_by"][:1]
    for role in ("actor1", "assoc_actor_1", "actor2", "assoc_actor_2"):
        row[role] = "; ".join(actor_name(pack, a) for a in ids[role]) or None
    row["claimed_by"] = json.dumps([actor_name(pack, a) for a in ids["claimed_by"]])
    fat, fat_detail = reconcile_toll(stmts, "fatalities", indep)
    row.update(fatalities=fat.best, fatalities_low=fat.low, fatalities_high=fat.high)
    for prop in ("injured", "abducted"):
        row[prop] = reconcile_toll(stmts, prop, indep)[0].best
    modalities = sorted({s.modality for s in by_prop["event_type"]},
                        key=lambda m: -_weight(m))
    row["modality"] = modalities[0] if modalities else "asserted"
    row["background"] = bool(by_prop["background"])
    notes = sorted({s.value for s in by_prop["note"]} |
                   {f"date {s.value}" for s in by_prop["date_qualifier"]
                    if date and s.subject == date.subject})
    who = sorted({s.attribution for s in stmts if s.attribution})
    if who:
        notes.append("according to " + ", ".join(who))
    row["notes"] = "; ".join(notes) or None
    row["data"] = json.dumps({
        "mentions": sorted({s.subject.split(":", 1)[1] for s in stmts}),
        "actor_ids": ids, "fatalities": fat_detail,
        "sources": {"documents": len(docs), "independent": len(indep),
                    "copies": {d: copy_root(d, copies or {}) for d in sorted(docs - indep)}},
    }, sort_keys=True)
    row["updated_at"] = utcnow()
    row["_actor_ids"] = ids
    return row


_PARENT_PREDICATES = ("part_of", "affiliate_of")


def _parents(pack: Any, actor_id: str, depth: int = 3) -> set[str]:
    """The groups an actor belongs to or is affiliated with (pack facts, transitively)."""
    found: set[str] = set()
    frontier = {actor_id}
    for _ in range(depth):
        step: set[str] = set()
        for a in frontier:
            actor = pack.actors.find(a) if pack is not None else None
            for fact in getattr(actor, "facts", ()) or ():
                if fact.predicate in _PARENT_PREDICATES and fact.value:
                    step.add(fact.value)
        frontier = step - found - {actor_id}
        found |= frontier
    return found


def _perpetrators_first(pack: Any, actors: list[str], claimants: list[str]) -> list[str]:
    """Order the perpetrators reported across sources: a named group before a placeholder; the
    most specific group before a parent it belongs to (reports that say "an al-Qaeda attack"
    and others that name the affiliate describe the affiliate's attack, as ACLED codes it);
    then a group that claimed the attack; then the order of the reports."""
    named = [a for a in actors if not _is_placeholder(pack, a)]
    # a claimant that belongs to a named perpetrator is that perpetrator, told more precisely
    actors = actors + [c for c in claimants if c not in actors
                       and set(named) & _parents(pack, c)]
    named = [a for a in actors if not _is_placeholder(pack, a)]
    parents = {p for a in named for p in _parents(pack, a)} if len(named) > 1 else set()
    claimed = set(claimants)
    return sorted(actors, key=lambda a: (_is_placeholder(pack, a), a in parents,
                                         a not in claimed))


def _most_precise(values: list[tuple[Statement, int, float]]) -> Statement | None:
    """The most precise supported value; copies alone still give one when nothing else does."""
    return choose_most_precise(values) or choose_most_precise(
        (s, rank, _weight(s.modality)) for s, rank, _ in values)


def _is_placeholder(pack: Any, actor_id: str) -> bool:
    """Typed placeholders ("unidentified armed group", "state forces") rank after names."""
    return actor_id.startswith(("unidentified", "state_forces", "civilians", "country:",
                                "unknown"))


def _country_from_actors(row: dict[str, Any], by_prop: dict[str, list[Statement]],
                         pack: Any) -> None:
    """No place named: a demonym ("Malian soldiers") still says the country (precision 3)."""
    for role in ("actor2", "actor1", "assoc_actor_2", "assoc_actor_1"):
        for s in by_prop[role]:
            if s.value.startswith("country:"):
                code = s.value.split(":", 1)[1]
                row.update(country=country_name(pack, code), location=country_name(pack, code),
                           geo_precision=3)
                return


def _precision(value: str) -> str:
    try:
        return date_precision(value) or "day"
    except ValueError:
        return "day"


def _first_day(value: str) -> str:
    return value + {4: "-01-01", 7: "-01"}.get(len(value), "")


# ------------------------------------------------------------------------------ writing


def _statement_row(s: Statement, run_id: int | None, now: str) -> dict[str, Any]:
    return {"id": s.id, "subject": s.subject, "property": s.property, "value": s.value,
            "document_id": s.document_id, "start": s.start, "end": s.end, "quote": s.quote,
            "attribution": s.attribution, "modality": s.modality, "confidence": s.confidence,
            "extractor": s.extractor, "run_id": run_id, "created_at": now}


# Statements built once: a document runs each of them, and building a SQLAlchemy expression
# per call (coercing values, keying the compiled cache) cost several times what SQLite spends
# running it (scripts/bench.py --profile). Plain Core with bind parameters: any dialect.
_DOC: Any = bindparam("doc_id")
_OLD_FUSED = select(schema.fusion_mentions.c.event_id).where(
    schema.fusion_mentions.c.document_id == _DOC, schema.fusion_mentions.c.event_id.is_not(None))
_OLD_SOURCED = select(schema.event_sources.c.event_id).where(
    schema.event_sources.c.document_id == _DOC)
_OLD_MENTIONS = select(schema.fusion_mentions.c.mention_id).where(
    schema.fusion_mentions.c.document_id == _DOC)
_DROP_SOURCES = delete(schema.event_sources).where(schema.event_sources.c.document_id == _DOC)
_DROP_KEYS = delete(schema.fusion_keys).where(
    schema.fusion_keys.c.mention_id.in_(bindparam("mentions", expanding=True)))
_DROP_MENTIONS = delete(schema.fusion_mentions).where(
    schema.fusion_mentions.c.document_id == _DOC)
_DROP_STATEMENTS = delete(schema.statements).where(
    schema.statements.c.document_id == _DOC, schema.statements.c.subject.like("mention:%"))
_DROP_SENTENCES = delete(schema.sentences).where(schema.sentences.c.document_id == _DOC)
_INSERT_SENTENCES = schema.sentences.insert()
_MARK_EXTRACTED = update(schema.documents).where(schema.documents.c.id == _DOC).values(
    extracted_version=bindparam("version"))


def _forget_extraction(conn: Connection, document_id: str) -> None:
    """Remove what an earlier extraction of the document wrote, and queue the fused events it
    fed for re-fusion."""
    doc = {"doc_id": document_id}
    old_events = set(conn.execute(_OLD_FUSED, doc).scalars())
    old_events |= set(conn.execute(_OLD_SOURCED, doc).scalars())
    insert_ignore(conn, schema.fusion_queue, [{"event_id": e} for e in sorted(old_events)])
    conn.execute(_DROP_SOURCES, doc)
    old_mentions = list(conn.execute(_OLD_MENTIONS, doc).scalars())
    for i in range(0, len(old_mentions), 500):
        conn.execute(_DROP_KEYS, {"mentions": old_mentions[i:i + 500]})
    conn.execute(_DROP_MENTIONS, doc)
    conn.execute(_DROP_STATEMENTS, doc)
    conn.execute(_DROP_SENTENCES, doc)


def replace_document_extraction(conn: Connection, document_id: str, *, sentences:
                                Iterable[tuple[int, int, int, str]], statements: list[Statement],
                                sources: list[dict[str, Any]], pack: Any, version: str,
                                run_id: int | None = None, fresh: bool = False) -> list[str]:
    """Replace what one document says about events; return its document event ids.

    Nothing is published here: each document event is queued for fusion (a ``fusion_mentions``
    row with no event yet, holding its clustering record and source rows), and the fused events
    the document used to feed are queued for re-fusion. ``sitrep.fusion.fuse_events`` (run by
    ``extract_pending`` after the batch) turns the queue into events, incrementally.

    ``fresh``: the document was never extracted (its ``extracted_version`` is NULL), so there
    is nothing to remove first; the caller vouches for it (most of a first run's documents).

    ``sources`` rows: ``event_id, mention_id, start, end, quote`` (one per mention)."""
    from ..fusion.records import key_rows, record_for, to_json

    if not fresh:
        _forget_extraction(conn, document_id)
    sent_rows = [{"document_id": document_id, "idx": i, "start": a, "end": b, "text": t}
                 for i, a, b, t in sentences]
    if sent_rows:
        conn.execute(_INSERT_SENTENCES, sent_rows)
    now = utcnow()
    insert_ignore(conn, schema.statements, [_statement_row(s, run_id, now) for s in statements])
    by_event: dict[str, set[str]] = defaultdict(set)
    for s in statements:
        if s.property == "event":
            by_event[s.value].add(s.subject)
    written, mention_rows, keys = [], [], []
    for event_id, subjects in by_event.items():
        stmts = [s for s in statements if s.subject in subjects]
        row = assemble_event(event_id, stmts, pack)
        record = record_for(event_id, row, stmts, pack, _is_placeholder)
        srcs = [{k: src[k] for k in ("mention_id", "start", "end", "quote")}
                for src in sources if src["event_id"] == event_id]
        mention_rows.append({"mention_id": event_id, "document_id": document_id,
                             "event_id": None, "record": to_json(record),
                             "sources": json.dumps(srcs, ensure_ascii=False)})
        keys += key_rows(record)
        written.append(event_id)
    insert_ignore(conn, schema.fusion_mentions, mention_rows)
    insert_ignore(conn, schema.fusion_keys, keys)
    conn.execute(_MARK_EXTRACTED, {"doc_id": document_id, "version": version})
    return written


# ------------------------------------------------------------------------------ reading

EXPORT_FIELDS = (
    "event_id", "event_date", "date_precision", "event_type", "sub_event_type", "actor1",
    "assoc_actor_1", "actor2", "assoc_actor_2", "claimed_by", "country", "admin1", "admin2",
    "location", "latitude", "longitude", "geo_precision", "fatalities", "fatalities_low",
    "fatalities_high", "injured", "abducted", "sources", "notes",
)


def iter_event_records(store: Store, *, since: str | None = None, until: str | None = None,
                       country: str | None = None, actor: str | None = None,
                       event_type: str | None = None, text: str | None = None,
                       document: str | None = None, background: bool | None = None,
                       limit: int | None = None) -> Iterator[dict[str, Any]]:
    """Events in the DESIGN.md export shape (plus ``date_end``, ``background``, ``modality``).

    Dates overlap-match (an event of 2024-09, month precision, is inside since=2024-09-17);
    ``actor`` matches an actor id or name in any role; ``text`` searches the source quotes;
    ``document`` keeps events with a source whose origin or id is this; ``background=False``
    drops background events."""
    ev, es, docs, ea = schema.events, schema.event_sources, schema.documents, schema.event_actors
    # undated first, as SQLite sorts NULLs; PostgreSQL must be told
    q = select(ev).order_by(ev.c.event_date.nulls_first(), ev.c.id)
    if since:
        q = q.where(func.coalesce(ev.c.date_end, ev.c.event_date) >= since)
    if until:
        q = q.where(ev.c.event_date <= until + ("-12-31" if len(until) == 4 else
                                                "-31" if len(until) == 7 else ""))
    if country:
        q = q.where(func.lower(ev.c.country) == country.strip().lower())
    if event_type:
        q = q.where(or_(func.lower(ev.c.event_type) == event_type.strip().lower(),
                        func.lower(ev.c.sub_event_type) == event_type.strip().lower()))
    if background is not None:
        q = q.where(ev.c.background.is_(background))
    if actor:
        needle = actor.strip().lower()
        q = q.where(or_(
            ev.c.id.in_(select(ea.c.event_id).where(func.lower(ea.c.actor_id) == needle)),
            *(func.lower(ev.c[r]).like(f"%{needle}%") for r in
              ("actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "claimed_by"))))
    if text:
        q = q.where(ev.c.id.in_(select(es.c.event_id).where(es.c.quote.ilike(f"%{text}%"))))
    if document:
        q = q.where(ev.c.id.in_(select(es.c.event_id).join(docs, docs.c.id == es.c.document_id)
                                .where(or_(docs.c.origin == document, docs.c.id == document))))
    if limit:
        q = q.limit(limit)
    with store.reader() as conn:
        rows = conn.execute(q).mappings().all()
        ids = [r["id"] for r in rows]
        srcs: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            for s in conn.execute(
                    select(es.c.event_id, es.c.start, es.c.end, es.c.quote, es.c.mention_id,
                           docs.c.origin, docs.c.id.label("document_id"))
                    .join(docs, docs.c.id == es.c.document_id)
                    .where(and_(es.c.event_id.in_(chunk)))
                    .order_by(docs.c.origin, es.c.start)).mappings():
                srcs[s["event_id"]].append({"document": s["origin"], "quote": s["quote"],
                                            "start": s["start"], "end": s["end"],
                                            "document_id": s["document_id"],
                                            "mention_id": s["mention_id"]})
    for r in rows:
        rec: dict[str, Any] = {"event_id": r["id"]}
        for f in EXPORT_FIELDS[1:]:
            if f == "sources":
                rec[f] = srcs.get(r["id"], [])
            elif f == "claimed_by":
                rec[f] = json.loads(r["claimed_by"] or "[]")
            else:
                rec[f] = r[f]
        rec["date_end"] = r["date_end"]
        rec["background"] = bool(r["background"])
        rec["modality"] = r["modality"]
        yield rec
