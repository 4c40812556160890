"""The article being assembled, and the parser's phases within it.

A :class:`Draft` holds the fields read so far and where in the page they were printed:
the header grammar (``header``), the body rules (``body``) and the generic layout
(``generic``) fill it, and ``record`` turns it into an :class:`~newsparse.models.Article`.
"""

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


class Draft:
    """An article being assembled: one per article, so a plain class with its own
    ``__init__``, which mypyc compiles (a dataclass's would run as Python)."""

    def __init__(self, first: int, last: int, *, headerless: bool = False) -> None:
        self.first = first
        self.last = last
        self.headline = ""
        self.headline_key = ""  # the headline as its copies are compared (fields.headline_key)
        self.headline_no = 0  # the line the headline was taken from
        self.copy_no = 0  # the line of the latest copy of the headline
        self.date: Token | None = None
        self.updated: str | None = None  # the date's ISO value
        self.author: str | None = None
        self.captions: list[str] = []
        self.bullets: list[str] = []
        self.paragraphs: list[str] = []
        self.headline_copies = 0  # later copies of the headline in the header
        #: Line number of the last line of the latest date block (date line, or the lone
        #: ``0`` after it): the author is the line right after.
        self.date_block_end = -1
        #: Line number of the latest bullet or repeated headline: where a credit line
        #: printed at the end of the header (.jp) would follow.
        self.header_end = -1
        self.evidence: set[str] = set()  # layouts whose rules matched
        #: Found by what follows its headline, with no page header (no chrome, no date).
        self.headerless = headerless

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
