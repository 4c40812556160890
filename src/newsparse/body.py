"""The body: paragraphs until the next article starts (SPEC §2, *Boundaries*).

Each body line is asked first whether it is chrome printed before the next headline,
then whether the next article starts there (``boundaries`` answers, looking ahead),
and only then taken: as a footer, stray chrome, a repeated or mid-body caption, or a
paragraph.
"""

from typing import Final

from newsparse.boundaries import ARTICLE_GAP
from newsparse.diagnostics import WarningCode
from newsparse.draft import Draft, Step
from newsparse.fields import has_caption_credit
from newsparse.header import HeaderGrammar
from newsparse.patterns import MID_BODY_CAPTION_BLANKS
from newsparse.taking import ALWAYS_CHROME, quote
from newsparse.tokens import Kind, Token

#: The chrome kind of a photo label in a story ("img 4", web.toml): a caption follows.
_PHOTO_LABEL: Final = "photo_label"
#: No line of site chrome before a headline (a masthead, a label) is longer.
_MAX_LEAD_IN_LINE: Final = 80
#: After a footer, lines up to this long are more footer ("Most recent World stories");
#: a longer one is a paragraph, and the story goes on.
_MAX_FOOTER_LINE: Final = 80


def _is_footer_line(token: Token) -> bool:
    return token.kind is not Kind.DATE and len(token.text) <= _MAX_FOOTER_LINE


class BodyRules(HeaderGrammar):
    """The body of an article: its lines taken until the next article starts."""

    def _in_body(self, draft: Draft, token: Token) -> Step:
        """Take one body line, or the chrome printed before the next headline; or leave
        ``token`` when it starts the next article."""
        if self._drop_chrome_lead_in(token):  # first: a label printed twice reads as a copy
            return Step.LEAD_IN
        if self._starts_here(token, draft):
            return Step.NEXT_ARTICLE
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
        elif self._is_mid_body_caption(token):
            self._take_caption(draft, token)
        else:
            self._take_paragraph(draft, token)
        return Step.LINE

    def _take_paragraph(self, draft: Draft, token: Token) -> None:
        """Take ``token`` as a paragraph, warning when it looks like what it is not."""
        if token.blanks_before >= ARTICLE_GAP and self._bounds.could_start_article(0):
            self._warn(
                WarningCode.POSSIBLE_ARTICLE,
                token.no,
                f"{quote(token.text)} stands apart like a headline, but nothing after it "
                f"confirms one: kept in the body of {quote(draft.headline)}",
            )
        self._take(token, "body")
        draft.paragraphs.append(token.text)
        if token.kind is Kind.DATE:
            self._warn(
                WarningCode.OTHER_DATE,
                token.no,
                f"date line {quote(token.text)} inside the article "
                f"{quote(draft.headline)} is not its date; kept as a paragraph",
            )

    def _drop_chrome_lead_in(self, token: Token) -> bool:
        """Drop ``token``, the line ahead, if it is chrome wherever it stands (site
        chrome, a footer), or the breadcrumbs or twice-printed section label before a
        headline."""
        if token.kind in ALWAYS_CHROME:
            self._drop_always_chrome(token)
            return True
        if token.kind is Kind.TEXT and len(token.text) > _MAX_LEAD_IN_LINE:
            return False  # a paragraph, the common case
        lead_in = self._lead_in.chrome_ahead(self._after_site_chrome)
        if lead_in is None:
            return False
        for kind in lead_in:
            crumb = self._ahead.peek(0)
            assert crumb is not None  # lead_in peeked it
            self._drop(crumb, kind)
        self._after_site_chrome = True
        return True

    def _starts_here(self, token: Token, draft: Draft | None) -> bool:
        """Whether an article starts at ``token``, the line ahead, after ``draft`` (None:
        before the first). After a footer a headline confirmed by what follows needs no
        gap of blank lines before it; after a teaser or site chrome, one blank line."""
        bounds = self._bounds
        ahead = self._ahead
        closed = self._after_footer or (
            token.blanks_before > 0
            and (self._after_site_chrome or (draft is not None and draft.is_teaser))
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
