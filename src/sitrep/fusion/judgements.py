"""Analyst judgements on fusion: merge, split, list, undo (nomenklatura-style).

A judgement is a row in ``judgements``: who, when, why, and what it says about *mentions* (the
stable ids of the event mentions in their documents, which re-extraction gives again), never
about event ids, which fusion may change. ``merge`` says "these mentions are one event",
``split`` says "this document's mentions are not the same event as the others'". Fusion reads
the live judgements on every run (``constraints``), so they win over the automatic rules and
survive re-extraction and re-fusion. Nothing is deleted: ``undo`` stamps ``undone_at`` and
records an ``undo`` judgement naming who undid it and why.
"""

from __future__ import annotations

import getpass
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, or_, select, update

from ..errors import Errors, SitrepError
from ..model import utcnow
from ..store import schema
from ..store.db import Store, insert_ignore

AUTO_AUTHOR = "sitrep-fusion"
ANALYST_KINDS = ("merge", "split")


def analyst() -> str:
    """Who is judging: ``$SITREP_ANALYST``, else the OS user."""
    name = os.environ.get("SITREP_ANALYST", "").strip()
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "analyst"


@dataclass(frozen=True)
class Constraints:
    """Live analyst judgements resolved to the current document events."""

    must_link: list[frozenset[str]]  # in the order they were judged
    keep_apart: set[frozenset[str]]

    def linked(self) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        for pair in self.must_link:
            a, b = sorted(pair)
            out.setdefault(a, set()).add(b)
            out.setdefault(b, set()).add(a)
        return out


def _doc_events(conn: Connection, mention_ids: Iterable[str]) -> dict[str, str]:
    """Mention id → the document event it belongs to now (from the ``event`` statements)."""
    st = schema.statements
    subjects = sorted({f"mention:{m}" for m in mention_ids})
    out: dict[str, str] = {}
    for i in range(0, len(subjects), 500):
        for subject, value in conn.execute(select(st.c.subject, st.c.value).where(
                st.c.subject.in_(subjects[i:i + 500]), st.c.property == "event")):
            out[subject.split(":", 1)[1]] = value
    return out


def _live(conn: Connection) -> list[dict[str, Any]]:
    j = schema.judgements
    rows = conn.execute(select(j).where(
        j.c.kind.in_(ANALYST_KINDS), j.c.author != AUTO_AUTHOR, j.c.undone_at.is_(None))
        .order_by(j.c.id)).mappings().all()
    return [dict(r, payload=json.loads(r["payload"])) for r in rows]


def constraints(conn: Connection) -> Constraints:
    """The pairs of document events analysts said are (not) one event; for a pair judged
    twice, the later judgement wins."""
    rows = _live(conn)
    mentions = {m for r in rows for group in r["payload"].get("groups", []) for m in group}
    doc_event = _doc_events(conn, mentions)
    verdict: dict[frozenset[str], tuple[int, bool]] = {}
    for order, r in enumerate(rows):
        groups = [sorted({doc_event[m] for m in g if m in doc_event})
                  for g in r["payload"].get("groups", [])]
        same = r["kind"] == "merge"
        for gi, ga in enumerate(groups):
            for gb in groups[gi + 1:]:
                for a in ga:
                    for b in gb:
                        if a != b:
                            verdict[frozenset((a, b))] = (order, same)
    ordered = sorted(verdict.items(), key=lambda kv: kv[1][0])
    return Constraints(must_link=[p for p, (_, same) in ordered if same],
                       keep_apart={p for p, (_, same) in ordered if not same})


# ------------------------------------------------------------------------------ analyst API


def _event_sources(conn: Connection, event_id: str) -> list[dict[str, Any]]:
    es, docs = schema.event_sources, schema.documents
    return [dict(r) for r in conn.execute(
        select(es.c.mention_id, es.c.document_id, docs.c.origin)
        .join(docs, docs.c.id == es.c.document_id).where(es.c.event_id == event_id)
        .order_by(es.c.document_id, es.c.start)).mappings()]


def _require_event(store: Store, conn: Connection, event_id: str) -> list[dict[str, Any]]:
    ev = schema.events
    if conn.execute(select(ev.c.id).where(ev.c.id == event_id)).first() is None:
        raise SitrepError(Errors.E004, kind="event", id=event_id, path=store.target)
    return _event_sources(conn, event_id)


def _record(conn: Connection, kind: str, target: str, payload: dict[str, Any],
            reason: str | None, author: str | None) -> int:
    j = schema.judgements
    result = conn.execute(j.insert().values(
        kind=kind, target=target, payload=json.dumps(payload, sort_keys=True),
        author=author or analyst(), reason=reason, created_at=utcnow()))
    return int(result.inserted_primary_key[0])  # type: ignore[index]


def _queue(conn: Connection, event_ids: Iterable[str]) -> None:
    insert_ignore(conn, schema.fusion_queue, [{"event_id": e} for e in sorted(set(event_ids))])


def _refuse(store: Store, pack: Any) -> Any:
    from .apply import fuse_events

    return fuse_events(store, pack)


