"""Reading dumps from files and stdin, line by line, with errors that say where.

Each line is decoded on its own, so a decoding error names its line and byte offset,
and nothing holds more than one line of the file.
"""

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from newsparse.diagnostics import ParseReport
from newsparse.errors import InputError
from newsparse.models import Article
from newsparse.parser import parse_lines

_BOM = b"\xef\xbb\xbf"


def decode_lines(stream: BinaryIO, path: str) -> Iterator[str]:
    """UTF-8 lines of a binary stream, split at ``\\n`` (``\\r`` is split later).

    A UTF-8 BOM at the start is removed; a NUL byte or invalid UTF-8 raises
    :class:`InputError` naming the line and byte offset.
    """
    offset = 0
    for number, raw in enumerate(stream, start=1):
        if number == 1 and raw.startswith(_BOM):
            raw = raw[len(_BOM) :]
            offset = len(_BOM)
        if b"\x00" in raw:
            where = offset + raw.index(b"\x00")
            raise InputError(path, f"NUL byte at byte offset {where}: not a text file", number)
        try:
            yield raw.decode("utf-8")
        except UnicodeDecodeError as error:
            # \r-only line ends make the line number a lower bound; the offset is exact.
            bad = raw[error.start : error.start + 1].hex()
            raise InputError(
                path,
                f"invalid UTF-8 (byte 0x{bad} at byte offset {offset + error.start})",
                number,
            ) from None
        offset += len(raw)


def parse_file(
    path: str | Path,
    *,
    now: datetime | None = None,
    report: ParseReport | None = None,
) -> Iterator[Article]:
    """Parse the dump at ``path`` lazily; the file is open only while iterating."""
    name = str(path)
    try:
        stream = Path(path).open("rb")  # noqa: SIM115 - closed by the generator below
    except OSError as error:
        raise InputError(name, _os_reason(error)) from None
    with stream:
        try:
            yield from parse_lines(decode_lines(stream, name), name, now=now, report=report)
        except OSError as error:
            raise InputError(name, _os_reason(error)) from None


def _os_reason(error: OSError) -> str:
    """``No such file or directory`` rather than ``[Errno 2] No such file ...: 'x'``."""
    return error.strerror or str(error)
