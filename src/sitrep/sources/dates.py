"""Publication dates reduced to what the source actually says: a year, a month or a day.

Feeds write RFC 822 (``Tue, 15 Oct 2024 08:00:00 GMT``), pages write ISO timestamps or prose
("15 October 2024", "Oct. 15, 2024", "October 2024"), manifests write ``2024-10``. Each becomes
``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` without inventing a day or month that was not given.
"""

from __future__ import annotations

import re
from datetime import date
from email.utils import parsedate_to_datetime

from ..errors import Errors, SitrepError

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12,
}
_M = r"([A-Za-zéû]+)\.?"
ISO = re.compile(r"^(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?(?:[T ].*)?$")
DAY_MONTH_YEAR = re.compile(rf"^(?:\w+,?\s+)?(\d{{1,2}})(?:st|nd|rd|th|er)?\s+{_M},?\s+(\d{{4}})\b")
MONTH_DAY_YEAR = re.compile(rf"^(?:\w+,?\s+)?{_M}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b")
MONTH_YEAR = re.compile(rf"^{_M},?\s+(\d{{4}})$")


def _format(year: int, month: int | None = None, day: int | None = None) -> str:
    if month is None:
        return f"{year:04d}"
    if day is None:
        date(year, month, 1)  # validates the month
        return f"{year:04d}-{month:02d}"
    return date(year, month, day).isoformat()


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def parse_published(value: object) -> str | None:
    """Normalise a publication date; None for empty; ``SitrepError(E110)`` when unreadable."""
    if value is None:
        return None
    s = str(value).strip()
    if not s:
        return None
    try:
        m = ISO.match(s)
        if m:
            y, mo, d = m.groups()
            return _format(int(y), int(mo) if mo else None, int(d) if d else None)
        m = DAY_MONTH_YEAR.match(s)
        if m:
            return _format(int(m.group(3)), _month(m.group(2)), int(m.group(1)))
        m = MONTH_DAY_YEAR.match(s)
        if m:
            return _format(int(m.group(3)), _month(m.group(1)), int(m.group(2)))
        m = MONTH_YEAR.match(s)
        if m:
            return _format(int(m.group(2)), _month(m.group(1)))
        if "," in s or re.search(r"\d{2}:\d{2}", s):
            return parsedate_to_datetime(s).date().isoformat()
    except (KeyError, ValueError, TypeError, IndexError):
        pass
    raise SitrepError(Errors.E110, value=s)
