"""Output formats: one writer module per format behind one registry (SPEC §3).

A writer is opened on a text stream, receives articles one at a time and writes each
at once, so memory never grows with the number of articles. Adding a format is one
module and one line in ``WRITERS``.
"""

from collections.abc import Callable
from enum import StrEnum
from typing import Protocol, TextIO

from newsparse.models import Article
from newsparse.writers.base import Record, WriterOptions
from newsparse.writers.csv import CsvWriter
from newsparse.writers.json import JsonWriter
from newsparse.writers.jsonl import JsonLinesWriter
from newsparse.writers.markdown import MarkdownWriter
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
    """Writes articles to one text stream, one call per article."""

    def write(self, article: Article) -> None: ...

    def write_record(self, record: Record) -> None:
        """Write a record as ``Article.model_dump(mode="json")`` gives it: records read
        back from worker processes are written without being validated twice."""

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


def open_writer(fmt: Format, out: TextIO, options: WriterOptions | None = None) -> Writer:
    """A writer of ``fmt`` on ``out``; binary formats write to ``out.buffer``."""
    return WRITERS[fmt](out, options or WriterOptions())
