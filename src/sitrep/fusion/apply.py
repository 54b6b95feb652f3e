"""Applying fusion to the store: document events → one event per real-world event.

Extraction queues each document event (``fusion_mentions`` with no event yet, its clustering
record and blocking keys) and the events a re-extracted document used to feed
(``fusion_queue``). ``fuse_events`` then re-fuses only the neighbourhood of what changed: the
new document events, the members of queued events, and — transitively — every event one of
them could join or be joined by (a mention sharing a blocking key and scoring at least the
merge threshold, or linked by an analyst merge). Clustering is a deterministic function of
each such neighbourhood, so the result equals a full rebuild (``full=True``, what a change of
rules needs) up to event ids: a fused event keeps the id it had when a source is added, so
links from analysts and exports stay valid.

Nothing is lost: statements stay as written; each automatic merge is recorded as a ``merge``
judgement by ``sitrep-fusion``; analyst judgements (``sitrep.fusion.judgements``) win.
"""

from __future__ import annotations

import json
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import chain, count
from typing import Any

from sqlalchemy import Connection, bindparam, delete, func, select, true, update

from ..model import Statement, stable_id, utcnow
from ..store import schema
from ..store.db import Store, insert_ignore
from .cluster import (
    MERGE_THRESHOLD,
    Cluster,
    MentionRecord,
    cluster_mentions,
    compatibility,
    join_linked,
    lookup_keys,
    register_keys,
)
from .judgements import AUTO_AUTHOR, Constraints, constraints
from .records import from_json, key_rows, key_text, record_for, to_json

AUTHOR = AUTO_AUTHOR
BATCH_SEEDS = 5_000  # more queued mentions than this: re-fuse everything in one pass
NEIGHBOURHOOD_MIN = 1_000  # a neighbourhood past max(this, a third of the store): one pass
_CHUNK = 500
PUBLISH_CHUNK = 2_000  # events assembled and written per round, at most
PUBLISH_MEMBERS = 4_000  # document events (their statements in memory) per round, about


@dataclass
class FusionReport:
    document_events: int = 0  # document events in the store
    events: int = 0  # fused events in the store
    merged: int = 0  # document events that joined another one's event
    refused: int = 0  # document events re-fused by this run
    changed_events: int = 0  # events written by this run
    full: bool = False
    seconds: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return {"document_events": self.document_events, "events": self.events,
                "merged": self.merged, "refused": self.refused,
                "changed_events": self.changed_events, "full": self.full,
                "seconds": round(self.seconds, 3)}


def _chunks(items: Iterable[str]) -> Iterable[list[str]]:
    seq = sorted(set(items))
    for i in range(0, len(seq), _CHUNK):
        yield seq[i:i + _CHUNK]


# ------------------------------------------------------------------------------ reading state


# statements in a fixed order, so ties in reconciliation break the same way on every backend
# (and on the incremental and the full path), never by the table's physical order
STATEMENT_ORDER = (schema.statements.c.subject, schema.statements.c.start.nulls_first(),
                   schema.statements.c.id)


def _mention_statements(conn: Connection, doc_events: Iterable[str]) -> dict[str, list[Statement]]:
    """The statements of the given document events, keyed by document event id."""
    st = schema.statements
    subject_of: dict[str, str] = {}
    for chunk in _chunks(doc_events):
        for subject, value in conn.execute(select(st.c.subject, st.c.value).where(
                st.c.property == "event", st.c.value.in_(chunk))):
            subject_of[subject] = value
    out: dict[str, list[Statement]] = defaultdict(list)
    shared: dict[Any, Any] = {}
    for chunk in _chunks(subject_of):
        for r in conn.execute(select(st).where(st.c.subject.in_(chunk))
                              .order_by(*STATEMENT_ORDER)).mappings():
            out[subject_of[r["subject"]]].append(_statement(r, shared))
    return out


