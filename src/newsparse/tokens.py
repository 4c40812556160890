"""Lines → tokens: each non-blank line once normalised and given a kind.

The kind is decided cheaply — by first character and length — before any regex runs,
because most lines of a dump are long body paragraphs that need no test at all.
Blank lines are not tokens: each token counts the blank lines before it, which is all
the later rules need (paragraph gaps, mid-body captions, "the line right after").
"""

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from enum import IntEnum, auto

from newsparse.dates import match_date_line
from newsparse.diagnostics import ParseReport
from newsparse.layout import (
    BULLET_GLYPH,
    CHROME_LINES,
    COMMENT_COUNT,
    DATE_LINE_FIRST_CHARS,
    GALLERY_COUNTER,
    MAX_STRUCTURE_LEN,
    MOJIBAKE,
    MOJIBAKE_LEADS,
    SHORT_LINK,
    SHORT_URL_WITH_LINK,
)
from newsparse.text import normalize_line


class Kind(IntEnum):
    """What a line is. An IntEnum so that set membership hashes at C speed."""

    TEXT = auto()
    BULLET = auto()
    DATE = auto()
    SHORT_URL = auto()
    FOLLOW = auto()
    SHORT_LINK = auto()
    GALLERY = auto()
    COMMENT_COUNT = auto()


#: Chrome kinds as counted in reports, by token kind.
CHROME_NAMES = {
    Kind.SHORT_URL: "short_url",
    Kind.FOLLOW: "follow",
    Kind.SHORT_LINK: "short_link",
    Kind.GALLERY: "gallery_counter",
    Kind.COMMENT_COUNT: "comment_count",
}
_CHROME_KINDS = {"short_url": Kind.SHORT_URL, "follow": Kind.FOLLOW}


@dataclass(frozen=True, slots=True)
class Token:
    """One non-blank line: its 1-based number, normalised text and kind."""

    no: int
    text: str
    kind: Kind
    blanks_before: int
    date: re.Match[str] | None = None
    mojibake: bool = False


def classify(text: str) -> tuple[Kind, re.Match[str] | None]:
    """The kind of a normalised, non-blank line (and its date match for date lines)."""
    first = text[0]
    if first == BULLET_GLYPH:
        return Kind.BULLET, None
    if len(text) > MAX_STRUCTURE_LEN:
        return Kind.TEXT, None
    if first in DATE_LINE_FIRST_CHARS:
        match = match_date_line(text)
        if match is not None:
            return Kind.DATE, match
    if len(text) <= 10:
        chrome = CHROME_LINES.get(text.lower())
        if chrome is not None:
            return _CHROME_KINDS[chrome], None
        if text == COMMENT_COUNT:
            return Kind.COMMENT_COUNT, None
    if first.isdigit() and GALLERY_COUNTER.fullmatch(text):
        return Kind.GALLERY, None
    if first in "hH" and SHORT_LINK.fullmatch(text):
        return Kind.SHORT_LINK, None
    if first in "sS" and SHORT_URL_WITH_LINK.fullmatch(text):
        return Kind.SHORT_URL, None
    return Kind.TEXT, None


def looks_like_mojibake(text: str) -> bool:
    """Whether ``text`` holds UTF-8 that was decoded as cp1252 or latin-1 (``â€™``)."""
    return (
        not text.isascii()
        and any(lead in text for lead in MOJIBAKE_LEADS)
        and (MOJIBAKE.search(text) is not None)
    )


def tokenize(
    lines: Iterable[str],
    report: ParseReport,
    fix_text: Callable[[str], str] | None = None,
) -> Iterator[Token]:
    """Normalise, number and classify ``lines``; count every line in ``report``.

    ``fix_text`` repairs lines that look like mojibake; without it they are flagged.
    """
    blanks = 0  # blank lines since the last token
    total_blanks = 0
    no = 0
    for no, raw in enumerate(lines, start=1):  # `no` is read after the loop too
        text = normalize_line(raw)
        if not text:
            blanks += 1
            continue
        damaged = looks_like_mojibake(text)
        if damaged and fix_text is not None:
            text = normalize_line(fix_text(text)) or text
            damaged = looks_like_mojibake(text)
        kind, date = classify(text)
        yield Token(no, text, kind, blanks, date, damaged)
        total_blanks += blanks
        blanks = 0
    report.lines += no
    report.blank_lines += total_blanks + blanks
