"""Analyst judgements: merge, split, list, undo; they win and survive re-extraction."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from fusion_reports import REPORTS, event_ids_by_origin, ingest_and_extract, write_reports

from sitrep.cli import cli, main
from sitrep.errors import SitrepError
from sitrep.fusion.apply import fuse_events
from sitrep.fusion.judgements import list_judgements, merge, split, undo
from sitrep.pipeline import extract_pending
from sitrep.store import Store

ALL = sorted(REPORTS)


def _one(ids: set[str]) -> str:
    assert len(ids) == 1, ids
    return next(iter(ids))


def _rerun_everything(store: Store) -> None:
    extract_pending(store, force=True)
    fuse_events(store, full=True)


def test_split_moves_a_report_out_and_survives_reextraction(
        tmp_path: Path, store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SITREP_ANALYST", "amina")
    ingest_and_extract(store, write_reports(tmp_path / "a", ALL))
    hotel = _one(event_ids_by_origin(store)["hotel-day.txt"])
    j = split(store, hotel, str(tmp_path / "a" / "hotel-year.txt"), reason="another attack")
    assert (j["kind"], j["author"], j["reason"]) == ("split", "amina", "another attack")
    for _ in range(2):  # as judged, then after re-extraction and a full rebuild
        by = event_ids_by_origin(store)
        assert by["hotel-day.txt"] == by["hotel-month.txt"] == {hotel}  # id kept
        assert by["hotel-year.txt"].isdisjoint({hotel})
        _rerun_everything(store)
    listed = list_judgements(store, event_id=hotel, automatic=False)
    assert [x["id"] for x in listed] == [j["id"]]
    undone = undo(store, j["id"], reason="checked again")
    assert undone["undone_at"]
    assert event_ids_by_origin(store)["hotel-year.txt"] == {hotel}  # back together
    every = list_judgements(store, automatic=False)
    assert [x["kind"] for x in every] == ["split", "undo"]
    assert every[1]["payload"]["judgement"] == j["id"] and every[1]["author"] == "amina"


def test_merge_wins_over_the_rules_until_undone(tmp_path: Path, store: Store) -> None:
    ingest_and_extract(store, write_reports(tmp_path / "a", ALL))
    by = event_ids_by_origin(store)
    hotel, djibo = _one(by["hotel-day.txt"]), _one(by["djibo-day.txt"])
    j = merge(store, [djibo, hotel], reason="the same operation", author="lead")
    assert j["author"] == "lead" and j["payload"]["events"] == [djibo, hotel]
    for _ in range(2):
        by = event_ids_by_origin(store)
        assert by["djibo-day.txt"] == by["hotel-day.txt"] == by["hotel-year.txt"]
        assert len(by["djibo-day.txt"]) == 1
        _rerun_everything(store)
    merged = _one(event_ids_by_origin(store)["djibo-day.txt"])
    assert merged in (hotel, djibo)  # the fused event keeps one of the old ids
    assert any(x["id"] == j["id"] for x in list_judgements(store, event_id=merged))
    undo(store, j["id"])
    by = event_ids_by_origin(store)
    assert by["djibo-day.txt"].isdisjoint(by["hotel-day.txt"])


def test_the_later_judgement_wins(tmp_path: Path, store: Store) -> None:
    ingest_and_extract(store, write_reports(tmp_path / "a", ALL))
    by = event_ids_by_origin(store)
    hotel, djibo = _one(by["hotel-day.txt"]), _one(by["djibo-day.txt"])
    merge(store, [hotel, djibo], author="a")
    merged = _one(event_ids_by_origin(store)["djibo-day.txt"])
    split(store, merged, str(tmp_path / "a" / "djibo-day.txt"), author="b")
    by = event_ids_by_origin(store)
    assert by["djibo-day.txt"].isdisjoint(by["hotel-day.txt"])
    _rerun_everything(store)
    by = event_ids_by_origin(store)
    assert by["djibo-day.txt"].isdisjoint(by["hotel-day.txt"])


def test_bad_judgements_are_refused_with_a_fix(tmp_path: Path, store: Store) -> None:
    ingest_and_extract(store, write_reports(tmp_path / "a", ALL))
    by = event_ids_by_origin(store)
    hotel, djibo = _one(by["hotel-day.txt"]), _one(by["djibo-day.txt"])
    cases = [
        (lambda: merge(store, [hotel]), "E601"),
        (lambda: merge(store, [hotel, "nope"]), "E004"),
        (lambda: split(store, hotel, "djibo-day.txt"), "E602"),
        (lambda: split(store, djibo, str(tmp_path / "a" / "djibo-day.txt")), "E603"),
        (lambda: undo(store, 999), "E604"),
    ]
    auto = list_judgements(store)[0]
    assert auto["automatic"] and auto["kind"] == "merge"
    cases.append((lambda: undo(store, auto["id"]), "E606"))
    for call, code in cases:
        with pytest.raises(SitrepError) as err:
            call()
        assert err.value.code == code and "Fix:" in str(err.value)
    j = merge(store, [hotel, djibo])
    undo(store, j["id"])
    with pytest.raises(SitrepError, match="E605"):
        undo(store, j["id"])


def test_cli_fuse_merge_judgements_undo(tmp_path: Path, store: Store,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    ingest_and_extract(store, write_reports(tmp_path / "a", ALL))
    by = event_ids_by_origin(store)
    hotel, djibo = _one(by["hotel-day.txt"]), _one(by["djibo-day.txt"])
    db = str(store.target)
    runner = CliRunner()
    out = runner.invoke(cli, ["fuse", "--full", "--json", "--db", db])
    assert out.exit_code == 0, out.output
    assert json.loads(out.output)["events"] == 2
    out = runner.invoke(cli, ["merge", hotel, djibo, "--reason", "one raid", "--author", "zoe",
                              "--db", db])
    assert out.exit_code == 0 and "by zoe" in out.output and "one raid" in out.output
    out = runner.invoke(cli, ["judgements", "--analyst-only", "--json", "--db", db])
    (j,) = [json.loads(line) for line in out.output.splitlines()]
    assert j["kind"] == "merge" and j["reason"] == "one raid"
    out = runner.invoke(cli, ["undo", str(j["id"]), "--db", db])
    assert out.exit_code == 0 and "undone" in out.output
    with pytest.raises(SystemExit) as exit_:
        main(["undo", str(j["id"]), "--db", db])
    assert exit_.value.code == 2 and "[E605]" in capsys.readouterr().err
    out = runner.invoke(cli, ["split", hotel, "--document", "missing.txt", "--db", db])
    assert isinstance(out.exception, SitrepError) and out.exception.code == "E602"
