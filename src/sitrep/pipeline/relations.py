"""Relations between actors, read from sentences.

Each sentence is *masked*: every actor mention becomes a placeholder ``⟦k⟧``. Patterns (data:
``data/relation_patterns.yaml``) are regular expressions over the masked sentence, so one rule
covers every actor name and spelling the registry knows. A match yields one ``RelationMention``
per emitted predicate, with the sentence as quote, the matched span, the nearest date phrase as
start/end, and the modality the sentence's hedges give.

Document-level helpers widen what the patterns see: mentions without a name (surnames, "The
group", "he", "the army": ``relation_references``) and a name that embeds another group's name,
which states an affiliation by itself ("Islamic State in the Greater Sahara" is an Islamic State
affiliate). They need the knowledge pack and are skipped without it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import ahocorasick
import yaml

from ..errors import Errors, SitrepError
from ..model import PREDICATES
from .relation_affiliates import countries_named, regional_affiliates
from .relation_dates import ENCLOSED, date_phrase, resolved_date
from .relation_references import (
    GROUP_KINDS,
    GROUP_SEP,
    ActorSpan,
    actor_kind,
    army_mentions,
    definite_mentions,
    described_subjects,
    pronoun_mentions,
    surname_mentions,
)

PATTERNS_PATH = Path(__file__).parent / "data" / "relation_patterns.yaml"
SYMMETRIC = frozenset({"allied_with", "rival_of"})  # stored with sorted actors
_MASK = "⟦{}⟧"
_ONE = r"⟦(\d+)⟧"
_DET = r"(?:the |a |an )?"
_DET_RE = re.compile(_DET, re.I)
# A list of actors; an item may name its parent ("the Sahara Emirate of AQIM"), which is not
# itself an item (``_actor_ids`` skips it).
_ITEM = r"⟦\d+⟧(?: of (?:the )?⟦\d+⟧)?"
_LIST = rf"{_ITEM}(?:(?:,|,? and|,? as well as|,? including) (?:the )?{_ITEM})*"
_ITEM_ID = re.compile(r"(?<!of )(?<!of the )⟦(\d+)⟧")
# up to three words; a hyphenated or possessive actor counts as a word ("⟦k⟧-aligned splinter")
_W = r"(?:(?:⟦\d+⟧)?[\w'’-]+ ){0,3}?"
# A descriptor before a name: "the Algerian militant", "Colonel", "his brother".
_T = r"(?:(?:the|a|an|his|her|its|their) )?(?:[\w'’.-]+ ){0,3}?"
# "X, an al-Qaeda splinter group, was founded by Y": the subject's apposition may sit between
# the subject and the verb; it may name another actor but not end the clause.
_APPOSITION = (r"(?:,\s(?:(?:an?|the|its|which|who|whose|once|now|formerly|led|headed|founded|"
               r"formed|created|based|known|backed|supported|commanded|two|three|both|all|"
               r"several|allied|rival|local|rebel|jihadist|pro-government|self-defen[cs]e)\s|"
               r"⟦\d+⟧(?:'s|’s)\s)[^,;.]{1,80}?,)?")
# A clause's subject is never the object of a preposition just before it.
# "X, the UN mission that replaced Y": a descriptive noun phrase ending in a relative pronoun.
_REL_DESC_BODY = r",? (?:an?|the) (?:[^,;.⟦]{1,60}? )?(?:⟦\d+⟧[^,;.⟦]{0,30}? )?(?:that|which|who)"
_REL_DESC = f"(?:{_REL_DESC_BODY})?"
# The sentence's own subject: at the start, after at most a short opening phrase ("In 2016, ").
# Also a dateline or a timeline label: "BAMAKO, Nov 5 - ", "2012: ".
# Or a short time phrase without a comma: "Two years later he ...", "In 2015 the group ...".
_OPENING = (r"^(?:[^⟦,;.]{0,40}(?:, |: | [-–—] )){0,2}"
            r"(?:(?:in|on|by|since|after|within|during|later|earlier|last|this|that|two|three|"
            r"four|five|six|"
            r"a|one|few|several|some|\d{4}|years?|months?|weeks?|days?|decades?|ago|"
            r"following) ){0,4}(?:the |a |an )?")
_RELATIVE_AFTER = re.compile(rf"(?:,? (?:who|which|that) |{_REL_DESC_BODY} )")
# "fighters of X attacked": X is the agent even though a preposition precedes it.
_MEMBERS_OF = re.compile(r"\b(?:fighters|militants|members|troops|soldiers|forces|men|units|"
                         r"elements|jihadists|gunmen|commanders|leaders|rebels|insurgents|"
                         r"combatants|militiamen|instructors|advisers|advisors|trainers|"
                         r"mercenaries|contractors|operatives|officers|personnel|"
                         r"paramilitaries|peacekeepers|auxiliaries|vigilantes) "
                         r"(?:of|from) (?:the )?$", re.I)
# "X, whose components include A and B, fought Y": A and B are objects of "include", too.
_PREP_BEFORE = re.compile(r"\b(?:by|of|to|from|with|against|for|under|than|between|include|"
                          r"includes|included|including|comprise|comprises|such as)\s$", re.I)
_EMIT = re.compile(r"^(\w+) ([XYZ])->([XYZ])(?: (start_after))?$")

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
    anywhere: bool = False  # an apposition or participle: its X may be a preposition's object
    kinds: tuple[frozenset[str], frozenset[str]] | None = None  # allowed (X, Y) actor kinds
    stand_for: str | None = None  # "affiliates": X and Y stand for their regional affiliates
    cue: tuple[str, ...] = ()  # the pattern needs one of these lowercase words (see _cue)


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


# "Shekau's Boko Haram", "France's Operation Barkhane": the possessed actor is the object.
_OWNER = r"(?:(?:⟦\d+⟧|[\w-]+)(?:'s|’s) )?"


# "ISGS fighters", "CSP rebels": a subject may be named through its members.
_MEMBERS = (r"(?: (?:fighters|militants|militiamen|troops|soldiers|forces|rebels|jihadists|"
            r"gunmen|members|units|elements|mercenaries|contractors|insurgents|vigilantes|"
            r"volunteers|auxiliaries|paramilitaries|instructors|peacekeepers))?")


# "Jama'at Nusrat al-Islam wal-Muslimin (JNIM)": a name and its acronym are one mention.
_ALIAS_AFTER = r"(?: \(⟦\d+⟧\))?"


def _actor_token(name: str) -> str:
    owner = _OWNER if name == "Y" else ""
    members = _MEMBERS if name == "X" else ""
    return _DET + owner + rf"⟦(?P<{name}>\d+)⟧" + _ALIAS_AFTER + members


# "The Islamic State's Sahel branch ...", "A UN report says ...": an actor that qualifies the
# noun after it is not the sentence's subject
_NOT_MODIFIER = (r"(?!['’]s\b| (?:report|reports|statement|statements|video|spokesman|"
                 r"spokesperson|official|officials|source|sources|document|panel|envoy|"
                 r"investigators|experts|resolution|study|data|figures|communiqu[eé])\b)")


def _compile(pattern: str) -> re.Pattern[str]:
    trailing_y = pattern.endswith("{Y}")
    if trailing_y:
        pattern = pattern[:-3] + "{YEND}"
    # "The Islamic State's Sahel branch ...": a possessive subject is not the subject
    body = (pattern.replace("{X0}", _OPENING + r"⟦(?P<X>\d+)⟧" + _NOT_MODIFIER)
            .replace("{Y0}", _OPENING + r"⟦(?P<Y>\d+)⟧" + _NOT_MODIFIER)
            .replace("{XS}", _DET + f"(?P<XS>{_LIST}){_MEMBERS}{_APPOSITION}")
            .replace("{YS}", _DET + _OWNER + f"(?P<YS>{_LIST})")
            .replace("{X}", _actor_token("X") + _APPOSITION + _REL_DESC)
            .replace("{YEND}", _actor_token("Y"))
            .replace("{ZS}", _DET + f"(?P<ZS>{_LIST})")
            .replace("{Z}", _actor_token("Z"))
            .replace("{Y}", _actor_token("Y") + _APPOSITION)
            .replace("{W}", _W).replace("{T}", _T))
    if pattern.startswith(("{X}", "{Y}", "{XS}", "{YS}")):
        # a cheap first-character test: the engine skips positions that cannot open a name
        body = r"(?=[⟦ta])" + body
    return re.compile(body, re.IGNORECASE)


@lru_cache(maxsize=4)
def load_patterns(path: Path = PATTERNS_PATH) -> tuple[RelationPattern, ...]:
    """Load and validate the pattern file; every problem is an E201 with the entry named."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise SitrepError(Errors.E201, path=str(path), detail=str(exc)) from exc
    groups = {k: frozenset(v) for k, v in (data.get("kind_groups") or {}).items()}
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
        kinds = None
        if entry.get("kinds"):
            try:
                kinds = (groups[entry["kinds"][0]], groups[entry["kinds"][1]])
            except (KeyError, IndexError, TypeError):
                raise SitrepError(Errors.E201, path=str(path),
                                  detail=f"{pid}: kinds must name two kind_groups") from None
        stand_for = entry.get("stand_for")
        if stand_for not in (None, "affiliates"):
            raise SitrepError(Errors.E201, path=str(path),
                              detail=f"{pid}: stand_for must be 'affiliates'")
        out.append(RelationPattern(pid, regex, tuple(emits), bool(entry.get("anywhere")),
                                   kinds, stand_for, _cue(entry["pattern"])))
    return tuple(out)


