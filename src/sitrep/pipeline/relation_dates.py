"""When a relation holds, from the date phrases around the construction that states it.

One placement rule (``_place_date``) serves both kinds of date phrase: the explicit years a
regular expression finds in the masked sentence ("in 2012", "from 2015 to 2017", "until March
2020") and the pipeline's resolved date mentions ("on 1 August", "last week"), which need the
publication date.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december"]
_MONTH_RE = "|".join(m.capitalize() for m in MONTHS)
_DATE_RE = re.compile(
    rf"\b(?P<prep>(?i:in|since|from|until|till|by|after|before|as of|during|"
    rf"(?:at the )?(?:end|start|beginning|middle|turn) of))\s+"
    rf"(?:(?P<qual>early|mid|late)[- ]?)?(?:(?P<month>{_MONTH_RE})\s+)?(?P<year>(?:19|20)\d\d)\b"
    rf"(?:\s*(?:to|-|–|and)\s*(?P<year2>(?:19|20)\d\d))?")
# An apposition a construction may skip over: ", founded in 2011,".
ENCLOSED = re.compile(r",\s[^,;]{1,80}?,")


_T_ = TypeVar("_T_")
Dates = tuple[str | None, str | None, str | None, str | None]  # start, precision, end, precision


def _place_date(candidates: Iterable[_T_], bounds: Callable[[_T_], tuple[int, int]],
                span: tuple[int, int], skipped: Sequence[tuple[int, int]], sentence_start: int,
                clear_gap: Callable[[int, int], bool]) -> _T_ | None:
    """Which date phrase dates a construction at ``span``: the first inside it (not inside an
    apposition it skips over: "X, founded in 2011, fights Y" dates the apposition), or right
    after it with a clear gap (``clear_gap``: short, no other actor or clause in between); else
    the last one opening the sentence ("In 2012, X split from Y"). Shared by the bare-year
    regular expression and the pipeline's resolved date mentions."""
    chosen = None
    for cand in candidates:
        start, end = bounds(cand)
        inside = (span[0] <= start and end <= span[1]
                  and not any(a <= start and end <= b for a, b in skipped))
        after = start >= span[1] and clear_gap(span[1], start)
        opening = start - sentence_start <= 3 and end <= span[0]
        if inside or after or opening:
            chosen = cand
            if inside or after:
                break
    return chosen


def date_phrase(masked: str, m_start: int, m_end: int) -> Dates:
    """Start/end of a relation from an explicit year phrase in the masked sentence."""
    skipped = [(e.start(), e.end()) for e in ENCLOSED.finditer(masked, m_start, m_end)]
    chosen = _place_date(
        _DATE_RE.finditer(masked), lambda dm: (dm.start(), dm.end()), (m_start, m_end),
        skipped, 0, lambda a, b: b - a <= 40 and not any(c in masked[a:b] for c in "⟦,;"))
    if chosen is None:
        return None, None, None, None
    year = chosen.group("year")
    month = chosen.group("month")
    value, precision = year, "year"
    if month:
        value, precision = f"{year}-{MONTHS.index(month.lower()) + 1:02d}", "month"
    prep = chosen.group("prep").lower()
    if chosen.group("year2"):
        return value, precision, chosen.group("year2"), "year"
    if prep in ("until", "till", "before"):
        return None, None, value, precision
    return value, precision, None, None


_UNTIL_BEFORE = re.compile(r"\b(?:until|till|before|up to)\s+(?:the\s+)?$", re.I)


def resolved_date(text: str, dates: Sequence[Any], span: tuple[int, int],
                   skipped: list[tuple[int, int]], sentence: tuple[int, int],
                   actors: Sequence[Any]) -> Dates:
    """The same placement over the pipeline's resolved date mentions (document coordinates):
    they also date "in May", "on Saturday", "last week" against the publication date."""
    def clear_gap(a: int, b: int) -> bool:
        return (b - a <= 40 and not any(c in text[a:b] for c in ",;")
                and not any(a <= act.start < b for act in actors))

    chosen = _place_date((dm for dm in dates if sentence[0] <= dm.start and dm.end <= sentence[1]),
                         lambda dm: (dm.start, dm.end), span, skipped, sentence[0], clear_gap)
    if chosen is None:
        return None, None, None, None
    if _UNTIL_BEFORE.search(text[max(sentence[0], chosen.start - 12):chosen.start]):
        return None, None, chosen.value, chosen.precision
    return chosen.value, chosen.precision, None, None