def _statement(r: Any, shared: dict[Any, Any] | None = None) -> Statement:
    """A statement from its row; with ``shared``, the strings a mention's statements repeat
    (its sentence as the quote, subject, document, extractor) are one object each: reading
    a few thousand events' statements held a copy of the sentence per statement."""
    if shared is None:
        return Statement(r["subject"], r["property"], r["value"], r["document_id"],
                         r["start"], r["end"], r["quote"], r["attribution"], r["modality"],
                         r["confidence"], r["extractor"])
    one = shared.setdefault
    subject, document, quote = r["subject"], r["document_id"], r["quote"]
    attribution, modality, extractor = r["attribution"], r["modality"], r["extractor"]
    return Statement(one(subject, subject), r["property"], r["value"], one(document, document),
                     r["start"], r["end"], one(quote, quote), one(attribution, attribution),
                     one(modality, modality), r["confidence"], one(extractor, extractor))


def _all_statements(conn: Connection) -> dict[str, list[Statement]]:
    """Every document event's mention statements (the full rebuild reads them all)."""
    st = schema.statements
    rows = conn.execute(select(st).where(st.c.subject.like("mention:%"))
                        .order_by(*STATEMENT_ORDER)).mappings().all()
    event_of = {r["subject"]: r["value"] for r in rows if r["property"] == "event"}
    out: dict[str, list[Statement]] = defaultdict(list)
    shared: dict[Any, Any] = {}
    for r in rows:
        eid = event_of.get(r["subject"])
        if eid:
            out[eid].append(_statement(r, shared))
    return out


@dataclass(slots=True)
class _Mention:
    record: MentionRecord
    event_id: str | None
    document_id: str


def _load(conn: Connection, *, ids: Iterable[str] = (), events: Iterable[str] = (),
          pending: bool = False, everything: bool = False) -> dict[str, _Mention]:
    fm = schema.fusion_mentions
    out: dict[str, _Mention] = {}
    conds: list[Any] = [true()] if everything else []
    conds += [fm.c.mention_id.in_(c) for c in _chunks(ids)]
    conds += [fm.c.event_id.in_(c) for c in _chunks(events)]
    if pending:
        conds.append(fm.c.event_id.is_(None))
    for cond in conds:
        for r in conn.execute(select(fm.c.mention_id, fm.c.event_id, fm.c.document_id,
                                     fm.c.record).where(cond)):
            out[r[0]] = _Mention(from_json(r[3]), r[1], r[2])
    return out


def _keys(recs: list[MentionRecord]) -> dict[str, tuple[set[str], set[str]]]:
    return {r.mention_id: ({key_text(k) for k in lookup_keys(r)},
                           {key_text(k) for k in register_keys(r)}) for r in recs}


def _neighbours(conn: Connection, recs: list[MentionRecord]) -> dict[str, set[str]]:
    """Mention id → stored mentions sharing a blocking key with it in either direction (what
    ``cluster_mentions`` could compare), for a whole frontier in a few queries."""
    fk = schema.fusion_keys
    keys = _keys(recs)
    wanted = {k for look, reg in keys.values() for k in look | reg}
    filed: dict[str, list[tuple[str, bool]]] = defaultdict(list)
    for chunk in _chunks(wanted):
        for key, mid, registered in conn.execute(select(fk.c.key, fk.c.mention_id,
                                                        fk.c.register).where(fk.c.key.in_(chunk))):
            filed[key].append((mid, bool(registered)))
    out: dict[str, set[str]] = {}
    for rid, (look, reg) in keys.items():
        out[rid] = {mid for k in look for mid, registered in filed.get(k, ()) if registered}
        out[rid] |= {mid for k in reg for mid, _ in filed.get(k, ())}
        out[rid].discard(rid)
    return out