_LITERALS = re.compile(r"^[\w '’-]+(?:\|[\w '’-]+)*$")


def _cue(pattern: str) -> tuple[str, ...]:
    """The most selective literal words the pattern needs at its top level (a word such as
    "between", or one of an alternation such as "(?:backed|supported)"): a substring test for
    them decides whether the full expression runs at all, which keeps the cost of a hundred
    patterns close to that of the few that can match."""
    best: list[str] = []
    skeleton: list[str] = []  # the top level, groups and classes blanked ("{" kept)
    depth, start, i = 0, 0, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 1
            skeleton.append(" ")
        elif c == "[":
            i = pattern.index("]", i + 2)
            skeleton.append(" ")
        elif c == "|" and depth == 0:
            return ()  # alternatives at the top: no single group is needed
        elif c == "(":
            depth, start = depth + 1, (i if depth == 0 else start)
        elif c == ")":
            depth -= 1
            body, after = pattern[start + 1:i], pattern[i + 1:i + 3]
            if (depth == 0 and body.startswith("?:") and _LITERALS.match(body[2:])
                    and after[:1] not in ("?", "*") and after != "{0"):
                words = body[2:].split("|")
                if min(map(len, words)) > min(map(len, best), default=0):
                    best = words
            skeleton.append(" ")
        elif depth == 0:
            skeleton.append(c)
        i += 1
    plain = _PLAIN_WORD.findall("".join(skeleton))
    if plain and len(max(plain, key=len)) > min(map(len, best), default=0):
        best = [max(plain, key=len)]
    return tuple(w.lower() for w in best)


