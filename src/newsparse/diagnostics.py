"""Warnings the parser raises, and the report of how it used every line.

Every warning has a stable code and a severity, so users can grep for it, scripts can
count it and tests can assert it. The report is how the parser stays honest without
printing: each line of the input is counted once, as blank, chrome (by kind), preamble,
or a field of a record, and those counts add up to the number of lines.
"""

import logging
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

from newsparse.quoting import safe


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


#: Where warnings go when a parse is given no report. Until the application configures
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
class ParseReport:
    """What one parse saw besides its records: how each line was used, and warnings.

    ``on_warning`` receives warnings as they happen (the CLI prints them at once);
    without it they are kept in ``warnings``. ``on_line`` receives ``(line number,
    use)`` for every non-blank line, the use being a field name, ``preamble``, or
    ``chrome:<kind>`` — the full account, for tests and tools that want it.
    """

    on_warning: Callable[[ParseWarning], None] | None = None
    on_line: Callable[[int, str], None] | None = None
    warnings: list[ParseWarning] = field(default_factory=list)
    warning_counts: Counter[WarningCode] = field(default_factory=Counter)
    lines: int = 0
    blank_lines: int = 0
    preamble_lines: int = 0
    chrome: Counter[str] = field(default_factory=Counter)
    #: Chrome cut from the start of a line whose rest is a field (a crawler's stamp
    #: glued to a headline): counted by kind, not as lines.
    chrome_glued: Counter[str] = field(default_factory=Counter)
    fields: Counter[str] = field(default_factory=Counter)
    articles: int = 0
    coverage: Counter[str] = field(default_factory=Counter)
    #: Articles per layout that parsed them, and the layout of the latest article.
    layouts: Counter[str] = field(default_factory=Counter)
    article_layout: str | None = None

    def warn(self, code: WarningCode, path: str, line: int, message: str) -> None:
        warning = ParseWarning(code, path, line, message)
        self.warning_counts[code] += 1
        if self.on_warning is None:
            self.warnings.append(warning)
        else:
            self.on_warning(warning)

    def count_field(self, line: int, name: str) -> None:
        self.fields[name] += 1
        if self.on_line is not None:
            self.on_line(line, name)

    def count_chrome(self, line: int, kind: str) -> None:
        self.chrome[kind] += 1
        if self.on_line is not None:
            self.on_line(line, f"chrome:{kind}")

    def count_preamble(self, line: int) -> None:
        self.preamble_lines += 1
        if self.on_line is not None:
            self.on_line(line, "preamble")

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
    def errors(self) -> int:
        return sum(n for code, n in self.warning_counts.items() if code.severity is Severity.ERROR)
