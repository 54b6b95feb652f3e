"""Publication dates keep exactly the precision the source gives."""

from __future__ import annotations

import pytest

from sitrep.errors import SitrepError
from sitrep.sources.dates import parse_published


@pytest.mark.parametrize(("raw", "expected"), [
    ("2024", "2024"), ("2024-10", "2024-10"), ("2024-10-15", "2024-10-15"),
    ("2024-10-15T08:30:00+00:00", "2024-10-15"), ("Tue, 15 Oct 2024 08:00:00 GMT", "2024-10-15"),
    ("15 October 2024", "2024-10-15"), ("Oct. 15, 2024", "2024-10-15"),
    ("October 2024", "2024-10"), ("3 mars 2023", "2023-03-03"), (None, None), ("", None),
])
def test_parse_published(raw: str | None, expected: str | None) -> None:
    assert parse_published(raw) == expected


@pytest.mark.parametrize("raw", ["next week", "2024-13", "31 February 2024", "Smarch 2024"])
def test_unreadable_dates_raise_e110(raw: str) -> None:
    with pytest.raises(SitrepError) as exc:
        parse_published(raw)
    assert exc.value.code == "E110"
