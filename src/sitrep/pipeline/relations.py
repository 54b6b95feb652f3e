"""Relations between actors, read from sentences.

Each sentence is *masked*: every actor mention becomes a placeholder ``⟦k⟧``. Patterns (data:
``data/relation_patterns.yaml``) are regular expressions over the masked sentence, so one rule
covers every actor name and spelling the registry knows. A match yields one ``RelationMention``
per emitted predicate, with the sentence as quote, the matched span, the nearest date phrase as
start/end, and the modality the sentence's hedges give.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from ..errors import Errors, SitrepError
from ..model import PREDICATES

PATTERNS_PATH = Path(__file__).parent / "data" / "relation_patterns.yaml"
SYMMETRIC = frozenset({"allied_with", "rival_of"})
_MASK = "⟦{}⟧"
_ONE = r"⟦(\d+)⟧"
_DET = r"(?:the |a |an )?"
_DET_RE = re.compile(_DET, re.I)
_LIST = r"⟦\d+⟧(?:(?:,|,? and|,? as well as) (?:the )?⟦\d+⟧)*"
_W = r"(?:[\w'’-]+ ){0,3}?"
# "X, an al-Qaeda splinter group, was founded by Y": the subject's apposition may sit between
# the subject and the verb; it may name another actor but not end the clause.
_APPOSITION = (r"(?:,\s(?:an?|the|its|which|who|whose|once|now|formerly|led|headed|founded|"
               r"formed|created|based|known|backed|supported|commanded)\s[^,;.]{1,80}?,)?")
# A clause's subject is never the object of a preposition just before it.
_RELATIVE_AFTER = re.compile(r",? (?:who|which|that) ")
_PREP_BEFORE = re.compile(r"\b(?:by|of|to|from|with|against|for|under|than|between)\s$", re.I)
_EMIT = re.compile(r"^(\w+) ([XY])->([XY])(?: (start_after))?$")

MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december"]
_MONTH_RE = "|".join(m.capitalize() for m in MONTHS)
_DATE_RE = re.compile(
    rf"\b(?P<prep>(?i:in|since|from|until|till|by|after|before|as of))\s+"
    rf"(?:(?P<qual>early|mid|late)[- ]?)?(?:(?P<month>{_MONTH_RE})\s+)?(?P<year>(?:19|20)\d\d)\b"
    rf"(?:\s*(?:to|-|–|and)\s*(?P<year2>(?:19|20)\d\d))?")

_HEDGES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("denied", re.compile(r"\b(?:denied|denies|deny|rejected claims|is not|was not|are not|"
                          r"were not|never (?:been )?(?:affiliated|linked|allied))\b", re.I)),
    ("unconfirmed", re.compile(r"\b(?:never (?:been )?confirmed|unconfirmed|unverified|"
                               r"could not be (?:independently )?verified)\b", re.I)),
    ("suspected", re.compile(r"\b(?:suspected|believed to|thought to|presumed|"
                             r"alleged(?:ly)?|possibly|likely)\b", re.I)),
    ("reported", re.compile(r"\b(?:reportedly|according to|is said to|are said to|"
                            r"reports? (?:say|said|suggest)|sources said)\b", re.I)),
)


@dataclass(frozen=True)
class RelationPattern:
    id: str
    regex: re.Pattern[str]
    emits: tuple[tuple[str, str, str, bool], ...]  # (predicate, subject role, object role, after)


@dataclass(frozen=True)
class ActorSpan:
    """An actor mention in document coordinates."""

    start: int
    end: int
    actor_id: str


@dataclass(frozen=True)
class RelationMention:
    subject: str
    predicate: str
    object: str
    start_date: str | None
    start_precision: str | None
    end_date: str | None
    end_precision: str | None
    modality: str
    start: int  # span of the matched construction in the document
    end: int
    quote: str  # the whole sentence
    sentence_start: int
    pattern: str


def _compile(pattern: str) -> re.Pattern[str]:
    trailing_y = pattern.endswith("{Y}")
    if trailing_y:
        pattern = pattern[:-3] + "{YEND}"
    body = (pattern.replace("{XS}", f"(?P<XS>{_LIST}){_APPOSITION}")
            .replace("{X}", _DET + r"⟦(?P<X>\d+)⟧" + _APPOSITION)
            .replace("{YEND}", _DET + r"⟦(?P<Y>\d+)⟧")
            .replace("{Y}", _DET + r"⟦(?P<Y>\d+)⟧" + _APPOSITION)
            .replace("{W}", _W))
    return re.compile(body, re.IGNORECASE)


@lru_cache(maxsize=4)
def load_patterns(path: Path = PATTERNS_PATH) -> tuple[RelationPattern, ...]:
    """Load and validate the pattern file; every problem is an E201 with the entry named."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise SitrepError(Errors.E201, path=str(path), detail=str(exc)) from exc
    out = []
    for entry in data.get("patterns", []):
        pid = entry.get("id", "?")
        try:
            regex = _compile(entry["pattern"])
        except (KeyError, re.error) as exc:
            raise SitrepError(Errors.E201, path=str(path), detail=f"{pid}: {exc}") from exc
        emits = []
        for spec in entry.get("emit", []):
            m = _EMIT.match(spec)
            if not m or m.group(1) not in PREDICATES:
                raise SitrepError(Errors.E201, path=str(path), detail=f"{pid}: bad emit {spec!r}")
            emits.append((m.group(1), m.group(2), m.group(3), bool(m.group(4))))
        if not emits:
            raise SitrepError(Errors.E201, path=str(path), detail=f"{pid}: nothing to emit")
        out.append(RelationPattern(pid, regex, tuple(emits)))
    return tuple(out)


