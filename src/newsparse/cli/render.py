"""Everything the command prints besides data: messages on stderr, the progress bar,
the summary line, ``check``'s table.

Rich draws only on a terminal; into a pipe or a file a message is one plain write, as
cheap as a warning per line of a noisy dump needs.
"""

import errno
import os
import sys
from collections.abc import Callable, Iterator
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any, TextIO

from newsparse.diagnostics import ParseWarning, Severity
from newsparse.quoting import safe

if TYPE_CHECKING:
    from rich.console import Console


@cache
def _console() -> "Console":
    """Rich console on stderr, created on first use so ``--version`` stays fast."""
    from rich.console import Console

    class MessageConsole(Console):
        def on_broken_pipe(self) -> None:
            """Rich would exit 1 and silence stdout, the data: only report it (to say)."""
            raise BrokenPipeError(errno.EPIPE, "stderr: broken pipe")

    return MessageConsole(stderr=True, highlight=False, soft_wrap=True)


def _stderr_is_terminal() -> bool:
    return sys.stderr is not None and _is_terminal(sys.stderr)


@lru_cache(maxsize=4)
def _is_terminal(stream: TextIO) -> bool:
    """Asked once per stream, not once per warning: it is a system call. The few last
    streams asked are kept (a run has one stderr; tests make one per run)."""
    return stream.isatty()


def say(message: str, style: str | None = None) -> None:
    """One message on stderr, coloured on a terminal only. If stderr is gone (closed,
    or its reader went away), the message is lost — never the data, nor the exit code."""
    _show(safe(message), style)


def _show(text: str, style: str | None) -> None:
    """``say`` for text already safe to show."""
    try:
        if _stderr_is_terminal():
            _console().print(text, style=style, markup=False)
        else:
            sys.stderr.write(f"{text}\n")
    except (OSError, ValueError, AttributeError):  # AttributeError: no stderr at all
        silence(sys.stderr)


def silence(stream: TextIO | None) -> None:
    """Point ``stream``'s descriptor at /dev/null, so that nothing more (Python's own
    flush at exit included) fails on it."""
    try:
        fd = stream.fileno() if stream is not None else -1
    except (OSError, ValueError):
        return
    if fd >= 0:
        os.dup2(os.open(os.devnull, os.O_WRONLY), fd)


def warn(warning: ParseWarning) -> None:
    """One line, marked ``warning:`` or ``error:`` (coloured by severity on a terminal);
    ``str(warning)`` quotes its untrusted parts safely already."""
    _show(str(warning), "bold red" if warning.severity is Severity.ERROR else "yellow")


def error(message: str) -> None:
    say(f"error: {message}", "bold red")


def count(number: int, noun: str) -> str:
    """``1 article``, ``2 articles``."""
    return f"{number} {noun}{'' if number == 1 else 's'}"


class ProgressBar:
    """A progress bar on stderr — bytes read, articles, rate, time left — when stderr is
    a terminal, the run is not in CI nor --quiet, and the input is worth waiting for."""

    #: Inputs smaller than this finish before a bar is worth drawing.
    MIN_BYTES = 8 << 20

    def __init__(self, sizes: list[int | None], *, enabled: bool) -> None:
        """``sizes``: each input's size in bytes, None when unknown (stdin)."""
        wanted = enabled and _stderr_is_terminal() and not os.environ.get("CI")
        known = None not in sizes
        total = sum(size or 0 for size in sizes)
        self._total = total if wanted and known and total >= self.MIN_BYTES else None
        self._bar: Any = None
        self._task: Any = None
        self._articles = 0

    def __enter__(self) -> "ProgressBar":
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
                console=_console(),
                transient=True,
            )
            self._bar.start()
            self._task = self._bar.add_task("convert", total=self._total, articles=0)
        return self

    def __exit__(self, *_: object) -> None:
        if self._bar is not None:
            self._bar.stop()

    @property
    def on_bytes(self) -> Callable[[int], None] | None:
        """What the reader calls with the bytes read: nothing when no bar is drawn."""
        return self.advance if self._total is not None else None

    def advance(self, size: int) -> None:
        if self._bar is not None:
            self._bar.update(self._task, advance=size, articles=self._articles)

    def article(self) -> None:
        self._articles += 1


def table(headers: list[str], rows: list[list[str]], width: int | None) -> Iterator[str]:
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
