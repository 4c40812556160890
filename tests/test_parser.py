"""Behaviour of the parser on small dumps, one layout rule at a time (SPEC §1–2)."""

import itertools
from collections.abc import Iterator
from typing import Any

import pytest

from newsparse import Article, ParseOptions, WarningCode, parse_lines, parse_text
from tests.conftest import NOW_DATETIME
from tests.parsing import parse_all

FIRST = """\
Saudi Arabia opens new airport terminal in Abha

Passengers at Abha International Airport. (SPA)
Short Url
Updated 10 March 2025
Follow

Saudi Arabia opens new airport terminal in Abha

  • The terminal triples the airport's capacity

ABHA: A new terminal opened on Monday at Abha International Airport.
Officials said flights would move to it within a week."""

SECOND = """\
Kuwait and Oman sign shipping agreement

Short Url
Updated 11 March 2025
Follow

Kuwait and Oman sign shipping agreement

MUSCAT: Kuwait and Oman signed an agreement on Tuesday to expand shipping links.

The agreement covers container and passenger services."""


def parse(text: str, **options: Any) -> list[Article]:
    return list(parse_text(text, "dump.txt", ParseOptions.of(**options)))


# --- boundaries ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "separator", ["\n\n\n", "\n\n", "\n\n\n\n", "\n"], ids=["two", "one", "three", "none"]
)
def test_articles_split_whatever_blank_lines_separate_them(separator: str) -> None:
    first, second = parse(FIRST + separator + SECOND)
    alone_first, alone_second = parse(FIRST), parse(SECOND)
    assert first.model_dump(exclude={"source"}) == alone_first[0].model_dump(exclude={"source"})
    assert second.model_dump(exclude={"source"}) == alone_second[0].model_dump(exclude={"source"})
    assert first.source.line_end == FIRST.count("\n") + 1
    assert second.source.line_start == first.source.line_end + separator.count("\n")


def test_date_and_author_printed_before_the_next_headline_start_that_article() -> None:
    second = SECOND.replace("Short Url\nUpdated 11 March 2025\nFollow", "Short Url\nFollow")
    text = FIRST + "\n\nUpdated 11 March 2025\nReuters\n" + second
    first, article = parse(text)
    assert first.body.endswith("within a week.")
    assert article.headline == "Kuwait and Oman sign shipping agreement"
    assert article.updated_text == "Updated 11 March 2025"
    assert article.author == "Reuters"
    assert article.source.line_start == FIRST.count("\n") + 3  # the date line


@pytest.mark.parametrize(
    ("caption", "separator"),
    [
        ("Turbines at the Dhofar wind farm. (AFP)", "\n"),
        ("Turbines turn at the Dhofar wind farm.", "\n\n"),  # no credit: still a sentence
    ],
    ids=["credited", "uncredited"],
)
def test_a_headline_printed_once_is_found_by_its_captions_and_header(
    caption: str, separator: str
) -> None:
    text = (
        f"{FIRST}{separator}Oman opens its first wind farm\n{caption}\n"
        "Short Url\nUpdated 12 March 2025\nFollow\n\nSALALAH: The farm produces 50 MW."
    )
    first, second = parse(text)
    assert first.body.endswith("within a week.")
    assert second.headline == "Oman opens its first wind farm"
    assert second.captions == [caption]
    assert second.body == "The farm produces 50 MW."


def test_a_sentence_before_a_header_is_body_when_the_headline_is_printed_again() -> None:
    text = (
        "Gulf markets rise\n\nShort Url\nUpdated 01 May 2025\nFollow\n\nGulf markets rise\n\n"
        "DUBAI: Stocks rose.\nThis short line ends the story\n"
        "Qatar bank profit jumps\nShort Url\nUpdated 02 May 2025\nQatar bank profit jumps\n"
        "DOHA: Profit rose 8 percent."
    )
    first, second = parse(text)
    assert first.body == "Stocks rose.\n\nThis short line ends the story"
    assert second.headline == "Qatar bank profit jumps"


# --- header -------------------------------------------------------------------------------


def test_every_later_copy_of_the_headline_in_the_header_is_chrome() -> None:
    headline = "Saudi Arabia opens new airport terminal in Abha"
    text = FIRST.replace(headline, f"{headline}\n{headline}", 1).replace(
        "\n\n  •", f"\n{headline}\n\n  •"
    )
    parsed = parse_all(text)
    (article,) = parsed.articles
    assert article.headline == headline
    assert parsed.account.chrome["repeated_headline"] == 3
    assert headline not in article.body


