"""The relation development batch (corpus/dev-relations, gold/dev-relations.yaml) scored by the
real `sitrep eval` path: a floor that catches a rule change that breaks recall or precision."""

from __future__ import annotations

from pathlib import Path

from sitrep.eval import load_gold
from sitrep.eval.run import evaluate

GOLD = Path(__file__).resolve().parents[2] / "gold" / "dev-relations.yaml"


def test_dev_relations_gold_is_a_dev_batch_of_short_reports() -> None:
    gold = load_gold(GOLD)
    assert gold.split == "dev" and len(gold.documents) >= 25
    assert sum(len(d.relations) for d in gold.documents.values()) >= 90
    assert gold.corpus is not None and gold.corpus.is_file()


def test_dev_relations_score_stays_above_the_floor() -> None:
    report = evaluate([GOLD])
    rel = report["relations"]
    # measured 2026-11: P 1.00 R 0.70 F1 0.83; the floor leaves room for honest trade-offs
    assert rel["precision"] >= 0.85, rel
    assert rel["recall"] >= 0.6, rel


GOLD_B = GOLD.with_name("dev-relations-b.yaml")


def test_second_relation_batch_is_scored_with_the_dev_split() -> None:
    gold = load_gold(GOLD_B)
    assert gold.split == "dev" and len(gold.documents) == 53
    report = evaluate([GOLD_B])
    rel = report["relations"]
    # measured 2026-11: before any rule was tuned on it P 0.80 R 0.19 F1 0.31 (the unseen
    # estimate); after session 3's general rules P 0.96 R 0.58 F1 0.72. Round 2 added nine
    # texts in each of three batches, each scored before its rules were written: 021-029 first
    # sight P 0.86 R 0.33 F1 0.48, 030-038 P 0.88 R 0.34 F1 0.49, 039-047 P 0.93 R 0.44 F1 0.60;
    # batch 5 (048-053), scored after all of them: P 0.50 R 0.10 F1 0.17. All 53 after its
    # rules: P 0.98 R 0.68 F1 0.80
    assert rel["precision"] >= 0.9, rel
    assert rel["recall"] >= 0.65, rel
