"""Dask integration: dumps on any filesystem Dask reaches, parsed on any cluster.

    pip install 'newsparse[dask]'

    from newsparse.dask_reader import RECORD_META, read_dumps
    bag = read_dumps("s3://bucket/dumps/*.txt")            # or a local glob, or a list
    bag.map(json.dumps).to_textfiles("out/*.jsonl")        # JSON Lines, one file per dump
    bag.to_dataframe(meta=RECORD_META).to_parquet("out/")  # Parquet

(``examples/dask_convert.py`` is this example as a script; the tests run it.)

Each dump is one partition, parsed by the same library code as ``newsparse convert``,
so the records are the ones ``convert --to jsonl`` writes, ``source.path`` included: a
local path as given (relative stays relative), a remote file by its URL. Compressed
dumps (``.gz``, ``.bz2``, ``.xz``, ``.zst``) are decompressed by suffix, as by ``convert``.
A dump that cannot be read does not stop the job: its problem, and every parse
warning, is in the second bag of :func:`read_dumps_and_warnings`.
"""

import io
import os
from collections.abc import Iterator, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any

import dask.bag
import fsspec

from newsparse.diagnostics import ParseHooks, ParseWarning
from newsparse.errors import InputError
from newsparse.options import DEFAULT_OPTIONS, ParseOptions
from newsparse.parsing import parse_stream
from newsparse.reader import os_reason

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
#: The code of a problem that is not a parse warning: a dump that could not be read
#: (in whole, or from some line on).
UNREADABLE = "unreadable"

_RECORD = "record"
_WARNING = "warning"


def read_dumps(
    urlpath_or_paths: str | Sequence[str],
    options: ParseOptions = DEFAULT_OPTIONS,
    **storage_options: Any,
) -> dask.bag.Bag:
    """A bag of record dicts (``Article.model_dump(mode="json")``), one partition per
    dump. ``urlpath_or_paths`` is a glob, a URL fsspec understands, or a list of them;
    ``storage_options`` go to fsspec (credentials, endpoints). A dump that cannot be
    read gives the records before the problem, and no error: see
    :func:`read_dumps_and_warnings` for what went wrong. A glob that matches nothing
    raises :class:`InputError`, as a missing input does in ``convert``."""
    records, _ = read_dumps_and_warnings(urlpath_or_paths, options, **storage_options)
    return records


def read_dumps_and_warnings(
    urlpath_or_paths: str | Sequence[str],
    options: ParseOptions = DEFAULT_OPTIONS,
    **storage_options: Any,
) -> tuple[dask.bag.Bag, dask.bag.Bag]:
    """The bag of :func:`read_dumps`, and a bag of what went wrong: one dict per parse
    warning (``path``, ``line``, ``code``, ``severity``, ``message``, as ``convert``
    prints them) and per dump that could not be read (``code`` ``"unreadable"``). Both
    come from one parse: ``dask.compute(records, warnings)`` reads each dump once."""
    files = fsspec.open_files(urlpath_or_paths, mode="rb", compression="infer", **storage_options)
    if not files:
        raise InputError(str(urlpath_or_paths), "no dump matches")
    relative = _all_relative(urlpath_or_paths)
    named = [(file, _source_name(file, relative)) for file in files]
    tagged = dask.bag.from_sequence(named, npartitions=len(named)).map_partitions(
        _partition_items, options
    )
    records = tagged.filter(partial(_tagged, _RECORD)).pluck(1)
    warnings = tagged.filter(partial(_tagged, _WARNING)).pluck(1)
    return records, warnings


def _tagged(tag: str, item: tuple[str, dict[str, Any]]) -> bool:
    return item[0] == tag


def _all_relative(urlpath_or_paths: str | Sequence[str]) -> bool:
    """Whether the user named local files relative to the working directory."""
    given = [urlpath_or_paths] if isinstance(urlpath_or_paths, str) else urlpath_or_paths
    return all("://" not in path and not os.path.isabs(path) for path in given)


def _partition_items(
    named: list[tuple["OpenFile", str]], options: ParseOptions
) -> list[tuple[str, dict[str, Any]]]:
    return [item for file, name in named for item in _items(file, name, options)]


def _source_name(file: "OpenFile", relative: bool) -> str:
    """A local file by its path as ``newsparse convert`` would be given it (relative
    when the user's was), anything else by its URL (``s3://bucket/dumps/a.txt``)."""
    protocols = file.fs.protocol if isinstance(file.fs.protocol, tuple) else (file.fs.protocol,)
    if "file" not in protocols:
        return str(file.full_name)
    return os.path.relpath(file.path) if relative else str(file.path)


def _items(
    file: "OpenFile", name: str, options: ParseOptions
) -> Iterator[tuple[str, dict[str, Any]]]:
    """One dump's records, then its warnings, then why it could not be read, if so."""
    warnings: list[ParseWarning] = []
    failure = None
    try:
        # fsspec's remote files read a line without a limit: io's buffer keeps
        # reader.MAX_LINE_BYTES a bound on memory there too.
        with file as stream, io.BufferedReader(stream) as buffered:
            for article in parse_stream(buffered, name, options, ParseHooks(warnings.append)):
                yield _RECORD, dict(article.record())
    except InputError as error:
        failure = error
    except OSError as error:  # could not be opened (fsspec opens on entering)
        failure = InputError(name, os_reason(error))
    yield from ((_WARNING, _warning(w)) for w in warnings)
    if failure is not None:
        yield _WARNING, _unreadable(failure)


def _warning(warning: ParseWarning) -> dict[str, Any]:
    return {
        "path": warning.path,
        "line": warning.line,
        "code": str(warning.code),
        "severity": str(warning.severity),
        "message": warning.message,
    }


def _unreadable(error: InputError) -> dict[str, Any]:
    return {
        "path": error.path,
        "line": error.line,
        "code": UNREADABLE,
        "severity": "error",
        "message": error.reason,  # raw, as parse warnings' messages: escape to display
    }
