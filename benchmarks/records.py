"""Measure what one record costs on its way out, stage by stage, in µs per record.

    python benchmarks/records.py                 # 50,000 records, best of 3
    python benchmarks/records.py --count 10000 --repeat 1

The records are those of ``fixtures/expected/real-joined.jsonl`` (every real page
shape), cycled to ``--count``. Stages, in the order the parser and a writer run them:

- ``id``: the SHA-256 of headline and body alone;
- ``validate``: ``Article(...)`` given an id, which it checks by hashing again;
- ``from_content``: the parser's way, which hashes once (``id`` included);
- ``model_dump`` and ``record``: the article as a record, by pydantic and by hand;
- ``write FMT``: each text writer writing the record to /dev/null as UTF-8.
"""

import argparse
import json
import os
import time
from collections.abc import Callable, Iterator
from itertools import cycle, islice
from pathlib import Path
from typing import Any, TextIO

from newsparse.models import Article, Source, article_id
from newsparse.writers import Format, open_writer

ROOT = Path(__file__).resolve().parent.parent
RECORDS = ROOT / "fixtures" / "expected" / "real-joined.jsonl"


def timed(stage: Callable[[Any], object], items: list[Any], count: int, repeat: int) -> float:
    """Best µs per item of ``stage`` over ``count`` items cycled from ``items``."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for item in islice(cycle(items), count):
            stage(item)
        best = min(best, time.perf_counter() - start)
    return best / count * 1e6


def validate(record: dict[str, Any]) -> Article:
    """The article as a user builds it: a ``Source``, then the ``Article`` with its id."""
    return Article(**record | {"source": Source(**record["source"])})


def from_content(content: dict[str, Any]) -> Article:
    """The article as the parser builds it: the id, then the ``Article`` and its source."""
    return Article.from_content(**content)


#: A stage's name, what it does to one item, and the items it takes.
Stage = tuple[str, Callable[[Any], object], list[Any]]


def stages(records: list[dict[str, Any]], sink: TextIO) -> Iterator[Stage]:
    articles = [validate(record) for record in records]
    yield "id", lambda r: article_id(r["headline"], r["body"]), records
    yield "validate", validate, records
    contents = [{name: value for name, value in r.items() if name != "id"} for r in records]
    yield "from_content", from_content, contents
    yield "model_dump", lambda a: a.model_dump(mode="json"), articles
    yield "record", Article.record, articles
    for fmt in (Format.JSONL, Format.JSON, Format.CSV, Format.TSV, Format.MD):
        yield f"write {fmt}", open_writer(fmt, sink).write, records


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=50_000, help="records per stage")
    parser.add_argument("--repeat", type=int, default=3, help="runs per stage; the best counts")
    args = parser.parse_args()
    with RECORDS.open(encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines]
    print(f"{args.count} records ({len(records)} distinct), best of {args.repeat}")
    print(f"{'stage':<14} {'µs/record':>10}")
    with open(os.devnull, "w", encoding="utf-8", newline="") as sink:
        for name, stage, items in stages(records, sink):
            print(f"{name:<14} {timed(stage, items, args.count, args.repeat):>10.2f}")


if __name__ == "__main__":
    main()
