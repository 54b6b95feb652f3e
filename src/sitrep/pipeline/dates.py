"""Date phrases: found with one fast regex, normalised against the publication date.

Kinds of phrase (docs/pipeline.md has the full list):

* absolute: "Nov. 20", "Sept. 17", "May 29, 2025", "20 November 2015", "November 2015";
* relative to the publication date: "last month", "this month", "last July", "late last year",
  "four years ago", "on Tuesday", "yesterday";
* anchored to the previous date in the text: "a week earlier", "two months later",
  "later that year", "the following year";
* years: "in 2012", "the 2013 French intervention", "the 1990s", "between 2003 and 2006".

Each resolved phrase is a ``DateMention`` with an interval, a precision (day/month/year) and a
qualifier (early/mid/late/about). A relative day phrase in an article dated only to the month
inherits month precision: the text cannot say more than its publication date does.

dateparser normalises the month/day of absolute phrases (cached by phrase, so the cost is paid
once per distinct phrase, not per document); the year of a yearless phrase is the latest one
not after publication (past preference).

The patterns and the search for phrases in a text are in date_phrases.py; this module resolves
what they match.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from .date_phrases import (
    BARE_WEEKDAY_RE,
    DATE_RE,
    MONTH_PATTERN,
    RARE_DATE_RE,
    YEAR_PATTERN,
    bare_weekdays,
    phrase_matches,
)
from .numbers import parse_number

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
    # French spellings appear in Sahel reporting (and in quoted communiqués)
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12,
}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_HOLIDAYS = {"new year's day": (1, 1), "new year's eve": (12, 31), "christmas day": (12, 25),
             "christmas eve": (12, 24)}
# dateparser would read "May" in "may have" as a month: a bare month needs a capital letter.
_CAPITAL_MONTH = re.compile(rf"^{MONTH_PATTERN}$")
_AMBIGUOUS = frozenset({"may", "mar", "mars", "jan", "feb", "apr", "jun", "jul", "aug", "sep",
                        "sept", "oct", "nov", "dec", "mai"})


@dataclass(frozen=True)
class DateMention:
    """One date phrase in document coordinates and the interval it denotes."""

    start: int
    end: int
    text: str
    start_date: date
    end_date: date
    precision: str  # day | month | year
    qualifier: str | None = None  # early | mid | late | about | decade | range
    kind: str = "absolute"  # absolute | relative | anchored | year

    @property
    def value(self) -> str:
        """ISO value at the phrase's precision: '2024-09-17', '2024-09' or '2024'."""
        d = self.start_date
        if self.precision == "day":
            return d.isoformat()
        if self.precision == "month":
            return f"{d.year:04d}-{d.month:02d}"
        return f"{d.year:04d}"


@dataclass(frozen=True)
class Publication:
    """The publication date as an interval (an article dated '2024-10' is any day of October)."""

    start: date
    end: date
    precision: str

    @classmethod
    def parse(cls, value: str | None) -> Publication | None:
        if not value:
            return None
        parts = [int(p) for p in value[:10].split("-")]
        if len(parts) == 3:
            d = date(*parts)
            return cls(d, d, "day")
        if len(parts) == 2:
            return cls(date(parts[0], parts[1], 1), _month_end(parts[0], parts[1]), "month")
        return cls(date(parts[0], 1, 1), date(parts[0], 12, 31), "year")


# "Niger: security round-up, 13–19 May", "WEEKLY SECURITY BRIEF, 7-13 OCTOBER": the week a
# round-up covers, told in its first line
_PERIOD_HEAD = re.compile(r"\b(?P<d1>\d{1,2})\s*[–-]\s*(?P<d2>\d{1,2})\s+(?P<mon>[A-Za-z]{3,9})\b")


def period_covered(text: str, pub: Publication | None) -> Publication | None:
    """The reference for weekdays in a round-up: the last day of the week its first line says
    it covers ("round-up, 13–19 May" published on Monday 20 May tells of Monday the 13th), or
    ``pub``. Only a period that ends in the week before publication counts."""
    if pub is None or pub.precision != "day" or not text[:1].isalpha():
        return pub
    head = _PERIOD_HEAD.search(text, 0, max(0, text.find("\n", 0, 160)))
    month = _month_number(head.group("mon")) if head else None
    if head is None or month is None:
        return pub
    try:
        end = date(pub.start.year - (1 if month > pub.start.month else 0), month,
                   int(head.group("d2")))
    except ValueError:
        return pub
    if not 0 < (pub.start - end).days <= 7:
        return pub
    return Publication(end, end, "day")


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _month_number(word: str) -> int | None:
    return MONTHS.get(word.lower().rstrip(".").replace("û", "u"))