def mask(sentence: str, offset: int, actors: Sequence[ActorSpan]) -> tuple[str, list[int]]:
    """Replace each actor span (document coordinates) inside the sentence with ``⟦k⟧``.

    Returns the masked text and, for each masked character position, the document offset it
    stands for (so a match can be mapped back to the original span)."""
    parts: list[str] = []
    positions: list[int] = []
    cursor = 0
    for k, a in enumerate(actors):
        s, e = a.start - offset, a.end - offset
        if s < cursor or e > len(sentence):
            continue
        parts.append(sentence[cursor:s])
        positions.extend(range(offset + cursor, offset + s))
        token = _MASK.format(k)
        parts.append(token)
        positions.extend([offset + s] * (len(token) - 1) + [offset + e - 1])
        cursor = e
    parts.append(sentence[cursor:])
    positions.extend(range(offset + cursor, offset + len(sentence)))
    return "".join(parts), positions


def _modality(sentence: str) -> str:
    for name, rx in _HEDGES:
        if rx.search(sentence):
            return name
    return "asserted"


def _date_phrase(masked: str, m_start: int, m_end: int) -> tuple[str | None, str | None,
                                                                  str | None, str | None]:
    """Start/end of a relation from a date phrase inside its construction, right after it (no
    other actor in between), or opening the sentence ("In 2012, X split from Y")."""
    chosen: re.Match[str] | None = None
    for dm in _DATE_RE.finditer(masked):
        inside = dm.start() >= m_start and dm.end() <= m_end
        gap = masked[m_end:dm.start()]
        after = dm.start() >= m_end and len(gap) <= 30 and not any(c in gap for c in "⟦,;")
        opening = dm.start() <= 3 and dm.end() <= m_start
        if inside or after or opening:
            chosen = dm
            if inside or after:
                break
    if chosen is None:
        return None, None, None, None
    year = chosen.group("year")
    month = chosen.group("month")
    value, precision = year, "year"
    if month:
        value, precision = f"{year}-{MONTHS.index(month.lower()) + 1:02d}", "month"
    prep = chosen.group("prep").lower()
    if chosen.group("year2"):
        return value, precision, chosen.group("year2"), "year"
    if prep in ("until", "till", "before"):
        return None, None, value, precision
    return value, precision, None, None


def _actor_ids(group: str, actors: Sequence[ActorSpan]) -> list[str]:
    return [actors[int(k)].actor_id for k in re.findall(r"⟦(\d+)⟧", group)]


def extract_relations(
    text: str,
    sentences: Iterable[tuple[int, int]],
    actors: Sequence[ActorSpan],
    patterns: Sequence[RelationPattern] | None = None,
) -> list[RelationMention]:
    """Relations stated in ``text``: one mention per (pattern, emitted predicate, actor pair)."""
    patterns = patterns if patterns is not None else load_patterns()
    ordered = sorted(actors, key=lambda a: (a.start, -a.end))
    found: dict[tuple[str, str, str, int], RelationMention] = {}
    for s_start, s_end in sentences:
        inside = [a for a in ordered if a.start >= s_start and a.end <= s_end]
        if len({a.actor_id for a in inside}) < 2:
            continue
        sentence = text[s_start:s_end]
        masked, positions = mask(sentence, s_start, inside)
        modality = _modality(sentence)
        for pat in patterns:
            for m in pat.regex.finditer(masked):
                first = m.start() + len(_DET_RE.match(masked, m.start()).group(0))  # type: ignore[union-attr]
                if (masked.startswith("⟦", first)
                        and _PREP_BEFORE.search(masked[max(0, first - 12):first])
                        and not _RELATIVE_AFTER.match(masked, masked.index("⟧", first) + 1)):
                    continue  # the subject is a preposition's object, not a clause's subject
                roles = {
                    "X": _actor_ids(m.group("XS") if "XS" in m.re.groupindex else
                                    "⟦" + m.group("X") + "⟧", inside),
                    "Y": _actor_ids("⟦" + m.group("Y") + "⟧", inside),
                }
                start_d, start_p, end_d, end_p = _date_phrase(masked, m.start(), m.end())
                span = (positions[m.start()], positions[m.end() - 1] + 1)
                for predicate, subj_role, obj_role, after in pat.emits:
                    for subj in roles[subj_role]:
                        for obj in roles[obj_role]:
                            if subj == obj:
                                continue
                            a, b = (sorted((subj, obj)) if predicate in SYMMETRIC
                                    else (subj, obj))
                            rel = RelationMention(
                                subject=a, predicate=predicate, object=b,
                                start_date=None if after else start_d,
                                start_precision=None if after else start_p,
                                end_date=end_d, end_precision=end_p, modality=modality,
                                start=span[0], end=span[1], quote=sentence,
                                sentence_start=s_start, pattern=pat.id)
                            found.setdefault((a, predicate, b, s_start), rel)
    return list(found.values())
