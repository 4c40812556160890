"""``json``: one array of records, 2-space indent, UTF-8, written incrementally.

The output is byte for byte what ``json.dumps(records, indent=2, ensure_ascii=False)``
gives for the whole list, plus a final newline — but nothing holds the list.
"""

from typing import TextIO

import orjson

from newsparse.models import Record
from newsparse.writers.base import WriterOptions


class JsonWriter:
    def __init__(self, out: TextIO, options: WriterOptions) -> None:
        self._out = out
        self._count = 0

    def write(self, record: Record) -> None:
        # A record indented by 2 as a document, then by 2 more as an item of the array:
        # a newline in a string is escaped, so every "\n" here starts a line.
        text = orjson.dumps(record, option=orjson.OPT_INDENT_2).decode()
        self._out.write(("[\n  " if self._count == 0 else ",\n  ") + text.replace("\n", "\n  "))
        self._count += 1

    def close(self) -> None:
        self._out.write("[]\n" if self._count == 0 else "\n]\n")
