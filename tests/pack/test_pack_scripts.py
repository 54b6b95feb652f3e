"""The kept build scripts reproduce the shipped data from ../shared/data."""

from __future__ import annotations

import gzip
import importlib.util
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "data"


def load_script(name: str):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_un_script_reproduces_the_shipped_file(tmp_path: Path) -> None:
    if not (SHARED / "un-sanctions").is_dir():
        pytest.skip("../shared/data/un-sanctions is not present")
    out = tmp_path / "un.yaml"
    assert load_script("build_un_actors").main(["--output", str(out)]) == 0
    shipped = ROOT / "src/sitrep/pack/data/sahel/un_actors.yaml"
    assert out.read_text(encoding="utf-8") == shipped.read_text(encoding="utf-8")
    entries = yaml.safe_load(out.read_text(encoding="utf-8"))["actors"]
    refs = {e["un_ref"] for e in entries}
    assert {"QDe.014", "QDe.134", "QDe.135", "QDe.141", "QDe.159", "QDe.163", "QDe.162",
            "QDe.138", "QDi.316", "MLi.001"} <= refs
    assert all(e["facts"][0]["predicate"] == "listed_un" and e["un_ref"] in e["source"]
               for e in entries)
    assert not any("Taliban" in (e.get("description") or "") for e in entries)


def test_gazetteer_script_writes_a_compact_file(tmp_path: Path) -> None:
    if not (SHARED / "geonames").is_dir():
        pytest.skip("../shared/data/geonames is not present")
    module = load_script("build_gazetteer")
    rows = module.focus_rows(SHARED / "geonames")
    assert len(rows) > 38_000  # every P and A row of the three dumps
    assert all(r[7] in ("P", "A") for r in rows)
    gao = next(r for r in rows if r[0] == "geonames:2457163")
    assert gao[3] == "Gao"  # admin1 name, not code
    shipped = ROOT / "src/sitrep/pack/data/sahel/gazetteer.tsv.gz"
    assert shipped.stat().st_size < 3_000_000
    with gzip.open(shipped, "rt", encoding="utf-8") as fh:
        assert sum(1 for _ in fh) - 1 > len(rows)  # plus neighbours and world
