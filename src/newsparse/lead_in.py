"""Site chrome printed before a headline: breadcrumbs, a section label, a masthead, an
aggregator's source name. Such lines look like text; what gives them away is the
headline with its header that follows them (asked of ``boundaries``).
"""

from typing import Final

from newsparse.boundaries import ARTICLE_GAP, Boundaries
from newsparse.fields import looks_like_author, looks_like_label
from newsparse.layouts import Rules
from newsparse.lookahead import Lookahead
from newsparse.patterns import BREADCRUMB_ROOTS, MAX_BREADCRUMB_WORDS
from newsparse.tokens import Kind

#: A masthead: the site's name and tagline, over its site chrome.
_MAX_MASTHEAD: Final = 3
_MAX_MASTHEAD_LINE: Final = 80
#: A site's name or logo glyph printed as one word over a page: "TT", "Ƶ".
_MAX_SITE_NAME: Final = 16
_MAX_SITE_NAME_WORDS: Final = 2


class LeadIn:
    """Site chrome before a headline, found by the headline that follows it."""

    def __init__(self, ahead: Lookahead, bounds: Boundaries, rules: Rules) -> None:
        self._ahead = ahead
        self._bounds = bounds
        self._rules = rules

    def chrome_ahead(self, after_site_chrome: bool = False) -> list[str] | None:
        """Site chrome printed right before the next article's headline, starting at the
        line ahead: breadcrumb bullets (``• Home``, ``• Middle East``, one after the
        other), then a section label printed twice (or once, right after other site
        chrome: ``after_site_chrome``). The chrome kind of each of its lines, or None."""
        if self._plainly_text(after_site_chrome):
            return None
        masthead = self._masthead()
        if masthead:
            return ["masthead"] * masthead
        if self._source_name():
            return ["source_name"]
        kinds = ["breadcrumb"] * self._breadcrumbs()
        at = len(kinds)
        label = self._section_label(at, after_site_chrome or at > 0 or self._stands_apart(at))
        kinds += ["section_label"] * label
        at += label
        if not kinds:
            return None
        starts = (
            self._bounds.starts_article(at)
            or self._bounds.captions_above(at)
            or (label > 0 and self._bounds.starts_without_header(at, after_footer=True))
        )
        return kinds if starts else None

    def _plainly_text(self, after_site_chrome: bool) -> bool:
        """Whether the line ahead can open no lead-in, by itself and the line after it:
        a text line not set apart, neither printed twice nor over a date line (half the
        lines asked, answered without the questions below)."""
        ahead = self._ahead
        token, following = ahead.peek(0), ahead.peek(1)
        assert token is not None  # callers peeked it
        return (
            token.kind is Kind.TEXT
            and token.blanks_before < ARTICLE_GAP
            and not after_site_chrome
            and (
                following is None
                or (following.kind is not Kind.DATE and following.text != token.text)
            )
        )

    def _source_name(self) -> bool:
        """Whether the line ahead is an aggregator's source name ("Express Tribune")
        right over the date line that opens the next article (date, labels, headline)."""
        ahead = self._ahead
        token, date = ahead.peek(0), ahead.peek(1)
        return (
            token is not None
            and date is not None
            and token.kind is Kind.TEXT
            and date.kind is Kind.DATE
            and date.blanks_before == 0
            and looks_like_author(token.text)
            and self._bounds.date_leads(1)
        )

    def _masthead(self) -> int:
        """How many lines of a site's masthead start at the line ahead: a few short lines
        standing apart ("The New Gulf Digest", its tagline) right over site chrome."""
        ahead = self._ahead
        token = ahead.peek(0)
        if token is None or token.blanks_before < ARTICLE_GAP:
            return 0
        at = 0
        while (line := ahead.peek(at)) is not None and line.kind is Kind.TEXT:
            if at == _MAX_MASTHEAD or len(line.text) > _MAX_MASTHEAD_LINE:
                return 0
            if at and line.blanks_before > 1:
                return 0
            at += 1
        return at if line is not None and line.kind is Kind.SITE else 0

    def _stands_apart(self, at: int) -> bool:
        """Whether the line at ``at`` is a word or two standing apart: a site's name, logo
        or section printed over the next page ("Ƶ", "TT", "Special graphic")."""
        token = self._ahead.peek(at)
        return (
            token is not None
            and token.blanks_before >= ARTICLE_GAP
            and len(token.text) <= _MAX_SITE_NAME  # before splitting a headline into words
            and len(token.text.split()) <= _MAX_SITE_NAME_WORDS
        )

    def _breadcrumbs(self) -> int:
        """How many breadcrumb bullets start at the line ahead. A list that ends a story
        is body text: a trail starts at the site's root (``• Home``), or stands apart
        after two or more blank lines with a few words per crumb."""
        ahead = self._ahead
        token = ahead.peek(0)
        if token is None or token.kind is not Kind.BULLET or not self._rules.breadcrumbs:
            return 0
        first = token.text.lstrip("".join(self._rules.bullet_glyphs)).strip()
        rooted = first.lower() in BREADCRUMB_ROOTS
        if not rooted and token.blanks_before < ARTICLE_GAP:
            return 0
        at = 0
        while (crumb := ahead.peek(at)) is not None and crumb.kind is Kind.BULLET:
            if at and crumb.blanks_before:
                break
            if not rooted and len(crumb.text.split()) > MAX_BREADCRUMB_WORDS + 1:
                return 0
            at += 1
        return at

    def _section_label(self, at: int, once: bool) -> int:
        """How many lines of section label (``Middle East`` printed twice, or ``once``
        where other site chrome came just before) stand at ``at``."""
        if not self._rules.section_label_twice:
            return 0
        token = self._ahead.peek(at)
        if token is None or token.kind is not Kind.TEXT or not looks_like_label(token.text):
            return 0
        twin = self._ahead.peek(at + 1)
        if twin is not None and twin.text == token.text:  # .com prints headlines twice too
            return 0 if self._bounds.starts_with_header(at) else 2
        return 1 if once and not self._bounds.starts_article(at) else 0
