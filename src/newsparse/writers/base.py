"""What a writer is opened with: where it writes, and what the user asked of it."""

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class WriterOptions:
    """What a spreadsheet user may ask of the CSV and TSV writers; both off by default,
    so the data stays exact."""

    #: Prefix a cell starting with ``=``, ``+``, ``-`` or ``@`` with ``'``, so a
    #: spreadsheet shows it as text instead of running it as a formula.
    guard_formulas: bool = False
    #: Start the file with a UTF-8 BOM, which Excel needs to read UTF-8.
    bom: bool = False


@dataclass(frozen=True)
class SplitTarget:
    """``--split DIR``: one file per article in ``directory`` rather than one stream.
    A file already there is an error, unless ``force``, and then it is replaced."""

    directory: Path
    force: bool = False
