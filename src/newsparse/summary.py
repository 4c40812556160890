"""What ``newsparse check`` reports about one input, and about all of them.

Built from a :class:`ParseReport` and the records of one parse: how every line was
used, how many records have each field, what chrome was dropped, and every warning.
Pure data: the CLI renders it as a table or as JSON.
"""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from newsparse.diagnostics import COVERAGE, FIELDS, ParseReport, ParseWarning
from newsparse.models import Article


@dataclass
class InputSummary:
    """The account of one input (or, with ``path="total"``, of several)."""

    path: str
    error: str | None = None
    articles: int = 0
    lines: int = 0
    blank_lines: int = 0
    preamble_lines: int = 0
    chrome: Counter[str] = field(default_factory=Counter)
    fields: Counter[str] = field(default_factory=Counter)
    coverage: Counter[str] = field(default_factory=Counter)
    warnings_by_code: Counter[str] = field(default_factory=Counter)
    layouts: Counter[str] = field(default_factory=Counter)
    errors: int = 0
    warnings: list[ParseWarning] = field(default_factory=list)
    records: list[dict[str, Any]] = field(default_factory=list)

    @classmethod
    def of(
        cls, path: str, report: ParseReport, articles: Iterable[tuple[Article, str]] = ()
    ) -> "InputSummary":
        """Summarise a finished parse of ``articles`` (each with the layout that parsed
        it), whose warnings ``report`` kept. ``convert`` passes no articles: it counts
        them, but keeps neither them nor its printed warnings."""
        records = [
            {
                "id": a.id,
                "headline": a.headline,
                "line_start": a.source.line_start,
                "line_end": a.source.line_end,
                "layout": layout,
            }
            for a, layout in articles
        ]
        return cls(
            path=path,
            articles=report.articles,
            lines=report.lines,
            blank_lines=report.blank_lines,
            preamble_lines=report.preamble_lines,
            chrome=Counter(report.chrome),
            fields=Counter(report.fields),
            coverage=Counter(report.coverage),
            warnings_by_code=Counter({str(c): n for c, n in report.warning_counts.items()}),
            layouts=Counter(report.layouts),
            errors=report.errors,
            warnings=list(report.warnings),
            records=records,
        )

    @property
    def warning_count(self) -> int:
        return sum(self.warnings_by_code.values())

    def add(self, other: "InputSummary") -> None:
        """Add ``other``'s counts into this one (for the total)."""
        self.articles += other.articles
        self.lines += other.lines
        self.blank_lines += other.blank_lines
        self.preamble_lines += other.preamble_lines
        self.chrome.update(other.chrome)
        self.fields.update(other.fields)
        self.coverage.update(other.coverage)
        self.warnings_by_code.update(other.warnings_by_code)
        self.layouts.update(other.layouts)
        self.errors += other.errors
        self.records += other.records

    def as_json(self, *, detail: bool = True) -> dict[str, Any]:
        """A JSON-ready dict; ``detail`` adds every warning and every record's span."""
        data: dict[str, Any] = {
            "path": self.path,
            "error": self.error,
            "lines": self.lines,
            "blank_lines": self.blank_lines,
            "chrome_lines": sum(self.chrome.values()),
            "preamble_lines": self.preamble_lines,
            "field_lines": {name: self.fields[name] for name in FIELDS},
            "articles": self.articles,
            "coverage": {name: self.coverage[name] for name in COVERAGE},
            "chrome": dict(sorted(self.chrome.items())),
            "warnings_by_code": dict(sorted(self.warnings_by_code.items())),
            "layouts": dict(sorted(self.layouts.items())),
            "warnings": self.warning_count,
            "errors": self.errors,
        }
        if detail:
            data["warning_list"] = [
                {
                    "path": w.path,
                    "line": w.line,
                    "code": str(w.code),
                    "severity": str(w.severity),
                    "message": w.message,
                }
                for w in self.warnings
            ]
            data["records"] = self.records
        return data


def total(summaries: Iterable[InputSummary]) -> InputSummary:
    """The sum of several inputs' accounts."""
    result = InputSummary(path="total")
    for summary in summaries:
        result.add(summary)
    return result
