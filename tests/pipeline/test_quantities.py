from __future__ import annotations

from sitrep.pipeline.dates import Publication, find_dates
from sitrep.pipeline.quantities import find_quantities


def kinds(text: str) -> list[tuple[str, int, int | None, int | None, str | None, bool]]:
    dates = find_dates(text, Publication.parse("2024-10"))
    out = []
    for q in find_quantities(text, 0, dates):
        assert text[q.start:q.end] == q.text
        out.append((q.kind, q.count.value, q.count.low, q.count.high, q.side,
                    q.part_of is not None))
    return out


def test_active_and_passive_tolls() -> None:
    assert kinds("Gunmen killed twenty-one villagers and wounded more than 30 others.") == [
        ("killed", 21, 21, 21, "civilians", False), ("injured", 31, 31, None, None, False)]
    assert kinds("Between 20 and 30 soldiers were killed near Boni.") == [
        ("killed", 20, 20, 30, "forces", False)]
    assert kinds("Three gendarmes died and five were injured.")[0][:2] == ("killed", 3)


def test_hostages_and_abductions() -> None:
    assert kinds("Militants stormed the hotel, taking 170 people, mostly guests, hostage.") == [
        ("abducted", 170, 170, 170, None, False)]
    assert kinds("Jihadists abducted 45 women near Arbinda.")[0][:2] == ("abducted", 45)


def test_vague_counts_and_sides() -> None:
    assert kinds("The ambush left dozens dead.") == [("killed", 24, 24, None, None, False)]
    assert kinds("Insurgents killed dozens of Wagner mercenaries.")[0][4] == "forces"
    assert kinds("The army said it killed 14 terrorists.")[0][4] == "attackers"


def test_parts_are_marked_not_added() -> None:
    found = kinds("ACLED put the total at 90, including the deaths of all 13 militants.")
    assert found == [("killed", 90, 90, 90, None, False), ("killed", 13, 13, 13, "attackers", True)]


def test_years_and_rhetoric_are_not_tolls() -> None:
    assert kinds("The 2017 attack that killed four soldiers.") == [
        ("killed", 4, 4, 4, "forces", False)]
    assert kinds("Zarqawi was killed in 2006.") == []
    assert kinds("The team lost 3 points.") == []
    assert kinds("Over 669+ million dead since the year 622, the post claims.") == []


def test_counts_with_an_apposition_or_a_modifier_before_the_verb() -> None:
    assert kinds("Ten Chadian peacekeepers serving with the UN mission were killed.") == [
        ("killed", 10, 10, 10, "forces", False)]
    assert kinds("Thirty people from at least seven countries were killed.") == [
        ("killed", 30, 30, 30, None, False)]
    assert kinds("At least 41 people, among them volunteer fighters, were killed.") == [
        ("killed", 41, 41, None, None, False)]
    assert kinds("Six passengers were shot dead.") == [("killed", 6, 6, 6, "civilians", False)]


def test_a_toll_told_after_the_event_it_counts() -> None:
    assert kinds("The death toll from the attack on the village of Sobane Da, near Sangha, "
                 "has risen to 35.") == [("killed", 35, 35, 35, None, False)]


def test_a_single_casualty_told_by_the_article() -> None:
    assert kinds("A French soldier was also killed when his vehicle struck a mine.") == [
        ("killed", 1, 1, 1, "forces", False)]
    assert kinds("A priest was kidnapped in Bamako.") == [("abducted", 1, 1, 1, None, False)]
    assert kinds("A convoy was attacked near Boni.") == []
    assert kinds("Two soldiers and a civilian were killed.") == [
        ("killed", 3, 3, 3, "forces", False)]


def test_a_pair_of_counts_keeps_each_side() -> None:
    from sitrep.pipeline.quantities import find_quantities

    got = [(q.count.value, q.side) for q in find_quantities(
        "Twenty herders and nine soldiers were killed in the raid.")]
    assert got == [(20, "civilians"), (9, "forces")]