def _coarser(a: str, b: str) -> str:
    order = ("day", "month", "year")
    return order[max(order.index(a), order.index(b))]


def period_interval(d: date, precision: str) -> tuple[date, date]:
    """The first and last day of the period a date of this precision stands for."""
    if precision == "day":
        return d, d
    if precision == "month":
        return date(d.year, d.month, 1), _month_end(d.year, d.month)
    return date(d.year, 1, 1), date(d.year, 12, 31)


@lru_cache(maxsize=4096)
def _month_day(phrase: str) -> tuple[int, int] | None:
    """Month and day of an absolute phrase such as 'Sept. 17' or '20 November', via dateparser.

    Cached by phrase: the year is decided separately, so the cache does not depend on the
    document."""
    import dateparser

    parsed = dateparser.parse(phrase, languages=["en", "fr"],
                              settings={"PREFER_DATES_FROM": "past",
                                        "RELATIVE_BASE": _CACHE_BASE,
                                        "REQUIRE_PARTS": ["day", "month"]})
    if parsed is None:
        return None
    return parsed.month, parsed.day


from datetime import datetime as _datetime  # noqa: E402  (kept next to its one use)

_CACHE_BASE = _datetime(2000, 6, 15)  # a leap year, so "Feb. 29" parses


def _infer_year(month: int, day: int | None, pub: Publication | None) -> int | None:
    """The latest year that puts month/day on or before publication (past preference)."""
    if pub is None:
        return None
    year = pub.end.year
    probe = date(year, month, min(day or 1, calendar.monthrange(year, month)[1]))
    return year if probe <= pub.end else year - 1


def _add_months(d: date, months: int) -> date:
    m = d.month - 1 + months
    y = d.year + m // 12
    return date(y, m % 12 + 1, 1)


def _qual(text: str | None) -> str | None:
    if not text:
        return None
    t = text.lower()
    if "end" in t or t == "late":
        return "late"
    if "beginning" in t or "start" in t or t == "early":
        return "early"
    return "mid"


def _mention(m: re.Match[str], offset: int, d: date, precision: str, qualifier: str | None,
             kind: str, end_date: date | None = None) -> DateMention:
    s, e = period_interval(d, precision)
    if end_date is not None:
        e = period_interval(end_date, precision)[1]
    return DateMention(offset + m.start(), offset + m.end(), m.group(0), s, e, precision,
                       qualifier, kind)


_OF_THAT_YEAR = re.compile(r"\s+of\s+(?:the\s+same|that)\s+year\b", re.I)


