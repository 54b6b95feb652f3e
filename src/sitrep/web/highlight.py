"""Cut untrusted article text into plain and highlighted segments.

Templates never mark article text as safe: they loop over these segments and let Jinja escape
each piece, so highlighting cannot open a path for markup in the article to run.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

# which link a piece of text gets when several spans of the same length cover it
_LINK_RANK = {"actor": 0, "relation": 1, "statement": 2, "event": 3}


@dataclass
class Segment:
    text: str
    start: int
    marks: list[dict[str, Any]] = field(default_factory=list)

    @property
    def mark(self) -> dict[str, Any] | None:
        """The innermost (shortest) span covering this piece: the one its link goes to. Among
        spans of the same length (an actor read from the trigger word itself, "gunmen"), the
        most specific thing wins: an actor's page before a relation, a claim or the event."""
        if not self.marks:
            return None
        return min(self.marks, key=lambda m: (m["end"] - m["start"],
                                              _LINK_RANK.get(str(m.get("kind")), len(_LINK_RANK))))

    @property
    def anchor(self) -> bool:
        """A span begins here: the document page gives it an id (``#c<offset>``) so claims,
        sources and relations can link to the exact place they were read from."""
        return any(m.get("start") == self.start for m in self.marks)

    @property
    def title(self) -> str:
        return "; ".join(_describe(m) for m in self.marks)


def claim_value(value: object) -> str:
    """A statement value for reading: figures stored as JSON become '200' or '150-400'."""
    text = str(value)
    if not text.startswith("{"):
        return text
    try:
        fig = json.loads(text)
    except ValueError:
        return text
    if not isinstance(fig, dict):
        return text
    low, high, point = fig.get("low"), fig.get("high"), fig.get("point")
    shown = str(point) if point is not None else "–".join(str(v) for v in (low, high)
                                                         if v is not None) or text
    if point is not None and (low, high) not in ((point, point), (point, None), (None, None)):
        shown += f" ({low if low is not None else '?'}–{high if high is not None else '?'})"
    shown += " (approx.)" if fig.get("approximate") else ""
    side = fig.get("side") or fig.get("part_of")
    return shown + (f" [{side}]" if isinstance(side, str) and side else "")


def _describe(m: dict[str, Any]) -> str:
    parts = [str(m.get("property") or m.get("kind") or "mention")]
    if m.get("value") not in (None, ""):
        parts.append(f"= {claim_value(m['value'])}")
    if m.get("modality"):
        parts.append(f"({m['modality']})")
    if m.get("attribution"):
        parts.append(f"- {m['attribution']}")
    return " ".join(parts)


def segments(text: str, spans: list[dict[str, Any]], *, offset: int = 0) -> list[Segment]:
    """Split ``text`` (which starts at document offset ``offset``) at every span boundary;
    overlapping and nested spans are both kept on the pieces they cover."""
    n = len(text)
    clipped = []
    for s in spans:
        a, b = s.get("start"), s.get("end")
        if a is None or b is None:
            continue
        a, b = max(a - offset, 0), min(b - offset, n)
        if a < b:
            clipped.append((a, b, s))
    cuts = sorted({0, n, *(a for a, _, _ in clipped), *(b for _, b, _ in clipped)})
    out = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        covering = [s for sa, sb, s in clipped if sa <= a and b <= sb]
        out.append(Segment(text[a:b], a + offset, covering))
    return out