def _neighbourhood(conn: Connection, seeds: dict[str, _Mention], links: dict[str, set[str]],
                   *, cap: int) -> tuple[dict[str, _Mention], bool]:
    """Every mention whose event could change: the seeds and, transitively, the whole event of
    any mention that shares a blocking key with one of them and scores at least the merge
    threshold with it, or that an analyst merge links to it. Clusters never span two such
    neighbourhoods, so re-clustering one alone gives what a full rebuild gives. Returns the
    mentions and whether it grew past ``cap`` (then a pass over everything is cheaper).
    Breadth first: one round of queries per level, not per mention."""
    found = dict(seeds)
    frontier = list(seeds.values())
    done_events: set[str] = {m.event_id for m in seeds.values() if m.event_id}
    seen: dict[str, _Mention] = {}  # every record read so far, parsed once
    while frontier:
        if len(found) > cap:
            return found, True
        near = _neighbours(conn, [m.record for m in frontier])
        wanted = {i for ids in near.values() for i in ids} - set(found) - set(seen)
        wanted |= {i for m in frontier for i in links.get(m.record.mention_id, ())} - set(seen)
        seen.update(_load(conn, ids=wanted))
        events: set[str] = set()
        for m in frontier:
            rec = m.record
            events |= {n.event_id for i in near[rec.mention_id] if (n := seen.get(i))
                       and n.event_id and n.event_id not in done_events
                       and (s := compatibility(rec, n.record)) is not None
                       and s >= MERGE_THRESHOLD}
            events |= {n.event_id for i in links.get(rec.mention_id, ())
                       if (n := seen.get(i) or found.get(i)) and n.event_id}
        events -= done_events
        done_events |= events
        frontier = []
        for mid, member in _load(conn, events=events).items():
            if mid not in found:
                found[mid] = member
                frontier.append(member)
    return found, False


# ------------------------------------------------------------------------------ writing


def _copies(conn: Connection, documents: Iterable[str]) -> dict[str, str]:
    d = schema.documents
    out: dict[str, str] = {}
    for chunk in _chunks(documents):
        out.update((r[0], r[1]) for r in conn.execute(select(d.c.id, d.c.near_duplicate_of)
                                                      .where(d.c.id.in_(chunk),
                                                             d.c.near_duplicate_of.is_not(None))))
    return out


# built once: a round names every new cluster, each with a look-up (a fresh 100k run: ~200k)
_EVENT_EXISTS = select(schema.events.c.id).where(schema.events.c.id == bindparam("event_id"))


def _assign_ids(conn: Connection, clusters: list[Cluster], before: dict[str, str | None],
                old_events: set[str]) -> list[tuple[str, list[str]]]:
    """(event id, sorted member ids) per cluster. A cluster keeps the id of the old event it
    shares most members with (so adding a source never renames an event); a new one is named
    after its smallest member id not in use."""
    groups = sorted((sorted(m.mention_id for m in cl.members) for cl in clusters),
                    key=lambda ms: (-len(ms), ms[0]))
    used: set[str] = set()
    out = []
    for members in groups:
        counts = Counter(before[m] for m in members if before.get(m))
        chosen = next((e for e, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
                       if e not in used), None)
        if chosen is None:
            # an id may be taken by an event that kept a departed member's name (mention m
            # left event "m" for another event): then a member-derived id, numbered until free
            candidates = chain(members, (stable_id("event", *members, str(n)) for n in count()))
            for candidate in candidates:
                if candidate in used:
                    continue
                if candidate not in old_events and conn.execute(
                        _EVENT_EXISTS, {"event_id": candidate}).first():
                    continue
                chosen = candidate
                break
        assert chosen is not None
        used.add(chosen)
        out.append((chosen, members))
    return out


def _publish(conn: Connection, pack: Any, clusters: list[Cluster],
             before: dict[str, str | None], old_events: set[str], dirty: set[str] | None,
             stmts_of: Callable[[Iterable[str]], dict[str, list[Statement]]]) -> int:
    """Replace ``old_events`` by one event per cluster; return how many were written. An old
    event that comes out with the same members and is not ``dirty`` (None: all are) is left
    as it is."""
    ev, es, ea, j = schema.events, schema.event_sources, schema.event_actors, schema.judgements
    named = _assign_ids(conn, clusters, before, old_events)
    if dirty is not None:
        old_members: dict[str, set[str]] = defaultdict(set)
        for mid, event in before.items():
            if event:
                old_members[event].add(mid)
        same = {e for e, ms in named if e not in dirty and old_members.get(e) == set(ms)}
        named = [(e, ms) for e, ms in named if e not in same]
        old_events = old_events - same
    if not named and not old_events:
        return 0
    for chunk in _chunks(old_events):
        conn.execute(delete(ea).where(ea.c.event_id.in_(chunk)))
        conn.execute(delete(es).where(es.c.event_id.in_(chunk)))
        conn.execute(delete(ev).where(ev.c.id.in_(chunk)))
        conn.execute(delete(j).where(j.c.author == AUTHOR, j.c.kind == "merge",
                                     j.c.target.in_([f"event:{e}" for e in chunk])))
    # a few thousand events at a time: a batch of 100k documents must not hold every
    # statement of every event in memory at once
    return sum(_write_events(conn, pack, part, stmts_of) for part in _rounds(named))


