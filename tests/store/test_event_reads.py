"""The event list's fast paths (migration 0032) give exactly the answer of a plain filter.

A store of a few hundred events with awkward data (month- and year-long periods, country
spellings in several cases, undated and background events, actors in two roles of one event)
is queried with many filter combinations; every answer is checked against the same filter
written in Python over all rows, so an index-only shortcut that drops or reorders an event
fails here."""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import insert, update

from sitrep.store import Store, queries, schema
from sitrep.store.db import insert_ignore

ACTORS = ("jnim", "fama", "issp", "wagner", "koglweogo")
SOURCES: dict[str, tuple[str, list[tuple[int, int, str]]]] = {}  # document -> title, sentences
CITED: dict[str, list[tuple[str, str]]] = {}  # event -> (document, quoted sentence)
COUNTRIES = ("Mali", "MALI", "mali", "Burkina Faso", "Niger", None)


def _events(rng: random.Random, n: int) -> list[dict[str, Any]]:
    rows = []
    for i in range(n):
        precision = rng.choice(("day", "day", "day", "month", "year", None))
        start = date(2019, 1, 1) + timedelta(days=rng.randint(0, 5 * 365))
        if precision == "month":
            start = start.replace(day=1)
            nxt = (start.replace(day=28) + timedelta(days=4)).replace(day=1)
            end: date | None = nxt - timedelta(days=1)
        elif precision == "year":
            start, end = date(start.year, 1, 1), date(start.year, 12, 31)
        else:
            end = None
        rows.append({
            "id": f"ev{i:04d}", "event_date": start.isoformat() if precision else None,
            "date_precision": precision, "date_end": end.isoformat() if end else None,
            "event_type": rng.choice(("Battles", "Violence against civilians")),
            "country": rng.choice(COUNTRIES), "location": rng.choice(("Djibo", "Gao")),
            "fatalities": rng.choice((None, 0, 1, 5, 5, 12)),
            "background": rng.random() < 0.1, "updated_at": "2026-01-01T00:00:00Z",
            "claimed_by": json.dumps([]),
        })
    return rows


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> tuple[Store, list[dict[str, Any]],
                                                               dict[str, set[str]]]:
    store = Store(tmp_path_factory.mktemp("reads") / "r.db")
    rng = random.Random(3)
    rows = _events(rng, 400)
    links: dict[str, set[str]] = {}
    with store.transaction() as conn:
        conn.execute(insert(schema.actors), [{"id": a, "name": a.upper() + " Group",
                                              "kind": "armed_group"} for a in ACTORS])
        # one alias naming two actors: the actor filter then matches the events of both
        conn.execute(insert(schema.aliases), [{"actor_id": a, "alias": "The Coalition",
                                               "norm": "the coalition"} for a in ("jnim", "fama")])
        conn.execute(insert(schema.events), rows)
        ea = []
        for r in rows:
            for role in ("actor1", "actor2", "claimed_by"):
                if rng.random() < 0.6:
                    a = rng.choice(ACTORS)
                    ea.append({"event_id": r["id"], "actor_id": a, "role": role})
                    links.setdefault(a, set()).add(r["id"])
        insert_ignore(conn, schema.event_actors, ea)
        # sources: documents of three sentences each; an event cites one sentence of one or
        # two documents, and the word searched for sits in some sentences and some titles
        docs, sents, srcs = [], [], []
        for d in range(40):
            words = [rng.choice(("convoy", "market", "bridge", "school")) for _ in range(3)]
            spans, pos = [], 0
            for w in words:
                sentence = f"Gunmen struck the {w} near town."
                spans.append((pos, pos + len(sentence), sentence))
                pos += len(sentence) + 1
            docs.append({"id": f"doc{d:02d}", "origin": f"d{d}.txt", "ingested_at": "2026",
                         "title": f"Report {rng.choice(('convoy', 'weather'))} {d}",
                         "text": " ".join(x[2] for x in spans)})
            sents += [{"document_id": f"doc{d:02d}", "idx": i, "start": a, "end": b,
                       "text": t} for i, (a, b, t) in enumerate(spans)]
            SOURCES[f"doc{d:02d}"] = (docs[-1]["title"], spans)
        for r in rows[:300]:
            for k in range(rng.choice((1, 1, 2))):
                d = rng.randrange(40)
                a, b, t = SOURCES[f"doc{d:02d}"][1][rng.randrange(3)]
                srcs.append({"event_id": r["id"], "mention_id": f"{r['id']}-{k}",
                             "document_id": f"doc{d:02d}", "start": a, "end": b, "quote": t})
                CITED.setdefault(r["id"], []).append((f"doc{d:02d}", t))
        conn.execute(insert(schema.documents), docs)
        conn.execute(insert(schema.sentences), sents)
        conn.execute(insert(schema.event_sources), srcs)
        # a later correction of one event's date must reach the actor links (trigger)
        moved = next(r for r in rows if r["id"] in links.get("jnim", set()))
        moved["event_date"], moved["date_end"], moved["date_precision"] = "2018-06-01", None, "day"
        conn.execute(update(schema.events).where(schema.events.c.id == moved["id"])
                     .values(event_date="2018-06-01", date_end=None, date_precision="day"))
    yield store, rows, links
    store.close()


