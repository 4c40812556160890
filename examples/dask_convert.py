"""Convert a glob of dumps to JSON Lines and Parquet with Dask.

    pip install 'newsparse[dask]' pyarrow
    python examples/dask_convert.py 'fixtures/dumps/*.txt' out/

Runs on Dask's local scheduler as written; point it at a cluster with
``dask.distributed.Client(...)`` before computing, and at remote storage with a URL
(``s3://bucket/dumps/*.txt``) — the code does not change.
"""

import json
import sys
from pathlib import Path

import pyarrow

from newsparse.dask import RECORD_META, read_dumps

#: The record as Parquet columns: lists of strings, and ``source`` as a struct.
SCHEMA = pyarrow.schema(
    [
        ("id", pyarrow.string()),
        ("headline", pyarrow.string()),
        ("updated", pyarrow.string()),
        ("updated_text", pyarrow.string()),
        ("author", pyarrow.string()),
        ("captions", pyarrow.list_(pyarrow.string())),
        ("bullets", pyarrow.list_(pyarrow.string())),
        ("dateline", pyarrow.string()),
        ("body", pyarrow.string()),
        (
            "source",
            pyarrow.struct(
                [
                    ("path", pyarrow.string()),
                    ("line_start", pyarrow.int64()),
                    ("line_end", pyarrow.int64()),
                ]
            ),
        ),
    ]
)


def main(glob: str, out: Path) -> None:
    bag = read_dumps(glob)
    bag.map(lambda record: json.dumps(record, ensure_ascii=False)).to_textfiles(
        str(out / "jsonl" / "*.jsonl")
    )
    frame = bag.to_dataframe(meta=RECORD_META)
    frame.to_parquet(str(out / "parquet"), schema=SCHEMA, write_index=False)


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]))
