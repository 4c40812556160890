"""``jsonl``: one compact record per line, for ``jq``, pandas and Spark."""

import json

from newsparse.writers.base import Record, RecordWriter


def json_line(record: Record) -> str:
    """One record as one compact JSON Lines line, newline included."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"


class JsonLinesWriter(RecordWriter):
    def write_record(self, record: Record) -> None:
        self._out.write(json_line(record))

    def write_line(self, line: str) -> None:
        """Write a line :func:`json_line` made elsewhere (a worker process) as it is."""
        self._out.write(line)

    def close(self) -> None:
        """JSON Lines has no closing."""
