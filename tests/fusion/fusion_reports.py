"""Fusion test helpers: our own reports, the real ingest + extract, event snapshots."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy import select

from sitrep.pipeline import extract_pending
from sitrep.sources import ingest
from sitrep.store import Store, schema

# Reports in our own words about public facts: the Splendid Hotel attack in Ouagadougou
# (15 January 2016) in three paraphrases with different date precisions and spellings, and a
# different event the same day in the same country (the abduction of a couple in Djibo).
REPORTS = {
    "hotel-day.txt": (
        "Gunmen attack hotel in Burkina Faso capital\n\n"
        "On 15 January 2016, gunmen attacked the Splendid Hotel in Ouagadougou, killing at "
        "least 29 people, officials said. Al-Qaeda in the Islamic Maghreb claimed the attack."),
    "hotel-month.txt": (
        "Burkina Faso mourns hotel victims\n\n"
        "In January 2016, jihadists stormed the Splendide Hotel in Ouagadougou, the capital of "
        "Burkina Faso. Thirty people were killed, according to the government."),
    "hotel-year.txt": (
        "A region under pressure\n\n"
        "The attack on the Splendid Hotel in Ouagadougou in 2016, which left 30 people dead, "
        "showed how far the insurgency had spread."),
    "djibo-day.txt": (
        "Australian couple kidnapped in northern Burkina Faso\n\n"
        "On 15 January 2016, armed men abducted an elderly Australian couple in Djibo, in "
        "northern Burkina Faso, local sources said."),
}

Snapshot = dict[frozenset[str], tuple[Any, ...]]


def write_reports(folder: Path, names: list[str], texts: dict[str, str] | None = None) -> Path:
    texts = texts or REPORTS
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / name).write_text(texts[name], encoding="utf-8")
    return folder


def ingest_and_extract(store: Store, folder: Path) -> None:
    ingest(store, [folder])
    extract_pending(store)


def snapshot(store: Store) -> Snapshot:
    """Events keyed by the set of mention ids they cite (ids of events left out)."""
    ev, es = schema.events, schema.event_sources
    out: Snapshot = {}
    with store.reader() as conn:
        rows = conn.execute(select(ev)).mappings().all()
        for r in rows:
            mentions = frozenset(conn.execute(select(es.c.mention_id).where(
                es.c.event_id == r["id"])).scalars())
            data = json.loads(r["data"])
            out[mentions] = tuple(r[k] for k in (
                "event_date", "date_precision", "event_type", "sub_event_type", "location",
                "actor1", "actor2", "claimed_by", "fatalities", "fatalities_low",
                "fatalities_high", "background", "notes")) + (json.dumps(data["sources"]),)
    return out


def event_ids_by_origin(store: Store) -> dict[str, set[str]]:
    """Document origin (file name) → the events citing it."""
    es, docs = schema.event_sources, schema.documents
    out: dict[str, set[str]] = {}
    with store.reader() as conn:
        for origin, event_id in conn.execute(select(docs.c.origin, es.c.event_id).join(
                es, es.c.document_id == docs.c.id)):
            out.setdefault(Path(origin).name, set()).add(event_id)
    return out
