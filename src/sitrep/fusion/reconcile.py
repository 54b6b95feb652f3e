"""Reconciling what several sources say about one event.

Rules (docs/fusion.md):

* Every figure is kept with its source. Denied figures and copies from near-duplicate articles do
  not weigh; asserted > reported > suspected > claimed > unconfirmed.
* ``low`` is the smallest lower bound any weighing source gives; ``high`` the largest figure any
  gives; ``best`` follows ACLED's rule of the most conservative estimate: the smallest point
  estimate among the sources of the highest weight present.
* Dates and places: the most precise value that sources support wins; ties go to the value with
  more (weighted) support.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from typing import TypeVar

MODALITY_WEIGHT = {
    "asserted": 1.0, "reported": 0.8, "suspected": 0.5, "claimed": 0.4,
    "unconfirmed": 0.3, "denied": 0.0,
}

T = TypeVar("T", bound=Hashable)


@dataclass(frozen=True)
class Figure:
    """One number one source gives, as bounds: "at least 77" is low=77, high=None."""

    low: int
    high: int | None
    modality: str = "asserted"
    document_id: str = ""
    statement_id: str = ""
    independent: bool = True  # False for copies of another article (wire duplicates)

    @property
    def weight(self) -> float:
        return MODALITY_WEIGHT.get(self.modality, 0.5) if self.independent else 0.0

    @property
    def point(self) -> int:
        return self.low if self.high is None else (self.low + self.high) // 2


@dataclass(frozen=True)
class Reconciled:
    low: int | None
    best: int | None
    high: int | None
    figures: tuple[Figure, ...] = field(default_factory=tuple)

    def as_dict(self) -> dict[str, object]:
        return {
            "low": self.low, "best": self.best, "high": self.high,
            "figures": [
                {"low": f.low, "high": f.high, "modality": f.modality, "document": f.document_id,
                 "statement": f.statement_id, "independent": f.independent, "weight": f.weight}
                for f in self.figures
            ],
        }


def reconcile_figures(figures: Iterable[Figure]) -> Reconciled:
    """Competing figures → low / best / high, keeping every figure."""
    all_figs = tuple(figures)
    weighing = [f for f in all_figs if f.weight > 0]
    if not weighing:
        return Reconciled(None, None, None, all_figs)
    low = min(f.low for f in weighing)
    high = max(f.high if f.high is not None else f.low for f in weighing)
    top = max(f.weight for f in weighing)
    best = min(f.point for f in weighing if f.weight == top)
    return Reconciled(low, best, high, all_figs)


def choose_most_precise(values: Iterable[tuple[T, int, float]]) -> T | None:
    """Pick from ``(value, precision_rank, weight)``: lowest rank (most precise) first, then the
    most weighted support. Returns None when nothing weighs."""
    support: dict[tuple[int, T], float] = defaultdict(float)
    for value, rank, weight in values:
        if weight > 0:
            support[(rank, value)] += weight
    if not support:
        return None
    (rank, value), _ = min(support.items(), key=lambda kv: (kv[0][0], -kv[1]))
    return value


def copy_root(document_id: str, copies: dict[str, str]) -> str:
    """The original a near-duplicate (wire copy) was copied from; itself for an original."""
    seen = {document_id}
    while document_id in copies and copies[document_id] not in seen:
        document_id = copies[document_id]
        seen.add(document_id)
    return document_id


def independent_documents(document_ids: Iterable[str], copies: dict[str, str]) -> set[str]:
    """One document per group of copies: the original when it is among ``document_ids``,
    else the smallest id. Only these weigh in reconciliation and count as independent."""
    groups: dict[str, list[str]] = defaultdict(list)
    for doc in set(document_ids):
        groups[copy_root(doc, copies)].append(doc)
    return {root if root in docs else min(docs) for root, docs in groups.items()}
