"""Who is the perpetrator of an event several reports describe (store.events assembly)."""

from __future__ import annotations

from typing import Any

import pytest

from sitrep.store.events import _parents, _perpetrators_first


@pytest.fixture(scope="module")
def pack() -> Any:
    from sitrep.pack import load_pack

    return load_pack()


def test_parents_follow_pack_facts(pack: Any) -> None:
    assert "al_qaeda" in _parents(pack, "jnim")
    assert "jnim" not in _parents(pack, "al_qaeda")


def test_the_affiliate_comes_before_the_parent_group(pack: Any) -> None:
    # "an al-Qaeda attack" in one report, the affiliate named in another
    assert _perpetrators_first(pack, ["al_qaeda", "jnim"], [])[0] == "jnim"
    # the affiliate is only named as the claimant: it is the perpetrator, told more precisely
    assert _perpetrators_first(pack, ["al_qaeda"], ["jnim"])[0] == "jnim"


def test_named_groups_before_placeholders_and_unrelated_claims_do_not_win(pack: Any) -> None:
    order = _perpetrators_first(pack, ["unidentified_armed_group", "isgs"], [])
    assert order[0] == "isgs"
    # a claimant unrelated to the named perpetrator does not displace it
    assert _perpetrators_first(pack, ["fama"], ["jnim"]) == ["fama"]
