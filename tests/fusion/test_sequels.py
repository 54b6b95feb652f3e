"""A sequel dated "that year or later" fuses with a report that dates it to the next year, and
the fused event takes the single year (a bounded span is less precise than a year)."""

from __future__ import annotations

import json
from pathlib import Path

from fusion_reports import event_ids_by_origin, ingest_and_extract
from sqlalchemy import select

from sitrep.store import Store, schema

REPORTS = [
    {"id": "looking-back", "published": "2017-03-01", "text": (
        "Mali, five years on\n\nMali looked very different in 2012, when jihadist fighters "
        "seized Timbuktu and Gao and then pushed south toward Mopti, drawing in French troops, "
        "who drove them back.")},
    {"id": "intervention", "published": "2016-06-01", "text": (
        "France in the Sahel\n\nIn 2013, French troops intervened in Mali to halt a jihadist "
        "advance on the capital.")},
]


def test_a_sequel_told_after_a_year_fuses_with_the_next_year_report(tmp_path: Path,
                                                                   store: Store) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "reports.jsonl").write_text(
        "\n".join(json.dumps(r) for r in REPORTS) + "\n", encoding="utf-8")
    ingest_and_extract(store, folder)
    by = event_ids_by_origin(store)
    with store.reader() as conn:
        rows = {r["id"]: r for r in conn.execute(select(schema.events)).mappings()}
    french = [i for i in by["intervention"] if rows[i]["actor1"] == "French Armed Forces"]
    assert len(french) == 1 and french[0] in by["looking-back"]
    row = rows[french[0]]
    assert (row["event_date"], row["date_precision"]) == ("2013-01-01", "year")
    # the takeover the same report dates to 2012 stays its own event
    assert any(rows[i]["event_date"] == "2012-01-01" for i in by["looking-back"] - {french[0]})
