"""Line kinds: decided cheaply, and right on the lines that look alike (SPEC §1)."""

import sys
from pathlib import Path
from unittest.mock import ANY

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsparse import ParseHooks
from newsparse.layouts import default_rules, load_layout, rules_for
from newsparse.patterns import UNLISTED_DATE_LINE
from newsparse.tally import Tally
from newsparse.tokens import Kind, _unlisted_date, classify, tokenize


@pytest.mark.parametrize(
    ("line", "kind", "chrome", "layout"),
    [
        ("Short Url", Kind.CHROME, "short_url", "arabnews"),
        ("Short Url:", Kind.CHROME, "short_url", "arabnews"),
        ("SHORT URL", Kind.CHROME, "short_url", "arabnews"),
        ("Short Url: https://arab.news/5v7zq", Kind.CHROME, "short_url", "arabnews"),
        ("https://arab.news/5v7zq", Kind.CHROME, "short_link", "arabnews"),
        ("Follow", Kind.CHROME, "follow", "arabnews"),
        ("article author:", Kind.CHROME, "author_label", "copies"),
        ("3 Min Read", Kind.CHROME, "read_time", "wire"),
        ("0", Kind.COMMENT_COUNT, "comment_count", None),
        ("1 / 4", Kind.GALLERY, "gallery_counter", None),
        ("12 / 30", Kind.GALLERY, "gallery_counter", None),
        ("• A bullet", Kind.BULLET, None, None),
        ("Updated 15 February 2025", Kind.DATE, None, "arabnews"),
        ("Updated 11 sec ago", Kind.DATE, None, "arabnews"),
        ("Publié le Mardi 14 juillet 2020", Kind.DATE, None, "arabnews"),
        ("21 Oct 2019 01:10:42 GMT9", Kind.DATE, None, "arabnews"),
        ("Time: May 01, 2019", Kind.DATE, None, "copies"),
        ("Mon, 2021-01-25 00:58", Kind.DATE, None, "copies"),
        ("article author: Mon, 2021-01-25 00:58", Kind.DATE, None, "copies"),
        ("Published On 12 Mar 2024", Kind.DATE, None, "wire"),
        ("Topics: Saudi Arabia, Iran", Kind.TRAILER, "topics", "copies"),
        ("Main category: Middle East", Kind.TRAILER, "main_category", "copies"),
        ("Leave a Reply", Kind.TRAILER, "leave_a_reply", "copies"),
        (
            "This article was first published in Arab News",
            Kind.TRAILER,
            "first_published",
            "copies",
        ),
        ("You are here", Kind.SITE, "site_chrome", "arabnews"),
        ("Since 1975", Kind.SITE, "site_chrome", "arabnews"),
        ("Follow us on X for more", Kind.TEXT, None, None),
        ("https://www.arabnews.com/node/2590123/middle-east", Kind.TEXT, None, None),
        ("10", Kind.TEXT, None, None),
        ("2025 / 2026 season", Kind.TEXT, None, None),
        ("- a dash item", Kind.TEXT, None, None),
        ("RIYADH: " + "x" * 200, Kind.TEXT, None, None),
    ],
)
def test_classify(line: str, kind: Kind, chrome: str | None, layout: str | None) -> None:
    assert classify(line, default_rules()) == (kind, ANY, chrome, layout)


def test_exact_lines_are_found_in_any_case_up_to_the_longest() -> None:
    """Lines longer than every exact line skip the look-up; the longest is still found."""
    rules = default_rules()
    longest = max(rules.exact_lines, key=len)
    assert len(longest) == rules.longest_exact_line
    assert classify(longest.upper(), rules)[0] is not Kind.TEXT
    assert classify(f"{longest.upper()} x", rules)[0] is Kind.TEXT


def test_lower_casing_never_shortens_a_line() -> None:
    """What that skip relies on: a line longer than an exact line is so once lowered."""
    assert all(chr(code).lower() for code in range(sys.maxunicode + 1))


def test_tokens_carry_numbers_and_blank_counts_and_the_account_counts_lines() -> None:
    tally = Tally("-", ParseHooks())
    lines = ["Headline", "", "  ", "Short Url", "\u00a0", "", "", "Text.", "", ""]
    tokens = list(tokenize(lines, tally, default_rules()))
    assert [(t.no, t.text, t.blanks_before) for t in tokens] == [
        (1, "Headline", 0),
        (4, "Short Url", 2),
        (8, "Text.", 3),
    ]
    assert (tally.account.lines, tally.account.blank_lines) == (10, 7)


_DATE_PIECES = st.sampled_from(
    ["Updated", "on", "May", "12", "2019", "10:30", "PM", "p.m.", "am", "GMT+3", "3", "hours",
     "ago", "an", "hour", "The National14", "at", "2021-01-25", "07/11/20", "١٢", ",", "x."]
)  # fmt: skip


@given(st.lists(_DATE_PIECES, min_size=1, max_size=7).map(" ".join))
def test_unlisted_dates_are_found_whatever_the_pre_checks_skip(text: str) -> None:
    """The cheap tests before the expression never turn away a line it matches."""
    expected = len(text) <= 80 and UNLISTED_DATE_LINE.fullmatch(text) is not None
    assert (_unlisted_date(text) is not None) == expected


def test_the_first_rule_in_order_decides_whichever_engine_holds_it(tmp_path: Path) -> None:
    """Date forms, then gallery counters, then chrome, trailer and site rules: a user's
    patterns (RE2) and the built-in ones (re) are asked apart, and the first in that
    order still decides a line both match."""
    path = tmp_path / "site.toml"
    path.write_text(
        "name = 'site'\n"
        "[[chrome]]\nkind = 'greedy'\npattern = 'Updated .*|Topics: .*'\n"
        "[[trailers]]\nkind = 'late'\npattern = '\\d Min Read'\n",
        encoding="utf-8",
    )
    rules = rules_for(added=(load_layout(path),))
    assert classify("Updated 15 February 2025", rules) == (Kind.DATE, ANY, None, "arabnews")
    assert classify("Topics: Saudi Arabia", rules) == (Kind.CHROME, None, "greedy", "site")
    assert classify("3 Min Read", rules) == (Kind.CHROME, None, "read_time", "wire")
    assert classify("Topics: Iran", default_rules()) == (Kind.TRAILER, None, "topics", "copies")
