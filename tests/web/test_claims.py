"""Claim groups for the event page: one row per distinct value, who said it, what was kept."""

from __future__ import annotations

from typing import Any

from sitrep.web.claims import claim_groups


def _claim(prop: str, value: str, doc: str, attribution: str | None = None,
           modality: str = "reported") -> dict[str, Any]:
    return {"property": prop, "value": value, "document_id": doc, "attribution": attribution,
            "modality": modality, "quote": f"quote in {doc}"}


def test_values_grouped_with_their_sources_and_the_kept_one_flagged() -> None:
    event = {
        "fatalities": 77, "fatalities_low": 50, "fatalities_high": 90, "event_date": "2024-09-17",
        "place_id": "geonames:1", "event_type": "Battles",
        "actors": [{"actor_id": "jnim", "role": "actor1"}],
        "claims": {
            "fatalities": [
                _claim("fatalities", '{"low": 77, "high": null, "point": 77}', "a",
                       "security sources said"),
                _claim("fatalities", '{"low": 77, "high": null, "point": 77}', "b"),
                _claim("fatalities", '{"low": 150, "high": null, "point": 150}', "c",
                       "the group said", "claimed"),
            ],
            "actor1": [_claim("actor1", "jnim", "a"), _claim("actor1", "unidentified", "b")],
            "event_type": [_claim("event_type", "Battles", "a")],
            "trigger": [_claim("trigger", "attack:attack", "a")],
        },
    }
    groups = {g["property"]: g for g in claim_groups(event)}
    assert "trigger" not in groups  # bookkeeping stays in the full statement list
    toll = groups["fatalities"]
    assert toll["disagree"]
    first, second = toll["values"]
    assert (first["shown"], first["documents"], first["kept"]) == ("77", ["a", "b"], True)
    assert first["said_by"] == ["security sources said"]
    assert (second["shown"], second["kept"], second["modalities"]) == ("150", False, ["claimed"])
    actors = {v["value"]: v["kept"] for v in groups["actor1"]["values"]}
    assert actors == {"jnim": True, "unidentified": False}
    assert not groups["event_type"]["disagree"] and groups["event_type"]["values"][0]["kept"]


def test_figures_counted_by_the_reconciliation_are_the_kept_ones() -> None:
    """Tolls per side add up (84 attackers + 24 soldiers = 108): no claim equals the best
    figure, so 'kept' follows the statements fusion counted."""
    attackers = {**_claim("fatalities", '{"low": 84, "high": 84, "point": 84, '
                                        '"side": "attackers"}', "a"), "id": "s1"}
    forces = {**_claim("fatalities", '{"low": 24, "point": 24, "approximate": true, '
                                     '"side": "forces"}', "a", "JNIM"), "id": "s2"}
    ignored = {**_claim("fatalities", '{"low": 3, "point": 3}', "b"), "id": "s3"}
    event = {"fatalities": 108, "fatalities_low": 108, "fatalities_high": 108, "actors": [],
             "claims": {"fatalities": [attackers, forces, ignored]},
             "data": {"fatalities": {"sides": {
                 "attackers": {"figures": [{"statement": "s1"}]},
                 "forces": {"figures": [{"statement": "s2"}]}},
                 "whole": {"figures": []}}}}
    values = {v["shown"]: v["kept"] for v in claim_groups(event)[0]["values"]}
    assert values == {"84 [attackers]": True, "24 (approx.) [forces]": True, "3": False}
