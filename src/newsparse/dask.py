"""Dask integration: dumps on any filesystem Dask reaches, parsed on any cluster.

    pip install -e '.[dask]'    # from a checkout; pip install 'newsparse[dask]' once published

    from newsparse.dask import RECORD_META, read_dumps
    bag = read_dumps("s3://bucket/dumps/*.txt")            # or a local glob, or a list
    bag.map(json.dumps).to_textfiles("out/*.jsonl", last_endline=True)  # JSON Lines
    bag.to_dataframe(meta=RECORD_META).to_parquet("out/")  # Parquet

(``examples/dask_convert.py`` is this example as a script; the tests run it.)

Each dump is one partition, parsed by the same library code as ``newsparse convert``,
so the records are the ones ``convert --to jsonl`` writes, ``source.path`` included: a
local path as given (relative stays relative), a remote file by its URL. Compressed
dumps (``.gz``, ``.bz2``, ``.xz``, ``.zst``) are decompressed by suffix, as by ``convert``.
"""

import os
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

import dask.bag
import fsspec

from newsparse.diagnostics import ParseReport
from newsparse.errors import InputError
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
    ``storage_options`` go to fsspec (credentials, endpoints). A glob that matches
    nothing raises :class:`InputError`, as a missing input does in ``convert``."""
    files = fsspec.open_files(urlpath_or_paths, mode="rb", compression="infer", **storage_options)
    if not files:
        raise InputError(str(urlpath_or_paths), "no dump matches")
    relative = _all_relative(urlpath_or_paths)
    named = [(file, _source_name(file, relative)) for file in files]
    options = {"now": now, "encoding": encoding, "layout": layout, "fix_text": fix_text}
    return dask.bag.from_sequence(named, npartitions=len(named)).map_partitions(
        _partition_records, options
    )


def _all_relative(urlpath_or_paths: str | Sequence[str]) -> bool:
    """Whether the user named local files relative to the working directory."""
    given = [urlpath_or_paths] if isinstance(urlpath_or_paths, str) else urlpath_or_paths
    return all("://" not in path and not os.path.isabs(path) for path in given)


def _partition_records(
    named: list[tuple["OpenFile", str]], options: dict[str, Any]
) -> list[dict[str, Any]]:
    return [record for file, name in named for record in _records(file, name, options)]


def _source_name(file: "OpenFile", relative: bool) -> str:
    """A local file by its path as ``newsparse convert`` would be given it (relative
    when the user's was), anything else by its URL (``s3://bucket/dumps/a.txt``)."""
    protocols = file.fs.protocol if isinstance(file.fs.protocol, tuple) else (file.fs.protocol,)
    if "file" not in protocols:
        return str(file.full_name)
    return os.path.relpath(file.path) if relative else str(file.path)


def _records(file: "OpenFile", name: str, options: dict[str, Any]) -> Iterator[dict[str, Any]]:
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