# a literal word at the top level whose last letter is not made optional ("clashes?")
_PLAIN_WORD = re.compile(r"(?<![\w{}])[A-Za-z][A-Za-z'’-]{3,}(?![?*{\w])")


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


def _actor_ids(group: str, actors: Sequence[ActorSpan]) -> list[str]:
    return [i for k in _ITEM_ID.findall(group)
            for i in actors[int(k)].actor_id.split(GROUP_SEP)]


def _role(m: re.Match[str], name: str) -> str:
    many = name + "S"
    if many in m.re.groupindex and m.group(many):
        return m.group(many)
    if name not in m.re.groupindex or m.group(name) is None:
        return ""
    return "⟦" + m.group(name) + "⟧"


def _pack_or_none(pack: Any) -> Any:
    if pack is not None:
        return pack
    try:
        from ..pack import load_pack

        return load_pack()
    except SitrepError:
        return None


def name_affiliations(text: str, sentences: Iterable[tuple[int, int]],
                      actors: Sequence[ActorSpan], pack: Any) -> list[RelationMention]:
    """A group whose name embeds another group's name at its start is that group's branch:
    "Islamic State in the Greater Sahara" -> affiliate_of Islamic State (the mention is the
    evidence). Persons and the same actor under a longer name are left alone."""
    if pack is None:
        return []
    bounds = sorted(sentences)
    out: dict[tuple[str, str], RelationMention] = {}
    for a in actors:
        if actor_kind(pack, a.actor_id) not in GROUP_KINDS or any(k[0] == a.actor_id for k in out):
            continue
        words = text[a.start:a.end].split()
        parent = None
        for k in range(len(words) - 1, 0, -1):
            prefix = " ".join(words[:k])
            parent = next((m.actor_id for m in pack.find_actors(prefix)
                           if m.kind == "named" and m.start == 0 and m.end == len(prefix)
                           and m.actor_id != a.actor_id
                           and actor_kind(pack, m.actor_id) in GROUP_KINDS), None)
            if parent:
                break
        if parent is None:
            continue
        sent = next(((s, e) for s, e in bounds if s <= a.start and a.end <= e), (a.start, a.end))
        out.setdefault((a.actor_id, parent), RelationMention(
            subject=a.actor_id, predicate="affiliate_of", object=parent, start_date=None,
            start_precision=None, end_date=None, end_precision=None, modality="asserted",
            start=a.start, end=a.end, quote=text[sent[0]:sent[1]], sentence_start=sent[0],
            pattern="name-embeds-parent"))
    return list(out.values())