def _expected(rows: list[dict[str, Any]], links: dict[str, set[str]], *, start: str | None,
              end: str | None, country: str | None, actor: str | None,
              q: str | None = None) -> list[dict[str, Any]]:
    out = []
    for r in rows:
        if q and not any(q in quote.lower().split(" ") or q in SOURCES[doc][0].lower().split()
                         for doc, quote in CITED.get(r["id"], [])):
            continue
        if r["background"]:
            continue
        ev_start, ev_end = r["event_date"], r["date_end"] or r["event_date"]
        if start and (ev_end is None or ev_end < start):
            continue
        if end and (ev_start is None or ev_start > end):
            continue
        if country and (r["country"] or "").lower() != country.lower():
            continue
        if actor and r["id"] not in set().union(*(links.get(a, set())
                                                   for a in actor.split("|"))):
            continue
        out.append(r)
    return out


def _newest_first(rows: list[dict[str, Any]]) -> list[str]:
    dated = sorted((r for r in rows if r["event_date"]), key=lambda r: r["id"])
    dated.sort(key=lambda r: r["event_date"], reverse=True)
    return [r["id"] for r in dated] + sorted(r["id"] for r in rows if not r["event_date"])


CASES = [
    {}, {"date_from": "2021-03", "date_to": "2021-03"}, {"date_from": "2020"},
    {"date_to": "2019-06-15"}, {"country": "mali"}, {"country": "Burkina Faso",
                                                     "date_from": "2022-01", "date_to": "2022-12"},
    {"actor": "jnim"}, {"actor": "JNIM Group"}, {"actor": "fama", "date_from": "2021-07",
                                                  "date_to": "2021-07"},
    {"actor": "issp", "date_from": "2022"}, {"actor": "wagner", "date_to": "2020-02"},
    {"actor": "nobody"}, {"actor": "koglweogo", "country": "MALI"},
    {"actor": "The Coalition"}, {"actor": "the coalition", "date_from": "2021"},
    {"q": "convoy"}, {"q": "Market", "country": "mali", "date_from": "2020"},
    {"q": "weather", "actor": "jnim"}, {"q": "nothing"}, {"q": "bridge", "sort": "-fatalities"},
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: ",".join(f"{k}={v}" for k, v in c.items())
                         or "all")
def test_list_events_matches_a_plain_filter(filled: Any, case: dict[str, str]) -> None:
    store, rows, links = filled
    actor = case.get("actor")
    actor_id = next((a for a in ACTORS if actor and actor.lower() in (a, a + " group")), actor)
    if actor and actor.lower() == "the coalition":
        actor_id = "jnim|fama"
    start = queries.parse_date(case.get("date_from"), "date_from")
    end = queries.parse_date(case.get("date_to"), "date_to", end=True)
    matched = _expected(rows, links, start=start, end=end, country=case.get("country"),
                        actor=actor_id, q=case["q"].lower() if "q" in case else None)
    want = _newest_first(matched)
    if case.get("sort") == "-fatalities":
        ranked = sorted(matched, key=lambda r: r["id"])
        ranked.sort(key=lambda r: -1 if r["fatalities"] is None else r["fatalities"],
                    reverse=True)
        want = [r["id"] for r in ranked]
    assert want or case.get("q") == "nothing" or case.get("actor") == "nobody"
    got: list[str] = []
    total = None
    for offset in range(0, len(rows), 37):  # every page, so paging is checked too
        page = queries.list_events(store, limit=37, offset=offset, **case)
        total = page["total"]
        got += [item["id"] for item in page["items"]]
    assert total == len(want)
    assert got == want


def test_actor_links_carry_the_event_date(filled: Any) -> None:
    store, rows, _ = filled
    by_id = {r["id"]: r for r in rows}
    with store.reader() as conn:  # columns kept by migration 0032's triggers, not in schema
        copied = conn.exec_driver_sql("SELECT event_id, event_date, background "
                                      "FROM event_actors").all()
    assert copied
    for event_id, event_date, background in copied:
        assert event_date == by_id[event_id]["event_date"]
        assert bool(background) == by_id[event_id]["background"]


