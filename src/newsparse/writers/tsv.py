"""``tsv``: tab-separated values with a header row, the columns of ``csv``.

A cell never holds a raw tab or line end: backslash escapes, as PostgreSQL's text
format, mlr and csvkit read them — ``\\t`` tab, ``\\n`` line feed, ``\\r`` carriage
return, ``\\\\`` backslash. So one line is one record, and ``cut -f`` works.
"""

from collections.abc import Sequence
from typing import TextIO

from newsparse.models import Record
from newsparse.writers.base import WriterOptions
from newsparse.writers.csv import csv_columns, csv_row, start_spreadsheet

_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def tsv_line(cells: Sequence[object]) -> str:
    return "\t".join(str(cell).translate(_ESCAPES) for cell in cells) + "\n"


class TsvWriter:
    def __init__(self, out: TextIO, options: WriterOptions) -> None:
        self._out = out
        self._options = options
        start_spreadsheet(out, options)
        out.write(tsv_line(csv_columns()))

    def write(self, record: Record) -> None:
        self._out.write(tsv_line(csv_row(record, self._options)))

    def close(self) -> None:
        """TSV has no closing."""
