"""Fusion through the real pipeline: paraphrased reports in different documents."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select

from sitrep.pipeline import extract_pending
from sitrep.sources import ingest
from sitrep.store import Store, schema

REPORTS = {
    "a.txt": ("Gunmen attacked the market in Djibo on 3 March 2023, killing at least 12 "
              "civilians, local officials said."),
    "b.txt": ("Twelve civilians died when armed men opened fire at the Djibo market on "
              "March 3, 2023. A local councillor put the toll at 15."),
    "c.txt": ("On 3 March 2023, a roadside bomb struck a military convoy near Ménaka, "
              "killing four soldiers."),
}


def _ingest(tmp_path: Path, store: Store, names: list[str]) -> None:
    for name in names:
        (tmp_path / name).write_text(REPORTS[name], encoding="utf-8")
    manifest = tmp_path / "manifest.jsonl"
    manifest.write_text("".join(json.dumps({"path": n, "published": "2023-03-05"}) + "\n"
                                for n in sorted(REPORTS) if (tmp_path / n).exists()))
    ingest(store, [tmp_path])
    extract_pending(store)


def test_two_reports_of_one_attack_become_one_event_and_a_same_day_event_stays_apart(
        tmp_path: Path, store: Store) -> None:
    _ingest(tmp_path, store, ["a.txt", "b.txt", "c.txt"])
    with store.reader() as conn:
        events = conn.execute(select(schema.events)).mappings().all()
        sources = conn.execute(select(schema.event_sources)).mappings().all()
    djibo = [e for e in events if e["location"] and "Djibo" in e["location"]]
    assert len(djibo) == 1
    docs = {s["document_id"] for s in sources if s["event_id"] == djibo[0]["id"]}
    assert len(docs) == 2
    assert djibo[0]["fatalities_low"] == 12 and djibo[0]["fatalities_high"] == 15
    menaka = [e for e in events if e["location"] and "Ménaka" in e["location"]]
    assert len(menaka) == 1 and menaka[0]["id"] != djibo[0]["id"]


def test_a_new_report_joins_the_known_event_without_duplicating_it(
        tmp_path: Path, store: Store) -> None:
    _ingest(tmp_path, store, ["a.txt"])
    with store.reader() as conn:
        before = conn.execute(select(schema.events.c.id)).scalars().all()
    _ingest(tmp_path, store, ["b.txt"])
    with store.reader() as conn:
        after = conn.execute(select(schema.events.c.id)).scalars().all()
        merges = conn.execute(select(schema.judgements).where(
            schema.judgements.c.kind == "merge")).mappings().all()
    assert len(after) == len(before) == 1
    assert len(merges) == 1 and merges[0]["author"] == "sitrep-fusion"
