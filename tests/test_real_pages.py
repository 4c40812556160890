"""The real-layout fixtures (``fixtures/real``): each page shape pinned by a golden file,
and every line of every page accounted for — one page at a time and all pages joined
into one dump, as a user would concatenate them.

The fixtures copy real pages' lines, order, blank lines and chrome with invented prose;
``benchmarks/accuracy.py`` scores the parser against their ``*.truth.json`` files.
"""

import io
import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from newsparse import ParseOptions, parse_text
from newsparse.writers import Format, open_writer
from tests.accounting import assert_lossless, line_recorder
from tests.conftest import FIXTURES
from tests.parsing import parse_all

REAL = FIXTURES / "real"
PAGES = sorted(REAL.glob("*.txt"))
GOLDEN = FIXTURES / "expected" / "real"
#: The moment the fixtures' relative dates ("Updated 9 sec ago") resolve against.
NOW = datetime.fromisoformat("2025-02-15T12:00:00+03:00")


def page_text(page: Path) -> str:
    return page.read_text(encoding="utf-8").removeprefix("\ufeff")


def golden_text(page: Path) -> str:
    """The records as JSON Lines, then the warnings: what a user sees for the page."""
    parsed = parse_all(page_text(page), page.name, now=NOW)
    records = [article.model_dump_json() for article in parsed.articles]
    warnings = [f"# {warning}" for warning in parsed.warnings]
    return "\n".join([*records, *warnings]) + "\n"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_real_page_matches_its_golden_file(page: Path, golden) -> None:
    golden(GOLDEN / f"{page.stem}.jsonl", golden_text(page))


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_every_line_of_a_real_page_is_accounted_for(page: Path) -> None:
    text = page_text(page)
    record, uses = line_recorder()
    parsed = parse_all(text, page.name, now=NOW, on_line=record)
    assert_lossless(text, parsed.articles, parsed.account, uses)


def joined_text() -> str:
    """Every page in one dump, two blank lines between them: a scraped archive."""
    return "\n\n\n".join(page_text(page).rstrip("\n") for page in PAGES)


@pytest.mark.parametrize("fmt", [f for f in Format if f is not Format.PARQUET], ids=str)
def test_all_real_pages_joined_match_their_golden_file_in_every_format(fmt: Format, golden) -> None:
    out = io.StringIO(newline="")
    writer = open_writer(fmt, out)
    for article in parse_text(joined_text(), "real-joined.txt", ParseOptions(now=NOW)):
        writer.write(article.record())
    writer.close()
    golden(FIXTURES / "expected" / f"real-joined.{fmt}", out.getvalue())


def test_every_line_of_all_real_pages_joined_is_accounted_for() -> None:
    text = joined_text()
    record, uses = line_recorder()
    parsed = parse_all(text, "joined.txt", now=NOW, on_line=record)
    assert_lossless(text, parsed.articles, parsed.account, uses)


def test_every_real_page_has_its_truth_file() -> None:
    """The accuracy benchmark scores every page: none may lack its truth."""
    for page in PAGES:
        truth = json.loads(page.with_suffix(".truth.json").read_text(encoding="utf-8"))
        assert truth, page.name
        assert all("headline" in article for article in truth), page.name


#: Pages after which the next page starts with text that is no article (a hashtag
#: page's title, a headless story) or whose captions stand above a headline with no
#: header: alone, that text is before the first article (NP101); joined, SPEC gives
#: the lines before the next article's header to the article before.
JOINED_DIFFERS = {
    "com_daily8_clone",
    "com_daily8_hashtag",
    "com_gallery_label_copies",
    "other_thenational_captions_above_headline",
}


def test_the_joined_dump_yields_the_articles_of_the_single_page_runs() -> None:
    def records(text: str) -> list[tuple[Any, ...]]:
        """Every field of each record but the id, its span as two numbers."""
        return [
            (
                *a.model_dump(exclude={"id", "source"}).values(),
                a.source.line_start,
                a.source.line_end,
            )
            for a in parse_all(text, "x.txt", now=NOW).articles
        ]

    joined = records(joined_text())
    offset = 0
    for page in PAGES:
        text = page_text(page).rstrip("\n")
        lines = text.count("\n") + 1
        own = [
            (*r[:-2], r[-2] - offset, r[-1] - offset)
            for r in joined
            if offset < r[-2] <= offset + lines
        ]
        if page.stem not in JOINED_DIFFERS:
            assert own == records(text), page.name
        offset += lines + 2  # two blank lines between pages
