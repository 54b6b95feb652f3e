"""extract_pending over a real SQLite store: incremental, idempotent, sourced; rejects."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from sitrep.errors import SitrepError
from sitrep.model import Document
from sitrep.pipeline import Pipeline, extract_document, extract_pending, stage
from sitrep.sources import ingest
from sitrep.store import Store
from sitrep.store.events import iter_event_records

ARTICLE = ("Jihadists attacked a military camp in Boulkessi on Monday, killing at least 15 "
           "soldiers, the army said. The attack was claimed by JNIM. Officials later put the "
           "death toll at 22.\nSeparately, gunmen abducted 12 traders near Kidal on Tuesday.")


def _store_with_article(tmp_path: Path) -> Store:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "report.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "manifest.jsonl").write_text(json.dumps(
        {"path": "report.txt", "published": "2024-06-12", "title": "Two attacks"}) + "\n",
        encoding="utf-8")
    store = Store(tmp_path / "kb.db")
    ingest(store, [str(folder)])
    return store


def _counts(path: Path) -> dict[str, int]:
    con = sqlite3.connect(path)
    return {t: con.execute(f"select count(*) from {t}").fetchone()[0]
            for t in ("events", "event_sources", "event_actors", "statements", "sentences")}


def test_extract_is_incremental_and_idempotent(tmp_path: Path) -> None:
    store = _store_with_article(tmp_path)
    first = extract_pending(store)
    assert first.documents == 1 and first.events == 2
    before = _counts(tmp_path / "kb.db")
    assert extract_pending(store).documents == 0  # nothing pending
    again = extract_pending(store, force=True)
    assert again.documents == 1
    assert _counts(tmp_path / "kb.db") == before  # replaced, never duplicated
    con = sqlite3.connect(tmp_path / "kb.db")
    assert con.execute("select extracted_version from documents").fetchone()[0]
    store.close()


def test_records_have_the_export_shape_and_sources(tmp_path: Path) -> None:
    store = _store_with_article(tmp_path)
    extract_pending(store)
    recs = {r["sub_event_type"]: r for r in iter_event_records(store)}
    camp = recs["Armed clash"]
    assert (camp["fatalities_low"], camp["fatalities_high"]) == (15, 22)
    assert camp["event_date"] == "2024-06-10" and camp["location"] == "Boulkessi"
    assert camp["claimed_by"] == ["Jama'at Nusrat al-Islam wal-Muslimin"]
    for src in camp["sources"]:
        assert src["document"].endswith("report.txt")
        assert ARTICLE[src["start"]:src["end"]] == src["quote"]
    taken = recs["Abduction/forced disappearance"]
    assert taken["abducted"] == 12 and taken["event_date"] == "2024-06-11"
    assert [r["event_id"] for r in iter_event_records(store, actor="jnim")] == [camp["event_id"]]
    assert list(iter_event_records(store, since="2024-06-11"))[0]["abducted"] == 12
    assert list(iter_event_records(store, country="Burkina Faso")) == []
    con = sqlite3.connect(tmp_path / "kb.db")
    quotes = con.execute("select s.quote, s.start, s.end, d.text from statements s join "
                         "documents d on d.id = s.document_id where s.subject like 'mention:%'")
    for quote, start, end, text in quotes:
        assert text[start:end] in quote  # every value points at its words
    store.close()


def test_a_failing_stage_sets_the_document_aside(tmp_path: Path) -> None:
    @stage("explode_on_camps", needs=("sentences",), adds=())
    def explode(work: Any) -> None:
        if "camp" in work.text:
            raise RuntimeError("boom")

    store = _store_with_article(tmp_path)
    (tmp_path / "ok.txt").write_text(
        "Gunmen killed four villagers near Kidal on Monday, local officials said.\n"
        "The villagers were farming their fields when the gunmen arrived on motorbikes.\n"
        "Residents said the attackers fled north after the raid.", encoding="utf-8")
    ingest(store, [str(tmp_path / "ok.txt")])
    names = ["sentences", "explode_on_camps", "dates", "quantities", "actors", "places",
             "triggers", "events", "relations", "statements"]
    report = extract_pending(store, stages=names)
    assert report.documents == 1
    assert [r["code"] for r in report.rejected] == ["E303"]
    con = sqlite3.connect(tmp_path / "kb.db")
    assert con.execute("select code from rejects").fetchall() == [("E303",)]
    assert con.execute("select count(*) from documents where extracted_version is null"
                       ).fetchone()[0] == 1
    store.close()


def test_pipeline_configuration_errors() -> None:
    with pytest.raises(SitrepError) as err:
        Pipeline(["sentences", "no_such_stage"])
    assert err.value.code == "E301"
    with pytest.raises(SitrepError) as err:
        Pipeline(["dates", "sentences"])
    assert err.value.code == "E302"


def test_without_a_pack_dates_and_counts_still_work() -> None:
    ex = extract_document(Document(text="Gunmen killed 4 villagers on Monday.", origin="x",
                                   published="2024-06-12"))
    assert [d.value for d in ex.work.dates] == ["2024-06-10"]
    assert [q.count.value for q in ex.work.quantities] == [4]