def find_dates(text: str, pub: Publication | None, *, offset: int = 0,
               anchor: DateMention | None = None) -> list[DateMention]:
    """Every date phrase in ``text`` (a document or a sentence), resolved. Anchored phrases
    ("a week earlier", "later that year") follow the latest earlier absolute date (or
    ``anchor``, the latest one before ``text``)."""
    out: list[DateMention] = []
    last_day: DateMention | None = None
    matches = phrase_matches(text)
    bare = bare_weekdays(text, matches) if "day" in text else []
    if bare:
        matches = sorted(matches + bare, key=lambda x: x.start())
    event_day: DateMention | None = None  # the day before ``last_day`` when that dates a report
    for m in matches:
        if event_day is not None and last_day is not None and \
                _SENTENCE_BREAK.search(text, last_day.end - offset, m.start()):
            # "..., a deputy mayor said on Monday. The next day, ...": the story goes on
            # from its own day, not from the day of the report
            last_day, event_day = event_day, None
        if m.re is RARE_DATE_RE:
            dm = _rare_day(m, pub, offset)
        elif m.re is BARE_WEEKDAY_RE:
            dm = _relative_day(m, pub, offset)
        elif m.groupdict().get("dayrel"):
            # "The day before, militants had struck ...": the day next to the one told last
            dm = None if last_day is None else _mention(
                m, offset, last_day.start_date + timedelta(
                    days=-1 if m.group("drd").lower() == "before" else 1), "day", None,
                "anchored")
        elif last_day is not None and m.groupdict().get("that") and (
                (m.group("tu") or "").lower() == "day"
                or (m.group("tu") or "").lower() in _DAY_PARTS and out and out[-1] is last_day):
            # ("that night" after "in August last year" has no day to follow)
            # "on Saturday ... the next day": the day told last, a weekday included
            dm = _that(m, pub, offset, last_day)
        else:
            # "Two days earlier" after "on Tuesday": a day told last anchors when no absolute
            # date does
            fallback = last_day if m.group("ago") and (m.group("dir").lower() in (
                "earlier", "later") or m.group("dir").lower() in ("after", "before")
                and _after_comma(text, m.start())) else None
            # (and the day told last, when told after the absolute date: "KAYA, March 12 –
            # ... on Tuesday, and four soldiers died two days later" is Thursday)
            dm = _resolve(m, pub, offset, fallback if fallback is not None and (
                anchor is None or fallback.start > anchor.start) else anchor)
        if dm is not None and m.re is DATE_RE and m.group("m_only") and anchor is not None \
                and _OF_THAT_YEAR.match(text, m.end()):
            # "in November of the same year": the month of the year told before
            first = date(anchor.start_date.year, dm.start_date.month, 1)
            dm = DateMention(dm.start, dm.end, dm.text, *period_interval(first, "month"),
                             "month", dm.qualifier, "anchored")
        if dm is not None:
            out.append(dm)
            if dm.precision == "day" and dm.kind in ("absolute", "relative", "anchored") and (
                    dm.start_date == dm.end_date or last_day is None
                    or last_day.start_date != last_day.end_date):
                # ("on Friday ... imposed last weekend ... the same day": a span does not
                # replace the day told before it as what "the same day" follows)
                event_day = last_day if last_day is not None and _SAID_BEFORE.search(
                    text, max(0, m.start() - 40), m.start()) else None
                last_day = dm
            if dm.kind in ("absolute", "year") and dm.qualifier not in ("range", "decade"):
                anchor = dm
    return _weekday_labels_dropped(text, out, offset)


# "..., a deputy mayor said by telephone on Monday. The next day, ...": the day of the report is
# not the day the story goes on from
_SENTENCE_BREAK = re.compile(r"[.!?]\s|\n")
_SAID_BEFORE = re.compile(r"\b(?:said|says|told|added|announced|reported|confirmed)"
                          r"(?:\s+[\w-]+){0,3}?\s+(?:on\s+)?$", re.I)


_WEEKDAY_NAMES = tuple(WEEKDAYS)
_LABEL_GAP = re.compile(r",?\s{1,2}(?:the\s+)?$")


def _weekday_labels_dropped(text: str, found: list[DateMention],
                            offset: int) -> list[DateMention]:
    """ "on Thursday 6 April", "Sunday, March 17": the weekday names the day the date gives,
    it is not a second date (read alone it is the Thursday before publication)."""
    out = list(found)
    for a, b in zip(found, found[1:], strict=False):
        if a.kind == "relative" and b.kind == "absolute" and b.precision == "day" and \
                a.text.rstrip().lower().endswith(_WEEKDAY_NAMES) and \
                _LABEL_GAP.match(text[a.end - offset:b.start - offset]):
            out.remove(a)
    return out


def _year_after_anchor(month: int, day: int, anchor: DateMention | None) -> int | None:
    """ "In March 2022 ... on the morning of 27 March": a day without a year that follows an
    earlier dated month or day in the text belongs to that year (within four months)."""
    if anchor is None or anchor.kind != "absolute" or anchor.precision not in ("day", "month"):
        return None
    try:
        d = date(anchor.start_date.year, month, day)
    except ValueError:
        return None
    return d.year if anchor.start_date <= d <= anchor.start_date + timedelta(days=122) else None


