"""The ``newsparse`` command: the only place that prints, exits, or imports Typer/Rich.

Each command validates its options, calls the library, and hands records to a writer.
Errors from the library arrive as :class:`NewsparseError` and are turned into one line
on stderr and an exit code in :func:`main`, the one place that does so.
"""

import json
import os
import sys
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TextIO

import typer

from newsparse import __version__
from newsparse.diagnostics import ParseReport, ParseWarning
from newsparse.errors import ExitCode, InputError, NewsparseError, UsageError
from newsparse.models import Article
from newsparse.output import atomic_output
from newsparse.parser import parse_lines
from newsparse.reader import decode_lines, parse_file
from newsparse.writers import EXTENSIONS, Format, Writer, open_writer
from newsparse.writers.markdown import MarkdownSplitWriter

if TYPE_CHECKING:
    from rich.console import Console

app = typer.Typer(
    name="newsparse",
    help="Turn raw text dumps of scraped news pages into clean, validated article records.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

STDIN = "-"


@cache
def _stderr() -> "Console":
    """Rich console on stderr, created on first use so ``--version`` stays fast."""
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=True)


def _warn(warning: ParseWarning) -> None:
    _stderr().print(str(warning), style="yellow", markup=False)


def _error(message: str) -> None:
    _stderr().print(f"error: {message}", style="bold red", markup=False)


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


# --- inputs ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Input:
    """One dump to parse: a file path, or ``-`` for stdin."""

    name: str

    def articles(self, now: datetime | None, report: ParseReport) -> Iterator[Article]:
        if self.name == STDIN:
            lines = decode_lines(sys.stdin.buffer, STDIN)
            return parse_lines(lines, STDIN, now=now, report=report)
        return parse_file(self.name, now=now, report=report)


def _expand(inputs: list[str]) -> Iterator[_Input | InputError]:
    """Files as given, directories as their ``*.txt`` (recursively, sorted), ``-`` as
    stdin; an input that cannot be used becomes an error in its place."""
    for name in inputs or [STDIN]:
        path = Path(name)
        if name == STDIN or not path.is_dir():
            yield _Input(name)
            continue
        dumps = sorted(p for p in path.rglob("*.txt") if p.is_file())
        if not dumps:
            yield InputError(name, "directory holds no *.txt dumps")
        yield from (_Input(str(dump)) for dump in dumps)


# --- convert --------------------------------------------------------------------------


def _parse_now(value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(
            f"{value!r} is not an ISO 8601 date-time (e.g. 2025-02-15T12:00:00+03:00)"
        ) from None


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
        return EXTENSIONS.get(output.suffix.lower(), Format.JSON)
    return Format.JSON


@app.command()
def convert(
    inputs: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="INPUT",
            help="Dump files, directories (their *.txt, recursively) or - for stdin. None: stdin.",
            show_default=False,
        ),
    ] = None,
    to: Annotated[
        Format | None,
        typer.Option(
            "--to",
            "-t",
            help="Output format. Default: from the -o extension, else json.",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write to this file (atomically) instead of stdout.",
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
    now: Annotated[
        str | None,
        typer.Option(
            help="Resolve relative dates ('Updated 5 min ago') against this ISO 8601 time.",
            metavar="DATETIME",
        ),
    ] = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Exit 1 if any warning was printed.")
    ] = False,
) -> None:
    """Convert dumps to JSON, JSON Lines, CSV or Markdown."""
    with _exit_codes():
        _convert(inputs or [], to, output, split, _parse_now(now), strict)


def _convert(
    inputs: list[str],
    to: Format | None,
    output: Path | None,
    split: Path | None,
    now: datetime | None,
    strict: bool,
) -> None:
    fmt = _choose_format(to, output, split)
    if not inputs and sys.stdin.isatty():
        raise UsageError(
            "no input given and stdin is a terminal; name a dump file or directory, "
            "or pipe one in (see: newsparse convert --help)"
        )
    with ExitStack() as stack:
        if split is not None:
            writer: Writer = MarkdownSplitWriter(split)
        else:
            stream = stack.enter_context(atomic_output(output)) if output else _stdout()
            writer = open_writer(fmt, stream)
        result = _convert_all(inputs, writer, now)
        writer.close()
    if result.input_errors:
        raise typer.Exit(ExitCode.INPUT)
    if strict and result.warnings:
        _error(f"--strict: {result.warnings} warning(s)")
        raise typer.Exit(ExitCode.CONTENT)


@dataclass
class _Outcome:
    warnings: int = 0
    input_errors: int = 0


def _convert_all(inputs: list[str], writer: Writer, now: datetime | None) -> _Outcome:
    outcome = _Outcome()
    for item in _expand(inputs):
        if isinstance(item, InputError):
            _error(str(item))
            outcome.input_errors += 1
            continue
        report = ParseReport(on_warning=_warn)
        try:
            for article in item.articles(now, report):
                writer.write(article)
        except InputError as error:
            _error(str(error))
            outcome.input_errors += 1
        outcome.warnings += report.warning_counts.total()
    return outcome


def _stdout() -> TextIO:
    """stdout as UTF-8 without newline translation: data, whatever the locale."""
    sys.stdout.reconfigure(encoding="utf-8", newline="")  # type: ignore[union-attr]
    return sys.stdout


# --- schema ---------------------------------------------------------------------------


@app.command()
def schema() -> None:
    """Print the JSON Schema of an article record."""
    with _exit_codes():
        _stdout().write(json.dumps(Article.model_json_schema(), indent=2) + "\n")


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
        _stderr().print("interrupted", style="red")
        raise typer.Exit(ExitCode.INTERRUPTED) from None
    except BrokenPipeError:
        # The reader went away (`| head`): it has what it wanted. Stop quietly, and
        # keep Python from complaining when it flushes stdout at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise typer.Exit(ExitCode.OK) from None


def main() -> None:
    """The ``newsparse`` console script."""
    try:
        app(prog_name="newsparse")
    except KeyboardInterrupt:  # before a command started
        sys.exit(ExitCode.INTERRUPTED)
