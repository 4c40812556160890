"""``csv``: RFC 4180 with a header row; columns in field order, ``source`` flattened to
``source_path,line_start,line_end``, list fields joined by ``\\n`` in one cell.

The spreadsheet options (:class:`WriterOptions`) apply here and to ``tsv``.
"""

import csv
from typing import Any, TextIO

from newsparse.models import Article, Source
from newsparse.writers.base import Record, RecordWriter, WriterOptions

#: What a spreadsheet reads as the start of a formula (OWASP's CSV injection list).
FORMULA_STARTS = ("=", "+", "-", "@")


def csv_columns() -> list[str]:
    """Article fields in order, with ``source`` replaced by its flattened columns."""
    columns: list[str] = []
    for name in Article.model_fields:
        if name == "source":
            columns += ["source_path", *(f for f in Source.model_fields if f != "path")]
        else:
            columns.append(name)
    return columns


def csv_row(record: Record, options: WriterOptions) -> list[Any]:
    row: list[Any] = []
    for name, value in record.items():
        if name == "source":
            row += list(value.values())
        elif isinstance(value, list):
            row.append("\n".join(value))
        else:
            row.append("" if value is None else value)
    if options.guard_formulas:
        row = [guard_formula(cell) if isinstance(cell, str) else cell for cell in row]
    return row


def guard_formula(cell: str) -> str:
    """``cell`` with a ``'`` in front when a spreadsheet would run it as a formula."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def start_spreadsheet(out: TextIO, options: WriterOptions) -> None:
    """The BOM, when asked for: Excel reads a UTF-8 file as UTF-8 only with one."""
    if options.bom:
        out.write("\ufeff")


class CsvWriter(RecordWriter):
    def __init__(self, out: TextIO, options: WriterOptions) -> None:
        super().__init__(out, options)
        start_spreadsheet(out, options)
        self._writer = csv.writer(out, lineterminator="\r\n")
        self._writer.writerow(csv_columns())

    def write_record(self, record: Record) -> None:
        self._writer.writerow(csv_row(record, self._options))

    def close(self) -> None:
        """CSV has no closing."""
