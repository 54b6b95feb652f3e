"""The one normalisation used for all name matching.

Two views of the same rule:

* ``normalize(name)`` gives the canonical *key* of a name: case-folded, accents removed,
  apostrophes dropped, hyphens and punctuation turned into single spaces, the Arabic article
  ("al-", "el-", "ul-") dropped and "wa al" / "wa-l" folded into "wal".  Two spellings of the
  same name have the same key; registries, search and validation compare keys.
* ``fold(text)`` is the length-preserving part (one character in, one character out) applied to
  running text before Aho-Corasick matching, so that match offsets are offsets in the original
  text with no mapping table.  ``spellings(name)`` lists the folded forms of a name that can occur
  in folded text (with and without the article, apostrophe as gap or as nothing); the original
  text of any span they match has the same ``normalize`` key as the name.
"""

from __future__ import annotations

import itertools
import re
import unicodedata

APOSTROPHES = "'’ʼ‘`´ʻʿʾ"
ARTICLES = ("al", "el", "ul")
_ARTICLE_SET = frozenset(ARTICLES)


def _build_fold_table() -> dict[int, int]:
    """One code point -> one code point: lowercase, base letter, space for punctuation."""
    table: dict[int, int] = {}
    for cp in range(0x250):  # ASCII, Latin-1 and Latin Extended-A/B cover Sahel romanisations
        ch = chr(cp)
        if ch.isalnum():
            low = ch.lower()
            base = unicodedata.normalize("NFKD", low)[:1] or low
            if len(low) != 1:
                base = unicodedata.normalize("NFKD", ch)[:1].lower()
            if not base.isalnum():
                base = low[:1]
            if base != ch:
                table[cp] = ord(base)
        else:
            table[cp] = 0x20
    for ch in APOSTROPHES:
        table[ord(ch)] = 0x20
    for ch in "‐‑‒–—―−“”„«»‹›…•·\u00a0\u2009\u202f\u200b":
        table[ord(ch)] = 0x20
    table[ord("ß")] = ord("s")
    table[ord("ø")] = ord("o")
    table[ord("đ")] = ord("d")
    table[ord("ł")] = ord("l")
    table[ord("æ")] = ord("a")
    table[ord("œ")] = ord("o")
    return table


FOLD_TABLE = _build_fold_table()
_ASCII_ONLY = {k: v for k, v in FOLD_TABLE.items() if k < 128}
_APOS_RE = re.compile("[" + re.escape(APOSTROPHES) + "]")
_SPACES = re.compile(r"\s+")


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _fold_char(m: re.Match[str]) -> str:
    ch = m.group(0)
    mapped = FOLD_TABLE.get(ord(ch))
    if mapped is not None:
        return chr(mapped)
    low = ch.lower()
    return low if len(low) == 1 else ch


def fold(text: str) -> str:
    """Length-preserving fold: ``len(fold(t)) == len(t)`` and offsets line up.

    News text is mostly ASCII: the few other characters are folded one by one with a regex,
    then the whole string takes ``str.translate``'s fast ASCII path.
    """
    if not text.isascii():
        text = _NON_ASCII.sub(_fold_char, text)
    low = text.lower()
    if len(low) != len(text):  # a character outside the table that lowers to two
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return low.translate(_ASCII_ONLY)


def _tokens(folded: str) -> list[str]:
    return folded.split()


def _canon_tokens(tokens: list[str]) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if tok == "wa" and nxt in ("al", "l"):
            out.append("wal")
            i += 2
            continue
        if tok in _ARTICLE_SET and nxt:
            i += 1
            continue
        out.append(tok)
        i += 1
    return out


def normalize(text: str) -> str:
    """Canonical matching key of a name ("Jama'at Nusrat al-Islam" -> "jamaat nusrat islam")."""
    text = _APOS_RE.sub("", text)
    return " ".join(_canon_tokens(_tokens(fold(text))))


def spellings(name: str, limit: int = 48) -> set[str]:
    """Folded forms of ``name`` that running text may contain, all sharing its key.

    Articles may be written or omitted ("al-Qaeda" / "Qaeda" is not offered alone: a bare name
    is only added when the article is not its first word), "wal" may be "wa al", and an
    apostrophe may be a gap ("jama at") or nothing ("jamaat").
    """
    variants: set[str] = set()
    for apos in (" ", ""):
        toks = _tokens(fold(name.replace("'", apos).translate(
            {ord(c): apos for c in APOSTROPHES})))
        if not toks:
            continue
        choices: list[list[str]] = []
        for i, tok in enumerate(toks):
            if tok in _ARTICLE_SET and i + 1 < len(toks):
                forms = list(dict.fromkeys([tok, "al", "el"]))
                choices.append(forms + [""] if i > 0 else forms)
            elif tok == "wal":
                choices.append(["wal", "wa al", "wa l"])
            else:
                choices.append([tok])
        for combo in itertools.islice(itertools.product(*choices), limit):
            variants.add(" ".join(t for t in combo if t))
    return {v for v in variants if v}


def collapse_spaces(text: str) -> str:
    return _SPACES.sub(" ", text).strip()
