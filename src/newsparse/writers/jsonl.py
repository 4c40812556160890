"""``jsonl``: one compact record per line, for ``jq``, pandas and Spark."""

import json
from typing import TextIO

from newsparse.writers.base import Record, RecordWriter


class JsonLinesWriter(RecordWriter):
    def __init__(self, out: TextIO) -> None:
        self._out = out

    def write_record(self, record: Record) -> None:
        self._out.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")

    def close(self) -> None:
        """JSON Lines has no closing."""
