"""Where articles start: the questions the parser asks of the lines ahead.

A headline looks like any short paragraph. What gives it away is what follows it: a page
header (chrome or a date line) within a few lines, and usually the headline printed
again after that header. A date line printed before its headline starts an article too.
Every answer looks at most a bounded number of lines ahead (see ``lookahead``).
"""

from newsparse.fields import byline_name, has_caption_credit, looks_like_author, looks_like_headline
from newsparse.layouts import Rules
from newsparse.lookahead import ANCHOR_REACH, REPEAT_REACH, Lookahead
from newsparse.tokens import Kind

#: Lines a date line printed before its headline may have after it, before the headline.
_DATE_BLOCK_CHROME = frozenset({Kind.CHROME, Kind.GALLERY, Kind.COMMENT_COUNT})
#: Breadcrumbs are a few words each: "Home", "Middle East", "Saudi Arabia".
_MAX_BREADCRUMB_WORDS = 4


class Boundaries:
    def __init__(self, ahead: Lookahead, rules: Rules) -> None:
        self._ahead = ahead
        self._rules = rules
        self._after_cache: tuple[int, tuple[list[str], frozenset[str]]] = (-1, ([], frozenset()))

    def starts_article(self, offset: int) -> bool:
        """Whether the token at ``offset`` ahead opens a new article.

        A headline is a line followed, within ``ANCHOR_REACH`` lines of captions, by a
        page header; when the page prints its headline again after that header, only
        that line qualifies. A date line opens an article when a headline follows it.
        """
        ahead = self._ahead
        token = ahead.peek(offset)
        if token is None:
            return False
        if token.kind is Kind.DATE:
            return self.date_first_layout(offset) is not None
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
        run = self.header_run(offset)
        if run is None:
            return False
        anchor_at, between, after = run
        candidates = {token.text, *between}
        repeated = next((text for text in after if text in candidates), None)
        if repeated is not None:
            return repeated == token.text
        if (
            not looks_like_headline(token.text)
            or not only_captions(between, token.text)
            or byline_name(token.text, self._rules) is not None  # a byline heads no article
        ):
            return False
        anchor = ahead.peek(anchor_at)
        assert anchor is not None  # header_run found it
        return anchor.kind is not Kind.DATE or not self._date_leads(anchor_at)

    def header_run(self, offset: int) -> tuple[int, list[str], list[str]] | None:
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
            for at in range(anchor_at + 1, anchor_at + 1 + REPEAT_REACH):
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
        layout = self.date_first_layout(date_at)
        if layout is None:
            return False
        headline_at = layout[1]
        if self.repeats(headline_at):
            return True
        headline = self._ahead.peek(headline_at)
        run = self.header_run(headline_at)
        assert headline is not None  # date_first_layout found it
        return run is not None and only_captions(run[1], headline.text)

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
        if second is None or second.kind is not Kind.TEXT or self.repeats(at):
            return None, at
        right_after = at == date_at + 1 and first.blanks_before == 0
        if (
            right_after
            and looks_like_author(first.text)
            and not has_caption_credit(second.text)
            and looks_like_headline(second.text)
        ):
            return at, at + 1
        return None, at

    def _skip_date_block_chrome(self, at: int) -> int:
        while (token := self._ahead.peek(at)) is not None and token.kind in _DATE_BLOCK_CHROME:
            at += 1
        return at

    def repeats(self, offset: int) -> bool:
        """Whether the text at ``offset`` is printed again within the header reach."""
        ahead = self._ahead
        token = ahead.peek(offset)
        assert token is not None  # callers peeked it
        for at in range(offset + 1, offset + 1 + ANCHOR_REACH + REPEAT_REACH):
            later = ahead.peek(at)
            if later is None or later.kind is Kind.BULLET:
                return False
            if later.text == token.text:
                return True
        return False

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
        if headline in after:
            return True
        return not any(self.starts_article(at) for at in range(anchor_at))

    def lead_in(self) -> tuple[str, int] | None:
        """Site chrome printed right before the next article's headline, starting at the
        line ahead: breadcrumb bullets (``• Home``, ``• Middle East``, one after the
        other) or a section label printed twice. Its kind and number of lines, or None."""
        ahead = self._ahead
        token = ahead.peek(0)
        if token is None:
            return None
        if token.kind is Kind.BULLET and self._rules.breadcrumbs:
            at = 0
            while (crumb := ahead.peek(at)) is not None and crumb.kind is Kind.BULLET:
                if len(crumb.text.split()) > _MAX_BREADCRUMB_WORDS + 1 or (
                    at and crumb.blanks_before
                ):
                    return None
                at += 1
            return ("breadcrumb", at) if self.starts_article(at) else None
        if token.kind is Kind.TEXT and self._rules.section_label_twice:
            twin = ahead.peek(1)
            if (
                twin is not None
                and twin.text == token.text
                and looks_like_author(token.text)  # a few words, no sentence
                and self.starts_article(2)
            ):
                return "section_label", 2
        return None


def only_captions(between: list[str], headline: str) -> bool:
    """Whether the lines between a headline printed once and its page header can all be
    its captions: none of them could be a headline itself (it has a photo credit, or
    reads as a sentence) unless it is a copy of this one."""
    return all(
        text == headline or has_caption_credit(text) or not looks_like_headline(text)
        for text in between
    )
