"""``jsonl``: one compact record per line, for ``jq``, pandas and Spark."""

from typing import TextIO

import orjson

from newsparse.models import Record
from newsparse.writers.base import WriterOptions


def json_line(record: Record) -> str:
    """One record as one compact JSON Lines line, newline included: byte for byte
    ``json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\\n"``."""
    return orjson.dumps(record, option=orjson.OPT_APPEND_NEWLINE).decode()


class JsonLinesWriter:
    def __init__(self, out: TextIO, options: WriterOptions) -> None:
        self._out = out

    def write(self, record: Record) -> None:
        self._out.write(json_line(record))

    def write_line(self, line: str) -> None:
        """Write a line :func:`json_line` made elsewhere (a worker process) as it is."""
        self._out.write(line)

    def close(self) -> None:
        """JSON Lines has no closing."""