def _day_range(m: re.Match[str], pub: Publication | None, offset: int,
               anchor: DateMention | None) -> DateMention | None:
    """ "between 27 March and 2 April 2020": the first day, with the last as its end."""
    end_month = _month_number(m.group("drm2"))
    first_month = _month_number(m.group("drm1")) if m.group("drm1") else end_month
    first_day, last_day = (int(re.sub(r"\D", "", m.group(k))) for k in ("dr1", "dr2"))
    if end_month is None or first_month is None:
        return None
    year = int(m.group("dr_y")) if m.group("dr_y") else \
        _year_after_anchor(end_month, last_day, anchor) or _infer_year(end_month, last_day, pub)
    if year is None:
        return None
    end = date(year, end_month, last_day)
    start = date(year - (first_month > end_month), first_month, first_day)
    if start > end:
        return None  # "12 to 5 June": no span
    return _mention(m, offset, start, "day", None, "absolute", end_date=end)


def _resolve(m: re.Match[str], pub: Publication | None, offset: int,
             anchor: DateMention | None) -> DateMention | None:
    g = m.group
    qual = _qual(g("qmd") or g("qmy") or g("qy"))
    try:
        if g("iso"):
            return _mention(m, offset, date.fromisoformat(g("iso")), "day", None, "absolute")
        if g("dr"):
            return _day_range(m, pub, offset, anchor)
        if g("md") or g("dm"):
            phrase = g("md") or g("dm")
            if g("md") and not _CAPITAL_MONTH.match(phrase.split()[0]):
                return None
            md = _month_day(re.sub(r",?\s+" + YEAR_PATTERN + r"$", "", phrase).replace("of ", ""))
            if md is None:
                return None
            year_s = g("md_y") or g("dm_y")
            year = int(year_s) if year_s else _year_after_anchor(md[0], md[1], anchor) \
                or _infer_year(md[0], md[1], pub)
            if year is None:
                return None
            return _mention(m, offset, date(year, md[0], md[1]), "day", qual, "absolute")
        if g("my"):
            month = _month_number(g("my").split()[0].rstrip(","))
            if month is None:
                return None
            return _mention(m, offset, date(int(g("my_y")), month, 1), "month", qual, "absolute")
        if g("rel_m"):
            return _relative_month(m, pub, offset)
        if g("m_only"):
            month = _month_number(g("mo"))
            if month is None or (g("mo")[0].islower() and g("mo").lower() in _AMBIGUOUS):
                return None
            prep = g("mprep").lower()
            qual = _qual(prep) if prep in ("early", "mid", "late") else None
            year = pub.start.year + {"last": -1, "this": 0, "next": 1}[g("moy").lower()] \
                if g("moy") and pub is not None else _infer_year(month, None, pub)
            if year is None:
                return None
            return _mention(m, offset, date(year, month, 1), "month", qual, "relative")
        if g("rel_y"):
            return _relative_period(m, pub, offset)
        if g("day_word") or g("wd"):
            return _relative_day(m, pub, offset)
        if g("ago"):
            return _ago(m, pub, offset, anchor)
        if g("that"):
            return _that(m, pub, offset, anchor)
        if g("range"):
            return _mention(m, offset, date(int(g("r1")), 1, 1), "year", "range", "year",
                            end_date=date(int(g("r2")), 1, 1))
        if g("dash"):
            y1, y2s = int(g("d1")), g("d2")
            y2 = int(y2s) if len(y2s) == 4 else y1 // 100 * 100 + int(y2s)
            if y2 <= y1:
                return None
            return _mention(m, offset, date(y1, 1, 1), "year", "range", "year",
                            end_date=date(y2, 1, 1))
        if g("decade"):
            y = int(g("dec"))
            return _mention(m, offset, date(y, 1, 1), "year", _qual(g("dqual")) or "decade",
                            "year", end_date=date(y + 9, 1, 1))
        if g("year"):
            return _mention(m, offset, date(int(g("year")), 1, 1), "year", qual, "year")
    except ValueError:  # impossible dates such as "Feb. 30"
        return None
    return None


def _relative_month(m: re.Match[str], pub: Publication | None, offset: int) -> DateMention | None:
    month = _month_number(m.group("rm"))
    if pub is None or month is None:
        return None
    which = m.group("which").lower()
    year = pub.end.year
    if which in ("last", "past"):  # the latest such month strictly before publication
        if month >= pub.start.month:
            year -= 1
    elif which == "next" and month <= pub.start.month:
        year += 1
    return _mention(m, offset, date(year, month, 1), "month", _qual(m.group("rqual")),
                    "relative")


