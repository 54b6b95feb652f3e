"""Event triggers: the lexicon (data, validated on load) compiled into one regex.

The lexicon lives in the knowledge pack (``<pack>/event_lexicon.yaml``; the built-in one is
``sitrep/pack/data/sahel/event_lexicon.yaml``). Matching the whole document with one compiled
alternation (longest form first) costs one pass over the text, whatever the lexicon's size.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import ahocorasick
import yaml

from ..errors import Errors, SitrepError

DEFAULT_LEXICON = Path(__file__).resolve().parents[1] / "pack" / "data" / "sahel" / \
    "event_lexicon.yaml"
EVENT_TYPES = {
    "Battles": {"Armed clash", "Government regains territory",
                "Non-state actor overtakes territory"},
    "Explosions/Remote violence": {"Shelling/artillery/missile attack", "Air/drone strike",
                                   "Suicide bomb", "Remote explosive/landmine/IED", "Grenade"},
    "Violence against civilians": {"Attack", "Abduction/forced disappearance",
                                   "Sexual violence"},
    "Protests": {"Peaceful protest", "Protest with intervention",
                 "Excessive force against protesters"},
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {"Agreement", "Arrests", "Change to group/activity",
                               "Disrupted weapons use", "Headquarters or base established",
                               "Looting/property destruction", "Non-violent transfer of territory",
                               "Other"},
}
_FORM_CLASSES = ("nouns", "plurals", "verbs", "phrases")


@dataclass(frozen=True)
class LexiconEntry:
    id: str
    type: str
    sub_type: str
    priority: int = 0
    by_target: bool = False
    weak: bool = False
    state_sub_type: str | None = None
    distributive: bool = False
    needs_named_actor: bool = False  # only an event when a named actor does it ("intervened")
    needs_place_object: bool = False  # "seized Timbuktu", not "seized weapons"


@dataclass(frozen=True)
class Trigger:
    start: int
    end: int
    text: str
    entry: LexiconEntry
    form: str  # nouns | plurals | verbs | phrases


@dataclass(frozen=True)
class Lexicon:
    entries: dict[str, LexiconEntry]
    forms: dict[str, tuple[str, str]]  # lower-cased form -> (entry id, form class)
    regex: re.Pattern[str]
    not_after: re.Pattern[str]
    not_before: re.Pattern[str]

    automaton: Any = None

    def _spans(self, text: str) -> list[tuple[int, int]]:
        """Leftmost-longest whole-word matches, like the regex (Aho-Corasick when the lowered
        text keeps its length, which is nearly always)."""
        folded = text.lower().replace("-", " ")
        if self.automaton is None or len(folded) != len(text):
            return [m.span() for m in self.regex.finditer(text)]
        cands = []
        n = len(text)
        for end, key in self.automaton.iter(folded):
            start = end - len(key) + 1
            if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_-"):
                continue
            if end + 1 < n and (text[end + 1].isalnum() or text[end + 1] == "_"):
                continue
            cands.append((start, end + 1))
        cands.sort(key=lambda c: (c[0], -c[1]))
        spans: list[tuple[int, int]] = []
        for a, b in cands:
            if not spans or a >= spans[-1][1]:
                spans.append((a, b))
        return spans

    def find(self, text: str) -> list[Trigger]:
        out = []
        for start, end in self._spans(text):
            surface = text[start:end]
            key = re.sub(r"[\s-]+", " ", surface.lower())
            entry_id, form = self.forms.get(key, (None, ""))
            if entry_id is None:
                continue
            if self.not_after.search(text, max(0, start - 20), start):
                continue
            if self.not_before.match(text, end):
                continue
            out.append(Trigger(start, end, surface, self.entries[entry_id], form))
        return out


def _fail(path: Path, detail: str) -> SitrepError:
    return SitrepError(Errors.E304, path=str(path), detail=detail)


def parse_lexicon(raw: Any, path: Path) -> Lexicon:
    """Validate and compile a lexicon document (raises E304 naming the bad entry)."""
    if not isinstance(raw, dict) or not isinstance(raw.get("entries"), list):
        raise _fail(path, "expected a mapping with an 'entries' list")
    entries: dict[str, LexiconEntry] = {}
    forms: dict[str, tuple[str, str]] = {}
    for i, e in enumerate(raw["entries"]):
        where = f"entry {i + 1}"
        if not isinstance(e, dict) or not e.get("id"):
            raise _fail(path, f"{where} needs an 'id'")
        eid = str(e["id"])
        if eid in entries:
            raise _fail(path, f"duplicate id {eid!r}")
        etype, sub = e.get("type"), e.get("sub_type")
        if etype not in EVENT_TYPES or sub not in EVENT_TYPES[etype]:
            raise _fail(path, f"{eid}: unknown type/sub_type {etype!r}/{sub!r}")
        state_sub = e.get("state_sub_type")
        if state_sub is not None and state_sub not in EVENT_TYPES[etype]:
            raise _fail(path, f"{eid}: unknown state_sub_type {state_sub!r}")
        entries[eid] = LexiconEntry(eid, etype, sub, int(e.get("priority", 0)),
                                    bool(e.get("by_target")), bool(e.get("weak")), state_sub,
                                    bool(e.get("distributive")),
                                    bool(e.get("needs_named_actor")),
                                    bool(e.get("needs_place_object")))
        for cls in _FORM_CLASSES:
            values = e.get(cls) or []
            if not isinstance(values, list):
                raise _fail(path, f"{eid}: {cls} must be a list")
            for form in values:
                key = re.sub(r"[\s-]+", " ", str(form).lower().strip())
                if key in forms and forms[key][0] != eid:
                    raise _fail(path, f"{eid}: form {form!r} is also listed under "
                                      f"{forms[key][0]!r}")
                forms.setdefault(key, (eid, cls))
        if not any(e.get(c) for c in _FORM_CLASSES):
            raise _fail(path, f"{eid}: no forms")
    # idioms that hold a trigger word but tell no event ("resigned in protest"): matched like
    # forms, so the longest match takes the span, and then dropped (no entry)
    idioms = raw.get("not_events") or []
    if not isinstance(idioms, list):
        raise _fail(path, "not_events must be a list")
    idiom_keys = {re.sub(r"[\s-]+", " ", str(w).lower().strip()) for w in idioms}
    if clash := sorted(idiom_keys & set(forms)):
        raise _fail(path, f"not_events {clash[0]!r} is also a form of {forms[clash[0]][0]!r}")
    alternation = "|".join(
        r"[\s-]+".join(re.escape(w) for w in f.split(" "))
        for f in sorted({*forms, *idiom_keys}, key=len, reverse=True))
    regex = re.compile(rf"(?<![\w-])(?:{alternation})(?![\w])", re.I)
    words = [str(w) for w in raw.get("not_after") or []] or ["\x00"]
    not_after = re.compile(rf"\b(?:{'|'.join(map(re.escape, words))})[\s-]+$", re.I)
    words = [str(w) for w in raw.get("not_before") or []] or ["\x00"]
    not_before = re.compile(rf"[\s-]+(?:{'|'.join(map(re.escape, words))})\b", re.I)
    automaton = ahocorasick.Automaton()
    for key in {*forms, *idiom_keys}:
        automaton.add_word(key, key)
    automaton.make_automaton()
    return Lexicon(entries, forms, regex, not_after, not_before, automaton)


@lru_cache(maxsize=8)
def load_lexicon(path: Path = DEFAULT_LEXICON) -> Lexicon:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise _fail(path, str(exc)) from exc
    return parse_lexicon(raw, path)


def lexicon_for(pack: Any) -> Lexicon:
    """The pack's own lexicon when it ships one, else the built-in one."""
    folder = getattr(pack, "path", None) or getattr(pack, "root", None)
    if folder is not None:
        candidate = Path(folder) / "event_lexicon.yaml"
        if candidate.is_file():
            return load_lexicon(candidate)
    return load_lexicon()
