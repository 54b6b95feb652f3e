"""The actor registry: YAML entries checked on load, indexed by id and by normalised alias.

Format (docs/knowledge-pack.md): each file under ``actors/`` holds ``actors: [...]``; an entry has
``id``, ``name``, ``kind``, ``country``, ``aliases`` (a mapping ``lang: [names]``), ``facts``
(``predicate``, ``value``, ``start``, ``end``, ``source``) and a ``source`` note.  Entries from
the UN list (``un_actors.yaml``, built by scripts/build_un_actors.py) are merged into the hand
entry with the same ``un_ref``, or added as entries of their own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import yaml

from ..errors import Errors, SitrepError
from .normalize import normalize
from .types import ACTOR_KINDS, FACT_PREDICATES, Actor, Alias, Fact

ID_RE = re.compile(r"^[a-z0-9][a-z0-9_]*$")
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
ENTRY_KEYS = {"id", "name", "kind", "country", "aliases", "facts", "source", "description",
              "un_ref", "drop_aliases", "placeholder"}
FACT_KEYS = {"predicate", "value", "start", "end", "source", "note"}


def _fail(path: Path, detail: str) -> SitrepError:
    return SitrepError(Errors.E201, path=str(path), detail=detail)


def _date(value: Any, path: Path, where: str) -> str | None:
    if value is None:
        return None
    text = str(value)
    if not DATE_RE.match(text):
        raise _fail(path, f"{where}: date {text!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    return text


def _parse_aliases(raw: Any, path: Path, where: str) -> list[Alias]:
    if raw is None:
        return []
    if isinstance(raw, list):
        raw = {None: raw}
    if not isinstance(raw, dict):
        raise _fail(path, f"{where}: aliases must be a mapping of language to a list of names")
    out: list[Alias] = []
    for lang, names in raw.items():
        if isinstance(names, str):
            names = [names]
        if not isinstance(names, list):
            raise _fail(path, f"{where}: aliases[{lang}] must be a list")
        for name in names:
            if not isinstance(name, str) or not name.strip():
                raise _fail(path, f"{where}: empty alias in aliases[{lang}]")
            out.append(Alias(" ".join(name.split()), None if lang is None else str(lang)))
    return out


def _parse_fact(raw: Any, path: Path, where: str) -> Fact:
    if not isinstance(raw, dict):
        raise _fail(path, f"{where}: each fact must be a mapping")
    unknown = set(raw) - FACT_KEYS
    if unknown:
        raise _fail(path, f"{where}: unknown fact field(s) {sorted(unknown)}")
    pred = raw.get("predicate")
    if pred not in FACT_PREDICATES:
        raise _fail(path, f"{where}: unknown predicate {pred!r} "
                          f"(known: {', '.join(sorted(FACT_PREDICATES))})")
    value = raw.get("value")
    return Fact(
        predicate=str(pred),
        value=None if value is None else str(value),
        start=_date(raw.get("start"), path, where),
        end=_date(raw.get("end"), path, where),
        source=str(raw.get("source") or ""),
        note=None if raw.get("note") is None else str(raw["note"]),
    )


def parse_entry(raw: Any, path: Path) -> tuple[Actor, list[str]]:
    """One YAML mapping -> Actor (raises E201 on malformed entries) and its drop list."""
    if not isinstance(raw, dict):
        raise _fail(path, "each actor entry must be a mapping")
    aid = raw.get("id")
    where = f"actor {aid!r}"
    if not isinstance(aid, str) or not ID_RE.match(aid):
        raise _fail(path, f"{where}: id must be a lowercase slug (a-z, 0-9, _)")
    unknown = set(raw) - ENTRY_KEYS
    if unknown:
        raise _fail(path, f"{where}: unknown field(s) {sorted(unknown)}")
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        raise _fail(path, f"{where}: missing name")
    kind = raw.get("kind")
    if kind not in ACTOR_KINDS:
        raise _fail(path, f"{where}: kind {kind!r} is not one of {', '.join(ACTOR_KINDS)}")
    facts = raw.get("facts") or []
    if not isinstance(facts, list):
        raise _fail(path, f"{where}: facts must be a list")
    actor = Actor(
        id=aid,
        name=name.strip(),
        kind=str(kind),
        country=None if raw.get("country") is None else str(raw["country"]),
        aliases=tuple(_parse_aliases(raw.get("aliases"), path, where)),
        facts=tuple(_parse_fact(f, path, where) for f in facts),
        source=str(raw.get("source") or ""),
        description=None if raw.get("description") is None else str(raw["description"]),
        un_ref=None if raw.get("un_ref") is None else str(raw["un_ref"]),
        placeholder=bool(raw.get("placeholder", False)),
    )
    drops = [normalize(d) for d in raw.get("drop_aliases") or []]
    return actor, drops


def read_yaml(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.safe_load(fh)
    except yaml.YAMLError as exc:
        raise _fail(path, f"not valid YAML ({exc})") from exc
    except OSError as exc:
        raise _fail(path, f"cannot be read ({exc})") from exc


def read_actor_files(paths: list[Path]) -> list[tuple[Actor, list[str], Path]]:
    out: list[tuple[Actor, list[str], Path]] = []
    for path in paths:
        doc = read_yaml(path) or {}
        entries = doc.get("actors") if isinstance(doc, dict) else None
        if not isinstance(entries, list):
            raise _fail(path, "top level must be a mapping with an 'actors' list")
        for raw in entries:
            actor, drops = parse_entry(raw, path)
            out.append((actor, drops, path))
    return out


def merge_un(actor: Actor, un: Actor, drops: list[str]) -> Actor:
    """Add a UN entry's aliases and listing facts to the hand entry that claims its ref."""
    seen = {normalize(a.name) for a in actor.aliases} | {normalize(actor.name)}
    extra = []
    for alias in (Alias(un.name, un.aliases[0].lang if un.aliases else None), *un.aliases):
        key = normalize(alias.name)
        if key and key not in seen and key not in drops:
            seen.add(key)
            extra.append(alias)
    return replace(actor, aliases=actor.aliases + tuple(extra), facts=actor.facts + un.facts,
                   description=actor.description or un.description)


