"""A run over many inputs: parsed one after another, or by worker processes, with the
same events in the same order either way.

:func:`run` is the one place that decides serial or parallel; ``convert`` and ``check``
— and any library user — are loops over its events: an :class:`Output` per record, then
a :class:`Finished` per input. Workers write their records to temporary files (so memory
holds one record at a time per process) and the parent replays them in input order, so
the output and the warnings are byte for byte those of a serial run.
"""

import os
import signal
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

import orjson

from newsparse.diagnostics import LineAccount, ParseHooks, ParseWarning
from newsparse.errors import InputError, OutputError, WorkerError
from newsparse.inputs import STDIN
from newsparse.models import Article, Record
from newsparse.options import ParseOptions
from newsparse.parsing import Articles, parse_file, parse_stream
from newsparse.writers.jsonl import json_line

#: Worker processes are capped at this many per CPU (and at the number of inputs).
MAX_JOBS_PER_CPU = 2


class Output:
    """One record leaving the run, with the layout that parsed it. A worker's record
    arrives as its JSON line and is read back only if the writer needs a record; a
    JSON Lines writer takes the line as it is."""

    __slots__ = ("_line", "_record", "id", "layout")

    def __init__(
        self, id: str, layout: str, record: Record | None = None, line: str | None = None
    ) -> None:
        self.id = id
        self.layout = layout
        self._record = record
        self._line = line

    def record(self) -> Record:
        if self._record is None:
            assert self._line is not None  # one of the two is always given
            self._record = orjson.loads(self._line)
        return self._record

    def json_line(self) -> str:
        if self._line is None:
            self._line = json_line(self.record())
        return self._line


@dataclass
class Finished:
    """One input done: how its lines were used and, if it could not be read (to its
    end, or at all), why."""

    path: str
    account: LineAccount = field(default_factory=LineAccount)
    error: str | None = None
    #: Its size on disk (0 when unknown): what a progress bar advances by.
    size: int = 0

    @property
    def read(self) -> bool:
        """Whether the input gave records, or was read to its end."""
        return self.account.articles > 0 or self.error is None


Event = Output | Finished


@dataclass(frozen=True)
class RunHooks:
    """What a caller hears besides the events: warnings as they are found, and the
    bytes read (a progress bar)."""

    on_warning: Callable[[ParseWarning], None]
    on_bytes: Callable[[int], None] | None = None


def run(
    inputs: Sequence[str | InputError], options: ParseOptions, hooks: RunHooks, *, jobs: int = 1
) -> Iterator[Event]:
    """Parse ``inputs`` (file paths, ``-`` for stdin, or errors found while expanding
    them — see ``inputs.find_dumps``) and yield their events in input order.

    ``jobs`` above 1 parses the inputs in that many worker processes (never more than
    the inputs, nor ``MAX_JOBS_PER_CPU`` per CPU); stdin is always read serially.
    """
    files = [name for name in inputs if isinstance(name, str)]
    jobs = min(jobs, len(files), MAX_JOBS_PER_CPU * (os.cpu_count() or 1))
    if jobs > 1 and STDIN not in files:
        return _parallel(inputs, options, hooks, jobs)
    return _serial(inputs, options, hooks)


def _serial(
    inputs: Sequence[str | InputError], options: ParseOptions, hooks: RunHooks
) -> Iterator[Event]:
    latest = _LatestLayout()
    parse_hooks = ParseHooks(hooks.on_warning, on_article=latest, on_bytes=hooks.on_bytes)
    for name in inputs:
        if isinstance(name, InputError):
            yield Finished(name.path, error=str(name))
            continue
        articles = _parse(name, options, parse_hooks)
        error = None
        try:
            for article in articles:
                yield Output(article.id, latest.layout, article.record())
        except InputError as failure:
            error = str(failure)
        yield Finished(name, articles.account, error)


class _LatestLayout:
    """``on_article``: the layout of the article about to be yielded."""

    layout = ""

    def __call__(self, _: Article, layout: str) -> None:
        self.layout = layout


def _parse(name: str, options: ParseOptions, hooks: ParseHooks) -> Articles:
    if name == STDIN:
        stdin: BinaryIO = sys.stdin.buffer
        return parse_stream(stdin, name, options, hooks)
    return parse_file(name, options, hooks)


