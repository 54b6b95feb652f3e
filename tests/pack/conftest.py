"""A tiny pack written to a temp folder: packs are folders, so tests can break one on purpose."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from sitrep.pack.gazetteer import GAZETTEER_COLUMNS, SUPPLEMENT_COLUMNS

ACTORS = """
actors:
  - id: alpha_front
    name: Alpha Front
    kind: armed_group
    country: ML
    source: "Test entry."
    aliases:
      en: [AF, Alpha Liberation Front]
    facts:
      - {predicate: founded, start: "2012-01", source: "Test."}
  - id: beta_brigade
    name: Beta Brigade
    kind: jihadist_group
    country: ML
    source: "Test entry."
    aliases:
      en: [Katiba Beta]
    facts:
      - {predicate: split_from, value: alpha_front, start: "2015", source: "Test."}
  - id: state_forces
    name: State forces
    kind: state_forces
    placeholder: true
    source: "Test placeholder."
  - id: test_army
    name: Test Army
    kind: state_forces
    country: ML
    source: "Test entry."
"""

GENERIC = """
rules:
  - id: troops
    placeholder: state_forces
    takes_demonym: true
    terms: [soldiers]
    by_country: {ML: test_army}
demonyms:
  - {country: ML, terms: [Malian]}
"""


def write_pack(root: Path) -> Path:
    (root / "actors").mkdir(parents=True)
    (root / "pack.yaml").write_text("name: tiny\nversion: '1'\nfocus_countries: [ML]\n")
    (root / "actors" / "test.yaml").write_text(ACTORS)
    (root / "generic.yaml").write_text(GENERIC)
    rows = [
        ["geonames:1", "Kidal", "ML", "Kidal", "", "18.44", "1.41", "P", "PPLA", "25000", ""],
        ["geonames:2", "Tessit", "ML", "Gao", "", "15.21", "-0.30", "P", "PPL", "0", "Tesit"],
        ["geonames:3", "Kidal Region", "ML", "", "", "19.0", "1.0", "A", "ADM1", "0", "Kidal"],
    ]
    with gzip.open(root / "gazetteer.tsv.gz", "wt", encoding="utf-8") as fh:
        fh.write("\t".join(GAZETTEER_COLUMNS) + "\n")
        for r in rows:
            fh.write("\t".join(r) + "\n")
    (root / "places_supplement.tsv").write_text(
        "\t".join(SUPPLEMENT_COLUMNS) + "\n"
        + "\t".join(["sitrep:anefis", "Anéfis", "ML", "Kidal", "", "18.05", "0.60", "P", "PPL",
                     "0", "1", "Anefif", "", "Test source."]) + "\n", encoding="utf-8")
    return root


@pytest.fixture
def tiny_pack(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path / "cache"))
    return write_pack(tmp_path / "tiny")
