"""What every writer shares: records in, as ``Article.model_dump(mode="json")`` gives them."""

from dataclasses import dataclass
from typing import Any, TextIO

from newsparse.models import Article

#: A record ready for output: the article's fields in order, JSON types only.
Record = dict[str, Any]


@dataclass(frozen=True)
class WriterOptions:
    """What a spreadsheet user may ask of the CSV and TSV writers; both off by default,
    so the data stays exact."""

    #: Prefix a cell starting with ``=``, ``+``, ``-`` or ``@`` with ``'``, so a
    #: spreadsheet shows it as text instead of running it as a formula.
    guard_formulas: bool = False
    #: Start the file with a UTF-8 BOM, which Excel needs to read UTF-8.
    bom: bool = False


class RecordWriter:
    """A writer that formats records; :meth:`write` turns an article into one."""

    def __init__(self, out: TextIO, options: WriterOptions) -> None:
        self._out = out
        self._options = options

    def write(self, article: Article) -> None:
        self.write_record(article.model_dump(mode="json"))

    def write_record(self, record: Record) -> None:
        raise NotImplementedError
