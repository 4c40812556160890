"""The lossless-accounting invariant, checked line by line (used by several test modules).

Every line of an input is used once: blank, chrome of some kind, preamble, or a field
of the record whose line span holds it — and then its normalised text is in that field.
Chrome may also stand between records (site chrome, footers).
"""

import io
from collections.abc import Callable
from typing import NamedTuple

from newsparse import Article, LineAccount, ParseHooks, ParseWarning
from newsparse.fields import clean_author, headline_key, is_headline_copy
from newsparse.patterns import CRAWL_PREFIX
from newsparse.text import normalize_line, replace_surrogates, split_line_ends


def field_holds(article: Article, use: str, text: str) -> bool:
    """Whether a line used as ``use`` in ``article`` is really there, as printed."""
    paragraphs = article.body.split("\n\n")
    checks: dict[str, Callable[[], bool]] = {
        "headline": lambda: CRAWL_PREFIX.sub("", text, count=1) == article.headline,
        "updated_text": lambda: text == article.updated_text,
        "author": lambda: clean_author(text) == article.author,
        "captions": lambda: text in article.captions,
        "bullets": lambda: text in article.bullets or text[1:].lstrip() in article.bullets,
        "body": lambda: (
            text in paragraphs[1:]
            or (article.dateline is not None and text.rstrip(" -—–:") == article.dateline)
            or text == paragraphs[0]
            or (
                article.dateline is not None
                and text.startswith(article.dateline)
                and text.endswith(paragraphs[0])
            )
        ),
        "chrome:repeated_headline": lambda: is_headline_copy(text, headline_key(article.headline)),
        "chrome:repeated_caption": lambda: text in article.captions,
    }
    check = checks.get(use)
    return True if check is None else check()


def assert_lossless(
    text: str, articles: list[Article], account: LineAccount, uses: dict[int, str]
) -> None:
    """Assert the invariant for ``text``, parsed into ``articles`` with the line
    ``account``, by a parse whose ``on_line`` hook filled ``uses``."""
    # Lone surrogates (in text handed over as str) reach the parser as U+FFFD.
    raw = replace_surrogates(io.StringIO(text, newline=""))
    lines = [normalize_line(line) for line in split_line_ends(raw)]
    assert account.lines == len(lines)
    assert account.accounted_lines == account.lines, "line counts do not add up"
    non_blank = {no for no, line in enumerate(lines, start=1) if line}
    assert set(uses) == non_blank, "some non-blank line was not accounted for, or a blank one was"
    assert account.blank_lines == len(lines) - len(non_blank)
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


def line_recorder() -> tuple[Callable[[int, str], None], dict[int, str]]:
    """An ``on_line`` hook that records each line's use, refusing a line used twice,
    and the uses it fills."""
    uses: dict[int, str] = {}

    def record(no: int, use: str) -> None:
        assert no not in uses, f"line {no} used twice: {uses[no]} and {use}"
        uses[no] = use

    return record, uses


class Recording(NamedTuple):
    """Hooks for a parse that records every line's use and collects the warnings."""

    hooks: ParseHooks
    uses: dict[int, str]
    warnings: list[ParseWarning]


def recording_hooks() -> Recording:
    """:func:`line_recorder` as hooks, for a parse run by hand (a stream, say)."""
    record, uses = line_recorder()
    warnings: list[ParseWarning] = []
    return Recording(ParseHooks(on_warning=warnings.append, on_line=record), uses, warnings)
