"""Where articles start: the questions the parser asks of the lines ahead.

A headline looks like any short paragraph. What gives it away is what follows it: a page
header (chrome or a date line) within a few lines, and usually the headline printed
again after that header. A date line printed before its headline starts an article too,
and so does a headline standing apart that what follows confirms (its copy, captions,
bullets, a byline, a dateline paragraph) when the page prints no header at all.
Every answer looks at most a bounded number of lines ahead (see ``lookahead``).
"""

from typing import Final

from newsparse.date_first import DateFirst, is_source_label
from newsparse.fields import (
    byline_name,
    has_caption_credit,
    headline_key,
    is_headline_copy,
    looks_like_author,
    looks_like_headline,
    looks_like_label,
    only_captions,
    split_dateline,
)
from newsparse.layouts import Rules
from newsparse.lookahead import (
    ANCHORS,
    GALLERY_REACH,
    REPEAT_REACH,
    WINDOW,
    Lookahead,
)
from newsparse.tokens import Kind, Token

#: Blank lines that set an article apart: before a headline with no page header, and
#: between articles in the generic layout (SPEC: *Boundaries*).
ARTICLE_GAP: Final = 2
#: Headlines seen on real pages are at most ~150 characters; a longer line standing
#: apart is a paragraph.
_MAX_HEADLESS_HEADLINE: Final = 200
#: Summary points printed without a glyph: one to three seen on real pages.
_MAX_SUMMARIES: Final = 4
_MIN_SUMMARY_WORDS: Final = 4
#: Answers kept per question asked again: the questions come back within a window.
_MEMO_SIZE: Final = 2 * WINDOW

#: The texts after a header line: as a list, as a set, and the set of their lengths.
_TextsAfter = tuple[list[str], frozenset[str], frozenset[int]]


