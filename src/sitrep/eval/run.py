"""`sitrep eval` as a library call: find gold, get predictions, score.

Predictions come either from a file the user exported (``--predictions``: lets anyone score any
system, and lets the scorer be tested with hand-made records) or from running the real
pipeline on the gold's own corpus in a throw-away store, so the numbers are what a user gets.
"""

from __future__ import annotations

import importlib
import json
import tempfile
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..errors import Errors, SitrepError
from .gold import SPLITS, GoldSet, load_gold
from .score import BACKGROUND_MODES, score_sets

SPLIT_CHOICES = (*SPLITS, "all")


def gold_dirs() -> list[Path]:
    """Where the repository's gold files live: ./gold, then next to the source tree."""
    here = Path(__file__).resolve()
    return [Path.cwd() / "gold", here.parents[3] / "gold"]


def split_files(folder: Path, split: str) -> list[Path]:
    """A split is ``<split>.yaml`` plus any ``<split>-<batch>.yaml`` beside it, so a new batch of
    reports (with its own corpus) joins a split without rewriting the first file."""
    main = folder / f"{split}.yaml"
    batches = sorted(folder.glob(f"{split}-*.yaml"))
    return ([main] if main.is_file() else []) + [p for p in batches if p.is_file()]


def find_gold(split: str = "dev") -> list[Path]:
    if split not in SPLIT_CHOICES:
        raise SitrepError(Errors.E501, name="--split", value=split,
                          detail="unknown split", fix=f"Use one of {', '.join(SPLIT_CHOICES)}.")
    names = SPLITS if split == "all" else (split,)
    for folder in gold_dirs():
        found = [path for n in names for path in split_files(folder, n)]
        if found:
            return found
    raise SitrepError(Errors.E404, split=split, where=", ".join(map(str, gold_dirs())))


def read_jsonl(path: str | Path) -> list[dict[str, Any]]:
    path = Path(path)
    if not path.is_file():
        raise SitrepError(Errors.E108, path=path)
    records = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise SitrepError(Errors.E402, path=path, line=n, detail=exc.msg) from None
            if not isinstance(obj, dict):
                raise SitrepError(Errors.E402, path=path, line=n, detail="not an object")
            records.append(obj)
    return records


def predict_with_pipeline(gold_sets: Iterable[GoldSet], info: dict[str, Any] | None = None,
                          ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Ingest every gold corpus into a temporary store, extract, and read the records back.

    ``info`` (when given) receives what ingest and extraction set aside: a gold document that
    was rejected or folded into a near-duplicate scores as misses, and the report should say so.
    """
    from ..store import Store

    corpora = []
    for gs in gold_sets:
        if gs.corpus is None or not gs.corpus.exists():
            raise SitrepError(Errors.E405, path=gs.corpus, gold=gs.path)
        corpora.append(gs.corpus)
    try:
        ingest = importlib.import_module("sitrep.sources").ingest
        extract_pending = importlib.import_module("sitrep.pipeline").extract_pending
        iter_event_records = importlib.import_module("sitrep.store.events").iter_event_records
        iter_relation_records = importlib.import_module(
            "sitrep.store.relations").iter_relation_records
    except (ImportError, AttributeError) as exc:
        raise SitrepError(Errors.E403, detail=f"{exc}") from None
    with tempfile.TemporaryDirectory(prefix="sitrep-eval-") as tmp:
        store = Store(Path(tmp) / "eval.db")
        try:
            ingested = ingest(store, [str(c) for c in corpora])
            extracted = extract_pending(store)
            events = list(iter_event_records(store))
            relations = list(iter_relation_records(store))
        finally:
            store.close()
    if info is not None:
        info["ingest"] = _as_dict(ingested)
        info["extract"] = _as_dict(extracted)
    return events, relations


def _as_dict(report: Any) -> Any:
    """The parts of a layer's report that explain missing documents (reports vary by layer)."""
    out: dict[str, Any] = {}
    for name in ("near_duplicates", "rejected", "warnings"):
        value = getattr(report, name, None)
        if value:
            out[name] = value
    summary = getattr(report, "summary", None)
    if callable(summary):
        out["summary"] = summary()
    for name in ("documents", "events", "relations", "seconds"):
        if isinstance(getattr(report, name, None), int | float):
            out[name] = getattr(report, name)
    return out


def evaluate(gold: Iterable[str | Path] = (), *, split: str = "dev",
             predictions: str | Path | None = None, relations: str | Path | None = None,
             background: str = "optional", skip_missing: bool = True) -> dict[str, Any]:
    """Score predictions against gold files (or the files of ``split``); returns a JSON-able dict.

    With ``skip_missing`` a gold set whose corpus is absent (the seeds outside the repository)
    is left out and listed under ``skipped`` instead of failing the whole run.
    """
    if background not in BACKGROUND_MODES:
        raise SitrepError(Errors.E501, name="--background", value=background,
                          detail="unknown mode", fix=f"Use one of {', '.join(BACKGROUND_MODES)}.")
    paths = [Path(p) for p in gold] or find_gold(split)
    sets = [load_gold(p) for p in paths]
    skipped = []
    pipeline_info: dict[str, Any] = {}
    if predictions is None:
        usable = []
        for gs in sets:
            if gs.corpus is not None and not gs.corpus.exists() and skip_missing:
                skipped.append({"gold": str(gs.path), "reason": f"corpus {gs.corpus} missing"})
            else:
                usable.append(gs)
        sets = usable
        events, rels = predict_with_pipeline(sets, pipeline_info) if sets else ([], [])
        mode = "pipeline"
    else:
        events = read_jsonl(predictions)
        rels = read_jsonl(relations) if relations else []
        mode = "predictions"
    report = score_sets(sets, events, rels, background=background)
    if mode == "pipeline":
        report["pipeline"] = pipeline_info
    report.update(mode=mode, skipped=skipped,
                  measured_at=datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
                  gold_events=sum(gs.n_events for gs in sets),
                  gold_relations=sum(gs.n_relations for gs in sets))
    if mode == "predictions" and relations is None:
        report["relations"] = None
        for split_report in report["by_split"].values():
            split_report["relations"] = None
    return report
