"""A realistic sitrep store for API and web tests, built with SQLAlchemy Core inserts.

TODO(lead): switch to ingesting corpus/demo once extraction lands — replace the body of
``build_sample_store`` with ``ingest(store, [corpus/demo])`` + ``extract_pending(store)``; the
tests only rely on what is described in ``EXPECTED`` below and on the XSS document.

The articles are short texts written for these tests; the facts (places, dates, groups) follow
public reporting on the Sahel. Every event, relation and statement points at a real span of a
stored document, as the pipeline would write it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from sitrep.model import content_id, stable_id, utcnow
from sitrep.store import Store, schema

ACTORS = [
    ("jnim", "Jama'at Nusrat al-Islam wal-Muslimin", "armed_group", None,
     ["JNIM", "GSIM", "Group for the Support of Islam and Muslims"]),
    ("isgs", "Islamic State Sahel Province", "armed_group", None,
     ["ISGS", "Islamic State in the Greater Sahara", "EIGS"]),
    ("aqim", "Al-Qaeda in the Islamic Maghreb", "armed_group", None, ["AQIM", "AQMI"]),
    ("ansar_dine", "Ansar Dine", "armed_group", "ML", []),
    ("al_mourabitoune", "Al-Mourabitoune", "armed_group", None, []),
    ("katiba_macina", "Katiba Macina", "armed_group", "ML", ["Macina Liberation Front"]),
    ("fama", "Malian Armed Forces", "state_forces", "ML", ["FAMa"]),
    ("bf_army", "Military Forces of Burkina Faso", "state_forces", "BF", ["Burkinabe army"]),
    ("vdp", "Volunteers for the Defence of the Homeland", "militia", "BF", ["VDP"]),
    ("ne_army", "Military Forces of Niger", "state_forces", "NE", ["FAN", "Nigerien army"]),
    ("wagner", "Wagner Group", "pmc", "RU", ["Wagner"]),
    ("africa_corps", "Africa Corps", "pmc", "RU", []),
    ("csp", "Permanent Strategic Framework", "armed_group", "ML", ["CSP-DPA", "CSP"]),
]

# (subject, predicate, object, start, end)
RELATIONS = [
    ("ansar_dine", "merged_into", "jnim", "2017-03", None),
    ("al_mourabitoune", "merged_into", "jnim", "2017-03", None),
    ("katiba_macina", "part_of", "jnim", "2017-03", None),
    ("jnim", "affiliate_of", "aqim", "2017-03", None),
    ("isgs", "split_from", "al_mourabitoune", "2015-05", None),
    ("isgs", "rival_of", "jnim", "2020-01", None),
    ("wagner", "supports", "fama", "2021-12", "2024-06"),
    ("africa_corps", "successor_of", "wagner", "2024-06", None),
    ("africa_corps", "supports", "fama", "2024-06", None),
    ("vdp", "supports", "bf_army", "2020-01-21", None),
    ("jnim", "fights", "fama", "2017-03", None),
    ("csp", "fights", "fama", "2023-08", None),
]

# Each article: the events it reports, with the exact phrases the statements are read from.
ARTICLES: list[dict[str, Any]] = [
    {"origin": "demo/barsalogho-1.txt", "title": "Hundreds feared dead near Barsalogho",
     "source": "Sahel Monitor", "published": "2024-08-26",
     "text": ("OUAGADOUGOU - Gunmen attacked residents of Barsalogho on Saturday as they dug "
              "defensive trenches around the town. At least 150 people were killed, according "
              "to a local security source. JNIM claimed responsibility for the attack. "
              "The army had ordered the trenches dug to protect the town."),
     "events": [{"key": "barsalogho", "quote": "Gunmen attacked residents of Barsalogho",
                 "claims": [("fatalities", "150", "At least 150 people were killed",
                             "according to a local security source", "reported"),
                            ("claimed_by", "jnim", "JNIM claimed responsibility", None,
                             "claimed")]}]},
    {"origin": "demo/barsalogho-2.txt", "title": "Toll from Barsalogho massacre rises",
     "source": "West Africa Wire", "published": "2024-08-30",
     "text": ("A humanitarian official said that about 400 civilians died in the Barsalogho "
              "attack in Burkina Faso's Centre-Nord region. The government has not published "
              "a toll."),
     "events": [{"key": "barsalogho", "quote": "about 400 civilians died in the Barsalogho attack",
                 "claims": [("fatalities", "400", "about 400 civilians died",
                             "A humanitarian official said", "reported")]}]},
    {"origin": "demo/bamako.txt", "title": "Coordinated assault on Bamako gendarmerie school",
     "source": "Sahel Monitor", "published": "2024-09-18",
     "text": ("Militants stormed a gendarmerie training school in Bamako before dawn on "
              "Tuesday and later reached the military airport. At least 77 people were killed, "
              "security sources said. JNIM said it carried out the operation."),
     "events": [{"key": "bamako",
                 "quote": "Militants stormed a gendarmerie training school in Bamako",
                 "claims": [("fatalities", "77", "At least 77 people were killed",
                             "security sources said", "reported"),
                            ("claimed_by", "jnim", "JNIM said it carried out", None, "claimed")]}]},
    {"origin": "demo/tinzaouaten.txt", "title": "Heavy losses for Malian army and Wagner",
     "source": "Desert Dispatch", "published": "2024-07-29",
     "text": ("Malian soldiers and Wagner fighters clashed with CSP-DPA rebels near Tinzaouaten "
              "on Saturday. Dozens of Wagner fighters were killed, the rebels claimed."),
     "events": [{"key": "tinzaouaten", "quote": "clashed with CSP-DPA rebels near Tinzaouaten",
                 "claims": [("fatalities", "47", "Dozens of Wagner fighters were killed",
                             "the rebels claimed", "claimed")]}]},
    {"origin": "demo/mansila.txt", "title": "Army base overrun in Mansila",
     "source": "Desert Dispatch", "published": "2024-06-13",
     "text": ("Fighters from JNIM overran an army base in Mansila in Burkina Faso's Sahel "
              "region on Tuesday. More than 100 soldiers were killed, the group said."),
     "events": [{"key": "mansila", "quote": "Fighters from JNIM overran an army base in Mansila",
                 "claims": [("fatalities", "100", "More than 100 soldiers were killed",
                             "the group said", "claimed")]}]},
    {"origin": "demo/tassia.txt", "title": "Soldiers killed near Tassia",
     "source": "West Africa Wire", "published": "2024-06-27",
     "text": ("Twenty Nigerien soldiers and one civilian were killed in an ambush near Tassia "
              "in the Tillaberi region, the defence ministry said."),
     "events": [{"key": "tassia", "quote": "were killed in an ambush near Tassia",
                 "claims": [("fatalities", "21", "Twenty Nigerien soldiers and one civilian",
                             "the defence ministry said", "asserted")]}]},
    {"origin": "demo/niamey.txt", "title": "Rally in Niamey backs the junta",
     "source": "West Africa Wire", "published": "2023-08-06",
     "text": ("Thousands rallied in Niamey on Sunday in support of the military government. "
              "No injuries were reported."),
     "events": [{"key": "niamey", "quote": "Thousands rallied in Niamey", "claims": []}]},
    {"origin": "demo/jnim-profile.txt", "title": "Who is JNIM?",
     "source": "Sahel Monitor", "published": "2024-01-10",
     "text": ("JNIM was formed in March 2017 when Ansar Dine, Al-Mourabitoune and Katiba Macina "
              "merged. The coalition is affiliated with AQIM. Since 2020 it has fought the "
              "Islamic State Sahel Province for territory."),
     "events": []},
]

EVENTS: dict[str, dict[str, Any]] = {
    "barsalogho": dict(event_date="2024-08-24", event_type="Violence against civilians",
                       sub_event_type="Attack", actor1="Jama'at Nusrat al-Islam wal-Muslimin",
                       actor2="Civilians (Burkina Faso)", country="Burkina Faso",
                       admin1="Centre-Nord", location="Barsalogho", latitude=13.417,
                       longitude=-1.067, fatalities=200, fatalities_low=150,
                       fatalities_high=400, roles=[("jnim", "actor1"), ("jnim", "claimed_by")]),
    "bamako": dict(event_date="2024-09-17", event_type="Battles", sub_event_type="Armed clash",
                   actor1="Jama'at Nusrat al-Islam wal-Muslimin", actor2="Malian Armed Forces",
                   country="Mali", admin1="Bamako", location="Bamako", latitude=12.65,
                   longitude=-8.0, fatalities=77, fatalities_low=77, fatalities_high=77,
                   roles=[("jnim", "actor1"), ("fama", "actor2"), ("jnim", "claimed_by")]),
    "tinzaouaten": dict(event_date="2024-07-27", event_type="Battles",
                        sub_event_type="Armed clash", actor1="Permanent Strategic Framework",
                        actor2="Malian Armed Forces", assoc_actor_2="Wagner Group",
                        country="Mali", admin1="Kidal", location="Tinzaouaten",
                        latitude=19.96, longitude=2.95, fatalities=47, fatalities_low=47,
                        fatalities_high=47,
                        roles=[("csp", "actor1"), ("fama", "actor2"),
                               ("wagner", "assoc_actor_2")]),
    "mansila": dict(event_date="2024-06-11", event_type="Battles",
                    sub_event_type="Non-state actor overtakes territory",
                    actor1="Jama'at Nusrat al-Islam wal-Muslimin",
                    actor2="Military Forces of Burkina Faso", country="Burkina Faso",
                    admin1="Sahel", location="Mansila", latitude=13.95, longitude=0.38,
                    fatalities=100, fatalities_low=100, fatalities_high=100,
                    roles=[("jnim", "actor1"), ("bf_army", "actor2")]),
    "tassia": dict(event_date="2024-06-25", event_type="Battles", sub_event_type="Armed clash",
                   actor1="Unidentified armed group", actor2="Military Forces of Niger",
                   country="Niger", admin1="Tillaberi", location="Tassia", latitude=14.2,
                   longitude=1.6, fatalities=21, fatalities_low=21, fatalities_high=21,
                   roles=[("ne_army", "actor2")]),
    "niamey": dict(event_date="2023-08-06", event_type="Protests",
                   sub_event_type="Peaceful protest", actor1="Protesters (Niger)",
                   country="Niger", admin1="Niamey", location="Niamey", latitude=13.51,
                   longitude=2.11, fatalities=0, fatalities_low=0, fatalities_high=0, roles=[]),
}

# What the tests may rely on.
EXPECTED = {
    "events": len(EVENTS), "documents": len(ARTICLES) + 1, "actors": len(ACTORS),
    "relations": len(RELATIONS), "barsalogho_sources": 2,
    "mali_events": 2, "burkina_events": 2, "niger_events": 2,
}

XSS_TITLE = "<script>window.__xss = 1</script>Raid report"
XSS_TEXT = ("Attackers <img src=x onerror=\"window.__xss = 2\"> struck a market in Djibo. "
            "<script>window.__xss = 3</script> Five traders were killed.")


def event_id(key: str) -> str:
    return stable_id("event", key)


def _statement(conn: Any, *, subject: str, prop: str, value: str, doc_id: str, text: str,
               phrase: str, attribution: str | None = None, modality: str = "asserted") -> None:
    start = text.index(phrase)
    end = start + len(phrase)
    conn.execute(schema.statements.insert().values(
        id=stable_id(subject, prop, value, doc_id, start, end), subject=subject, property=prop,
        value=value, document_id=doc_id, start=start, end=end, quote=phrase,
        attribution=attribution, modality=modality, confidence=0.9, extractor="test-fixture",
        created_at=utcnow()))


def _sentences(conn: Any, doc_id: str, text: str) -> None:
    for idx, m in enumerate(re.finditer(r"\S[^.!?]*[.!?]?", text)):
        conn.execute(schema.sentences.insert().values(
            document_id=doc_id, idx=idx, start=m.start(), end=m.end(), text=m.group()))


def build_sample_store(path: Path) -> Store:
    """Create the store at ``path`` (the one place to switch to the real pipeline later)."""
    store = Store(path)
    now = utcnow()
    with store.transaction() as conn:
        conn.execute(schema.runs.insert().values(
            command="ingest corpus/demo", started_at=now, finished_at=now, status="done",
            stats=json.dumps({"documents": len(ARTICLES) + 1, "events": len(EVENTS)})))
        for aid, name, kind, country, aliases in ACTORS:
            conn.execute(schema.actors.insert().values(
                id=aid, name=name, kind=kind, country=country, data=json.dumps({"facts": []})))
            for alias in aliases:
                conn.execute(schema.aliases.insert().values(
                    actor_id=aid, alias=alias, norm=alias.lower(), lang="en"))
        for key, ev in EVENTS.items():
            row = {k: v for k, v in ev.items() if k != "roles"}
            conn.execute(schema.events.insert().values(
                id=event_id(key), date_precision="day", date_end=row["event_date"],
                geo_precision=1, modality="reported", updated_at=now,
                claimed_by=json.dumps([a for a, r in ev["roles"] if r == "claimed_by"]),
                data=json.dumps({"fatalities": {"low": row["fatalities_low"],
                                                "best": row["fatalities"],
                                                "high": row["fatalities_high"]}}), **row))
            for actor_id, role in ev["roles"]:
                conn.execute(schema.event_actors.insert().values(
                    event_id=event_id(key), actor_id=actor_id, role=role))
        docs = [*ARTICLES, {"origin": "demo/xss.html", "title": XSS_TITLE, "source": "Unknown",
                            "url": "javascript:window.__xss = 8",
                            "published": "2024-05-02", "text": XSS_TEXT,
                            "events": [{"key": "xss", "quote": "struck a market in Djibo",
                                        "claims": [("fatalities", "5", "Five traders",
                                                    None, "reported")]}]}]
        conn.execute(schema.events.insert().values(
            id=event_id("xss"), event_date="2024-05-01", date_precision="day",
            date_end="2024-05-01", event_type="Violence against civilians",
            sub_event_type="Attack", actor1="<b>Unidentified</b> armed group",
            country="Burkina Faso", admin1="Sahel", location="Djibo", latitude=14.1,
            longitude=-1.63, geo_precision=1, fatalities=5, fatalities_low=5,
            fatalities_high=5, notes="<script>window.__xss = 4</script>", updated_at=now))
        doc_ids: dict[str, str] = {}
        for art in docs:
            text = art["text"]
            doc_id = content_id(text)
            doc_ids[art["origin"]] = doc_id
            conn.execute(schema.documents.insert().values(
                id=doc_id, origin=art["origin"], title=art["title"], source=art["source"],
                published=art["published"], published_precision="day", language="en",
                url=art.get("url"),
                text=text, ingested_at=now, extracted_version="test-fixture"))
            _sentences(conn, doc_id, text)
            for ev in art["events"]:
                start = text.index(ev["quote"])
                mention = stable_id("mention", doc_id, start)
                conn.execute(schema.event_sources.insert().values(
                    event_id=event_id(ev["key"]), mention_id=mention, document_id=doc_id,
                    start=start, end=start + len(ev["quote"]), quote=ev["quote"]))
                subject = f"mention:{mention}"  # as the pipeline writes them
                _statement(conn, subject=subject, prop="event_type",
                           value=EVENTS.get(ev["key"], {}).get("event_type", "Violence"),
                           doc_id=doc_id, text=text, phrase=ev["quote"])
                for prop, value, phrase, attribution, modality in ev["claims"]:
                    _statement(conn, subject=subject, prop=prop, value=value, doc_id=doc_id,
                               text=text, phrase=phrase, attribution=attribution,
                               modality=modality)
        profile = next(a for a in ARTICLES if a["origin"] == "demo/jnim-profile.txt")
        for subj, pred, obj, start, end in RELATIONS:
            rid = stable_id("relation", subj, pred, obj)
            phrase = {"merged_into": "merged", "part_of": "merged",
                      "affiliate_of": "affiliated with AQIM",
                      "rival_of": "fought the Islamic State Sahel Province"}.get(pred)
            data: dict[str, Any] = {}
            if phrase:
                _statement(conn, subject=f"actor:{subj}", prop=pred, value=f"actor:{obj}",
                           doc_id=doc_ids[profile["origin"]], text=profile["text"],
                           phrase=phrase, modality="asserted")
            else:
                data["sources"] = [{"document": "pack:sahel", "quote": f"{subj} {pred} {obj}"}]
            conn.execute(schema.relations.insert().values(
                id=rid, subject=subj, predicate=pred, object=obj, start=start,
                start_precision={4: "year", 7: "month", 10: "day"}[len(start)], end=end,
                end_precision=None if end is None else "month", modality="asserted",
                origin="text" if phrase else "pack", data=json.dumps(data)))
    return store


class LiveServer:
    """A real uvicorn server on 127.0.0.1 (free port) in a background thread."""

    def __init__(self, app: Any) -> None:
        import socket
        import threading

        import uvicorn

        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{port}"
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port,
                                                    log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        import time

        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
