"""Precision, recall and F1 of predicted events and relations against gold.

Scores are end to end, the way a user meets them: a field's recall counts every gold value the
system failed to produce, including those of events it missed entirely, and its precision
counts every value on a false alarm as wrong. Aligned pairs with a wrong value count twice (a
wrong value is also a missing right one), as in the NGEC and ACE evaluations.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from .gold import GoldDocument, GoldSet
from .match import align, align_relations, field_checks, relation_dates_match

FIELDS = ("date", "country", "place", "event_type", "sub_event_type", "actor1", "actor2",
          "claimed_by", "fatalities", "injured", "abducted")
# The mean that "overall" reports: detection plus the fields every coder is judged on.
OVERALL_FIELDS = ("date", "country", "place", "event_type", "actor1", "actor2", "fatalities")
BACKGROUND_MODES = ("optional", "required")


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def empty(self) -> bool:
        return not (self.tp or self.fp or self.fn)

    def to_dict(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4)}


@dataclass
class Scores:
    events: Counts = field(default_factory=Counts)
    fields: dict[str, Counts] = field(default_factory=lambda: {f: Counts() for f in FIELDS})
    relations: Counts = field(default_factory=Counts)
    relation_dates_correct: int = 0
    relation_dates_total: int = 0
    documents: int = 0

    def add(self, other: Scores) -> None:
        self.events.add(other.events)
        for name, c in other.fields.items():
            self.fields[name].add(c)
        self.relations.add(other.relations)
        self.relation_dates_correct += other.relation_dates_correct
        self.relation_dates_total += other.relation_dates_total
        self.documents += other.documents

    @property
    def overall_f1(self) -> float:
        parts = [self.events.f1] + [self.fields[f].f1 for f in OVERALL_FIELDS
                                    if not self.fields[f].empty]
        return sum(parts) / len(parts)

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "overall_f1": round(self.overall_f1, 4),
            "events": self.events.to_dict(),
            "fields": {name: c.to_dict() for name, c in self.fields.items()},
            "relations": self.relations.to_dict(),
            "relation_dates": {
                "correct": self.relation_dates_correct, "total": self.relation_dates_total,
                "accuracy": round(self.relation_dates_correct / self.relation_dates_total, 4)
                if self.relation_dates_total else None},
        }


def _summary(pred: dict[str, Any]) -> str:
    date = pred.get("event_date") or "?"
    where = pred.get("location") or pred.get("country") or "?"
    dead = f", {pred['fatalities']} killed" if pred.get("fatalities") is not None else ""
    return (f"{date} {pred.get('event_type') or '?'}/{pred.get('sub_event_type') or '-'} at "
            f"{where} by {pred.get('actor1') or '?'}{dead}")


def _quote(record: dict[str, Any], key: str) -> str | None:
    for src in record.get("sources") or []:
        doc = src.get("document")
        if doc and key_variants(str(doc)) & key_variants(key) and src.get("quote"):
            return str(src["quote"])[:200]
    return None


def key_variants(ref: str | None) -> set[str]:
    """A document reference as the gold may name it: as given, its file name, its stem.

    A part of a split file (``article.txt#2``) belongs to the file's gold.
    """
    if not ref:
        return set()
    ref = str(ref).rstrip("/").split("#")[0]
    name = PurePath(ref.split("?")[0]).name
    return {ref, name, PurePath(name).stem}


def assign(records: Iterable[dict[str, Any]], documents: dict[str, GoldDocument],
           aliases: dict[str, set[str]] | None = None) -> dict[str, list[dict[str, Any]]]:
    """Give each predicted record to every gold document among its sources."""
    index: dict[str, str] = {}
    for key in documents:
        for name in (key, *sorted((aliases or {}).get(key, ()))):
            for variant in key_variants(name):
                index.setdefault(variant, key)
    out: dict[str, list[dict[str, Any]]] = {key: [] for key in documents}
    for rec in records:
        vias: dict[str, list[str]] = {}  # gold document -> how its own sources support rec
        for src in rec.get("sources") or []:
            for variant in key_variants(src.get("document")):
                hit = index.get(variant)
                if hit is not None:
                    via = vias.setdefault(hit, [])
                    if src.get("via") and src["via"] not in via:
                        via.append(src["via"])
                    break
        for hit, via in vias.items():
            # a relation one report states and another only implies through an event is, for
            # the second report, event evidence: its origins are those of its own sources
            out[hit].append({**rec, "origins": via} if via else rec)
    return out


def _stated(record: dict[str, Any]) -> bool:
    """Whether a predicted relation was read from text (records without an origin were)."""
    origins = record.get("origins") or [record.get("origin") or "text"]
    return "text" in origins


def score_document(doc: GoldDocument, events: list[dict[str, Any]],
                   relations: list[dict[str, Any]], *, background: str = "optional",
                   ) -> tuple[Scores, dict[str, Any]]:
    """Scores of one document and its diff (misses, false alarms, wrong fields)."""
    s = Scores(documents=1)
    diff: dict[str, Any] = {"document": doc.key, "missed": [], "false_alarms": [],
                            "field_errors": [], "relations_missed": [],
                            "relations_false": []}
    pairs = align(doc.events, events)
    aligned_g = {g for g, _ in pairs}
    aligned_p = {p for _, p in pairs}
    for gi, pi in pairs:
        s.events.tp += 1
        checks = field_checks(doc.events[gi], events[pi])
        for name, c in checks.items():
            _count(s.fields[name], c.gold, c.pred, c.correct)
            if (c.gold or c.pred) and not c.correct:
                diff["field_errors"].append({
                    "gold": doc.events[gi].summary(), "field": name,
                    "expected": _gold_value(doc.events[gi], name),
                    "predicted": events[pi].get("event_date" if name == "date" else
                                                "location" if name == "place" else name)})
    for gi, g in enumerate(doc.events):
        if gi in aligned_g or (g.background and background == "optional"):
            continue
        s.events.fn += 1
        for name, c in field_checks(g, None).items():
            _count(s.fields[name], c.gold, c.pred, c.correct)
        diff["missed"].append(g.summary() + (" [background]" if g.background else ""))
    for pi, p in enumerate(events):
        if pi in aligned_p:
            continue
        s.events.fp += 1
        for name, c in field_checks(None, p).items():
            _count(s.fields[name], c.gold, c.pred, c.correct)
        diff["false_alarms"].append({"event": _summary(p), "quote": _quote(p, doc.key)})

    gold_rel = [r for r in doc.relations if background == "required" or not r.background]
    # what the knowledge pack already knew is not something read from this document
    relations = [r for r in relations if set(r.get("origins") or [r.get("origin") or "text"])
                 - {"pack"}]
    rel_pairs = align_relations(doc.relations, relations)
    matched_g = {g for g, _ in rel_pairs}
    matched_p = {p for _, p in rel_pairs}
    s.relations.tp = len(rel_pairs)
    s.relations.fn = sum(1 for i, r in enumerate(doc.relations)
                         if i not in matched_g and r in gold_rel)
    # Gold holds the relations a text states. Relations derived from events (attacker vs target)
    # or copied from the pack can satisfy a gold relation, but an unmatched one is not a false
    # alarm of relation extraction: the events behind it are scored as events.
    stated = [i for i, r in enumerate(relations) if _stated(r)]
    s.relations.fp = sum(1 for i in stated if i not in matched_p)
    for gi, pi in rel_pairs:
        ok = relation_dates_match(doc.relations[gi], relations[pi])
        if ok is not None:
            s.relation_dates_total += 1
            s.relation_dates_correct += int(ok)
    diff["relations_missed"] = [r.summary() for i, r in enumerate(doc.relations)
                                if i not in matched_g and r in gold_rel]
    diff["relations_false"] = [f"{r.get('subject')} {r.get('predicate')} {r.get('object')}"
                               for i, r in enumerate(relations)
                               if i not in matched_p and _stated(r)]
    return s, diff


def _count(c: Counts, gold: bool, pred: bool, correct: bool) -> None:
    if correct:
        c.tp += 1
        return
    if pred:
        c.fp += 1
    if gold:
        c.fn += 1


def _gold_value(g: Any, name: str) -> Any:
    value = {"date": g.date, "place": g.location}.get(name, getattr(g, name, None))
    if isinstance(value, tuple):
        parts = [" | ".join(v) if isinstance(v, tuple) else v for v in value]
        return (" + " if name == "claimed_by" else " | ").join(parts) or None
    return None if value is None else str(value)


def score_sets(gold_sets: list[GoldSet], events: list[dict[str, Any]],
               relations: list[dict[str, Any]], *, background: str = "optional",
               ) -> dict[str, Any]:
    """Score predictions against several gold sets: totals, per split and per document."""
    total = Scores()
    by_split: dict[str, Scores] = {}
    diffs = []
    for gs in gold_sets:
        ev_by_doc = assign(events, gs.documents, gs.aliases)
        rel_by_doc = assign(relations if gs.relations_annotated else [], gs.documents,
                            gs.aliases)
        split_scores = by_split.setdefault(gs.split, Scores())
        for key, doc in gs.documents.items():
            s, diff = score_document(doc, ev_by_doc[key], rel_by_doc[key],
                                     background=background)
            split_scores.add(s)
            total.add(s)
            if any(diff[k] for k in diff if k != "document"):
                diff["split"] = gs.split
                diffs.append(diff)
    return {
        "gold": [str(gs.path) for gs in gold_sets],
        "background": background,
        **total.to_dict(),
        "by_split": {name: sc.to_dict() for name, sc in by_split.items()},
        "diff": diffs,
    }
