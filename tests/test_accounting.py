"""Lossless accounting: on every fixture, each line is used exactly once, and every
non-blank, non-chrome line's text is in one field of one record or in the preamble."""

from pathlib import Path

import pytest

from newsparse import parse_file, parse_text
from tests.accounting import assert_lossless, recording_report
from tests.conftest import DUMPS, NOW_DATETIME


@pytest.mark.parametrize("dump", DUMPS, ids=lambda p: p.stem)
def test_every_line_of_every_fixture_is_accounted_for(dump: Path) -> None:
    report, uses = recording_report()
    articles = list(parse_file(dump, now=NOW_DATETIME, report=report))
    text = dump.read_bytes().decode("utf-8-sig")
    assert_lossless(text, articles, report, uses)


def test_the_seed_account_in_numbers() -> None:
    report, _ = recording_report()
    list(parse_file("fixtures/dumps/seed.txt", report=report))
    assert (report.lines, report.blank_lines, report.preamble_lines) == (54, 20, 0)
    assert report.chrome == {"short_url": 1, "follow": 2, "repeated_headline": 2}
    assert report.fields == {
        "headline": 2,
        "updated_text": 2,
        "captions": 1,
        "bullets": 4,
        "body": 20,
    }
    assert report.coverage == {"updated": 2, "bullets": 2, "dateline": 2, "captions": 1}


@pytest.mark.parametrize(
    "text",
    [
        "Short Url\nFollow\nShort Url\n",
        "You are here\n\nHome\n",
        "\n" * 10_000,
        "Story\nShort Url\nUpdated 01 May 2025\nStory\n\n" + "x" * 100_000 + ".\n",
    ],
    ids=["only-chrome", "only-preamble", "only-blank", "long-line"],
)
def test_odd_inputs_are_accounted_for(text: str) -> None:
    report, uses = recording_report()
    articles = list(parse_text(text, "odd.txt", report=report))
    assert_lossless(text, articles, report, uses)
