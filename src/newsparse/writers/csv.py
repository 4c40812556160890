"""``csv``: RFC 4180 with a header row; columns in field order, ``source`` flattened to
``source_path,line_start,line_end``, list fields joined by ``\\n`` in one cell.

The spreadsheet options (:class:`WriterOptions`) apply here and to ``tsv``.
"""

from typing import TextIO

from newsparse.models import Article, Record, Source
from newsparse.writers.base import WriterOptions

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


def csv_row(record: Record, options: WriterOptions) -> list[str]:
    """The cells of :func:`csv_columns`, all text: null is empty, a list is its items
    joined by ``\\n``. Spelled out, as each key has its own type (a loop testing types
    cost more than building the row); ``test_writers`` reads every column back by name."""
    source = record["source"]
    row = [
        record["id"],
        record["headline"],
        record["updated"] or "",
        record["updated_text"] or "",
        record["author"] or "",
        "\n".join(record["captions"]),
        "\n".join(record["bullets"]),
        record["dateline"] or "",
        record["body"],
        source["path"],
        str(source["line_start"]),
        str(source["line_end"]),
    ]
    return [guard_formula(cell) for cell in row] if options.guard_formulas else row


def csv_line(cells: list[str]) -> str:
    """One RFC 4180 line: byte for byte what ``csv.writer(out, lineterminator="\\r\\n")``
    writes (``test_writers`` compares them on any text), at a fraction of its cost, as
    the csv module copies every cell a character at a time."""
    return ",".join([_quoted(cell) for cell in cells]) + "\r\n"


def _quoted(cell: str) -> str:
    """``cell`` quoted, its quotes doubled, when it holds a quote, a comma or a line end."""
    if '"' in cell:
        return '"' + cell.replace('"', '""') + '"'
    if "," in cell or "\n" in cell or "\r" in cell:
        return f'"{cell}"'
    return cell


def guard_formula(cell: str) -> str:
    """``cell`` with a ``'`` in front when a spreadsheet would run it as a formula."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def start_spreadsheet(out: TextIO, options: WriterOptions) -> None:
    """The BOM, when asked for: Excel reads a UTF-8 file as UTF-8 only with one."""
    if options.bom:
        out.write("\ufeff")


class CsvWriter:
    def __init__(self, out: TextIO, options: WriterOptions) -> None:
        self._out = out
        self._options = options
        start_spreadsheet(out, options)
        out.write(csv_line(csv_columns()))

    def write(self, record: Record) -> None:
        self._out.write(csv_line(csv_row(record, self._options)))

    def close(self) -> None:
        """CSV has no closing."""
