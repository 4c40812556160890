"""Reading dumps from files and stdin, line by line, with errors that say where.

UTF-8 (the default) is decoded a block of 64 KiB at a time, cut at a line end; a block
with a problem is read again line by line, so the problem names its line and byte
offset. Nothing holds more than a block, or one line longer than a block. Other
encodings (``--encoding cp1252``, ``utf-16``) go through Python's incremental decoders.

Damage costs as little as it can: bytes that do not decode become U+FFFD and a warning
(NP120) names line and byte offset; what cannot be read on (a NUL byte, a line of more
than ``MAX_LINE_BYTES``, a read error) ends the input with an :class:`InputError` only
after every article before it has been written.
"""

import codecs
import io
import itertools
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from newsparse.compressed import compressed_hint, decompression_errors, open_dump
from newsparse.dates import as_now
from newsparse.diagnostics import ParseReport, WarningCode, log_warning
from newsparse.errors import InputError, UsageError
from newsparse.layouts import Layout
from newsparse.models import Article
from newsparse.parser import parse_decoded_lines

_BOM = b"\xef\xbb\xbf"
_UTF8 = "utf-8"

#: Bytes decoded at once: enough that per-block work vanishes, few enough that a block
#: and its text stay in the CPU's cache (64 KiB decoded 40 MB faster than 1 MiB, and
#: without the 16 MB more memory a megabyte's text takes, 4 bytes a character).
BLOCK_BYTES = 1 << 16
#: Bytes read between two calls of a progress callback.
PROGRESS_STEP = 1 << 20
#: The longest line read (16 MiB; the longest real paragraph is a few kB): past it an
#: input is not a text dump (``/dev/zero``, a binary without newlines), and memory stays
#: bounded however long the "line" would be.
MAX_LINE_BYTES = 16 << 20


def text_codec(encoding: str) -> str:
    """The codec name of ``encoding``; :class:`UsageError` for an unknown one or one that
    does not turn bytes into text (``rot13``, ``base64``, ``hex``)."""
    try:
        codec = codecs.lookup(encoding).name
        "".encode(codec)  # LookupError for codecs that are not text encodings
    except LookupError:
        raise UsageError(f"--encoding: unknown text encoding {encoding!r}") from None
    return _UTF8 if codec == "utf-8-sig" else codec  # the BOM is removed anyway


def decode_lines(
    stream: BinaryIO,
    path: str,
    encoding: str = _UTF8,
    progress: Callable[[int], None] | None = None,
    report: ParseReport | None = None,
) -> Iterator[str]:
    """Text lines of a binary stream, each with its line end (split later).

    A BOM at the start is removed. Where lines are split as bytes (UTF-8, cp1252,
    latin-1 and every other ASCII-compatible encoding) bytes that do not decode become
    U+FFFD, and ``report`` is warned (NP120) with the line and byte offset. A NUL
    character, a line longer than ``MAX_LINE_BYTES`` or bytes a UTF-16/32 decoder
    refuses raise :class:`InputError` naming the line. ``progress`` is called with the
    number of bytes read since its last call, about every megabyte and at the end (for
    ASCII-compatible encodings).
    """
    codec = text_codec(encoding)
    if _ascii_compatible(codec):
        return _lines_by_bytes(stream, path, codec, report or ParseReport(), progress)
    return _lines_by_text(stream, path, codec)


def _too_long() -> str:
    return f"a line longer than {MAX_LINE_BYTES >> 20} MiB: not a text dump; stopped reading"


def _ascii_compatible(codec: str) -> bool:
    """Whether ``\n`` and ``\r`` are single bytes in ``codec``, so lines split as bytes."""
    try:
        return "a\n\r".encode(codec) == b"a\n\r"
    except (UnicodeError, LookupError):
        return False


def _lines_by_bytes(
    stream: BinaryIO,
    path: str,
    codec: str,
    report: ParseReport,
    progress: Callable[[int], None] | None,
) -> Iterator[str]:
    """Lines decoded a block at a time: one ``decode`` and one split in C per block.
    A block with a problem (a NUL byte, bytes that do not decode, a line too long) is
    read again line by line, so the problem knows its line and byte offset."""
    offset = number = pending = 0  # bytes and lines before the block; bytes unreported
    for block in _blocks(stream):
        if progress is not None:
            pending += len(block)
            if pending >= PROGRESS_STEP:
                progress(pending)
                pending = 0
        if offset == 0 and block.startswith(_BOM) and codec == _UTF8:
            block = block[len(_BOM) :]
            offset = len(_BOM)
        text = _decoded(block, codec)
        if text is None:
            yield from _checked_lines(io.BytesIO(block), path, codec, report, number, offset)
        else:
            yield from io.StringIO(text, newline="\n")  # split at \n only, ends kept
        offset += len(block)
        number += block.count(b"\n")
    if progress is not None:
        progress(pending)


def _blocks(stream: BinaryIO) -> Iterator[bytes]:
    """``stream`` in blocks of about ``BLOCK_BYTES``, each cut after a line end (the last
    may end without one). A block grows past that only for a line longer than a block,
    and stops growing past ``MAX_LINE_BYTES``, where it is refused."""
    # read1: what is there, up to a block; a pipe's lines are not held back for a block.
    read = getattr(stream, "read1", stream.read)
    pending: list[bytes] = []  # the start of a line longer than a chunk, kept in pieces
    size = 0  # the bytes in `pending`
    while chunk := read(BLOCK_BYTES):
        cut = chunk.rfind(b"\n") + 1  # only the new bytes are searched: linear however long
        if cut == 0 and size + len(chunk) <= MAX_LINE_BYTES:
            pending.append(chunk)
            size += len(chunk)
            continue
        cut = cut or len(chunk)  # a line too long, refused where it is read line by line
        yield b"".join((*pending, chunk[:cut]))
        rest = chunk[cut:]
        pending, size = ([rest], len(rest)) if rest else ([], 0)
    if pending:
        yield b"".join(pending)


