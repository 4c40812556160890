"""The lossless-accounting invariant, checked line by line (used by several test modules).

Every line of an input is used once: blank, chrome of some kind, preamble, or a field
of the record whose line span holds it — and then its normalised text is in that field.
Chrome may also stand between records (site chrome, footers).
"""

import io
from collections.abc import Callable

from newsparse import Article, ParseReport
from newsparse.fields import clean_author, headline_key
from newsparse.text import normalize_line, split_line_ends


def field_holds(article: Article, use: str, text: str) -> bool:
    """Whether a line used as ``use`` in ``article`` is really there, as printed."""
    paragraphs = article.body.split("\n\n")
    checks: dict[str, Callable[[], bool]] = {
        "headline": lambda: text == article.headline,
        "updated_text": lambda: text == article.updated_text,
        "author": lambda: clean_author(text) == article.author,
        "captions": lambda: text in article.captions,
        "bullets": lambda: text[1:].lstrip() in article.bullets,
        "body": lambda: (
            text in paragraphs[1:]
            or text == paragraphs[0]
            or (
                article.dateline is not None
                and text.startswith(article.dateline)
                and text.endswith(paragraphs[0])
            )
        ),
        # A copy of the headline, perhaps in another quote style or after a label
        # ("Analysis", parser._MAX_LABEL_WORDS).
        "chrome:repeated_headline": lambda: headline_key(text).endswith(
            headline_key(article.headline)
        ),
        "chrome:repeated_caption": lambda: text in article.captions,
    }
    check = checks.get(use)
    return True if check is None else check()


def assert_lossless(
    text: str, articles: list[Article], report: ParseReport, uses: dict[int, str]
) -> None:
    """Assert the invariant for ``text``, parsed into ``articles`` with ``report``, whose
    ``on_line`` filled ``uses``."""
    lines = [normalize_line(line) for line in split_line_ends(io.StringIO(text, newline=""))]
    assert report.lines == len(lines)
    assert report.accounted_lines == report.lines, "line counts do not add up"
    non_blank = {no for no, line in enumerate(lines, start=1) if line}
    assert set(uses) == non_blank, "some non-blank line was not accounted for, or a blank one was"
    assert report.blank_lines == len(lines) - len(non_blank)
    spans = [(a.source.line_start, a.source.line_end, a) for a in articles]
    first_start = spans[0][0] if spans else len(lines) + 1
    for no, use in uses.items():
        line = lines[no - 1]
        if use == "preamble":
            assert no < first_start, f"line {no}: preamble after the first article"
            continue
        holders = [a for start, end, a in spans if start <= no <= end]
        if use.startswith("chrome:") and not holders:
            continue  # site chrome and footers between articles belong to none
        assert len(holders) == 1, f"line {no} ({use}) is in {len(holders)} records"
        assert field_holds(holders[0], use, line), f"line {no} {line!r} is not in {use}"


def recording_report() -> tuple[ParseReport, dict[int, str]]:
    """A report whose ``on_line`` records each line's use, refusing a line used twice."""
    uses: dict[int, str] = {}

    def record(no: int, use: str) -> None:
        assert no not in uses, f"line {no} used twice: {uses[no]} and {use}"
        uses[no] = use

    return ParseReport(on_line=record), uses
