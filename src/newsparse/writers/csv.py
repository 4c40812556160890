"""``csv``: RFC 4180 with a header row; columns in field order, ``source`` flattened to
``source_path,line_start,line_end``, list fields joined by ``\\n`` in one cell."""

import csv
from typing import Any, TextIO

from newsparse.models import Article, Source
from newsparse.writers.base import Record, RecordWriter


def csv_columns() -> list[str]:
    """Article fields in order, with ``source`` replaced by its flattened columns."""
    columns: list[str] = []
    for name in Article.model_fields:
        if name == "source":
            columns += ["source_path", *(f for f in Source.model_fields if f != "path")]
        else:
            columns.append(name)
    return columns


def csv_row(record: Record) -> list[Any]:
    row: list[Any] = []
    for name, value in record.items():
        if name == "source":
            row += list(value.values())
        elif isinstance(value, list):
            row.append("\n".join(value))
        else:
            row.append("" if value is None else value)
    return row


class CsvWriter(RecordWriter):
    def __init__(self, out: TextIO) -> None:
        self._writer = csv.writer(out, lineterminator="\r\n")
        self._writer.writerow(csv_columns())

    def write_record(self, record: Record) -> None:
        self._writer.writerow(csv_row(record))

    def close(self) -> None:
        """CSV has no closing."""
