"""A small pipeline framework: stages registered by name, each with one contract.

A stage is a function ``(work: WorkDoc) -> None`` registered with
``@stage("dates", needs=("sentences",), adds=("dates",))``. It reads the attributes it needs and
sets the ones it adds. ``Pipeline(names)`` checks, before any document runs, that every stage is
registered (E301) and that each stage's needs are added by an earlier stage (E302), so a
misconfigured pipeline fails at once instead of on the thousandth document. A better extractor
replaces a rule-based one by registering under a new name and listing it instead.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..errors import Errors, SitrepError
from ..model import Document, Statement
from .dates import DateMention, Publication
from .quantities import Quantity

StageFn = Callable[["WorkDoc"], None]


@dataclass(frozen=True)
class Stage:
    name: str
    fn: StageFn
    needs: tuple[str, ...]
    adds: tuple[str, ...]
    doc: str = ""


REGISTRY: dict[str, Stage] = {}


def stage(name: str, *, needs: Sequence[str] = (), adds: Sequence[str] = ()
          ) -> Callable[[StageFn], StageFn]:
    """Register a stage under ``name`` (a later registration under the same name replaces it)."""
    def register(fn: StageFn) -> StageFn:
        REGISTRY[name] = Stage(name, fn, tuple(needs), tuple(adds),
                               (fn.__doc__ or "").strip().splitlines()[0] if fn.__doc__ else "")
        return fn
    return register


@dataclass
class Sentence:
    idx: int
    start: int
    end: int
    text: str


@dataclass
class WorkDoc:
    """Everything the stages know about one document; each stage fills its own fields."""

    document: Document
    pack: Any = None
    publication: Publication | None = None
    sentences: list[Sentence] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    actors: list[Any] = field(default_factory=list)  # pack ActorMention, document coordinates
    places: list[Any] = field(default_factory=list)  # pack PlaceMention, document coordinates
    triggers: list[Any] = field(default_factory=list)
    mentions: list[Any] = field(default_factory=list)  # EventMention (per document)
    relations: list[Any] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.document.text

    def sentence_at(self, pos: int) -> Sentence | None:
        """The sentence containing character ``pos`` (binary search)."""
        lo, hi = 0, len(self.sentences) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            s = self.sentences[mid]
            if pos < s.start:
                hi = mid - 1
            elif pos >= s.end:
                lo = mid + 1
            else:
                return s
        return None


class StageError(Exception):
    """A stage failed on one document; the batch sets the document aside and goes on."""

    def __init__(self, name: str, document: Document, exc: BaseException) -> None:
        self.stage = name
        self.document = document
        self.error = SitrepError(Errors.E303, name=name, doc=document.origin,
                                 detail=f"{type(exc).__name__}: {exc}")
        super().__init__(str(self.error))


class Pipeline:
    """An ordered, validated list of registered stages."""

    def __init__(self, names: Sequence[str]) -> None:
        known = ", ".join(sorted(REGISTRY))
        stages: list[Stage] = []
        have: set[str] = set()
        for name in names:
            if name not in REGISTRY:
                raise SitrepError(Errors.E301, name=name, known=known)
            st = REGISTRY[name]
            missing = [n for n in st.needs if n not in have]
            if missing:
                raise SitrepError(Errors.E302, name=name, needs=missing[0])
            have.update(st.adds)
            stages.append(st)
        self.stages = stages

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def __call__(self, work: WorkDoc, *, timed: bool = False) -> WorkDoc:
        import time

        for st in self.stages:
            t0 = time.perf_counter() if timed else 0.0
            try:
                st.fn(work)
            except SitrepError:
                raise
            except Exception as exc:  # noqa: BLE001 - any bug in a stage sets the doc aside
                raise StageError(st.name, work.document, exc) from exc
            if timed:
                work.timings[st.name] = work.timings.get(st.name, 0.0) + time.perf_counter() - t0
        return work
