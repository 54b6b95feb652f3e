"""Extract the Sahel-relevant entries of the UN Security Council sanctions list into the pack.

Reads the consolidated list XML (../shared/data/un-sanctions/) and writes un_actors.yaml in the
pack's actor format: the jihadist groups of the region and their global parents (by reference
number), the individuals whose listing names one of those groups or the region, and the Mali
sanctions list (MLi, from the 2020 edition: the list was ended in 2023).  Every entry carries a
``listed_un`` fact whose source note is the UN reference number and the list date.  Hand entries
in actors/*.yaml claim an entry with ``un_ref`` and receive its aliases and facts on load.

    python scripts/build_un_actors.py [--lists DIR] [--output FILE]
"""

from __future__ import annotations

import argparse
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sitrep.pack.normalize import fold, normalize  # noqa: E402

ENTITY_REFS = {
    "QDe.004", "QDe.006", "QDe.014", "QDe.134", "QDe.135", "QDe.138", "QDe.139", "QDe.140",
    "QDe.141", "QDe.142", "QDe.151", "QDe.159", "QDe.162", "QDe.163", "QDe.165",
}
REGION_RE = re.compile(
    r"QDe\.(?:014|134|135|138|139|140|141|142|159|162|163)\b|\b(?:Mali|Niger|Burkina Faso|"
    r"Sahel|Sahara|Boko Haram|Azawad|Mauritania)\b")
COUNTRIES = {
    "algeria": "DZ", "mali": "ML", "mauritania": "MR", "niger": "NE", "nigeria": "NG",
    "libya": "LY", "tunisia": "TN", "morocco": "MA", "burkina faso": "BF", "chad": "TD",
    "western sahara": "EH", "egypt": "EG", "saudi arabia": "SA", "senegal": "SN",
}
ENTITY_KIND = "jihadist_group"


def text_of(node: ET.Element | None, tag: str) -> str:
    if node is None:
        return ""
    found = node.findtext(tag)
    return " ".join(found.split()) if found else ""


LOWER_WORDS = {"al", "el", "in", "of", "the", "and", "et", "le", "la", "de", "en", "pour", "fi",
               "wa", "ul", "des", "du", "l’", "d’"}


def display(name: str) -> str:
    """UN names are upper case; title-case them ("Al-Qaida in the Islamic Maghreb")."""
    if not name.isupper():
        return name
    words = []
    for n, w in enumerate(name.split()):
        if w.startswith("(") and w.endswith(")"):
            words.append(w)
            continue
        parts = [p.capitalize() for p in w.lower().split("-")]
        word = "-".join(parts)
        if n > 0 and word.lower() in LOWER_WORDS:
            word = word.lower()
        words.append(word)
    return " ".join(words)


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", normalize(name)).strip("_")


def latin(name: str) -> bool:
    return bool(name) and fold(name).replace(" ", "").isascii()


def split_alias(raw: str) -> list[str]:
    """Alias fields sometimes pack several names: "X (Y; Z)"."""
    parts = re.split(r"[;()]", raw)
    return [" ".join(p.split()).strip(" ,") for p in parts if p.strip(" ,")]


def aliases_of(node: ET.Element, tag: str) -> list[str]:
    out: list[str] = []
    for a in node.findall(tag):
        quality = text_of(a, "QUALITY")
        for name in split_alias(text_of(a, "ALIAS_NAME")):
            if not latin(name) or len(name) < 3:
                continue
            if quality == "Low" and (len(name.split()) < 2 or len(name) < 8):
                continue  # short low-quality nicknames would match ordinary words
            out.append(display(name))
    return out


def entry(node: ET.Element, ref: str, list_date: str, person: bool) -> dict[str, Any]:
    parts = [text_of(node, t) for t in ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME",
                                         "FOURTH_NAME")]
    name = display(" ".join(p for p in parts if p))
    name = re.sub(r"\s*\([^)]*\)\s*$", "", name) or name
    aliases = aliases_of(node, "INDIVIDUAL_ALIAS" if person else "ENTITY_ALIAS")
    seen = {normalize(name)}
    uniq = []
    for a in aliases:
        k = normalize(a)
        if k and k not in seen:
            seen.add(k)
            uniq.append(a)
    nationality = text_of(node.find("NATIONALITY"), "VALUE").lower()
    listed = text_of(node, "LISTED_ON")[:10]
    source = f"UN Security Council Consolidated List, {ref}, listed {listed} (list of {list_date})"
    item: dict[str, Any] = {
        "id": slug(name), "name": name, "kind": "person" if person else ENTITY_KIND,
        "country": COUNTRIES.get(nationality), "un_ref": ref, "source": source,
        "aliases": {"un": uniq} if uniq else {},
        "facts": [{"predicate": "listed_un", "value": ref, "start": listed, "source": source}],
    }
    comments = text_of(node, "COMMENTS1")
    if comments:
        item["description"] = comments[:600]
    return item


def read_list(path: Path, keep: Any) -> list[dict[str, Any]]:
    root = ET.parse(path).getroot()
    list_date = root.get("dateGenerated", "")[:10]
    out = []
    for tag, person in (("INDIVIDUAL", True), ("ENTITY", False)):
        for node in root.iter(tag):
            ref = text_of(node, "REFERENCE_NUMBER")
            if keep(node, ref, person):
                out.append(entry(node, ref, list_date, person))
    return out


def keep_current(node: ET.Element, ref: str, person: bool) -> bool:
    if not person:
        return ref in ENTITY_REFS
    if not ref.startswith("QDi"):
        return False
    blob = " ".join(t for t in node.itertext())
    return REGION_RE.search(blob) is not None


def keep_mali(node: ET.Element, ref: str, person: bool) -> bool:
    return ref.startswith("MLi")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--lists", type=Path, default=ROOT.parent / "shared/data/un-sanctions")
    ap.add_argument("--output", type=Path,
                    default=ROOT / "src/sitrep/pack/data/sahel/un_actors.yaml")
    args = ap.parse_args(argv)
    entries = read_list(args.lists / "consolidated-2024-09-26.xml", keep_current)
    entries += read_list(args.lists / "consolidated-2020-03-20.xml", keep_mali)
    ids: set[str] = set()
    for e in entries:
        base, n = e["id"], 2
        while e["id"] in ids:
            e["id"] = f"{base}_{n}"
            n += 1
        ids.add(e["id"])
    header = ("# Generated by scripts/build_un_actors.py from the UN Security Council\n"
              "# Consolidated Sanctions List (public document). Do not edit: edit the script,\n"
              "# or claim an entry with `un_ref:` in actors/*.yaml.\n")
    body = yaml.safe_dump({"actors": entries}, allow_unicode=True, sort_keys=False, width=100)
    args.output.write_text(header + body, encoding="utf-8")
    print(f"wrote {len(entries)} UN entries to {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