_CUE_AUTOMATA: dict[int, tuple[Sequence[RelationPattern], Any]] = {}


def cues_present(patterns: Sequence[RelationPattern], lowered: str) -> set[str]:
    """Every cue word of ``patterns`` found in the lowercased sentence, in one pass (an
    Aho-Corasick automaton built once per pattern set) instead of a substring test per cue."""
    held = _CUE_AUTOMATA.get(id(patterns))
    if held is None or held[0] is not patterns:
        automaton = ahocorasick.Automaton()
        for word in {w for pat in patterns for w in pat.cue}:
            automaton.add_word(word, word)
        if len(automaton):
            automaton.make_automaton()
        if len(_CUE_AUTOMATA) >= 8:
            _CUE_AUTOMATA.clear()  # callers passing a fresh list each time: stay bounded
        held = _CUE_AUTOMATA[id(patterns)] = (patterns, automaton)
    automaton = held[1]
    if not len(automaton):
        return set()
    return {word for _, word in automaton.iter(lowered)}


def _described_affiliations(text: str, sentences: Sequence[tuple[int, int]],
                            described: Sequence[tuple[ActorSpan, str]]) -> list[RelationMention]:
    """"The al-Qaeda affiliate" standing for JNIM states JNIM's affiliation (the mention is
    the evidence, as for a name that embeds its parent's)."""
    out = []
    for span, parent in described:
        s, e = next(((s, e) for s, e in sentences if s <= span.start and span.end <= e),
                    (span.start, span.end))
        out.append(RelationMention(
            subject=span.actor_id, predicate="affiliate_of", object=parent, start_date=None,
            start_precision=None, end_date=None, end_precision=None, modality="asserted",
            start=span.start, end=span.end, quote=text[s:e], sentence_start=s,
            pattern="described-as-affiliate-of"))
    return out


def extract_relations(
    text: str,
    sentences: Iterable[tuple[int, int]],
    actors: Sequence[ActorSpan],
    patterns: Sequence[RelationPattern] | None = None,
    *,
    pack: Any = None,
    dates: Sequence[Any] | None = None,
) -> list[RelationMention]:
    """Relations stated in ``text``: one mention per (pattern, emitted predicate, actor pair).

    ``pack`` (default: the loaded knowledge pack) supplies actor kinds for patterns that
    constrain them, surnames and names that embed a parent group's name. ``dates`` (the
    pipeline's resolved ``DateMention`` list) dates relations the regular expressions cannot
    ("in May" of the publication year, "on 1 August"); without it only explicit years do."""
    patterns = patterns if patterns is not None else load_patterns()
    pack = _pack_or_none(pack)
    sentences = list(sentences)
    actors = list(actors) + surname_mentions(text, actors, pack)
    actors += army_mentions(text, actors, pack)
    described = described_subjects(text, sentences, actors, pack)
    actors += [span for span, _ in described]
    actors += definite_mentions(text, sentences, actors, pack)
    actors += pronoun_mentions(text, sentences, actors, pack)
    ordered = sorted(actors, key=lambda a: (a.start, -a.end))
    found: dict[tuple[str, str, str, int], RelationMention] = {}
    for rel in [*name_affiliations(text, sentences, ordered, pack),
                *_described_affiliations(text, sentences, described)]:
        found.setdefault((rel.subject, rel.predicate, rel.object, rel.sentence_start), rel)
    for s_start, s_end in sentences:
        inside = [a for a in ordered if a.start >= s_start and a.end <= s_end]
        if len({a.actor_id for a in inside}) < 2:
            continue
        sentence = text[s_start:s_end]
        masked, positions = mask(sentence, s_start, inside)
        present = cues_present(patterns, masked.lower())
        modality = _modality(sentence)
        for pat in patterns:
            if pat.cue and present.isdisjoint(pat.cue):
                continue
            for m in pat.regex.finditer(masked):
                if not pat.anywhere and _object_of_preposition(masked, m.start()):
                    continue  # the subject is a preposition's object, not a clause's subject
                roles = {"X": _actor_ids(_role(m, "X"), inside),
                         "Y": _actor_ids(_role(m, "Y"), inside)}
                if "Z" in m.re.groupindex or "ZS" in m.re.groupindex:
                    roles["Z"] = _actor_ids(_role(m, "Z"), inside)
                if pat.kinds is not None:
                    for r, kinds in zip(("X", "Y"), pat.kinds, strict=True):
                        roles[r] = [a for a in roles[r] if actor_kind(pack, a) in kinds
                                    or actor_kind(pack, a) is None]
                start_d, start_p, end_d, end_p = date_phrase(masked, m.start(), m.end())
                span = (positions[m.start()], positions[m.end() - 1] + 1)
                if dates and not (start_d or end_d):
                    skipped = [(positions[e.start()], positions[e.end() - 1] + 1)
                               for e in ENCLOSED.finditer(masked, m.start(), m.end())]
                    start_d, start_p, end_d, end_p = resolved_date(
                        text, dates, span, skipped, (s_start, s_end), inside)
                if pat.stand_for == "affiliates" or _umbrellas_in_a_region(
                        pat, roles, pack, text[span[1]:s_end]):
                    roles = _affiliates_for(roles, pack, text, span, (s_start, s_end), start_d)
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


