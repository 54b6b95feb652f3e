from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import insert

from sitrep.cli import cli
from sitrep.model import utcnow
from sitrep.pipeline.relations import RelationMention
from sitrep.store import Store, schema
from sitrep.store.relations import replace_document_relations


def test_relations_network_and_export_commands(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    store = Store(db)
    with store.transaction() as conn:
        conn.execute(insert(schema.documents).values(id="d1", origin="a.txt", text="x",
                                                     ingested_at=utcnow()))
        replace_document_relations(conn, "d1", [RelationMention(
            "jnim", "fights", "fama", "2017", "year", None, None, "asserted", 0, 4,
            "JNIM fought the army in 2017.", 0, "t")], extractor="t")
    store.close()
    runner = CliRunner()
    out = runner.invoke(cli, ["relations", "--db", str(db), "--json"])
    assert out.exit_code == 0, out.output
    rec = json.loads(out.output.splitlines()[0])
    assert rec["predicate"] == "fights" and rec["sources"][0]["document"] == "a.txt"
    out = runner.invoke(cli, ["network", "--db", str(db), "--as-of", "2016"])
    assert json.loads(out.output)["edges"] == []
    out = runner.invoke(cli, ["export", "relations", "--db", str(db), "--format", "graphml"])
    assert out.exit_code == 0 and "<graphml" in out.output and 'source="jnim"' in out.output


def _store_with_relations(tmp_path: Path, *, synced: bool = True) -> Path:
    """One stated relation (JNIM fights ISGS, 2020); with the pack synced unless told not."""
    from sitrep.pack import load_pack
    from sitrep.store.actors import sync_pack_actors

    db = tmp_path / ("r.db" if synced else "bare.db")
    store = Store(db)
    if synced:
        sync_pack_actors(store, load_pack())
    with store.transaction() as conn:
        conn.execute(insert(schema.documents).values(id="d1", origin="notes.txt", text="x",
                                                     ingested_at=utcnow()))
        replace_document_relations(conn, "d1", [RelationMention(
            "jnim", "fights", "isgs", "2020", "year", None, None, "asserted", 0, 30,
            "JNIM fought the Islamic State in the Greater Sahara in 2020.", 0, "t")],
            extractor="t")
    store.close()
    return db


def test_relations_filters_by_actor_name_and_origin_and_prints_sources(tmp_path: Path) -> None:
    db = _store_with_relations(tmp_path)
    runner = CliRunner()
    out = runner.invoke(cli, ["relations", "--db", str(db), "--actor", "GSIM",
                              "--origin", "text", "--sources"])
    assert out.exit_code == 0, out.output
    assert "--fights-->" in out.output and "[text] notes.txt: JNIM fought" in out.output
    assert "affiliate_of" not in out.output  # pack relations filtered out
    out = runner.invoke(cli, ["relations", "--db", str(db), "--actor", "GSIM",
                              "--origin", "pack", "--json"])
    recs = [json.loads(line) for line in out.output.splitlines()]
    assert recs and all("pack" in r["origins"] for r in recs)
    out = runner.invoke(cli, ["relations", "--db", str(db), "--actor", "Katiba"])
    assert out.exit_code != 0 and "[E330]" in str(out.exception)  # ambiguous: say which
    out = runner.invoke(cli, ["relations", "--db", str(db), "--actor", "nobody at all"])
    assert out.exit_code != 0 and "[E207]" in str(out.exception)


def test_actor_page_reads_lineage_relations_and_events_from_the_store(tmp_path: Path) -> None:
    db = _store_with_relations(tmp_path)
    runner = CliRunner()
    out = runner.invoke(cli, ["actor", "JNIM", "--db", str(db), "--json"])
    assert out.exit_code == 0, out.output
    sections = {s["title"]: s for s in json.loads(out.output)}
    lineage = sections["Lineage (dated timeline)"]["rows"]
    merged = {r["actor_id"] for r in lineage if r["relation"] == "merged in"}
    assert {"ansar_dine", "al_mourabitoun"} <= merged
    assert any(r["relation"] == "faction" and r["actor_id"] == "katiba_macina"
               for r in lineage)
    assert any(r["relation"] == "led by" and r["actor_id"] == "iyad_ag_ghaly" for r in lineage)
    rel = {(r["relation"], r["actor_id"]): r for r in
           sections["Relations (current, then past)"]["rows"]}
    fight = rel[("fights", "isgs")]
    assert fight["origins"] == ["text"] and fight["evidence"].startswith("notes.txt: JNIM")
    assert "Events" in sections
    text = runner.invoke(cli, ["actor", "JNIM", "--db", str(db)]).output
    assert "Lineage (dated timeline)" in text and "since 2020" in text


def test_actor_page_without_a_database_uses_the_pack(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # no ./sitrep.db here
    monkeypatch.delenv("SITREP_DB", raising=False)
    runner = CliRunner()
    out = runner.invoke(cli, ["actor", "al-Mourabitoun"])
    assert out.exit_code == 0, out.output
    assert "merged in" in out.output and "Mokhtar Belmokhtar" in out.output
    assert "Events" not in out.output.split("Referenced by")[0]
    assert not (tmp_path / "sitrep.db").exists()


def test_actor_page_shows_pack_facts_even_before_pack_sync(tmp_path: Path) -> None:
    db = _store_with_relations(tmp_path, synced=False)
    out = CliRunner().invoke(cli, ["actor", "JNIM", "--db", str(db), "--json"])
    assert out.exit_code == 0, out.output
    sections = {s["title"]: s for s in json.loads(out.output)}
    lineage = sections["Lineage (dated timeline)"]["rows"]
    assert any(r["actor_id"] == "iyad_ag_ghaly" and r["origins"] == ["pack"] for r in lineage)
    rel = {(r["relation"], r["actor_id"]): r
           for r in sections["Relations (current, then past)"]["rows"]}
    assert rel[("fights", "isgs")]["origins"] == ["text"]
    assert rel[("rival_of", "isgs")]["origins"] == ["pack"]
