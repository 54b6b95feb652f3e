"""MinHash signatures, LSH bands, and near-duplicate linking in the store."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from sitrep.sources import ingest
from sitrep.sources.neardup import Signature, jaccard, shingles
from sitrep.store import Store, schema


def _edit(text: str) -> str:
    """A wire copy: new headline, a dateline, a few words changed, last paragraph trimmed."""
    paragraphs = text.split("\n\n")
    body = "\n\n".join(paragraphs[1:-1]).replace(" on Monday", " on Monday morning", 2)
    return "Agency Copy of the Same Story\n\nNIAMEY (Wire) - " + body.replace(
        "according to", "said", 1)


def test_signature_estimates_jaccard(article: Any) -> None:
    a, b, c = article(10), _edit(article(10)), article(11)
    sa, sb, sc = Signature.of(a), Signature.of(b), Signature.of(c)
    true_ab = jaccard(shingles(a), shingles(b))
    assert true_ab > 0.7
    assert abs(sa.estimate(sb) - true_ab) < 0.2
    assert sa.estimate(sc) < 0.3
    assert Signature.from_hex(sa.hex) == sa
    shared = set(sa.bands()) & set(sb.bands())
    assert shared  # an LSH bucket brings them together
    assert not set(sa.bands()) & set(sc.bands())


def test_exact_and_near_duplicates(tmp_path: Path, store: Store, article: Any) -> None:
    original = article(20)
    (tmp_path / "a.txt").write_text(original, encoding="utf-8")
    (tmp_path / "b.txt").write_text("  " + original.replace("\n\n", "\n\n\n"), encoding="utf-8")
    (tmp_path / "c.txt").write_text(_edit(original), encoding="utf-8")
    (tmp_path / "d.txt").write_text(article(21), encoding="utf-8")
    report = ingest(store, [str(tmp_path)])
    assert [d["origin"].rsplit("/", 1)[1] for d in report.new] == ["a.txt", "c.txt", "d.txt"]
    assert report.duplicates == [{"origin": str(tmp_path / "b.txt"),
                                  "id": report.new[0]["id"]}]
    assert len(report.near_duplicates) == 1
    near = report.near_duplicates[0]
    assert near["origin"].endswith("c.txt") and near["near_duplicate_of"] == report.new[0]["id"]
    assert 0.7 <= near["similarity"] < 1.0
    with store.reader() as conn:
        rows = dict(conn.execute(select(schema.documents.c.id,
                                        schema.documents.c.near_duplicate_of)).all())
        bands = conn.execute(select(func.count()).select_from(schema.document_bands)).scalar()
    assert rows[report.new[1]["id"]] == report.new[0]["id"]
    assert rows[report.new[2]["id"]] is None
    assert bands == 3 * 16
    # a copy of the copy links to the original, so counting originals counts the story once
    (tmp_path / "e.txt").write_text(_edit(original).replace("Agency Copy", "Third Copy"),
                                    encoding="utf-8")
    again = ingest(store, [str(tmp_path / "e.txt")])
    assert again.near_duplicates[0]["near_duplicate_of"] == report.new[0]["id"]


def test_hashed_shingles_give_the_exact_jaccard(article: Any) -> None:
    from sitrep.sources.neardup import jaccard_hashes, shingle_hashes

    texts = [article(30), _edit(article(30)), article(31), "Two words", "", "one two three"]
    for a in texts:
        assert len(shingle_hashes(a)) == max(1, len(shingles(a)))
        for b in texts:
            assert abs(jaccard_hashes(shingle_hashes(a), shingle_hashes(b))
                       - jaccard(shingles(a) or {""}, shingles(b) or {""})) < 1e-12


def test_signatures_are_the_same_in_every_process(article: Any) -> None:
    """Fingerprints are stored: a new process must compute the same ones (no per-run seed)."""
    import subprocess
    import sys

    text = article(12)
    code = ("import sys; from sitrep.sources.neardup import Signature; "
            "print(Signature.of(sys.stdin.read()).hex)")
    other = subprocess.run([sys.executable, "-c", code], input=text, capture_output=True,
                           text=True, check=True, env={
                               "PYTHONHASHSEED": "123", "PATH": "/usr/bin:/bin",
                               "PYTHONPATH": str(Path(__file__).resolve().parents[2] / "src")})
    assert other.stdout.strip() == Signature.of(text).hex
