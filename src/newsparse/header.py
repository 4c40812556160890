"""The header grammar: from a headline to its first paragraph (SPEC §2).

Between the headline and the page header stand captions; the header holds chrome, the
date block (date line, lone comment count, author), the headline printed again and
bullets. Each phase method takes the token ahead (pops it) or leaves it for the next
phase, and says which phase comes next.
"""

from typing import Final

from newsparse.draft import Draft, Phase
from newsparse.fields import (
    byline_name,
    has_caption_credit,
    looks_like_author,
    split_dateline,
)
from newsparse.record import RecordFinisher
from newsparse.tokens import Kind, Token

#: A credit line at the end of the header is a name or an outlet: "Arab News Japan".
_MAX_CREDIT_WORDS: Final = 5


class HeaderGrammar(RecordFinisher):
    """The lines between a headline and its first paragraph, phase by phase."""

    def _before_header(self, draft: Draft, token: Token) -> Phase:
        """Between the headline and the first chrome or date line: captions."""
        kind = token.kind
        if kind is Kind.CHROME or kind is Kind.DATE:
            return Phase.HEADER
        if kind is Kind.BULLET:
            return Phase.BULLETS
        if kind is Kind.GALLERY:
            self._drop(token, "gallery_counter")
            return Phase.BEFORE_HEADER
        return self._before_header_text(draft, token)

    def _before_header_text(self, draft: Draft, token: Token) -> Phase:
        """A text line between the headline and the page header."""
        if draft.is_headline_copy(token.text):
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
            return Phase.BULLETS
        elif self._is_header_caption(draft, token):
            self._take_caption(draft, token)
        else:
            return Phase.BODY
        return Phase.BEFORE_HEADER

    def _in_header(self, draft: Draft, token: Token, phase: Phase) -> Phase:
        """The date block and what surrounds it, then bullets, until the body starts."""
        kind = token.kind
        if kind is Kind.TEXT:
            return self._header_text(draft, token, phase)
        if kind is Kind.DATE:
            return self._header_date(draft, token, phase)
        if kind is Kind.BULLET:
            self._take_bullet(draft, token)
            draft.header_end = token.no
            return Phase.BULLETS
        if kind is Kind.COMMENT_COUNT and token.no == draft.date_block_end + 1:
            self._drop(token, "comment_count")
            draft.date_block_end = token.no
        elif kind is Kind.CHROME or kind is Kind.GALLERY:
            assert token.chrome is not None  # set for every chrome kind
            self._drop(token, token.chrome)
        else:
            return Phase.BODY
        return phase

    def _header_date(self, draft: Draft, token: Token, phase: Phase) -> Phase:
        """The article's date line, or the same date printed again; another date is
        never dropped, but kept (and warned about) in the body."""
        if draft.date is None:
            self._take_date(draft, token)
        elif token.text == draft.date.text or self._same_date(draft, token):
            self._drop(token, "repeated_date_block")
        else:
            return Phase.BODY
        draft.date_block_end = token.no
        return phase

    def _header_text(self, draft: Draft, token: Token, phase: Phase) -> Phase:
        """A text line in the header: the headline's copy, the author, a caption, a
        summary point; or the first paragraph, which ends the header."""
        text = token.text
        right_after_date = token.no == draft.date_block_end + 1
        if draft.is_headline_copy(text):
            self._drop_headline_copy(draft, token)
        elif self._repeats_author(draft, token):  # "By John Smith" printed again
            self._drop(token, "repeated_date_block" if right_after_date else "repeated_author")
        elif draft.author is None and self._is_author_line(draft, token, right_after_date):
            self._take_author(draft, token)
        elif phase is Phase.HEADER and text in draft.captions:
            self._drop(token, "repeated_caption")
        elif self._is_summary_line(draft, token):
            self._take_bullet(draft, token)
        elif (
            phase is Phase.HEADER
            and draft.date is None
            and self._bounds.caption_ahead(draft.headline, before_date=True)
        ):
            # Between the headline and the date block, chrome or not: a caption (SPEC).
            self._take_caption(draft, token)
        elif self._bounds.summaries(0):  # summary points printed without a glyph
            self._take_bullet(draft, token)
            draft.header_end = token.no
            return Phase.BULLETS
        elif phase is Phase.HEADER and self._is_caption_after_date(token):
            self._take_caption(draft, token)
        else:
            return Phase.BODY
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

    def _is_summary_line(self, draft: Draft, token: Token) -> bool:
        """arab.news and compact .pk pages print a one-line summary right under the
        headline (or a copy of it) and right over the date line, no blank around."""
        return token.no - 1 in (draft.headline_no, draft.copy_no) and self._bounds.summary_at(0)

    def _read_date_first_headline(self, draft: Draft) -> None:
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

    def _is_header_caption(self, draft: Draft, token: Token) -> bool:
        """Whether a line between the headline and the page header is a caption: any
        line there (SPEC), but in an article with no header only a credited line or
        one printed twice; after a date line printed first, only when a header follows."""
        if draft.headerless:
            following = self._ahead.peek(1)  # `token` is still at offset 0
            return has_caption_credit(token.text) or (
                following is not None and following.text == token.text
            )
        return not draft.date_first or self._bounds.caption_ahead(draft.headline)

    def _is_author_line(self, draft: Draft, token: Token, right_after_date: bool) -> bool:
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
