"""``sitrep pack validate``: every problem in a pack's data, not just the first.

Loading a pack already rejects malformed entries (E201).  Validation goes further and checks
what only makes sense across entries: facts that point to actors that do not exist, aliases
that two actors claim (the matcher could not tell them apart), facts or entries with no source
note, and dates that run backwards.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from ..errors import SitrepError
from .loader import PackData, build, pack_dir
from .types import ACTOR_VALUED


@dataclass(frozen=True)
class Problem:
    level: str  # "error" | "warning"
    check: str  # broken_reference | duplicate_alias | missing_source | bad_dates | load
    where: str
    message: str


@dataclass
class ValidationReport:
    pack: str
    path: str
    actors: int
    places: int
    problems: list[Problem]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.level == "error"]

    @property
    def ok(self) -> bool:
        return not self.errors

    def as_dict(self) -> dict[str, Any]:
        return {"pack": self.pack, "path": self.path, "actors": self.actors,
                "places": self.places, "ok": self.ok, "errors": len(self.errors),
                "warnings": len(self.problems) - len(self.errors),
                "problems": [asdict(p) for p in self.problems]}


def check(data: PackData) -> list[Problem]:
    problems: list[Problem] = []
    registry = data.actors
    for actor in registry:
        where = f"actor {actor.id}"
        if not actor.source.strip():
            problems.append(Problem("error", "missing_source", where, "entry has no source note"))
        for fact in actor.facts:
            fw = f"{where} fact {fact.predicate}" + (f" {fact.value}" if fact.value else "")
            if not fact.source.strip():
                problems.append(Problem("error", "missing_source", fw, "fact has no source note"))
            if fact.predicate in ACTOR_VALUED:
                if not fact.value:
                    problems.append(Problem("error", "broken_reference", fw,
                                            "relation fact has no value (an actor id)"))
                elif fact.value not in registry:
                    problems.append(Problem("error", "broken_reference", fw,
                                            f"no actor with id {fact.value!r}"))
            if fact.start and fact.end and fact.end < fact.start:
                problems.append(Problem("error", "bad_dates", fw,
                                        f"ends ({fact.end}) before it starts ({fact.start})"))
    for where, ref in data.generic.references():
        if ref not in registry:
            problems.append(Problem("error", "broken_reference", where,
                                    f"no actor with id {ref!r}"))
    for key, ids in sorted(registry.alias_owners().items()):
        real = [i for i in ids if not registry.get(i).placeholder]
        if len(real) > 1:
            problems.append(Problem("error", "duplicate_alias", f"alias {key!r}",
                                    f"claimed by {', '.join(real)}: a mention could not be "
                                    "resolved; keep it on one entry (or drop_aliases)"))
    missing_place_sources = [p.id for p in data.gazetteer if p.id.startswith("sitrep:")
                             and not (p.source or "").strip()]
    for pid in missing_place_sources:
        problems.append(Problem("error", "missing_source", f"place {pid}", "no source note"))
    return problems


def validate_pack(name: str | None = None) -> ValidationReport:
    """Build pack ``name`` from its files (no cache) and list every problem found."""
    path: Path = pack_dir(name)
    try:
        data = build(path)
    except SitrepError as exc:
        return ValidationReport(path.name, str(path), 0, 0,
                                [Problem("error", "load", exc.kwargs.get("path", str(path)),
                                         str(exc))])
    return ValidationReport(data.name, str(path), len(data.actors), len(data.gazetteer),
                            check(data))
