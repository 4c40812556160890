"""Tokens → articles: a streaming state machine with bounded lookahead (SPEC §2).

An article is: a headline (or a date line printed before it), then a header — captions,
chrome, the date block, the headline again, bullets — then body paragraphs until the
next article starts. Finding where the next article starts is the hard part, because
its headline looks like any short paragraph. What gives it away is what follows it: a
page header (chrome or a date line) within a few lines, and usually the headline again
after that header. :meth:`_Parser._starts_article` asks exactly that, looking at most
``_WINDOW`` tokens ahead, so memory never depends on the size of the dump.
"""

import io
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum, auto

from newsparse.dates import resolve_date_line
from newsparse.diagnostics import ParseReport, WarningCode
from newsparse.fields import (
    byline_name,
    clean_author,
    has_caption_credit,
    looks_like_author,
    looks_like_headline,
    split_dateline,
)
from newsparse.layout import MID_BODY_CAPTION_BLANKS
from newsparse.models import Article, Source, article_id
from newsparse.text import split_line_ends
from newsparse.tokens import CHROME_NAMES, Kind, Token, tokenize

#: How far after a headline its page header may start. The longest run seen between a
#: headline and its first chrome or date line is a gallery's caption list; 16 is twice
#: the longest seen.
_ANCHOR_REACH = 16
#: How far after the first header line the headline is printed again (date, author,
#: ``Follow``, a lone ``0``, then the headline: 5 lines at most on real pages).
_REPEAT_REACH = 8
#: Tokens kept ahead: enough for a date printed before its headline (3 more lines)
#: followed by a full header run.
_WINDOW = 2 * (_ANCHOR_REACH + _REPEAT_REACH)

#: Lines that mark a page header: chrome printed only there, and date lines.
_ANCHORS = frozenset({Kind.DATE, Kind.SHORT_URL, Kind.FOLLOW, Kind.SHORT_LINK, Kind.GALLERY})
#: Lines that only ever appear inside a header (the gallery counter ends nothing).
_HEADER_CHROME = frozenset({Kind.SHORT_URL, Kind.FOLLOW, Kind.SHORT_LINK})


def parse_lines(
    lines: Iterable[str],
    source: str = "-",
    *,
    now: datetime | None = None,
    report: ParseReport | None = None,
    fix_text: Callable[[str], str] | None = None,
) -> Iterator[Article]:
    """Parse a dump given as lines (with or without their line ends) into articles.

    ``source`` is recorded as ``source.path`` and names the input in warnings; ``now``
    resolves relative dates (``Updated 5 min ago``); ``report`` receives the account of
    every line and the warnings; ``fix_text`` (e.g. ``ftfy.fix_encoding``) repairs lines
    that look like mojibake, which are otherwise kept as they are and reported.
    """
    report = ParseReport() if report is None else report
    tokens = tokenize(split_line_ends(lines), report, fix_text)
    return _Parser(tokens, source, now, report).articles()


def parse_text(
    text: str,
    source: str = "-",
    *,
    now: datetime | None = None,
    report: ParseReport | None = None,
    fix_text: Callable[[str], str] | None = None,
) -> Iterator[Article]:
    """Parse a whole dump held in a string; see :func:`parse_lines`."""
    lines = io.StringIO(text, newline="")
    return parse_lines(lines, source, now=now, report=report, fix_text=fix_text)


class _Lookahead:
    """The token stream with a bounded window of upcoming tokens.

    It also keeps the positions of the anchors (header lines) in the window, so the
    common case — a body paragraph with no header close ahead — is decided without
    looking at the tokens in between.
    """

    def __init__(self, tokens: Iterator[Token]) -> None:
        self._tokens = tokens
        self._window: deque[Token] = deque()
        self._exhausted = False
        self._base = 0  # stream index of window[0]
        self._anchors: deque[int] = deque()  # stream indexes of the anchors in the window

    def peek(self, offset: int) -> Token | None:
        window = self._window
        if offset < len(window):
            return window[offset]
        while len(window) <= offset and not self._exhausted:
            token = next(self._tokens, None)
            if token is None:
                self._exhausted = True
                break
            window.append(token)
            if token.kind in _ANCHORS:
                self._anchors.append(self._base + len(window) - 1)
        return window[offset] if offset < len(window) else None

    def pop(self) -> Token:
        self.peek(_WINDOW)
        token = self._window.popleft()
        if self._anchors and self._anchors[0] == self._base:
            self._anchors.popleft()
        self._base += 1
        return token

    def index(self, offset: int) -> int:
        """The stream index of the token at ``offset``: stable while the window moves."""
        return self._base + offset

    def next_anchor(self, offset: int) -> int | None:
        """The offset of the first anchor after ``offset``, if within ``_ANCHOR_REACH``."""
        self.peek(offset + _ANCHOR_REACH)
        for index in self._anchors:
            at = index - self._base
            if at > offset:
                return at if at <= offset + _ANCHOR_REACH else None
        return None


