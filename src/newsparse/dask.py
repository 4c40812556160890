"""Dask integration: dumps on any filesystem Dask reaches, parsed on any cluster.

    pip install 'newsparse[dask]'

    from newsparse.dask import RECORD_META, read_dumps
    bag = read_dumps("s3://bucket/dumps/*.txt")            # or a local glob, or a list
    bag.map(json.dumps).to_textfiles("out/*.jsonl")        # JSON Lines, one file per dump
    bag.to_dataframe(meta=RECORD_META).to_parquet("out/")  # Parquet

(``examples/dask_convert.py`` is this example as a script; the tests run it.)

Each dump is one partition, parsed by the same library code as ``newsparse convert``,
so the records are the ones ``convert --to jsonl`` writes, ``source.path`` included.
"""

from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

import dask.bag
import fsspec

from newsparse.diagnostics import ParseReport
from newsparse.layouts import Layout
from newsparse.parser import parse_lines
from newsparse.reader import decode_lines

if TYPE_CHECKING:
    from fsspec.core import OpenFile

#: Column types of a record, for ``Bag.to_dataframe(meta=RECORD_META)``: lists and the
#: source object are kept as Python objects.
RECORD_META: dict[str, Any] = {
    "id": str,
    "headline": str,
    "updated": object,
    "updated_text": object,
    "author": object,
    "captions": object,
    "bullets": object,
    "dateline": object,
    "body": str,
    "source": object,
}


def read_dumps(
    urlpath_or_paths: str | Sequence[str],
    *,
    now: datetime | None = None,
    encoding: str = "utf-8",
    layout: str | Layout | None = None,
    fix_text: Callable[[str], str] | None = None,
    **storage_options: Any,
) -> dask.bag.Bag:
    """A bag of record dicts (``Article.model_dump(mode="json")``), one partition per
    dump. ``urlpath_or_paths`` is a glob, a URL fsspec understands, or a list of them;
    ``storage_options`` go to fsspec (credentials, endpoints)."""
    files = fsspec.open_files(urlpath_or_paths, mode="rb", **storage_options)
    options = {"now": now, "encoding": encoding, "layout": layout, "fix_text": fix_text}
    return dask.bag.from_sequence(files, npartitions=max(1, len(files))).map_partitions(
        _partition_records, options
    )


def _partition_records(files: list["OpenFile"], options: dict[str, Any]) -> list[dict[str, Any]]:
    return [record for file in files for record in _records(file, options)]


def _source_name(file: "OpenFile") -> str:
    """A local file by its path (what ``newsparse convert`` would be given), anything
    else by its URL (``s3://bucket/dumps/a.txt``)."""
    protocols = file.fs.protocol if isinstance(file.fs.protocol, tuple) else (file.fs.protocol,)
    return str(file.path) if "file" in protocols else str(file.full_name)


def _records(file: "OpenFile", options: dict[str, Any]) -> Iterator[dict[str, Any]]:
    name = _source_name(file)
    with file as stream:
        lines = decode_lines(stream, name, options["encoding"])
        articles = parse_lines(
            lines,
            name,
            now=options["now"],
            report=ParseReport(),
            fix_text=options["fix_text"],
            layout=options["layout"],
        )
        for article in articles:
            yield article.model_dump(mode="json")
