"""``jsonl``: one compact record per line, for ``jq``, pandas and Spark."""

import json
from typing import TextIO

from newsparse.models import Article


class JsonLinesWriter:
    def __init__(self, out: TextIO) -> None:
        self._out = out

    def write(self, article: Article) -> None:
        record = article.model_dump(mode="json")
        self._out.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")

    def close(self) -> None:
        """JSON Lines has no closing."""
