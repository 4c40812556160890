"""Convert a glob of dumps to JSON Lines and Parquet with Dask.

    pip install -e '.[dask,parquet]'
    python examples/dask_convert.py 'fixtures/dumps/*.txt' out/

Runs on Dask's local scheduler as written; point it at a cluster with
``dask.distributed.Client(...)`` before computing, and at remote storage with a URL
(``s3://bucket/dumps/*.txt``) — the code does not change.
"""

import json
import sys
from pathlib import Path

from newsparse.dask_reader import RECORD_META, read_dumps
from newsparse.writers.parquet import record_schema


def main(glob: str, out: Path) -> None:
    bag = read_dumps(glob)
    bag.map(lambda record: json.dumps(record, ensure_ascii=False)).to_textfiles(
        str(out / "jsonl" / "*.jsonl"),
        last_endline=True,  # so `cat part-*` is JSON Lines
    )
    frame = bag.to_dataframe(meta=RECORD_META)
    frame.to_parquet(str(out / "parquet"), schema=record_schema(), write_index=False)


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]))