class Boundaries(DateFirst):
    """Whether an article starts at a line ahead, and what stands around a headline."""

    def __init__(self, ahead: Lookahead, rules: Rules) -> None:
        super().__init__(ahead, rules)
        self._after_cache: tuple[int, _TextsAfter] = (-1, ([], frozenset(), frozenset()))
        #: Answers of :meth:`starts_with_header` by stream index: the body asks it of a
        #: headline, then the captions above it and the article's start ask it again.
        self._with_header: dict[int, bool] = {}

    def starts_article(self, offset: int) -> bool:
        """Whether the token at ``offset`` ahead opens a new article: a headline with
        its page header (:meth:`starts_with_header`), a date line with its headline
        after it, a headline that what follows confirms (:meth:`starts_without_header`),
        or a headline a crawler stamped."""
        token = self._ahead.peek(offset)
        if token is None:
            return False
        if token.kind is Kind.DATE:
            return self.date_first_layout(offset) is not None
        if token.crawled:  # a crawler stamped the first line of a page
            return token.kind is Kind.TEXT and looks_like_headline(token.text)
        return self.starts_with_header(offset) or self.starts_without_header(offset)

    def captions_above(self, offset: int) -> int:
        """How many lines at ``offset`` are captions printed above the next headline
        (a caption and its copy, or one credited caption standing apart, then a blank
        line and the headline with its header): 0 when there are none."""
        ahead = self._ahead
        token = ahead.peek(offset)
        if token is None or token.kind is not Kind.TEXT:
            return 0
        twin = ahead.peek(offset + 1)
        if twin is not None and twin.text == token.text and twin.blanks_before == 0:
            if looks_like_label(token.text):
                return 0  # a section label printed twice ("Ramadan 2023"), not a caption
            count = 2
        elif token.blanks_before >= ARTICLE_GAP and has_caption_credit(token.text):
            count = 1
        else:
            return 0
        headline = ahead.peek(offset + count)
        if (
            headline is None
            or headline.kind is not Kind.TEXT
            or headline.blanks_before == 0
            or has_caption_credit(headline.text)
            or not self.starts_with_header(offset + count)
            or self.starts_with_header(offset)  # a headline printed twice, not a caption
        ):
            return 0
        return count

    def starts_with_header(self, offset: int) -> bool:
        """Whether the line at ``offset`` is a headline followed, after its captions, by a
        page header (chrome or a date line). When the page prints its headline again
        after that header, only that line qualifies."""
        index = self._ahead.index(offset)
        answer = self._with_header.get(index)
        if answer is None:
            if len(self._with_header) > _MEMO_SIZE:  # only the latest lines are asked again
                self._with_header.clear()
            answer = self._with_header[index] = self._starts_with_header(offset)
        return answer

    def _starts_with_header(self, offset: int) -> bool:
        ahead = self._ahead
        token = ahead.peek(offset)
        if token is None or token.kind is not Kind.TEXT:
            return False
        anchor_at = self._anchor_after(offset, token.text)
        if anchor_at is None:  # the common case: no header close ahead
            return False
        # A line that is not printed again after the header must read as a headline;
        # a sentence ending in "." can be rejected without looking at what is between.
        if not looks_like_headline(token.text) and not self._printed_after(anchor_at, token.text):
            return False
        key = headline_key(token.text)
        run = self.header_run(offset, anchor_at)
        if run is None:
            return False
        anchor_at, between, after = run
        candidates = {key, *map(headline_key, between)}
        for text in after:  # the first line printed again is the headline's copy
            if is_headline_copy(text, key):
                return True  # perhaps after a label ("Special …", "Analysis …")
            if text in candidates and not has_caption_credit(text):
                return False  # a line between is printed again: it is the headline

        if (
            not looks_like_headline(token.text)
            or not (only_captions(between, token.text) or self.summary_at(offset + 1))
            or byline_name(token.text, self._rules) is not None  # a byline heads no article
        ):
            return False
        anchor = ahead.peek(anchor_at)
        assert anchor is not None  # header_run found it
        return anchor.kind is not Kind.DATE or not self.date_leads(anchor_at)

    def summary_at(self, offset: int) -> bool:
        """Whether the line at ``offset`` is a one-line summary printed between a
        headline and its date line with no blank line around (arab.news): uncredited,
        read as a title, right under the headline and right over the date line."""
        ahead = self._ahead
        token = ahead.peek(offset)
        date = ahead.peek(offset + 1)
        return (
            token is not None
            and token.kind is Kind.TEXT
            and token.blanks_before == 0
            and date is not None
            and date.kind is Kind.DATE
            and date.blanks_before == 0
            and looks_like_headline(token.text)
            and not has_caption_credit(token.text)
        )

    def summaries(self, offset: int) -> int:
        """How many summary points without a glyph start at ``offset``: lines that read
        as titles, one under the other, right before the first paragraph when that
        opens with a dateline (``  Fuel prices have tripled`` over ``ADEN: …``)."""
        ahead = self._ahead
        count = 0
        while (token := ahead.peek(offset + count)) is not None and token.kind is Kind.TEXT:
            point = _reads_as_point(token.text)
            if not count and not point:
                return 0  # most lines asked: a paragraph, known before its dateline is sought
            dateline = split_dateline(token.text, self._rules)[0] is not None
            if count and dateline and token.blanks_before <= 1:
                return count
            if (
                (count and token.blanks_before > 0)
                or count == _MAX_SUMMARIES
                or dateline
                or not point
            ):
                return 0
            count += 1
        return 0

    def starts_without_header(self, offset: int, after_footer: bool = False) -> bool:
        """Whether the line at ``offset`` heads an article that prints no page header:
        it stands apart (two or more blank lines before it, the start of the input, or
        ``after_footer``), reads as a headline, and what follows confirms it — its copy,
        its captions then a paragraph, bullets, a byline, or a dateline paragraph."""
        ahead = self._ahead
        token = ahead.peek(offset)
        if token is None or not self.could_start_article(offset, after_footer):
            return False
        key = headline_key(token.text)
        at = offset + 1
        captions = 0
        while (following := ahead.peek(at)) is not None:
            if following.kind is Kind.GALLERY or (
                following.kind is Kind.TEXT and has_caption_credit(following.text)
            ):
                captions += 1
            elif following.kind is Kind.TEXT and headline_key(following.text) == key:
                return True
            elif following.kind is Kind.TEXT and _doubled(following.text, ahead.peek(at + 1)):
                captions += 2
                at += 1
            else:
                break
            at += 1
        if following is None or following.kind is not Kind.TEXT:
            return following is not None and following.kind is Kind.BULLET
        text = following.text
        if byline_name(text, self._rules) is not None or self.summaries(at):
            return True
        if following.blanks_before <= 1 and self._dateline_paragraph(at):
            return True
        if looks_like_author(text) and self._dateline_paragraph(at + 1):
            return True  # a credit over the story: "Associated Press", "BAGHDAD (AP) — …"
        return captions > 0 and not looks_like_headline(text)

    def _dateline_paragraph(self, offset: int) -> bool:
        token = self._ahead.peek(offset)
        return (
            token is not None
            and token.kind is Kind.TEXT
            and split_dateline(token.text, self._rules)[0] is not None
        )

    def could_start_article(self, offset: int, after_footer: bool = False) -> bool:
        """Whether the line at ``offset`` stands where an article without a page header
        could start, and reads as a headline: the parser warns when it goes on past one."""
        ahead = self._ahead
        token = ahead.peek(offset)
        return (
            token is not None
            and token.kind is Kind.TEXT
            and (token.blanks_before >= ARTICLE_GAP or ahead.index(offset) == 0 or after_footer)
            and looks_like_headline(token.text)
            and len(token.text) <= _MAX_HEADLESS_HEADLINE
            and " " in token.text
            and not has_caption_credit(token.text)
            and byline_name(token.text, self._rules) is None
        )

    def _anchor_after(self, offset: int, text: str) -> int | None:
        """The offset of the page header after the headline candidate at ``offset``:
        within ``ANCHOR_REACH`` lines, or after any number (up to ``GALLERY_REACH``) of
        gallery captions — lines with a photo credit or printed twice, and counters."""
        ahead = self._ahead
        anchor_at = ahead.next_anchor(offset)
        if anchor_at is not None or not looks_like_headline(text):
            return anchor_at
        at = offset + 1
        while at <= offset + GALLERY_REACH:
            token = ahead.peek(at)
            if token is None or token.kind is not Kind.TEXT:
                return at if token is not None and token.kind in ANCHORS else None
            if _doubled(token.text, ahead.peek(at + 1)):
                at += 1
            elif not has_caption_credit(token.text):
                return None
            at += 1
        return None

    def header_run(
        self, offset: int, anchor_at: int | None = None
    ) -> tuple[int, list[str], list[str]] | None:
        """From a headline candidate at ``offset``: the offset of the first header line
        after it (``anchor_at``, when the caller has it), the texts between (captions),
        and the texts soon after the header line (where a repeated headline would be,
        quote style folded). None when no header line follows closely."""
        ahead = self._ahead
        if anchor_at is None:
            token = ahead.peek(offset)
            assert token is not None  # callers peeked it
            anchor_at = self._anchor_after(offset, token.text)
        if anchor_at is None:
            return None
        between: list[str] = []
        for at in range(offset + 1, anchor_at + 1):
            token = ahead.peek(at)
            assert token is not None  # up to an anchor that was peeked
            if token.blanks_before >= ARTICLE_GAP and at > offset + 1:
                return None  # a gap ends a page: that header is the next one's
            if at == anchor_at:
                break
            if token.kind is not Kind.TEXT:
                return None
            between.append(token.text)
        return anchor_at, between, self._texts_after(anchor_at)[0]

    def _printed_after(self, anchor_at: int, text: str) -> bool:
        """Whether ``text`` is printed again soon after the header line at ``anchor_at``.
        Folding quotes keeps a text's length: most lines are ruled out by it, cheaply."""
        _, folded, lengths = self._texts_after(anchor_at)
        return len(text) in lengths and headline_key(text) in folded

    def _texts_after(self, anchor_at: int) -> _TextsAfter:
        """The text lines soon after the header line at ``anchor_at``, up to the bullets,
        as a list, a set and the set of their lengths. Cached: consecutive body lines
        share their next header."""
        index = self._ahead.index(anchor_at)
        if self._after_cache[0] != index:
            texts: list[str] = []
            for at in range(anchor_at + 1, anchor_at + 1 + REPEAT_REACH):
                token = self._ahead.peek(at)
                if token is None or token.kind is Kind.BULLET:
                    break
                if at > anchor_at + 1 and token.blanks_before >= ARTICLE_GAP:
                    break  # the next article's
                if token.kind is Kind.TEXT:
                    texts.append(headline_key(token.text))
            self._after_cache = (index, (texts, frozenset(texts), frozenset(map(len, texts))))
        return self._after_cache[1]

    def date_leads(self, date_at: int) -> bool:
        """Whether the date line at ``date_at`` belongs to a headline printed after it
        (the next article's date+author block) rather than to the line before it."""
        layout = self.date_first_layout(date_at)
        if layout is None:
            return False
        headline_at = layout[1]
        label = self._ahead.peek(date_at + 1)
        if self.repeats(headline_at) or (label is not None and is_source_label(label)):
            return True
        headline = self._ahead.peek(headline_at)
        run = self.header_run(headline_at)
        assert headline is not None  # date_first_layout found it
        return run is not None and only_captions(run[1], headline.text)

    def caption_ahead(self, headline: str, *, before_date: bool = False) -> bool:
        """Whether the line ahead is a caption of the article with ``headline``: a header
        line of that article (a date line, with ``before_date``) must follow, not the
        next article's."""
        run = self.header_run(0)
        if run is None:
            return False
        anchor_at, _, after = run
        anchor = self._ahead.peek(anchor_at)
        if before_date and (anchor is None or anchor.kind is not Kind.DATE):
            return False
        if headline_key(headline) in after:
            return True
        ahead = self._ahead
        if any(_blanks_before(ahead.peek(at)) >= ARTICLE_GAP for at in range(1, anchor_at + 1)):
            return False  # a header set apart by a gap is the next page's
        return not any(self.starts_article(at) for at in range(anchor_at))


def _reads_as_point(text: str) -> bool:
    """Whether ``text`` reads as a summary point: a title of a few words, uncredited."""
    return (
        looks_like_headline(text)
        and not has_caption_credit(text)
        and len(text) <= _MAX_HEADLESS_HEADLINE
        and len(text.split()) >= _MIN_SUMMARY_WORDS  # a name, not a point
    )


def _blanks_before(token: Token | None) -> int:
    return 0 if token is None else token.blanks_before


def _doubled(text: str, following: Token | None) -> bool:
    """Whether ``text`` is printed twice in a row (galleries print each caption so)."""
    return following is not None and following.text == text
