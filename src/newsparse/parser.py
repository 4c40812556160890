"""Tokens → articles: a streaming state machine with bounded lookahead (SPEC §2).

An article is: a headline (or a date line printed before it), then a header — captions,
chrome, the date block, the headline again, bullets — then body paragraphs until the
next article starts (see ``boundaries`` for how that is found). What each line of the
header can be comes from the layouts (``layouts/*.toml``); which layout an article
follows is read off the rules its lines matched.

A dump whose start holds no header at all is read with the generic layout: articles
separated by two or more blank lines, the first line of each its headline.
"""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum, auto

from newsparse.boundaries import ARTICLE_GAP, Boundaries
from newsparse.dates import resolve_date_line
from newsparse.diagnostics import Tally, WarningCode
from newsparse.fields import (
    byline_name,
    clean_author,
    has_caption_credit,
    headline_key,
    is_headline_copy,
    looks_like_author,
    split_dateline,
)
from newsparse.layouts import Rules, rules_for
from newsparse.lookahead import Lookahead
from newsparse.models import Article
from newsparse.options import ParseOptions
from newsparse.patterns import DATELINE_MAX_LEN, MID_BODY_CAPTION_BLANKS
from newsparse.text import split_line_ends
from newsparse.tokens import Kind, Token, tokenize

#: How many lines the start of a dump is searched for a header before the generic
#: layout is chosen: far more than any preamble seen before a first headline.
_GENERIC_PROBE = 200
#: A credit line at the end of the header is a name or an outlet: "Arab News Japan".
_MAX_CREDIT_WORDS = 5
#: The layout credited with articles no layout's rule matched.
_GENERIC = "generic"
#: Lines that are chrome wherever they stand.
_ALWAYS_CHROME = frozenset({Kind.TRAILER, Kind.SITE})
#: A word set after a paragraph to ask whether all before it is a dateline.
_PROBE = "story"
#: The chrome kind of a photo label in a story ("img 4", web.toml): a caption follows.
_PHOTO_LABEL = "photo_label"
#: No line of site chrome before a headline (a masthead, a label) is longer.
_MAX_LEAD_IN_LINE = 80
#: A section label over a headline on a listing page: "Djeddah", "Special graphic".
_MAX_SECTION_LABEL_WORDS = 2
#: After a footer, lines up to this long are more footer ("Most recent World stories");
#: a longer one is a paragraph, and the story goes on.
_MAX_FOOTER_LINE = 80


def _is_footer_line(token: Token) -> bool:
    return token.kind is not Kind.DATE and len(token.text) <= _MAX_FOOTER_LINE


def read_articles(
    lines: Iterable[str], tally: Tally, options: ParseOptions, first_line: int = 1
) -> Iterator[Article]:
    """Lines decoded from text (with their line ends, no lone surrogates) → articles,
    every line counted into ``tally``. The public entry points are in ``parsing``."""
    rules = rules_for(options.layout, options.added_layouts)
    tokens = tokenize(split_line_ends(lines), tally, rules, options.fix_text, first_line)
    return _Parser(tokens, tally.source, options.now, tally, rules).articles()


class _Step(Enum):
    """What one step of the body did with the line ahead."""

    LINE = auto()  # took it into this article
    LEAD_IN = auto()  # dropped it as chrome printed before the next headline
    NEXT_ARTICLE = auto()  # left it: it starts the next article


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
    headline_key: str = ""  # the headline as its copies are compared (fields.headline_key)
    headline_no: int = 0  # the line the headline was taken from
    copy_no: int = 0  # the line of the latest copy of the headline
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
    #: Line number of the latest bullet or repeated headline: where a credit line
    #: printed at the end of the header (.jp) would follow.
    header_end: int = -1
    evidence: set[str] = field(default_factory=set)  # layouts whose rules matched
    #: Found by what follows its headline, with no page header (no chrome, no date).
    headerless: bool = False

    def set_headline(self, text: str, no: int) -> None:
        self.headline = text
        self.headline_key = headline_key(text)
        self.headline_no = no

    def is_headline_copy(self, text: str) -> bool:
        return is_headline_copy(text, self.headline_key)

    @property
    def date_first(self) -> bool:
        return self.date is not None and self.date.no == self.first


