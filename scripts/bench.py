"""Throughput benchmark: ingest + extract against the spaCy blank("en") tokenization floor.

Not a test: run it by hand (`python scripts/bench.py --sizes 1000,10000,100000`). Each size runs
in a fresh child process so its peak memory (max RSS) belongs to that size alone, under a time
limit (`--timeout`); a child that runs out of time still reports how far it got, because it
writes a progress line every `--every` documents. Those progress lines are also how growth is
measured *inside* one run: the cost of documents 9,000-10,000 against documents 0-1,000 shows
whether per-document cost rises with the size of the store.

Synthetic documents recombine real paragraphs (corpus/dev, corpus/demo and, when present,
../shared/corpus/seeds, read at run time and never copied into the repo) with place names, years
and months swapped at random, so most documents are distinct and fusion sees events spread over
places and dates; a share of them (`--near-dup-share`) are wire copies of an earlier document
(a trimmed paragraph, a dateline added), which near-duplicate detection must catch.

`--profile N` runs cProfile over ingest and extract separately on N documents and prints the top
functions. Results go to bench-results/ as JSON (the folder is gitignored).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import multiprocessing
import os
import platform
import pstats
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")

# Public place names of the central Sahel, swapped for one another so that recombined
# paragraphs describe incidents in many places (fusion must not see one town everywhere).
PLACES = (
    "Djibo", "Gao", "Ménaka", "Kidal", "Tillabéri", "Diffa", "Mopti", "Ségou", "Timbuktu",
    "Dori", "Fada N'Gourma", "Kaya", "Ouahigouya", "Agadez", "Tahoua", "Bankass", "Douentza",
    "Boni", "Arbinda", "Sebba", "Koutougou", "Gorom-Gorom", "Ansongo", "Tessit", "Ayorou",
    "Banibangou", "Abala", "Torodi", "Boulkessi", "Mondoro", "Nampala", "Diafarabé", "Inates",
    "Chinégodar", "Solhan", "Moura", "Indelimane", "Tongo Tongo", "Barsalogho", "Seytenga",
)
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
_PLACE_RE = re.compile(r"\b(" + "|".join(re.escape(p) for p in PLACES) + r")\b")
_MONTH_RE = re.compile(r"\b(" + "|".join(MONTHS) + r")\b")
_YEAR_RE = re.compile(r"\b(20[0-2]\d)\b")


# ------------------------------------------------------------------------------ corpus


SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'])")


def paragraph_pool(include_seeds: bool = True) -> list[str]:
    """Paragraphs of real text: the team's dev and demo corpora, and the seeds when present.

    The held-out split is left out on purpose: nothing, not even a benchmark, should make
    anyone look at it while tuning."""
    paragraphs: list[str] = []
    for line in (ROOT / "corpus" / "dev" / "manifest.jsonl").read_text().splitlines():
        if line.strip():
            paragraphs.append(json.loads(line)["text"])
    texts = [p.read_text(encoding="utf-8").split("\n", 1)[-1]
             for p in sorted((ROOT / "corpus" / "demo").glob("*.txt"))]
    if include_seeds and SEEDS.is_dir():
        texts += [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    for text in texts:
        paragraphs += [p.strip() for p in PARAGRAPH_BREAK.split(text) if len(p.split()) >= 20]
    return paragraphs


def _vary(text: str, rng: random.Random) -> str:
    """Same prose, another place, month and year: a plausible different incident."""
    places = {p: rng.choice(PLACES) for p in set(_PLACE_RE.findall(text))}
    text = _PLACE_RE.sub(lambda m: places[m[1]], text)
    text = _MONTH_RE.sub(lambda m: rng.choice(MONTHS), text)
    shift = rng.randint(-6, 6)
    return _YEAR_RE.sub(lambda m: str(min(2025, max(2012, int(m[1]) + shift))), text)


def _paragraph(rng: random.Random, pool: list[str], sentences: list[str]) -> str:
    """A real paragraph (three times in ten) or 2-4 sentences of different paragraphs: the
    pool holds a few hundred paragraphs, so whole-paragraph documents alone would make a
    100k corpus mostly of near-duplicates; recombined sentences keep most documents distinct."""
    if rng.random() < 0.3:
        return _vary(rng.choice(pool), rng)
    return _vary(" ".join(rng.sample(sentences, rng.randint(2, 4))), rng)


def synthetic_documents(n: int, *, seed: int = 7, near_dup_share: float = 0.05,
                        include_seeds: bool = True) -> Iterator[dict[str, Any]]:
    """n manifest records: 2-5 varied paragraphs each, or a wire copy of an earlier record."""
    rng = random.Random(seed)
    pool = paragraph_pool(include_seeds)
    sentences = [s for p in pool for s in SENTENCE_END.split(p) if len(s.split()) >= 5]
    base = date(2012, 1, 1)
    recent: list[dict[str, Any]] = []
    for i in range(n):
        published = (base + timedelta(days=rng.randint(0, 5000))).isoformat()
        if recent and rng.random() < near_dup_share:
            orig = rng.choice(recent)
            paras = orig["text"].split("\n\n")
            if len(paras) >= 5:  # a trimmed paragraph (Jaccard stays above 0.7)
                paras.pop(rng.randrange(1, len(paras)))
            text = f"{rng.choice(PLACES).upper()} (Reuters) - " + "\n\n".join(paras)
            rec = {**orig, "id": f"bench-{i:07d}", "text": text, "source": "wire copy"}
        else:
            paras = [_paragraph(rng, pool, sentences) for _ in range(rng.randint(2, 5))]
            title = " ".join(paras[0].split()[:10]).rstrip(",.;:")
            rec = {"id": f"bench-{i:07d}", "title": title, "text": "\n\n".join(paras),
                   "published": published, "source": "sitrep bench", "language": "en"}
            recent = (recent + [rec])[-500:]
        yield rec


def write_manifest(n: int, folder: Path, **kw: Any) -> tuple[Path, int]:
    """Write the corpus; return its path and its word count (texts are not kept in memory)."""
    path = folder / "manifest.jsonl"
    words = 0
    with path.open("w", encoding="utf-8") as fh:
        for rec in synthetic_documents(n, **kw):
            words += len(rec["text"].split())
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return path, words


# ------------------------------------------------------------------------------ measuring


def tokenization_floor(texts: Iterable[str]) -> float:
    """Seconds for spaCy blank('en') to tokenize the texts: the floor of any text pipeline."""
    import spacy

    nlp = spacy.blank("en")
    nlp.tokenizer("Warm the tokenizer up before timing.")
    seconds = 0.0
    for text in texts:
        start = time.perf_counter()
        len(nlp.tokenizer(text))
        seconds += time.perf_counter() - start
    return seconds


def _manifest_texts(manifest: Path) -> Iterator[str]:
    with manifest.open(encoding="utf-8") as fh:
        for line in fh:
            yield json.loads(line)["text"]


def _floor_child(manifest: str, out: Any) -> None:
    out.put(tokenization_floor(_manifest_texts(Path(manifest))))


def tokenization_floor_apart(manifest: Path) -> float:
    """The floor measured in a separate process, so spaCy's memory is not counted in the peak
    memory of the ingest + extract being measured."""
    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    child = ctx.Process(target=_floor_child, args=(str(manifest), queue))
    child.start()
    seconds = float(queue.get())
    child.join()
    return seconds


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


class ProgressLog:
    """Progress lines (phase, done, seconds, rss) to a file the parent reads after a kill."""

    def __init__(self, path: Path | None, every: int) -> None:
        self.fh = path.open("a", encoding="utf-8") if path else None
        self.every = every
        self.t0 = time.perf_counter()

    def __call__(self, phase: str, done: int, total: int) -> None:
        if self.fh and (done % self.every == 0 or done == total):
            self.fh.write(json.dumps({"phase": phase, "done": done, "total": total,
                                      "seconds": round(time.perf_counter() - self.t0, 3),
                                      "rss_mb": round(_peak_rss_mb(), 1)}) + "\n")
            self.fh.flush()


def run_one(n: int, *, workdir: Path, log: ProgressLog, near_dup_share: float) -> dict[str, Any]:
    """One size, in this process: corpus, tokenization floor, then ingest + extract."""
    from sitrep.pipeline import extract_pending
    from sitrep.sources import ingest
    from sitrep.store import Store
    from sitrep.store.documents import count_documents

    load_before = os.getloadavg()  # a shared machine: other jobs' load is part of the result
    manifest, words = write_manifest(n, workdir, near_dup_share=near_dup_share)
    floor = tokenization_floor_apart(manifest)
    result: dict[str, Any] = {"documents": n, "words": words,
                              "spacy_blank_seconds": round(floor, 4),
                              "spacy_blank_words_per_s": round(words / floor)}
    store = Store(workdir / "bench.db")
    try:
        t0 = log.t0 = time.perf_counter()  # slices time ingest, not the corpus or the floor
        rep = ingest(store, [str(manifest)],
                     progress=lambda done, total, _o: log("ingest", done, total))
        t1 = time.perf_counter()
        ext = extract_pending(store, progress=lambda done, total: log("extract", done, total))
        t2 = time.perf_counter()
        counts = count_documents(store)
    finally:
        store.close()
    total = t2 - t0
    result.update({
        "ingest_seconds": round(t1 - t0, 3), "extract_seconds": round(t2 - t1, 3),
        "docs_per_s": round(n / total, 1), "words_per_s": round(words / total),
        "ms_per_doc": round(1000 * total / n, 3),
        "ratio_vs_spacy_blank": round(floor / total, 4),
        "peak_rss_mb": round(_peak_rss_mb(), 1),
        "ingest": rep.summary(), "near_duplicates_found": counts["near_duplicates"],
        "extract": {k: v for k, v in ext.as_dict().items() if k != "rejected"}
        | {"rejected": len(ext.rejected)},
        "db_mb": round(sum(f.stat().st_size for f in workdir.glob("bench.db*")) / 2**20, 1),
        "load_avg_1min": {"before": round(load_before[0], 2),
                          "after": round(os.getloadavg()[0], 2)},
    })
    return result


def growth(progress: list[dict[str, Any]], every: int) -> dict[str, Any]:
    """ms per document of each `every`-document slice, per phase: flat means linear cost."""
    out: dict[str, Any] = {}
    for phase in ("ingest", "extract"):
        rows = [p for p in progress if p["phase"] == phase]
        # extract's clock starts where ingest's ended (one log, one clock)
        ing = [p for p in progress if p["phase"] == "ingest"]
        prev_done = 0
        prev_s: float | None = 0.0 if phase == "ingest" else (
            ing[-1]["seconds"] if ing else None)
        slices = []
        for p in rows:
            if prev_s is not None and p["done"] > prev_done:
                slices.append({"upto": p["done"], "ms_per_doc": round(
                    1000 * (p["seconds"] - prev_s) / (p["done"] - prev_done), 3)})
            prev_done, prev_s = p["done"], p["seconds"]
        if slices:  # the first slice carries start-up costs (pack load, caches): skip it
            base = slices[1] if len(slices) > 2 else slices[0]
            out[phase] = {"slices": slices, "last_over_warm_first": round(
                slices[-1]["ms_per_doc"] / base["ms_per_doc"], 2)
                if base["ms_per_doc"] else None}
    return out


def run_child(n: int, *, timeout: int, every: int, near_dup_share: float) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="sitrep-bench-") as tmp:
        progress_file = Path(tmp) / "progress.jsonl"
        cmd = [sys.executable, __file__, "--one", str(n), "--workdir", tmp, "--every",
               str(every), "--near-dup-share", str(near_dup_share)]
        started = time.perf_counter()
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, check=False, cwd=ROOT,
                                  timeout=timeout)
            out, err, code = proc.stdout, proc.stderr, proc.returncode
        except subprocess.TimeoutExpired as exc:
            out, err, code = "", str(exc), None
        progress = [json.loads(x) for x in progress_file.read_text().splitlines()
                    ] if progress_file.exists() else []
        if code == 0:
            result = json.loads(out.strip().splitlines()[-1])
        else:
            result = {"documents": n, "error": "timed out" if code is None
                      else (err.strip().splitlines() or ["?"])[-1],
                      "seconds_before_stop": round(time.perf_counter() - started, 1),
                      "reached": progress[-1] if progress else None}
        result["growth"] = growth(progress, every)
        return result


def profile(n: int, out: Path, *, preload: int = 0, top: int = 25) -> dict[str, Any]:
    """cProfile of ingest and of extract, separately, on n documents (in this process).

    With ``preload`` the store first receives that many other documents, unprofiled: the
    difference between a profile with and without it is what grows with the store."""
    from sitrep.pipeline import extract_pending
    from sitrep.sources import ingest
    from sitrep.store import Store

    report: dict[str, Any] = {"documents": n, "preloaded": preload}
    with tempfile.TemporaryDirectory(prefix="sitrep-profile-") as tmp:
        folder = Path(tmp)
        (folder / "pre").mkdir()
        pre, _ = write_manifest(preload, folder / "pre", seed=99) if preload else (None, [])
        manifest, _ = write_manifest(n, folder)
        store = Store(folder / "bench.db")
        try:
            if pre is not None:
                t0 = time.perf_counter()
                ingest(store, [str(pre)])
                extract_pending(store)
                report["preload_seconds"] = round(time.perf_counter() - t0, 1)
            extract_pending(store)  # loads the pack once outside the profile
            for phase, call in (("ingest", lambda: ingest(store, [str(manifest)])),
                                ("extract", lambda: extract_pending(store))):
                prof = cProfile.Profile()
                t0 = time.perf_counter()
                prof.runcall(call)
                report[f"{phase}_seconds"] = round(time.perf_counter() - t0, 2)
                name = f"profile-{phase}-{n}" + (f"-after-{preload}" if preload else "")
                prof.dump_stats(str(out / f"{name}.pstats"))
                for key in ("tottime", "cumulative"):
                    buf = io.StringIO()
                    pstats.Stats(prof, stream=buf).strip_dirs().sort_stats(key).print_stats(top)
                    (out / f"{name}-{key}.txt").write_text(buf.getvalue())
        finally:
            store.close()
    return report


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000",
                        help="comma-separated corpus sizes (default 1000,10000; the issue "
                             "asks for 1000,10000,100000)")
    parser.add_argument("--timeout", type=int, default=3600,
                        help="seconds allowed per size; a stopped size reports how far it got")
    parser.add_argument("--every", type=int, default=1000,
                        help="documents per progress slice (growth is measured per slice)")
    parser.add_argument("--near-dup-share", type=float, default=0.05,
                        help="share of generated documents that are wire copies (default 0.05)")
    parser.add_argument("--profile", type=int, metavar="N",
                        help="profile ingest and extract on N documents instead")
    parser.add_argument("--preload", type=int, default=0, metavar="M",
                        help="with --profile: first fill the store with M other documents")
    parser.add_argument("--out", default=str(ROOT / "bench-results"), help="results folder")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # child process mode
    parser.add_argument("--workdir", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    out = Path(args.out)
    if args.one:
        workdir = Path(args.workdir or tempfile.mkdtemp(prefix="sitrep-bench-"))
        log = ProgressLog(workdir / "progress.jsonl", args.every)
        print(json.dumps(run_one(args.one, workdir=workdir, log=log,
                                 near_dup_share=args.near_dup_share)))
        return
    out.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    if args.profile:
        result = profile(args.profile, out, preload=args.preload)
        (out / f"profile-{stamp}.json").write_text(json.dumps(result, indent=2) + "\n")
        print(json.dumps(result, indent=2))
        return
    runs = []
    for n in (int(s) for s in args.sizes.split(",") if s.strip()):
        runs.append(run_child(n, timeout=args.timeout, every=min(args.every, n),
                              near_dup_share=args.near_dup_share))
        print(json.dumps(runs[-1]), file=sys.stderr)
    per_doc = [r["ms_per_doc"] for r in runs if "ms_per_doc" in r]
    report = {
        "measured_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "machine": {"python": platform.python_version(), "platform": platform.platform(),
                    "cpus": os.cpu_count()},
        "seeds_used": SEEDS.is_dir(),
        "runs": runs,
        "growth_ms_per_doc_last_over_first": round(per_doc[-1] / per_doc[0], 3)
        if len(per_doc) > 1 else None,
        "targets": {"ratio_vs_spacy_blank": ">= 0.30", "peak_rss_mb_100k": "< 1024",
                    "growth": "flat ms per document"},
    }
    (out / f"bench-{stamp}.json").write_text(json.dumps(report, indent=2) + "\n")
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
