"""The ``newsparse`` command: the only place that prints, exits, or imports Typer/Rich.

Each command validates its options, calls the library, and hands records to a writer
or to a report. Errors from the library arrive as :class:`NewsparseError` and become one
line on stderr and an exit code in :func:`_exit_codes`, the one place that does so.
"""

import errno
import io
import json
import os
import shutil
import signal
import sys
import tempfile
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from functools import cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TextIO

import typer

from newsparse import __version__
from newsparse.batch import ParseOptions, exit_quietly_on_signals, parse_to_file
from newsparse.compressed import COMPRESSED_SUFFIXES
from newsparse.dates import as_now
from newsparse.diagnostics import (
    COVERAGE,
    PARTIAL_INPUT,
    ParseReport,
    ParseWarning,
    Severity,
)
from newsparse.errors import (
    ExitCode,
    InputError,
    NewsparseError,
    OutputError,
    Terminated,
    UsageError,
)
from newsparse.extras import install_hint
from newsparse.inputs import STDIN, find_dumps, refuse_output_among_inputs
from newsparse.layouts import builtin_layouts, resolve_layout
from newsparse.layouts.schema import json_schema as layout_file_schema
from newsparse.models import Article, Record, record_json_schema
from newsparse.output import atomic_output
from newsparse.quoting import safe
from newsparse.reader import parse_file, parse_stream, text_codec
from newsparse.summary import InputSummary, total
from newsparse.writers import EXTENSIONS, SPREADSHEET_FORMATS, Format, Writer, open_writer
from newsparse.writers.base import SplitTarget, WriterOptions
from newsparse.writers.jsonl import JsonLinesWriter

if TYPE_CHECKING:
    from rich.console import Console

#: The end of every command's help: Click keeps lines after a \b line as they are.
_EXIT_CODES = """\b
Exit codes:
  0    success (warnings may have been printed)
  1    content problems: check found errors, or --strict saw warnings
  2    usage error
  3    an input could not be read, in whole or in part
  4    the output could not be written
  129  the terminal went away (SIGHUP)
  130  interrupted (Ctrl-C)
  143  terminated (SIGTERM)"""

