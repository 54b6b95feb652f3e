"""Place spellings the news uses that GeoNames lacks: a final i/y swap, and the first-level
administrative areas of the neighbouring countries (curated rows in places_supplement.tsv)."""

from __future__ import annotations

from typing import Any

import pytest

from sitrep.pack import load_pack
from sitrep.pack.matcher import final_i_y


@pytest.fixture(scope="module")
def pack() -> Any:
    return load_pack()


def test_final_i_y_variants() -> None:
    assert final_i_y("Dogofri") == ["Dogofry"]
    assert final_i_y("Tillabery") == ["Tillaberi"]
    assert final_i_y("Mali") == []  # too short to vary
    assert final_i_y("Gao") == []


def test_a_name_spelled_with_the_other_final_letter_is_found(pack: Any) -> None:
    [m] = pack.find_places("Troops patrolled near Dogofry on Monday.")
    assert {c.name for c in m.candidates} == {"Dogofri"}


@pytest.mark.parametrize(("text", "country"), [
    ("an army base in the Lac province", "TD"),
    ("fighting in the Kanem province", "TD"),
    ("a park in Alibori", "BJ"),
    ("villages of Zamfara State", "NG"),
])
def test_neighbouring_countries_admin_areas(pack: Any, text: str, country: str) -> None:
    [m] = pack.find_places(text)
    assert {c.country for c in m.candidates} == {country}
    assert {c.feature_code for c in m.candidates} == {"ADM1"}
