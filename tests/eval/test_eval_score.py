"""The scorer on hand-made predictions: alignment, dates, places, actors, numbers, relations."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from sitrep.cli import cli
from sitrep.errors import SitrepError
from sitrep.eval import evaluate, load_gold
from sitrep.eval.dates import DateInterval
from sitrep.eval.match import actor_matches, align, place_matches
from sitrep.eval.score import score_document

GOLD = {
    "split": "dev",
    "documents": {
        "doc-a": {
            "events": [
                {"date": "2024-09-17", "country": "Mali", "location": "Bamako",
                 "latitude": 12.6392, "longitude": -8.0029, "event_type": "Battles",
                 "sub_event_type": "Armed clash", "actor1": "JNIM",
                 "actor2": ["Malian armed forces", "Malian gendarmerie"],
                 "claimed_by": ["JNIM"], "fatalities": [77, 90]},
                {"date": "2024-07-25", "end_date": "2024-07-27", "country": "Mali",
                 "location": "Tinzaouaten", "location_aliases": ["Tin Zaouatene"],
                 "event_type": "Battles", "sub_event_type": "Armed clash",
                 "actor1": "CSP-DPA", "actor2": "Malian armed forces"},
                {"date": "2015-11", "country": "Mali", "location": "Bamako",
                 "event_type": "Violence against civilians", "sub_event_type": "Attack",
                 "actor2": "civilians", "fatalities": 20, "background": True},
            ],
            "relations": [
                {"subject": "JNIM", "predicate": "affiliate_of", "object": "al-Qaeda",
                 "start": "2017"},
                {"subject": "JNIM", "predicate": "allied_with", "object": "ISGS"},
            ],
        },
        "doc-b.txt": {"events": []},
    },
}


def event(**kw: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "event_id": "e", "event_date": "2024-09-17", "date_precision": "day",
        "event_type": "Battles", "sub_event_type": "Armed clash", "actor1": "JNIM",
        "actor2": "Malian armed forces", "claimed_by": ["JNIM"], "country": "Mali",
        "location": "Bamako", "latitude": 12.65, "longitude": -7.99, "fatalities": 80,
        "sources": [{"document": "doc-a", "quote": "q", "start": 0, "end": 1}],
    }
    base.update(kw)
    return base


@pytest.fixture
def gold_file(tmp_path: Path) -> Path:
    path = tmp_path / "dev.yaml"
    path.write_text(yaml.safe_dump(GOLD), encoding="utf-8")
    return path


def write_jsonl(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


def test_date_intervals_use_precision_and_one_day_tolerance() -> None:
    month = DateInterval.parse("2024-09")
    day = DateInterval.parse("2024-09-17")
    assert month.overlaps(day) and month.contains(day)
    assert not day.contains(month)            # too coarse: found, but the date field is wrong
    assert day.overlaps(DateInterval.parse("2024-09-18"))
    assert not day.overlaps(DateInterval.parse("2024-09-19"))
    assert DateInterval.parse("2024-09-17", "month") == month


def test_perfect_prediction_scores_one(gold_file: Path) -> None:
    gs = load_gold(gold_file)
    doc = gs.documents["doc-a"]
    preds = [event(), event(event_date="2024-07-01", date_precision="month",
                            location="Tin Zaouatène", latitude=None, longitude=None,
                            actor1="CSP-DPA", claimed_by=[], fatalities=None)]
    scores, diff = score_document(doc, preds, [])
    assert scores.events.tp == 2 and scores.events.fp == 0 and scores.events.fn == 0
    assert scores.fields["place"].tp == 2                 # alias with accent matches
    # the month-precision prediction is found, but its date is too coarse for the gold range
    assert scores.fields["date"].tp == 1 and scores.fields["date"].fn == 1
    assert diff["missed"] == []                           # background event is optional


def test_background_events_count_when_required(gold_file: Path) -> None:
    doc = load_gold(gold_file).documents["doc-a"]
    scores, diff = score_document(doc, [event()], [], background="required")
    assert scores.events.fn == 2
    assert any("[background]" in m for m in diff["missed"])


def test_one_prediction_aligns_to_at_most_one_gold_event(gold_file: Path) -> None:
    doc = load_gold(gold_file).documents["doc-a"]
    preds = [event(), event(fatalities=5)]                # a duplicate of the same attack
    scores, diff = score_document(doc, preds, [])
    assert scores.events.tp == 1 and scores.events.fp == 1
    assert len(diff["false_alarms"]) == 1
    # the better-agreeing prediction (fatalities within range) is the one aligned
    assert align(doc.events, preds) == [(0, 0)]


def test_wrong_country_or_far_date_is_not_a_match(gold_file: Path) -> None:
    doc = load_gold(gold_file).documents["doc-a"]
    for bad in (event(country="Niger"), event(event_date="2024-09-20")):
        scores, _ = score_document(doc, [bad], [])
        assert scores.events.tp == 0 and scores.events.fp == 1 and scores.events.fn == 2


def test_place_by_distance_or_type(gold_file: Path) -> None:
    doc = load_gold(gold_file).documents["doc-a"]
    gold = doc.events[0]
    assert place_matches(gold, {"location": "Kati", "latitude": 12.74, "longitude": -8.07})
    assert not place_matches(gold, {"location": "Segou", "latitude": 13.43,
                                    "longitude": -6.26})
    # a different place name but the same type and date still aligns; place is then wrong
    scores, diff = score_document(doc, [event(location="Koulikoro", latitude=None,
                                              longitude=None)], [])
    assert scores.events.tp == 1 and scores.fields["place"].fp == 1
    assert any(e["field"] == "place" for e in diff["field_errors"])


def test_place_by_the_predictions_own_gazetteer_entry(gold_file: Path) -> None:
    """A predicted place is judged by its gazetteer id, not by the first places sharing its name."""
    pack = pytest.importorskip("sitrep.pack").load_pack()
    gold = load_gold(gold_file).documents["doc-a"].events[1]          # Tinzaouaten
    found = pack.gazetteer.search("Tinzaouaten")
    kidal = pack.gazetteer.search("Kidal")
    if not found or not kidal:
        pytest.skip("the knowledge pack has no Tinzaouaten or Kidal")
    # the entry the gold's name resolves to matches, whatever name the prediction shows
    assert place_matches(gold, {"location": "Kidal", "place_id": found[0].id})
    assert not place_matches(gold, {"location": "Kidal", "place_id": kidal[0].id})


def test_fatalities_range_and_end_to_end_field_counts(gold_file: Path) -> None:
    doc = load_gold(gold_file).documents["doc-a"]
    for value, ok in ((77, True), (90, True), (91, False), (None, False)):
        scores, _ = score_document(doc, [event(fatalities=value)], [])
        assert (scores.fields["fatalities"].tp == 1) is ok
    # missed events count against field recall: the second gold event has no actor1 predicted
    scores, _ = score_document(doc, [event()], [])
    assert scores.fields["actor1"].fn == 1 and scores.fields["actor1"].tp == 1


def test_claimants_are_a_set_with_alternatives(gold_file: Path) -> None:
    from sitrep.eval.match import actor_set_matches
    one = (("Islamic State", "ISGS"),)
    assert actor_set_matches(one, ["ISGS"]) and actor_set_matches(one, ["Islamic State"])
    assert not actor_set_matches(one, ["ISGS", "Islamic State"])     # one claimant, not two
    two = (("al-Mourabitoun",), ("Macina Liberation Front",))
    assert actor_set_matches(two, ["Macina Liberation Front", "al-Mourabitoun"])
    assert not actor_set_matches(two, ["al-Mourabitoun"])


def test_country_names_and_codes() -> None:
    from sitrep.eval.match import country_key
    assert country_key("Republic of Niger") == country_key("NE") == country_key("Niger")
    assert country_key("Islamic Republic of Mauritania") == country_key("MRT")
    assert country_key("Mali") != country_key("Niger")


def test_actor_alternatives_and_generic_names() -> None:
    assert actor_matches(("Malian armed forces", "Malian gendarmerie"), "Malian Gendarmerie")
    assert actor_matches(("civilians",), "Civilians (Mali)")
    assert actor_matches(("Military Forces of Mali",), "Military Forces of Mali (2021-)")
    assert not actor_matches(("JNIM",), "ISGS")
    assert not actor_matches(("JNIM",), None)


def test_relations_symmetric_and_dates(gold_file: Path) -> None:
    doc = load_gold(gold_file).documents["doc-a"]
    rels = [
        {"subject": "JNIM", "predicate": "affiliate_of", "object": "al-Qaeda",
         "start": "2017-03-02", "end": None},
        {"subject": "ISGS", "predicate": "allied_with", "object": "JNIM"},   # reversed: fine
        {"subject": "JNIM", "predicate": "rival_of", "object": "al-Qaeda"},  # false
    ]
    scores, diff = score_document(doc, [], rels)
    assert (scores.relations.tp, scores.relations.fp, scores.relations.fn) == (2, 1, 0)
    assert scores.relation_dates_correct == 1 and scores.relation_dates_total == 1
    assert diff["relations_false"] == ["JNIM rival_of al-Qaeda"]
    wrong_date = [dict(rels[0], start="2012")]
    scores, _ = score_document(doc, [], wrong_date)
    assert scores.relation_dates_correct == 0 and scores.relations.fn == 1


def test_relations_derived_from_events_count_only_when_they_match(gold_file: Path) -> None:
    doc = load_gold(gold_file).documents["doc-a"]
    derived = {"subject": "ISGS", "predicate": "allied_with", "object": "JNIM",
               "origins": ["event"]}
    unmatched = {"subject": "JNIM", "predicate": "fights", "object": "ISGS",
                 "origins": ["event"]}
    stated = dict(unmatched, origins=["event", "text"])
    scores, diff = score_document(doc, [], [derived, unmatched])
    assert (scores.relations.tp, scores.relations.fp) == (1, 0) and diff["relations_false"] == []
    scores, diff = score_document(doc, [], [derived, stated])
    assert (scores.relations.tp, scores.relations.fp) == (1, 1)
    assert diff["relations_false"] == ["JNIM fights ISGS"]
    known = dict(derived, origins=["pack"])  # the pack knew it: not read from the text
    scores, _ = score_document(doc, [], [known])
    assert (scores.relations.tp, scores.relations.fp, scores.relations.fn) == (0, 0, 2)


def test_a_relation_is_text_evidence_only_for_documents_that_state_it() -> None:
    """One relation record, stated in doc-a's text and only implied by an event in doc-b:
    doc-b gets it with event origins (no false alarm there), doc-a with text origins."""
    from sitrep.eval.score import assign

    record = {"subject": "JNIM", "predicate": "fights", "object": "FAMa",
              "origins": ["text", "event"],
              "sources": [{"document": "a.txt", "via": "text"},
                          {"document": "b.txt", "via": "event"},
                          {"document": "b.txt", "via": "event"}]}
    out = assign([record], dict.fromkeys(("a", "b")))  # type: ignore[arg-type]  (keys only)
    assert [r["origins"] for r in out["a"]] == [["text"]]
    assert [r["origins"] for r in out["b"]] == [["event"]]
    assert record["origins"] == ["text", "event"]  # the record itself is left as it was


def test_evaluate_assigns_predictions_by_source_document(gold_file: Path,
                                                        tmp_path: Path) -> None:
    preds = [
        event(sources=[{"document": "/data/in/doc-a", "quote": "x", "start": 0, "end": 1}]),
        # a false alarm in doc-b, referred to by path: counted against doc-b
        event(event_date="2024-01-02", sources=[{"document": "corpus/doc-b.txt"}]),
        # the second article of a file that ingest split in two belongs to that file
        event(event_date="2024-07-26", location="Tinzaouaten", actor1="CSP-DPA",
              sources=[{"document": "/in/doc-b.txt#2"}]),
        # a record from a document outside the gold set is ignored
        event(sources=[{"document": "elsewhere.txt"}]),
    ]
    report = evaluate([gold_file], predictions=write_jsonl(tmp_path / "p.jsonl", preds))
    assert report["events"]["tp"] == 1 and report["events"]["fp"] == 2
    assert report["events"]["fn"] == 1
    assert report["mode"] == "predictions" and report["documents"] == 2
    docs = {d["document"] for d in report["diff"]}
    assert docs == {"doc-a", "doc-b.txt"}
    assert 0 < report["overall_f1"] < 1


def test_cli_json_and_table(gold_file: Path, tmp_path: Path) -> None:
    preds = write_jsonl(tmp_path / "p.jsonl", [event()])
    runner = CliRunner()
    out = runner.invoke(cli, ["eval", str(gold_file), "--predictions", str(preds), "--json"])
    assert out.exit_code == 0, out.output
    report = json.loads(out.output)
    assert report["events"] == {"tp": 1, "fp": 0, "fn": 1, "precision": 1.0,
                                "recall": 0.5, "f1": 0.6667}
    out = runner.invoke(cli, ["eval", str(gold_file), "--predictions", str(preds), "--diff"])
    assert out.exit_code == 0 and "missed" in out.output and "overall F1" in out.output


def test_bad_inputs_give_catalogue_errors(gold_file: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"event_id": 1}\nnot json\n', encoding="utf-8")
    with pytest.raises(SitrepError) as err:
        evaluate([gold_file], predictions=bad)
    assert err.value.code == "E402" and "line 2" in str(err.value)
    broken = dict(GOLD, documents={"d": {"events": [{"date": "2024-13", "country": "Mali",
                                                     "event_type": "Battles"}]}})
    path = tmp_path / "broken.yaml"
    path.write_text(yaml.safe_dump(broken), encoding="utf-8")
    with pytest.raises(SitrepError) as err:
        load_gold(path)
    assert err.value.code == "E401" and "event 1 date" in str(err.value)
    typo = dict(GOLD, documents={"d": {"events": [{"date": "2024", "country": "Mali",
                                                   "event_type": "Battle"}]}})
    path.write_text(yaml.safe_dump(typo), encoding="utf-8")
    with pytest.raises(SitrepError, match="event_type 'Battle'"):
        load_gold(path)


def test_a_country_name_as_location_is_no_place() -> None:
    from sitrep.eval.match import has_place

    country_level = {"location": "Mali", "country": "Mali", "latitude": 17.0, "longitude": -4.0}
    assert not has_place(country_level)
    assert has_place(dict(country_level, location="Gao"))
    assert has_place({"latitude": 16.27, "longitude": -0.04, "country": "Mali"})
    assert not has_place({"country": "Mali"}) and not has_place(None)


def test_an_events_only_batch_does_not_score_relations(tmp_path: Path) -> None:
    from sitrep.eval.score import score_sets

    rel = {"subject": "JNIM", "predicate": "fights", "object": "Malian armed forces",
           "origins": ["text"], "sources": [{"document": "doc-b.txt", "quote": "q", "start": 0,
                                            "end": 1}]}
    events_only = {"split": "dev", "relations_annotated": False,
                   "documents": {"doc-b.txt": {"events": []}}}
    path = tmp_path / "dev-x.yaml"
    path.write_text(yaml.safe_dump(events_only), encoding="utf-8")
    assert score_sets([load_gold(path)], [], [rel])["relations"]["fp"] == 0
    events_only["relations_annotated"] = True
    path.write_text(yaml.safe_dump(events_only), encoding="utf-8")
    assert score_sets([load_gold(path)], [], [rel])["relations"]["fp"] == 1
    bad = {"split": "dev", "relations_annotated": False, "documents": {
        "d": {"events": [], "relations": [{"subject": "JNIM", "predicate": "fights",
                                           "object": "ISGS"}]}}}
    path.write_text(yaml.safe_dump(bad), encoding="utf-8")
    with pytest.raises(SitrepError, match="relations_annotated"):
        load_gold(path)
