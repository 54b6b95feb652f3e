from __future__ import annotations

from datetime import date

from sitrep.fusion import MentionRecord, cluster_mentions, compatibility

BAMAKO = dict(country="Mali", place="bamako", place_id="geonames:2460596",
              latitude=12.65, longitude=-8.0, geo_precision=1)


def rec(mid: str, doc: str, start: date | None, end: date | None, precision: str | None,
        **kw: object) -> MentionRecord:
    return MentionRecord(mention_id=mid, document_id=doc, date_start=start, date_end=end,
                         precision=precision, **kw)  # type: ignore[arg-type]


def test_same_attack_at_three_precisions_is_one_event() -> None:
    day = rec("a", "d1", date(2015, 11, 20), None, "day", event_type="Violence against civilians",
              keywords=frozenset({"radisson blu"}), **BAMAKO)
    month = rec("b", "d2", date(2015, 11, 1), date(2015, 11, 30), "month",
                event_type="Violence against civilians",
                keywords=frozenset({"radisson blu"}), **BAMAKO)
    year = rec("c", "d3", date(2015, 1, 1), date(2015, 12, 31), "year",
               keywords=frozenset({"radisson blu"}), **BAMAKO)
    clusters = cluster_mentions([year, month, day])
    assert len(clusters) == 1
    assert {m.mention_id for m in clusters[0].members} == {"a", "b", "c"}


def test_distinct_same_day_events_in_one_country_stay_apart() -> None:
    d = date(2024, 7, 27)
    gao = rec("g", "d1", d, None, "day", event_type="Battles", country="Mali", place="gao",
              latitude=16.27, longitude=-0.04, geo_precision=1)
    mopti = rec("m", "d2", d, None, "day", event_type="Battles", country="Mali", place="mopti",
                latitude=14.49, longitude=-4.19, geo_precision=1)
    assert compatibility(gao, mopti) is None
    assert len(cluster_mentions([gao, mopti])) == 2


def test_same_day_without_shared_evidence_is_not_merged() -> None:
    d = date(2022, 3, 5)
    a = rec("a", "d1", d, None, "day", event_type="Protests", country="Mali")
    b = rec("b", "d2", d, None, "day", event_type="Battles", country="Mali")
    assert compatibility(a, b) is None
    c = rec("c", "d3", d, None, "day", event_type="Battles", country="Mali")
    # same day and type alone is weak evidence: below the threshold
    assert len(cluster_mentions([b, c])) == 2


def test_shared_actors_and_day_merge_paraphrases_without_place() -> None:
    d = date(2019, 10, 27)
    a = rec("a", "d1", d, None, "day", event_type="Battles",
            actors=frozenset({"us_forces", "abu_bakr_al_baghdadi"}))
    b = rec("b", "d2", date(2019, 10, 1), date(2019, 10, 31), "month", event_type="Battles",
            actors=frozenset({"us_forces", "abu_bakr_al_baghdadi"}))
    assert len(cluster_mentions([a, b])) == 1


def test_vague_mention_fitting_two_events_joins_neither() -> None:
    e1 = rec("e1", "d1", date(2015, 3, 7), None, "day", keywords=frozenset({"bamako"}), **BAMAKO)
    e2 = rec("e2", "d2", date(2015, 11, 20), None, "day", keywords=frozenset({"bamako"}),
             **BAMAKO)
    vague = rec("v", "d3", date(2015, 1, 1), date(2015, 12, 31), "year",
                keywords=frozenset({"bamako"}), **BAMAKO)
    clusters = cluster_mentions([e1, e2, vague])
    assert len(clusters) == 3


def test_keep_apart_judgement_is_respected_and_clusters_grow_incrementally() -> None:
    a = rec("a", "d1", date(2024, 9, 17), None, "day", keywords=frozenset({"gendarmerie"}),
            **BAMAKO)
    b = rec("b", "d2", date(2024, 9, 17), None, "day", keywords=frozenset({"gendarmerie"}),
            **BAMAKO)
    assert len(cluster_mentions([a, b], keep_apart={frozenset({"a", "b"})})) == 2
    first = cluster_mentions([a])
    grown = cluster_mentions([b], existing=first)
    assert len(grown) == 1 and len(grown[0].members) == 2


def test_contradicting_countries_or_dates_never_merge() -> None:
    a = rec("a", "d1", date(2021, 6, 5), None, "day", country="Burkina Faso",
            keywords=frozenset({"solhan"}))
    b = rec("b", "d2", date(2021, 6, 5), None, "day", country="Niger",
            keywords=frozenset({"solhan"}))
    c = rec("c", "d3", date(2021, 8, 5), None, "day", country="Burkina Faso",
            keywords=frozenset({"solhan"}))
    assert compatibility(a, b) is None
    assert compatibility(a, c) is None


def test_two_events_one_report_kept_apart_by_extraction_stay_apart() -> None:
    """One report: JNIM attacked a village on Monday and a nearby town on Tuesday. Across
    reports the day of tolerance and the shared region and actor would join them; within the
    report, extraction already read them as two events."""
    jnim = frozenset({"jnim"})
    village = dict(country="Burkina Faso", admin1="Sahel", event_type="Battles",
                   sub_event_type="Armed clash", actors=jnim, geo_precision=1)
    monday = rec("a", "d1", date(2021, 3, 1), None, "day", place="tongomayel",
                 latitude=14.13, longitude=-1.62, **village)  # type: ignore[arg-type]
    tuesday = rec("b", "d1", date(2021, 3, 2), None, "day", place="djibo",
                  latitude=14.10, longitude=-1.63, **village)  # type: ignore[arg-type]
    assert compatibility(monday, tuesday) is None
    assert len(cluster_mentions([monday, tuesday])) == 2
    # the same two as separate reports: near places, a day apart, the same actor -> joined
    other = rec("b", "d2", date(2021, 3, 2), None, "day", place="djibo",
                latitude=14.10, longitude=-1.63, **village)  # type: ignore[arg-type]
    assert (compatibility(monday, other) or 0) >= 2.0
    # one report naming the same town twice for one day: still one event
    again = rec("c", "d1", date(2021, 3, 1), None, "day", place="tongomayel",
                latitude=14.13, longitude=-1.62, **village)  # type: ignore[arg-type]
    assert (compatibility(monday, again) or 0) >= 2.0