def _rounds(named: list[tuple[str, list[str]]]) -> Iterable[list[tuple[str, list[str]]]]:
    """Consecutive slices of ``named`` of at most ``PUBLISH_CHUNK`` events and about
    ``PUBLISH_MEMBERS`` document events (the biggest events come first: counting events
    alone, the first slice of a big store held ~110 MB of statements for 20k documents)."""
    part: list[tuple[str, list[str]]] = []
    members = 0
    for item in named:
        if part and (len(part) >= PUBLISH_CHUNK or members + len(item[1]) > PUBLISH_MEMBERS):
            yield part
            part, members = [], 0
        part.append(item)
        members += len(item[1])
    if part:
        yield part


def _write_events(conn: Connection, pack: Any, named: list[tuple[str, list[str]]],
                  stmts_of: Callable[[Iterable[str]], dict[str, list[Statement]]]) -> int:
    """Assemble and insert these events (ids and members decided); return how many."""
    from ..store.events import assemble_event

    ev, es, ea, j = schema.events, schema.event_sources, schema.event_actors, schema.judgements
    fm = schema.fusion_mentions
    members_all = [m for _, ms in named for m in ms]
    statements = stmts_of(members_all)
    sources: dict[str, list[dict[str, Any]]] = {}
    documents: dict[str, str] = {}
    for chunk in _chunks(members_all):
        for mid, doc, srcs in conn.execute(select(fm.c.mention_id, fm.c.document_id,
                                                  fm.c.sources).where(fm.c.mention_id.in_(chunk))):
            sources[mid], documents[mid] = json.loads(srcs), doc
    copies = _copies(conn, documents.values())
    now = utcnow()
    event_rows, actor_rows, source_rows, moves, merges = [], [], [], [], []
    for event_id, members in named:
        stmts = [s for m in members for s in statements.get(m, [])]
        if not stmts:
            continue
        row = assemble_event(event_id, stmts, pack, copies)
        background = {m: any(s.property == "background" for s in statements.get(m, []))
                      for m in members}
        row["background"] = all(background.values())  # history only if every report says so
        ids = row.pop("_actor_ids")
        event_rows.append(row)
        actor_rows += [{"event_id": event_id, "actor_id": a, "role": role}
                       for role, actors in ids.items() for a in actors]
        source_rows += [{"event_id": event_id, "document_id": documents[m], **src}
                        for m in members for src in sources.get(m, [])]
        moves += [{"m": m, "e": event_id} for m in members]
        if len(members) > 1:
            merges.append({"kind": "merge", "target": f"event:{event_id}", "author": AUTHOR,
                           "created_at": now, "payload": json.dumps({"events": members}),
                           "reason": "same event reported by several documents "
                                     "(docs/fusion.md)"})
    if event_rows:
        conn.execute(ev.insert(), event_rows)
    insert_ignore(conn, ea, actor_rows)
    insert_ignore(conn, es, source_rows)
    if merges:
        conn.execute(j.insert(), merges)
    if moves:
        conn.execute(update(fm).where(fm.c.mention_id == bindparam("m"))
                     .values(event_id=bindparam("e")), moves)
    return len(event_rows)


def _cluster(records: list[MentionRecord], rules: Constraints) -> list[Cluster]:
    clusters = cluster_mentions(records, keep_apart=rules.keep_apart)
    return join_linked(clusters, rules.must_link, rules.keep_apart)


# ------------------------------------------------------------------------------ entry points


def _needs_full(conn: Connection) -> bool:
    """A store from before incremental fusion: document events exist but no fusion state."""
    fm, st = schema.fusion_mentions, schema.statements
    if conn.execute(select(fm.c.mention_id).limit(1)).first() is not None:
        return False
    return conn.execute(select(st.c.id).where(st.c.property == "event").limit(1)
                        ).first() is not None


