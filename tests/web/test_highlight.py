"""Highlight segments: every character kept once, overlapping spans split, offsets honoured."""

from __future__ import annotations

from sitrep.web.highlight import segments


def test_nested_and_overlapping_spans() -> None:
    text = "JNIM fighters attacked Djibo."
    spans = [{"start": 0, "end": 28, "kind": "event", "property": "event"},
             {"start": 0, "end": 4, "kind": "actor", "property": "actor1", "value": "jnim"},
             {"start": 23, "end": 28, "kind": "place", "property": "location"}]
    segs = segments(text, spans)
    assert "".join(s.text for s in segs) == text
    first = segs[0]
    assert first.text == "JNIM" and first.mark is not None and first.mark["kind"] == "actor"
    assert "actor1 = jnim" in first.title and "event" in first.title
    middle = next(s for s in segs if s.text == " fighters attacked ")
    assert middle.mark is not None and middle.mark["kind"] == "event"
    assert segs[-1].text == "." and segs[-1].mark is None


def test_an_actor_read_from_the_trigger_word_keeps_its_link() -> None:
    """'Gunmen killed ...': the event mention, a claim and the actor share the span "Gunmen";
    in any order, the piece links to the actor (the most specific page)."""
    text = "Gunmen killed five."
    spans = [{"start": 0, "end": 6, "kind": "event", "property": "event mention"},
             {"start": 0, "end": 6, "kind": "statement", "property": "event_type"},
             {"start": 0, "end": 6, "kind": "actor", "property": "actor1", "value": "gunmen"}]
    for order in (spans, spans[::-1], [spans[1], spans[2], spans[0]]):
        first = segments(text, order)[0]
        assert first.text == "Gunmen" and first.mark is not None
        assert first.mark["kind"] == "actor"


def test_offset_and_out_of_range_spans() -> None:
    # a passage that starts at document offset 100; spans are in document offsets
    segs = segments("abcdef", [{"start": 102, "end": 104}, {"start": 5, "end": 50},
                               {"start": 105, "end": 999}, {"start": None, "end": 3}],
                    offset=100)
    assert [(s.text, bool(s.marks)) for s in segs] == [("ab", False), ("cd", True),
                                                        ("e", False), ("f", True)]
    assert segs[1].start == 102


def test_markup_is_kept_as_plain_text() -> None:
    text = "<script>alert(1)</script> killed"
    segs = segments(text, [{"start": 26, "end": 32}])
    assert segs[0].text == "<script>alert(1)</script> "  # escaping is the template's job


def test_figure_values_read_as_numbers() -> None:
    from sitrep.web.highlight import claim_value

    assert claim_value('{"approximate": true, "low": 200, "high": null, "point": 200}') \
        == "200 (approx.)"
    assert claim_value('{"low": 150, "high": 400, "point": null}') == "150–400"
    assert claim_value('{"low": 150, "high": 400, "point": 200}') == "200 (150–400)"
    assert claim_value("jnim") == "jnim" and claim_value("{not json") == "{not json"
