"""Taking lines into the article: the one place that pops a line, counts it in the
tally and fills the record's fields, for every grammar of the parser.

The grammars (``header``, ``body``, ``generic``) decide what a line is; the methods here
apply that decision, so that every line is counted exactly once and mojibake is
reported once, wherever the line is taken or dropped.
"""

from collections.abc import Iterator
from datetime import datetime
from typing import Final

from newsparse.boundaries import Boundaries
from newsparse.dates import resolve_date_line
from newsparse.diagnostics import WarningCode
from newsparse.draft import Draft
from newsparse.fields import clean_author
from newsparse.layouts import Rules
from newsparse.lead_in import LeadIn
from newsparse.lookahead import Lookahead
from newsparse.tally import Tally
from newsparse.tokens import Kind, Token

#: Lines that are chrome wherever they stand.
ALWAYS_CHROME: Final = frozenset({Kind.TRAILER, Kind.SITE})


class LineTaker:
    """The parser's state, shared by its grammars, and the taking of lines."""

    def __init__(
        self,
        tokens: Iterator[Token],
        source: str,
        now: datetime | None,
        tally: Tally,
        rules: Rules,
    ) -> None:
        self._ahead = Lookahead(tokens)
        self._bounds = Boundaries(self._ahead, rules)
        self._lead_in = LeadIn(self._ahead, self._bounds, rules)
        self._source = source
        self._now = now
        self._tally = tally
        self._rules = rules
        self._generic = rules.generic
        self._previous_end = -1  # last line of the previous article
        #: Whether the last line dropped was site chrome, with no field line since: a
        #: section label printed once may follow it before a headline.
        self._after_site_chrome = False
        self._last_no = 0  # the line number of the last line taken or dropped
        #: Whether a footer (trailer) was the last line dropped, with no field line since:
        #: a footer ends a story, so a headline may follow it after a single blank line.
        self._after_footer = False
        #: Whether the generic layout found a crawler's stamp on a first line: then only
        #: another stamp starts a page (the gaps inside such pages are wide).
        self._crawled = False
        self._photo_label_no = 0  # the line of the last photo label ("img 4") in a body

    def _pop(self) -> Token:
        """Every line leaves the window here, so mojibake is reported exactly once."""
        token = self._ahead.pop()
        self._last_no = token.no
        if token.mojibake:
            self._warn(
                WarningCode.MOJIBAKE,
                token.no,
                f"{quote(token.text)} looks like UTF-8 read as cp1252 (mojibake); "
                "--fix-text repairs it",
            )
        return token

    def _take(self, token: Token, field_name: str) -> None:
        """Take ``token`` (at offset 0) into a field of the article being built."""
        popped = self._pop()
        assert popped is token  # the steps only take the token they were given
        self._tally.count_field(token.no, field_name)
        self._after_site_chrome = self._after_footer = False

    def _drop(self, token: Token, chrome: str) -> None:
        """Take ``token`` (at offset 0) as chrome of kind ``chrome``."""
        popped = self._pop()
        assert popped is token  # the steps only take the token they were given
        self._tally.count_chrome(token.no, chrome)

    def _warn(self, code: WarningCode, line: int, message: str) -> None:
        self._tally.warn(code, line, message)

    def _repeats_author(self, draft: Draft, token: Token) -> bool:
        """Whether ``token`` prints the author again ("Arab News" twice, no date). The
        author as stored is a part of its line: most lines are ruled out by a substring
        test, before the bylines' patterns."""
        author = draft.author
        return (
            author is not None
            and author in token.text
            and clean_author(token.text, self._rules) == author
        )

    def _take_author(self, draft: Draft, token: Token) -> None:
        """Take ``token`` (at offset 0) as the author. On a listing page a teaser with no
        header ends at its byline (``By Frank Miller ·``): the next headline may follow
        after a single blank line, as after a footer."""
        self._take(token, "author")
        draft.author = clean_author(token.text, self._rules)
        self._after_footer = draft.headerless and token.text.endswith(" ·")

    def _take_caption(self, draft: Draft, token: Token | None) -> None:
        """Take ``token`` (at offset 0) as a caption, or as chrome if already taken."""
        assert token is not None  # callers peeked it
        if token.text in draft.captions:
            self._drop(token, "repeated_caption")
        else:
            self._take(token, "captions")
            draft.captions.append(token.text)

    def _take_bullet(self, draft: Draft, token: Token) -> None:
        """Take ``token`` (at offset 0) as a bullet: its glyph and the spaces after it
        removed, or as it is when it is a summary point printed without one."""
        self._take(token, "bullets")
        text = token.text
        draft.bullets.append(self._bullet_text(text) if token.kind is Kind.BULLET else text)

    def _bullet_text(self, line: str) -> str:
        """A bullet without its glyph and the spaces after it."""
        glyph = next(g for g in self._rules.bullet_glyphs if line.startswith(g))
        return line[len(glyph) :].lstrip()

    def _drop_headline_copy(self, draft: Draft, token: Token) -> None:
        self._drop(token, "repeated_headline")
        draft.headline_copies += 1
        draft.header_end = draft.copy_no = token.no

    def _drop_always_chrome(self, token: Token) -> None:
        """Drop site chrome or a footer, wherever it stands, and remember which: both
        end a story, so the next headline needs no gap of blank lines before it."""
        assert token.chrome is not None  # set for every chrome kind
        self._drop(token, token.chrome)
        self._after_site_chrome = token.kind is Kind.SITE
        self._after_footer = token.kind is Kind.TRAILER

    def _same_date(self, draft: Draft, token: Token) -> bool:
        """Whether a second date line in the header gives the article's date in another
        form ("Monday, November 12, 2007" then "Monday, 12 November 2007")."""
        assert token.date is not None  # DATE tokens carry their match
        value = resolve_date_line(token.date, self._now).iso
        return value is not None and value == draft.updated

    def _take_date(self, draft: Draft, token: Token) -> None:
        assert token.date is not None  # DATE tokens carry their match
        self._take(token, "updated_text")
        draft.date = token
        draft.date_block_end = token.no
        if token.layout is not None:
            draft.evidence.add(token.layout)
        value = resolve_date_line(token.date, self._now)
        draft.updated = value.iso
        if token.layout is None:
            self._warn(
                WarningCode.UNLISTED_DATE,
                token.no,
                f"date line {quote(token.text)} is of a form no layout lists; taken as the "
                "date all the same (add the form to a layout file to silence this)",
            )
        if value.problem is WarningCode.DATE_RELATIVE:
            self._warn(
                value.problem,
                token.no,
                f"relative date {quote(token.text)} needs --now to resolve; updated is null",
            )
        elif value.problem is not None:
            self._warn(
                value.problem, token.no, f"date line {quote(token.text)} could not be resolved"
            )


def quote(text: str, limit: int = 60) -> str:
    """A line quoted for a one-line message, shortened to ``limit`` characters."""
    return f"“{text if len(text) <= limit else text[: limit - 1] + '…'}”"