# --- in worker processes ------------------------------------------------------------


@dataclass
class _WorkerResult:
    """What a worker sends back: everything but the records, which are in a file."""

    finished: Finished
    warnings: list[ParseWarning]
    records_path: str


def _parse_to_file(name: str, options: ParseOptions, directory: str) -> _WorkerResult:
    """Parse the file ``name`` into a temporary file in ``directory``: one line per
    record, ``id <tab> layout <tab> JSON line`` (JSON escapes tabs inside strings)."""
    warnings: list[ParseWarning] = []
    latest = _LatestLayout()
    hooks = ParseHooks(on_warning=warnings.append, on_article=latest)
    fd, path = tempfile.mkstemp(suffix=".tsv", dir=directory)
    articles = parse_file(name, options, hooks)
    error = None
    with open(fd, "w", encoding="utf-8", newline="\n") as out:
        try:
            for article in articles:
                out.write(_tagged_line(article, latest.layout))
        except InputError as failure:
            error = str(failure)
    finished = Finished(name, articles.account, error, _size_of(name))
    return _WorkerResult(finished, warnings, path)


def _tagged_line(article: Article, layout: str) -> str:
    return f"{article.id}\t{layout}\t{json_line(article.record())}"


def _size_of(name: str) -> int:
    try:
        return Path(name).stat().st_size
    except OSError:
        return 0


def _exit_quietly_on_signals() -> None:
    """Worker initialiser: on Ctrl-C, SIGTERM or SIGHUP a worker just ends; the parent
    reports it, once, and removes the files."""
    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, lambda number, _: os._exit(128 + number))


# --- in the parent ------------------------------------------------------------------


def _parallel(
    inputs: Sequence[str | InputError], options: ParseOptions, hooks: RunHooks, jobs: int
) -> Iterator[Event]:
    """Interrupted (Ctrl-C, SIGTERM, SIGHUP), the workers are killed, not waited for,
    and the files removed."""
    with (
        tempfile.TemporaryDirectory(prefix="newsparse-") as directory,
        _workers(jobs) as pool,
    ):
        futures = [
            name
            if isinstance(name, InputError)
            else pool.submit(_parse_to_file, name, options, directory)
            for name in inputs
        ]
        for name, future in zip(inputs, futures, strict=True):
            if isinstance(future, InputError):
                yield Finished(future.path, error=str(future))
                continue
            result = _result(str(name), future, directory)
            for warning in result.warnings:
                hooks.on_warning(warning)
            yield from _replay(result.records_path)
            if hooks.on_bytes is not None:
                hooks.on_bytes(result.finished.size)
            yield result.finished


def _result(name: str, future: "Future[_WorkerResult]", directory: str) -> _WorkerResult:
    try:
        return future.result()
    except BrokenProcessPool:
        raise WorkerError(
            f"{name}: a worker process died before finishing (killed, or out of memory?); "
            "rerun with --jobs 1"
        ) from None
    except OSError as error:  # not the input's (InputError is caught by the worker)
        raise OutputError(
            directory,
            f"a worker could not write its records there ({error.strerror or error}); "
            "free some space or point TMPDIR elsewhere",
        ) from None


def _replay(path: str) -> Iterator[Output]:
    """A worker's records, in order; the file is removed once read."""
    try:
        with open(path, encoding="utf-8", newline="\n") as stream:
            for tagged in stream:
                record_id, layout, line = tagged.split("\t", 2)
                yield Output(record_id, layout, line=line)
    finally:
        os.unlink(path)


@contextmanager
def _workers(jobs: int) -> Iterator[ProcessPoolExecutor]:
    """A process pool that, left by an exception (Ctrl-C, SIGTERM), kills its workers
    rather than waiting for them: one may be blocked on a named pipe for ever."""
    pool = ProcessPoolExecutor(jobs, initializer=_exit_quietly_on_signals)
    try:
        yield pool
    except BaseException:
        # The executor has no public way to stop running workers; its processes are
        # the only handle on them.
        for process in list(pool._processes.values()):
            process.kill()
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown(wait=True)
