"""Default mode: the gold's own corpus through the real ingest + extraction pipeline."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest
import yaml

from sitrep.errors import SitrepError
from sitrep.eval import evaluate

ROOT = Path(__file__).resolve().parents[2]


def pipeline_available() -> bool:
    try:
        importlib.import_module("sitrep.sources").ingest  # noqa: B018
        importlib.import_module("sitrep.pipeline").extract_pending  # noqa: B018
        importlib.import_module("sitrep.store.events").iter_event_records  # noqa: B018
    except (ImportError, AttributeError):
        return False
    return True


@pytest.mark.skipif(not pipeline_available(), reason="sources/pipeline layers not installed")
def test_demo_corpus_through_the_pipeline() -> None:
    report = evaluate([ROOT / "gold" / "demo.yaml"])
    assert report["mode"] == "pipeline" and report["documents"] == 10
    # the pipeline's records reached the gold documents through sources[].document
    assert report["events"]["tp"] + report["events"]["fp"] > 0
    assert 0.0 <= report["overall_f1"] <= 1.0


@pytest.mark.skipif(pipeline_available(), reason="pipeline present: covered above")
def test_missing_pipeline_is_a_clear_error() -> None:
    with pytest.raises(SitrepError) as err:
        evaluate([ROOT / "gold" / "demo.yaml"])
    assert err.value.code == "E403" and "--predictions" in str(err.value)


def test_gold_set_without_its_corpus_is_skipped_or_refused(tmp_path: Path) -> None:
    gold = tmp_path / "seeds.yaml"
    gold.write_text(yaml.safe_dump({"split": "seeds", "corpus": "missing/manifest.jsonl",
                                    "documents": {"a.txt": {"events": []}}}), encoding="utf-8")
    report = evaluate([gold])
    assert report["documents"] == 0 and "missing" in report["skipped"][0]["reason"]
    with pytest.raises(SitrepError) as err:
        evaluate([gold], skip_missing=False)
    assert err.value.code == "E405"
