"""Applying fusion to the store: per-document events → one event per real-world event.

Extraction writes one event per document event (its mentions share an ``event`` statement).
``fuse_events`` rebuilds the events table from those statements: it assembles each document
event (pure, ``assemble_event``), turns it into a ``MentionRecord``, clusters the records
(``cluster_mentions``), and writes one event per cluster, assembled from the statements of all its
members, with every source re-pointed to it. Nothing is lost: the statements stay as written, so
the pass can be rerun at any time (it is idempotent) and analyst judgements (``split``: these
document events are different events) are honoured on every run. Each automatic merge is
recorded as a ``merge`` judgement by ``sitrep-fusion`` so it can be inspected and undone.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, delete, select

from ..model import Statement, utcnow
from ..pipeline.dates import period_interval
from ..store import schema
from ..store.db import Store, insert_ignore
from .cluster import MentionRecord, cluster_mentions

AUTHOR = "sitrep-fusion"
_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]{2,}(?:\s+[A-Z][\w'’-]{2,})*")
_STOP = frozenset("""
the this that these those there their they then when where while after before since during
monday tuesday wednesday thursday friday saturday sunday january february march april may june
july august september october november december according president minister ministry
government army police security forces troops soldiers officials official spokesman state
states islamic united nations national news agency reuters afp said says sources source
""".split())


@dataclass
class FusionReport:
    document_events: int = 0
    events: int = 0
    merged: int = 0

    def as_dict(self) -> dict[str, int]:
        return {"document_events": self.document_events, "events": self.events,
                "merged": self.merged}


def _interval(row: dict[str, Any]) -> tuple[date | None, date | None]:
    """A document event's date as the interval its precision stands for."""
    if not row.get("event_date"):
        return None, None
    first, last = period_interval(date.fromisoformat(row["event_date"]),
                                  row.get("date_precision") or "day")
    end = row.get("date_end")
    if row.get("date_precision") == "day" and end and len(end) == 10:
        last = date.fromisoformat(end)
    return first, last


def _keywords(quotes: list[str], pack: Any) -> frozenset[str]:
    """Distinctive capitalised names ("Radisson Blu") that are neither known actors nor places
    nor sentence openers: what lets two reports of one attack recognise each other."""
    out: set[str] = set()
    for quote in quotes:
        known = [(m.start, m.end) for m in pack.find_actors(quote)]
        known += [(m.start, m.end) for m in pack.find_places(quote)]
        for m in _CAPITALISED.finditer(quote):
            if m.start() == 0 or any(s < m.end() and m.start() < e for s, e in known):
                continue
            words = [w for w in m.group(0).lower().split() if w not in _STOP]
            if words and len(" ".join(words)) >= 4:
                out.add(" ".join(words))
    return frozenset(out)


def _record(event_id: str, row: dict[str, Any], document_id: str, quotes: list[str],
            pack: Any, placeholder: Any) -> MentionRecord:
    start, end = _interval(row)
    actors = frozenset(a for role in ("actor1", "assoc_actor_1", "actor2", "assoc_actor_2")
                       for a in row["_actor_ids"].get(role, []) if not placeholder(pack, a))
    return MentionRecord(
        mention_id=event_id, document_id=document_id, date_start=start, date_end=end,
        precision=row.get("date_precision"), country=row.get("country"),
        admin1=row.get("admin1"),
        place=(row.get("location") or "").lower() or None, place_id=row.get("place_id"),
        latitude=row.get("latitude"), longitude=row.get("longitude"),
        geo_precision=row.get("geo_precision"), event_type=row.get("event_type"),
        sub_event_type=row.get("sub_event_type"), actors=actors,
        keywords=_keywords(quotes, pack))


def _statements(conn: Connection) -> dict[str, list[Statement]]:
    """Every document event's mention statements, keyed by document event id."""
    st = schema.statements
    rows = conn.execute(select(st).where(st.c.subject.like("mention:%"))).mappings().all()
    event_of = {r["subject"]: r["value"] for r in rows if r["property"] == "event"}
    out: dict[str, list[Statement]] = defaultdict(list)
    for r in rows:
        eid = event_of.get(r["subject"])
        if eid:
            out[eid].append(Statement(r["subject"], r["property"], r["value"], r["document_id"],
                                      r["start"], r["end"], r["quote"], r["attribution"],
                                      r["modality"], r["confidence"], r["extractor"]))
    return out


def _keep_apart(conn: Connection) -> set[frozenset[str]]:
    j = schema.judgements
    pairs: set[frozenset[str]] = set()
    for payload in conn.execute(select(j.c.payload).where(
            j.c.kind == "split", j.c.undone_at.is_(None))).scalars():
        ids = json.loads(payload).get("events", [])
        pairs |= {frozenset((a, b)) for a in ids for b in ids if a != b}
    return pairs


def fuse_events(store: Store, pack: Any) -> FusionReport:
    """Rebuild events from document events, fusing reports of the same event."""
    from ..store.events import _is_placeholder, assemble_event

    report = FusionReport()
    es, ev, ea, j = (schema.event_sources, schema.events, schema.event_actors,
                     schema.judgements)
    with store.transaction() as conn:
        by_event = _statements(conn)
        mention_event = {s.subject.split(":", 1)[1]: eid
                         for eid, stmts in by_event.items() for s in stmts}
        rows: dict[str, dict[str, Any]] = {}
        records = []
        for eid, stmts in by_event.items():
            row = assemble_event(eid, stmts, pack)
            rows[eid] = row
            quotes = sorted({s.quote for s in stmts if s.property == "event_type"})
            records.append(_record(eid, row, stmts[0].document_id, quotes, pack,
                                   _is_placeholder))
        report.document_events = len(records)
        clusters = cluster_mentions(records, keep_apart=_keep_apart(conn))
        # sources and actor links cascade with their events: keep the sources to re-point them
        sources = [dict(r) for r in conn.execute(select(es)).mappings()]
        conn.execute(delete(ea))
        conn.execute(delete(es))
        conn.execute(delete(ev))
        fused_of: dict[str, str] = {}
        conn.execute(delete(j).where(j.c.author == AUTHOR, j.c.kind == "merge"))
        now = utcnow()
        for cl in clusters:
            members = sorted(m.mention_id for m in cl.members)
            fused = members[0]
            if len(members) == 1:
                row = rows[fused]
            else:
                row = assemble_event(fused, [s for m in members for s in by_event[m]], pack)
                # background only if every report treats it as history
                row["background"] = all(rows[m]["background"] for m in members)
                report.merged += len(members) - 1
                conn.execute(j.insert().values(
                    kind="merge", target=f"event:{fused}", author=AUTHOR, created_at=now,
                    payload=json.dumps({"events": members}),
                    reason="same event reported by several documents (docs/fusion.md)"))
            ids = row.pop("_actor_ids")
            conn.execute(ev.insert().values(**row))
            insert_ignore(conn, ea, [{"event_id": fused, "actor_id": a, "role": role}
                                     for role, actors in ids.items() for a in actors])
            report.events += 1
            fused_of.update((m, fused) for m in members)
        for src in sources:
            doc_event = mention_event.get(src["mention_id"], src["event_id"])
            src["event_id"] = fused_of.get(doc_event, doc_event)
        insert_ignore(conn, es, [s for s in sources if s["event_id"] in rows
                                 or s["event_id"] in fused_of.values()])
    return report
