"""What the commands share: the parsing options, their help, and turning them into
the library's :class:`ParseOptions`."""

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, TextIO

import typer

from newsparse.dates import as_now
from newsparse.errors import UsageError
from newsparse.extras import install_hint
from newsparse.options import ParseOptions

#: The end of every command's help: Click keeps lines after a \b line as they are.
EXIT_CODES_HELP = """\b
Exit codes:
  0    success (warnings may have been printed)
  1    content problems: check found errors, or --strict saw warnings
  2    usage error
  3    an input could not be read, in whole or in part
  4    the output could not be written
  70   internal failure (a worker process died)
  129  the terminal went away (SIGHUP)
  130  interrupted (Ctrl-C)
  143  terminated (SIGTERM)"""

#: Described in each command's help text: Typer would print its type (<list[str]>).
Inputs = Annotated[list[str] | None, typer.Argument(metavar="INPUT", hidden=True)]
INPUTS_HELP = (
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
AddLayout = Annotated[
    list[Path] | None,
    typer.Option(
        "--add-layout",
        help="Add a site to detection: a layout file (.toml), tried with the built-in "
        "layouts. Repeatable.",
        metavar="FILE",
        dir_okay=False,
    ),
]
FixText = Annotated[
    bool,
    typer.Option(
        "--fix-text",
        help="Repair mojibake ('â€™' for '’') with ftfy (pip install -e '.[fix]').",
    ),
]

Jobs = Annotated[
    int,
    typer.Option(
        "--jobs",
        "-j",
        min=1,
        help="Worker processes: several inputs, or a large one in parts; the output is "
        "the same (1: strictly serial). Default: the number of CPUs.",
        metavar="N",
        show_default=False,
    ),
]


def parse_options(
    now: str | None,
    encoding: str,
    fix_text: bool,
    layout: str | None,
    added_layouts: list[Path] | None,
) -> ParseOptions:
    """How to read every input: the options ``convert`` and ``check`` share."""
    try:
        moment = as_now(now)
    except ValueError as error:
        raise UsageError(f"--now: {error}") from None
    if layout is not None and added_layouts:
        raise UsageError("--layout forces one layout: it cannot be used with --add-layout")
    return ParseOptions.of(
        now=moment,
        encoding=encoding,
        fix_text=_text_fixer(fix_text),
        layout=layout,
        added_layouts=[str(path) for path in added_layouts or []],
    )


def _text_fixer(wanted: bool) -> Callable[[str], str] | None:
    if not wanted:
        return None
    try:
        import ftfy
    except ImportError:
        raise UsageError(f"--fix-text needs ftfy: {install_hint('fix')}") from None
    fix: Callable[[str], str] = ftfy.fix_encoding
    return fix


def stdout() -> TextIO:
    """stdout as UTF-8 without newline translation: data, whatever the locale."""
    import io

    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(encoding="utf-8", newline="")
    return sys.stdout


#: ``--jobs``'s default: one worker per CPU.
CPUS = os.cpu_count() or 1