def _decoded(block: bytes, codec: str) -> str | None:
    """``block`` decoded, or None when it needs reading line by line."""
    if b"\x00" in block or len(block) > MAX_LINE_BYTES:
        return None
    try:
        return block.decode(codec)
    except UnicodeDecodeError:
        return None


def _checked_lines(
    stream: BinaryIO, path: str, codec: str, report: ParseReport, number: int, offset: int
) -> Iterator[str]:
    """One line decoded at a time, none longer than ``MAX_LINE_BYTES``; ``number`` lines
    and ``offset`` bytes come before ``stream`` in the input."""
    readline = stream.readline
    while raw := readline(MAX_LINE_BYTES + 1):
        number += 1
        if len(raw) > MAX_LINE_BYTES:
            raise InputError(path, _too_long(), number)
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
            bad_byte = _bad_byte(raw, error, offset, codec)
            compressed = _compressed(raw, number)
            if compressed is not None:  # an archive without its suffix: no text to read
                raise InputError(path, bad_byte + compressed, number) from None
            hint = (
                "; name the file's encoding with --encoding, e.g. cp1252" if codec == _UTF8 else ""
            )
            report.warn(WarningCode.UNDECODABLE, path, number, f"{bad_byte} read as U+FFFD{hint}")
            yield raw.decode(codec, errors="replace")
        offset += len(raw)


def _bad_byte(raw: bytes, error: UnicodeDecodeError, offset: int, codec: str) -> str:
    """``invalid UTF-8 (byte 0xe9 at byte offset 1234)``: the first bad byte of a line.
    \r-only line ends make the line number a lower bound; the offset is exact."""
    bad = raw[error.start : error.start + 1].hex()
    return f"invalid {_name(codec)} (byte 0x{bad} at byte offset {offset + error.start})"


def _lines_by_text(stream: BinaryIO, path: str, codec: str) -> Iterator[str]:
    """UTF-16 and UTF-32: Python's incremental decoder, which reads ahead in chunks, so
    an error is located at the line where reading stopped, or after it."""
    # newline="" splits at \n, \r and \r\n and keeps them: each item is one line.
    text = io.TextIOWrapper(stream, encoding=codec, errors="strict", newline="")
    number = 0
    try:
        # Characters, not bytes: at most 4 bytes each, so memory stays bounded too.
        for number, line in enumerate(iter(lambda: text.readline(MAX_LINE_BYTES + 1), ""), 1):
            if len(line) > MAX_LINE_BYTES:
                raise InputError(path, _too_long(), number)
            if "\x00" in line:
                raise InputError(path, f"NUL character: not a {codec} text file", number)
            yield line.removeprefix("\ufeff") if number == 1 else line
    except UnicodeError as error:  # UnicodeDecodeError, or "does not start with BOM"
        reason = error.reason if isinstance(error, UnicodeDecodeError) else str(error)
        hint = (
            "; without a BOM, name the byte order: --encoding utf-16-le or utf-16-be"
            if "BOM" in reason
            else "; check --encoding"
        )
        raise InputError(
            path, f"cannot decode as {codec} at or after this line ({reason}){hint}", number + 1
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
    and :func:`decode_lines` for ``progress``. An input that cannot be read to its end
    raises :class:`InputError` after the articles before the problem.
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
        raise InputError(name, os_reason(error)) from None
    with stream:
        yield from _parse_stream(stream, name, now, report, encoding, fix_text, layout, progress)


def parse_stream(
    stream: BinaryIO,
    name: str,
    *,
    now: datetime | str | None = None,
    report: ParseReport | None = None,
    encoding: str = "utf-8",
    fix_text: Callable[[str], str] | None = None,
    layout: str | Layout | None = None,
    progress: Callable[[int], None] | None = None,
) -> Iterator[Article]:
    """Parse a binary stream (a file, stdin, a remote file) named ``name``; see
    :func:`parse_file`. A bad ``now`` fails here, at the call."""
    moment = as_now(now)
    return _parse_stream(stream, name, moment, report, encoding, fix_text, layout, progress)


def _parse_stream(
    stream: BinaryIO,
    name: str,
    now: datetime | None,
    report: ParseReport | None,
    encoding: str,
    fix_text: Callable[[str], str] | None,
    layout: str | Layout | None,
    progress: Callable[[int], None] | None,
) -> Iterator[Article]:
    report = ParseReport(on_warning=log_warning) if report is None else report
    failure: list[InputError] = []

    def lines_until_failure() -> Iterator[str]:
        """The stream's lines; a failure ends them, so the parser finishes the articles
        it holds (its lookahead) before the failure is raised."""
        try:
            yield from decode_lines(stream, name, encoding, progress, report)
        except InputError as error:
            failure.append(error)
        except OSError as error:
            failure.append(InputError(name, os_reason(error)))
        except Exception as error:  # not BaseException: GeneratorExit passes untouched
            if not isinstance(error, decompression_errors()):
                raise
            failure.append(InputError(name, f"damaged archive: {error}"))

    lines = lines_until_failure()
    first = next(lines, None)
    if first is None and failure:  # nothing read: not an empty input (NP105) either
        raise failure[0]
    lines = lines if first is None else itertools.chain([first], lines)
    yield from parse_decoded_lines(
        lines, name, now=now, report=report, fix_text=fix_text, layout=layout
    )
    if failure:
        raise failure[0]


def os_reason(error: OSError) -> str:
    """``No such file or directory`` rather than ``[Errno 2] No such file ...: 'x'``."""
    return error.strerror or str(error)
