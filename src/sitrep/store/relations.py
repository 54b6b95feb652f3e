"""Relations between actors: written as statements, assembled into dated relation rows.

A relation has three kinds of evidence, each a statement ``actor:X --predicate--> actor:Y``:

- **text**: a sentence states it (document, span of the construction, the sentence as quote);
- **event**: an event implies it (perpetrator vs target -> ``fights``, joint perpetrators ->
  ``allied_with``), with the event's own source span and quote, dated by the event;
- **pack**: the knowledge pack's curated fact, with no document: its ``quote`` is the pack's
  source note and its ``attribution`` names the pack (no span is invented).

Dates are ``relation:<id>`` ``start``/``end`` statements with the same evidence. One relation
row per (subject, predicate, object) is assembled from all of them: the earliest start and the
latest end stated by documents (text or events), the pack's dates only when no document dates
it; the strongest modality; ``origin`` = the strongest kind of evidence (text > event > pack)
and ``data.origins`` every kind, so one relation is never counted twice and each source says
where it came from (``via``).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from sqlalchemy import Connection, and_, bindparam, delete, or_, select

from ..model import PREDICATES, Statement, date_precision, stable_id, utcnow
from ..pipeline.relations import SYMMETRIC, RelationMention
from . import schema
from .db import Store, insert_ignore

MODALITY_ORDER = ("asserted", "reported", "claimed", "suspected", "unconfirmed", "denied")
ORIGINS = ("analyst", "text", "event", "pack")  # strongest evidence first
EVENT_EXTRACTOR = "sitrep-event-relations/1"
PACK_EXTRACTOR = "pack:"  # + pack name and version
# Event types whose perpetrator and target are fighting each other.
FIGHTING_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
_PERPETRATORS = ("actor1", "assoc_actor_1")
_TARGETS = ("actor2", "assoc_actor_2")
# Pack fact predicates that are relations under another name: (predicate, swap subject/object).
PACK_PREDICATES: dict[str, tuple[str, bool]] = {
    **{p: (p, False) for p in PREDICATES}, "led_by": ("leads", True),
    "head_of": ("leads", False), "member_of": ("part_of", False),
}


def relation_id(subject: str, predicate: str, obj: str) -> str:
    return stable_id("relation", subject, predicate, obj)


def evidence_kind(extractor: str | None) -> str:
    """Which kind of evidence a statement is, from the extractor that wrote it."""
    ext = extractor or ""
    if ext.startswith(PACK_EXTRACTOR):
        return "pack"
    if ext.startswith(EVENT_EXTRACTOR.split("/")[0]):
        return "event"
    if ext.startswith("analyst"):
        return "analyst"
    return "text"


def _statement_rows(document_id: str, rel: RelationMention, extractor: str,
                    run_id: int | None) -> list[dict[str, Any]]:
    rid = relation_id(rel.subject, rel.predicate, rel.object)
    facts = [Statement(f"actor:{rel.subject}", rel.predicate, f"actor:{rel.object}", document_id,
                       rel.start, rel.end, rel.quote, None, rel.modality, 1.0, extractor)]
    if rel.start_date:
        facts.append(Statement(f"relation:{rid}", "start", rel.start_date, document_id,
                               rel.start, rel.end, rel.quote, None, rel.modality, 1.0, extractor))
    if rel.end_date:
        facts.append(Statement(f"relation:{rid}", "end", rel.end_date, document_id,
                               rel.start, rel.end, rel.quote, None, rel.modality, 1.0, extractor))
    now = utcnow()
    return [{
        "id": s.id, "subject": s.subject, "property": s.property, "value": s.value,
        "document_id": s.document_id, "start": s.start, "end": s.end, "quote": s.quote,
        "attribution": s.attribution, "modality": s.modality, "confidence": s.confidence,
        "extractor": s.extractor, "run_id": run_id, "created_at": now,
    } for s in facts]


# Typed stand-ins for generic descriptions: no relation is drawn to or from them.
PLACEHOLDER_PREFIXES = ("unidentified", "state_forces", "civilians", "country:", "unknown",
                        "protesters", "rioters", "military_faction")


def _is_placeholder(actor_id: str) -> bool:
    return actor_id.startswith(PLACEHOLDER_PREFIXES)


_STRUCTURAL = frozenset({"part_of", "affiliate_of", "led_by", "leads", "head_of", "member_of",
                         "founded_by", "merged_into", "successor_of", "split_from"})
# Two perpetrators the pack knows as enemies were not fighting side by side: an extraction
# that puts them in one event's perpetrator role is not evidence of an alliance.
_NOT_ALLIES = _STRUCTURAL | {"rival_of", "fights"}
_HIERARCHY = frozenset({"part_of", "affiliate_of", "member_of"})
# a jihadist group and a state's forces named as joint perpetrators is a misread role (the
# target taken for an attacker), not an alliance; armed groups and militias do fight beside
# state forces (pro-government militias), so only jihadist groups are kept apart
_STATE_SIDE = frozenset({"state_forces", "police", "foreign_forces", "pmc", "mission",
                         "government"})


class _Registry:
    """What the pack knows that event-implied relations need: who is a person (events
    relate groups, not their leaders) and which pairs are already one structure (a unit
    fighting beside its parent is not an alliance)."""

    def __init__(self) -> None:
        from .queries.common import registry

        self.actors = registry()
        self._above: dict[str, set[str]] = {}

    def is_person(self, actor_id: str) -> bool:
        a = self.actors.find(actor_id) if self.actors is not None else None
        return a is not None and a.kind == "person"

    def linked(self, a: str, b: str, predicates: frozenset[str]) -> bool:
        """Whether the pack has a fact of one of ``predicates`` between a and b."""
        if self.actors is None:
            return False
        for x, y in ((a, b), (b, a)):
            actor = self.actors.find(x)
            if actor is not None and any(f.value == y and f.predicate in predicates
                                         for f in actor.facts):
                return True
        return False

    def _ancestors(self, actor_id: str) -> set[str]:
        """Every group above this one (part_of / affiliate_of / member_of, transitively)."""
        if actor_id in self._above:
            return self._above[actor_id]
        out: set[str] = self._above.setdefault(actor_id, set())
        frontier = [actor_id]
        while frontier and self.actors is not None:
            actor = self.actors.find(frontier.pop())
            for f in actor.facts if actor is not None else ():
                if f.predicate in _HIERARCHY and f.value and f.value not in out:
                    out.add(f.value)
                    frontier.append(f.value)
        return out

    def same_structure(self, a: str, b: str) -> bool:
        """One is a unit, branch or affiliate of the other, at any depth (a gendarmerie
        under the armed forces; al-Mourabitoun under AQIM under al-Qaeda)."""
        return b in self._ancestors(a) or a in self._ancestors(b)

    def kind(self, actor_id: str) -> str | None:
        a = self.actors.find(actor_id) if self.actors is not None else None
        return a.kind if a is not None else None


_ROLE_PROPS = ("actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "claimed_by")
_DATE_RANK = {10: 0, 7: 1, 4: 2}  # day before month before year


_EVENT_PROPS = ("event", "event_type", "date", "date_end", *_ROLE_PROPS)
# built once (a document runs each): see store/events.py
_MENTION_FACTS = select(
    schema.statements.c.subject, schema.statements.c.property, schema.statements.c.value,
    schema.statements.c.start, schema.statements.c.end, schema.statements.c.quote,
    schema.statements.c.modality).where(
    schema.statements.c.document_id == bindparam("doc_id"),
    schema.statements.c.subject.like("mention:%"),
    schema.statements.c.property.in_(_EVENT_PROPS)).order_by(schema.statements.c.start)
_OLD_RELATIONS = select(schema.statements.c.subject, schema.statements.c.property,
                        schema.statements.c.value).where(
    schema.statements.c.document_id == bindparam("doc_id"),
    schema.statements.c.property.in_(PREDICATES))
_DROP_RELATIONS = delete(schema.statements).where(
    schema.statements.c.document_id == bindparam("doc_id"),
    or_(schema.statements.c.property.in_(PREDICATES),
        and_(schema.statements.c.subject.like("relation:%"),
             schema.statements.c.property.in_(("start", "end")))))


def _mention_facts(document_id: str, statements: Sequence[Statement]) -> list[Statement]:
    """What ``_MENTION_FACTS`` reads back, from the statements just written: the first of
    each id (what ``insert_ignore`` kept), in the order written, then by start (stable)."""
    seen: set[str] = set()
    out = []
    for s in statements:
        if (s.document_id == document_id and s.subject.startswith("mention:")
                and s.property in _EVENT_PROPS and s.id not in seen):
            seen.add(s.id)
            out.append(s)
    return sorted(out, key=lambda s: s.start)


def _may_be_allies(reg: _Registry, a: str, b: str, claimants: set[str]) -> bool:
    """Whether two perpetrators of one event may be read as allies: not already one
    structure or known enemies (pack), not a jihadist group beside a state's forces, and not
    two claimants of the event (claims compete as often as they are joint)."""
    if reg.linked(a, b, _NOT_ALLIES) or reg.same_structure(a, b):
        return False
    if {a, b} <= claimants:
        return False
    kinds = {reg.kind(a), reg.kind(b)}
    return not ("jihadist_group" in kinds and kinds & _STATE_SIDE)


def event_relation_mentions(conn: Connection, document_id: str,
                            statements: Sequence[Statement] | None = None
                            ) -> list[RelationMention]:
    """Relations the document's events imply: perpetrators fight targets (in battles, remote
    violence and violence against a named target), joint perpetrators of such an event are
    allied unless the pack links them already (a unit and its parent, known enemies). An event
    dates the relation's start (it was true then); it does not end it: the row's
    ``last_seen`` keeps the latest event.

    Read from the document's event-mention statements (written before fusion runs; or given
    as ``statements``, what extraction just wrote, which saves reading them back), grouped by
    document event: each relation is dated by its event's most precise date and sourced by the
    event mention's own evidence (trigger span, sentence quote). A claimant stands in for the
    perpetrator when the text names none."""
    rows: Sequence[Any] = (_mention_facts(document_id, statements) if statements is not None else
                           conn.execute(_MENTION_FACTS, {"doc_id": document_id}).all())
    event_of = {r.subject: r.value for r in rows if r.property == "event"}
    if not event_of:
        return []
    reg = _Registry()
    evidence: dict[str, Any] = {}
    for r in rows:
        if r.property == "event":
            evidence.setdefault(r.value, r)
    by_event: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
    for r in rows:
        if r.subject in event_of and r.property != "event":
            by_event[event_of[r.subject]][r.property].append(r)
    out: list[RelationMention] = []
    for event_id in sorted(by_event):
        props, src = by_event[event_id], evidence[event_id]

        def named(role: str, props: dict[str, list[Any]] = props) -> list[str]:
            return list(dict.fromkeys(r.value for r in props[role]
                                      if not _is_placeholder(r.value)
                                      and not reg.is_person(r.value)))

        types = [r.value for r in props["event_type"]]
        dates = sorted(props["date"], key=lambda r: _DATE_RANK.get(len(r.value), 3))
        start = dates[0].value if dates else None
        perpetrators = named("actor1") + named("assoc_actor_1") or named("claimed_by")
        targets = named("actor2") + named("assoc_actor_2")
        claimants = {r.value for r in props["claimed_by"]}
        pairs: list[tuple[str, str, str]] = []
        if types and types[0] in FIGHTING_TYPES:
            # a unit does not fight its own parent: one of them is a misread role
            pairs += [(a, "fights", b) for a in perpetrators for b in targets
                      if a != b and not reg.same_structure(a, b)]
        for i, a in enumerate(perpetrators if types and types[0] in FIGHTING_TYPES else []):
            for b in perpetrators[i + 1:]:
                if a != b and _may_be_allies(reg, a, b, claimants):
                    x, y = sorted((a, b))
                    pairs.append((x, "allied_with", y))
        modality = props["event_type"][0].modality if props["event_type"] else src.modality
        for a, predicate, b in dict.fromkeys(pairs):
            out.append(RelationMention(
                subject=a, predicate=predicate, object=b, start_date=start,
                start_precision=date_precision(start), end_date=None,
                end_precision=None, modality=modality or "asserted",
                start=src.start, end=src.end, quote=src.quote, sentence_start=src.start,
                pattern=f"event:{event_id}"))
    return out


def replace_document_relations(conn: Connection, document_id: str,
                               mentions: Sequence[RelationMention], *, extractor: str,
                               run_id: int | None = None, queue: bool = False,
                               fresh: bool = False,
                               statements: Sequence[Statement] | None = None) -> int:
    """Replace what one document says about relations (idempotent re-extraction): the text
    relations given, plus the relations its events imply (read from its event-mention
    statements, so call this after they are written, or pass them as ``statements``). The
    relation rows touched are rebuilt now, or with ``queue`` left for
    ``assemble_queued_relations`` (once per batch or run). ``fresh``: the document was never
    extracted, so it has no relation statements to remove."""
    st = schema.statements
    old: list[Any] = []
    if not fresh:
        old = list(conn.execute(_OLD_RELATIONS, {"doc_id": document_id}))
        conn.execute(_DROP_RELATIONS, {"doc_id": document_id})
    implied = event_relation_mentions(conn, document_id, statements)
    rows = [r for m in mentions for r in _statement_rows(document_id, m, extractor, run_id)]
    rows += [r for m in implied for r in _statement_rows(document_id, m, EVENT_EXTRACTOR,
                                                         run_id)]
    insert_ignore(conn, st, rows)
    keys = {(s[len("actor:"):], p, v[len("actor:"):]) for s, p, v in old}
    keys |= {(m.subject, m.predicate, m.object) for m in [*mentions, *implied]}
    if queue:
        insert_ignore(conn, schema.relation_queue, [
            {"subject": s, "predicate": p, "object": o} for s, p, o in sorted(keys)])
    else:
        assemble_relations(conn, keys)
    return len(mentions) + len(implied)


def assemble_queued_relations(store: Store) -> int:
    """Rebuild every queued relation row once and empty the queue; returns how many."""
    q = schema.relation_queue
    with store.transaction() as conn:
        keys = [(r.subject, r.predicate, r.object) for r in conn.execute(select(q))]
        assemble_relations(conn, keys)
        conn.execute(delete(q))
    return len(keys)


def _strongest(modalities: Iterable[str]) -> str | None:
    ranked = sorted(set(modalities), key=MODALITY_ORDER.index)
    return ranked[0] if ranked else None


# built once: a run assembles every relation its documents touched (tens of thousands)
_FACTS = select(schema.statements.c.id, schema.statements.c.modality,
                schema.statements.c.extractor).where(
    schema.statements.c.subject == bindparam("subject"),
    schema.statements.c.property == bindparam("predicate"),
    schema.statements.c.value == bindparam("object"))
_DATES = select(schema.statements.c.property, schema.statements.c.value,
                schema.statements.c.extractor).where(
    schema.statements.c.subject == bindparam("subject"))
_DROP_RELATION = delete(schema.relations).where(schema.relations.c.id == bindparam("rid"))
_INSERT_RELATION = schema.relations.insert()


def assemble_relations(conn: Connection, keys: Iterable[tuple[str, str, str]]) -> None:
    """(Re)build the relation rows for these (subject, predicate, object) keys from all their
    statements (text, event and pack evidence)."""
    for subject, predicate, obj in keys:
        rid = relation_id(subject, predicate, obj)
        facts = conn.execute(_FACTS, {"subject": f"actor:{subject}", "predicate": predicate,
                                      "object": f"actor:{obj}"}).all()
        conn.execute(_DROP_RELATION, {"rid": rid})
        if not facts:
            continue
        dates = conn.execute(_DATES, {"subject": f"relation:{rid}"}).all()
        documented = [(p, v) for p, v, e in dates if evidence_kind(e) != "pack"]
        chosen = documented or [(p, v) for p, v, _ in dates]
        starts = sorted(v for p, v in chosen if p == "start")
        ends = sorted(v for p, v in chosen if p == "end")
        start = starts[0] if starts else None
        end = ends[-1] if ends else None
        origins = sorted({evidence_kind(e) for _, _, e in facts}, key=ORIGINS.index)
        seen = sorted(v for p, v, e in dates if p == "start" and evidence_kind(e) == "event")
        conn.execute(_INSERT_RELATION, dict(
            id=rid, subject=subject, predicate=predicate, object=obj,
            start=start, start_precision=date_precision(start),
            end=end, end_precision=date_precision(end),
            modality=_strongest(m for _, m, _ in facts), origin=origins[0],
            # how many statements, not their ids: readers find them by the triple, and a list
            # of ids grows with the corpus (a relation as common as "JNIM fights the army"
            # would carry tens of thousands) and is rewritten whenever the relation is
            data=json.dumps({"evidence": len(facts), "origins": origins,
                             "last_seen": seen[-1] if seen else None})))


def pack_relation_rows(pack: Any) -> list[dict[str, Any]]:
    """The pack's actor-to-actor facts as statement rows (no document: the quote is the pack's
    source note, the attribution names the pack entry)."""
    extractor = f"{PACK_EXTRACTOR}{pack.name}-{pack.version}"
    now = utcnow()
    rows: list[dict[str, Any]] = []
    for actor in pack.actors:
        for fact in actor.facts:
            mapped = PACK_PREDICATES.get(fact.predicate)
            if mapped is None or not fact.value or fact.value == actor.id:
                continue
            predicate, swap = mapped
            a, b = (fact.value, actor.id) if swap else (actor.id, fact.value)
            if predicate in SYMMETRIC:
                a, b = sorted((a, b))
            quote = fact.source + (f" ({fact.note})" if fact.note else "")
            who = f"knowledge pack {pack.name} v{pack.version}, actor {actor.id}"
            rid = relation_id(a, predicate, b)
            base = {"document_id": None, "start": None, "end": None, "quote": quote,
                    "attribution": who, "modality": "asserted", "confidence": 1.0,
                    "extractor": extractor, "run_id": None, "created_at": now}
            rows.append({**base, "id": stable_id("pack", a, predicate, b, actor.id, fact.start,
                                                 fact.end),
                         "subject": f"actor:{a}", "property": predicate, "value": f"actor:{b}"})
            for prop, value in (("start", fact.start), ("end", fact.end)):
                if value:
                    rows.append({**base, "id": stable_id("pack", rid, prop, value, actor.id),
                                 "subject": f"relation:{rid}", "property": prop,
                                 "value": value})
    return rows


def pack_relations_current(conn: Connection, pack: Any) -> bool:
    """Whether the store already holds this pack's relation statements as they are now (a few
    primary-key lookups), so a routine sync can skip the rewrite and its reassembly."""
    rows = pack_relation_rows(pack)
    st = schema.statements
    fields = ("subject", "property", "value", "quote", "extractor")
    stored: dict[str, tuple[Any, ...]] = {}
    ids = [r["id"] for r in rows]
    for i in range(0, len(ids), 500):
        for r in conn.execute(select(st.c.id, *[st.c[f] for f in fields])
                              .where(st.c.id.in_(ids[i:i + 500]))):
            stored[r[0]] = tuple(r[1:])
    return len(stored) == len(rows) and all(
        stored.get(r["id"]) == tuple(r[f] for f in fields) for r in rows)


def sync_pack_relations(conn: Connection, pack: Any) -> int:
    """Replace the pack's relation statements with this pack's facts and reassemble the
    relations they touch; returns how many pack relations there are."""
    st = schema.statements
    old = conn.execute(select(st.c.subject, st.c.property, st.c.value).where(
        st.c.extractor.like(f"{PACK_EXTRACTOR}%"), st.c.property.in_(PREDICATES))).all()
    conn.execute(delete(st).where(st.c.extractor.like(f"{PACK_EXTRACTOR}%")))
    rows = pack_relation_rows(pack)
    insert_ignore(conn, st, rows)
    new = {(r["subject"][6:], r["property"], r["value"][6:]) for r in rows
           if r["property"] in PREDICATES}
    assemble_relations(conn, new | {(s[6:], p, v[6:]) for s, p, v in old})
    return len(new)


def iter_relation_records(store: Store, *, as_of: str | None = None, actor: str | None = None,
                          predicate: str | None = None,
                          origin: str | None = None) -> Iterator[dict[str, Any]]:
    """Relations in the DESIGN.md export shape (``subject``, ``predicate``, ``object``,
    ``start``, ``end``, ``sources``), read through ``queries.list_relations``."""
    from .queries import list_relations

    for r in list_relations(store, as_of=as_of, actor=actor, predicate=predicate,
                            origin=origin)["items"]:
        yield {
            "relation_id": r["id"],
            "subject": r["subject_name"], "subject_id": r["subject"],
            "predicate": r["predicate"],
            "object": r["object_name"], "object_id": r["object"],
            "start": r["start"], "start_precision": r["start_precision"],
            "end": r["end"], "end_precision": r["end_precision"],
            "modality": r["modality"], "origin": r["origin"], "origins": r["origins"],
            "last_seen": r["last_seen"],
            "sources": [{"document": s.get("origin") or s.get("document"),
                         "quote": s.get("quote"), "start": s.get("start"),
                         "end": s.get("end"), "modality": s.get("modality"),
                         "via": s.get("via", r["origin"]), "attribution": s.get("attribution")}
                        for s in r["sources"]],
        }


def to_graphml(graph: dict[str, Any]) -> str:
    """GraphML for Gephi/yEd/networkx from ``queries.network``: actors as nodes, dated
    relations as directed edges."""
    from xml.etree import ElementTree as ET

    root = ET.Element("graphml", xmlns="http://graphml.graphdrawing.org/xmlns")
    keys = [("name", "node"), ("kind", "node"), ("country", "node"), ("predicate", "edge"),
            ("start", "edge"), ("end", "edge"), ("modality", "edge"), ("origin", "edge"),
            ("origins", "edge")]
    for name, domain in keys:
        ET.SubElement(root, "key", id=name, attrib={"for": domain, "attr.name": name,
                                                     "attr.type": "string"})
    g = ET.SubElement(root, "graph", id="sitrep", edgedefault="directed")
    for n in graph["nodes"]:
        node = ET.SubElement(g, "node", id=str(n["id"]))
        for k in ("name", "kind", "country"):
            if n.get(k):
                ET.SubElement(node, "data", key=k).text = str(n[k])
    for i, e in enumerate(graph["edges"]):
        edge = ET.SubElement(g, "edge", id=f"e{i}", source=e["source"], target=e["target"])
        for k in ("predicate", "start", "end", "modality", "origin", "origins"):
            value = e.get(k)
            if value:
                text = ",".join(value) if isinstance(value, list) else str(value)
                ET.SubElement(edge, "data", key=k).text = text
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode")
