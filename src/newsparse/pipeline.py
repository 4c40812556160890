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
from itertools import pairwise
from pathlib import Path
from typing import BinaryIO

import orjson

from newsparse.diagnostics import LineAccount, ParseHooks, ParseWarning
from newsparse.errors import InputError, OutputError, WorkerError
from newsparse.inputs import STDIN
from newsparse.models import Record
from newsparse.options import ParseOptions
from newsparse.output import FILE_BUFFER
from newsparse.parsing import Articles, parse_file, parse_stream
from newsparse.parts import plan_parts, splittable
from newsparse.seams import NOWHERE, doubt, join_lines
from newsparse.worker import (
    STOP_SIGNALS,
    LatestLayout,
    WorkerResult,
    exit_quietly_on_signals,
    parse_part,
)
from newsparse.writers.jsonl import json_line

#: Worker processes are capped at this many per CPU (and at the number of inputs).
MAX_JOBS_PER_CPU = 2


class Output:
    """One record leaving the run, with the layout that parsed it. A worker's record
    arrives as its JSON line and is read back only if the writer needs a record; a
    JSON Lines writer takes the line as it is."""

    __slots__ = ("_line", "_record", "id", "layout")

    def __init__(
        self, id: str, layout: str, record: Record | None = None, line: bytes | None = None
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

    def json_line(self) -> bytes:
        """The record as its JSON Lines line, in UTF-8 (see ``writers.jsonl``)."""
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
    the inputs, unless an input is large enough to be cut into parts, nor
    ``MAX_JOBS_PER_CPU`` per CPU); stdin is always read serially.
    """
    files = [name for name in inputs if isinstance(name, str)]
    jobs = min(jobs, MAX_JOBS_PER_CPU * (os.cpu_count() or 1))
    if len(files) < jobs and not any(name != STDIN and splittable(name) for name in files):
        jobs = len(files)  # more workers than inputs (or parts) do nothing
    if jobs > 1 and STDIN not in files:
        return _parallel(inputs, options, hooks, jobs)
    return _serial(inputs, options, hooks)


def _serial(
    inputs: Sequence[str | InputError], options: ParseOptions, hooks: RunHooks
) -> Iterator[Event]:
    latest = LatestLayout()
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


def _parse(name: str, options: ParseOptions, hooks: ParseHooks) -> Articles:
    if name == STDIN:
        stdin: BinaryIO = sys.stdin.buffer
        return parse_stream(stdin, name, options, hooks)
    return parse_file(name, options, hooks)


# --- in the parent ------------------------------------------------------------------


def _parallel(
    inputs: Sequence[str | InputError], options: ParseOptions, hooks: RunHooks, jobs: int
) -> Iterator[Event]:
    """Each input parsed by workers — a large one in parts — into temporary files,
    replayed in input order. Interrupted (Ctrl-C, SIGTERM, SIGHUP), the workers are
    killed, not waited for, and the files removed."""
    parts = {
        name: plan_parts(name, jobs, options.encoding)
        for name in inputs
        if not isinstance(name, InputError)
    }
    with (
        tempfile.TemporaryDirectory(prefix="newsparse-") as directory,
        _workers(jobs) as pool,
    ):
        with _signals_held():  # the first submit starts the pool's processes and thread
            pending = [
                name
                if isinstance(name, InputError)
                else [
                    pool.submit(parse_part, name, part, options, directory) for part in parts[name]
                ]
                for name in inputs
            ]
        for name, futures in zip(inputs, pending, strict=True):
            if isinstance(futures, InputError):
                yield Finished(futures.path, error=str(futures))
                continue
            results = [_result(str(name), future, directory) for future in futures]
            shares = _shares(results)
            if shares is None:  # parts that do not join: the file again, serially
                _discard(results)
                yield from _serial([str(name)], options, hooks)
            else:
                yield from _replay(str(name), results, shares, hooks)


def _replay(
    name: str, results: list[WorkerResult], shares: list[int], hooks: RunHooks
) -> Iterator[Event]:
    """The input's warnings and records, part after part, each part's share of the
    file (its file removed once read), then the input's end."""
    account = LineAccount()
    for result, (low, high) in zip(results, pairwise(shares), strict=True):
        warnings = [w for w in result.warnings if low <= w.line < high]
        for warning in warnings:
            hooks.on_warning(warning)
        yield from _records(result.records_path, low)
        if result.reading is None:
            account += result.account
        else:
            tail = result.reading.tail.articles
            yield from (_output(a.record)[1] for a in tail if a.line_start < high)
            account += result.reading.account(low, high, warnings)
    size = _size_of(name)
    if hooks.on_bytes is not None:
        hooks.on_bytes(size)
    yield Finished(name, account, results[-1].error, size)


def _shares(results: list[WorkerResult]) -> list[int] | None:
    """Where each part's share of the file starts, and one past the end; None when the
    parts cannot be joined (see ``seams``): a doubt, a failure, a seam with no article
    both sides read alike."""
    readings = [result.reading for result in results]
    if len(results) == 1 or None in readings:
        return [1, NOWHERE]
    if any(result.error or doubt(result.warnings) for result in results):
        return None
    return join_lines([(r.reading, r.warnings) for r in results if r.reading is not None])


def _discard(results: list[WorkerResult]) -> None:
    for result in results:
        os.unlink(result.records_path)


def _size_of(name: str) -> int:
    try:
        return Path(name).stat().st_size
    except OSError:
        return 0


def _result(name: str, future: "Future[WorkerResult]", directory: str) -> WorkerResult:
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


def _records(path: str, low: int) -> Iterator[Output]:
    """A worker's records that start at line ``low`` or later, in order; the file is
    removed once read."""
    try:
        with open(path, "rb", buffering=FILE_BUFFER) as stream:
            for tagged in stream:
                line_start, output = _output(tagged)
                if line_start >= low:
                    yield output
    finally:
        os.unlink(path)


def _output(tagged: bytes) -> tuple[int, Output]:
    """A worker's record line: where the record starts, and the record."""
    record_id, layout, line_start, line = tagged.split(b"\t", 3)
    return int(line_start), Output(record_id.decode(), layout.decode(), line=line)


@contextmanager
def _signals_held() -> Iterator[None]:
    """Ctrl-C, SIGTERM and SIGHUP held back until the block ends, then delivered. Raised
    while a pool starts, they left it half made: a worker it had not yet recorded, so
    not killed, blocked for ever on a named pipe, and a thread it had not started,
    which its shutdown failed to join (a traceback, exit 1)."""
    before = signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


@contextmanager
def _workers(jobs: int) -> Iterator[ProcessPoolExecutor]:
    """A process pool that, left by an exception (Ctrl-C, SIGTERM), kills its workers
    rather than waiting for them: one may be blocked on a named pipe for ever."""
    pool = ProcessPoolExecutor(jobs, initializer=exit_quietly_on_signals)
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
