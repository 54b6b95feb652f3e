"""Numbers as news reports write them: "77", "3,000", "twenty-one", "dozens", "at least 77".

A count is kept as bounds, not a single guess: "at least 77" is ``low=77``; "more than 100" is
``low=101``; "nearly 3,000" is about 3000 (``high=3000``); "between 20 and 30" is 20..30;
"dozens" is ``low=24``. Reconciliation (``sitrep.fusion.reconcile``) works on these bounds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
# Vague amounts: (low, high) the phrase commits to.
_VAGUE = {
    "a dozen": (12, 12), "dozen": (12, 12), "dozens": (24, None), "scores": (40, None),
    "hundreds": (200, None), "thousands": (2000, None), "several": (3, None),
    "a handful": (3, 5), "a few": (2, None), "a couple": (2, 2), "two dozen": (24, 24),
    "several dozen": (36, None), "several hundred": (300, None),
    "a hundred": (100, 100), "a thousand": (1000, 1000),
}

_WORD = "|".join(sorted([*_UNITS, *_TENS, *_SCALES], key=len, reverse=True))
_WORDNUM = rf"(?:(?:{_WORD})(?:[\s-]+(?:and[\s-]+)?(?:{_WORD}))*)"
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s*(?:million|thousand))?"
_VAGUE_RE = "|".join(sorted((re.escape(k) for k in _VAGUE), key=len, reverse=True))
NUMBER = rf"(?:{_DIGITS}|(?:{_VAGUE_RE})\b|\b{_WORDNUM}\b)"

_QUAL_LOW = r"at least|no fewer than|no less than|a minimum of|upwards of|as many as"
_QUAL_MORE = r"more than|over|in excess of|upward of"
_QUAL_ABOUT = (r"about|around|roughly|approximately|some|an estimated|estimated|nearly|almost|"
               r"close to")
_QUAL_MAX = r"up to|fewer than|less than|at most|under"
QUANTITY = (
    rf"(?:(?P<q>{_QUAL_LOW}|{_QUAL_MORE}|{_QUAL_ABOUT}|{_QUAL_MAX})\s+)?"
    rf"(?:between\s+(?P<a>{NUMBER})\s+and\s+(?P<b>{NUMBER})|(?P<n>{NUMBER})"
    rf"(?:\s*(?:to|-|–|or)\s*(?P<n2>{NUMBER}))?)"
)
QUANTITY_RE = re.compile(rf"(?<![\w.,]){QUANTITY}(?![\w])", re.I)


@dataclass(frozen=True)
class Count:
    """A count as bounds; ``value`` is the conservative point (ACLED codes the lower figure)."""

    value: int
    low: int | None
    high: int | None
    approximate: bool = False


def parse_number(text: str) -> int | None:
    """'3,000' -> 3000, 'twenty-one' -> 21, 'two hundred and five' -> 205, '1.2 million'."""
    s = text.strip().lower()
    if not s:
        return None
    m = re.fullmatch(r"(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(million|thousand)?", s)
    if m:
        base = float(m.group(1).replace(",", "") + (m.group(2) or ""))
        scale = {"million": 1_000_000, "thousand": 1000}.get(m.group(3) or "", 1)
        return int(round(base * scale))
    if s in _VAGUE:
        return _VAGUE[s][0]
    total, current, seen = 0, 0, False
    for word in re.split(r"[\s-]+", s):
        if word == "and" or not word:
            continue
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word in ("thousand", "million"):
            total += max(current, 1) * _SCALES[word]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def _bounds(word: str) -> tuple[int, int | None] | None:
    s = " ".join(word.lower().split())
    if s in _VAGUE:
        return _VAGUE[s]
    n = parse_number(s)
    return None if n is None else (n, n)


def parse_count(match: re.Match[str]) -> Count | None:
    """Turn a ``QUANTITY_RE`` match into bounds."""
    qual = (match.group("q") or "").lower()
    if match.group("a"):
        a, b = _bounds(match.group("a")), _bounds(match.group("b"))
        if not a or not b:
            return None
        return Count(a[0], a[0], b[1] if b[1] is not None else b[0])
    first = _bounds(match.group("n"))
    if first is None:
        return None
    low, high = first
    if match.group("n2"):
        second = _bounds(match.group("n2"))
        if second is None:
            return None
        if second[0] < low:  # "20-30" but not "2024-25"-like noise
            return None
        return Count(low, low, second[1] if second[1] is not None else second[0])
    if not qual:
        return Count(low, low, high, approximate=high is None)
    if re.fullmatch(_QUAL_LOW, qual):
        return Count(low, low, None)
    if re.fullmatch(_QUAL_MORE, qual):
        return Count(low + 1, low + 1, None)
    if re.fullmatch(_QUAL_MAX, qual):
        cap = low - 1 if qual in ("fewer than", "less than", "under") else low
        return Count(cap, None, cap, approximate=True)
    if qual in ("nearly", "almost", "close to"):
        return Count(low, None, low, approximate=True)
    return Count(low, None, None, approximate=True)  # about / around / some
