"""Cleaning: each boilerplate rule removes its debris and leaves the article alone."""

from __future__ import annotations

from pathlib import Path

from sitrep.sources.clean import classify_line, clean_text, cut_footer

ARTICLE = [
    "Flooding Cuts Roads Across the Region",
    "",
    "A bridge collapsed photo: the river rose three metres overnight near the ferry crossing",
    "A bridge collapsed photo: the river rose three metres overnight near the ferry crossing",
    "TT",
    "20",
    "Share",
    "Facebook | Twitter | Email",
    "",
    "Heavy rain fell for four days, and the regional authority said two main roads were closed.",
    "",
    "Engineers expect repairs to take several weeks, a spokesperson said on Thursday.",
    "We use cookies to improve your experience. Accept all cookies",
    "Farmers said the water destroyed fields of millet that were ready for harvest, and "
    "several villages asked for boats to reach the market.",
    "Source: Example Wire",
    "example.org/news/",
]


def test_rules_remove_debris_and_keep_article() -> None:
    cleaned = clean_text("\n".join(ARTICLE))
    text = cleaned.text
    assert text.count("A bridge collapsed photo") == 1  # repeated caption kept once
    for debris in ("TT", "20", "Share", "Facebook", "cookies", "Source:", "example.org"):
        assert debris not in text.split("\n") and debris not in text, debris
    for kept in ("Flooding Cuts Roads", "Heavy rain fell", "Engineers expect", "Farmers said"):
        assert kept in text
    rules = cleaned.record()["by_rule"]
    assert rules == {"repeated_line": 1, "widget_debris": 2, "share_widget": 2,
                     "cookie_or_subscribe": 1, "credit_line": 1, "bare_address": 1}


def test_footer_cut_only_late_in_text() -> None:
    body = "\n".join(f"Paragraph {i} tells what the witnesses saw in the town." for i in range(8))
    text = body + "\n\nComments\n\nPopular posts from this blog\n\nUnrelated Headline Here\n"
    removed: list[dict[str, object]] = []
    out = cut_footer(text, removed)
    assert out.strip() == body
    assert removed[0]["rule"] == "footer" and removed[0]["lines_cut"] == 3
    # a word like "Comments" at the top is a section label, not the end of the article
    early = "Comments\n" + body
    assert cut_footer(early) == early


def test_photo_credits_and_promos() -> None:
    for line in ("(AP Photo/Jane Example)", "Jane Example / AFP via Getty Images",
                 "Image source, Reuters", "Also read: Ten things to know about the vote",
                 "Share this article", "Continue reading below"):
        assert classify_line(line, set()) is not None, line
    for line in ("Reuters reported that the convoy was attacked near the border.",
                 "The AFP correspondent saw burned trucks on the road into town."):
        assert classify_line(line, set()) is None, line


def test_short_lines_that_are_words_stay() -> None:
    assert classify_line("Why?", set()) is None
    assert classify_line("He said the roads were closed.", set()) is None
    assert classify_line("20", set()) == "widget_debris"
    assert classify_line("Source » example.com", set()) == "credit_line"


def test_long_paragraph_mentioning_cookies_is_text() -> None:
    line = ("The bakery sold cookies and bread to soldiers at the checkpoint every morning, "
            "residents said, until the road was closed in June and the owner left for the "
            "capital with her family, taking the ovens with her on a truck. " * 2)
    assert "bakery" in clean_text(line).text


def test_seed_footer_and_credit_lines_removed(seeds_dir: Path) -> None:
    text_002 = (seeds_dir / "002_cc3c64e7fc2d4cf0.txt").read_text(encoding="utf-8")
    cleaned = clean_text(text_002).text
    assert "Popular posts from this blog" not in cleaned
    assert "Hong Kong" not in cleaned  # the footer's unrelated headlines went with it
    assert cleaned.rstrip().endswith("January 12, 2017.")
    for name, debris in (("001_61ffbfe777c23a77.txt", "Source »"),
                         ("003_0ed69e4ed4df0e35.txt", "Source: Independent"),
                         ("000_b64e575f0ae1faf0.txt", "time.com/")):
        raw = (seeds_dir / name).read_text(encoding="utf-8")
        assert debris in raw
        assert debris not in clean_text(raw).text
