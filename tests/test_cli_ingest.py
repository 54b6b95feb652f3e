"""The ingest/documents/export commands as a user runs them, and kill -9 recovery."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitrep.cli import EXIT_REJECTED, cli, main

ROOT = Path(__file__).resolve().parents[1]


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    """The real console entry point in a subprocess: exit codes and stderr as users see them."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run([sys.executable, "-m", "sitrep", *args], capture_output=True,
                          text=True, env=env, timeout=120)


def test_seeds_ingest_then_noop(seeds_dir: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    first = run_cli("ingest", str(seeds_dir), "--db", db, "--no-extract")
    assert first.returncode == 0, first.stderr
    assert "Ingested 6 new document(s)" in first.stdout
    second = run_cli("ingest", str(seeds_dir), "--db", db, "--no-extract")
    assert second.returncode == 0 and "Nothing new: 6 document(s) already stored" in second.stdout
    con = sqlite3.connect(db)
    docs = {Path(o).name: (t, s, p, pp, x) for o, t, s, p, pp, x in con.execute(
        "SELECT origin, title, source, published, published_precision, text FROM documents")}
    assert len(docs) == 6
    assert docs["002_cc3c64e7fc2d4cf0.txt"][1:4] == (
        "RAND Corporation (The Cipher Brief)", "2017-01-12", "day")
    assert docs["001_61ffbfe777c23a77.txt"][2:4] == ("2024-10", "month")
    assert "Popular posts" not in docs["002_cc3c64e7fc2d4cf0.txt"][4]
    part1, part2 = docs["004_c80911c0729ab7b8.txt#1"], docs["004_c80911c0729ab7b8.txt#2"]
    assert part1[0].startswith("ISIS and Al-Qaeda") and part2[0].startswith("Russia Skirts")
    caption = part2[4].split("\n")[2][:50]
    assert part2[4].count(caption) == 1
    assert con.execute("SELECT count(DISTINCT part_of) FROM documents "
                       "WHERE part_of IS NOT NULL").fetchone()[0] == 1


def test_rejects_exit_3_without_traceback(seeds_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for f in seeds_dir.iterdir():
        (folder / f.name).write_bytes(f.read_bytes())
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + os.urandom(2000))
    (folder / "blank.txt").write_bytes(b"")
    db = str(tmp_path / "r.db")
    result = run_cli("ingest", str(folder), "--db", db, "--no-extract")
    assert result.returncode == EXIT_REJECTED
    assert "Traceback" not in result.stdout + result.stderr
    assert "Ingested 6 new document(s)" in result.stdout
    listing = run_cli("documents", "--rejected", "--db", db, "--json")
    rejects = {Path(r["origin"]).name: r["code"] for r in json.loads(listing.stdout)}
    assert rejects == {"photo.jpg": "E109", "blank.txt": "E102"}


def test_documents_search_and_export(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text("Rains Return to the Valley\n\nFarmers in the valley planted "
                                  "sorghum after the first heavy rains of the season.\n",
                                  encoding="utf-8")
    (folder / "b.txt").write_text("Ferry Service Restarts\n\nThe river ferry carried traders "
                                  "and goats across again after repairs to its engine.\n",
                                  encoding="utf-8")
    (folder / "c.bin").write_bytes(b"\x00\x01")
    db = str(tmp_path / "d.db")
    runner = CliRunner()
    res = runner.invoke(cli, ["ingest", str(folder), "--db", db, "--no-extract", "--json"])
    assert json.loads(res.output)["new"] == 2
    res = runner.invoke(cli, ["documents", "--db", db, "--search", "sorghum", "--json"])
    items = json.loads(res.output)["items"]
    assert [i["title"] for i in items] == ["Rains Return to the Valley"]
    res = runner.invoke(cli, ["documents", "--db", db])
    assert "Ferry Service Restarts" in res.output and "2 of 2 document(s)" in res.output
    out = tmp_path / "docs.jsonl"
    res = runner.invoke(cli, ["export", "documents", "--format", "jsonl", "--output", str(out),
                              "--db", db])
    assert res.exit_code == 0, res.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {r["title"] for r in records if not r["rejected"]} == {
        "Rains Return to the Valley", "Ferry Service Restarts"}
    rejected = [r for r in records if r["rejected"]]
    assert len(rejected) == 1 and rejected[0]["rejected"]["code"] == "E109"
    assert set(records[0]) >= {"id", "title", "source", "url", "path", "published", "text"}


def test_nonexistent_path_and_bad_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                         ) -> None:
    db = str(tmp_path / "n.db")
    with pytest.raises(SystemExit) as exc:
        main(["ingest", str(tmp_path / "nope"), "--db", db, "--no-extract"])
    assert exc.value.code == EXIT_REJECTED
    assert "E108" in capsys.readouterr().out
    with pytest.raises(SystemExit) as exc:
        main(["ingest", str(tmp_path), "--db", db, "--max-bytes", "0"])
    assert exc.value.code == 2


def test_kill_minus_nine_then_rerun(tmp_path: Path) -> None:
    import random
    rng = random.Random(7)
    words = [f"w{i}" for i in range(3000)]
    folder = tmp_path / "corpus"
    folder.mkdir()
    n_files = 300
    for i in range(n_files):
        paras = [" ".join(rng.choice(words) for _ in range(120)) + "." for _ in range(6)]
        (folder / f"{i:04d}.txt").write_text(f"Report Number {i} From the Field\n\n"
                                             + "\n\n".join(paras), encoding="utf-8")
    db = tmp_path / "k.db"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.Popen([sys.executable, "-m", "sitrep", "ingest", str(folder), "--db",
                             str(db), "--no-extract"], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    stored = 0
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            con = sqlite3.connect(db, timeout=5)
            stored = con.execute("SELECT count(*) FROM documents").fetchone()[0]
            con.close()
        except sqlite3.OperationalError:
            stored = 0  # schema not created yet
        if stored >= 30:
            break
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    interrupted = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    bands = con.execute("SELECT count(*) FROM document_bands").fetchone()[0]
    con.close()
    assert 30 <= interrupted < n_files, "the ingest was not interrupted mid-way"
    assert bands == 16 * interrupted  # each document's row and bands committed together
    rerun = run_cli("ingest", str(folder), "--db", str(db), "--no-extract", "--json")
    assert rerun.returncode == 0, rerun.stderr
    report = json.loads(rerun.stdout)
    assert report["new"] == n_files - interrupted and report["duplicates"] == interrupted
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert con.execute("SELECT count(*), count(DISTINCT origin) FROM documents").fetchone() == (
        n_files, n_files)
    fts = con.execute("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'Report'")
    assert fts.fetchone()[0] == n_files
    con.close()


def test_progress_bar_only_on_a_terminal() -> None:
    from sitrep.sources.console import progress_bar

    with progress_bar("reading", enabled=False) as quiet:
        assert quiet is None
    with progress_bar("reading", enabled=True) as update:
        assert update is not None
        update(1, 2, "a.txt")
        update(2, 2)
