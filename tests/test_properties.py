"""Property-based tests of the parser (hypothesis).

1. It never raises, whatever the text.
2. Random articles rendered in the Arab News templates — A (arabnews.pk), B
   (arabnews.com) and the French edition — with any kind of boundary between them,
   parse back to exactly the records they were made from.
"""

from hypothesis import given
from hypothesis import strategies as st

from newsparse import WarningCode, parse_text
from tests.accounting import assert_lossless, line_recorder
from tests.layouts import Dump, dumps
from tests.parsing import parse_all

# --- never raises -----------------------------------------------------------------------

STRUCTURE_LINES = [
    "Short Url", "Short Url:", "Follow", "0", "1 / 4", "https://arab.news/5v7zq",
    "Updated 15 February 2025", "Updated 11 sec ago", "Updated 31 February 2025",
    "Publié le Mardi 14 juillet 2020", "21 Oct 2019 01:10:42 GMT9", "Time: May 01, 2019",
    "Mon, 2021-01-25 00:58", "  • A bullet", "•", "By Ephrem Kossaify", "Arab News",
    "RIYADH: Text.", "A caption. (AFP)", "Headline", "", "   ", "\u00a0", "\ufeff",
]  # fmt: skip
any_line = st.one_of(st.sampled_from(STRUCTURE_LINES), st.text(max_size=40))


@given(st.lists(any_line, max_size=60), st.sampled_from(["\n", "\r\n", "\r"]))
def test_parser_never_raises_and_records_are_ordered(lines: list[str], end: str) -> None:
    record, uses = line_recorder()
    text = end.join(lines)
    articles, account, _ = parse_all(text, "fuzz.txt", on_line=record)
    assert_lossless(text, articles, account, uses)
    previous_end = 0
    for article in articles:
        assert previous_end < article.source.line_start <= article.source.line_end
        previous_end = article.source.line_end
    assert account.articles == len(articles)


@given(st.text(max_size=400))
def test_parser_never_raises_on_arbitrary_text(text: str) -> None:
    for article in parse_text(text):
        assert article.headline


# --- render → parse round trip ---------------------------------------------------------


@given(dumps())
def test_rendered_articles_parse_back_to_their_records(dump: Dump) -> None:
    parsed = parse_all(dump.text, "gen.txt")
    assert parsed.articles == dump.expected
    unseparated = [
        article.source.line_start
        for article, gap in zip(dump.expected[1:], dump.gaps, strict=True)
        if gap == 0
    ]
    assert [(w.code, w.line) for w in parsed.warnings] == [
        (WarningCode.NO_BLANK_BOUNDARY, line) for line in unseparated
    ]
