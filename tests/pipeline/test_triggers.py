from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from sitrep.errors import SitrepError
from sitrep.pipeline.triggers import DEFAULT_LEXICON, load_lexicon, parse_lexicon


def test_builtin_lexicon_is_valid_and_matches_forms() -> None:
    lex = load_lexicon()
    found = lex.find("A suicide bomber struck; later soldiers clashed with gunmen and an IED "
                     "exploded. The propaganda battle raged; an assault weapon was found.")
    assert [(t.text, t.entry.sub_type) for t in found] == [
        ("suicide bomber", "Suicide bomb"), ("struck", "Armed clash"),
        ("clashed", "Armed clash"), ("IED", "Remote explosive/landmine/IED"),
        ("exploded", "Remote explosive/landmine/IED")]
    assert lex.find("a drone-strike")[0].entry.sub_type == "Air/drone strike"


def test_invalid_lexicon_names_the_entry(tmp_path: Path) -> None:
    raw = yaml.safe_load(DEFAULT_LEXICON.read_text(encoding="utf-8"))
    raw["entries"][0]["sub_type"] = "Big bang"
    with pytest.raises(SitrepError) as err:
        parse_lexicon(raw, tmp_path / "bad.yaml")
    assert err.value.code == "E304" and "suicide_bomb" in str(err.value)
    with pytest.raises(SitrepError):
        parse_lexicon({"entries": [{"id": "x", "type": "Riots",
                                    "sub_type": "Mob violence"}]}, tmp_path / "x.yaml")


def test_repelled_attacks_and_military_interventions_are_battles() -> None:
    lex = load_lexicon()
    for text, form in [("Troops repelled the assailants near the camp.", "repelled"),
                       ("Chadian forces intervened in the north in 2013.", "intervened in"),
                       ("The militia was beaten back by the army.", "beaten back"),
                       ("The military intervention began in January.", "military intervention")]:
        found = [t for t in lex.find(text) if t.text == form]
        assert found and found[0].entry.type == "Battles", text
    assert lex.find("The mayor intervened in the dispute.")[0].entry.needs_named_actor


def test_an_intervention_is_an_event_only_when_a_named_actor_intervenes() -> None:
    from sitrep.model import Document
    from sitrep.pack import load_pack
    from sitrep.pipeline import extract_document

    pack = load_pack()

    def events(text: str) -> list[str]:
        work = extract_document(Document(text=text, origin="t", title="t",
                                         published="2017-03-01"), pack)
        return [m.event_type for m in work.mentions]

    assert events("In January 2013, French forces intervened in Mali to halt an advance.") \
        == ["Battles"]
    assert events("On Monday the mayor intervened in a dispute between herders in Mopti.") == []


def test_an_idiom_holding_a_trigger_word_is_no_trigger(tmp_path: Path) -> None:
    lex = load_lexicon()
    assert [t.text for t in lex.find("The minister resigned in protest on Tuesday.")] == []
    assert [t.text for t in lex.find("Traders staged a protest in Gao.")] == ["protest"]
    raw = yaml.safe_load(DEFAULT_LEXICON.read_text(encoding="utf-8"))
    raw["not_events"] = ["protest"]  # an idiom that is also a form is a mistake in the data
    with pytest.raises(SitrepError) as err:
        parse_lexicon(raw, tmp_path / "bad.yaml")
    assert err.value.code == "E304" and "protest" in str(err.value)
