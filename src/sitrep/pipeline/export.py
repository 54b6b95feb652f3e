"""Event exports: JSON lines (DESIGN.md shape), ACLED-style CSV, GeoJSON.

All three are written from ``sitrep.store.events.iter_event_records``, so they agree with each
other and with ``sitrep eval``.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import IO, Any

from ..errors import Errors, SitrepError

FORMATS = ("jsonl", "acled-csv", "geojson")
# ACLED's column names (codebook 2023); time_precision 1 = day, 2 = week, 3 = month or coarser.
ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "country", "admin1", "admin2",
    "location", "latitude", "longitude", "geo_precision", "source", "notes", "fatalities",
    "tags",
)
_TIME_PRECISION = {"day": 1, "month": 3, "year": 3}


def acled_row(rec: dict[str, Any]) -> dict[str, Any]:
    """One event record as an ACLED row; what ACLED has no column for goes into ``tags``."""
    tags = []
    if rec.get("claimed_by"):
        tags.append("claimed by " + ", ".join(rec["claimed_by"]))
    for key in ("injured", "abducted"):
        if rec.get(key) is not None:
            tags.append(f"{key}={rec[key]}")
    if rec.get("fatalities_low") is not None or rec.get("fatalities_high") is not None:
        tags.append(f"fatalities {rec.get('fatalities_low')}-{rec.get('fatalities_high')}")
    if rec.get("background"):
        tags.append("background")
    date = rec.get("event_date")
    sources = sorted({s["document"] for s in rec.get("sources", [])})
    return {
        "event_id_cnty": rec["event_id"], "event_date": date,
        "year": date[:4] if date else None,
        "time_precision": _TIME_PRECISION.get(rec.get("date_precision") or ""),
        "event_type": rec.get("event_type"), "sub_event_type": rec.get("sub_event_type"),
        "actor1": rec.get("actor1"), "assoc_actor_1": rec.get("assoc_actor_1"),
        "actor2": rec.get("actor2"), "assoc_actor_2": rec.get("assoc_actor_2"),
        "country": rec.get("country"), "admin1": rec.get("admin1"), "admin2": rec.get("admin2"),
        "location": rec.get("location"), "latitude": rec.get("latitude"),
        "longitude": rec.get("longitude"), "geo_precision": rec.get("geo_precision"),
        "source": "; ".join(sources), "notes": rec.get("notes"),
        "fatalities": rec.get("fatalities") if rec.get("fatalities") is not None else 0,
        "tags": "; ".join(tags),
    }


def geojson_feature(rec: dict[str, Any]) -> dict[str, Any]:
    lat, lon = rec.get("latitude"), rec.get("longitude")
    geometry = {"type": "Point", "coordinates": [lon, lat]} \
        if lat is not None and lon is not None else None
    props = {k: v for k, v in rec.items() if k not in ("latitude", "longitude")}
    return {"type": "Feature", "id": rec["event_id"], "geometry": geometry, "properties": props}


def write_events(records: Iterable[dict[str, Any]], out: IO[str], fmt: str) -> int:
    """Write records in ``fmt``; return how many were written."""
    if fmt not in FORMATS:
        raise SitrepError(Errors.E305, value=fmt)
    n = 0
    if fmt == "jsonl":
        for rec in records:
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
    elif fmt == "acled-csv":
        writer = csv.DictWriter(out, fieldnames=list(ACLED_COLUMNS), lineterminator="\n")
        writer.writeheader()
        for rec in records:
            writer.writerow(acled_row(rec))
            n += 1
    else:
        out.write('{"type": "FeatureCollection", "features": [\n')
        for rec in records:
            out.write(("" if n == 0 else ",\n") + json.dumps(geojson_feature(rec),
                                                            ensure_ascii=False))
            n += 1
        out.write("\n]}\n")
    return n
