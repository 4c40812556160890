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

#: The escapes a cell needs before cells are joined by tabs; line ends are escaped in
#: the joined line, where no escape adds one.
_IN_CELL_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t"})


def tsv_line(cells: Sequence[object]) -> str:
    """The cells as text, escaped and joined by tabs. Escapes are looked for in the
    joined line, as hardly any cell has a backslash or a tab: a cell holds one only if
    the line has more tabs than the join put there."""
    texts = list(map(str, cells))
    line = "\t".join(texts)
    if "\\" in line or line.count("\t") >= len(texts):
        line = "\t".join(text.translate(_IN_CELL_ESCAPES) for text in texts)
    return line.replace("\n", "\\n").replace("\r", "\\r") + "\n"


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
