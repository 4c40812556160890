"""``newsparse check``: how every line of each dump was used, and every warning."""

import json
import shutil
import sys
from enum import StrEnum
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
from newsparse.cli.render import table
from newsparse.diagnostics import COVERAGE, ParseWarning
from newsparse.errors import InputError
from newsparse.inputs import find_dumps
from newsparse.options import ParseOptions
from newsparse.pipeline import Finished, RunHooks, run
from newsparse.quoting import safe
from newsparse.summary import InputSummary, span, total


class CheckFormat(StrEnum):
    TEXT = "text"
    JSON = "json"


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
    add_layout: AddLayout = None,
    encoding: Encoding = "utf-8",
    fix_text: FixText = False,
    strict: Annotated[
        bool, typer.Option("--strict", help="Exit 1 on any warning, not only on errors.")
    ] = False,
    jobs: Jobs = CPUS,
) -> None:
    """Each input summarised, then the report: text or JSON (help in app)."""
    with exit_codes():
        options = parse_options(now, encoding, fix_text, layout, add_layout)
        names = list(find_dumps(inputs or [], stdin_is_terminal=sys.stdin.isatty()))
        summaries = summarise(names, options, jobs)
        overall = total(summaries)
        out = stdout()
        if format is CheckFormat.JSON:
            document = {
                "inputs": [s.as_json() for s in summaries],
                "total": overall.as_json(detail=False),
            }
            out.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
        else:
            print_report(out, summaries, overall)
        out.flush()  # a full disk shows here, not at interpreter exit
        unreadable = sum(s.error is not None or s.account.partial for s in summaries)
        raise typer.Exit(
            outcome_code(
                unreadable=unreadable,
                errors=overall.account.errors,
                warnings=overall.account.warning_count,
                strict=strict,
            )
        )


def summarise(
    names: list[str | InputError], options: ParseOptions, jobs: int
) -> list[InputSummary]:
    """Each input's account, warnings and record spans, from one run: the records
    themselves are not kept."""
    summaries = []
    warnings: list[ParseWarning] = []
    spans: list[dict[str, Any]] = []
    for event in run(names, options, RunHooks(warnings.append), jobs=jobs):
        if isinstance(event, Finished):
            summaries.append(
                InputSummary(event.path, event.account, event.error, list(warnings), spans)
            )
            warnings.clear()
            spans = []
        else:
            spans.append(span(event.record(), event.layout))
    return summaries


COLUMNS = (
    "lines", "blank", "chrome", "preamble", "articles", *COVERAGE, "warnings", "errors",
)  # fmt: skip


def _row(summary: InputSummary) -> list[str]:
    path = safe(summary.path)  # a file name is untrusted text too
    if summary.error is not None:
        return [path, "unreadable", *[""] * (len(COLUMNS) - 1)]
    account = summary.account
    counts = [
        account.lines,
        account.blank_lines,
        sum(account.chrome.values()),
        account.preamble_lines,
        account.articles,
        *(account.coverage[name] for name in COVERAGE),
        account.warning_count,
        account.errors,
    ]
    return [path, *map(str, counts)]


def print_report(out: TextIO, summaries: list[InputSummary], overall: InputSummary) -> None:
    """Warnings and errors one per line, then the table of counts, then the totals by
    kind: plain text a person, grep and awk all read."""
    for summary in summaries:
        if summary.error is not None:
            out.write(f"error: {summary.error}\n")
        for warning in summary.warnings:
            out.write(f"{warning}\n")
    if any(s.error or s.warnings for s in summaries):
        out.write("\n")
    rows = [_row(s) for s in summaries] + [_row(overall)]
    width = shutil.get_terminal_size().columns if out.isatty() else None
    out.writelines(line + "\n" for line in table(["input", *COLUMNS], rows, width))
    account = overall.account
    chrome = ", ".join(f"{kind} {n}" for kind, n in sorted(account.chrome.items())) or "none"
    codes = ", ".join(f"{c} {n}" for c, n in sorted(account.warnings.items())) or "none"
    layouts = ", ".join(f"{name} {n}" for name, n in sorted(account.layouts.items())) or "none"
    out.write(f"\nlayouts: {layouts}\nchrome dropped: {chrome}\nwarnings by code: {codes}\n")