def test_stats_buckets_match_the_rows(filled: Any) -> None:
    store, rows, _ = filled
    live = [r for r in rows if not r["background"]]
    months: dict[str, list[int]] = {}
    weeks: dict[str, dict[str, int]] = {}
    for r in live:
        if not r["event_date"]:
            continue
        m = months.setdefault(r["event_date"][:7], [0, 0])
        m[0] += 1
        m[1] += r["fatalities"] or 0
        d = date.fromisoformat(r["event_date"])
        wk = weeks.setdefault((d - timedelta(days=d.weekday())).isoformat(), {})
        wk[r["event_type"]] = wk.get(r["event_type"], 0) + 1
    got = queries.stats(store)
    assert got["by_month"] == [{"month": k, "events": v[0], "fatalities": v[1]}
                               for k, v in sorted(months.items())]
    assert got["by_week"] == [{"week": k, "total": sum(v.values()), "by_type": v}
                              for k, v in sorted(weeks.items())]
    assert sum(t["events"] for t in got["by_type"]) == len(live)
    assert got["totals"]["events"] == len(rows)


def test_trigger_kept_counts_follow_every_write(tmp_path: Any) -> None:
    """Inserts, updates (date, type, toll, country, background) and deletes, then stats must
    equal a fresh count of the events table."""
    from sqlalchemy import delete, func, select

    store = Store(tmp_path / "c.db")
    rng = random.Random(9)
    rows = _events(rng, 300)
    ev = schema.events
    with store.transaction() as conn:
        conn.execute(insert(ev), rows)
        for r in rng.sample(rows, 60):
            conn.execute(update(ev).where(ev.c.id == r["id"]).values(
                event_date=rng.choice(("2024-02-03", None)), event_type="Riots",
                fatalities=rng.choice((None, 7)), country=rng.choice(("Chad", None)),
                background=not r["background"]))
        conn.execute(delete(ev).where(ev.c.id.in_([r["id"] for r in rng.sample(rows, 40)])))
        conn.execute(insert(schema.statements), [
            {"id": f"s{i}", "subject": "x", "property": "p", "value": "v", "extractor": "t",
             "created_at": "2026"} for i in range(25)])
        conn.execute(delete(schema.statements).where(schema.statements.c.id.in_(["s1", "s2"])))
    with store.reader() as conn:
        live = [dict(r) for r in conn.execute(select(ev).where(ev.c.background.is_(False)))
                .mappings()]
        n_events = conn.execute(select(func.count()).select_from(ev)).scalar_one()
    got = queries.stats(store)
    store.close()
    assert got["totals"]["statements"] == 23 and got["totals"]["events"] == n_events
    months: dict[str, list[int]] = {}
    types: dict[str, int] = {}
    countries: dict[str, int] = {}
    for r in live:
        types[r["event_type"] or "Unknown"] = types.get(r["event_type"] or "Unknown", 0) + 1
        countries[r["country"] or "Unknown"] = countries.get(r["country"] or "Unknown", 0) + 1
        if r["event_date"]:
            m = months.setdefault(r["event_date"][:7], [0, 0])
            m[0] += 1
            m[1] += r["fatalities"] or 0
    assert got["by_month"] == [{"month": k, "events": v[0], "fatalities": v[1]}
                               for k, v in sorted(months.items())]
    assert {t["event_type"]: t["events"] for t in got["by_type"]} == types
    assert {c["country"]: c["events"] for c in got["by_country"]} == countries


def test_front_page_actors_match_list_actors_after_every_write(tmp_path: Any) -> None:
    """Migration 0034's per-actor counts: one actor in two roles of an event counts once, and
    deleting links or whole events (cascade) keeps them equal to a fresh count."""
    from sqlalchemy import delete

    store = Store(tmp_path / "a.db")
    rng = random.Random(4)
    rows = _events(rng, 200)
    names = [f"Group {c}" for c in "ABCDEFGHIJKL"]
    with store.transaction() as conn:
        conn.execute(insert(schema.actors), [{"id": n.lower().replace(" ", "_"), "name": n,
                                              "kind": "armed_group"} for n in names])
        conn.execute(insert(schema.events), rows)
        links = [{"event_id": r["id"], "actor_id": rng.choice(names[:8]).lower()
                  .replace(" ", "_"), "role": role}
                 for r in rows for role in ("actor1", "actor2", "claimed_by")
                 if rng.random() < 0.5]
        insert_ignore(conn, schema.event_actors, links)
    with store.transaction() as conn:
        ea, ev = schema.event_actors, schema.events
        conn.execute(delete(ea).where(ea.c.event_id.in_([r["id"] for r in rows[:30]]),
                                      ea.c.role == "actor1"))
        conn.execute(delete(ev).where(ev.c.id.in_([r["id"] for r in rows[30:60]])))
    expected = [a for a in queries.list_actors(store, limit=10, sort="-events")["items"]
                if a["events"]]
    got = queries.overview(store, latest=10)["active_actors"]
    store.close()
    assert got == expected and len(got) == 8