class ActorRegistry:
    """All actors of a pack: ``get``, ``search`` and iteration (docs/contracts.md)."""

    def __init__(self, actors: list[Actor]) -> None:
        self._by_id: dict[str, Actor] = {}
        self._by_key: dict[str, list[str]] = {}
        for actor in actors:
            self._by_id[actor.id] = actor
            for name in [actor.name, *actor.alias_names]:
                ids = self._by_key.setdefault(normalize(name), [])
                if actor.id not in ids:
                    ids.append(actor.id)

    def __iter__(self) -> Iterator[Actor]:
        return iter(self._by_id.values())

    def __len__(self) -> int:
        return len(self._by_id)

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self._by_id

    def get(self, actor_id: str) -> Actor:
        try:
            return self._by_id[actor_id]
        except KeyError:
            raise SitrepError(Errors.E203, id=actor_id) from None

    def find(self, actor_id: str) -> Actor | None:
        return self._by_id.get(actor_id)

    def search(self, name: str) -> list[Actor]:
        """Actors whose id, name or alias has the same key as ``name``; then prefix matches."""
        if name in self._by_id:
            return [self._by_id[name]]
        key = normalize(name)
        if not key:
            return []
        exact = [self._by_id[i] for i in self._by_key.get(key, [])]
        if exact:
            return exact
        hits: list[str] = []
        for k, ids in self._by_key.items():
            if k.startswith(key) or f" {key}" in f" {k}":
                hits.extend(i for i in ids if i not in hits)
        return [self._by_id[i] for i in hits]

    def alias_owners(self) -> dict[str, list[str]]:
        """Normalised alias -> actor ids (validation reports keys owned by two actors)."""
        return {k: list(v) for k, v in self._by_key.items()}


def load_registry(files: list[Path], un_file: Path | None) -> ActorRegistry:
    entries = read_actor_files(files)
    actors: dict[str, Actor] = {}
    drops_by_id: dict[str, list[str]] = {}
    for actor, drops, path in entries:
        if actor.id in actors:
            raise _fail(path, f"actor id {actor.id!r} is defined twice")
        actors[actor.id] = actor
        drops_by_id[actor.id] = drops
    if un_file is not None and un_file.exists():
        by_ref = {a.un_ref: a.id for a in actors.values() if a.un_ref}
        for un, _drops, path in read_actor_files([un_file]):
            owner = by_ref.get(un.un_ref or "")
            if owner is not None:
                actors[owner] = merge_un(actors[owner], un, drops_by_id[owner])
            elif un.id in actors:
                raise _fail(path, f"UN entry {un.id!r} clashes with a hand entry id; "
                                  f"set un_ref: {un.un_ref} on that entry")
            else:
                actors[un.id] = un
    return ActorRegistry(list(actors.values()))
