"""Relation patterns on sentences written for these tests (not from the seed articles)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sitrep.errors import SitrepError
from sitrep.pipeline.relations import ActorSpan, extract_relations, load_patterns


def rels(text: str, names: dict[str, str]) -> set[tuple[str, str, str, str | None, str]]:
    spans = []
    for name, actor in names.items():
        spans += [ActorSpan(m.start(), m.end(), actor) for m in re.finditer(re.escape(name), text)]
    out = extract_relations(text, [(0, len(text))], spans)
    for r in out:
        assert text[r.start:r.end] in r.quote  # provenance: span inside the quoted sentence
    return {(r.subject, r.predicate, r.object, r.start_date, r.modality) for r in out}


def test_apposition_founder_and_dated_split() -> None:
    got = rels("Katiba Serma, an offshoot of AQIM, was created by Abou Hafs, who broke away "
               "from the Movement for Oneness in 2016.",
               {"Katiba Serma": "serma", "AQIM": "aqim", "Abou Hafs": "hafs",
                "Movement for Oneness": "mujao"})
    assert ("serma", "founded_by", "hafs", None, "asserted") in got
    assert ("hafs", "split_from", "mujao", "2016", "asserted") in got
    assert ("serma", "split_from", "aqim", None, "asserted") in got


def test_coalition_members_each_merge_into_the_new_group() -> None:
    got = rels("The Support Group was established in March 2017 as a merger of Ansar Dine, "
               "the Macina Liberation Front and al-Murabitun.",
               {"Support Group": "jnim", "Ansar Dine": "ad", "Macina Liberation Front": "flm",
                "al-Murabitun": "mour"})
    assert {("ad", "merged_into", "jnim", "2017-03", "asserted"),
            ("flm", "merged_into", "jnim", "2017-03", "asserted"),
            ("mour", "merged_into", "jnim", "2017-03", "asserted")} <= got


def test_leadership_succession_and_support() -> None:
    got = rels("The Kremlin-backed Africa Corps, commanded by a deputy defence minister, took "
               "over from the Wagner Group, and Moscow now openly supports the junta in Bamako.",
               {"Kremlin": "russia", "Africa Corps": "ac", "Wagner Group": "wagner",
                "Moscow": "russia", "the junta": "mali_junta"})
    assert ("russia", "supports", "ac", None, "asserted") in got
    assert ("ac", "successor_of", "wagner", None, "asserted") in got
    assert ("russia", "supports", "mali_junta", None, "asserted") in got


def test_symmetric_relations_are_sorted_and_hedges_set_modality() -> None:
    got = rels("Analysts say ISWAP and Boko Haram remain bitter rivals, while Ansaroul Islam "
               "is reportedly allied with al-Qaeda.",
               {"ISWAP": "iswap", "Boko Haram": "jas", "Ansaroul Islam": "ansarul",
                "al-Qaeda": "aq"})
    assert ("iswap", "rival_of", "jas", None, "reported") in got or \
        ("iswap", "rival_of", "jas", None, "asserted") in got
    assert any(p == "allied_with" and m == "reported" for _, p, _, _, m in got)


def test_negation_is_kept_as_denied_and_prepositional_objects_are_not_subjects() -> None:
    got = rels("Residents blamed fighters of Ansar Dine, but the movement is not affiliated "
               "with AQIM, its spokesman said.",
               {"Ansar Dine": "ad", "the movement": "ad2", "AQIM": "aqim"})
    assert ("ad2", "affiliate_of", "aqim", None, "denied") in got
    got2 = rels("The town was retaken by troops of Chad, which fought JNIM for weeks.",
                {"Chad": "chad", "JNIM": "jnim"})
    assert ("chad", "fights", "jnim", None, "asserted") in got2  # relative clause subject


def test_no_relation_between_a_single_actor_or_self() -> None:
    assert rels("JNIM attacked JNIM positions, JNIM said.", {"JNIM": "jnim"}) == set()


def test_pattern_file_is_validated(tmp_path: Path) -> None:
    assert len(load_patterns()) > 30
    bad = tmp_path / "p.yaml"
    bad.write_text("patterns:\n  - id: x\n    pattern: '{X} likes {Y}'\n    emit: [likes X->Y]\n")
    with pytest.raises(SitrepError) as info:
        load_patterns(bad)
    assert info.value.code == "E201" and "bad emit" in str(info.value)
