"""Actor registry: every alias variant of the major actors resolves to one entry."""

from __future__ import annotations

import pytest

from sitrep.pack import Pack, load_pack
from sitrep.pack.types import ACTOR_KINDS

VARIANTS = {
    "jnim": ["JNIM", "GSIM", "Jama'at Nusrat al-Islam wal-Muslimin",
             "Jama'a Nusrat ul-Islam wa al-Muslimin", "Jama'at Nasr al-Islam wal Muslimin",
             "Group for the Support of Islam and Muslims", "Jamaat Nusrat al-Islam wal-Muslimeen",
             "Groupe de soutien à l'islam et aux musulmans",
             "Jama’at Nusrat al Islam wal Muslimin"],
    "aqim": ["AQIM", "AQMI", "al-Qaeda in the Islamic Maghreb", "Al-Qaïda au Maghreb islamique",
             "al Qaida in the Islamic Maghreb"],
    "isgs": ["ISGS", "IS Sahel", "Islamic State in the Greater Sahara", "EIGS",
             "Islamic State Sahel Province", "État islamique au Grand Sahara", "ISSP"],
    "al_mourabitoun": ["al-Mourabitoun", "Al Mourabitoune", "al-Murabitun"],
    "ansar_dine": ["Ansar Dine", "Ansar Eddine", "Ansar al-Din", "Ançar Dine"],
    "mujao": ["MUJAO", "MUJWA", "Movement for Oneness and Jihad in West Africa",
              "Mouvement pour l'unicité et le jihad en Afrique de l'Ouest"],
    "katiba_macina": ["Katiba Macina", "Macina Liberation Front", "Front de libération du Macina",
                      "Katiba Massina"],
    "ansarul_islam": ["Ansarul Islam", "Ansaroul Islam", "Ansar ul Islam"],
    "boko_haram": ["Boko Haram", "JAS", "Jama'atu Ahlis Sunna Lidda'awati wal-Jihad"],
    "iswap": ["ISWAP", "Islamic State West Africa Province", "ISWA", "Wilayat Gharb Ifriqiya"],
    "wagner": ["Wagner", "Wagner Group", "PMC Wagner", "Groupe Wagner"],
    "africa_corps": ["Africa Corps", "Russian Africa Corps", "Afrika Korps"],
    "mnla": ["MNLA", "National Movement for the Liberation of Azawad",
             "Mouvement national de libération de l'Azawad"],
    "cma": ["CMA", "Coordination of Azawad Movements",
            "Coordination des mouvements de l'Azawad"],
    "fla": ["FLA", "Azawad Liberation Front", "Front de libération de l'Azawad"],
    "fama": ["FAMa", "Malian Armed Forces", "Forces armées maliennes", "Malian army"],
}


@pytest.fixture(scope="module")
def pack() -> Pack:
    return load_pack()


def test_registry_is_big_and_typed(pack: Pack) -> None:
    real = [a for a in pack.actors if not a.placeholder]
    assert len(real) >= 120
    assert {a.kind for a in pack.actors} <= set(ACTOR_KINDS)
    for kind in ("jihadist_group", "armed_group", "militia", "state_forces", "police",
                 "foreign_forces", "pmc", "mission", "government", "political", "person"):
        assert any(a.kind == kind for a in real), kind


@pytest.mark.parametrize("actor_id,names", sorted(VARIANTS.items()))
def test_every_variant_resolves_to_one_entry_by_search(pack: Pack, actor_id: str,
                                                       names: list[str]) -> None:
    for name in names:
        assert [a.id for a in pack.actors.search(name)] == [actor_id], name


@pytest.mark.parametrize("actor_id,names", sorted(VARIANTS.items()))
def test_every_variant_is_found_in_running_text(pack: Pack, actor_id: str,
                                                names: list[str]) -> None:
    for name in names:
        text = f"On Monday, {name} said it carried out the attack."
        found = [m for m in pack.find_actors(text) if m.kind == "named"]
        assert [(m.actor_id, m.text) for m in found] == [(actor_id, name)], name
        assert text[found[0].start:found[0].end] == name


def test_facts_are_dated_sourced_and_point_to_real_actors(pack: Pack) -> None:
    jnim = pack.actors.get("jnim")
    founded = jnim.facts_about("founded")
    assert founded and founded[0].start == "2017-03-02" and founded[0].source
    merged = [f.value for a in pack.actors for f in a.facts_about("merged_into")
              if f.value == "jnim"]
    assert len(merged) >= 3  # Ansar Dine, al-Mourabitoun, AQIM's Sahara emirate
    assert pack.actors.get("wagner").facts_about("led_by")[0].end == "2023-08-23"


def test_un_list_entries_are_merged_into_hand_entries(pack: Pack) -> None:
    jnim = pack.actors.get("jnim")
    assert jnim.un_ref == "QDe.159"
    assert any(f.predicate == "listed_un" and f.start == "2018-10-04" and "QDe.159" in f.source
               for f in jnim.facts)
    koufa = pack.actors.get("amadou_koufa")
    assert "Hamadoun Koufa" in koufa.alias_names
    # an individual only the UN list knows is still an actor, with its listing as source
    assert any(a.un_ref and a.un_ref.startswith("MLi") for a in pack.actors)


def test_acronyms_need_capitals_and_words_need_boundaries(pack: Pack) -> None:
    text = "They told us the fan was broken; the Caliphate's FAN unit and the US envoy met."
    got = [(m.text, m.actor_id) for m in pack.find_actors(text)]
    assert ("us", "country:US") not in got and ("fan", "fan") not in got
    assert ("FAN", "fan") in got and ("US", "country:US") in got
    assert not [m for m in pack.find_actors("the Wagnerian opera") if m.actor_id == "wagner"]
