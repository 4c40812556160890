"""What a worker process runs: one file, or one part of one, parsed into a temporary
file of records; everything else it found travels back in a picklable result.

A record is one line of that file, ``id <tab> layout <tab> first line <tab> JSON line``
(JSON escapes tabs inside strings), so the parent neither parses JSON to learn an id or
where a record starts, nor loses the layout ``check`` reports.
"""

import os
import signal
import tempfile
from dataclasses import dataclass, replace

from newsparse.diagnostics import LineAccount, ParseHooks, ParseWarning
from newsparse.errors import InputError
from newsparse.models import Article
from newsparse.options import ParseOptions
from newsparse.output import FILE_BUFFER
from newsparse.parsing import parse_file
from newsparse.parts import WHOLE, Part
from newsparse.reader import Position
from newsparse.seams import PartReading
from newsparse.writers.jsonl import json_line


@dataclass
class WorkerResult:
    """What a worker sends back: everything but the records, which are in a file."""

    account: LineAccount
    error: str | None
    warnings: list[ParseWarning]
    records_path: str
    #: How a part was read, line by line near its seams (None for a whole file).
    reading: PartReading | None = None


class LatestLayout:
    """``on_article``: the layout of the article about to be yielded."""

    layout = ""

    def __call__(self, _: Article, layout: str) -> None:
        self.layout = layout


def tagged_line(article: Article, layout: str) -> bytes:
    """A record as a worker's file holds it, in UTF-8."""
    tags = f"{article.id}\t{layout}\t{article.source.line_start}\t".encode()
    return tags + json_line(article.record())


def parse_part(name: str, part: Part, options: ParseOptions, directory: str) -> WorkerResult:
    """Parse ``part`` of the file ``name`` (``WHOLE``: all of it) into a temporary file
    in ``directory``. A part before the last reads on past its end, a few articles, to
    find where it joins the next."""
    warnings: list[ParseWarning] = []
    latest = LatestLayout()
    hooks = ParseHooks(on_warning=warnings.append, on_article=latest)
    reading = None
    if part is not WHOLE:  # a call per line: only where lines are counted by part
        reading = PartReading(part)
        hooks = replace(hooks, on_line=reading.on_line, on_glued=reading.on_glued)
    articles = parse_file(name, options, hooks, Position(part.first_line, part.start))
    fd, path = tempfile.mkstemp(suffix=".tsv", dir=directory)
    result = WorkerResult(articles.account, None, warnings, path, reading)
    with open(fd, "wb", buffering=FILE_BUFFER) as out:
        try:
            for article in articles:
                record = tagged_line(article, latest.layout)
                if reading is None or reading.on_record(article, latest.layout, record):
                    out.write(record)
                if reading is not None and reading.done:
                    break
        except InputError as failure:
            result.error = str(failure)
        finally:
            articles.close()
    if reading is not None:
        reading.total = articles.account
    return result


#: The signals that stop a run: Ctrl-C, SIGTERM, SIGHUP.
STOP_SIGNALS = frozenset({signal.SIGINT, signal.SIGTERM, signal.SIGHUP})


def exit_quietly_on_signals() -> None:
    """Worker initialiser: on Ctrl-C, SIGTERM or SIGHUP a worker just ends; the parent
    reports it, once, and removes the files. The parent held these signals while it
    started the worker, which inherited that: they are let through again here."""
    for signum in STOP_SIGNALS:
        signal.signal(signum, lambda number, _: os._exit(128 + number))
    signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)
