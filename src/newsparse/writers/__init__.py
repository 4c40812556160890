"""Output formats: one writer module per format behind one registry (SPEC §3).

A writer is opened on a text stream (or, for ``--split``, a directory), receives
records one at a time and writes each at once, so memory never grows with the number of
articles. Adding a format is one module and one line in ``WRITERS``.
"""

from collections.abc import Callable
from enum import StrEnum
from typing import Protocol, TextIO

from newsparse.errors import UsageError
from newsparse.models import Record
from newsparse.writers.base import SplitTarget, WriterOptions
from newsparse.writers.csv import CsvWriter
from newsparse.writers.json import JsonWriter
from newsparse.writers.jsonl import JsonLinesWriter
from newsparse.writers.markdown import MarkdownSplitWriter, MarkdownWriter
from newsparse.writers.parquet import ParquetWriter
from newsparse.writers.tsv import TsvWriter


class Format(StrEnum):
    JSON = "json"
    JSONL = "jsonl"
    CSV = "csv"
    TSV = "tsv"
    MD = "md"
    PARQUET = "parquet"


class Writer(Protocol):
    """Writes records to one target, one call per article."""

    def write(self, record: Record) -> None:
        """Write one record (``Article.record()``, or a worker's line read back)."""

    def close(self) -> None:
        """Write whatever closes the document (``]`` for JSON); never closes the stream."""


WRITERS: dict[Format, Callable[[TextIO, WriterOptions], Writer]] = {
    Format.JSON: JsonWriter,
    Format.JSONL: JsonLinesWriter,
    Format.CSV: CsvWriter,
    Format.TSV: TsvWriter,
    Format.MD: MarkdownWriter,
    Format.PARQUET: ParquetWriter,
}

#: The formats that can also be written one file per article (``--split``).
SPLIT_WRITERS: dict[Format, Callable[[SplitTarget, WriterOptions], Writer]] = {
    Format.MD: MarkdownSplitWriter,
}

#: The formats a spreadsheet opens, which the :class:`WriterOptions` are for.
SPREADSHEET_FORMATS = frozenset({Format.CSV, Format.TSV})

#: File extensions that name a format, for ``-o`` without ``--to``.
EXTENSIONS: dict[str, Format] = {
    ".json": Format.JSON,
    ".jsonl": Format.JSONL,
    ".ndjson": Format.JSONL,
    ".csv": Format.CSV,
    ".tsv": Format.TSV,
    ".md": Format.MD,
    ".markdown": Format.MD,
    ".parquet": Format.PARQUET,
}


def open_writer(
    fmt: Format, target: TextIO | SplitTarget, options: WriterOptions | None = None
) -> Writer:
    """A writer of ``fmt`` on ``target``: a text stream (binary formats write to its
    ``buffer``), or a directory to fill with one file per article."""
    options = options or WriterOptions()
    if not isinstance(target, SplitTarget):
        return WRITERS[fmt](target, options)
    if fmt not in SPLIT_WRITERS:
        can = ", ".join(SPLIT_WRITERS)
        raise UsageError(f"{fmt} cannot be written one file per article; {can} can")
    return SPLIT_WRITERS[fmt](target, options)
