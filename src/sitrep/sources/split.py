"""Find where one file holds two or more articles run together.

A new article starts at a headline: a short, title-cased line without final punctuation that
comes after substantial text and is followed by substantial text. A section subhead inside an
article looks similar, so a boundary also needs a second, independent sign of a new page: the
headline repeated a few lines later (scraped carousels and figure blocks repeat it), or a
byline or dateline right after it. Blank lines before it are noted but are not enough alone.
Lines that look like headlines but lack that sign are reported as ``uncertain`` and the text
stays whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

MIN_PART_CHARS = 800  # both sides of a boundary must hold at least a short article
MAX_HEADLINE_CHARS = 160
REPEAT_WINDOW = 12  # lines after a headline in which a repeat counts
FUNCTION_WORDS = {
    "a", "an", "the", "of", "in", "on", "to", "and", "or", "for", "at", "by", "with", "from",
    "up", "as", "is", "are", "its", "vs", "via", "into", "over", "after", "amid", "than", "but",
    "de", "la", "le", "les", "du", "des", "et", "en", "au", "aux",
}
BYLINE = re.compile(r"^(?:[Bb]y|[Pp]ar)\s+[A-Z][\w.'’-]+(\s+[A-Z][\w.'’-]+){0,3}\b", re.UNICODE)
DATELINE = re.compile(r"^[A-Z][A-Z .'’-]{2,30}(,\s*[A-Z][\w .]{2,20})?\s*(\(\w+\))?\s*[—–-]\s")
END_PUNCT = tuple(".!?,;:\"”’)»")
# Blank lines alone also separate sections inside one article, so they only support a cut.
STRONG_SIGNALS = {"headline_repeated", "byline_or_dateline"}


@dataclass
class SplitResult:
    """The parts of a text (one part when no boundary was found) and the evidence used."""

    parts: list[str]
    boundaries: list[dict[str, object]] = field(default_factory=list)
    uncertain: list[dict[str, object]] = field(default_factory=list)


def is_headline(line: str) -> bool:
    """Short, no closing punctuation, most content words capitalised."""
    s = line.strip()
    if not (8 <= len(s) <= MAX_HEADLINE_CHARS) or s.endswith(END_PUNCT) or s[0] in "\"“'‘(-•*":
        return False
    if BYLINE.match(s) or DATELINE.match(s):
        return False
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", s)]
    content = [w for w in words if w.lower() not in FUNCTION_WORDS]
    if len(words) < 3 or len(content) < 2:
        return False
    capitalised = sum(1 for w in content if w[0].isupper())
    return capitalised / len(content) >= 0.75


def _norm(line: str) -> str:
    return " ".join(line.lower().split())


def _blank_run_before(lines: list[str], i: int) -> int:
    n = 0
    while i - 1 - n >= 0 and not lines[i - 1 - n].strip():
        n += 1
    return n


def _signals(lines: list[str], i: int) -> list[str]:
    key = _norm(lines[i])
    found = []
    window = lines[i + 1: i + 1 + REPEAT_WINDOW]
    if any(_norm(x) == key for x in window):
        found.append("headline_repeated")
    following = [x.strip() for x in lines[i + 1: i + 8] if x.strip()][:3]
    if any(BYLINE.match(x) or DATELINE.match(x) for x in following):
        found.append("byline_or_dateline")
    if _blank_run_before(lines, i) >= 2:
        found.append("blank_lines_before")
    return found


def split_articles(text: str) -> SplitResult:
    """Split ``text`` at confident headline boundaries."""
    lines = text.split("\n")
    offsets = []
    pos = 0
    for line in lines:
        offsets.append(pos)
        pos += len(line) + 1
    total = pos
    cuts: list[int] = []
    result = SplitResult(parts=[])
    last_cut_offset = 0
    for i, line in enumerate(lines):
        if not is_headline(line):
            continue
        before = offsets[i] - last_cut_offset
        after = total - offsets[i]
        if before < MIN_PART_CHARS or after < MIN_PART_CHARS:
            continue
        # a headline repeated from earlier in the same part is a caption echo, not a new start
        if any(_norm(x) == _norm(line) for x in lines[max(0, i - REPEAT_WINDOW): i]):
            continue
        signals = _signals(lines, i)
        evidence = {"line": i + 1, "headline": line.strip(), "signals": signals}
        if STRONG_SIGNALS & set(signals):
            cuts.append(i)
            last_cut_offset = offsets[i]
            result.boundaries.append(evidence)
        else:
            result.uncertain.append(evidence)
    starts = [0, *cuts]
    ends = [*cuts, len(lines)]
    result.parts = ["\n".join(lines[a:b]).strip("\n") for a, b in zip(starts, ends, strict=True)]
    return result