def _relative_period(m: re.Match[str], pub: Publication | None,
                     offset: int) -> DateMention | None:
    if pub is None:
        return None
    which, unit = m.group("yw").lower(), m.group("yu").lower()
    qual = _qual(m.group("yqual"))
    if which == "past" and unit != "week":
        return None  # "the past year" is a rolling window (statistics), not a date
    step = {"last": -1, "past": -1, "this": 0, "next": 1}[which]
    if unit == "year":
        return _mention(m, offset, date(pub.start.year + step, 1, 1), "year", qual, "relative")
    if unit == "month":
        d = _add_months(pub.start, step)
        return _mention(m, offset, d, _coarser("month", pub.precision), qual, "relative")
    if pub.precision != "day":
        return _mention(m, offset, pub.start, pub.precision, None, "relative")
    d = pub.start + timedelta(weeks=step)
    return _mention(m, offset, d, "day", "about", "relative")


def _rare_day(m: re.Match[str], pub: Publication | None, offset: int) -> DateMention | None:
    """ "over the weekend" (the Saturday and Sunday before publication), "in the last few
    days" (the week before it)."""
    if m.group("numdate"):
        return _numeric_day(m, pub, offset)
    if pub is None:
        return None
    if m.group("holiday"):
        # "on New Year's Day": the latest one not after publication
        month, day = _HOLIDAYS[" ".join(m.group("holiday").lower().replace("’", "'").split())]
        year = pub.end.year if date(pub.end.year, month, day) <= pub.end else pub.end.year - 1
        return _mention(m, offset, date(year, month, day), "day", None, "relative")
    if pub.precision != "day":
        return _mention(m, offset, pub.start, pub.precision, None, "relative")
    if m.group("fewdays"):
        return _mention(m, offset, pub.start - timedelta(days=6), "day", "about", "relative",
                        end_date=pub.start)
    back = (pub.start.weekday() - 5) % 7
    sat = pub.start - timedelta(days=back)
    sun = min(sat + timedelta(days=1), pub.start)
    return _mention(m, offset, sat, "day", None, "relative", end_date=sun)


_LED = re.compile(r"(?:^|\n|\bon )$")


def _numeric_day(m: re.Match[str], pub: Publication | None, offset: int) -> DateMention | None:
    """ "11/03/2025", "on 14/09": day, month and (or the publication's) year; a bare pair only
    where a line or "on" leads to it ("24/7", "1/2 of" are no dates)."""
    day, month, year_s = int(m.group("nd")), int(m.group("nm")), m.group("ny")
    if year_s is None and not _LED.search(m.string, max(0, m.start() - 3), m.start()):
        return None
    year = (int(year_s) + (2000 if len(year_s) == 2 else 0)) if year_s \
        else _infer_year(month, day, pub)
    if year is None:
        return None
    try:
        return _mention(m, offset, date(year, month, day), "day", None, "absolute")
    except ValueError:
        return None  # 31/02


def _relative_day(m: re.Match[str], pub: Publication | None, offset: int) -> DateMention | None:
    if pub is None:
        return None
    if pub.precision != "day":  # the text cannot be more precise than its dateline
        return _mention(m, offset, pub.start, pub.precision, None, "relative")
    if m.group("w2"):  # "between Thursday and Saturday": the latest such span
        end = pub.start - timedelta(days=(pub.start.weekday()
                                          - WEEKDAYS.index(m.group("w2").lower())) % 7)
        start = end - timedelta(days=(WEEKDAYS.index(m.group("w2").lower())
                                      - WEEKDAYS.index(m.group("wday").lower())) % 7)
        return _mention(m, offset, start, "day", None, "relative", end_date=end)
    if m.group("wd"):
        target = WEEKDAYS.index(m.group("wday").lower())
        back = (pub.start.weekday() - target) % 7
        if m.group(0).lower().startswith("last") and back == 0:
            back = 7
        d = pub.start - timedelta(days=back)
    else:
        word = m.group("day_word").lower()
        d = pub.start - timedelta(days=1 if word in ("yesterday", "last night") else 0)
    return _mention(m, offset, d, _coarser("day", pub.precision), None, "relative")


