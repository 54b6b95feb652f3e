"""Every gold file in the repository loads and points at documents that exist."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from sitrep.eval import GoldSet, load_gold, score_sets
from sitrep.eval.run import split_files

ROOT = Path(__file__).resolve().parents[2]
GOLD_DIR = ROOT / "gold"


def manifest_keys(manifest: Path) -> dict[str, dict[str, object]]:
    keys = {}
    for line in manifest.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            keys[row.get("id") or row["path"]] = row
            if "path" in row:
                keys[row["path"]] = row
                assert (manifest.parent / row["path"]).is_file(), row["path"]
    return keys


OWN_GOLD = sorted(p.stem for split in ("dev", "heldout", "demo")
                  for p in split_files(GOLD_DIR, split))


@pytest.mark.parametrize("name", OWN_GOLD)
def test_own_gold_sets_load_and_match_their_corpus(name: str) -> None:
    gold = load_gold(GOLD_DIR / f"{name}.yaml")
    split = name.split("-")[0]
    assert gold.split == split and gold.corpus is not None and gold.corpus.is_file()
    keys = manifest_keys(gold.corpus)
    assert set(gold.documents) <= set(keys)
    ids = {k for k, row in keys.items() if k == (row.get("id") or row.get("path"))}
    assert set(gold.documents) == ids, "every document of the corpus has gold (maybe empty)"


def test_dev_and_heldout_are_big_enough_and_disjoint() -> None:
    devs = [load_gold(p) for p in split_files(GOLD_DIR, "dev")]
    helds = [load_gold(p) for p in split_files(GOLD_DIR, "heldout")]
    dev_ids = [k for g in devs for k in g.documents]
    held_ids = [k for g in helds for k in g.documents]
    assert len(dev_ids) + len(held_ids) >= 80 and len(held_ids) >= 20
    assert len(set(dev_ids)) == len(dev_ids) and len(set(held_ids)) == len(held_ids)
    assert not set(dev_ids) & set(held_ids)
    texts = {json.loads(line)["text"] for g in devs
             for line in g.corpus.read_text().splitlines()}  # type: ignore[union-attr]
    for g in helds:
        for line in g.corpus.read_text().splitlines():  # type: ignore[union-attr]
            assert json.loads(line)["text"] not in texts
    # reports with no event at all keep false alarms honest
    assert sum(1 for g in devs for d in g.documents.values() if not d.events) >= 5


# batches written with longer items on purpose (dev-t: weekly round-ups of 150-300 words; dev-x:
# news stories of 150-320 words; dev-aa: francophone news stories of 80-220 words; dev-ad and
# dev-ae: rights reports, situation reports, communiqués and timelines of 60-300 words; dev-af:
# wire dispatches of 80-350 words; dev-ag: briefs, alerts and features of 40-300 words)
_LONG_BATCHES = {"dev-t.yaml": 320, "dev-x.yaml": 330, "dev-aa.yaml": 230, "dev-ab.yaml": 270,
                 "dev-ac.yaml": 270, "dev-ad.yaml": 300, "dev-ae.yaml": 300, "dev-af.yaml": 350,
                 "dev-ag.yaml": 300}


def test_short_reports_have_the_promised_length() -> None:
    for path in [p for split in ("dev", "heldout") for p in split_files(GOLD_DIR, split)]:
        manifest = load_gold(path).corpus
        assert manifest is not None
        most = _LONG_BATCHES.get(path.name, 150)
        for line in manifest.read_text(encoding="utf-8").splitlines():
            words = len(json.loads(line)["text"].split())
            assert 40 <= words <= most, (path.name, words)
    for path in (ROOT / "corpus" / "demo").glob("*.txt"):
        assert 150 <= len(path.read_text(encoding="utf-8").split()) <= 400, path.name


def test_seed_gold_refers_to_the_seed_files(seeds_dir: Path) -> None:
    gold = load_gold(GOLD_DIR / "seeds.yaml")
    assert gold.corpus is not None and gold.corpus.resolve() == (
        seeds_dir / "manifest.jsonl").resolve()
    keys = manifest_keys(gold.corpus)
    assert set(gold.documents) == {k for k in keys if k.endswith(".txt")}
    for key in gold.documents:
        assert (seeds_dir / key).is_file()
    assert gold.n_relations >= 20


def gold_as_records(gold: GoldSet) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """What a perfect system would export for this gold (first alternative of each choice)."""
    events, relations = [], []
    for key, doc in gold.documents.items():
        src = [{"document": key, "quote": "", "start": 0, "end": 0}]
        for g in doc.events:
            events.append({
                "event_id": f"{key}-{g.index}", "event_date": g.date.start.isoformat(),
                "date_precision": g.date.precision,
                "event_type": g.event_type, "sub_event_type": g.sub_event_type,
                "actor1": g.actor1[0] if g.actor1 else None,
                "actor2": g.actor2[0] if g.actor2 else None,
                "claimed_by": [alts[0] for alts in g.claimed_by], "country": g.country,
                "location": g.location, "latitude": g.latitude, "longitude": g.longitude,
                "fatalities": g.fatalities.low if g.fatalities else None,
                "injured": g.injured.high if g.injured else None,
                "abducted": g.abducted.low if g.abducted else None, "sources": src})
        for r in doc.relations:
            relations.append({"subject": r.subject[0], "predicate": r.predicate,
                              "object": r.object[0], "start": str(r.start or "") or None,
                              "end": str(r.end or "") or None, "sources": src})
    return events, relations


@pytest.mark.parametrize("name", [*OWN_GOLD, "seeds"])
def test_a_perfect_system_scores_one_on_every_gold_set(name: str) -> None:
    """Self-consistency of gold and scorer: gold replayed as predictions is perfect."""
    gold = load_gold(GOLD_DIR / f"{name}.yaml")
    events, relations = gold_as_records(gold)
    report = score_sets([gold], events, relations, background="required")
    assert report["events"]["f1"] == 1.0, report["diff"][:3]
    for name, counts in report["fields"].items():
        assert counts["fp"] == 0 and counts["fn"] == 0, (name, counts)
    if gold.n_relations:
        assert report["relations"]["f1"] == 1.0
    # and dropping every prediction of one document shows up as misses there only
    first = next(k for k, d in gold.documents.items() if d.events)
    report = score_sets([gold], [e for e in events
                                 if e["sources"][0]["document"] != first], relations)
    assert [d["document"] for d in report["diff"]] == [first]