def merge(store: Store, event_ids: list[str], *, reason: str | None = None,
          author: str | None = None, pack: Any = None) -> dict[str, Any]:
    """Judge events to be one event; return the judgement (with the event it produced)."""
    ids = list(dict.fromkeys(e.strip() for e in event_ids if e.strip()))
    if len(ids) < 2:
        raise SitrepError(Errors.E601, ids=", ".join(event_ids) or "none")
    with store.transaction() as conn:
        groups = [sorted({s["mention_id"] for s in _require_event(store, conn, e)})
                  for e in ids]
        jid = _record(conn, "merge", f"event:{ids[0]}",
                      {"events": ids, "groups": groups}, reason, author)
        _queue(conn, ids)
    _refuse(store, pack)
    return get_judgement(store, jid)


def split(store: Store, event_id: str, document: str, *, reason: str | None = None,
          author: str | None = None, pack: Any = None) -> dict[str, Any]:
    """Judge one document's mentions of an event to be a different event: they move out into
    their own event, and stay out through re-extraction and re-fusion."""
    with store.transaction() as conn:
        sources = _require_event(store, conn, event_id)
        mine = [s for s in sources if document in (s["document_id"], s["origin"])]
        if not mine:
            raise SitrepError(Errors.E602, document=document, event_id=event_id)
        doc_id = mine[0]["document_id"]
        others = [s for s in sources if s["document_id"] != doc_id]
        if not others:
            raise SitrepError(Errors.E603, event_id=event_id, document=document)
        payload = {"event": event_id, "document": doc_id, "origin": mine[0]["origin"],
                   "groups": [sorted({s["mention_id"] for s in mine}),
                              sorted({s["mention_id"] for s in others})]}
        jid = _record(conn, "split", f"event:{event_id}", payload, reason, author)
        _queue(conn, [event_id])
    _refuse(store, pack)
    return get_judgement(store, jid)


def undo(store: Store, judgement_id: int, *, reason: str | None = None,
         author: str | None = None, pack: Any = None) -> dict[str, Any]:
    """Withdraw an analyst judgement (kept, stamped ``undone_at``) and re-fuse what it
    touched; the undo itself is recorded as a judgement."""
    j, fm = schema.judgements, schema.fusion_mentions
    with store.transaction() as conn:
        row = conn.execute(select(j).where(j.c.id == judgement_id)).mappings().first()
        if row is None:
            raise SitrepError(Errors.E604, id=judgement_id, path=store.target)
        if row["undone_at"]:
            raise SitrepError(Errors.E605, id=judgement_id, when=row["undone_at"])
        if row["author"] == AUTO_AUTHOR:
            raise SitrepError(Errors.E606, id=judgement_id)
        now = utcnow()
        conn.execute(update(j).where(j.c.id == judgement_id).values(undone_at=now))
        payload = json.loads(row["payload"])
        mentions = {m for g in payload.get("groups", []) for m in g}
        doc_events = set(_doc_events(conn, mentions).values())
        events = set(conn.execute(select(fm.c.event_id).where(
            fm.c.mention_id.in_(sorted(doc_events)), fm.c.event_id.is_not(None))).scalars())
        _record(conn, "undo", f"judgement:{judgement_id}",
                {"judgement": judgement_id, "kind": row["kind"]}, reason, author)
        _queue(conn, events)
    _refuse(store, pack)
    return get_judgement(store, judgement_id)


def _as_dict(row: Any) -> dict[str, Any]:
    d = dict(row)
    d["payload"] = json.loads(d["payload"])
    d["automatic"] = d["author"] == AUTO_AUTHOR
    return d


def get_judgement(store: Store, judgement_id: int) -> dict[str, Any]:
    j = schema.judgements
    with store.reader() as conn:
        row = conn.execute(select(j).where(j.c.id == judgement_id)).mappings().first()
    if row is None:
        raise SitrepError(Errors.E604, id=judgement_id, path=store.target)
    return _as_dict(row)


def list_judgements(store: Store, *, event_id: str | None = None, automatic: bool = True,
                    undone: bool = True) -> list[dict[str, Any]]:
    """Judgements, oldest first; ``event_id`` keeps those about that event or any of its
    mentions (so an analyst split still shows on the event its document left)."""
    j, fm = schema.judgements, schema.fusion_mentions
    q = select(j).order_by(j.c.id)
    if not automatic:
        q = q.where(j.c.author != AUTO_AUTHOR)
    if not undone:
        q = q.where(j.c.undone_at.is_(None))
    with store.reader() as conn:
        if event_id is None:
            return [_as_dict(r) for r in conn.execute(q).mappings()]
        mentions = {s["mention_id"] for s in _require_event(store, conn, event_id)}
        doc_events = set(conn.execute(select(fm.c.mention_id).where(
            fm.c.event_id == event_id)).scalars())
        rows = conn.execute(q.where(or_(j.c.target == f"event:{event_id}",
                                        j.c.kind.in_(ANALYST_KINDS)))).mappings().all()
        undos = [_as_dict(r) for r in conn.execute(
            select(j).where(j.c.kind == "undo").order_by(j.c.id)).mappings()]
    out = []
    for r in rows:
        d = _as_dict(r)
        touched = {m for g in d["payload"].get("groups", []) for m in g}
        touched |= set(d["payload"].get("events", []))
        if d["target"] == f"event:{event_id}" or touched & (mentions | doc_events):
            out.append(d)
    listed = {d["id"] for d in out}
    out += [u for u in undos if u["payload"].get("judgement") in listed]
    return sorted(out, key=lambda d: d["id"])
