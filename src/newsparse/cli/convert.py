"""``newsparse convert``: options in, one run of the library, records out to one writer."""

import json
import sys
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, TextIO

import typer

from newsparse.cli.exits import exit_codes, outcome_code
from newsparse.cli.params import (
    CPUS,
    AddLayout,
    Encoding,
    FixText,
    Inputs,
    Jobs,
    LayoutOption,
    Now,
    parse_options,
    stdout,
)
from newsparse.cli.render import ProgressBar, count, error, say, warn
from newsparse.compressed import COMPRESSED_SUFFIXES
from newsparse.diagnostics import LineAccount
from newsparse.errors import ExitCode, InputError, UsageError
from newsparse.inputs import STDIN, find_dumps, refuse_output_among_inputs
from newsparse.output import atomic_output
from newsparse.pipeline import Finished, Output, RunHooks, run
from newsparse.summary import account_json
from newsparse.writers import EXTENSIONS, SPREADSHEET_FORMATS, Format, Writer, open_writer
from newsparse.writers.base import SplitTarget, WriterOptions
from newsparse.writers.jsonl import JsonLinesWriter


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
    add_layout: AddLayout = None,
    encoding: Encoding = "utf-8",
    fix_text: FixText = False,
    strict: Annotated[
        bool, typer.Option("--strict", help="Exit 1 if any warning was printed.")
    ] = False,
    jobs: Jobs = CPUS,
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
    """Options in, one run of the library, records out to one writer (help in app)."""
    with exit_codes():
        options = parse_options(now, encoding, fix_text, layout, add_layout)
        output = None if output == Path(STDIN) else output  # `-o -` is stdout
        if output is not None:
            refuse_output_among_inputs(output, inputs or [])
        fmt = choose_format(to, output, split)
        spreadsheet = WriterOptions(guard_formulas=guard_formulas, bom=add_bom)
        _refuse_mismatch(fmt, output, spreadsheet)
        names = list(find_dumps(inputs or [], stdin_is_terminal=sys.stdin.isatty()))
        tally = RunTally()
        with ExitStack() as stack:
            if split is not None:
                target: TextIO | SplitTarget = SplitTarget(split, force)
            else:
                target = stack.enter_context(atomic_output(output)) if output else stdout()
            writer = open_writer(fmt, target, spreadsheet)
            sizes = [_size(name) for name in names if isinstance(name, str)]
            bar = stack.enter_context(ProgressBar(sizes, enabled=not quiet))
            sink = _Sink(writer, tally, bar, seen=set() if dedupe else None)
            for event in run(names, options, RunHooks(warn, bar.on_bytes), jobs=jobs):
                sink.take(event)
            if output is not None and tally.read == 0 and tally.unreadable:
                _write_stats(stats_json, tally)  # promised even when nothing was read
                # Leaves an existing file as it was: the rename never happens.
                raise InputError(str(output), "not written, as no input could be read")
            writer.close()
            if output is None and split is None:
                sys.stdout.flush()  # a full disk shows here, not at interpreter exit
        _write_stats(stats_json, tally)
        if not quiet:
            say(tally.summary())
        warnings = tally.total.warning_count
        code = outcome_code(unreadable=tally.unreadable, errors=0, warnings=warnings, strict=strict)
        if code is ExitCode.CONTENT:
            error(f"--strict: {warnings} warning(s)")
        raise typer.Exit(code)


def choose_format(to: Format | None, output: Path | None, split: Path | None) -> Format:
    """The output format: --split's Markdown, --to, the -o extension, else JSON."""
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


def _refuse_mismatch(fmt: Format, output: Path | None, spreadsheet: WriterOptions) -> None:
    """Options that do not fit the format: usage errors before anything is read."""
    if fmt is Format.PARQUET and output is None and sys.stdout.isatty():
        raise UsageError("Parquet is binary: write it to a file with -o, or into a pipe")
    if spreadsheet != WriterOptions() and fmt not in SPREADSHEET_FORMATS:
        raise UsageError(f"--guard-formulas and --add-bom are for csv and tsv, not {fmt}")


@dataclass
class RunTally:
    """What a conversion did, for its summary line, --stats-json and its exit code."""

    inputs: int = 0
    read: int = 0  # inputs that gave records, or were read to their end
    unreadable: int = 0  # inputs not read, or not read as they are (NP120)
    written: int = 0
    duplicates: int = 0
    total: LineAccount = field(default_factory=LineAccount)

    def add(self, finished: Finished) -> None:
        self.inputs += 1
        self.total += finished.account
        self.read += finished.read
        self.unreadable += finished.error is not None or finished.account.partial

    def summary(self) -> str:
        errors = self.total.errors
        text = (
            f"{count(self.total.articles, 'article')} parsed from "
            f"{count(self.inputs, 'input')}, {self.written} written; "
            f"{count(self.total.warning_count - errors, 'warning')}, {count(errors, 'error')}"
        )
        if self.duplicates:
            text += f"; {count(self.duplicates, 'duplicate')} dropped"
        if self.unreadable:
            text += f"; {count(self.unreadable, 'input')} could not be read"
        return text

    def stats(self) -> dict[str, Any]:
        """``check --format json``'s total, and what only a conversion knows."""
        return {
            "total": {"path": "total", "error": None, **account_json(self.total)},
            "written": self.written,
            "duplicates_dropped": self.duplicates,
            "input_count": self.inputs,
            "unreadable_inputs": self.unreadable,
        }


def _write_stats(path: Path | None, tally: RunTally) -> None:
    """``--stats-json``: the run's counts for machines, when asked for."""
    if path is not None:
        with atomic_output(path) as stats:
            stats.write(json.dumps(tally.stats(), indent=2) + "\n")


@dataclass
class _Sink:
    """One conversion's output side: the writer, --dedupe in front of it, the tally."""

    writer: Writer
    tally: RunTally
    bar: ProgressBar
    seen: set[str] | None  # ids written so far, with --dedupe

    def take(self, event: Output | Finished) -> None:
        if isinstance(event, Finished):
            if event.error is not None:
                error(event.error)
            self.tally.add(event)
            return
        self.bar.article()
        if self.seen is not None:
            if event.id in self.seen:
                self.tally.duplicates += 1
                return
            self.seen.add(event.id)
        if isinstance(self.writer, JsonLinesWriter):
            self.writer.write_line(event.json_line())  # a worker's line, as it is
        else:
            self.writer.write(event.record())
        self.tally.written += 1


def _size(name: str) -> int | None:
    """The size of an input in bytes; None for stdin, or for a compressed dump, whose
    size on disk is not the bytes read (no bar then); 0 for what cannot be read."""
    if name == STDIN or Path(name).suffix.lower() in COMPRESSED_SUFFIXES:
        return None
    try:
        return Path(name).stat().st_size
    except OSError:
        return 0
