"""The generic layout: a dump with no page headers (SPEC: *Boundaries*).

Articles are separated by two or more blank lines (or a footer), the first line of each
its headline; between the headline and the first paragraph may stand a date line, a
byline, captions and bullets. Listing pages' teasers (a headline and its byline) end
at the byline.
"""

from typing import Final

from newsparse.body import BodyRules
from newsparse.boundaries import ARTICLE_GAP
from newsparse.draft import Draft
from newsparse.models import Article
from newsparse.tokens import Kind, Token

#: A section label over a headline on a listing page: "Djeddah", "Special graphic".
_MAX_SECTION_LABEL_WORDS: Final = 2


class GenericLayout(BodyRules):
    """Articles of a dump without page headers, split at gaps and footers."""

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
        draft = Draft(first=start.no, last=start.no, headerless=True)
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

    def _ends_teaser(self, draft: Draft, token: Token, closed: bool) -> bool:
        """Whether a teaser ended before ``token``: after its byline, or where the next
        headline is confirmed."""
        if closed:
            return token.chrome is None
        if self._repeats_author(draft, token):
            return False
        return (
            bool(draft.headline)
            and token.kind is Kind.TEXT
            and (self._after_footer or (token.blanks_before > 0 and draft.is_teaser))
            and self._bounds.starts_without_header(0, after_footer=True)
        )

    def _generic_header_line(self, draft: Draft, token: Token) -> bool:
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
