"""``jsonl``: one compact record per line, for ``jq``, pandas and Spark.

Lines are made and written as UTF-8 bytes: orjson makes bytes, and a worker's line
reaches the output as the bytes it wrote, never decoded and encoded again.
"""

import codecs
from typing import BinaryIO, TextIO

import orjson

from newsparse.models import Record
from newsparse.writers.base import WriterOptions


def json_line(record: Record) -> bytes:
    """One record as one compact JSON Lines line, newline included, in UTF-8: byte for
    byte ``json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\\n"``."""
    return orjson.dumps(record, option=orjson.OPT_APPEND_NEWLINE)


def _bytes_under(out: TextIO) -> BinaryIO | None:
    """The byte stream under ``out`` if lines can go to it as they are: ``out`` encodes
    UTF-8 and is not line-buffered (a terminal shows each line as it comes). What the
    text layer holds is flushed first. None for anything else (a StringIO)."""
    raw: BinaryIO | None = getattr(out, "buffer", None)
    if raw is None or getattr(out, "line_buffering", False) or not _is_utf8(out):
        return None
    out.flush()
    return raw


def _is_utf8(out: TextIO) -> bool:
    """Whether ``out`` encodes plain UTF-8 (under any of its names; not ``utf-8-sig``,
    whose BOM only the text layer writes)."""
    try:
        return codecs.lookup(getattr(out, "encoding", None) or "").name == "utf-8"
    except LookupError:
        return False


class JsonLinesWriter:
    def __init__(self, out: TextIO, options: WriterOptions) -> None:
        self._out = out
        self._raw = _bytes_under(out)

    def write(self, record: Record) -> None:
        self.write_line(json_line(record))

    def write_line(self, line: bytes) -> None:
        """Write a line :func:`json_line` made, here or in a worker process, as it is."""
        if self._raw is not None:
            self._raw.write(line)
        else:
            self._out.write(line.decode())

    def close(self) -> None:
        """JSON Lines has no closing; what is written is flushed with the stream."""
