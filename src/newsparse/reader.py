"""Decoding dumps line by line, with errors that say where.

UTF-8 (the default) is decoded a block of 64 KiB at a time, cut at a line end; a block
with a problem is read again line by line, so the problem names its line and byte
offset. Nothing holds more than a block, or one line longer than a block. Other
encodings (``--encoding cp1252``, ``utf-16``) go through Python's incremental decoders.

Damage costs as little as it can: bytes that do not decode become U+FFFD and a warning
(NP120) names line and byte offset; what cannot be read on (a NUL byte, a line of more
than ``MAX_LINE_BYTES``, a read error) ends the input with an :class:`InputError` only
after every article before it has been written.
"""

import io
from collections.abc import Callable, Iterator
from itertools import chain
from typing import BinaryIO, NamedTuple

from newsparse.compressed import compressed_hint
from newsparse.diagnostics import ParseHooks, WarningCode
from newsparse.errors import InputError
from newsparse.options import UTF8, text_codec
from newsparse.tally import Tally
from newsparse.text import split_line_ends, split_lines

_BOM = b"\xef\xbb\xbf"

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


class Position(NamedTuple):
    """Where a stream starts in its file: the number of its first line and its byte
    offset, so that messages name the file's lines (a part of a file, in a worker)."""

    line: int = 1
    byte: int = 0


#: The start of a file: line 1, byte 0.
FILE_START = Position()


def decode_lines(
    stream: BinaryIO,
    path: str,
    encoding: str = UTF8,
    progress: Callable[[int], None] | None = None,
    tally: Tally | None = None,
    start: Position = FILE_START,
) -> Iterator[str]:
    """Text lines of a binary stream, each with its line end (split later).

    A BOM at the start of the file (``start`` is where the stream begins) is removed.
    Where lines are split as bytes (UTF-8, cp1252, latin-1 and every other
    ASCII-compatible encoding) bytes that do not decode become
    U+FFFD, and ``tally`` is warned (NP120) with the line and byte offset. A NUL
    character, a line longer than ``MAX_LINE_BYTES`` or bytes a UTF-16/32 decoder
    refuses raise :class:`InputError` naming the line. ``progress`` is called with the
    number of bytes read since its last call, about every megabyte and at the end (for
    ASCII-compatible encodings).
    """
    codec = text_codec(encoding)
    texts = _texts(stream, path, codec, progress, tally, start)
    if texts is None:
        return _lines_by_text(stream, path, codec, start)
    return chain.from_iterable(io.StringIO(text, newline="\n") for text in texts)


def decode_blocks(
    stream: BinaryIO,
    path: str,
    encoding: str = UTF8,
    progress: Callable[[int], None] | None = None,
    tally: Tally | None = None,
    start: Position = FILE_START,
) -> Iterator[list[str]]:
    r"""The lines of :func:`decode_lines`, without their line ends (split at ``\n``,
    ``\r\n`` and a lone ``\r``), handed on a block at a time: the parser's input.
    A list per block rather than a generator step per line: a step per line cost more
    than the split itself."""
    codec = text_codec(encoding)
    texts = _texts(stream, path, codec, progress, tally, start)
    if texts is None:
        wide = _lines_by_text(stream, path, codec, start)
        return (list(split_line_ends((line,))) for line in wide)
    return (lines for text in texts if (lines := split_lines(text)))


def _texts(
    stream: BinaryIO,
    path: str,
    codec: str,
    progress: Callable[[int], None] | None,
    tally: Tally | None,
    start: Position,
) -> Iterator[str] | None:
    """The stream's text a block at a time, where lines are split as bytes; None for
    an encoding that is not ASCII-compatible (UTF-16, UTF-32)."""
    if not ascii_compatible(codec):
        return None
    return _texts_by_bytes(stream, path, codec, tally or Tally(path, ParseHooks()), progress, start)


def _too_long() -> str:
    return f"a line longer than {MAX_LINE_BYTES >> 20} MiB: not a text dump; stopped reading"


def ascii_compatible(codec: str) -> bool:
    """Whether ``\n`` and ``\r`` are single bytes in ``codec``, so lines split as bytes."""
    try:
        return "a\n\r".encode(codec) == b"a\n\r"
    except (UnicodeError, LookupError):
        return False


def _texts_by_bytes(
    stream: BinaryIO,
    path: str,
    codec: str,
    tally: Tally,
    progress: Callable[[int], None] | None,
    start: Position,
) -> Iterator[str]:
    """Text decoded a block at a time (one ``decode`` per block), each piece whole lines
    with their ends. A block with a problem (a NUL byte, bytes that do not decode, a
    line too long) is read again line by line, a piece per line, so the problem knows
    its line and byte offset."""
    # Bytes and lines before the block; bytes read but not yet reported.
    offset, number, pending = start.byte, start.line - 1, 0
    for block in _blocks(stream):
        if progress is not None:
            pending += len(block)
            if pending >= PROGRESS_STEP:
                progress(pending)
                pending = 0
        if offset == 0 and block.startswith(_BOM) and codec == UTF8:
            block = block[len(_BOM) :]
            offset = len(_BOM)
        text = _decoded(block, codec)
        if text is None:
            yield from _checked_lines(io.BytesIO(block), path, codec, tally, number, offset)
        else:
            yield text
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
    stream: BinaryIO, path: str, codec: str, tally: Tally, number: int, offset: int
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
            hint = " (if it is UTF-16, say --encoding utf-16)" if codec == UTF8 else ""
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
                "; name the file's encoding with --encoding, e.g. cp1252" if codec == UTF8 else ""
            )
            tally.warn(WarningCode.UNDECODABLE, number, f"{bad_byte} read as U+FFFD{hint}")
            yield raw.decode(codec, errors="replace")
        offset += len(raw)


def _bad_byte(raw: bytes, error: UnicodeDecodeError, offset: int, codec: str) -> str:
    """``invalid UTF-8 (byte 0xe9 at byte offset 1234)``: the first bad byte of a line.
    \r-only line ends make the line number a lower bound; the offset is exact."""
    bad = raw[error.start : error.start + 1].hex()
    return f"invalid {_name(codec)} (byte 0x{bad} at byte offset {offset + error.start})"


def _lines_by_text(stream: BinaryIO, path: str, codec: str, start: Position) -> Iterator[str]:
    """UTF-16 and UTF-32: Python's incremental decoder, which reads ahead in chunks, so
    an error is located at the line where reading stopped, or after it."""
    # newline="" splits at \n, \r and \r\n and keeps them: each item is one line.
    text = io.TextIOWrapper(stream, encoding=codec, errors="strict", newline="")
    number = start.line - 1
    try:
        # Characters, not bytes: at most 4 bytes each, so memory stays bounded too.
        lines = iter(lambda: text.readline(MAX_LINE_BYTES + 1), "")
        for number, line in enumerate(lines, start.line):
            if len(line) > MAX_LINE_BYTES:
                raise InputError(path, _too_long(), number)
            if "\x00" in line:
                raise InputError(path, f"NUL character: not a {codec} text file", number)
            yield line.removeprefix("\ufeff") if number == 1 and not start.byte else line
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
    return "UTF-8" if codec == UTF8 else codec


def os_reason(error: OSError) -> str:
    """``No such file or directory`` rather than ``[Errno 2] No such file ...: 'x'``."""
    return error.strerror or str(error)
