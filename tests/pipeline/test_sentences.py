from __future__ import annotations

import pytest

from sitrep.pipeline.sentences import split_sentences

TEXT = ("On Sept. 17 gunmen attacked a camp near Gao. Lt. Col. Diallo said the U.N. mission "
        "sent help. The army replied.\n\nA new paragraph starts here! Does it?  "
        "“We will return,” he said. Maj. Gen. Traoré met them at 10 a.m. on Monday.")


@pytest.mark.parametrize("segmenter", ["rules", "pysbd"])
def test_offsets_point_into_the_text(segmenter: str) -> None:
    spans = split_sentences(TEXT, segmenter)
    for start, end in spans:
        s = TEXT[start:end]
        assert s and s == s.strip()
    texts = [TEXT[a:b] for a, b in spans]
    assert texts[0] == "On Sept. 17 gunmen attacked a camp near Gao."
    assert texts[1] == "Lt. Col. Diallo said the U.N. mission sent help."
    assert "A new paragraph starts here!" in texts


def test_rules_split_on_abbreviations_only_when_a_sentence_ends() -> None:
    texts = [TEXT[a:b] for a, b in split_sentences(TEXT)]
    assert "Maj. Gen. Traoré met them at 10 a.m. on Monday." in texts
    assert texts[2] == "The army replied."
    assert len(split_sentences("He moved to the U.S. The next day he left.")) == 2


def test_empty_text() -> None:
    assert split_sentences("") == []
    assert split_sentences("   \n\n ") == []
