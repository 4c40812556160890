"""``parquet``: the record as typed columns, for DuckDB, Spark and pandas.

An optional extra (``pip install -e '.[parquet]'``), as pyarrow is large. Records are
gathered into row groups of :data:`ROWS_PER_GROUP` and each group is written when it
fills, so memory holds one group, not the dump. List fields are ``list<string>`` and
``source`` is a struct, so nothing needs parsing after loading.
"""

from typing import TYPE_CHECKING, Any, TextIO

from newsparse.errors import UsageError
from newsparse.extras import install_hint
from newsparse.models import Record
from newsparse.writers.base import WriterOptions

if TYPE_CHECKING:
    import pyarrow

#: Rows per row group: about 5 MB of typical articles, small enough for flat memory and
#: large enough for the column statistics and compression to pay off.
ROWS_PER_GROUP = 1000

INSTALL_HINT = f"Parquet output needs pyarrow: {install_hint('parquet')}"


def record_schema() -> "pyarrow.Schema":
    """The record as Parquet columns, in field order (SPEC §3)."""
    import pyarrow

    text = pyarrow.string()
    return pyarrow.schema(
        [
            ("id", text),
            ("headline", text),
            ("updated", text),
            ("updated_text", text),
            ("author", text),
            ("captions", pyarrow.list_(text)),
            ("bullets", pyarrow.list_(text)),
            ("dateline", text),
            ("body", text),
            (
                "source",
                pyarrow.struct(
                    [("path", text), ("line_start", pyarrow.int64()), ("line_end", pyarrow.int64())]
                ),
            ),
        ]
    )


class ParquetWriter:
    """Writes to the binary stream under ``out``: Parquet is bytes, not text."""

    def __init__(self, out: TextIO, options: WriterOptions) -> None:
        try:
            import pyarrow.parquet
        except ImportError:
            raise UsageError(INSTALL_HINT) from None
        self._schema = record_schema()
        self._file: Any = pyarrow.parquet.ParquetWriter(out.buffer, self._schema)
        self._rows: list[Record] = []

    def write(self, record: Record) -> None:
        self._rows.append(record)
        if len(self._rows) >= ROWS_PER_GROUP:
            self._write_group()

    def _write_group(self) -> None:
        import pyarrow

        self._file.write_table(pyarrow.Table.from_pylist(self._rows, schema=self._schema))
        self._rows.clear()

    def close(self) -> None:
        """Write the last row group and the footer; the stream stays open."""
        if self._rows:
            self._write_group()
        self._file.close()