class _Phase(Enum):
    BEFORE_HEADER = auto()  # between the headline and the first chrome or date line
    HEADER = auto()  # chrome, date block, author, repeated headline
    BULLETS = auto()
    BODY = auto()


@dataclass
class _Draft:
    """An article being assembled."""

    first: int
    last: int
    headline: str = ""
    date: Token | None = None
    updated: str | None = None  # the date's ISO value
    author: str | None = None
    captions: list[str] = field(default_factory=list)
    bullets: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    headline_copies: int = 0  # later copies of the headline in the header
    #: Line number of the last line of the latest date block (date line, or the lone
    #: ``0`` after it): the author is the line right after.
    date_block_end: int = -1

    @property
    def date_first(self) -> bool:
        return self.date is not None and self.date.no == self.first


class _Parser:
    def __init__(
        self, tokens: Iterator[Token], source: str, now: datetime | None, report: ParseReport
    ) -> None:
        self._ahead = _Lookahead(tokens)
        self._source = source
        self._now = now
        self._report = report
        self._after_cache: tuple[int, tuple[list[str], frozenset[str]]] = (-1, ([], frozenset()))

    # --- driving ----------------------------------------------------------------------

    def articles(self) -> Iterator[Article]:
        self._skip_preamble()
        while self._ahead.peek(0) is not None:
            yield self._article()
        report = self._report
        if report.lines == report.blank_lines:
            self._warn(WarningCode.EMPTY_INPUT, 1, "no text: the input is empty or blank")
        elif report.articles == 0:
            self._warn(
                WarningCode.NO_ARTICLES,
                1,
                f"no article found in {report.lines - report.blank_lines} line(s) of text",
            )

    def _skip_preamble(self) -> None:
        """Text before the first article is not an article; say so, with its lines."""
        ahead = self._ahead
        if ahead.peek(0) is None or self._starts_article(0):
            return
        first = last = self._pop()
        self._report.count_preamble(first.no)
        count = 1  # counted, not kept: a dump may be all preamble
        while ahead.peek(0) is not None and not self._starts_article(0):
            last = self._pop()
            self._report.count_preamble(last.no)
            count += 1
        self._warn(
            WarningCode.PREAMBLE,
            first.no,
            f"{count} line(s) before the first article (lines {first.no}-{last.no}) "
            f"are not part of any article: {_quote(first.text)}",
        )

    def _article(self) -> Article:
        ahead = self._ahead
        start = ahead.peek(0)
        assert start is not None  # articles() peeked it
        if start.blanks_before == 0 and self._report.articles:
            self._warn(
                WarningCode.NO_BLANK_BOUNDARY,
                start.no,
                f"article {_quote(start.text)} starts right after the previous one's last "
                "line, with no blank line between",
            )
        draft = _Draft(first=start.no, last=start.no)
        if start.kind is Kind.DATE:
            self._take_date(draft, start)
            self._read_date_first_headline(draft)
        else:
            self._take(start, "headline")
            draft.headline = start.text
        phase = _Phase.BEFORE_HEADER
        while (token := ahead.peek(0)) is not None:
            if phase is _Phase.BEFORE_HEADER:
                phase = self._before_header(draft, token)
            elif phase is not _Phase.BODY:
                phase = self._in_header(draft, token, phase)
            if phase is _Phase.BODY and not self._in_body(draft, token):
                break
            if ahead.peek(0) is not token:  # taken by one of the phases above
                draft.last = token.no
        return self._finish(draft)

    # --- phases: each takes the token (pops it) or leaves it for the next phase ------

    def _before_header(self, draft: _Draft, token: Token) -> _Phase:
        """Between the headline and the first chrome or date line: captions."""
        kind = token.kind
        if kind in _HEADER_CHROME or kind is Kind.DATE:
            return _Phase.HEADER
        if kind is Kind.BULLET:
            return _Phase.BULLETS
        if kind is Kind.GALLERY:
            self._drop(token, "gallery_counter")
        elif token.text == draft.headline:
            self._drop_headline_copy(draft, token)
        elif draft.author is None and byline_name(token.text) is not None:
            self._take(token, "author")
            draft.author = clean_author(token.text)
        elif token.text in draft.captions:
            self._drop(token, "repeated_caption")
        elif not draft.date_first or self._caption_ahead(draft):
            self._take(token, "captions")
            draft.captions.append(token.text)
        else:
            return _Phase.BODY
        return _Phase.BEFORE_HEADER

    def _in_header(self, draft: _Draft, token: Token, phase: _Phase) -> _Phase:
        """The date block and what surrounds it, then bullets, until the body starts."""
        kind = token.kind
        text = token.text
        right_after_date = token.no == draft.date_block_end + 1
        if kind is Kind.DATE:
            if draft.date is None:
                self._take_date(draft, token)
            else:
                self._drop(token, "repeated_date_block")
            draft.date_block_end = token.no
        elif kind is Kind.BULLET:
            self._take(token, "bullets")
            draft.bullets.append(text[1:].lstrip())
            return _Phase.BULLETS
        elif kind is Kind.COMMENT_COUNT and right_after_date:
            self._drop(token, "comment_count")
            draft.date_block_end = token.no
        elif kind in _HEADER_CHROME or kind is Kind.GALLERY:
            self._drop(token, CHROME_NAMES[kind])
        elif kind is not Kind.TEXT:
            return _Phase.BODY
        elif text == draft.headline:
            self._drop_headline_copy(draft, token)
        elif right_after_date and text == draft.author:
            self._drop(token, "repeated_date_block")
        elif draft.author is None and self._is_author_line(token, right_after_date):
            self._take(token, "author")
            draft.author = clean_author(text)
        elif phase is _Phase.HEADER and text in draft.captions:
            self._drop(token, "repeated_caption")
        elif (
            phase is _Phase.HEADER
            and draft.date is None
            and self._caption_ahead(draft, before_date=True)
        ):
            # Between the headline and the date block, chrome or not: a caption (SPEC).
            self._take(token, "captions")
            draft.captions.append(text)
        else:
            return _Phase.BODY
        return phase

    def _in_body(self, draft: _Draft, token: Token) -> bool:
        """Take one body line; False when ``token`` starts the next article instead."""
        if self._starts_article(0):
            return False
        if token.kind in _HEADER_CHROME:
            # A stray "Follow" or short link inside a story is page chrome all the same.
            self._drop(token, CHROME_NAMES[token.kind])
        elif not self._is_mid_body_caption(token):
            self._take(token, "body")
            draft.paragraphs.append(token.text)
        elif token.text in draft.captions:
            self._drop(token, "repeated_caption")
        else:
            self._take(token, "captions")
            draft.captions.append(token.text)
        return True

    # --- field helpers ----------------------------------------------------------------

    def _pop(self) -> Token:
        """Every line leaves the window here, so mojibake is reported exactly once."""
        token = self._ahead.pop()
        if token.mojibake:
            self._warn(
                WarningCode.MOJIBAKE,
                token.no,
                f"{_quote(token.text)} looks like UTF-8 read as cp1252 (mojibake); "
                "--fix-text repairs it",
            )
        return token

    def _take(self, token: Token, field_name: str) -> None:
        """Take ``token`` (at offset 0) into a field of the article being built."""
        popped = self._pop()
        assert popped is token  # the phases only take the token they were given
        self._report.count_field(token.no, field_name)

    def _drop(self, token: Token, chrome: str) -> None:
        """Take ``token`` (at offset 0) as chrome of kind ``chrome``."""
        popped = self._pop()
        assert popped is token  # the phases only take the token they were given
        self._report.count_chrome(token.no, chrome)

    def _drop_headline_copy(self, draft: _Draft, token: Token) -> None:
        self._drop(token, "repeated_headline")
        draft.headline_copies += 1

    def _take_date(self, draft: _Draft, token: Token) -> None:
        assert token.date is not None  # DATE tokens carry their match
        self._take(token, "updated_text")
        draft.date = token
        draft.date_block_end = token.no
        value = resolve_date_line(token.date, self._now)
        draft.updated = value.iso
        if value.problem is WarningCode.DATE_RELATIVE:
            self._warn(
                value.problem,
                token.no,
                f"relative date {_quote(token.text)} needs --now to resolve; updated is null",
            )
        elif value.problem is not None:
            self._warn(
                value.problem, token.no, f"date line {_quote(token.text)} could not be resolved"
            )

    def _read_date_first_headline(self, draft: _Draft) -> None:
        """After a date line printed before its headline: chrome, author, headline."""
        layout = self._date_first_layout(-1)  # the date line was just taken
        assert layout is not None  # _starts_article checked it
        author_at, headline_at = layout
        for at in range(headline_at + 1):
            token = self._ahead.peek(0)
            assert token is not None  # _date_first_layout peeked it
            draft.last = token.no
            if at == author_at:
                self._take(token, "author")
                draft.author = clean_author(token.text)
            elif at == headline_at:
                self._take(token, "headline")
                draft.headline = token.text
            else:
                self._drop(token, CHROME_NAMES[token.kind])

    def _caption_ahead(self, draft: _Draft, *, before_date: bool = False) -> bool:
        """Whether the line ahead is a caption of this article: a header line of this
        article (a date line, with ``before_date``) must follow, not the next one's."""
        run = self._header_run(0)
        if run is None:
            return False
        anchor_at, _, after = run
        anchor = self._ahead.peek(anchor_at)
        if before_date and (anchor is None or anchor.kind is not Kind.DATE):
            return False
        if draft.headline in after:
            return True
        return not any(self._starts_article(at) for at in range(anchor_at))

    def _is_author_line(self, token: Token, right_after_date: bool) -> bool:
        """``By <name>`` anywhere in the header, or a name right after the date line."""
        if byline_name(token.text) is not None:
            return True
        return right_after_date and looks_like_author(token.text)

    def _is_mid_body_caption(self, token: Token) -> bool:
        """A credited line set apart by 3+ blank lines before it and one after it."""
        if token.blanks_before < MID_BODY_CAPTION_BLANKS or not has_caption_credit(token.text):
            return False
        following = self._ahead.peek(1)  # `token` is still at offset 0
        return following is None or following.blanks_before > 0 or self._starts_article(1)

    def _finish(self, draft: _Draft) -> Article:
        report = self._report
        report.articles += 1
        if draft.headline_copies == 0:
            self._warn(
                WarningCode.SINGLE_HEADLINE,
                draft.first,
                f"headline {_quote(draft.headline)} is printed once; the article was found "
                "by its header alone",
            )
        dateline = None
        if draft.paragraphs:
            dateline, draft.paragraphs[0] = split_dateline(draft.paragraphs[0])
        else:
            self._warn(
                WarningCode.EMPTY_BODY, draft.first, f"article {_quote(draft.headline)} has no body"
            )
        body = "\n\n".join(draft.paragraphs)
        report.coverage.update(
            name
            for name, present in (
                ("updated", draft.updated is not None),
                ("author", draft.author is not None),
                ("captions", bool(draft.captions)),
                ("bullets", bool(draft.bullets)),
                ("dateline", dateline is not None),
            )
            if present
        )
        return Article(
            id=article_id(draft.headline, body),
            headline=draft.headline,
            updated=draft.updated,
            updated_text=draft.date.text if draft.date else None,
            author=draft.author,
            captions=draft.captions,
            bullets=draft.bullets,
            dateline=dateline,
            body=body,
            source=Source(path=self._source, line_start=draft.first, line_end=draft.last),
        )

    def _warn(self, code: WarningCode, line: int, message: str) -> None:
        self._report.warn(code, self._source, line, message)

    # --- where articles start ---------------------------------------------------------

    def _starts_article(self, offset: int) -> bool:
        """Whether the token at ``offset`` ahead opens a new article.

        A headline is a line followed, within ``_ANCHOR_REACH`` lines of captions, by a
        page header; when the page prints its headline again after that header, only
        that line qualifies. A date line opens an article when a headline follows it.
        """
        ahead = self._ahead
        token = ahead.peek(offset)
        if token is None:
            return False
        if token.kind is Kind.DATE:
            return self._date_first_layout(offset) is not None
        if token.kind is not Kind.TEXT:
            return False
        anchor_at = ahead.next_anchor(offset)
        if anchor_at is None:  # the common case: no header close ahead
            return False
        # A line that is not printed again after the header must read as a headline;
        # a sentence ending in "." can be rejected without looking at what is between.
        if token.text not in self._texts_after(anchor_at)[1] and not looks_like_headline(
            token.text
        ):
            return False
        run = self._header_run(offset)
        if run is None:
            return False
        anchor_at, between, after = run
        candidates = {token.text, *between}
        repeated = next((text for text in after if text in candidates), None)
        if repeated is not None:
            return repeated == token.text
        if not looks_like_headline(token.text) or not _only_captions(between, token.text):
            return False
        anchor = ahead.peek(anchor_at)
        assert anchor is not None  # _header_run found it
        return anchor.kind is not Kind.DATE or not self._date_leads(anchor_at)

    def _header_run(self, offset: int) -> tuple[int, list[str], list[str]] | None:
        """From a headline candidate at ``offset``: the offset of the first header line
        after it, the texts between (captions), and the texts soon after the header line
        (where a repeated headline would be). None when no header line follows closely."""
        ahead = self._ahead
        anchor_at = ahead.next_anchor(offset)
        if anchor_at is None:
            return None
        between: list[str] = []
        for at in range(offset + 1, anchor_at):
            token = ahead.peek(at)
            assert token is not None  # before an anchor that was peeked
            if token.kind is not Kind.TEXT:
                return None
            between.append(token.text)
        return anchor_at, between, self._texts_after(anchor_at)[0]

    def _texts_after(self, anchor_at: int) -> tuple[list[str], frozenset[str]]:
        """The text lines soon after the header line at ``anchor_at``, up to the bullets,
        as a list and a set. Cached: consecutive body lines share their next header."""
        index = self._ahead.index(anchor_at)
        if self._after_cache[0] != index:
            texts: list[str] = []
            for at in range(anchor_at + 1, anchor_at + 1 + _REPEAT_REACH):
                token = self._ahead.peek(at)
                if token is None or token.kind is Kind.BULLET:
                    break
                if token.kind is Kind.TEXT:
                    texts.append(token.text)
            self._after_cache = (index, (texts, frozenset(texts)))
        return self._after_cache[1]

    def _date_leads(self, date_at: int) -> bool:
        """Whether the date line at ``date_at`` belongs to a headline printed after it
        (the next article's date+author block) rather than to the line before it."""
        layout = self._date_first_layout(date_at)
        if layout is None:
            return False
        headline_at = layout[1]
        if self._repeats(headline_at):
            return True
        headline = self._ahead.peek(headline_at)
        run = self._header_run(headline_at)
        assert headline is not None  # _date_first_layout found it
        return run is not None and _only_captions(run[1], headline.text)

    def _date_first_layout(self, date_at: int) -> tuple[int | None, int] | None:
        """For the date line at ``date_at`` (-1: the one just taken), the offsets of the
        author line, if any, and of the headline printed after it; None when no headline
        follows. The author is the line right after the date, when a headline follows it
        and it reads as a name and is not itself printed again."""
        ahead = self._ahead
        at = date_at + 1
        while (token := ahead.peek(at)) is not None and token.kind in CHROME_NAMES:
            at += 1
        first = ahead.peek(at)
        if first is None or first.kind is not Kind.TEXT:
            return None
        second = ahead.peek(at + 1)
        if second is None or second.kind is not Kind.TEXT or self._repeats(at):
            return None, at
        if byline_name(first.text) is not None:
            return at, at + 1
        right_after = at == date_at + 1 and first.blanks_before == 0
        if (
            right_after
            and looks_like_author(first.text)
            and not has_caption_credit(second.text)
            and looks_like_headline(second.text)
        ):
            return at, at + 1
        return None, at

    def _repeats(self, offset: int) -> bool:
        """Whether the text at ``offset`` is printed again within the header reach."""
        ahead = self._ahead
        token = ahead.peek(offset)
        assert token is not None
        for at in range(offset + 1, offset + 1 + _ANCHOR_REACH + _REPEAT_REACH):
            later = ahead.peek(at)
            if later is None or later.kind is Kind.BULLET:
                return False
            if later.text == token.text:
                return True
        return False


def _only_captions(between: list[str], headline: str) -> bool:
    """Whether the lines between a headline printed once and its page header can all be
    its captions: none of them could be a headline itself (it has a photo credit, or
    reads as a sentence) unless it is a copy of this one."""
    return all(
        text == headline or has_caption_credit(text) or not looks_like_headline(text)
        for text in between
    )


def _quote(text: str, limit: int = 60) -> str:
    """A line quoted for a one-line message, shortened to ``limit`` characters."""
    return f"“{text if len(text) <= limit else text[: limit - 1] + '…'}”"