def _rebuild(conn: Connection, pack: Any, rules: Constraints, report: FusionReport) -> None:
    """Recompute every record from the statements (rules may have changed) and re-fuse all."""
    from ..store.events import _is_placeholder, assemble_event

    fm, fk, es, ev = (schema.fusion_mentions, schema.fusion_keys, schema.event_sources,
                      schema.events)
    by_event = _all_statements(conn)
    before: dict[str, str | None] = {}
    sources: dict[str, str] = {}
    for mid, event_id, srcs in conn.execute(select(fm.c.mention_id, fm.c.event_id,
                                                   fm.c.sources)):
        before[mid], sources[mid] = event_id, srcs
    mention_event = {s.subject.split(":", 1)[1]: eid
                     for eid, stmts in by_event.items() for s in stmts}
    legacy: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in conn.execute(select(es)).mappings():  # stores from before 0040
        eid = mention_event.get(r["mention_id"])
        if eid and eid not in sources:
            before.setdefault(eid, r["event_id"])
            legacy[eid].append({k: r[k] for k in ("mention_id", "start", "end", "quote")})
    old_events = set(conn.execute(select(ev.c.id)).scalars())
    conn.execute(delete(fk))
    conn.execute(delete(fm))
    records, rows, keys = [], [], []
    for eid, stmts in by_event.items():
        rec = record_for(eid, assemble_event(eid, stmts, pack), stmts, pack, _is_placeholder)
        records.append(rec)
        rows.append({"mention_id": eid, "document_id": stmts[0].document_id, "event_id": None,
                     "record": to_json(rec),
                     "sources": sources.get(eid) or json.dumps(legacy.get(eid, []),
                                                               ensure_ascii=False)})
        keys += key_rows(rec)
    insert_ignore(conn, fm, rows)
    insert_ignore(conn, fk, keys)
    clusters = _cluster(records, rules)
    report.refused = len(records)
    report.changed_events = _publish(conn, pack, clusters, before, old_events, None,
                                     lambda _ids: by_event)


def _incremental(conn: Connection, pack: Any, rules: Constraints, report: FusionReport) -> None:
    queue = schema.fusion_queue
    queued = set(conn.execute(select(queue.c.event_id)).scalars())
    seeds = _load(conn, events=queued, pending=True)
    if not seeds and not queued:
        return
    total = conn.execute(select(func.count()).select_from(schema.fusion_mentions)).scalar_one()
    found: dict[str, _Mention] = {}
    if len(seeds) <= BATCH_SEEDS and (len(seeds) <= 200 or len(seeds) * 4 < total):
        found, capped = _neighbourhood(conn, seeds, rules.linked(),
                                       cap=max(NEIGHBOURHOOD_MIN, total // 3))
        if capped:
            found = {}
    if not found:
        # a large batch or a long chain of linked events: one pass over every stored record
        # (no statement re-read, no record recomputed; unchanged events are not rewritten)
        # costs less than a lookup per mention and gives the same result
        found = _load(conn, everything=True)
    before = {mid: m.event_id for mid, m in found.items()}
    old_events = queued | {e for e in before.values() if e}
    clusters = _cluster([m.record for m in found.values()], rules)
    report.refused = len(found)
    report.changed_events = _publish(conn, pack, clusters, before, old_events, queued,
                                     lambda ids: _mention_statements(conn, ids))


def fuse_events(store: Store, pack: Any = None, *, full: bool = False) -> FusionReport:
    """Fuse what extraction queued into events (incremental); ``full`` rebuilds every event
    from the statements (after a change of fusion rules). Idempotent: a second run with nothing
    queued changes nothing."""
    if pack is None:
        from ..pack import load_pack

        pack = load_pack()
    t0 = time.perf_counter()
    report = FusionReport()
    fm = schema.fusion_mentions
    with store.transaction() as conn:
        rules = constraints(conn)
        if full or _needs_full(conn):
            report.full = True
            _rebuild(conn, pack, rules, report)
        else:
            _incremental(conn, pack, rules, report)
        conn.execute(delete(schema.fusion_queue))
        report.document_events = conn.execute(
            select(func.count()).select_from(fm)).scalar_one()
        report.events = conn.execute(select(func.count()).select_from(schema.events)).scalar_one()
        fused = conn.execute(select(func.count(func.distinct(fm.c.event_id)))).scalar_one()
        report.merged = report.document_events - fused
    report.seconds = time.perf_counter() - t0
    return report
