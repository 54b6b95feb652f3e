"""A state's forces under the names reports give them: "the armed forces of Mali", "Chad's
army" (the registry's aliases; a bare "the army" stays a generic state force)."""

from __future__ import annotations

import pytest

from sitrep.pack import load_pack


@pytest.mark.parametrize(("text", "actor"), [
    ("the armed forces of Mali", "fama"), ("the army of Burkina Faso", "fabf"),
    ("the armed forces of Niger", "fan"), ("Chad's army", "chad_armed_forces"),
    ("Nigeria's armed forces", "nigerian_armed_forces"),
])
def test_a_countrys_forces_by_name(text: str, actor: str) -> None:
    found = [m.actor_id for m in load_pack().find_actors(f"Yesterday {text} said it struck.")]
    assert found == [actor]


def test_a_bare_army_stays_generic() -> None:
    assert [m.actor_id for m in load_pack().find_actors("the army said")] == ["state_forces"]
