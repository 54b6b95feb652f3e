from __future__ import annotations

import json
from pathlib import Path

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
