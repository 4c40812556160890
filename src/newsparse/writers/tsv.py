"""``tsv``: tab-separated values with a header row, the columns of ``csv``.

A cell never holds a raw tab or line end: backslash escapes, as PostgreSQL's text
format, mlr and csvkit read them — ``\\t`` tab, ``\\n`` line feed, ``\\r`` carriage
return, ``\\\\`` backslash. So one line is one record, and ``cut -f`` works.
"""

from typing import TextIO

from newsparse.writers.base import Record, RecordWriter, WriterOptions
from newsparse.writers.csv import csv_columns, csv_row, start_spreadsheet

_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def tsv_line(cells: list[object]) -> str:
    return "\t".join(str(cell).translate(_ESCAPES) for cell in cells) + "\n"


class TsvWriter(RecordWriter):
    def __init__(self, out: TextIO, options: WriterOptions) -> None:
        super().__init__(out, options)
        start_spreadsheet(out, options)
        out.write(tsv_line(list(csv_columns())))

    def write_record(self, record: Record) -> None:
        self._out.write(tsv_line(csv_row(record, self._options)))

    def close(self) -> None:
        """TSV has no closing."""
