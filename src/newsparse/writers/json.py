"""``json``: one array of records, 2-space indent, UTF-8, written incrementally.

The output is byte for byte what ``json.dumps(records, indent=2, ensure_ascii=False)``
gives for the whole list, plus a final newline — but nothing holds the list.
"""

import json
from typing import TextIO

from newsparse.models import Record
from newsparse.writers.base import WriterOptions


class JsonWriter:
    def __init__(self, out: TextIO, options: WriterOptions) -> None:
        self._out = out
        self._count = 0

    def write(self, record: Record) -> None:
        text = json.dumps(record, indent=2, ensure_ascii=False)
        self._out.write("[\n  " if self._count == 0 else ",\n  ")
        self._out.write(text.replace("\n", "\n  "))
        self._count += 1

    def close(self) -> None:
        self._out.write("[]\n" if self._count == 0 else "\n]\n")
