"""Parsing many inputs in worker processes, with output in input order.

Each worker parses one input and writes its records, as compact JSON lines, to a
temporary file; the parent streams those files in input order through one writer. So
the output is byte for byte what a serial run writes, memory holds no more than one
record at a time per process, and a failing input fails alone.
"""

import os
import signal
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from newsparse.diagnostics import ParseReport, ParseWarning
from newsparse.errors import InputError
from newsparse.layouts import Layout
from newsparse.reader import parse_file
from newsparse.summary import InputSummary
from newsparse.writers.jsonl import json_line


@dataclass(frozen=True)
class ParseOptions:
    """How every input is read: the options a worker needs, all picklable."""

    now: datetime | None = None
    encoding: str = "utf-8"
    fix_text: Callable[[str], str] | None = None
    layout: Layout | None = None


@dataclass
class InputResult:
    """What a worker found in one input: its records' file, warnings and counts."""

    name: str
    records_path: str | None = None
    error: str | None = None
    warnings: list[ParseWarning] = field(default_factory=list)
    #: The input's counts, as ``check`` reports them (without records or warnings).
    summary: InputSummary | None = None
    size: int = 0

    def lines(self) -> Iterator[str]:
        """The records as written: one compact JSON object per line, in order (exactly
        a JSON Lines writer's lines). The file is removed once read."""
        if self.records_path is None:
            return
        try:
            with open(self.records_path, encoding="utf-8", newline="\n") as stream:
                yield from stream
        finally:
            os.unlink(self.records_path)


def exit_quietly_on_signals() -> None:
    """Worker initialiser: on Ctrl-C, SIGTERM or SIGHUP a worker just ends; the parent
    reports it, once, and removes the files."""
    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, lambda number, _: os._exit(128 + number))


def parse_to_file(name: str, options: ParseOptions, directory: str) -> InputResult:
    """Parse the file ``name`` into a temporary JSON Lines file in ``directory``."""
    result = InputResult(name=name)
    try:
        result.size = Path(name).stat().st_size
    except OSError:
        result.size = 0
    report = ParseReport()
    fd, path = tempfile.mkstemp(suffix=".jsonl", dir=directory)
    result.records_path = path
    try:
        with open(fd, "w", encoding="utf-8") as out:
            articles = parse_file(
                name,
                now=options.now,
                report=report,
                encoding=options.encoding,
                fix_text=options.fix_text,
                layout=options.layout,
            )
            for article in articles:
                out.write(json_line(article.record()))
    except InputError as error:
        result.error = str(error)
    result.warnings = report.warnings
    result.summary = replace(InputSummary.of(name, report), warnings=[])
    return result
