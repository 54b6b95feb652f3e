"""Finding date phrases: the patterns that match them and the cue windows they run in.

Split from dates.py, which resolves each phrase found here to a ``DateMention``: this module
only says where the phrases are (``re.Match`` objects whose named groups tell their kind), so it
imports nothing from dates.py.

The full alternation (``DATE_RE``) is the slow part, so it runs only in windows around cheap cue
words; rare phrases (``RARE_DATE_RE``) run only where their cue words occur, and weekday names
without a preposition ("perpetrated Tuesday") are matched in a separate pass.
"""

from __future__ import annotations

import re

_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
          r"December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|"
          r"Nov\.?|Dec\.?|janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|"
          r"octobre|novembre|d[ée]cembre)")
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th|er)?"
_QUALS = r"early|mid|late|the end of|the beginning of|the start of|the middle of"
# public names of the two, for dates.py's checks of a phrase once matched
MONTH_PATTERN, YEAR_PATTERN = _MONTH, _YEAR


def _q(name: str) -> str:
    return rf"(?:(?P<{name}>{_QUALS})[- ](?:of )?)?"


_NUM = (r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|"
        r"several|\d{1,3})")
_UNIT = r"(?P<unit>day|week|month|year|decade)s?"
_NOT_COUNT = (r"(?!\s*(?:people|persons|civilians|soldiers|troops|fighters|militants|men|"
              r"women|children|deaths|dead|killed|attacks|km|kilomet|miles|tons|metres|dollars|"
              r"\$|%))")

DATE_RE = re.compile(
    "|".join([
        rf"(?P<iso>\b{_YEAR}-[01]\d-[0-3]\d\b)",
        # "between 27 March and 2 April 2020", "4-5 June 2021", "from 10 to 12 March"
        rf"(?P<dr>\b(?:(?:between|from)\s+)?(?P<dr1>{_DAY})(?:\s+(?P<drm1>{_MONTH}))?\s*"
        rf"(?:-|–|\bto\b|\band\b|\buntil\b)\s*(?P<dr2>{_DAY})\s+(?P<drm2>{_MONTH})"
        rf"(?:,?\s+(?P<dr_y>{_YEAR}))?\b)",
        _q("qmd") + rf"(?P<md>\b{_MONTH}\s+{_DAY}\b(?:,?\s+(?P<md_y>{_YEAR})\b)?)",
        rf"(?P<dm>\b{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+(?P<dm_y>{_YEAR}))?\b)",
        _q("qmy") + rf"(?P<my>\b{_MONTH},?\s+(?P<my_y>{_YEAR})\b)",
        rf"(?P<rel_m>\b(?:(?P<rqual>early|mid|late)[- ])?(?P<which>last|this|next|past)\s+"
        rf"(?P<rm>{_MONTH})\b)",
        # ("in June last year": that June)
        rf"(?P<m_only>\b(?P<mprep>in|by|of|until|since|from|during|early|mid|late)[- ]"
        rf"(?P<mo>{_MONTH})\b(?:\s+(?:of\s+)?(?P<moy>last|this|next)\s+year\b)?)(?!\s+\d)",
        r"(?P<rel_y>\b(?:(?P<yqual>early|mid|late)[- ]|(?:earlier|later)\s+)?(?P<yw>last|this|"
        r"next|past)\s+(?P<yu>year|month|week)\b(?![-\s]?end))",
        # "overnight from Tuesday to Wednesday" is a span; the bare "perpetrated Tuesday" is
        # found by bare_weekdays
        r"(?P<wd>\b(?:on|last|this|late on|early on|late|early|during|of|from|(?:during\s+|in\s+)?"
        r"the night (?:of|from)|overnight(?:\s+from|\s+on)?|between)\s+"
        r"(?P<wday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
        r"(?:\s+(?:and|to|until|into)\s+(?P<w2>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
        r"Sunday))?\b)",
        # ("overnight on 16-17 October" is the days told after it)
        r"(?P<day_word>\b(?:yesterday|today|last night|this morning|overnight)\b"
        r"(?!\s+(?:on|of|from|between)\s+\d))",
        rf"(?P<ago>\b(?P<an>{_NUM})\s+{_UNIT}\s+(?P<dir>ago|earlier|later|before|after)\b"
        r"(?P<ago_today>\s+(?:today|to the day))?)",
        r"(?P<that>\b(?P<tw>later|earlier|early|late)?\s*(?P<tdet>that same|that|the following|"
        r"the next|"
        r"the previous|the same)\s+(?P<tu>day|morning|afternoon|evening|night|weekend|week|"
        r"month|year)\b)",
        r"(?P<dayrel>\bthe\s+(?P<dru>day|night|evening|morning)\s+(?P<drd>before|after)\b)",
        rf"(?P<range>\b(?:between|from)\s+(?P<r1>{_YEAR})\s+(?:and|to|until)\s+(?P<r2>{_YEAR})\b)",
        rf"(?P<dash>\b(?P<d1>{_YEAR})\s*[-–]\s*(?P<d2>\d\d|{_YEAR})\b)",
        r"(?P<decade>\b(?:the\s+)?(?:(?P<dqual>early|mid|late)[- ])?(?P<dec>(?:1[89]|20)\d0)s\b)",
        _q("qy") + rf"(?P<year>(?<![\d,.$£€-])\b{_YEAR}\b(?![-,.]\d)){_NOT_COUNT}",
    ]),
    re.I,
)
# Rare phrases, matched only where their cue words occur (see phrase_matches).
RARE_DATE_RE = re.compile(
    # "over the weekend", "last weekend", "a weekend attack" (not "a weekend of talks")
    r"(?P<wkend>\b(?:(?:over|at|during|on)\s+)?(?:the|a|this|last|past)\s+week[- ]?end\b"
    r"(?!\s+of\b))|"
    r"(?P<fewdays>\b(?:in|over|during)\s+the\s+(?:last|past)\s+(?:few|several|couple of)\s+"
    r"days\b|\bin recent days\b)|"
    r"(?P<holiday>\b(?:New\s+Year['’]s\s+(?:Day|Eve)|Christmas\s+(?:Day|Eve))\b)|"
    # "14/09 – Say department", "11/03/2025": day first, as incident logs of the region write
    # it (without a year only where a line or "on" leads to it)
    r"(?P<numdate>(?<![\d/.:,])"
    r"(?P<nd>[12]\d|3[01]|0?[1-9])/(?P<nm>1[0-2]|0?[1-9])"
    r"(?:/(?P<ny>(?:19|20)\d\d|\d\d))?(?![\d/]))", re.I)


