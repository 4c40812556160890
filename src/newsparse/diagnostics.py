"""Warnings the parser raises, and the account of how it used every line.

Every warning has a stable code and a severity, so users can grep for it, scripts can
count it and tests can assert it. The account is how the parser stays honest without
printing: each line of the input is counted once, as blank, chrome (by kind), preamble,
or a field of a record, and those counts add up to the number of lines. Callers hear
about both as the parse runs through :class:`ParseHooks`; the parser writes both
through a :class:`~newsparse.tally.Tally`.
"""

import logging
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

from newsparse.quoting import safe

if TYPE_CHECKING:
    from newsparse.models import Article


class Severity(StrEnum):
    WARNING = "warning"  # worth knowing; the records are still right
    ERROR = "error"  # a record is probably wrong or text is damaged: `check` exits 1


class WarningCode(StrEnum):
    """Stable warning codes; the README lists each with an example."""

    PREAMBLE = "NP101"  # text before the first article
    DATE_UNRESOLVED = "NP102"  # a date line whose date could not be read
    DATE_RELATIVE = "NP103"  # a relative date ("Updated 5 min ago") without --now
    EMPTY_BODY = "NP104"  # an article with a header but no body
    EMPTY_INPUT = "NP105"  # an input with no text at all
    SINGLE_HEADLINE = "NP106"  # a headline printed once, where its layout prints it again
    NO_BLANK_BOUNDARY = "NP107"  # an article starting right after the last one's text
    MOJIBAKE = "NP108"  # a line that looks like UTF-8 decoded as cp1252 ("â€™")
    NO_ARTICLES = "NP109"  # text, but no article in it
    OTHER_DATE = "NP110"  # a date line inside an article that is not the article's date
    POSSIBLE_ARTICLE = "NP111"  # a body continued past a line that could start an article
    GENERIC_LAYOUT = "NP112"  # no page header found: read with the generic layout
    UNLISTED_DATE = "NP113"  # a date line of a form no layout lists
    UNDECODABLE = "NP120"  # bytes not valid in the encoding, read as U+FFFD (exit 3)

    @property
    def severity(self) -> Severity:
        return Severity.ERROR if self in _ERRORS else Severity.WARNING


#: Where warnings go when a parse is given no ``on_warning`` hook. Until the application configures
#: logging, Python's last-resort handler prints them on stderr; it decides from then on.
logger = logging.getLogger("newsparse")


def log_warning(warning: "ParseWarning") -> None:
    """Log ``warning`` at its severity: ERROR for errors, WARNING for warnings."""
    level = logging.ERROR if warning.severity is Severity.ERROR else logging.WARNING
    logger.log(level, "%s", warning)


_ERRORS = frozenset(
    {
        WarningCode.EMPTY_BODY,
        WarningCode.MOJIBAKE,
        WarningCode.NO_ARTICLES,
        WarningCode.UNDECODABLE,
    }
)
#: Warnings that mean an input was not read as it is: the CLI exits 3 (SPEC §4).
PARTIAL_INPUT = frozenset({WarningCode.UNDECODABLE})

#: The fields a non-blank, non-chrome line can land in.
FIELDS = ("headline", "updated_text", "author", "captions", "bullets", "body")
#: What the coverage counts: records that have each of these.
COVERAGE = ("updated", "author", "captions", "bullets", "dateline")


@dataclass(frozen=True)
class ParseWarning:
    """Something the user should know about one place in one input."""

    code: WarningCode
    path: str
    line: int
    message: str

    @property
    def severity(self) -> Severity:
        return self.code.severity

    def __str__(self) -> str:
        """``path:line: severity: CODE message``, as compilers mark their diagnostics,
        with untrusted text quoted safely."""
        return safe(f"{self.path}:{self.line}: {self.severity}: {self.code} {self.message}")


@dataclass
class LineAccount:
    """How one parse (or, summed with ``+``, several) used its lines: plain counts
    that add up, picklable, so a worker's account travels to the parent as it is.

    Every line is counted once, as blank, chrome (by kind), preamble or a field line:
    :attr:`accounted_lines` equals :attr:`lines` at the end of a parse.
    """

    lines: int = 0
    blank_lines: int = 0
    preamble_lines: int = 0
    chrome: Counter[str] = field(default_factory=Counter)
    #: Chrome cut from the start of a line whose rest is a field (a crawler's stamp
    #: glued to a headline): counted by kind, not as lines.
    chrome_glued: Counter[str] = field(default_factory=Counter)
    fields: Counter[str] = field(default_factory=Counter)
    articles: int = 0
    #: Records that have each of :data:`COVERAGE`.
    coverage: Counter[str] = field(default_factory=Counter)
    #: Articles per layout that parsed them.
    layouts: Counter[str] = field(default_factory=Counter)
    warnings: Counter[WarningCode] = field(default_factory=Counter)

    def __add__(self, other: "LineAccount") -> "LineAccount":
        return LineAccount(
            lines=self.lines + other.lines,
            blank_lines=self.blank_lines + other.blank_lines,
            preamble_lines=self.preamble_lines + other.preamble_lines,
            chrome=self.chrome + other.chrome,
            chrome_glued=self.chrome_glued + other.chrome_glued,
            fields=self.fields + other.fields,
            articles=self.articles + other.articles,
            coverage=self.coverage + other.coverage,
            layouts=self.layouts + other.layouts,
            warnings=self.warnings + other.warnings,
        )

    @property
    def accounted_lines(self) -> int:
        """Lines counted as blank, chrome, preamble or field: equal to ``lines``."""
        return (
            self.blank_lines
            + self.preamble_lines
            + sum(self.chrome.values())
            + sum(self.fields.values())
        )

    @property
    def warning_count(self) -> int:
        return sum(self.warnings.values())

    @property
    def errors(self) -> int:
        """Warnings of error severity (``check`` exits 1 on them)."""
        return sum(n for code, n in self.warnings.items() if code.severity is Severity.ERROR)

    @property
    def partial(self) -> bool:
        """Whether the input was not read as it is (SPEC §4: exit 3)."""
        return any(self.warnings[code] for code in PARTIAL_INPUT)


@dataclass(frozen=True)
class ParseHooks:
    """What a caller wants to hear while a parse runs. Each is optional; without
    ``on_warning`` warnings go to the ``newsparse`` logger.

    ``on_line`` receives ``(line number, use)`` for every non-blank line, the use being
    a field name, ``preamble`` or ``chrome:<kind>``: the full account, for tests and
    tools. ``on_article`` receives each article with the layout that parsed it, before
    the article is yielded. ``on_bytes`` receives the bytes read since its last call,
    about every megabyte (a progress bar). ``on_glued`` receives ``(line number, kind)``
    for chrome cut from the start of a line whose rest is a field (a crawler's stamp
    glued to a headline), counted apart from the lines.
    """

    on_warning: Callable[[ParseWarning], None] = log_warning
    on_line: Callable[[int, str], None] | None = None
    on_article: "Callable[[Article, str], None] | None" = None
    on_bytes: Callable[[int], None] | None = None
    on_glued: Callable[[int, str], None] | None = None