def test_gallery_counters_and_repeated_headlines_are_chrome_captions_are_kept() -> None:
    text = (
        "Riyadh Season opens\n1 / 2\nFireworks over Boulevard City. (SPA)\nRiyadh Season opens\n"
        "2 / 2\nCrowds at the opening parade.\nShort Url\nUpdated 12 October 2024\nFollow\n\n"
        "Riyadh Season opens\n\nRIYADH: The festival opened on Saturday."
    )
    parsed = parse_all(text)
    (article,) = parsed.articles
    assert article.captions == [
        "Fireworks over Boulevard City. (SPA)",
        "Crowds at the opening parade.",
    ]
    assert parsed.account.chrome == {
        "gallery_counter": 2,
        "repeated_headline": 2,
        "short_url": 1,
        "follow": 1,
    }


def test_a_caption_after_short_url_but_before_the_date_is_a_caption() -> None:
    text = "Story\nShort Url\nA caption. (AFP)\nUpdated 01 May 2025\nFollow\nStory\n\nRIYADH: Text."
    (article,) = parse(text)
    assert (article.captions, article.body) == (["A caption. (AFP)"], "Text.")


def test_captions_printed_twice_are_taken_once() -> None:
    text = (
        "Titre\nLégende une. (AFP)\nLégende une. (AFP)\nLégende deux. (AFP)\nLégende deux. (AFP)\n"
        "Short Url\nPublié le Mardi 14 juillet 2020\nTitre\n\nPARIS : Le texte."
    )
    parsed = parse_all(text)
    (article,) = parsed.articles
    assert article.captions == ["Légende une. (AFP)", "Légende deux. (AFP)"]
    assert article.updated == "2020-07-14"
    assert article.dateline == "PARIS"
    assert parsed.account.chrome["repeated_caption"] == 2


@pytest.mark.parametrize(
    ("after_date", "author"),
    [
        ("Arab News", "Arab News"),
        ("RAWAN RADWAN", "RAWAN RADWAN"),
        ("By Ephrem Kossaify", "Ephrem Kossaify"),
        ("By Rawan Radwan ·", "Rawan Radwan"),
        ("Follow", None),
        ("\nArab News", "Arab News"),  # set apart by blank lines: the .jp credit line
        ("\nThe port opened on Monday, officials said.", None),  # a paragraph
    ],
    ids=["name", "all-caps", "by", "by-dot", "chrome", "credit-line", "paragraph"],
)
def test_author_is_the_line_right_after_the_date(after_date: str, author: str | None) -> None:
    text = f"Headline here\nShort Url\nUpdated 01 May 2025\n{after_date}\n\nRIYADH: Text."
    (article,) = parse(text)
    assert article.author == author
    # Without an author line the body starts at once, and only its first paragraph can
    # open with a dateline.
    expected_body = (
        "Text." if author or after_date == "Follow" else f"{after_date[1:]}\n\nRIYADH: Text."
    )
    assert article.body == expected_body


def test_the_credit_line_switch_applies_only_to_articles_of_its_layout() -> None:
    """arabnews.toml ends the header with a credit line (.jp); a copy's article does not."""
    arab_news = "Headline here\nShort Url\nUpdated 01 May 2025\n\nArab News\n\nRIYADH: Text."
    copy = "Headline here\n Time: May 01, 2025\n\nArab News\n\nRIYADH: Text."
    (from_arab_news,) = parse(arab_news)
    (from_copy,) = parse(copy)
    assert (from_arab_news.author, from_arab_news.body) == ("Arab News", "Text.")
    assert (from_copy.author, from_copy.body) == (None, "Arab News\n\nRIYADH: Text.")


def test_date_and_author_printed_again_after_the_bullets_are_chrome() -> None:
    text = (
        "Headline here\nHeadline here\nShort Url\nUpdated 01 May 2025\nArab News\nFollow\n"
        "Headline here\n  • One\n  • Two\nUpdated 01 May 2025\nArab News\n\nRIYADH: Text."
    )
    parsed = parse_all(text)
    (article,) = parsed.articles
    assert (article.author, article.bullets, article.body) == ("Arab News", ["One", "Two"], "Text.")
    assert parsed.account.chrome["repeated_date_block"] == 2