# Cheap cues that a date phrase is near: the full pattern only runs in windows around them
# (most of a text has none, and the full alternation is the slow part).
_HINT = re.compile(
    r"\b(?:1[89]|20)\d\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|janv|f[ée]v|avr|mai|juin|juil|"
    r"ao[uû]|d[ée]c|yesterday|today|tonight|overnight|last night|this morning|monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday)|\b(?:ago|earlier|later)\b|"
    r"\bthe (?:day|night|evening|morning) (?:before|after)\b|"
    r"\b(?:last|this|next|past|that|following|previous|same) (?:week|month|year|day|morning|"
    r"afternoon|evening|night|"
    r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", re.I)
_BEFORE, _AFTER = 40, 70


def _cue_spans(text: str) -> list[tuple[int, int]]:
    spans = [m.span() for m in _HINT.finditer(text)]
    if "after" in text or "before" in text:
        # "Five years after the attack", ", a month after 71 soldiers were killed" (rare: plain
        # substring tests first)
        found = [(i, i + len(phrase)) for phrase in _SPAN_CUES if phrase in text
                 for i in _find_all(text, phrase)]
        if found:
            spans = sorted(spans + found)
    return spans


_SPAN_CUES = ("years after", "months after", "month after", "weeks after", "week after",
              "days after", "months before", "month before", "weeks before", "week before",
              "days before")


def _find_all(text: str, word: str) -> list[int]:
    out, i = [], text.find(word)
    while i >= 0:
        out.append(i)
        i = text.find(word, i + 1)
    return out


# cue words of RARE_DATE_RE: a plain substring test decides whether it runs at all
_RARE_CUES = ("weekend", "week-end", "week end", " days", "Year", "Christmas", "/")


def _windows(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in _cue_spans(text):
        lo, hi = max(0, start - _BEFORE), min(len(text), end + _AFTER)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def phrase_matches(text: str) -> list[re.Match[str]]:
    """Every date phrase in ``text``, in order and not overlapping: ``DATE_RE`` in the cue
    windows, merged with ``RARE_DATE_RE`` where its cue words occur."""
    found: list[re.Match[str]] = []
    for lo, hi in _windows(text):
        for m in DATE_RE.finditer(text, lo, hi):
            if found and m.start() < found[-1].end():
                continue
            found.append(m)
    if any(w in text for w in _RARE_CUES):
        rare = list(RARE_DATE_RE.finditer(text))
        if rare:
            merged: list[re.Match[str]] = []
            for m in sorted(found + rare, key=lambda x: (x.start(), -x.end())):
                if not merged or m.start() >= merged[-1].end():
                    merged.append(m)
            found = merged
    return found


# "perpetrated Tuesday", "was kidnapped Saturday", "said Sunday": wire and French-influenced
# English drop the "on" after a verb. Matched at a weekday name only, after the main pass.
_VERB_BEFORE = re.compile(r"(?:[a-z]ed|[a-z]en|\bsaid) $")
BARE_WEEKDAY_RE = re.compile(r"(?P<wd>(?P<wday>Monday|Tuesday|Wednesday|Thursday|Friday|"
                             r"Saturday|Sunday)(?:\s+(?:and|to|until|into)\s+(?P<w2>Monday|"
                             r"Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))?\b)")


# "- Tuesday, Tillabéri region: ...", "... of the area. Tuesday, the mayor had gone out": a
# bulletin line or a sentence led by its weekday
_LINE_LEAD = re.compile(r"(?:^|\n|[.!?][\"”’]?[ \t]+)[ \t]*(?:[-•*–—·][ \t]*)?$")
_LEAD_AFTER = re.compile(r"\s*[,:–—-]")
_POSSESSIVE_WD = re.compile(r"['’]s\s+(?:[\w-]+\s+)?(?:attack|raid|ambush|assault|massacre|"
                            r"bombing|killings?|clash(?:es)?|fighting|strike|explosion|abduction|"
                            r"kidnapping|coup|protests?|march|incident|violence)\b", re.I)


def bare_weekdays(text: str, found: list[re.Match[str]]) -> list[re.Match[str]]:
    """Weekday names with no preposition that still date something (after a verb, before
    a possessive event noun, leading a line or sentence), outside the phrases ``found``."""
    out = []
    for m in BARE_WEEKDAY_RE.finditer(text):
        lo = max(0, m.start() - 12)
        if (_VERB_BEFORE.search(text, lo, m.start()) or _POSSESSIVE_WD.match(text, m.end())
                or _LEAD_AFTER.match(text, m.end()) and _LINE_LEAD.search(
                    text[lo:m.start()] if lo else "\n" + text[:m.start()])) and \
                not any(f.start() <= m.start() < f.end() for f in found):
            out.append(m)
    return out
