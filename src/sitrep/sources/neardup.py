"""Near-duplicate detection: MinHash over word shingles, looked up through LSH bands.

Wire copies of one story differ by a headline, a dateline, a trimmed paragraph. Their word
3-shingle sets overlap heavily (Jaccard similarity), which MinHash estimates from a short
signature (fixed hash functions, so signatures compare across runs and machines). Splitting
the signature into bands and indexing each band's hash makes the lookup a handful of indexed
equality queries per document instead of a comparison with every stored document: it scales
with the number of candidates, not with the size of the store.

Speed: each word is hashed once (CRC-32, stable across processes), a shingle's 64-bit hash
is a polynomial of its three word hashes, and the 64 permutations are multiply-shift hashes
of that one value, computed for all shingles at once with numpy. Signature v2 (migration
0031 recomputes stored fingerprints and bands from v1's SHAKE-128-per-shingle scheme).
"""

from __future__ import annotations

import hashlib
import re
import zlib
from dataclasses import dataclass

import numpy as np

SHINGLE_WORDS = 3
NUM_PERM = 64
BANDS = 16  # 16 bands x 4 rows: a pair at Jaccard 0.7 becomes a candidate ~99 % of the time
ROWS = NUM_PERM // BANDS
THRESHOLD = 0.7  # exact Jaccard of shingle sets needed to call two texts near-duplicates
# A candidate whose signature estimate is this far under THRESHOLD (3.5 standard errors of a
# 64-slot estimate at 0.7) cannot be a near-duplicate: its text is never read.
ESTIMATE_FLOOR = 0.45
CHUNK = 8192  # shingles hashed per numpy step: bounds memory on a 5 MB document
_WORD = re.compile(r"\w+")
_U64 = np.uint64
# fixed odd multipliers and offsets of the 64 multiply-shift permutations (seeded, not random
# per run: signatures stored by one run must compare with those of the next)
_PERM_RNG = np.random.default_rng(20261121)
_MUL = (_PERM_RNG.integers(1, 2**63, NUM_PERM, dtype=np.uint64) * _U64(2) + _U64(1))[:, None]
_ADD = _PERM_RNG.integers(0, 2**63, NUM_PERM, dtype=np.uint64)[:, None]
_P1, _P2 = _U64(0x9E3779B97F4A7C15), _U64(0xC2B2AE3D27D4EB4F)


def shingles(text: str) -> set[str]:
    """Lower-cased word 3-grams (the whole text when it is shorter)."""
    words = _WORD.findall(text.lower())
    if len(words) <= SHINGLE_WORDS:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}


def shingle_hashes(text: str) -> np.ndarray:
    """The sorted, distinct 64-bit hashes of the text's word 3-grams (uint64 array).

    Equal shingles give equal hashes in every process; distinct shingles collide with
    probability ~2^-64, so set operations on these arrays are the Jaccard of ``shingles``."""
    words = _WORD.findall(text.lower())
    if not words:
        return np.zeros(1, dtype=np.uint64)  # the empty text: one fixed shingle
    w = np.fromiter((zlib.crc32(x.encode()) for x in words), dtype=np.uint64, count=len(words))
    if len(w) < SHINGLE_WORDS:
        w = np.concatenate([w, np.zeros(SHINGLE_WORDS - len(w), dtype=np.uint64)])
    with np.errstate(over="ignore"):  # uint64 arithmetic wraps on purpose (mod 2^64)
        h = (w[:-2] * _P1 + w[1:-1]) * _P2 + w[2:]
    return np.unique(h)


def jaccard(a: set[str], b: set[str]) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


def jaccard_hashes(a: np.ndarray, b: np.ndarray) -> float:
    """Jaccard of two ``shingle_hashes`` arrays (sorted and distinct)."""
    inter = len(np.intersect1d(a, b, assume_unique=True))
    union = len(a) + len(b) - inter
    return inter / union if union else 1.0


@dataclass(frozen=True)
class Signature:
    values: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> Signature:
        return cls.of_hashes(shingle_hashes(text))

    @classmethod
    def of_hashes(cls, hashes: np.ndarray) -> Signature:
        """64 multiply-shift permutations of each shingle hash, minimum per slot (32 bits)."""
        mins = np.full(NUM_PERM, np.iinfo(np.uint64).max, dtype=np.uint64)
        with np.errstate(over="ignore"):
            for i in range(0, len(hashes), CHUNK):
                perm = (_MUL * hashes[None, i:i + CHUNK] + _ADD) >> _U64(32)
                np.minimum(mins, perm.min(axis=1), out=mins)
        return cls(tuple(int(v) for v in mins))

    @property
    def hex(self) -> str:
        """The stored ``fingerprint``: 64 x 32-bit minima, 512 hex digits."""
        return "".join(f"{v:08x}" for v in self.values)

    @classmethod
    def from_hex(cls, value: str) -> Signature:
        return cls(tuple(int(value[i:i + 8], 16) for i in range(0, len(value), 8)))

    def bands(self) -> list[tuple[int, str]]:
        """(band number, band hash) pairs indexed in ``document_bands``."""
        out = []
        for band in range(BANDS):
            chunk = self.values[band * ROWS:(band + 1) * ROWS]
            digest = hashlib.blake2b(",".join(map(str, chunk)).encode(), digest_size=8)
            out.append((band, digest.hexdigest()))
        return out

    def estimate(self, other: Signature) -> float:
        same = sum(1 for x, y in zip(self.values, other.values, strict=True) if x == y)
        return same / NUM_PERM
