from __future__ import annotations

import pytest

from sitrep.pipeline.numbers import QUANTITY_RE, parse_count, parse_number


@pytest.mark.parametrize(("text", "value"), [
    ("77", 77), ("3,000", 3000), ("twenty-one", 21), ("two hundred and five", 205),
    ("1.2 million", 1_200_000), ("ninety", 90), ("a dozen", 12), ("eleven", 11),
])
def test_parse_number(text: str, value: int) -> None:
    assert parse_number(text) == value


def test_parse_number_rejects_words() -> None:
    assert parse_number("several people") is None
    assert parse_number("") is None


@pytest.mark.parametrize(("phrase", "value", "low", "high"), [
    ("at least 77", 77, 77, None),
    ("more than 100", 101, 101, None),
    ("nearly 3,000", 3000, None, 3000),
    ("dozens", 24, 24, None),
    ("between 20 and 30", 20, 20, 30),
    ("up to 30", 30, None, 30),
    ("fewer than 100", 99, None, 99),
    ("about 40", 40, None, None),
    ("twenty-one", 21, 21, 21),
    ("20-30", 20, 20, 30),
])
def test_counts_keep_bounds(phrase: str, value: int, low: int | None, high: int | None) -> None:
    m = QUANTITY_RE.search(phrase)
    assert m is not None and m.group(0) == phrase
    count = parse_count(m)
    assert count is not None
    assert (count.value, count.low, count.high) == (value, low, high)
