"""The event mention: one trigger in one sentence with its arguments (shared by the stages
that read a sentence, type an event and group mentions into document events)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .dates import DateMention
from .framework import Sentence
from .quantities import Quantity
from .triggers import Trigger

PLACEHOLDERS = ("unidentified", "state_forces", "civilians", "country:", "unknown")
VIOLENT = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})


@dataclass
class Arg:
    """An actor in a role, with the mention it was read from."""

    role: str  # actor1 | assoc_actor_1 | actor2 | assoc_actor_2 | claimed_by
    actor_id: str
    mention: Any


# the note on a mention whose only date is the day the report was given ("..., the minister
# said on Thursday"): a day after the event, not the event's
REPORT_DATE = "dated by the report only"
SUMMARY = "the toll of several events counted together is left out"


@dataclass
class EventMention:
    id: str
    document_id: str
    sentence: Sentence
    trigger: Trigger
    event_type: str
    sub_event_type: str
    date: DateMention | None = None
    place: Any = None  # (PlaceMention, ResolvedPlace)
    args: list[Arg] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    modality: str = "asserted"
    attribution: str | None = None
    background: bool = False
    anaphoric: bool = False
    count_only: bool = False
    quoted: bool = False  # told inside the quote that opens its sentence ("'They came at dawn,'")
    target: str | None = None  # "civilians" | "armed" when the text says who was hit
    target_span: tuple[int, int] | None = None  # the words that say it ("villagers", "a market")
    event_key: int = -1  # index of the document event it belongs to
    notes: list[str] = field(default_factory=list)

    @property
    def named_actors(self) -> set[str]:
        """Actors the text names ("JNIM", "the Malian army"), not generic words that context
        resolved ("soldiers" in Mali): only a name pins a sentence to one event."""
        return {a.actor_id for a in self.args if not a.actor_id.startswith(PLACEHOLDERS)
                and getattr(a.mention, "kind", "named") == "named"}

    @property
    def known_actors(self) -> set[str]:
        """Registry actors, named or resolved from context ("soldiers" in Mali is the army)."""
        return {a.actor_id for a in self.args if not a.actor_id.startswith(PLACEHOLDERS)}

    @property
    def place_id(self) -> str | None:
        return self.place[1].place.id if self.place else None



@dataclass(frozen=True)
class Span:
    """A position standing in for a mention when a role is inferred, not read."""

    start: int
    end: int
    kind: str = "generic"
