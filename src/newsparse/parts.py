"""One big dump across worker processes: where to cut it into parts.

A file is cut where two blank lines or more stand between lines — where pages meet in
every dump seen — near even shares of its size, and each part is parsed by a worker as
if the file began there, with the file's own line numbers. Where the parts are joined
again, and how that is checked, is ``seams``' business.
"""

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from newsparse.compressed import COMPRESSED_SUFFIXES
from newsparse.reader import ascii_compatible

#: Parts are at least this large: each costs a worker's start-up and a check.
MIN_PART_BYTES = 8 << 20
#: How far past the even split of the file a cut is looked for.
_SEARCH_BYTES = 1 << 20
#: Where a part may start: at the first of two or more blank lines.
_GAP = re.compile(rb"\n(?:\r?\n){2,}")
_BLOCK_BYTES = 1 << 20


@dataclass(frozen=True)
class Part:
    """A part of a file: where it starts (byte offset, line number), and the first line
    of the next part (None for the last)."""

    start: int = 0
    first_line: int = 1
    end_line: int | None = None


WHOLE = Part()


def plan_parts(path: str, count: int, codec: str) -> list[Part]:
    """Up to ``count`` parts of the file at ``path``, each at least ``MIN_PART_BYTES``;
    the whole file as one part when it is small, compressed, in an encoding whose lines
    are not split as bytes, or holds a bare carriage return (a line end the byte count
    of lines would miss)."""
    if count < 2 or not splittable(path):
        return [WHOLE]
    try:
        size = os.stat(path).st_size
        count = min(count, size // MIN_PART_BYTES)
        if count < 2 or not ascii_compatible(codec):
            return [WHOLE]
        with open(path, "rb") as stream:
            starts = _cuts(stream, size, count)
            lines = _line_numbers(stream, starts)
    except OSError:
        return [WHOLE]  # the serial parse reports it
    if lines is None:
        return [WHOLE]
    firsts = [1, *lines]
    offsets = [0, *starts]
    ends: list[int | None] = [*lines, None]
    return [Part(o, f, e) for o, f, e in zip(offsets, firsts, ends, strict=True)]


def splittable(path: str) -> bool:
    """Whether the file at ``path`` is worth cutting into parts: large, plain."""
    if Path(path).suffix.lower() in COMPRESSED_SUFFIXES:
        return False
    try:
        return os.stat(path).st_size >= 2 * MIN_PART_BYTES
    except OSError:
        return False


def _cuts(stream: BinaryIO, size: int, count: int) -> list[int]:
    """Byte offsets of the cuts: the first gap after each even share of the file."""
    starts: list[int] = []
    for index in range(1, count):
        target = size * index // count
        if starts and target <= starts[-1]:
            continue
        stream.seek(target)
        gap = _GAP.search(stream.read(_SEARCH_BYTES))
        if gap is not None:
            starts.append(target + gap.start() + 1)
    return starts


def _line_numbers(stream: BinaryIO, starts: list[int]) -> list[int] | None:
    """The line number at each offset of ``starts`` (sorted), counting ``\\n``; None if
    the file holds a carriage return that is not part of ``\\r\\n``."""
    stream.seek(0)
    numbers: list[int] = []
    offset, newlines = 0, 0
    pending = list(starts)
    while block := stream.read(_BLOCK_BYTES):
        if block.endswith(b"\r"):
            block += stream.read(1)
        if block.count(b"\r") != block.count(b"\r\n"):
            return None
        while pending and pending[0] <= offset + len(block):
            numbers.append(newlines + block.count(b"\n", 0, pending.pop(0) - offset) + 1)
        newlines += block.count(b"\n")
        offset += len(block)
    return numbers
