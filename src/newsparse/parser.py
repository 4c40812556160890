"""Tokens → articles: a streaming state machine with bounded lookahead (SPEC §2).

An article is: a headline (or a date line printed before it), then a header — captions,
chrome, the date block, the headline again, bullets — then body paragraphs until the
next article starts (see ``boundaries`` for how that is found). What each line of the
header can be comes from the layouts (``layouts/*.toml``); which layout an article
follows is read off the rules its lines matched.

A dump whose start holds no header at all is read with the generic layout: articles
separated by two or more blank lines, the first line of each its headline.

This module drives the parse; each concern has its own module: ``header`` (the header
grammar), ``body`` (paragraphs and where the next article starts, asked of
``boundaries``, ``date_first`` and ``lead_in``), ``generic`` (dumps without page
headers), ``record`` (a draft to an Article), ``taking`` (the one place lines are popped
and counted) and ``draft`` (the article being assembled). The grammars' classes form one
chain — taking, record, header, body, generic, parser — each adding its methods to the
one before: single inheritance is what mypyc compiles to native classes (see setup.py).
"""

from collections.abc import Iterable, Iterator
from typing import Final

from newsparse.diagnostics import WarningCode
from newsparse.draft import Draft, Phase, Step
from newsparse.generic import GenericLayout
from newsparse.layouts import rules_for
from newsparse.models import Article
from newsparse.options import ParseOptions
from newsparse.taking import ALWAYS_CHROME, quote
from newsparse.tally import Tally
from newsparse.tokens import Kind, Token, tokenize

#: How many lines the start of a dump is searched for a header before the generic
#: layout is chosen: far more than any preamble seen before a first headline.
_GENERIC_PROBE: Final = 200


def read_articles(
    lines: Iterable[str], tally: Tally, options: ParseOptions, first_line: int = 1
) -> Iterator[Article]:
    """Lines of text (split, without their line ends, no lone surrogates) → articles,
    every line counted into ``tally``. The public entry points are in ``parsing``."""
    rules = rules_for(options.layout, options.added_layouts)
    tokens = tokenize(lines, tally, rules, options.fix_text, first_line)
    return _Parser(tokens, tally.source, options.now, tally, rules).articles()


class _Parser(GenericLayout):
    """Tokens → articles: the header grammar, the body rules and the generic layout
    over one window of tokens and one tally."""

    def articles(self) -> Iterator[Article]:
        if self._rules.auto and not self._header_near_start():
            self._generic = True
            first = self._ahead.peek(0)
            if first is not None:
                self._warn(
                    WarningCode.GENERIC_LAYOUT,
                    first.no,
                    "no page header near the start: read with the generic layout "
                    "(articles split at two or more blank lines; --layout forces one)",
                )
        if self._generic:
            while self._skip_chrome():
                yield self._generic_article()
        else:
            self._skip_preamble()
            while self._ahead.peek(0) is not None:
                yield self._article()
        account = self._tally.account
        if account.lines == account.blank_lines:
            self._warn(WarningCode.EMPTY_INPUT, 1, "no text: the input is empty or blank")
        elif account.articles == 0:
            self._warn(
                WarningCode.NO_ARTICLES,
                1,
                f"no article found in {account.lines - account.blank_lines} line(s) of text",
            )

    def _header_near_start(self) -> bool:
        """Whether a date line or header chrome stands near the start of the dump (or the
        dump is empty): if not, it has no page headers, and the generic layout reads it."""
        ahead = self._ahead
        for at in range(_GENERIC_PROBE):
            token = ahead.peek(at)
            if token is None:
                return at == 0
            if token.kind in (Kind.DATE, Kind.CHROME):
                return True
        return False

    def _skip_preamble(self) -> None:
        """Text before the first article is not an article; say so, with its lines.
        Site chrome and trailers there are chrome, as anywhere."""
        ahead = self._ahead
        first: Token | None = None
        last: Token | None = None
        count = 0  # counted, not kept: a dump may be all preamble
        while (token := ahead.peek(0)) is not None:
            if self._drop_chrome_lead_in(token):  # first: a label printed twice reads as a copy
                continue
            if self._starts_here(token, None):
                break
            self._pop()
            self._tally.count_preamble(token.no)
            first, last, count = first or token, token, count + 1
        if first is not None and last is not None:
            self._warn(
                WarningCode.PREAMBLE,
                first.no,
                f"{count} line(s) before the first article (lines {first.no}-{last.no}) "
                f"are not part of any article: {quote(first.text)}",
            )

    def _article(self) -> Article:
        draft = self._open_article()
        ahead = self._ahead
        phase = Phase.BEFORE_HEADER
        while (token := ahead.peek(0)) is not None:
            phase, step = self._step(draft, token, phase)
            if step is Step.NEXT_ARTICLE:
                break
            if step is Step.LINE and self._last_no == token.no:  # taken above
                draft.last = token.no
                if token.layout is not None:
                    draft.evidence.add(token.layout)
        return self._finish(draft)

    def _open_article(self) -> Draft:
        """Take the start of an article: captions printed above the headline, then the
        headline, or a date line and the headline after it."""
        start = self._ahead.peek(0)
        assert start is not None  # articles() peeked it
        if start.no == self._previous_end + 1:
            self._warn(
                WarningCode.NO_BLANK_BOUNDARY,
                start.no,
                f"article {quote(start.text)} starts right after the previous one's last "
                "line, with no blank line between",
            )
        draft = Draft(first=start.no, last=start.no)
        for _ in range(self._bounds.captions_above(0)):  # printed above the headline
            self._take_caption(draft, self._ahead.peek(0))
        start = self._ahead.peek(0)
        assert start is not None  # captions_above found the headline
        if start.kind is Kind.DATE:
            self._take_date(draft, start)
            self._read_date_first_headline(draft)
        else:
            draft.headerless = not self._bounds.starts_with_header(0)
            self._take(start, "headline")
            draft.set_headline(start.text, start.no)
        return draft

    def _step(self, draft: Draft, token: Token, phase: Phase) -> tuple[Phase, Step]:
        """One line of the article by the phase it is in: the phase after it, and what
        was done with it. A phase that leaves the line hands it to the next phase."""
        if token.kind in ALWAYS_CHROME:
            self._drop_always_chrome(token)
            return phase, Step.LEAD_IN if token.kind is Kind.SITE else Step.LINE
        if phase is Phase.BEFORE_HEADER:
            phase = self._before_header(draft, token)
        elif phase is not Phase.BODY:
            phase = self._in_header(draft, token, phase)
        if phase is Phase.BODY and self._last_no != token.no:  # left for the body
            return phase, self._in_body(draft, token)
        return phase, Step.LINE
