"""Expanding what the user named (files, folders, manifests, URLs) into units of work.

Planning first gives a progress bar its total and keeps the order deterministic: folders are
walked recursively in sorted order; a manifest (``manifest.jsonl`` in a folder, or any
``.jsonl`` given or found) expands to one unit per line; files a manifest names are read once,
with the manifest's metadata, and never a second time by the folder walk.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import Errors, SitrepError
from .readers import MANIFEST_SUFFIXES

MANIFEST_NAME = "manifest.jsonl"


@dataclass
class Unit:
    """One thing to read: a file, a URL, a manifest line with inline text, or a known reject."""

    kind: str  # "file" | "url" | "text" | "reject"
    origin: str
    path: Path | None = None
    fields: dict[str, Any] = field(default_factory=dict)  # manifest metadata (and "text")
    error: SitrepError | None = None
    manifest: Path | None = None  # for "text" units: the manifest holding the text...
    line_at: int | None = None  # ...and the byte offset of its line

    def text(self) -> str:
        """The inline text of a manifest line. Planning drops it and this reads the line again
        when the unit is ingested, so a 100k-line manifest is never held in memory whole."""
        if "text" in self.fields or self.manifest is None or self.line_at is None:
            return str(self.fields.get("text", ""))
        with self.manifest.open("rb") as fh:
            fh.seek(self.line_at)
            return str(json.loads(fh.readline().decode("utf-8-sig"))["text"])


def is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


def _manifest_units(manifest: Path, origin_prefix: str) -> tuple[list[Unit], dict[Path, Unit]]:
    """Units for a manifest's lines; files it names are returned keyed by resolved path."""
    units: list[Unit] = []
    claimed: dict[Path, Unit] = {}
    try:
        fh = manifest.open("rb")
    except OSError as exc:
        err = SitrepError(Errors.E101, detail=f"unreadable manifest: {exc}")
        return [Unit("reject", origin_prefix, error=err)], claimed
    with fh:
        _manifest_lines(manifest, fh, origin_prefix, units, claimed)
    return units, claimed


def _manifest_lines(manifest: Path, fh: Any, origin_prefix: str, units: list[Unit],
                    claimed: dict[Path, Unit]) -> None:
    """Read the manifest line by line (one line in memory at a time), appending units."""
    next_at = 0
    for n, raw in enumerate(fh, 1):
        offset, next_at = next_at, next_at + len(raw)
        if not raw.strip():
            continue
        here = f"{origin_prefix}:{n}"
        try:
            entry = json.loads(raw.decode("utf-8-sig"))
        except UnicodeDecodeError as exc:
            units.append(Unit("reject", here, error=SitrepError(
                Errors.E104, line=n, detail=f"not UTF-8 ({exc.reason})")))
            continue
        except json.JSONDecodeError as exc:
            units.append(Unit("reject", here, error=SitrepError(Errors.E104, line=n,
                                                                 detail=exc.msg)))
            continue
        if not isinstance(entry, dict):
            units.append(Unit("reject", here, error=SitrepError(
                Errors.E104, line=n, detail="expected a JSON object")))
            continue
        entry_id = str(entry["id"]) if entry.get("id") not in (None, "") else None
        if isinstance(entry.get("text"), str) and entry["text"].strip():
            units.append(Unit("text", entry_id or here,
                              fields={k: v for k, v in entry.items() if k != "text"},
                              manifest=manifest, line_at=offset))
        elif isinstance(entry.get("path"), str) and entry["path"].strip():
            rel = entry["path"]
            if is_url(rel):
                units.append(Unit("url", entry_id or rel, fields=entry))
                continue
            target = (manifest.parent / rel)
            origin = entry_id or str(Path(origin_prefix).parent / rel)
            if not target.is_file():
                units.append(Unit("reject", origin, error=SitrepError(Errors.E108,
                                                                      path=str(target))))
                continue
            unit = Unit("file", origin, path=target, fields=entry)
            units.append(unit)
            claimed[target.resolve()] = unit
        elif isinstance(entry.get("url"), str) and is_url(entry["url"]):
            units.append(Unit("url", entry_id or entry["url"], fields={**entry,
                                                                      "path": entry["url"]}))
        elif "text" in entry:
            units.append(Unit("reject", entry_id or here, error=SitrepError(Errors.E102)))
        else:
            units.append(Unit("reject", entry_id or here,
                              error=SitrepError(Errors.E105, line=n)))


def _sibling_manifest_fields(path: Path, cache: dict[Path, dict[Path, Unit]]) -> Unit | None:
    """The manifest entry for a file named directly, from ``manifest.jsonl`` beside it."""
    folder = path.parent.resolve()
    if folder not in cache:
        manifest = folder / MANIFEST_NAME
        cache[folder] = _manifest_units(manifest, str(manifest))[1] if manifest.is_file() else {}
    return cache[folder].get(path.resolve())


def plan(paths: list[str], *, exclude: set[Path] | None = None) -> list[Unit]:
    """Units for every input, in the order given (folders sorted, recursively).

    ``exclude`` holds resolved paths never to read (the store's own database files)."""
    units: list[Unit] = []
    seen: set[Path] = set(exclude or ())
    sibling_cache: dict[Path, dict[Path, Unit]] = {}
    for raw in paths:
        if is_url(raw):
            units.append(Unit("url", raw))
            continue
        p = Path(raw)
        if not p.exists():
            units.append(Unit("reject", raw, error=SitrepError(Errors.E108, path=raw)))
        elif p.is_dir():
            units.extend(_walk(p, seen))
        elif p.suffix.lower() in MANIFEST_SUFFIXES:
            manifest_units, claimed = _manifest_units(p, str(p))
            units.extend(u for u in manifest_units
                         if u.path is None or u.path.resolve() not in seen)
            seen.update(claimed)
        elif p.resolve() not in seen:
            seen.add(p.resolve())
            entry = _sibling_manifest_fields(p, sibling_cache)
            units.append(Unit("file", entry.origin if entry else str(p), path=p,
                              fields=entry.fields if entry else {}))
    return units


def _walk(root: Path, seen: set[Path]) -> list[Unit]:
    files = sorted(f for f in root.rglob("*")
                   if f.is_file() and not any(part.startswith(".")
                                              for part in f.relative_to(root).parts))
    units: list[Unit] = []
    manifests = [f for f in files if f.suffix.lower() in MANIFEST_SUFFIXES]
    by_manifest: dict[Path, list[Unit]] = {}
    for m in manifests:
        manifest_units, claimed = _manifest_units(m, str(m))
        by_manifest[m] = manifest_units
        for resolved in claimed:
            seen.add(resolved)
    claimed_now = {u.path.resolve() for us in by_manifest.values() for u in us if u.path}
    for f in files:
        if f in by_manifest:
            units.extend(by_manifest[f])
            continue
        resolved = f.resolve()
        if resolved in claimed_now or resolved in seen:
            continue
        seen.add(resolved)
        units.append(Unit("file", str(f), path=f))
    return units