def _shift(base: date, n: int, unit: str) -> tuple[date, str]:
    if unit == "day":
        return base + timedelta(days=n), "day"
    if unit == "week":
        return base + timedelta(weeks=n), "day"
    if unit == "month":
        return _add_months(base, n), "month"
    years = n * (10 if unit == "decade" else 1)
    return date(base.year + years, 1, 1), "year"


def _after_comma(text: str, pos: int) -> bool:
    return text[max(0, pos - 3):pos].rstrip().endswith(",")


def dates_next_clause(d: DateMention, text: str, offset: int = 0) -> bool:
    """ "..., a month after 71 soldiers were killed", "..., two days before the swearing-in":
    a gap after a comma dates the clause that follows it, not the act told before the comma.
    ``text`` holds the mention at ``d.start - offset``."""
    return d.kind == "anchored" and d.text.lower().endswith(("after", "before")) and \
        _after_comma(text, d.start - offset)


_THE_EVENT = re.compile(r"\s+the\s+(?:[\w-]+\s+){0,2}?(?:attack|massacre|coup|siege|bombing|"
                        r"killing|ambush|raid|fall|capture|battle|intervention|kidnapping)", re.I)


def _ago(m: re.Match[str], pub: Publication | None, offset: int,
         anchor: DateMention | None) -> DateMention | None:
    word = m.group("an").lower()
    n = 1 if word in ("a", "an") else parse_number(word)
    if n is None or word in ("a few", "several"):
        return None
    unit, direction = m.group("unit").lower(), m.group("dir").lower()
    sign = 1 if direction in ("later", "after") else -1
    if direction == "ago":
        if pub is None:
            return None
        base, base_prec, kind = pub.start, pub.precision, "relative"
    elif anchor is None and direction == "after" and unit in ("year", "decade") and \
            pub is not None and _THE_EVENT.match(m.string, m.end()):
        # "Five years after the attack on the Inates camp, families still wait": told from the
        # day of publication, the event named is that long before it
        base, base_prec, kind, sign = pub.start, pub.precision, "relative", -1
    else:
        if anchor is None:
            return None
        base, base_prec, kind = anchor.start_date, anchor.precision, "anchored"
        if direction in ("after", "before") and _after_comma(m.string, m.start()):
            # "the deadliest attack ever, a month after 71 soldiers were killed at Inates": the
            # clause that follows tells of the earlier event, a month before the one dated
            sign = -sign
    d, prec = _shift(base, sign * n, unit)
    if m.group("ago_today") and kind == "relative" and base_prec == "day" and \
            unit in ("year", "month"):
        # "Ten years ago today": an anniversary names the very day
        try:
            d = base.replace(year=base.year - n) if unit == "year" else \
                _add_months(base, -n).replace(day=base.day)
        except ValueError:
            return None
        return _mention(m, offset, d, "day", None, kind)
    qualifier = "about" if unit in ("week", "decade") else None
    return _mention(m, offset, d, _coarser(prec, base_prec), qualifier, kind)


_DAY_PARTS = frozenset({"day", "morning", "afternoon", "evening", "night"})


def _that(m: re.Match[str], pub: Publication | None, offset: int,
          anchor: DateMention | None) -> DateMention | None:
    if anchor is None:
        return None
    det, unit = m.group("tdet").lower(), m.group("tu").lower()
    if unit in _DAY_PARTS and unit != "day":
        if anchor.precision != "day":
            return None  # "resigned the same night" after "in August": no day to anchor to
        unit = "day"  # "the same morning", "that night"
    step = {"that": 0, "that same": 0, "the same": 0, "the following": 1, "the next": 1,
            "the previous": -1}[det]
    if unit == "weekend":  # "the following weekend": the Saturday and Sunday after the anchor
        if anchor.precision != "day" or step < 0:
            return None
        sat = anchor.start_date + timedelta(days=(5 - anchor.start_date.weekday()) % 7 or
                                            (7 if step else 0))
        return _mention(m, offset, sat, "day", None, "anchored",
                        end_date=sat + timedelta(days=1))
    d, prec = _shift(anchor.start_date, step, unit)
    tw = (m.group("tw") or "").lower()
    qualifier = {"later": "late", "late": "late", "earlier": "early", "early": "early"}.get(tw)
    if step == 0 and unit in ("year", "month"):
        d = anchor.start_date
    return _mention(m, offset, d, _coarser(prec, anchor.precision), qualifier, "anchored")
