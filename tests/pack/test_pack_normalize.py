"""The one normalisation: spellings of a name share a key, and fold keeps offsets."""

from __future__ import annotations

import pytest

from sitrep.pack import fold, normalize
from sitrep.pack.normalize import spellings


@pytest.mark.parametrize("a,b", [
    ("Jama'at Nusrat al-Islam wal-Muslimin", "Jamaat Nusrat al Islam wal Muslimin"),
    ("Jama'at Nusrat al-Islam wal-Muslimin", "JAMA’AT NUSRAT EL-ISLAM WA AL-MUSLIMIN"),
    ("Jama'a Nusrat ul-Islam wa al-Muslimin", "Jamaa Nusrat Islam wal Muslimin"),
    ("Inatès", "Inates"),
    ("Tin-Zaouatène", "tin zaouatene"),
    ("Côte d’Ivoire", "Cote d'Ivoire"),
    ("al-Qaïda", "Al Qaida"),
    ("Ansar ul-Islam", "Ansar al Islam"),
])
def test_spelling_variants_share_one_key(a: str, b: str) -> None:
    assert normalize(a) == normalize(b)


def test_different_names_keep_different_keys() -> None:
    assert normalize("Mali") != normalize("Malian")
    assert normalize("Niger") != normalize("Nigeria")


@pytest.mark.parametrize("text", [
    "Ségou, Ménaka and Tin-Zaouatène — “quoted” ’s",
    "İstanbul ß Œuvre naïve Ağadez",
    "plain ascii, with punctuation!",
    "Arabic جماعة نصرة الإسلام mixed",
])
def test_fold_preserves_length_so_offsets_line_up(text: str) -> None:
    folded = fold(text)
    assert len(folded) == len(text)
    assert folded == folded.lower()


def test_spellings_cover_article_and_apostrophe_forms() -> None:
    name = "Jama'at Nusrat al-Islam wal-Muslimin"
    forms = spellings(name)
    assert "jamaat nusrat islam wal muslimin" in forms
    assert "jama at nusrat al islam wa al muslimin" in forms
    assert "jamaat nusrat el islam wa l muslimin" in forms
    # forms without an apostrophe gap are canonical keys already
    assert {normalize(f) for f in forms if "jama at" not in f} == {normalize(name)}
