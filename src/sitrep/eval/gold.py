"""Gold annotations: what a careful human coder says each document contains.

A gold file is YAML (format in docs/gold-format.md): a split name, the corpus it annotates and,
per document, the expected events and relations. Loading validates everything up front, so a
typo in an annotation is reported with its document and field instead of silently scoring zero.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..errors import Errors, SitrepError
from ..model import PREDICATES, date_precision
from .dates import DateInterval

EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": ("Armed clash", "Government regains territory",
                "Non-state actor overtakes territory"),
    "Explosions/Remote violence": ("Shelling/artillery/missile attack", "Air/drone strike",
                                   "Suicide bomb", "Remote explosive/landmine/IED", "Grenade"),
    "Violence against civilians": ("Attack", "Abduction/forced disappearance",
                                   "Sexual violence"),
    "Protests": ("Peaceful protest", "Protest with intervention",
                 "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": ("Agreement", "Arrests", "Change to group/activity",
                               "Disrupted weapons use", "Headquarters or base established",
                               "Looting/property destruction", "Non-violent transfer of territory",
                               "Other"),
}
SPLITS = ("dev", "heldout", "seeds", "demo")

_EVENT_KEYS = {
    "date", "end_date", "country", "admin1", "location", "location_aliases", "latitude",
    "longitude", "event_type", "sub_event_type", "actor1", "assoc_actor_1", "actor2",
    "assoc_actor_2", "claimed_by", "fatalities", "injured", "abducted", "background", "note",
}
_RELATION_KEYS = {"subject", "predicate", "object", "start", "end", "background", "note"}


@dataclass(frozen=True)
class NumberRange:
    """A gold count: a single number or the range the text allows ("at least 77" ... "90")."""

    low: int
    high: int

    def contains(self, value: int | float | None) -> bool:
        return value is not None and self.low <= value <= self.high

    def __str__(self) -> str:
        return str(self.low) if self.low == self.high else f"{self.low}-{self.high}"


@dataclass
class GoldEvent:
    document: str
    index: int
    date: DateInterval
    country: str | None
    event_type: str
    sub_event_type: str | None = None
    admin1: str | None = None
    location: str | None = None
    location_aliases: tuple[str, ...] = ()
    latitude: float | None = None
    longitude: float | None = None
    actor1: tuple[str, ...] = ()          # alternatives: any of them is right
    actor2: tuple[str, ...] = ()
    assoc_actor_1: tuple[str, ...] = ()
    assoc_actor_2: tuple[str, ...] = ()
    claimed_by: tuple[tuple[str, ...], ...] = ()   # each claimant, with its alternatives
    fatalities: NumberRange | None = None
    injured: NumberRange | None = None
    abducted: NumberRange | None = None
    background: bool = False
    note: str | None = None

    def summary(self) -> str:
        where = self.location or self.country or "?"
        who = self.actor1[0] if self.actor1 else "?"
        dead = f", {self.fatalities} killed" if self.fatalities else ""
        sub = self.sub_event_type or "-"
        return f"{self.date} {self.event_type}/{sub} at {where} by {who}{dead}"


@dataclass
class GoldRelation:
    document: str
    subject: tuple[str, ...]
    predicate: str
    object: tuple[str, ...]
    start: DateInterval | None = None
    end: DateInterval | None = None
    background: bool = False

    def summary(self) -> str:
        span = f" [{self.start or '?'} .. {self.end or '?'}]" if self.start or self.end else ""
        return f"{self.subject[0]} {self.predicate} {self.object[0]}{span}"


@dataclass
class GoldDocument:
    key: str                      # manifest id or file name, as exports call it `document`
    published: str | None = None
    events: list[GoldEvent] = field(default_factory=list)
    relations: list[GoldRelation] = field(default_factory=list)


@dataclass
class GoldSet:
    path: Path
    split: str
    corpus: Path | None           # what the default mode ingests
    documents: dict[str, GoldDocument]
    # other names of a document in its manifest (id <-> path), so a record whose source is
    # the file path still finds the document the gold names by manifest id
    aliases: dict[str, set[str]] = field(default_factory=dict)
    # False for an events-only batch (`relations_annotated: false`): its documents say nothing
    # about relations, so the relations read from them are neither right nor wrong
    relations_annotated: bool = True

    @property
    def n_events(self) -> int:
        return sum(len(d.events) for d in self.documents.values())

    @property
    def n_relations(self) -> int:
        return sum(len(d.relations) for d in self.documents.values())


def _fail(path: Path, detail: str) -> SitrepError:
    return SitrepError(Errors.E401, path=path, detail=detail)


def _names(value: Any, path: Path, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise _fail(path, f"{where}: expected a name or a list of names, got {value!r}")


def _claimants(value: Any, path: Path, where: str) -> tuple[tuple[str, ...], ...]:
    """[A, B] is two claimants; [[A, A2], B] gives claimant A an alternative name A2."""
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise _fail(path, f"{where}: expected a list of claimants, got {value!r}")
    return tuple(_names(v, path, where) for v in value)


def _count(value: Any, path: Path, where: str) -> NumberRange | None:
    if value is None:
        return None
    if isinstance(value, bool):
        raise _fail(path, f"{where}: expected a number or [low, high], got {value!r}")
    if isinstance(value, int):
        return NumberRange(value, value)
    if (isinstance(value, list) and len(value) == 2
            and all(isinstance(v, int) and not isinstance(v, bool) for v in value)
            and value[0] <= value[1]):
        return NumberRange(value[0], value[1])
    raise _fail(path, f"{where}: expected a number or [low, high] with low <= high, got {value!r}")


def _date(value: Any, path: Path, where: str, *, required: bool) -> DateInterval | None:
    if value is None:
        if required:
            raise _fail(path, f"{where}: a date (YYYY, YYYY-MM or YYYY-MM-DD) is required")
        return None
    text = str(value)
    try:
        date_precision(text)
        return DateInterval.parse(text)
    except ValueError:
        raise _fail(path, f"{where}: {text!r} is not YYYY, YYYY-MM or YYYY-MM-DD") from None


def _event(raw: Any, doc: str, i: int, path: Path) -> GoldEvent:
    where = f"document {doc!r} event {i + 1}"
    if not isinstance(raw, dict):
        raise _fail(path, f"{where}: expected a mapping")
    unknown = set(raw) - _EVENT_KEYS
    if unknown:
        raise _fail(path, f"{where}: unknown field(s) {sorted(unknown)}")
    etype = raw.get("event_type")
    if etype not in EVENT_TYPES:
        raise _fail(path, f"{where}: event_type {etype!r} is not one of {list(EVENT_TYPES)}")
    sub = raw.get("sub_event_type")
    if sub is not None and sub not in EVENT_TYPES[etype]:
        raise _fail(path, f"{where}: sub_event_type {sub!r} is not a sub-type of {etype!r}")
    start = _date(raw.get("date"), path, f"{where} date", required=True)
    assert start is not None
    end = _date(raw.get("end_date"), path, f"{where} end_date", required=False)
    if end is not None:
        if end.end < start.start:
            raise _fail(path, f"{where}: end_date is before date")
        start = DateInterval(start.start, end.end, start.precision, label=f"{start}..{end}")
    lat, lon = raw.get("latitude"), raw.get("longitude")
    if (lat is None) != (lon is None) or (lat is not None and not (
            isinstance(lat, int | float) and isinstance(lon, int | float)
            and -90 <= lat <= 90 and -180 <= lon <= 180)):
        raise _fail(path, f"{where}: latitude/longitude must both be given as numbers")
    return GoldEvent(
        document=doc, index=i, date=start, country=raw.get("country"), event_type=etype,
        sub_event_type=sub, admin1=raw.get("admin1"), location=raw.get("location"),
        location_aliases=_names(raw.get("location_aliases"), path, f"{where} location_aliases"),
        latitude=lat, longitude=lon,
        actor1=_names(raw.get("actor1"), path, f"{where} actor1"),
        actor2=_names(raw.get("actor2"), path, f"{where} actor2"),
        assoc_actor_1=_names(raw.get("assoc_actor_1"), path, f"{where} assoc_actor_1"),
        assoc_actor_2=_names(raw.get("assoc_actor_2"), path, f"{where} assoc_actor_2"),
        claimed_by=_claimants(raw.get("claimed_by"), path, f"{where} claimed_by"),
        fatalities=_count(raw.get("fatalities"), path, f"{where} fatalities"),
        injured=_count(raw.get("injured"), path, f"{where} injured"),
        abducted=_count(raw.get("abducted"), path, f"{where} abducted"),
        background=bool(raw.get("background", False)), note=raw.get("note"),
    )


def _relation(raw: Any, doc: str, i: int, path: Path) -> GoldRelation:
    where = f"document {doc!r} relation {i + 1}"
    if isinstance(raw, list) and len(raw) in (3, 4, 5):
        raw = dict(zip(("subject", "predicate", "object", "start", "end"), raw, strict=False))
    if not isinstance(raw, dict):
        raise _fail(path, f"{where}: expected [subject, predicate, object, start?, end?] "
                          "or a mapping")
    unknown = set(raw) - _RELATION_KEYS
    if unknown:
        raise _fail(path, f"{where}: unknown field(s) {sorted(unknown)}")
    if raw.get("predicate") not in PREDICATES:
        raise _fail(path, f"{where}: predicate {raw.get('predicate')!r} is not one of "
                          f"{list(PREDICATES)}")
    subject = _names(raw.get("subject"), path, f"{where} subject")
    obj = _names(raw.get("object"), path, f"{where} object")
    if not subject or not obj:
        raise _fail(path, f"{where}: subject and object are required")
    return GoldRelation(
        document=doc, subject=subject, predicate=raw["predicate"], object=obj,
        start=_date(raw.get("start"), path, f"{where} start", required=False),
        end=_date(raw.get("end"), path, f"{where} end", required=False),
        background=bool(raw.get("background", False)),
    )


def load_gold(path: str | Path) -> GoldSet:
    """Read and validate one gold YAML file; raises E401 naming the first bad entry."""
    path = Path(path)
    if not path.is_file():
        raise _fail(path, "no such file")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise _fail(path, f"not valid YAML ({exc})") from None
    if not isinstance(data, dict) or not isinstance(data.get("documents"), dict):
        raise _fail(path, "expected a mapping with 'split' and 'documents'")
    split = data.get("split")
    if split not in SPLITS:
        raise _fail(path, f"split {split!r} is not one of {list(SPLITS)}")
    corpus = (path.parent / data["corpus"]).resolve() if data.get("corpus") else None
    documents: dict[str, GoldDocument] = {}
    for key, body in data["documents"].items():
        key = str(key)
        body = body or {}
        if not isinstance(body, dict) or set(body) - {"events", "relations", "published", "note"}:
            raise _fail(path, f"document {key!r}: expected 'events', 'relations', 'published'")
        doc = GoldDocument(key=key, published=body.get("published"))
        doc.events = [_event(e, key, i, path) for i, e in enumerate(body.get("events") or [])]
        doc.relations = [_relation(r, key, i, path)
                         for i, r in enumerate(body.get("relations") or [])]
        documents[key] = doc
    annotated = data.get("relations_annotated", True)
    if not isinstance(annotated, bool):
        raise _fail(path, "'relations_annotated' must be true or false")
    if not annotated and any(d.relations for d in documents.values()):
        raise _fail(path, "'relations_annotated: false' but some documents list relations")
    return GoldSet(path=path, split=split, corpus=corpus, documents=documents,
                   aliases=_manifest_aliases(corpus), relations_annotated=annotated)


def _manifest_aliases(corpus: Path | None) -> dict[str, set[str]]:
    """id -> {path} and path -> {id} for manifest rows that have both."""
    aliases: dict[str, set[str]] = {}
    if corpus is None or corpus.suffix != ".jsonl" or not corpus.is_file():
        return aliases
    for line in corpus.read_text(encoding="utf-8").splitlines():
        try:
            row = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(row, dict) and row.get("id") and row.get("path"):
            ident, rel = str(row["id"]), str(row["path"])
            aliases.setdefault(ident, set()).add(rel)
            aliases.setdefault(rel, set()).add(ident)
    return aliases
