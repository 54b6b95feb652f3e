"""Splitting a file that holds several articles at confident headline boundaries."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sitrep.sources.clean import clean_text
from sitrep.sources.split import is_headline, split_articles


def test_headline_shape() -> None:
    assert is_headline("Army Retakes Northern Town After Week of Fighting")
    assert is_headline("Russia Expands Its Footprint in the Region ")
    assert not is_headline("The army retook the town after a week of fighting.")
    assert not is_headline("Moscow's little-known secret unit")  # a subhead, not title case
    assert not is_headline("Yes")


def test_split_on_repeated_headline(article: Any) -> None:
    first = article(1, paragraphs=8)
    headline = "Second Story Reports Floods in the Valley"
    caption = "A photo shows a flooded street in the valley town after the storm"
    second = article(2, paragraphs=8, title=headline)
    second = second.replace(headline, f"{headline}\n\n{caption}\n{caption}\nTT\n\n{headline}", 1)
    result = split_articles(first + "\n\n\n" + second)
    assert len(result.parts) == 2
    assert result.boundaries[0]["headline"] == headline
    assert "headline_repeated" in result.boundaries[0]["signals"]
    cleaned = clean_text(result.parts[1]).text
    assert cleaned.startswith(headline) and cleaned.count(headline) == 1
    assert cleaned.count(caption) == 1


def test_split_on_byline(article: Any) -> None:
    second = article(4, paragraphs=8, title="Talks Resume Between Rival Parties")
    second = second.replace("\n\n", "\n\nBy Amina Example\n\n", 1)
    result = split_articles(article(3, paragraphs=8) + "\n" + second)
    assert len(result.parts) == 2
    assert result.boundaries[0]["signals"] == ["byline_or_dateline"]


def test_subheads_without_evidence_keep_text_whole(article: Any) -> None:
    text = article(5, paragraphs=8) + "\n\nWhat Happens Next for the Region\n\n" + article(
        6, paragraphs=8).split("\n", 1)[1]
    result = split_articles(text)
    assert len(result.parts) == 1
    assert result.uncertain and result.uncertain[0]["headline"].startswith("What Happens Next")


def test_short_text_never_split() -> None:
    text = "Army Retakes Town\n\nBy A Writer\n\nShort note.\n\nAnother Headline Here\n\nBy B"
    assert len(split_articles(text).parts) == 1


def test_seed_004_is_two_articles(seeds_dir: Path) -> None:
    text = (seeds_dir / "004_c80911c0729ab7b8.txt").read_text(encoding="utf-8")
    result = split_articles(text)
    assert len(result.parts) == 2
    first, second = (clean_text(p).text for p in result.parts)
    assert first.startswith("ISIS and Al-Qaeda Wage")
    assert second.startswith("Russia Skirts Western Sanctions")
    # the caption repeated four times in each article is kept once
    caption_1 = first.split("\n")[2][:40]
    assert first.count(caption_1) == 1
    assert "\nTT\n" not in first and "\n20\n" not in second
