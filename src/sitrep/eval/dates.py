"""Dates as intervals: a date with month precision means "some day in that month".

Comparing intervals rather than strings lets a month-precision prediction match a day inside it
and lets a one-day slip (reports written around midnight, "overnight" attacks) still count.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

DAY_TOLERANCE = timedelta(days=1)


@dataclass(frozen=True)
class DateInterval:
    start: date
    end: date
    precision: str            # day | month | year (of the first date given)
    label: str = ""

    @classmethod
    def parse(cls, text: str, precision: str | None = None) -> DateInterval:
        """'2024' / '2024-09' / '2024-09-17' (or an ISO day plus an explicit precision)."""
        text = text.strip()[:10]
        parts = [int(p) for p in text.split("-")]
        if precision == "year" or len(parts) == 1:
            return cls(date(parts[0], 1, 1), date(parts[0], 12, 31), "year", text[:4])
        if precision == "month" or len(parts) == 2:
            last = calendar.monthrange(parts[0], parts[1])[1]
            return cls(date(parts[0], parts[1], 1), date(parts[0], parts[1], last), "month",
                       text[:7])
        day = date(parts[0], parts[1], parts[2])
        return cls(day, day, "day", text)

    def widened(self) -> tuple[date, date]:
        """The interval with the ±1 day tolerance applied."""
        return self.start - DAY_TOLERANCE, self.end + DAY_TOLERANCE

    def overlaps(self, other: DateInterval) -> bool:
        lo, hi = self.widened()
        return other.start <= hi and other.end >= lo

    def contains(self, other: DateInterval) -> bool:
        """True when ``other`` is as precise or more and lies inside this interval (±1 day)."""
        lo, hi = self.widened()
        return lo <= other.start and other.end <= hi

    def __str__(self) -> str:
        return self.label or self.start.isoformat()
