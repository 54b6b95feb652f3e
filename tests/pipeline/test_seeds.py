"""The seed articles: the major events they report (read from ../shared/corpus/seeds)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from sitrep.model import Document
from sitrep.pack import load_pack
from sitrep.pipeline import extract_document


@pytest.fixture(scope="module")
def seed_events(request: pytest.FixtureRequest) -> dict[str, list[dict[str, Any]]]:
    seeds: Path = request.getfixturevalue("seeds_dir")
    pack = load_pack()
    out = {}
    for line in (seeds / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        m = json.loads(line)
        text = (seeds / m["path"]).read_text(encoding="utf-8")
        doc = Document(text=text, origin=m["path"], published=m["published"])
        out[m["path"][:3]] = extract_document(doc, pack).events()
    return out


SEEDS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "seeds"


@pytest.fixture(scope="module")
def seeds_dir() -> Path:
    """Module-scoped twin of the conftest fixture (the seeds are read once per module)."""
    if not SEEDS.is_dir():
        pytest.skip("../shared/corpus/seeds is not present")
    return SEEDS


def find(events: list[dict[str, Any]], **want: Any) -> dict[str, Any]:
    for e in events:
        if all(e.get(k) == v for k, v in want.items()):
            return e
    raise AssertionError(f"no event with {want}: " + json.dumps(
        [{k: e[k] for k in ("event_date", "location", "fatalities")} for e in events]))


def test_radisson_blu_attack(seed_events: dict[str, list[dict[str, Any]]]) -> None:
    e = find(seed_events["000"], event_date="2015-11-20", location="Bamako")
    assert e["date_precision"] == "day" and e["fatalities"] == 20
    assert e["event_type"] == "Violence against civilians" and not e["background"]
    later = find(seed_events["001"], event_date="2015-01-01", location="Bamako")
    assert later["background"] and later["abducted"] == 170 and later["fatalities"] == 20


def test_russian_airliner_bombing(seed_events: dict[str, list[dict[str, Any]]]) -> None:
    e = find(seed_events["000"], event_date="2015-10-31", country="Egypt")
    assert e["fatalities"] == 224 and e["claimed_by"] == ["Islamic State"]
    assert e["modality"] == "claimed"


def test_bamako_2024_attack(seed_events: dict[str, list[dict[str, Any]]]) -> None:
    e = find(seed_events["001"], event_date="2024-09-17", location="Bamako")
    assert (e["fatalities_low"], e["fatalities_high"]) == (77, 90)
    assert e["actor1"] == "Jama'at Nusrat al-Islam wal-Muslimin"


def test_tinzaouaten_fighting(seed_events: dict[str, list[dict[str, Any]]]) -> None:
    e = find(seed_events["001"], event_date="2024-07-01", location="Tinzaouaten")
    assert e["date_precision"] == "month" and e["event_type"] == "Battles"
    targets = f"{e['actor2']}; {e['assoc_actor_2']}"
    assert "Wagner Group" in targets and "Malian Armed Forces" in targets


def test_statistics_and_hypotheticals_are_not_events(
        seed_events: dict[str, list[dict[str, Any]]]) -> None:
    everything = [e for evs in seed_events.values() for e in evs]
    assert not [e for e in everything if (e["fatalities"] or 0) in (924, 670)]
    assert len(everything) < 40  # analysis pieces: few real events, no event per sentence