app = typer.Typer(
    name="newsparse",
    help="Turn raw text dumps of scraped news pages into clean, validated article records.",
    epilog=f"""\b
Examples:
  newsparse convert dumps/ -o articles.csv      a directory, CSV by extension
  newsparse convert dump.txt.gz --to jsonl | jq .headline
  newsparse check dumps/                        how every line was used

{_EXIT_CODES}""",
    no_args_is_help=True,
    # Plain Click help: no boxes or padding in a pipe, flags without a <bool> metavar.
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

#: How every record line a worker writes begins: the id comes first (SPEC field order).
_ID_PREFIX = '{"id":"'


@cache
def _stderr() -> "Console":
    """Rich console on stderr, created on first use so ``--version`` stays fast."""
    from rich.console import Console

    class MessageConsole(Console):
        def on_broken_pipe(self) -> None:
            """Rich would exit 1 and silence stdout, the data: only report it (to _say)."""
            raise BrokenPipeError(errno.EPIPE, "stderr: broken pipe")

    return MessageConsole(stderr=True, highlight=False, soft_wrap=True)


def _say(message: str, style: str | None = None) -> None:
    """One message on stderr. If stderr is gone (closed, or its reader went away), the
    message is lost — never the data, nor the exit code."""
    try:
        _stderr().print(safe(message), style=style, markup=False)
    except (OSError, ValueError):
        _silence(sys.stderr)


def _silence(stream: TextIO | None) -> None:
    """Point ``stream``'s descriptor at /dev/null, so that nothing more (Python's own
    flush at exit included) fails on it."""
    try:
        fd = stream.fileno() if stream is not None else -1
    except (OSError, ValueError):
        return
    if fd >= 0:
        os.dup2(os.open(os.devnull, os.O_WRONLY), fd)


def _warn(warning: ParseWarning) -> None:
    """One line, marked ``warning:`` or ``error:``; coloured by severity on a terminal
    only (Rich draws no colour into a pipe or file)."""
    _say(str(warning), "bold red" if warning.severity is Severity.ERROR else "yellow")


def _error(message: str) -> None:
    _say(f"error: {message}", "bold red")


def _version(value: bool) -> None:
    if value:
        print(f"newsparse {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Turn raw text dumps of scraped news pages into clean, validated article records.

    Data goes to stdout; warnings and errors go to stderr.
    """


# --- options shared by the commands ---------------------------------------------------

#: Described in each command's help text: Typer would print its type (<list[str]>).
Inputs = Annotated[list[str] | None, typer.Argument(metavar="INPUT", hidden=True)]
_INPUTS_HELP = (
    "INPUT: dump files (.txt, or .txt.gz, .bz2, .xz, .zst), directories (their dumps, "
    "recursively), or - for stdin; none: stdin."
)
Now = Annotated[
    str | None,
    typer.Option(
        help="Resolve relative dates ('Updated 5 min ago') against this ISO 8601 time.",
        metavar="DATETIME",
    ),
]
Encoding = Annotated[
    str,
    typer.Option(
        help="Text encoding of the inputs: utf-8, cp1252, latin-1, utf-16, …", metavar="NAME"
    ),
]
LayoutOption = Annotated[
    str | None,
    typer.Option(
        "--layout",
        help="Force one layout: a built-in name (see 'newsparse layouts') or a .toml file. "
        "Default: detected per article.",
        metavar="NAME|FILE",
    ),
]
FixText = Annotated[
    bool,
    typer.Option(
        "--fix-text",
        help="Repair mojibake ('â€™' for '’') with ftfy (pip install -e '.[fix]').",
    ),
]


def _options(now: str | None, encoding: str, fix_text: bool, layout: str | None) -> ParseOptions:
    """How to read every input: the options ``convert`` and ``check`` share."""
    return ParseOptions(
        _parse_now(now),
        text_codec(encoding),
        _text_fixer(fix_text),
        None if layout is None else resolve_layout(layout),
    )


def _articles(
    name: str,
    options: ParseOptions,
    report: ParseReport,
    progress: Callable[[int], None] | None = None,
) -> Iterator[Article]:
    read = parse_file if name != STDIN else partial(parse_stream, sys.stdin.buffer)
    return read(
        name, now=options.now, report=report, fix_text=options.fix_text, layout=options.layout,
        encoding=options.encoding, progress=progress,
    )  # fmt: skip


def _parse_now(value: str | None) -> datetime | None:
    try:
        return as_now(value)
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="'--now'") from None


def _text_fixer(wanted: bool) -> Callable[[str], str] | None:
    if not wanted:
        return None
    try:
        import ftfy
    except ImportError:
        raise UsageError(f"--fix-text needs ftfy: {install_hint('fix')}") from None
    fix: Callable[[str], str] = ftfy.fix_encoding
    return fix


# --- convert --------------------------------------------------------------------------


def _choose_format(to: Format | None, output: Path | None, split: Path | None) -> Format:
    if split is not None:
        if output is not None:
            raise UsageError("--split writes one file per article; it cannot be used with -o")
        if to not in (None, Format.MD):
            raise UsageError(f"--split writes Markdown files; it cannot be used with --to {to}")
        return Format.MD
    if to is not None:
        return to
    if output is not None:
        fmt = EXTENSIONS.get(output.suffix.lower())
        if fmt is None:
            what = f"unknown extension {output.suffix!r}" if output.suffix else "no extension"
            raise UsageError(
                f"-o {output}: {what} (known: {', '.join(sorted(EXTENSIONS))}); "
                "name the format with --to"
            )
        return fmt
    return Format.JSON


@app.command(
    short_help="Convert dumps to JSON, JSON Lines, CSV, TSV, Markdown or Parquet.",
    help=f"""Convert dumps to JSON, JSON Lines, CSV, TSV, Markdown or Parquet, in input
    order. Data goes to stdout (or -o); warnings, errors and the summary go to stderr.

    {_INPUTS_HELP}""",
    epilog=f"""\b
Examples:
  newsparse convert dumps/ -o articles.parquet
  zcat dump.txt.gz | newsparse convert --to md -o - | less
  newsparse convert dump.txt --now 2025-02-15T12:00+03:00 --strict

{_EXIT_CODES}""",
)
def convert(
    inputs: Inputs = None,
    to: Annotated[
        Format | None,
        typer.Option(
            "--to",
            "-t",
            help=f"Output format: {', '.join(Format)}. Default: from the -o extension, else json.",
            metavar="FORMAT",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write to this file (atomically) instead of stdout; - is stdout.",
            metavar="PATH",
            dir_okay=False,
        ),
    ] = None,
    split: Annotated[
        Path | None,
        typer.Option(
            "--split",
            help="Write one Markdown file per article, with YAML front matter, into DIR.",
            metavar="DIR",
            file_okay=False,
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option("--force", help="With --split: replace files this run did not write."),
    ] = False,
    now: Now = None,
    layout: LayoutOption = None,
    encoding: Encoding = "utf-8",
    fix_text: FixText = False,
    strict: Annotated[
        bool, typer.Option("--strict", help="Exit 1 if any warning was printed.")
    ] = False,
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            help="Worker processes for several inputs (1: strictly serial). "
            "Default: the number of CPUs.",
            metavar="N",
            show_default=False,
        ),
    ] = os.cpu_count() or 1,
    dedupe: Annotated[
        bool,
        typer.Option("--dedupe", help="Drop records whose id was already written in this run."),
    ] = False,
    quiet: Annotated[
        bool,
        typer.Option("--quiet", "-q", help="No progress bar and no summary line at the end."),
    ] = False,
    guard_formulas: Annotated[
        bool,
        typer.Option(
            "--guard-formulas",
            help="CSV/TSV for spreadsheets: prefix cells starting with = + - @ with '.",
        ),
    ] = False,
    add_bom: Annotated[
        bool,
        typer.Option("--add-bom", help="CSV/TSV for Excel: start the file with a UTF-8 BOM."),
    ] = False,
    stats_json: Annotated[
        Path | None,
        typer.Option(
            "--stats-json",
            help="Also write the run's counts as JSON to FILE: check's totals, and the "
            "records written.",
            metavar="FILE",
            dir_okay=False,
        ),
    ] = None,
) -> None:
    """Options in, one run of the library, records out to one writer (help above)."""
    with _exit_codes():
        options = _options(now, encoding, fix_text, layout)
        if output == Path(STDIN):
            output = None  # `-o -` is stdout, as INPUT `-` is stdin
        if output is not None:
            refuse_output_among_inputs(output, inputs or [])
        fmt = _choose_format(to, output, split)
        if fmt is Format.PARQUET and output is None and sys.stdout.isatty():
            raise UsageError("Parquet is binary: write it to a file with -o, or into a pipe")
        spreadsheet = WriterOptions(guard_formulas=guard_formulas, bom=add_bom)
        if spreadsheet != WriterOptions() and fmt not in SPREADSHEET_FORMATS:
            raise UsageError(f"--guard-formulas and --add-bom are for csv and tsv, not {fmt}")
        names = list(find_dumps(inputs or [], stdin_is_terminal=sys.stdin.isatty()))
        outcome = _Outcome()
        with ExitStack() as stack:
            if split is not None:
                target: TextIO | SplitTarget = SplitTarget(split, force)
            else:
                target = stack.enter_context(atomic_output(output)) if output else _stdout()
            writer = open_writer(fmt, target, spreadsheet)
            progress = stack.enter_context(_Progress.for_inputs(names, enabled=not quiet))
            run = _Run(writer, outcome, progress, seen=set() if dedupe else None)
            files = [name for name in names if isinstance(name, str)]
            # More workers than inputs do nothing; many more than CPUs only cost memory.
            jobs = min(jobs, len(files), _MAX_JOBS_PER_CPU * (os.cpu_count() or 1))
            if jobs > 1 and STDIN not in files:
                _convert_parallel(names, run, options, jobs)
            else:
                _convert_serial(names, run, options)
            if output is not None and outcome.read == 0 and outcome.input_errors:
                _write_stats(stats_json, outcome)  # promised even when nothing was read
                # Leaves an existing file as it was: the rename never happens.
                raise InputError(str(output), "not written, as no input could be read")
            writer.close()
            if output is None and split is None:
                sys.stdout.flush()  # a full disk shows here, not at interpreter exit
        _write_stats(stats_json, outcome)
        if not quiet:
            _say(outcome.summary())
        if outcome.input_errors:
            raise typer.Exit(ExitCode.INPUT)
        if strict and outcome.warnings:
            _error(f"--strict: {outcome.warnings} warning(s)")
            raise typer.Exit(ExitCode.CONTENT)


#: --jobs is capped at this many workers per CPU (and at the number of inputs).
_MAX_JOBS_PER_CPU = 2


@dataclass
class _Outcome:
    """What a conversion did, for its summary line, --stats-json and its exit code."""

    inputs: int = 0
    read: int = 0  # inputs that gave records, or were read to their end
    input_errors: int = 0  # inputs not read, or not read as they are (NP120)
    written: int = 0
    duplicates: int = 0
    #: The counts of ``check``'s total, summed over the inputs as they finish.
    total: InputSummary = field(default_factory=lambda: InputSummary(path="total"))

    @property
    def warnings(self) -> int:
        return self.total.warning_count

    def add(self, summary: InputSummary, failed: bool) -> None:
        """Count one input: ``failed`` if it could not be read to its end."""
        self.total.add(summary)
        self.read += summary.articles > 0 or not failed
        partial = any(summary.warnings_by_code[code] for code in PARTIAL_INPUT)
        self.input_errors += failed or partial

    def summary(self) -> str:
        errors = self.total.errors
        text = (
            f"{_count(self.total.articles, 'article')} parsed from "
            f"{_count(self.inputs, 'input')}, {self.written} written; "
            f"{_count(self.warnings - errors, 'warning')}, {_count(errors, 'error')}"
        )
        if self.duplicates:
            text += f"; {_count(self.duplicates, 'duplicate')} dropped"
        if self.input_errors:
            text += f"; {_count(self.input_errors, 'input')} could not be read"
        return text

    def stats(self) -> dict[str, Any]:
        """``check --format json``'s total, and what only a conversion knows."""
        return {
            "total": self.total.as_json(detail=False),
            "written": self.written,
            "duplicates_dropped": self.duplicates,
            "input_count": self.inputs,
            "unreadable_inputs": self.input_errors,
        }


def _write_stats(path: Path | None, outcome: _Outcome) -> None:
    """``--stats-json``: the run's counts for machines, when asked for."""
    if path is not None:
        with atomic_output(path) as stats:
            stats.write(json.dumps(outcome.stats(), indent=2) + "\n")


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


@dataclass
class _Run:
    """One conversion's output side: the writer, --dedupe in front of it, the tally."""

    writer: Writer
    outcome: _Outcome
    progress: "_Progress"
    seen: set[str] | None  # ids written so far, with --dedupe

    def write(self, record: Record) -> None:
        if self._new(record["id"]):
            self.writer.write(record)
            self.outcome.written += 1

    def write_json_line(self, line: str) -> None:
        """A record as a worker wrote it: copied as it is when the output is JSON Lines
        (the worker's line is the writer's line), else read back into a record."""
        if isinstance(self.writer, JsonLinesWriter):
            if self._new(line[len(_ID_PREFIX) : len(_ID_PREFIX) + 16]):
                self.writer.write_line(line)
                self.outcome.written += 1
        else:
            self.write(json.loads(line))

    def _new(self, record_id: str) -> bool:
        """Count the record; with --dedupe, whether its id is new (and remember it)."""
        self.progress.article()
        if self.seen is None:
            return True
        if record_id in self.seen:
            self.outcome.duplicates += 1
            return False
        self.seen.add(record_id)
        return True

    def unreadable(self, error: InputError) -> None:
        """An input that could not be opened at all."""
        _error(str(error))
        self.outcome.add(InputSummary(path=error.path), failed=True)


def _convert_serial(names: list[str | InputError], run: _Run, options: ParseOptions) -> None:
    for name in names:
        run.outcome.inputs += 1
        if isinstance(name, InputError):
            run.unreadable(name)
            continue
        report = ParseReport(on_warning=_warn)
        failed = False
        try:
            for article in _articles(name, options, report, run.progress.reader_callback):
                run.write(article.record())
        except InputError as error:
            _error(str(error))
            failed = True
        run.outcome.add(InputSummary.of(name, report), failed)


def _convert_parallel(
    names: list[str | InputError], run: _Run, options: ParseOptions, jobs: int
) -> None:
    """Each input parsed by a worker into a temporary file; results taken in input
    order, so the output is byte for byte the serial one. Interrupted (Ctrl-C, SIGTERM,
    SIGHUP), the workers are killed, not waited for, and the files removed."""
    with (
        tempfile.TemporaryDirectory(prefix="newsparse-") as directory,
        _workers(jobs) as pool,
    ):
        futures = [
            None
            if isinstance(name, InputError)
            else pool.submit(parse_to_file, name, options, directory)
            for name in names
        ]
        for name, future in zip(names, futures, strict=True):
            run.outcome.inputs += 1
            if future is None:
                assert isinstance(name, InputError)
                run.unreadable(name)
                continue
            try:
                result = future.result()
            except BrokenProcessPool:
                raise NewsparseError(
                    f"{name}: a worker process died before finishing (killed, or out of "
                    "memory?); rerun with --jobs 1"
                ) from None
            except OSError as error:  # not the input's (InputError is caught by the worker)
                raise OutputError(
                    directory,
                    f"a worker could not write its records there ({error.strerror or error}); "
                    "free some space or point TMPDIR elsewhere",
                ) from None
            for warning in result.warnings:
                _warn(warning)
            for line in result.lines():
                run.write_json_line(line)
            if result.error is not None:
                _error(result.error)
            assert result.summary is not None  # set by every worker that returned
            run.outcome.add(result.summary, failed=result.error is not None)
            run.progress.advance(result.size)


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


class _Progress:
    """A progress bar on stderr — bytes read, articles, rate, time left — when stderr is
    a terminal, the run is not in CI nor --quiet, and the input is worth waiting for."""

    #: Inputs smaller than this finish before a bar is worth drawing.
    MIN_BYTES = 8 << 20

    def __init__(self, total: int | None) -> None:
        self._total = total
        self._bar: Any = None
        self._task: Any = None
        self._articles = 0

    @classmethod
    def for_inputs(cls, names: list[str | InputError], *, enabled: bool) -> "_Progress":
        sizes = [_size(name) for name in names if isinstance(name, str)]
        on_terminal = sys.stderr is not None and sys.stderr.isatty()
        wanted = enabled and on_terminal and not os.environ.get("CI")
        worth_it = None not in sizes and sum(s or 0 for s in sizes) >= cls.MIN_BYTES
        return cls(sum(s or 0 for s in sizes) if wanted and worth_it else None)

    def __enter__(self) -> "_Progress":
        if self._total is not None:
            from rich.progress import (
                BarColumn,
                DownloadColumn,
                Progress,
                TextColumn,
                TimeRemainingColumn,
                TransferSpeedColumn,
            )

            self._bar = Progress(
                TextColumn("converting"),
                BarColumn(),
                DownloadColumn(),
                TransferSpeedColumn(),
                TextColumn("{task.fields[articles]} articles"),
                TimeRemainingColumn(),
                console=_stderr(),
                transient=True,
            )
            self._bar.start()
            self._task = self._bar.add_task("convert", total=self._total, articles=0)
        return self

    def __exit__(self, *_: object) -> None:
        if self._bar is not None:
            self._bar.stop()

    @property
    def reader_callback(self) -> Callable[[int], None] | None:
        """What the reader calls with the bytes read: nothing when no bar is drawn."""
        return self.advance if self._total is not None else None

    def advance(self, size: int) -> None:
        if self._bar is not None:
            self._bar.update(self._task, advance=size, articles=self._articles)

    def article(self) -> None:
        self._articles += 1


def _size(name: str) -> int | None:
    """The size of an input in bytes; None for stdin, or for a compressed dump, whose
    size on disk is not the bytes read (no bar then); 0 for what cannot be read."""
    if name == STDIN or Path(name).suffix.lower() in COMPRESSED_SUFFIXES:
        return None
    try:
        return Path(name).stat().st_size
    except OSError:
        return 0


def _stdout() -> TextIO:
    """stdout as UTF-8 without newline translation: data, whatever the locale."""
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(encoding="utf-8", newline="")
    return sys.stdout


class _ClosedStdout(io.StringIO):
    """stdout when the process started without one (``>&-``): writing to it fails as
    writing to a closed descriptor does, so data is never dropped without a word."""

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "stdout is closed")


# --- check ----------------------------------------------------------------------------


class CheckFormat(StrEnum):
    TEXT = "text"
    JSON = "json"


@app.command(
    short_help="Report how every line was used, and every warning.",
    help=f"""Report how every line of each dump was used: records, field coverage,
    dropped chrome, preamble, the layout of each article, and every warning. Exit 1 on
    errors (with --strict, on warnings).

    {_INPUTS_HELP}""",
    epilog=_EXIT_CODES,
)
def check(
    inputs: Inputs = None,
    format: Annotated[  # shadows a builtin, as the option is --format
        CheckFormat,
        typer.Option(
            "--format", help="text: a table for people; json: one document.", metavar="FORMAT"
        ),
    ] = CheckFormat.TEXT,
    now: Now = None,
    layout: LayoutOption = None,
    encoding: Encoding = "utf-8",
    fix_text: FixText = False,
    strict: Annotated[
        bool, typer.Option("--strict", help="Exit 1 on any warning, not only on errors.")
    ] = False,
) -> None:
    """Each input summarised, then the report: text or JSON (help above)."""
    with _exit_codes():
        options = _options(now, encoding, fix_text, layout)
        names = find_dumps(inputs or [], stdin_is_terminal=sys.stdin.isatty())
        summaries = [_check_one(name, options) for name in names]
        overall = total(summaries)
        out = _stdout()
        if format is CheckFormat.JSON:
            document = {
                "inputs": [s.as_json() for s in summaries],
                "total": overall.as_json(detail=False),
            }
            out.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
        else:
            _print_check(out, summaries, overall)
        out.flush()  # a full disk shows here, not at interpreter exit
        if any(s.error or s.warnings_by_code.keys() & PARTIAL_INPUT for s in summaries):
            raise typer.Exit(ExitCode.INPUT)
        if overall.errors or (strict and overall.warning_count):
            raise typer.Exit(ExitCode.CONTENT)


def _check_one(name: str | InputError, options: ParseOptions) -> InputSummary:
    if isinstance(name, InputError):
        return InputSummary(path=name.path, error=str(name))
    report = ParseReport()
    records = []
    error = None
    try:
        for article in _articles(name, options, report):
            assert report.article_layout is not None  # set before each article is yielded
            records.append((article, report.article_layout))
    except InputError as failure:
        error = str(failure)
    summary = InputSummary.of(name, report, records)
    summary.error = error
    return summary


_CHECK_COLUMNS = (
    "lines", "blank", "chrome", "preamble", "articles", *COVERAGE, "warnings", "errors",
)  # fmt: skip


def _check_row(summary: InputSummary) -> list[str]:
    path = safe(summary.path)  # a file name is untrusted text too
    if summary.error is not None:
        return [path, "unreadable", *[""] * (len(_CHECK_COLUMNS) - 1)]
    counts = [
        summary.lines,
        summary.blank_lines,
        sum(summary.chrome.values()),
        summary.preamble_lines,
        summary.articles,
        *(summary.coverage[name] for name in COVERAGE),
        summary.warning_count,
        summary.errors,
    ]
    return [path, *map(str, counts)]


def _print_check(out: TextIO, summaries: list[InputSummary], overall: InputSummary) -> None:
    """Warnings and errors one per line, then the table of counts, then the totals by
    kind: plain text a person, grep and awk all read."""
    for summary in summaries:
        if summary.error is not None:
            out.write(f"error: {summary.error}\n")
        for warning in summary.warnings:
            out.write(f"{warning}\n")
    if any(s.error or s.warnings for s in summaries):
        out.write("\n")
    rows = [_check_row(s) for s in summaries] + [_check_row(overall)]
    width = shutil.get_terminal_size().columns if out.isatty() else None
    out.writelines(line + "\n" for line in _table(["input", *_CHECK_COLUMNS], rows, width))
    chrome = ", ".join(f"{kind} {n}" for kind, n in sorted(overall.chrome.items())) or "none"
    codes = ", ".join(f"{c} {n}" for c, n in sorted(overall.warnings_by_code.items())) or "none"
    layouts = ", ".join(f"{name} {n}" for name, n in sorted(overall.layouts.items())) or "none"
    out.write(f"\nlayouts: {layouts}\nchrome dropped: {chrome}\nwarnings by code: {codes}\n")


def _table(headers: list[str], rows: list[list[str]], width: int | None) -> Iterator[str]:
    """Aligned columns, the first (the input path) left, numbers right. Nothing is cut:
    columns that do not fit in ``width`` fold into another block below, the path
    repeated in front, as pandas prints a wide frame."""
    widths = [max(len(row[i]) for row in [headers, *rows]) for i in range(len(headers))]
    blocks: list[list[int]] = [[]]
    used = widths[0]
    for column in range(1, len(headers)):
        if width is not None and blocks[-1] and used + 2 + widths[column] > width:
            blocks.append([])
            used = widths[0]
        blocks[-1].append(column)
        used += 2 + widths[column]
    for number, block in enumerate(blocks):
        if number:
            yield ""
        for row in [headers, *rows]:
            cells = [row[0].ljust(widths[0])] + [row[i].rjust(widths[i]) for i in block]
            yield "  ".join(cells).rstrip()


# --- layouts --------------------------------------------------------------------------


@app.command(short_help="List the built-in layouts.")
def layouts(
    schema: Annotated[
        bool, typer.Option("--schema", help="Print the JSON Schema of a layout file instead.")
    ] = False,
) -> None:
    """List the built-in layouts (use one with --layout NAME, or add a site with a
    layout file: --layout my-site.toml)."""
    with _exit_codes():
        out = _stdout()
        if schema:
            out.write(json.dumps(layout_file_schema(), indent=2) + "\n")
            return
        known = builtin_layouts()
        width = max(len(name) for name in known)
        for name, layout in known.items():
            out.write(f"{name.ljust(width)}  {layout.description}\n")


# --- schema ---------------------------------------------------------------------------


@app.command()
def schema() -> None:
    """Print the JSON Schema of an article record."""
    with _exit_codes():
        _stdout().write(json.dumps(record_json_schema(), indent=2) + "\n")


# --- errors and exit codes -----------------------------------------------------------


@contextmanager
def _exit_codes() -> Iterator[None]:
    """The one place where errors become exit codes (usage errors in options are
    Typer's, exit 2): one line on stderr, never a traceback."""
    try:
        yield
    except NewsparseError as error:
        _error(str(error))
        raise typer.Exit(error.exit_code) from None
    except KeyboardInterrupt:
        _say("interrupted", "red")
        raise typer.Exit(ExitCode.INTERRUPTED) from None
    except Terminated as stop:
        _say(f"interrupted by {stop.name}", "red")
        raise typer.Exit(stop.exit_code) from None
    except BrokenPipeError:
        # The reader went away (`| head`): it has what it wanted. Stop quietly, and
        # keep Python from complaining when it flushes stdout at exit.
        _silence(sys.stdout)
        raise typer.Exit(ExitCode.OK) from None
    except OSError as error:
        # Inputs and -o files raise their own errors; what is left is stdout (a full
        # disk behind a redirection) — the output could not be written.
        raise typer.Exit(_stdout_failed(error)) from None


def _stdout_failed(error: OSError) -> ExitCode:
    _error(f"stdout: {error.strerror or error}")
    _silence(sys.stdout)
    return ExitCode.OUTPUT


def _terminate(signum: int, _frame: object) -> None:
    raise Terminated(signum)


def main() -> None:
    """The ``newsparse`` console script (see ``newsparse.entry``)."""
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, _terminate)  # unwinds like Ctrl-C: temporary files go
    if sys.stdout is None:  # started with stdout closed (>&-)
        sys.stdout = _ClosedStdout()
    try:
        try:
            app(prog_name="newsparse")
        finally:
            sys.stdout.flush()  # --version, --help: a full disk shows here, not at exit
    except KeyboardInterrupt:  # before a command started
        sys.exit(ExitCode.INTERRUPTED)
    except Terminated as stop:
        sys.exit(stop.exit_code)
    except OSError as error:  # --version or --help to a full disk or a closed stdout
        sys.exit(_stdout_failed(error))
