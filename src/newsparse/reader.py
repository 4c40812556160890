"""Reading dumps from files and stdin, line by line, with errors that say where.

UTF-8 (the default) is decoded one line at a time, so a decoding error names its line
and byte offset, and nothing holds more than one line of the file. Other encodings
(``--encoding cp1252``, ``utf-16``) go through Python's incremental decoders.
"""

import codecs
import io
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from newsparse.compressed import compressed_hint, decompression_errors, open_dump
from newsparse.dates import as_now
from newsparse.diagnostics import ParseReport
from newsparse.errors import InputError
from newsparse.layouts import Layout
from newsparse.models import Article
from newsparse.parser import parse_lines

_BOM = b"\xef\xbb\xbf"
_UTF8 = "utf-8"


#: Bytes read between two calls of a progress callback.
PROGRESS_STEP = 1 << 20


def decode_lines(
    stream: BinaryIO,
    path: str,
    encoding: str = _UTF8,
    progress: Callable[[int], None] | None = None,
) -> Iterator[str]:
    """Text lines of a binary stream, each with its line end (split later).

    A BOM at the start is removed. A NUL character or bytes that do not decode raise
    :class:`InputError` naming the line and, where lines are split as bytes (UTF-8,
    cp1252, latin-1 and every other ASCII-compatible encoding), the byte offset.
    ``progress`` is called with the number of bytes read since its last call, about
    every megabyte and at the end (for ASCII-compatible encodings).
    """
    codec = codecs.lookup(encoding).name
    if codec == "utf-8-sig":
        codec = _UTF8  # the BOM is removed anyway
    if _ascii_compatible(codec):
        raw_lines = stream if progress is None else _counted(stream, progress)
        return _lines_by_bytes(raw_lines, path, codec)
    return _lines_by_text(stream, path, codec)


def _counted(stream: Iterable[bytes], progress: Callable[[int], None]) -> Iterator[bytes]:
    """The lines of ``stream``, reporting the bytes read about every ``PROGRESS_STEP``."""
    pending = 0
    for line in stream:
        pending += len(line)
        if pending >= PROGRESS_STEP:
            progress(pending)
            pending = 0
        yield line
    progress(pending)


def _ascii_compatible(codec: str) -> bool:
    """Whether ``\n`` and ``\r`` are single bytes in ``codec``, so lines split as bytes."""
    try:
        return "a\n\r".encode(codec) == b"a\n\r"
    except (UnicodeError, LookupError):
        return False


def _lines_by_bytes(stream: Iterable[bytes], path: str, codec: str) -> Iterator[str]:
    """One line decoded at a time: errors know their line and byte offset."""
    offset = 0
    for number, raw in enumerate(stream, start=1):
        if number == 1 and raw.startswith(_BOM) and codec == _UTF8:
            raw = raw[len(_BOM) :]
            offset = len(_BOM)
        if b"\x00" in raw:
            where = offset + raw.index(b"\x00")
            hint = " (if it is UTF-16, say --encoding utf-16)" if codec == _UTF8 else ""
            hint = _compressed(raw, number) or hint
            raise InputError(
                path,
                f"NUL byte at byte offset {where}: not a {_name(codec)} text file{hint}",
                number,
            )
        try:
            yield raw.decode(codec)
        except UnicodeDecodeError as error:
            # \r-only line ends make the line number a lower bound; the offset is exact.
            bad = raw[error.start : error.start + 1].hex()
            where = offset + error.start
            hint = (
                "; name the file's encoding with --encoding, e.g. --encoding cp1252"
                if codec == _UTF8
                else ""
            )
            hint = _compressed(raw, number) or hint
            raise InputError(
                path, f"invalid {_name(codec)} (byte 0x{bad} at byte offset {where}){hint}", number
            ) from None
        offset += len(raw)


def _lines_by_text(stream: BinaryIO, path: str, codec: str) -> Iterator[str]:
    """UTF-16 and UTF-32: Python's incremental decoder, which reads ahead in chunks, so
    an error is located at the line where reading stopped, or after it."""
    # newline="" splits at \n, \r and \r\n and keeps them: each item is one line.
    text = io.TextIOWrapper(stream, encoding=codec, errors="strict", newline="")
    number = 0
    try:
        for number, line in enumerate(text, start=1):  # `number` is read in except too
            if "\x00" in line:
                raise InputError(path, f"NUL character: not a {codec} text file", number)
            yield line.removeprefix("\ufeff") if number == 1 else line
    except UnicodeDecodeError as error:
        raise InputError(
            path,
            f"cannot decode as {codec} at or after this line ({error.reason}); check --encoding",
            number + 1,
        ) from None
    finally:
        text.detach()


def _compressed(raw: bytes, number: int) -> str | None:
    """A hint for compressed data without its suffix, on the first line only."""
    hint = compressed_hint(raw) if number == 1 else None
    return None if hint is None else f"; {hint}"


def _name(codec: str) -> str:
    return "UTF-8" if codec == _UTF8 else codec


def parse_file(
    path: str | Path,
    *,
    now: datetime | str | None = None,
    report: ParseReport | None = None,
    encoding: str = "utf-8",
    fix_text: Callable[[str], str] | None = None,
    layout: str | Layout | None = None,
    progress: Callable[[int], None] | None = None,
) -> Iterator[Article]:
    """Parse the dump at ``path`` lazily; the file is open only while iterating.
    ``.gz``, ``.bz2``, ``.xz`` and ``.zst`` files are decompressed as they are read.
    A file that cannot be read raises :class:`InputError` (an ``OSError``) then.

    See :func:`newsparse.parse_lines` for ``now``, ``report``, ``fix_text`` and ``layout``,
    and :func:`decode_lines` for ``progress``.
    """
    moment = as_now(now)  # a bad `now` fails at the call, not at the first article
    return _parse_file(str(path), moment, report, encoding, fix_text, layout, progress)


def _parse_file(
    name: str,
    now: datetime | None,
    report: ParseReport | None,
    encoding: str,
    fix_text: Callable[[str], str] | None,
    layout: str | Layout | None,
    progress: Callable[[int], None] | None,
) -> Iterator[Article]:
    try:
        stream = open_dump(name)
    except ModuleNotFoundError as error:  # .zst without zstandard
        raise InputError(name, str(error)) from None
    except OSError as error:
        raise InputError(name, _os_reason(error)) from None
    with stream:
        try:
            lines = decode_lines(stream, name, encoding, progress)
            yield from parse_lines(
                lines, name, now=now, report=report, fix_text=fix_text, layout=layout
            )
        except InputError:
            raise  # already names the file and line
        except OSError as error:
            raise InputError(name, _os_reason(error)) from None
        except decompression_errors() as error:
            raise InputError(name, f"damaged archive: {error}") from None


def _os_reason(error: OSError) -> str:
    """``No such file or directory`` rather than ``[Errno 2] No such file ...: 'x'``."""
    return error.strerror or str(error)
