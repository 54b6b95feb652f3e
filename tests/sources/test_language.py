"""Language guess for documents that do not declare one."""

from __future__ import annotations

from typing import Any

from sitrep.sources.language import guess_language

FRENCH = ("Selon les autorités locales, des hommes armés ont attaqué le marché du village et "
          "les habitants ont fui vers la ville. Le bilan est de sept morts, a indiqué un élu "
          "qui a demandé que son nom ne soit pas publié dans la presse pour des raisons de "
          "sécurité. Les forces de défense sont arrivées dans la soirée.")


def test_guess_language(article: Any) -> None:
    assert guess_language(article(1)) == "en"
    assert guess_language(FRENCH) == "fr"
    assert guess_language("Bamako 2024") is None  # too short to tell
