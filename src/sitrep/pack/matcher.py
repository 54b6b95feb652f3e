"""One Aho-Corasick automaton over every name in the pack, and the scan that uses it.

Keys are folded spellings padded with a space on each side; the text is folded (one character
per character, so offsets need no mapping) and padded the same way.  A key can then only match
on word boundaries, which keeps the number of raw hits (and the Python work per hit) small.
Overlapping hits are settled leftmost-longest, so "Islamic State in the Greater Sahara" is one
actor mention and never a mention of the Sahara.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import ahocorasick

from .gazetteer import Gazetteer
from .generic import GenericRules
from .normalize import fold, normalize, spellings
from .registry import ActorRegistry

NAMED, GENERIC, DEMONYM, PLACE, PLACE_WORD = "A", "G", "D", "P", "W"
# payload: (type, ref, extra) - ref is actor id / rule id / country code / normalised place key
Payload = tuple[str, str, tuple[int, ...]]

MAX_KEY = 200  # longer names are not indexed (see build_automaton)
SHORT_NAME = 2  # place names this short need a population, an admin class or a curated row
SHORT_MIN_POPULATION = 5000

NEAR_RE = re.compile(
    r"(?:\bnear|\boutside|\baround|\bclose to|\bvicinity of|\bkm from|\bkilometres from|"
    r"\bkilometers from|\bmiles from|\boutskirts of|\bpres de|\bnon loin de|\benvirons de|"
    r"\b(?:north|south|east|west|northeast|northwest|southeast|southwest|north east|north west|"
    r"south east|south west)(?:ern)? of|\bau (?:nord|sud) de|\ba l (?:est|ouest) de)"
    r"\s+(?:the\s+)?(?:(?:town|village|city|commune|locality|localite|ville|village)\s+)?"
    r"(?:of\s+|de\s+)?$"
)


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    payloads: tuple[int, ...]


def place_indexable(gaz: Gazetteer, i: int, key: str, stoplist: frozenset[str],
                    place_words: frozenset[str] = frozenset()) -> bool:
    """Whether place i may be found by name ``key`` in running text (false-match guard)."""
    place = gaz.places[i]
    curated = place.id.startswith("sitrep:")
    if curated:
        return True
    if key in stoplist and key not in place_words:
        return False
    if len(key.replace(" ", "")) <= SHORT_NAME:
        return place.feature_class == "A" or place.population >= SHORT_MIN_POPULATION
    return True


def build_automaton(registry: ActorRegistry, rules: GenericRules, gazetteer: Gazetteer,
                    stoplist: frozenset[str], place_words: frozenset[str] = frozenset(),
                    ) -> tuple[ahocorasick.Automaton, list[Payload]]:
    """The automaton of every name, and its payloads. A place named by a common word
    (``place_words``: "Say") gets the kind PLACE_WORD: found only after a locative word."""
    payloads: list[Payload] = []
    by_spelling: dict[str, dict[int, bool]] = {}  # spelling -> {payload: acronym only}

    def add(names: list[str], payload: Payload) -> None:
        pid = len(payloads)
        payloads.append(payload)
        for name in names:
            acronym = is_acronym(name)
            for sp in spellings(name):
                ids = by_spelling.setdefault(sp, {})
                ids[pid] = ids.get(pid, True) and acronym

    for actor in registry:
        if not actor.placeholder:
            add([actor.name, *actor.alias_names], (NAMED, actor.id, ()))
    for rule in rules.rules:
        add(list(rule.terms), (GENERIC, rule.id, ()))
    for dem in rules.demonyms:
        add(list(dem.terms), (DEMONYM, dem.country, ()))
    for key, idx in gazetteer.name_index():
        keep = tuple(i for i in idx if place_indexable(gazetteer, i, key, stoplist, place_words))
        if keep:
            names = {n for i in keep for n in gazetteer.names[i] if normalize(n) == key}
            kind = PLACE_WORD if key in place_words and key in stoplist else PLACE
            add(sorted(names | {v for n in names for v in final_i_y(n)}), (kind, key, keep))

    auto = ahocorasick.Automaton()
    for sp, ids in by_spelling.items():
        # left-padded: a key starts on a word boundary; the right boundary is checked per hit
        key = f" {sp}"
        if len(key) > MAX_KEY:
            continue
        auto.add_word(key, (len(key), tuple(ids), tuple(ids[i] for i in ids)))
    auto.make_automaton()
    return auto, payloads


_FINAL_IY = re.compile(r"(?<=[bcdfghjklmnpqrstvwxz])[iy]$")


def final_i_y(name: str) -> list[str]:
    """French and English transcriptions of Sahel names swap a final "i" and "y" ("Dogofri" /
    "Dogofry", "Boulkessi" / "Boulkessy"): the other spelling of a name of 5+ letters."""
    if len(name) < 5 or not _FINAL_IY.search(name):
        return []
    return [name[:-1] + ("y" if name[-1] == "i" else "i")]


def is_acronym(name: str) -> bool:
    """Short all-capital names ("US", "FAN", "CMA") only match in capitals: not "us", "fan"."""
    letters = name.replace(".", "").replace(" ", "")
    return letters.isupper() and len(letters) <= 4


# "south-west of Say", "the road linking Say to Tamou": what lets a place named by a common word
# be the place
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|at|near|of|to|from|outside|around|towards?|linking|"
                              r"between|and|de)\s+(?:the\s+)?$", re.I)


def _accept(kind: str, span: str, acronym: bool, text: str = "", start: int = 0) -> bool:
    """Checks on the original text: names and places capitalised, acronyms in capitals."""
    if acronym and not span.replace(".", "").isupper():
        return False
    if kind == PLACE_WORD:
        return span[:1].isupper() and _LOCATIVE_BEFORE.search(
            text, max(0, start - 16), start) is not None
    if kind == PLACE:
        return span[:1].isupper() or span[:1].isdigit()
    if kind == NAMED:
        return span != span.lower()
    return True


def _hit(text: str, padded: str, end_idx: int,
         value: tuple[int, tuple[int, ...], tuple[bool, ...]], kinds: list[str]) -> Hit | None:
    length, ids, acronyms = value
    start = end_idx - length + 1  # padded index of the leading space == text index of the name
    if padded[end_idx + 1].isalnum():
        return None
    span = text[start:end_idx]
    ok = tuple(i for i, acr in zip(ids, acronyms, strict=True)
               if _accept(kinds[i], span, acr, text, start))
    return Hit(start, end_idx, ok) if ok else None


def scan(auto: ahocorasick.Automaton, kinds: list[str], text: str) -> tuple[str, list[Hit]]:
    """Leftmost-longest non-overlapping accepted hits; returns the folded text too.

    ``iter_long`` does the work in C.  When its longest candidate fails a check (no word
    boundary, lower case), a span of several words is scanned again with every key so a
    shorter name inside it is not lost ("Islamic State in the Greater Saharan" still holds
    "Islamic State"); a one-word span cannot hold another name, so it is skipped cheaply.
    """
    folded = fold(text)
    padded = " " + folded + " "
    out: list[Hit] = []
    last_end = 0
    for end_idx, value in auto.iter_long(padded):
        length = value[0]
        start = end_idx - length + 1
        if not padded[end_idx + 1].isalnum():
            hit = _hit(text, padded, end_idx, value, kinds)
            if hit is not None:
                if start >= last_end:
                    out.append(hit)
                    last_end = end_idx
                continue
        if " " not in padded[start + 1:end_idx + 1]:
            continue
        # iter_long resumes after the failed span: rescan names that start inside it (they
        # may end beyond it, "the Malian" past a failed "the Ma"); iter() copies its input,
        # so give it only a window
        window = padded[start:end_idx + 1 + MAX_KEY]
        inner = [h for e, v in auto.iter(window)
                 if e - v[0] + 1 <= end_idx - start
                 and (h := _hit(text, padded, start + e, v, kinds)) is not None]
        inner.sort(key=lambda h: (h.start, -(h.end - h.start)))
        for h in inner:
            if h.start >= last_end:
                out.append(h)
                last_end = h.end
    return folded, out


def is_near(folded: str, start: int) -> bool:
    return NEAR_RE.search(folded[max(0, start - 48):start]) is not None
