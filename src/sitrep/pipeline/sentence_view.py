"""One sentence's mentions, bucketed once per document so each sentence only looks at its own
actors, dates, quantities and places (the event stage asks for them sentence by sentence)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .dates import DateMention
from .framework import WorkDoc
from .quantities import Quantity


@dataclass
class SentenceView:
    """One sentence's mentions (bucketed once, so each sentence only looks at its own)."""

    actors: list[Any] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    places: list[Any] = field(default_factory=list)


def sentence_views(work: WorkDoc) -> dict[int, SentenceView]:
    views: dict[int, SentenceView] = {}
    for name, items, pos in (("actors", work.actors, lambda x: x.start),
                             ("dates", work.dates, lambda x: x.start),
                             ("quantities", work.quantities, lambda x: x.start),
                             ("places", work.places, lambda x: x[0].start)):
        for item in items:
            sent = work.sentence_at(pos(item))
            if sent is not None:
                getattr(views.setdefault(sent.idx, SentenceView()), name).append(item)
    return views
