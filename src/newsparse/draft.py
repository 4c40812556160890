"""The article being assembled, and the parser's phases within it.

A :class:`Draft` holds the fields read so far and where in the page they were printed:
the header grammar (``header``), the body rules (``body``) and the generic layout
(``generic``) fill it, and ``record`` turns it into an :class:`~newsparse.models.Article`.
"""

from dataclasses import dataclass, field
from enum import Enum, auto

from newsparse.fields import headline_key, is_headline_copy
from newsparse.tokens import Token


class Step(Enum):
    """What one step of the body did with the line ahead."""

    LINE = auto()  # took it into this article
    LEAD_IN = auto()  # dropped it as chrome printed before the next headline
    NEXT_ARTICLE = auto()  # left it: it starts the next article


class Phase(Enum):
    BEFORE_HEADER = auto()  # between the headline and the first chrome or date line
    HEADER = auto()  # chrome, date block, author, repeated headline
    BULLETS = auto()
    BODY = auto()


@dataclass
class Draft:
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

    @property
    def is_teaser(self) -> bool:
        """Whether this is a listing page's teaser so far: a headline with points or a
        byline, no header and no body."""
        return self.headerless and not self.paragraphs and bool(self.bullets or self.author)
