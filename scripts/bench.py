"""Throughput benchmark: ingest + extract against the spaCy blank("en") tokenization floor.

Not a test: run it by hand (`python scripts/bench.py --sizes 1000,10000`). Each size runs in a
fresh child process so peak memory (max RSS) belongs to that size alone. Synthetic documents
are built by recombining sentences of the project's own corpora (corpus/dev, corpus/heldout,
corpus/demo) with a fixed seed, so runs are repeatable and contain real extraction work.
Results go to bench-results/bench-<timestamp>.json and are printed as one JSON object.
"""

from __future__ import annotations

import argparse
import importlib
import json
import platform
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'])")


def sentence_pool() -> list[str]:
    """Sentences of the project's own texts (never the seeds: they are not ours)."""
    texts: list[str] = []
    for split in ("dev", "heldout"):
        for line in (ROOT / "corpus" / split / "manifest.jsonl").read_text().splitlines():
            texts.append(json.loads(line)["text"])
    for path in sorted((ROOT / "corpus" / "demo").glob("*.txt")):
        texts.append(path.read_text().split("\n", 1)[-1])
    return [s.strip() for t in texts for s in SENTENCE_END.split(t) if len(s.split()) >= 5]


def synthetic_manifest(n: int, folder: Path, seed: int = 7) -> tuple[Path, list[str]]:
    """n documents of 4-9 recombined sentences, each with its own id and publication date."""
    rng = random.Random(seed)
    pool = sentence_pool()
    base = date(2015, 1, 1)
    texts = []
    path = folder / "manifest.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            text = " ".join(rng.sample(pool, rng.randint(4, 9)))
            texts.append(text)
            published = (base + timedelta(days=rng.randint(0, 3650))).isoformat()
            fh.write(json.dumps({"id": f"bench-{i:06d}", "text": text, "published": published,
                                 "source": "sitrep bench", "language": "en"}) + "\n")
    return path, texts


def tokenization_floor(texts: list[str]) -> float:
    """Seconds for spaCy blank('en') to tokenize the texts: the floor of any text pipeline."""
    import spacy

    nlp = spacy.blank("en")
    nlp("Warm the tokenizer up before timing.")
    start = time.perf_counter()
    for doc in nlp.pipe(texts, batch_size=256):
        len(doc)
    return time.perf_counter() - start


def run_one(n: int) -> dict[str, Any]:
    """One size, in this process: build corpus, tokenization floor, then ingest + extract."""
    with tempfile.TemporaryDirectory(prefix="sitrep-bench-") as tmp:
        manifest, texts = synthetic_manifest(n, Path(tmp))
        words = sum(len(t.split()) for t in texts)
        result: dict[str, Any] = {"documents": n, "words": words}
        floor = tokenization_floor(texts)
        result["spacy_blank_seconds"] = round(floor, 4)
        result["spacy_blank_docs_per_s"] = round(n / floor, 1)
        try:
            ingest = importlib.import_module("sitrep.sources").ingest
            extract_pending = importlib.import_module("sitrep.pipeline").extract_pending
        except (ImportError, AttributeError) as exc:
            result["pipeline"] = f"unavailable: {exc}"
            result["peak_rss_mb"] = round(_peak_rss_mb(), 1)
            return result
        from sitrep.store import Store

        store = Store(Path(tmp) / "bench.db")
        try:
            t0 = time.perf_counter()
            ingest(store, [str(manifest)])
            t1 = time.perf_counter()
            extract_pending(store)
            t2 = time.perf_counter()
        finally:
            store.close()
        total = t2 - t0
        result.update({
            "ingest_seconds": round(t1 - t0, 3), "extract_seconds": round(t2 - t1, 3),
            "docs_per_s": round(n / total, 1), "words_per_s": round(words / total, 1),
            "ms_per_doc": round(1000 * total / n, 3),
            "ratio_vs_spacy_blank": round(floor / total, 4),
            "peak_rss_mb": round(_peak_rss_mb(), 1),
        })
        return result


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000",
                        help="comma-separated corpus sizes (default 1000,10000)")
    parser.add_argument("--out", default=str(ROOT / "bench-results"), help="results folder")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # child process mode
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(run_one(args.one)))
        return
    runs = []
    for n in (int(s) for s in args.sizes.split(",") if s.strip()):
        proc = subprocess.run([sys.executable, __file__, "--one", str(n)], capture_output=True,
                              text=True, check=False, cwd=ROOT)
        if proc.returncode != 0:
            runs.append({"documents": n, "error": proc.stderr.strip().splitlines()[-1:]})
            continue
        runs.append(json.loads(proc.stdout.strip().splitlines()[-1]))
    per_doc = [r["ms_per_doc"] for r in runs if "ms_per_doc" in r]
    report = {
        "measured_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "machine": {"python": platform.python_version(), "platform": platform.platform(),
                    "processor": platform.processor() or platform.machine()},
        "runs": runs,
        "growth_ms_per_doc_last_over_first": round(per_doc[-1] / per_doc[0], 3)
        if len(per_doc) > 1 else None,
        "not_measured": ["query latency on a one-million-event store"],
    }
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    stamp = report["measured_at"].replace(":", "").replace("-", "")
    (out / f"bench-{stamp}.json").write_text(json.dumps(report, indent=2) + "\n")
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
