"""Generic descriptions as data: "gunmen", "soldiers", "Russian mercenaries", "Malian"...

``generic.yaml`` maps words that do not name a group to typed placeholders (actor entries with
``placeholder: true``) and says how context turns a placeholder into a registry id: by the
country in context (``by_country``) or by the date (``by_date``, first rule whose ``before``
is after the date wins).  Demonyms map to countries.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import Errors, SitrepError
from .registry import DATE_RE, read_yaml


@dataclass(frozen=True)
class DateRule:
    actor: str
    before: str | None = None  # ISO date; None = open-ended
    source: str = ""


@dataclass(frozen=True)
class GenericRule:
    id: str
    placeholder: str
    terms: tuple[str, ...]
    country: str | None = None
    by_country: dict[str, str] = field(default_factory=dict)
    by_date: tuple[DateRule, ...] = ()
    source: str = ""
    takes_demonym: bool = False  # "Malian soldiers": a demonym before it sets the country


@dataclass(frozen=True)
class Demonym:
    country: str
    terms: tuple[str, ...]
    actor: str | None = None  # the state/government id the demonym stands for, if any


@dataclass(frozen=True)
class GenericRules:
    rules: tuple[GenericRule, ...]
    demonyms: tuple[Demonym, ...]

    def rule(self, rule_id: str) -> GenericRule | None:
        for r in self.rules:
            if r.id == rule_id:
                return r
        return None

    def demonym(self, country: str) -> Demonym | None:
        for d in self.demonyms:
            if d.country == country:
                return d
        return None

    def references(self) -> list[tuple[str, str]]:
        """(where, actor id) pairs for `pack validate`."""
        out: list[tuple[str, str]] = []
        for r in self.rules:
            out.append((f"generic rule {r.id}", r.placeholder))
            out += [(f"generic rule {r.id} by_country {c}", a) for c, a in r.by_country.items()]
            out += [(f"generic rule {r.id} by_date", d.actor) for d in r.by_date]
        out += [(f"demonym {d.country}", d.actor) for d in self.demonyms if d.actor]
        return out


def _terms(raw: Any, path: Path, where: str) -> tuple[str, ...]:
    if not isinstance(raw, list) or not all(isinstance(t, str) and t.strip() for t in raw):
        raise SitrepError(Errors.E201, path=str(path), detail=f"{where}: terms must be a list "
                                                              "of non-empty strings")
    return tuple(t.strip() for t in raw)


def load_generic(path: Path) -> GenericRules:
    doc = read_yaml(path) or {}
    if not isinstance(doc, dict):
        raise SitrepError(Errors.E201, path=str(path), detail="top level must be a mapping")
    rules = []
    for raw in doc.get("rules") or []:
        where = f"rule {raw.get('id')!r}" if isinstance(raw, dict) else "rule"
        if not isinstance(raw, dict) or not raw.get("id") or not raw.get("placeholder"):
            raise SitrepError(Errors.E201, path=str(path), detail=f"{where}: needs id and "
                                                                  "placeholder")
        dates = []
        for d in raw.get("by_date") or []:
            before = None if d.get("before") is None else str(d["before"])
            if before is not None and not DATE_RE.match(before):
                raise SitrepError(Errors.E201, path=str(path),
                                  detail=f"{where}: by_date before {before!r} is not a date")
            dates.append(DateRule(actor=str(d["actor"]), before=before,
                                  source=str(d.get("source") or "")))
        rules.append(GenericRule(
            id=str(raw["id"]), placeholder=str(raw["placeholder"]),
            terms=_terms(raw.get("terms"), path, where),
            country=raw.get("country"),
            by_country={str(k): str(v) for k, v in (raw.get("by_country") or {}).items()},
            by_date=tuple(dates), source=str(raw.get("source") or ""),
            takes_demonym=bool(raw.get("takes_demonym", False)),
        ))
    demonyms = []
    for raw in doc.get("demonyms") or []:
        if not isinstance(raw, dict) or not raw.get("country"):
            raise SitrepError(Errors.E201, path=str(path), detail="each demonym needs a country")
        demonyms.append(Demonym(country=str(raw["country"]),
                                terms=_terms(raw.get("terms"), path, f"demonym {raw['country']}"),
                                actor=raw.get("actor")))
    return GenericRules(tuple(rules), tuple(demonyms))


def resolve_rule(rule: GenericRule, country: str | None, date: str | None) -> str:
    """The registry id a generic rule stands for in this context, or its placeholder."""
    if country and country in rule.by_country:
        return rule.by_country[country]
    if rule.by_date and date:
        for d in rule.by_date:
            if d.before is None or date < d.before:
                return d.actor
    return rule.placeholder
