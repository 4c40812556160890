"""Warnings the parser raises, and the report that collects what it saw.

Every warning has a stable code, so users can grep for it and tests can assert it; the
report is how the parser stays honest about what it could not place without printing.
"""

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum


class WarningCode(StrEnum):
    """Stable warning codes; the README lists each with an example."""

    PREAMBLE = "NP101"  # text before the first article
    DATE_UNRESOLVED = "NP102"  # a date line whose date could not be read
    DATE_RELATIVE = "NP103"  # a relative date ("Updated 5 min ago") without --now
    EMPTY_BODY = "NP104"  # an article with a header but no body
    EMPTY_INPUT = "NP105"  # an input with no text at all


@dataclass(frozen=True)
class ParseWarning:
    """Something the user should know about one place in one input."""

    code: WarningCode
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.code} {self.message}"


@dataclass
class ParseReport:
    """What one parse saw besides its records: line counts, dropped chrome, warnings.

    Pass ``on_warning`` to receive warnings as they happen (the CLI prints them at
    once); without it they are kept in ``warnings``.
    """

    on_warning: Callable[[ParseWarning], None] | None = None
    warnings: list[ParseWarning] = field(default_factory=list)
    warning_counts: Counter[WarningCode] = field(default_factory=Counter)
    chrome: Counter[str] = field(default_factory=Counter)
    lines: int = 0
    blank_lines: int = 0
    preamble_lines: int = 0
    articles: int = 0

    def warn(self, code: WarningCode, path: str, line: int, message: str) -> None:
        warning = ParseWarning(code, path, line, message)
        self.warning_counts[code] += 1
        if self.on_warning is None:
            self.warnings.append(warning)
        else:
            self.on_warning(warning)
