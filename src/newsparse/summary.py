"""What ``newsparse check`` reports about one input, and about all of them.

Built from the events of a run: how every line was used (the :class:`LineAccount`),
every warning, and the span and layout of every record. Pure data: the CLI renders it
as a table or as JSON.
"""

from dataclasses import dataclass, field
from typing import Any

from newsparse.diagnostics import COVERAGE, FIELDS, LineAccount, ParseWarning
from newsparse.models import Record


@dataclass
class InputSummary:
    """The account of one input (or, with ``path="total"``, of several)."""

    path: str
    account: LineAccount = field(default_factory=LineAccount)
    error: str | None = None
    warnings: list[ParseWarning] = field(default_factory=list)
    #: Each record's id, headline, span and layout (``check --format json``).
    spans: list[dict[str, Any]] = field(default_factory=list)

    def as_json(self, *, detail: bool = True) -> dict[str, Any]:
        """A JSON-ready dict; ``detail`` adds every warning and every record's span."""
        data = {"path": self.path, "error": self.error, **account_json(self.account)}
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
            data["records"] = self.spans
        return data


def account_json(account: LineAccount) -> dict[str, Any]:
    """The counts of ``account`` as ``check --format json`` and ``--stats-json`` give
    them."""
    return {
        "lines": account.lines,
        "blank_lines": account.blank_lines,
        "chrome_lines": sum(account.chrome.values()),
        "preamble_lines": account.preamble_lines,
        "field_lines": {name: account.fields[name] for name in FIELDS},
        "articles": account.articles,
        "coverage": {name: account.coverage[name] for name in COVERAGE},
        "chrome": dict(sorted(account.chrome.items())),
        "warnings_by_code": {str(code): n for code, n in sorted(account.warnings.items())},
        "layouts": dict(sorted(account.layouts.items())),
        "warnings": account.warning_count,
        "errors": account.errors,
    }


def span(record: Record, layout: str) -> dict[str, Any]:
    """Where one record came from, and the layout that read it."""
    return {
        "id": record["id"],
        "headline": record["headline"],
        "line_start": record["source"]["line_start"],
        "line_end": record["source"]["line_end"],
        "layout": layout,
    }


def total(summaries: list[InputSummary]) -> InputSummary:
    """The sum of several inputs' accounts."""
    return InputSummary("total", sum((s.account for s in summaries), LineAccount()))