def test_a_lone_zero_after_the_date_is_a_comment_count_but_a_paragraph_in_the_body() -> None:
    text = "Old story\nUpdated 06 January 2011\n0\nOld story\n\nDUBAI: Text.\n\n0"
    parsed = parse_all(text)
    (article,) = parsed.articles
    assert article.body == "Text.\n\n0"
    assert parsed.account.chrome["comment_count"] == 1


def test_bullets_after_the_body_started_are_paragraphs_kept_verbatim() -> None:
    text = FIRST + "\n• first point\n- second point"
    (article,) = parse(text)
    assert article.bullets == ["The terminal triples the airport's capacity"]
    assert article.body.endswith("within a week.\n\n• first point\n\n- second point")


def test_an_article_without_a_date_line_is_found_by_its_chrome() -> None:
    text = "Qatar hosts summit\nShort Url\nFollow\nQatar hosts summit\n\nDOHA: Text."
    (article,) = parse(text)
    assert (article.updated, article.updated_text, article.body) == (None, None, "Text.")


# --- body -----------------------------------------------------------------------------------


def test_mid_body_caption_needs_three_blank_lines_a_credit_and_a_blank_after() -> None:
    body = (
        "BEIRUT: One.\n\n\n\nA ranger at work. (AN photo)\n\nTwo.\n\n\nNot a caption. (AFP)\n\n"
        "Three.\n\n\n\nNo credit here\n\nFour.\n\n\n\nFollowed directly. (AFP)\nFive."
    )
    (article,) = parse(f"Story\nShort Url\nUpdated 01 May 2025\nStory\n\n{body}")
    assert article.captions == ["A ranger at work. (AN photo)"]
    assert article.body.split("\n\n") == [
        "One.",
        "Two.",
        "Not a caption. (AFP)",
        "Three.",
        "No credit here",
        "Four.",
        "Followed directly. (AFP)",
        "Five.",
    ]


def test_structure_lookalikes_stay_in_the_body() -> None:
    lines = ["PRICE: From SAR 45", "Director: Haifaa Al-Mansour", "Who can apply?", "NOTE: Text."]
    (article,) = parse(
        "Story\nShort Url\nUpdated 01 May 2025\nStory\n\nRIYADH: One.\n" + "\n".join(lines)
    )
    assert article.body.split("\n\n")[1:] == lines


# --- dates ----------------------------------------------------------------------------------


def test_relative_date_resolves_against_now_and_warns_without_it() -> None:
    text = "Quake hits\nShort Url\nUpdated 25 min 6 sec ago\nQuake hits\n\nTEHRAN: Text."
    (resolved,) = parse(text, now=NOW_DATETIME)
    assert resolved.updated == "2025-02-15T11:34:54+05:00"
    parsed = parse_all(text, "dump.txt")
    (unresolved,) = parsed.articles
    assert unresolved.updated is None
    assert unresolved.updated_text == "Updated 25 min 6 sec ago"
    (warning,) = parsed.warnings
    assert warning.code is WarningCode.DATE_RELATIVE
    assert str(warning) == (
        "dump.txt:3: warning: NP103 relative date “Updated 25 min 6 sec ago” needs --now to "
        "resolve; updated is null"
    )


def test_an_impossible_date_is_kept_as_text_with_a_warning() -> None:
    text = "Story\nShort Url\nUpdated 31 February 2025\nStory\n\nRIYADH: Text."
    parsed = parse_all(text, "dump.txt")
    (article,) = parsed.articles
    assert (article.updated, article.updated_text) == (None, "Updated 31 February 2025")
    assert [w.code for w in parsed.warnings] == [WarningCode.DATE_UNRESOLVED]


# --- honesty: preamble, empty input, empty body ---------------------------------------------


def test_text_before_the_first_article_is_reported_with_its_lines() -> None:
    text = "Home page\nMenu\n\n" + FIRST
    parsed = parse_all(text, "dump.txt")
    articles = parsed.articles
    assert [a.headline for a in articles] == ["Saudi Arabia opens new airport terminal in Abha"]
    (warning,) = parsed.warnings
    assert str(warning) == (
        "dump.txt:1: warning: NP101 2 line(s) before the first article (lines 1-2) are not part of "
        "any article: “Home page”"
    )
    assert parsed.account.preamble_lines == 2