# "... joined forces in West Africa", "across the Sahel", "in parts of Mali"
_IN_REGION = re.compile(r"\b(?:in|across|throughout|around)\s+(?:the\s+|much\s+of\s+|parts\s+of\s+|"
                        r"(?:a\s+)?(?:vast\s+|large\s+)?(?:stretch|swathe|swath|part)\s+of\s+)?"
                        r"(?-i:[A-Z])")


def _umbrellas_in_a_region(pat: RelationPattern, roles: dict[str, list[str]], pack: Any,
                           after: str) -> bool:
    """An alliance of two transnational umbrellas (a group whose home is no one country:
    al-Qaeda, the Islamic State) placed in a region ("joined forces in West Africa") is an
    alliance of their branches there, as if the sentence said "groups linked to X and Y"."""
    if pack is None or any(p != "allied_with" for p, *_ in pat.emits):
        return False
    ids = roles["X"] + roles["Y"]
    umbrella = all(actor_kind(pack, a) in GROUP_KINDS
                   and len(getattr(pack.actors.find(a), "country", None) or "") != 2
                   for a in ids)
    return bool(ids) and umbrella and _IN_REGION.search(after) is not None


def _affiliates_for(roles: dict[str, list[str]], pack: Any, text: str, span: tuple[int, int],
                    sentence: tuple[int, int], on: str | None) -> dict[str, list[str]]:
    """X and Y replaced by their affiliates in the region the sentence names after the
    construction (else before it, else the pack's focus countries); see relation_affiliates."""
    if pack is None:
        return {r: [] for r in roles}
    region = set(countries_named(pack, text[span[1]:sentence[1]])
                 or countries_named(pack, text[sentence[0]:span[0]])
                 or pack.focus_countries)
    if region & pack.focus_countries:  # the pack's theatre is one region: a group's home
        region |= pack.focus_countries  # country is only where it started (JNIM in Burkina)
    out = {r: list(dict.fromkeys(a for parent in ids
                                 for a in regional_affiliates(pack, parent, sorted(region), on)))
           for r, ids in roles.items()}
    if set(out.get("X", [])) & set(out.get("Y", [])):
        return {r: [] for r in roles}  # both sides resolve to the same group: nothing is said
    return out


def _object_of_preposition(masked: str, at: int) -> bool:
    first = at + len(_DET_RE.match(masked, at).group(0))  # type: ignore[union-attr]
    before = masked[max(0, at - 40):at]
    return (masked.startswith("⟦", first)
            and bool(_PREP_BEFORE.search(before)) and not _MEMBERS_OF.search(before)
            and not _RELATIVE_AFTER.match(masked, masked.index("⟧", first) + 1))
