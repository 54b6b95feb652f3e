"""scripts/copy_assets.py puts every vendor file a page needs where the app serves it."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import pytest

from sitrep.web import VENDOR_FILES

ROOT = Path(__file__).resolve().parents[2]


def _load() -> Any:
    path = ROOT / "scripts" / "copy_assets.py"
    spec = importlib.util.spec_from_file_location("copy_assets", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_copy_assets_covers_every_needed_file(tmp_path: Path) -> None:
    if not (ROOT / "node_modules" / "leaflet").is_dir():
        pytest.skip("node_modules is missing: run `npm ci`")
    module = _load()
    missing = module.copy_assets(ROOT / "node_modules", tmp_path)
    assert missing == []
    for name in VENDOR_FILES:
        assert (tmp_path / name).stat().st_size > 0, name


def test_copy_assets_reports_what_is_missing(tmp_path: Path) -> None:
    module = _load()
    missing = module.copy_assets(tmp_path / "no_node_modules", tmp_path / "v")
    assert "leaflet/dist/leaflet.js" in missing
    assert not (tmp_path / "v").exists()
