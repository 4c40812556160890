"""Lossless accounting: on every fixture, each line is used exactly once, and every
non-blank, non-chrome line's text is in one field of one record or in the preamble."""

import pickle
from pathlib import Path

import pytest

from newsparse import ParseOptions
from tests.accounting import assert_lossless, line_recorder
from tests.conftest import DUMPS, NOW_DATETIME
from tests.parsing import parse_all, parse_all_file


@pytest.mark.parametrize("dump", DUMPS, ids=lambda p: p.stem)
def test_every_line_of_every_fixture_is_accounted_for(dump: Path) -> None:
    record, uses = line_recorder()
    parsed = parse_all_file(dump, now=NOW_DATETIME, on_line=record)
    text = dump.read_bytes().decode("utf-8-sig")
    assert_lossless(text, parsed.articles, parsed.account, uses)


def test_the_seed_account_in_numbers() -> None:
    record, _ = line_recorder()
    account = parse_all_file("fixtures/dumps/seed.txt", on_line=record).account
    assert (account.lines, account.blank_lines, account.preamble_lines) == (54, 20, 0)
    assert account.chrome == {"short_url": 1, "follow": 2, "repeated_headline": 2}
    assert account.fields == {
        "headline": 2,
        "updated_text": 2,
        "captions": 1,
        "bullets": 4,
        "body": 20,
    }
    assert account.coverage == {"updated": 2, "bullets": 2, "dateline": 2, "captions": 1}


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
    record, uses = line_recorder()
    parsed = parse_all(text, "odd.txt", on_line=record)
    assert_lossless(text, parsed.articles, parsed.account, uses)


def test_accounts_add_up_and_travel_between_processes() -> None:
    """Two dumps parsed apart, their accounts added, are the account of the two; and an
    account (a worker's) survives pickling as it is, as do the options it was read with."""
    seed, copies = (
        parse_all_file(f"fixtures/dumps/{name}.txt").account for name in ("seed", "copies")
    )
    total = seed + copies
    assert total.lines == seed.lines + copies.lines
    assert total.chrome == seed.chrome + copies.chrome
    assert total.layouts == {"arabnews": 2, "copies": 3}
    assert total.accounted_lines == total.lines
    assert pickle.loads(pickle.dumps(total)) == total
    options = ParseOptions.of(now=NOW_DATETIME, layout="wire")
    assert pickle.loads(pickle.dumps(options)) == options
