"""Near-duplicate detection: MinHash over word shingles, looked up through LSH bands.

Wire copies of one story differ by a headline, a dateline, a trimmed paragraph. Their word
3-shingle sets overlap heavily (Jaccard similarity), which MinHash estimates from a short
signature (fixed hash functions, so signatures compare across runs and machines). Splitting
the signature into bands and indexing each band's hash makes the lookup a handful of indexed
equality queries per document instead of a comparison with every stored document: it scales
with the number of candidates, not with the size of the store.
"""

from __future__ import annotations

import hashlib
import re
import struct
from dataclasses import dataclass

SHINGLE_WORDS = 3
NUM_PERM = 64
BANDS = 16  # 16 bands x 4 rows: a pair at Jaccard 0.7 becomes a candidate ~99 % of the time
ROWS = NUM_PERM // BANDS
THRESHOLD = 0.7  # exact Jaccard of shingle sets needed to call two texts near-duplicates
_ROW = struct.Struct(f"<{NUM_PERM}I")


def shingles(text: str) -> set[str]:
    """Lower-cased word 3-grams (the whole text when it is shorter)."""
    words = re.findall(r"\w+", text.lower())
    if len(words) <= SHINGLE_WORDS:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}


def jaccard(a: set[str], b: set[str]) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


@dataclass(frozen=True)
class Signature:
    values: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> Signature:
        """64 independent 32-bit hashes per shingle (one SHAKE-128 call), minimum per slot."""
        rows = [_ROW.unpack(hashlib.shake_128(s.encode()).digest(4 * NUM_PERM))
                for s in shingles(text) or {""}]
        return cls(tuple(map(min, zip(*rows, strict=True))))

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
