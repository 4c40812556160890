"""A date line printed before its headline: aggregators and some copy sites print the
date block (date, perhaps an author, labels) first, then the headline. These questions
find the headline after such a date line; ``boundaries`` builds on them.
"""

from typing import Final

from newsparse.fields import (
    byline_name,
    has_caption_credit,
    headline_key,
    looks_like_author,
    looks_like_headline,
)
from newsparse.layouts import Rules
from newsparse.lookahead import ANCHOR_REACH, REPEAT_REACH, Lookahead
from newsparse.patterns import MAX_BREADCRUMB_WORDS
from newsparse.tokens import Kind, Token

#: Lines a date line printed before its headline may have after it, before the headline.
_DATE_BLOCK_CHROME: Final = frozenset({Kind.CHROME, Kind.GALLERY, Kind.COMMENT_COUNT})


def is_source_label(token: Token) -> bool:
    """An aggregator's section or source label after a date line: ``- Business``,
    ``- Express Tribune`` (a dash, then a few words that read as a name)."""
    return (
        token.kind is Kind.TEXT
        and token.text.startswith("- ")
        and len(token.text.split()) <= MAX_BREADCRUMB_WORDS + 1
        and looks_like_author(token.text[2:])
    )


class DateFirst:
    """Questions about a date line printed before its headline, asked of the lines
    ahead; :class:`~newsparse.boundaries.Boundaries` asks the rest."""

    def __init__(self, ahead: Lookahead, rules: Rules) -> None:
        self._ahead = ahead
        self._rules = rules

    def date_first_layout(self, date_at: int) -> tuple[int | None, int] | None:
        """For the date line at ``date_at`` (-1: the one just taken), the offsets of the
        author line, if any, and of the headline printed after it; None when no headline
        follows. The author is the line right after the date, when a headline follows it
        and it reads as a name and is not itself printed again."""
        ahead = self._ahead
        at = self._skip_date_block_chrome(date_at + 1)
        first = ahead.peek(at)
        if first is None or first.kind is not Kind.TEXT:
            return None
        if byline_name(first.text, self._rules) is not None:
            headline_at = self._skip_date_block_chrome(at + 1)
            headline = ahead.peek(headline_at)
            if headline is None or headline.kind is not Kind.TEXT:
                return None
            return at, headline_at
        second = ahead.peek(at + 1)
        right_after = at == date_at + 1 and first.blanks_before == 0
        if (
            right_after
            and (second is None or second.kind is Kind.DATE)
            and looks_like_author(first.text)
        ):
            return None  # the date block of the article before: date, author, date
        if not looks_like_headline(first.text) or has_caption_credit(first.text):
            return None  # a paragraph or a caption: this date is not before a headline
        if second is None or second.kind is not Kind.TEXT or self.repeats(at):
            return None, at
        if (
            right_after
            and looks_like_author(first.text)
            and not has_caption_credit(second.text)
            and looks_like_headline(second.text)
        ):
            return at, at + 1
        return None, at

    def _skip_date_block_chrome(self, at: int) -> int:
        while (token := self._ahead.peek(at)) is not None and (
            token.kind in _DATE_BLOCK_CHROME or is_source_label(token)
        ):
            at += 1
        return at

    def repeats(self, offset: int) -> bool:
        """Whether the text at ``offset`` is printed again within the header reach."""
        ahead = self._ahead
        token = ahead.peek(offset)
        assert token is not None  # callers peeked it
        key = headline_key(token.text)
        for at in range(offset + 1, offset + 1 + ANCHOR_REACH + REPEAT_REACH):
            later = ahead.peek(at)
            if later is None or later.kind is Kind.BULLET:
                return False
            if headline_key(later.text) == key:
                return True
        return False