class _Parser:
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

    # --- driving ----------------------------------------------------------------------

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
            if self._drop_chrome_lead_in():  # first: a label printed twice reads as a copy
                continue
            if self._starts_here(None):
                break
            self._pop()
            self._tally.count_preamble(token.no)
            first, last, count = first or token, token, count + 1
        if first is not None and last is not None:
            self._warn(
                WarningCode.PREAMBLE,
                first.no,
                f"{count} line(s) before the first article (lines {first.no}-{last.no}) "
                f"are not part of any article: {_quote(first.text)}",
            )

    def _drop_chrome_lead_in(self) -> bool:
        """Drop the line ahead if it is chrome wherever it stands (site chrome, a
        footer), or the breadcrumbs or twice-printed section label before a headline."""
        token = self._ahead.peek(0)
        assert token is not None  # callers peeked it
        if token.kind in _ALWAYS_CHROME:
            self._drop_always_chrome(token)
            return True
        if token.kind is Kind.TEXT and len(token.text) > _MAX_LEAD_IN_LINE:
            return False  # a paragraph, the common case
        lead_in = self._bounds.lead_in(self._after_site_chrome)
        if lead_in is None:
            return False
        for kind in lead_in:
            crumb = self._ahead.peek(0)
            assert crumb is not None  # lead_in peeked it
            self._drop(crumb, kind)
        self._after_site_chrome = True
        return True

    def _drop_always_chrome(self, token: Token) -> None:
        """Drop site chrome or a footer, wherever it stands, and remember which: both
        end a story, so the next headline needs no gap of blank lines before it."""
        assert token.chrome is not None  # set for every chrome kind
        self._drop(token, token.chrome)
        self._after_site_chrome = token.kind is Kind.SITE
        self._after_footer = token.kind is Kind.TRAILER

    def _article(self) -> Article:
        ahead = self._ahead
        start = ahead.peek(0)
        assert start is not None  # articles() peeked it
        if start.no == self._previous_end + 1:
            self._warn(
                WarningCode.NO_BLANK_BOUNDARY,
                start.no,
                f"article {_quote(start.text)} starts right after the previous one's last "
                "line, with no blank line between",
            )
        draft = _Draft(first=start.no, last=start.no)
        for _ in range(self._bounds.captions_above(0)):  # printed above the headline
            self._take_caption(draft, self._ahead.peek(0))
        start = ahead.peek(0)
        assert start is not None  # captions_above found the headline
        if start.kind is Kind.DATE:
            self._take_date(draft, start)
            self._read_date_first_headline(draft)
        else:
            draft.headerless = not self._bounds.starts_with_header(0)
            self._take(start, "headline")
            draft.set_headline(start.text, start.no)
        phase = _Phase.BEFORE_HEADER
        while (token := ahead.peek(0)) is not None:
            step = _Step.LINE
            if token.kind in _ALWAYS_CHROME:
                self._drop_always_chrome(token)
                if token.kind is Kind.SITE:  # printed before the next headline
                    step = _Step.LEAD_IN
            elif phase is _Phase.BEFORE_HEADER:
                phase = self._before_header(draft, token)
            elif phase is not _Phase.BODY:
                phase = self._in_header(draft, token, phase)
            if phase is _Phase.BODY and ahead.peek(0) is token:
                step = self._in_body(draft, token)
                if step is _Step.NEXT_ARTICLE:
                    break
            if step is _Step.LINE and ahead.peek(0) is not token:  # taken above
                draft.last = token.no
                if token.layout is not None:
                    draft.evidence.add(token.layout)
        return self._finish(draft)

    # --- phases: each takes the token (pops it) or leaves it for the next phase ------

    def _before_header(self, draft: _Draft, token: Token) -> _Phase:
        """Between the headline and the first chrome or date line: captions."""
        kind = token.kind
        if kind is Kind.CHROME or kind is Kind.DATE:
            return _Phase.HEADER
        if kind is Kind.BULLET:
            return _Phase.BULLETS
        if kind is Kind.GALLERY:
            self._drop(token, "gallery_counter")
        elif draft.is_headline_copy(token.text):
            self._drop_headline_copy(draft, token)
        elif draft.author is None and (
            byline_name(token.text, self._rules) is not None
            or (draft.headerless and self._is_author_before_story(token))
        ):
            self._take_author(draft, token)
        elif token.text in draft.captions:
            self._drop(token, "repeated_caption")
        elif self._repeats_author(draft, token):
            self._drop(token, "repeated_author")
        elif self._is_summary_line(draft, token):
            self._take_bullet(draft, token)
        elif draft.headerless and self._bounds.summaries(0):
            return _Phase.BULLETS
        elif self._is_header_caption(draft, token):
            self._take_caption(draft, token)
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
            elif token.text == draft.date.text or self._same_date(draft, token):
                self._drop(token, "repeated_date_block")
            else:  # another date: never dropped, but kept (and warned about) in the body
                return _Phase.BODY
            draft.date_block_end = token.no
        elif kind is Kind.BULLET:
            self._take_bullet(draft, token)
            draft.header_end = token.no
            return _Phase.BULLETS
        elif kind is Kind.COMMENT_COUNT and right_after_date:
            self._drop(token, "comment_count")
            draft.date_block_end = token.no
        elif kind is Kind.CHROME or kind is Kind.GALLERY:
            assert token.chrome is not None  # set for every chrome kind
            self._drop(token, token.chrome)
        elif kind is not Kind.TEXT:
            return _Phase.BODY
        elif draft.is_headline_copy(text):
            self._drop_headline_copy(draft, token)
        elif self._repeats_author(draft, token):  # "By John Smith" printed again
            self._drop(token, "repeated_date_block" if right_after_date else "repeated_author")
        elif draft.author is None and self._is_author_line(draft, token, right_after_date):
            self._take_author(draft, token)
        elif phase is _Phase.HEADER and text in draft.captions:
            self._drop(token, "repeated_caption")
        elif self._is_summary_line(draft, token):
            self._take_bullet(draft, token)
        elif (
            phase is _Phase.HEADER
            and draft.date is None
            and self._bounds.caption_ahead(draft.headline, before_date=True)
        ):
            # Between the headline and the date block, chrome or not: a caption (SPEC).
            self._take_caption(draft, token)
        elif self._bounds.summaries(0):  # summary points printed without a glyph
            self._take_bullet(draft, token)
            draft.header_end = token.no
            return _Phase.BULLETS
        elif phase is _Phase.HEADER and self._is_caption_after_date(token):
            self._take_caption(draft, token)
        else:
            return _Phase.BODY
        return phase

    def _is_caption_after_date(self, token: Token) -> bool:
        """Copy sites print the caption after the date line: a credited line there,
        followed by bullets, its own copy, or the dateline paragraph."""
        if not has_caption_credit(token.text):
            return False
        following = self._ahead.peek(1)  # `token` is still at offset 0
        return following is not None and (
            following.kind is Kind.BULLET
            or following.text == token.text
            or split_dateline(following.text, self._rules)[0] is not None
        )

    def _in_body(self, draft: _Draft, token: Token) -> "_Step":
        """Take one body line, or the chrome printed before the next headline; or leave
        ``token`` when it starts the next article."""
        if self._drop_chrome_lead_in():  # first: a label printed twice reads as a copy
            return _Step.LEAD_IN
        if self._starts_here(draft):
            return _Step.NEXT_ARTICLE
        if self._after_footer and draft.paragraphs and _is_footer_line(token):
            self._drop(token, "footer")  # "Photos", "return to top": after the story
        elif token.kind is Kind.CHROME:
            # A stray "Follow" or short link inside a story is page chrome all the same.
            assert token.chrome is not None  # set for every chrome kind
            self._drop(token, token.chrome)
            if token.chrome == _PHOTO_LABEL:
                self._photo_label_no = token.no
        elif token.text in draft.captions:  # a caption printed again (SPEC: chrome)
            self._drop(token, "repeated_caption")
        elif not self._is_mid_body_caption(token):
            if token.blanks_before >= ARTICLE_GAP and self._bounds.could_start_article(0):
                self._warn(
                    WarningCode.POSSIBLE_ARTICLE,
                    token.no,
                    f"{_quote(token.text)} stands apart like a headline, but nothing after it "
                    f"confirms one: kept in the body of {_quote(draft.headline)}",
                )
            self._take(token, "body")
            draft.paragraphs.append(token.text)
            if token.kind is Kind.DATE:
                self._warn(
                    WarningCode.OTHER_DATE,
                    token.no,
                    f"date line {_quote(token.text)} inside the article "
                    f"{_quote(draft.headline)} is not its date; kept as a paragraph",
                )
        else:
            self._take_caption(draft, token)
        return _Step.LINE

    # --- the generic layout -----------------------------------------------------------

    def _skip_chrome(self) -> bool:
        """Drop chrome lines ahead, and a section label over a headline ("Djeddah",
        "Special graphic" on listing pages); whether any line is left."""
        while (token := self._ahead.peek(0)) is not None:
            if token.chrome is not None:
                self._drop(token, token.chrome)
            elif self._is_section_label(token):
                self._drop(token, "section_label")
            else:
                return True
        return False

    def _is_section_label(self, token: Token) -> bool:
        """A line of one or two words right over a line confirmed as a headline."""
        return (
            token.kind is Kind.TEXT
            and len(token.text.split()) <= _MAX_SECTION_LABEL_WORDS
            and token.text[-1] not in ".!?:"
            and self._bounds.starts_without_header(1, after_footer=True)
        )

    def _generic_article(self) -> Article:
        """The first line is the headline (or a date line, then the headline); until the
        first paragraph come its date line, byline, captions (credited or printed twice)
        and bullets; the body runs to the next gap of two or more blank lines, or to a
        footer (a trailer ends a story)."""
        ahead = self._ahead
        start = ahead.peek(0)
        assert start is not None  # _skip_chrome found it
        draft = _Draft(first=start.no, last=start.no, headerless=True)
        ended = False  # by a footer
        # Pages stamped by a crawler start at their stamp, and may hold wide gaps.
        self._crawled = self._crawled or start.crawled
        while (token := ahead.peek(0)) is not None:
            apart = token.blanks_before >= ARTICLE_GAP and (token.crawled or not self._crawled)
            if draft.paragraphs and (apart or (ended and token.chrome is None)):
                break  # a gap, or the first line after the footers
            if not draft.paragraphs and self._ends_teaser(draft, token, ended):
                break
            if token.chrome is not None:
                self._drop(token, token.chrome)
                ended = ended or token.kind is Kind.TRAILER
            elif token.kind is Kind.DATE and draft.date is None and not draft.paragraphs:
                self._take_date(draft, token)
            elif not draft.headline:
                self._take(token, "headline")
                draft.set_headline(token.text, token.no)
            elif draft.paragraphs or not self._generic_header_line(draft, token):
                self._take(token, "body")
                draft.paragraphs.append(token.text)
            elif draft.author is not None and token.text.endswith(" ·"):
                ended = True  # "By Frank Miller ·" closes a teaser on a listing page
            draft.last = token.no
        if not draft.headline:  # a date line with nothing after it
            draft.set_headline(draft.date.text if draft.date else "", draft.first)
        return self._finish(draft)

    def _starts_here(self, draft: _Draft | None) -> bool:
        """Whether an article starts at the line ahead, after ``draft`` (None: before
        the first). After a footer a headline confirmed by what follows needs no gap of
        blank lines before it; after a teaser or site chrome, one blank line."""
        bounds = self._bounds
        ahead = self._ahead
        token = ahead.peek(0)
        if token is None:
            return False
        closed = self._after_footer or (
            token.blanks_before > 0
            and (self._after_site_chrome or (draft is not None and self._teaser(draft)))
        )
        if (  # most body lines: only a headline with its header, or captions above one
            token.kind is Kind.TEXT
            and token.blanks_before < ARTICLE_GAP
            and not token.crawled
            and not closed
            and ahead.index(0) > 0
        ):
            return bounds.starts_with_header(0) or bounds.captions_above(0) > 0
        return (
            bounds.starts_article(0)
            or bounds.captions_above(0) > 0
            or (closed and bounds.starts_without_header(0, after_footer=True))
        )

    @staticmethod
    def _teaser(draft: _Draft) -> bool:
        """Whether ``draft`` is a listing page's teaser so far: a headline with points or
        a byline, no header and no body."""
        return draft.headerless and not draft.paragraphs and bool(draft.bullets or draft.author)

    def _ends_teaser(self, draft: _Draft, token: Token, closed: bool) -> bool:
        """Whether a teaser ended before ``token``: after its byline, or where the next
        headline is confirmed."""
        if closed:
            return token.chrome is None
        if self._repeats_author(draft, token):
            return False
        return (
            bool(draft.headline)
            and token.kind is Kind.TEXT
            and (self._after_footer or (token.blanks_before > 0 and self._teaser(draft)))
            and self._bounds.starts_without_header(0, after_footer=True)
        )

    def _generic_header_line(self, draft: _Draft, token: Token) -> bool:
        """Take a line between a headline and its first paragraph when it is a byline,
        a copy of the headline, a bullet or a caption; whether it was taken."""
        text = token.text
        if draft.is_headline_copy(text):
            self._drop_headline_copy(draft, token)
        elif self._repeats_author(draft, token):
            self._drop(token, "repeated_author")
        elif draft.author is None and self._is_author_before_story(token):
            self._take_author(draft, token)
        elif token.kind is Kind.BULLET or self._bounds.summaries(0):
            self._take_bullet(draft, token)
        elif self._is_header_caption(draft, token):
            self._take_caption(draft, token)
        else:
            return False
        return True

    # --- taking lines ---------------------------------------------------------------

    def _pop(self) -> Token:
        """Every line leaves the window here, so mojibake is reported exactly once."""
        token = self._ahead.pop()
        self._last_no = token.no
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
        assert popped is token  # the steps only take the token they were given
        self._tally.count_field(token.no, field_name)
        self._after_site_chrome = self._after_footer = False

    def _drop(self, token: Token, chrome: str) -> None:
        """Take ``token`` (at offset 0) as chrome of kind ``chrome``."""
        popped = self._pop()
        assert popped is token  # the steps only take the token they were given
        self._tally.count_chrome(token.no, chrome)

    def _repeats_author(self, draft: _Draft, token: Token) -> bool:
        """Whether ``token`` prints the author again ("Arab News" twice, no date)."""
        return draft.author is not None and clean_author(token.text, self._rules) == draft.author

    def _take_author(self, draft: _Draft, token: Token) -> None:
        """Take ``token`` (at offset 0) as the author. On a listing page a teaser with no
        header ends at its byline (``By Frank Miller ·``): the next headline may follow
        after a single blank line, as after a footer."""
        self._take(token, "author")
        draft.author = clean_author(token.text, self._rules)
        self._after_footer = draft.headerless and token.text.endswith(" ·")

    def _take_caption(self, draft: _Draft, token: Token | None) -> None:
        """Take ``token`` (at offset 0) as a caption, or as chrome if already taken."""
        assert token is not None  # callers peeked it
        if token.text in draft.captions:
            self._drop(token, "repeated_caption")
        else:
            self._take(token, "captions")
            draft.captions.append(token.text)

    def _take_bullet(self, draft: _Draft, token: Token) -> None:
        """Take ``token`` (at offset 0) as a bullet: its glyph and the spaces after it
        removed, or as it is when it is a summary point printed without one."""
        self._take(token, "bullets")
        text = token.text
        draft.bullets.append(self._bullet_text(text) if token.kind is Kind.BULLET else text)

    def _drop_headline_copy(self, draft: _Draft, token: Token) -> None:
        self._drop(token, "repeated_headline")
        draft.headline_copies += 1
        draft.header_end = draft.copy_no = token.no

    def _is_summary_line(self, draft: _Draft, token: Token) -> bool:
        """arab.news and compact .pk pages print a one-line summary right under the
        headline (or a copy of it) and right over the date line, no blank around."""
        return token.no - 1 in (draft.headline_no, draft.copy_no) and self._bounds.summary_at(0)

    def _same_date(self, draft: _Draft, token: Token) -> bool:
        """Whether a second date line in the header gives the article's date in another
        form ("Monday, November 12, 2007" then "Monday, 12 November 2007")."""
        assert token.date is not None  # DATE tokens carry their match
        value = resolve_date_line(token.date, self._now).iso
        return value is not None and value == draft.updated

    def _take_date(self, draft: _Draft, token: Token) -> None:
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
                f"date line {_quote(token.text)} is of a form no layout lists; taken as the "
                "date all the same (add the form to a layout file to silence this)",
            )
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
        layout = self._bounds.date_first_layout(-1)  # the date line was just taken
        assert layout is not None  # starts_article checked it
        author_at, headline_at = layout
        for at in range(headline_at + 1):  # chrome, author and headline, in line order
            token = self._ahead.peek(0)
            assert token is not None  # date_first_layout peeked it
            draft.last = token.no
            if at == author_at:
                self._take_author(draft, token)
            elif at == headline_at:
                self._take(token, "headline")
                draft.set_headline(token.text, token.no)
            else:
                self._drop(token, token.chrome or "source_label")  # all it skipped

    def _lone_dateline(self, paragraph: str) -> str | None:
        """The dateline when ``paragraph`` is one and its separator, nothing after."""
        if len(paragraph) > DATELINE_MAX_LEN + len(" // "):
            return None  # a paragraph, not a dateline alone
        dateline, rest = split_dateline(f"{paragraph} {_PROBE}", self._rules)
        return dateline if rest == _PROBE else None

    def _bullet_text(self, line: str) -> str:
        """A bullet without its glyph and the spaces after it."""
        glyph = next(g for g in self._rules.bullet_glyphs if line.startswith(g))
        return line[len(glyph) :].lstrip()

    def _is_author_before_story(self, token: Token) -> bool:
        """A byline, or a name right above a paragraph that opens with a dateline
        ("Associated Press" over "BAGHDAD (AP) — …")."""
        if byline_name(token.text, self._rules) is not None:
            return True
        following = self._ahead.peek(1)  # `token` is still at offset 0
        if following is not None and following.text == token.text:
            following = self._ahead.peek(2)  # the name printed twice ("Arab News")
        return (
            looks_like_author(token.text)
            and following is not None
            and following.kind is Kind.TEXT
            and split_dateline(following.text, self._rules)[0] is not None
        )

    def _is_header_caption(self, draft: _Draft, token: Token) -> bool:
        """Whether a line between the headline and the page header is a caption: any
        line there (SPEC), but in an article with no header only a credited line or
        one printed twice; after a date line printed first, only when a header follows."""
        if draft.headerless:
            following = self._ahead.peek(1)  # `token` is still at offset 0
            return has_caption_credit(token.text) or (
                following is not None and following.text == token.text
            )
        return not draft.date_first or self._bounds.caption_ahead(draft.headline)

    def _is_author_line(self, draft: _Draft, token: Token, right_after_date: bool) -> bool:
        """A byline anywhere in the header; a name right after the date line; or, where
        the layout prints a credit line at the end of the header (.jp: after the date
        block, the bullets or the repeated headline, set apart by blank lines), a short
        name right there."""
        if byline_name(token.text, self._rules) is not None:
            return True
        if right_after_date:
            return looks_like_author(token.text)
        following = self._ahead.peek(1)  # `token` is still at offset 0
        return (
            not draft.evidence.isdisjoint(self._rules.credit_line_layouts)
            and self._last_no in (draft.header_end, draft.date_block_end)
            and (following is None or following.blanks_before > 0)
            and looks_like_author(token.text)
            and len(token.text.split()) <= _MAX_CREDIT_WORDS
        )

    def _is_mid_body_caption(self, token: Token) -> bool:
        """A credited line set apart by 3+ blank lines before it and one after it,
        printed twice in a row (.fr) after a blank line, or right under a photo label."""
        if not has_caption_credit(token.text):
            return False
        if self._photo_label_no == self._last_no:  # "img 4", then its caption
            return True
        if token.blanks_before == 0:
            return False
        following = self._ahead.peek(1)  # `token` is still at offset 0
        if following is not None and following.text == token.text:
            return True
        return token.blanks_before >= MID_BODY_CAPTION_BLANKS and (
            following is None or following.blanks_before > 0 or self._bounds.starts_article(1)
        )

    # --- the record -------------------------------------------------------------------

    def _finish(self, draft: _Draft) -> Article:
        self._previous_end = draft.last
        layout = self._layout_of(draft)
        if draft.headline_copies == 0 and layout in self._rules.repeating_headline:
            self._warn(
                WarningCode.SINGLE_HEADLINE,
                draft.first,
                f"headline {_quote(draft.headline)} is printed once; the article was found "
                "by its header alone",
            )
        dateline = None
        if len(draft.paragraphs) > 1 and (lone := self._lone_dateline(draft.paragraphs[0])):
            dateline = lone  # "JEDDAH -" on a line of its own, the story below it
            del draft.paragraphs[0]
        elif draft.paragraphs:
            dateline, draft.paragraphs[0] = split_dateline(draft.paragraphs[0], self._rules)
        else:
            self._warn(
                WarningCode.EMPTY_BODY, draft.first, f"article {_quote(draft.headline)} has no body"
            )
        body = "\n\n".join(draft.paragraphs)
        article = Article.from_content(
            headline=draft.headline,
            updated=draft.updated,
            updated_text=draft.date.text if draft.date else None,
            author=draft.author,
            captions=draft.captions,
            bullets=draft.bullets,
            dateline=dateline,
            body=body,
            source={"path": self._source, "line_start": draft.first, "line_end": draft.last},
        )
        self._tally.count_article(article, layout)
        return article

    def _layout_of(self, draft: _Draft) -> str:
        """The layout whose rules this article's lines matched, the most specific first;
        generic when the dump is read without headers, or when no layout's rule matched
        any line of it (a headless article, a date in a form no layout lists)."""
        if not self._generic:
            for name in self._rules.layout_names():
                if name in draft.evidence:
                    return name
        return _GENERIC

    def _warn(self, code: WarningCode, line: int, message: str) -> None:
        self._tally.warn(code, line, message)


def _quote(text: str, limit: int = 60) -> str:
    """A line quoted for a one-line message, shortened to ``limit`` characters."""
    return f"“{text if len(text) <= limit else text[: limit - 1] + '…'}”"
