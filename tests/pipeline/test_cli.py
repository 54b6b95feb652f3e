"""The pipeline commands through the real CLI entry point."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from sitrep.cli import main

TEXT = ("Jihadists attacked a military camp in Boulkessi on Monday, killing at least 15 "
        "soldiers, the army said.\nThe attack was claimed by JNIM.\n"
        "Officials later put the death toll at 22.")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        main(list(args))
        code = 0
    except SystemExit as exc:
        code = int(exc.code or 0)
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "manifest.jsonl").write_text(
        json.dumps({"path": "a.txt", "published": "2024-06-12"}) + "\n", encoding="utf-8")
    path = str(tmp_path / "kb.db")
    code, _, err = run(capsys, "ingest", str(tmp_path), "--db", path, "--no-extract")
    assert code == 0, err
    return path


def test_extract_events_event_and_exports(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "extract", "--db", db, "--json")
    assert code == 0 and json.loads(out)["events"] == 1
    code, out, _ = run(capsys, "events", "--db", db, "--json", "--actor", "JNIM")
    [rec] = [json.loads(line) for line in out.splitlines()]
    assert rec["location"] == "Boulkessi" and rec["fatalities_high"] == 22
    code, out, _ = run(capsys, "event", rec["event_id"], "--db", db)
    assert code == 0 and "claimed by" in out and "the army" in out and "Boulkessi" in out
    code, out, _ = run(capsys, "export", "events", "--format", "acled-csv", "--db", db)
    [row] = list(csv.DictReader(io.StringIO(out)))
    assert row["event_id_cnty"] == rec["event_id"] and row["country"] == "Mali"
    assert row["time_precision"] == "1" and "a.txt" in row["source"]
    code, out, _ = run(capsys, "export", "events", "--format", "geojson", "--db", db)
    feature = json.loads(out)["features"][0]
    assert feature["geometry"]["type"] == "Point" and feature["id"] == rec["event_id"]
    code, out, _ = run(capsys, "export", "events", "--db", db, "--since", "2025")
    assert code == 0 and out == ""


def test_extract_fuses_in_rounds_when_asked(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "extract", "--db", db, "--json", "--fuse-every", "1")
    assert code == 0 and json.loads(out)["events"] == 1
    code, _, err = run(capsys, "extract", "--db", db, "--fuse-every", "0")
    assert code == 2 and "--fuse-every" in err


def test_bad_input_is_a_clear_error(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "events", "--db", db, "--since", "June")
    assert code == 2 and "[E501]" in err and "YYYY" in err
    code, _, err = run(capsys, "event", "nope", "--db", db)
    assert code == 2 and "[E004]" in err
