"""The pack commands work with no database and no documents."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitrep.cli import cli


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)  # no sitrep.db here: nothing may need one

    def invoke(*args: str):  # type: ignore[no-untyped-def]
        return CliRunner().invoke(cli, list(args))
    yield invoke
    assert not (tmp_path / "sitrep.db").exists()


def test_actors_list_and_filters(run) -> None:  # type: ignore[no-untyped-def]
    res = run("actors", "--kind", "jihadist_group", "--country", "ML", "--json")
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in res.output.splitlines()]
    assert {"jnim", "ansar_dine", "katiba_macina"} <= {r["actor_id"] for r in rows}
    assert all(r["kind"] == "jihadist_group" and r["country"] == "ML" for r in rows)
    bad = run("actors", "--kind", "wizards")
    assert bad.exit_code != 0 and "E501" in str(bad.exception)


def test_actor_page_by_any_spelling(run) -> None:  # type: ignore[no-untyped-def]
    res = run("actor", "jama'at nusrat al islam wal muslimin")
    assert res.exit_code == 0, res.output
    out = res.output
    assert "JNIM" in out and "GSIM" in out and "Aliases" in out and "Facts" in out
    assert "founded" in out and "2017-03-02" in out and "source:" in out
    assert "Referenced by" in out and "ansar_dine" in out
    as_json = json.loads(run("actor", "JNIM", "--json").output)
    assert [s["title"] for s in as_json][1:3] == ["Aliases", "Facts"]


def test_actor_not_found(run) -> None:  # type: ignore[no-untyped-def]
    res = run("actor", "Nobody Brigade")
    assert res.exit_code != 0 and "E207" in str(res.exception)


def test_places(run) -> None:  # type: ignore[no-untyped-def]
    res = run("places", "Gao", "--json")
    rows = [json.loads(line) for line in res.output.splitlines()]
    assert {r["country"] for r in rows} >= {"ML", "BF", "NE"}
    town = next(r for r in rows if r["place_id"] == "geonames:2457163")
    assert town["admin1"] == "Gao" and town["feature_class"] == "P"
    assert town["latitude"] == pytest.approx(16.27, abs=0.01)
    only_bf = run("places", "Gao", "--country", "BF", "--json").output.splitlines()
    assert only_bf and all(json.loads(line)["country"] == "BF" for line in only_bf)
    text = run("places", "tinzawatene").output
    assert "sitrep:tinzaouaten" in text and "Kidal" in text
    missing = run("places", "Atlantis")
    assert missing.exit_code != 0 and "E204" in str(missing.exception)


def test_export_actors_jsonl(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "actors.jsonl"
    res = run("export", "actors", "--format", "jsonl", "--output", str(out))
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) >= 120
    assert all(set(r) == {"actor_id", "name", "kind", "country", "aliases"} for r in rows)
    jnim = next(r for r in rows if r["actor_id"] == "jnim")
    assert "GSIM" in jnim["aliases"] and jnim["kind"] == "jihadist_group"
