"""``load_pack``: read a pack folder, check it, build its automaton, cache the result.

Building from the data files takes a few seconds (YAML, 60k gazetteer rows, an automaton over
~150k spellings); loading the pickled result takes a fraction of one.  The cache lives in the
user's cache folder, keyed by a digest of every data file and of this package's code, so an
edited file or a new sitrep version rebuilds it and nothing stale is ever used.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import Errors, SitrepError
from .gazetteer import Gazetteer, load_gazetteer
from .generic import GenericRules, load_generic
from .registry import ActorRegistry, load_registry, read_yaml

BUILTIN = Path(__file__).parent / "data"
DEFAULT_PACK = "sahel"
CACHE_FORMAT = 3


@dataclass
class PackData:
    """Everything built from a pack folder; what the cache stores."""

    name: str
    path: Path
    meta: dict[str, Any]
    actors: ActorRegistry
    generic: GenericRules
    gazetteer: Gazetteer
    stoplist: frozenset[str]
    automaton: Any = None
    payloads: list[Any] = field(default_factory=list)
    build_seconds: float = 0.0


def pack_dir(name: str | None) -> Path:
    """The folder of pack ``name``: a path, a built-in name, or $SITREP_PACK / sahel."""
    if name is None:
        name = os.environ.get("SITREP_PACK") or DEFAULT_PACK
    candidate = Path(name).expanduser()
    if candidate.is_dir():
        return candidate.resolve()
    builtin = BUILTIN / name
    if builtin.is_dir():
        return builtin
    raise SitrepError(Errors.E202, name=name)


def data_files(path: Path) -> list[Path]:
    return sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))


def digest(path: Path) -> str:
    h = hashlib.sha256(f"format {CACHE_FORMAT}".encode())
    code = sorted(Path(__file__).parent.glob("*.py"))
    for p in [*data_files(path), *code]:
        st = p.stat()
        h.update(f"{p}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return h.hexdigest()[:20]


def cache_dir() -> Path:
    base = os.environ.get("SITREP_CACHE") or os.environ.get("XDG_CACHE_HOME")
    return Path(base) / "sitrep" if base else Path.home() / ".cache" / "sitrep"


def read_stoplist(path: Path) -> frozenset[str]:
    from .normalize import normalize

    if not path.exists():
        return frozenset()
    words = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            words.add(normalize(line))
    return frozenset(words)


def build(path: Path) -> PackData:
    """Read and check every data file of the pack at ``path`` (raises E201 on bad data)."""
    import time

    from .matcher import build_automaton

    t0 = time.perf_counter()
    meta_file = path / "pack.yaml"
    meta = read_yaml(meta_file) if meta_file.exists() else {}
    if not isinstance(meta, dict):
        raise SitrepError(Errors.E201, path=str(meta_file), detail="must be a mapping")
    actor_files = sorted((path / "actors").glob("*.yaml"))
    if not actor_files:
        raise SitrepError(Errors.E201, path=str(path / "actors"), detail="no actor files")
    actors = load_registry(actor_files, path / "un_actors.yaml")
    generic = load_generic(path / "generic.yaml") if (path / "generic.yaml").exists() \
        else GenericRules((), ())
    gazetteer = load_gazetteer(path / "gazetteer.tsv.gz", path / "places_supplement.tsv")
    stoplist = read_stoplist(path / "place_stoplist.txt")
    place_words = read_stoplist(path / "place_words.txt")
    automaton, payloads = build_automaton(actors, generic, gazetteer, stoplist, place_words)
    return PackData(name=str(meta.get("name") or path.name), path=path, meta=meta,
                    actors=actors, generic=generic, gazetteer=gazetteer, stoplist=stoplist,
                    automaton=automaton, payloads=payloads,
                    build_seconds=time.perf_counter() - t0)


def load_data(path: Path, *, use_cache: bool = True) -> PackData:
    if not use_cache:
        return build(path)
    key = digest(path)
    cached = cache_dir() / f"pack-{path.name}-{key}.pickle"
    if cached.exists():
        try:
            with cached.open("rb") as fh:
                data = pickle.load(fh)
            if isinstance(data, PackData):
                data.path = path
                return data
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            pass  # a broken or foreign cache file: rebuild below
    data = build(path)
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        for old in cached.parent.glob(f"pack-{path.name}-*.pickle"):
            old.unlink(missing_ok=True)
        fd, tmp = tempfile.mkstemp(dir=cached.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(data, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, cached)
    except OSError:
        pass  # read-only home: the pack still works, it is just rebuilt next time
    return data
