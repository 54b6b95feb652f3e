"""Generic descriptions -> typed placeholders, resolved by country and date (rules are data)."""

from __future__ import annotations

import pytest

from sitrep.pack import Pack, load_pack


@pytest.fixture(scope="module")
def pack() -> Pack:
    return load_pack()


def mention(pack: Pack, text: str, phrase: str):  # type: ignore[no-untyped-def]
    found = [m for m in pack.find_actors(text) if m.text == phrase]
    assert found, (phrase, [m.text for m in pack.find_actors(text)])
    return found[0]


@pytest.mark.parametrize("phrase", ["gunmen", "jihadists", "militants", "terrorists",
                                    "unidentified assailants", "unidentified armed men",
                                    "hommes armés"])
def test_unidentified_armed_group(pack: Pack, phrase: str) -> None:
    m = mention(pack, f"On Friday {phrase} stormed the market.", phrase)
    assert (m.actor_id, m.kind) == ("unidentified_armed_group", "generic")
    assert pack.resolve_generic(m, country="ML") == "unidentified_armed_group"


@pytest.mark.parametrize("phrase", ["soldiers", "troops", "the army", "security forces"])
def test_state_forces_take_the_country_in_context(pack: Pack, phrase: str) -> None:
    m = mention(pack, f"Later {phrase} arrived.", phrase)
    assert m.actor_id == "state_forces"
    assert pack.resolve_generic(m, country="ML") == "fama"
    assert pack.resolve_generic(m, country="BF") == "fabf"
    assert pack.resolve_generic(m, country="NE") == "fan"
    assert pack.resolve_generic(m) == "state_forces"


def test_demonym_before_state_forces_sets_the_country(pack: Pack) -> None:
    m = mention(pack, "Nigerien servicemen retook the town.", "Nigerien servicemen")
    assert (m.actor_id, m.kind, m.country) == ("state_forces", "generic", "NE")
    assert pack.resolve_generic(m, country="ML") == "fan"  # the text beats the context
    m = mention(pack, "Then Mali's security forces withdrew.", "security forces")
    assert m.country == "ML"
    # common phrasings are registry aliases and need no context at all
    m = mention(pack, "Burkinabe troops retook the town.", "Burkinabe troops")
    assert (m.actor_id, m.kind) == ("fabf", "named")


def test_russian_paramilitaries_by_date(pack: Pack) -> None:
    for phrase in ("Russian mercenaries", "Russian paramilitaries", "Russian instructors"):
        m = mention(pack, f"Witnesses saw {phrase} in the town.", phrase)
        assert pack.resolve_generic(m, date="2022-03-27") == "wagner"
        assert pack.resolve_generic(m, date="2024-06-30") == "wagner"
        assert pack.resolve_generic(m, date="2024-07-01") == "africa_corps"
        assert pack.resolve_generic(m, date="2025-02") == "africa_corps"
        assert pack.resolve_generic(m) == "russian_paramilitaries"


@pytest.mark.parametrize("word,cc", [("Malian", "ML"), ("Burkinabe", "BF"), ("Nigerien", "NE"),
                                     ("French", "FR"), ("Chadian", "TD")])
def test_demonyms_map_to_countries(pack: Pack, word: str, cc: str) -> None:
    m = mention(pack, f"The {word} delegation left.", word)
    assert (m.kind, m.country, m.actor_id) == ("demonym", cc, f"country:{cc}")
    resolved = pack.resolve_generic(m)
    assert resolved in pack.actors and pack.actors.get(resolved).country == cc


@pytest.mark.parametrize("phrase", ["civilians", "villagers", "herders", "worshippers"])
def test_civilians(pack: Pack, phrase: str) -> None:
    m = mention(pack, f"Twelve {phrase} were killed.", phrase)
    assert m.actor_id == "civilians"


def test_named_mentions_resolve_to_themselves(pack: Pack) -> None:
    m = mention(pack, "JNIM claimed it.", "JNIM")
    assert pack.resolve_generic(m, country="NE", date="2020") == "jnim"


def test_peacekeepers_are_the_un_mission_of_the_country(pack: Pack) -> None:
    m = mention(pack, "Ten peacekeepers were killed.", "peacekeepers")
    assert m.actor_id == "un_peacekeepers"
    assert pack.resolve_generic(m, country="ML") == "minusma"
    assert pack.resolve_generic(m, country="CD") == "un_peacekeepers"  # no mission on file


@pytest.mark.parametrize(("date", "actor"), [("2012-03-30", "mnla"), ("2019-05-01", "cma"),
                                             ("2024-07-27", "csp_psd"), ("2025-02-01", "fla")])
def test_tuareg_rebels_are_the_coalition_of_the_day(pack: Pack, date: str, actor: str) -> None:
    m = mention(pack, "Tuareg rebels took the town.", "Tuareg rebels")
    assert pack.resolve_generic(m, country="ML", date=date) == actor
