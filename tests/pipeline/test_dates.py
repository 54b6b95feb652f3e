from __future__ import annotations

import pytest

from sitrep.pipeline.dates import Publication, find_dates


def one(text: str, published: str | None, **kw: object) -> tuple[str, str, str | None, str]:
    found = find_dates(text, Publication.parse(published), **kw)  # type: ignore[arg-type]
    assert len(found) == 1, found
    d = found[0]
    assert text[d.start:d.end] == d.text
    return d.value, d.precision, d.qualifier, d.kind


@pytest.mark.parametrize(("text", "pub", "value", "precision", "qualifier"), [
    ("The attack on Nov. 20 killed twenty.", "2015-11-21", "2015-11-20", "day", None),
    ("It ignored the Sept. 17 attack.", "2024-10", "2024-09-17", "day", None),
    ("Gunmen struck on Dec. 30.", "2025-01-04", "2024-12-30", "day", None),  # past preference
    ("Trucks were seen on May 29, 2025, in Bata.", "2025-06", "2025-05-29", "day", None),
    ("The siege began on 20 November 2015.", None, "2015-11-20", "day", None),
    ("Le 17 septembre 2024, l'école a été attaquée.", None, "2024-09-17", "day", None),
    ("In November 2015, gunmen stormed a hotel.", None, "2015-11", "month", None),
    ("Militants struck the capital last month.", "2024-10", "2024-09", "month", None),
    ("Troops withdrew this month.", "2024-10-12", "2024-10", "month", None),
    ("It happened last July.", "2020-02", "2019-07", "month", None),
    ("In late July, rebels attacked a convoy.", "2024-10", "2024-07", "month", "late"),
    ("Raids intensified late last year.", "2020-02", "2019", "year", "late"),
    ("Four years ago, French forces intervened.", "2017-01-12", "2013", "year", None),
    ("He split with the group in 2012.", None, "2012", "year", None),
    ("The 2013 French intervention rid the north of them.", None, "2013", "year", None),
    ("Gunmen attacked the post on Tuesday.", "2025-06-12", "2025-06-10", "day", None),
    ("Gunmen attacked the post yesterday.", "2025-06-12", "2025-06-11", "day", None),
    ("In early 2016 the group targeted neighbours.", None, "2016", "year", "early"),
    ("Factions fought in the 1990s.", None, "1990", "year", "decade"),
])
def test_date_phrases(text: str, pub: str | None, value: str, precision: str,
                      qualifier: str | None) -> None:
    v, p, q, _ = one(text, pub)
    assert (v, p, q) == (value, precision, qualifier)


def test_relative_days_inherit_a_coarse_publication_date() -> None:
    assert one("Gunmen attacked the post yesterday.", "2025-06")[:2] == ("2025-06", "month")
    assert one("They struck on Tuesday.", "2025")[:2] == ("2025", "year")


def test_relative_phrases_need_a_publication_date() -> None:
    assert find_dates("Militants struck the capital last month.", None) == []


def test_anchored_phrases_follow_the_previous_date() -> None:
    pub = Publication.parse("2015-11-21")
    first = find_dates("The siege in Bamako began on Nov. 20.", pub)[0]
    later = find_dates("In Paris a week earlier, attackers killed 130.", pub, anchor=first)
    assert later[0].value == "2015-11-13" and later[0].kind == "anchored"
    two = find_dates("Two months later, he was killed.", pub, anchor=first)
    assert two[0].value == "2016-01" and two[0].precision == "month"
    year = find_dates("Later that year, the group merged.", pub, anchor=first)
    assert (year[0].value, year[0].qualifier) == ("2015", "late")


def test_ranges_and_counts_are_not_confused() -> None:
    pub = Publication.parse("2020-02")
    span = find_dates("Between 2003 and 2006, bombings killed many.", pub)
    assert [(d.value, d.end_date.year, d.qualifier) for d in span] == [("2003", 2006, "range")]
    assert find_dates("The group has 2000 fighters and 2,000 rifles.", pub) == []
    assert find_dates("They may attack again.", pub) == []  # 'may' is not May


@pytest.mark.parametrize(("text", "pub", "start", "end"), [
    ("The weekend massacre in Seytenga shocked the country.", "2022-06-15", "2022-06-11",
     "2022-06-12"),
    ("Gunmen killed 132 villagers over the weekend.", "2022-06-21", "2022-06-18", "2022-06-19"),
    ("Fighting raged between Thursday and Saturday near the border.", "2024-07-29",
     "2024-07-25", "2024-07-27"),
    ("Troops were deployed to Timbuktu in the last few days.", "2022-01-07", "2022-01-01",
     "2022-01-07"),
    ("Gunmen burst in during Sunday mass.", "2019-05-13", "2019-05-12", "2019-05-12"),
    ("They struck during the night of Friday to Saturday.", "2021-06-06", "2021-06-04",
     "2021-06-05"),
])
def test_weekends_weekday_spans_and_recent_days(text: str, pub: str, start: str,
                                                end: str) -> None:
    [d] = find_dates(text, Publication.parse(pub))
    assert (d.start_date.isoformat(), d.end_date.isoformat(), d.precision) == (start, end, "day")