def test_site_chrome_and_breadcrumbs_before_a_headline_are_chrome_not_preamble() -> None:
    text = "You are here\n  • Home\n  • Middle East\n" + FIRST + "\n\nSince 1975\n" + SECOND
    parsed = parse_all(text, "dump.txt")
    articles = parsed.articles
    assert len(articles) == 2
    assert parsed.warnings == []
    assert parsed.account.chrome["site_chrome"] == 2
    assert parsed.account.chrome["breadcrumb"] == 2
    assert articles[0].body.endswith("within a week.")


def test_a_section_label_printed_twice_before_a_headline_is_chrome() -> None:
    text = FIRST + "\n\nGulf\nGulf\n" + SECOND
    parsed = parse_all(text, "dump.txt")
    first, second = parsed.articles
    assert first.body.endswith("within a week.")
    assert second.headline == "Kuwait and Oman sign shipping agreement"
    assert parsed.account.chrome["section_label"] == 2


@pytest.mark.parametrize("text", ["", "\n", "   \n\t\n\u00a0\n"], ids=["empty", "newline", "blank"])
def test_empty_or_blank_input_gives_no_records_and_a_warning(text: str) -> None:
    parsed = parse_all(text, "dump.txt")
    assert parsed.articles == []
    assert [str(w) for w in parsed.warnings] == [
        "dump.txt:1: warning: NP105 no text: the input is empty or blank"
    ]


def test_text_without_any_header_is_read_with_the_generic_layout() -> None:
    text = "A first note\nIts text.\n\n\nA second note\nBy Nadia Al-Faour\nMore text."
    parsed = parse_all(text, "notes.txt")
    first, second = parsed.articles
    assert (first.headline, first.body) == ("A first note", "Its text.")
    assert (second.headline, second.author, second.body) == (
        "A second note",
        "Nadia Al-Faour",
        "More text.",
    )
    assert parsed.account.layouts == {"generic": 2}
    assert [(w.code, w.line) for w in parsed.warnings] == [(WarningCode.GENERIC_LAYOUT, 1)]


def test_a_dump_of_chrome_only_has_no_article() -> None:
    parsed = parse_all("Short Url\nFollow\n", "chrome.txt")
    assert parsed.articles == []
    assert [w.code for w in parsed.warnings] == [WarningCode.PREAMBLE, WarningCode.NO_ARTICLES]


def test_an_article_with_no_body_warns() -> None:
    parsed = parse_all("Story\nShort Url\nUpdated 01 May 2025\nStory", "d.txt")
    (article,) = parsed.articles
    assert article.body == ""
    assert [str(w) for w in parsed.warnings] == [
        "d.txt:1: error: NP104 article “Story” has no body"
    ]


# --- lines ----------------------------------------------------------------------------------


@pytest.mark.parametrize("end", ["\n", "\r\n", "\r"], ids=["lf", "crlf", "cr"])
def test_line_ends_are_lf_crlf_and_cr(end: str) -> None:
    (article,) = parse(FIRST.replace("\n", end) + end)
    (reference,) = parse(FIRST)
    assert article == reference


def test_other_unicode_line_breaks_do_not_end_lines() -> None:
    (article,) = parse(FIRST.replace("within a week.", "within\u2028a\x0bweek\x0c."))
    assert article.body.endswith("within\u2028a\x0bweek\x0c.")


def test_bom_and_invisible_characters_are_removed_and_nbsp_is_a_space() -> None:
    text = "\ufeff" + FIRST.replace("Follow", "Follow\u200b").replace("ABHA: A", "ABHA:\u00a0A")
    (article,) = parse(text)
    (reference,) = parse(FIRST)
    assert article == reference


def test_values_are_nfc_normalised() -> None:
    decomposed = "Cafe\u0301 opens in Riyadh"
    (article,) = parse(FIRST.replace("Saudi Arabia opens new airport terminal in Abha", decomposed))
    assert article.headline == "Café opens in Riyadh"


# --- streaming ------------------------------------------------------------------------------


def test_parser_yields_the_first_article_before_reading_the_whole_input() -> None:
    consumed = 0

    def lines() -> Iterator[str]:
        nonlocal consumed
        for line in itertools.cycle((FIRST + "\n\n\n").splitlines()):
            consumed += 1
            yield line

    articles = parse_lines(lines(), "endless")
    first = next(articles)
    assert first.headline == "Saudi Arabia opens new airport terminal in Abha"
    assert consumed < 200  # bounded lookahead: a few dozen lines past the first article
    assert next(articles).source.line_start == 16
