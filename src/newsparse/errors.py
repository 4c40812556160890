"""One error hierarchy; each class knows its exit code (SPEC §4), so the CLI maps
errors to exit codes in one place: ``sys.exit(error.exit_code)``.

``str(error)`` is the one-line message the user sees, naming file and line where known.
"""

import signal
from enum import IntEnum

from newsparse.quoting import safe


class ExitCode(IntEnum):
    """The exit codes newsparse promises (SPEC §4)."""

    OK = 0
    CONTENT = 1  # `check` found errors, or --strict saw warnings
    USAGE = 2  # bad option or value
    INPUT = 3  # an input could not be read or decoded
    OUTPUT = 4  # the output could not be written
    INTERNAL = 70  # newsparse itself failed (a worker process died), as sysexits' EX_SOFTWARE
    HANGUP = 129  # SIGHUP (the terminal went away), as shells report it
    INTERRUPTED = 130  # Ctrl-C, as shells report SIGINT
    TERMINATED = 143  # SIGTERM (kill, a job scheduler), as shells report it


class NewsparseError(Exception):
    """Base of every error newsparse raises on purpose."""

    exit_code = ExitCode.CONTENT

    def __str__(self) -> str:
        """The message, safe on a terminal: file names and quoted text are untrusted."""
        return safe(super().__str__())


class UsageError(NewsparseError):
    """The command line asked for something impossible (bad option value, conflict)."""

    exit_code = ExitCode.USAGE


class InputError(NewsparseError, OSError):
    """An input could not be found, read or decoded: an ``OSError`` too, so code that
    handles file errors handles it."""

    exit_code = ExitCode.INPUT

    def __init__(self, path: str, message: str, line: int | None = None) -> None:
        self.path = path
        self.line = line
        self.reason = message  # without the place, as a parse warning's message is
        where = path if line is None else f"{path}:{line}"
        super().__init__(f"{where}: {message}")


class OutputError(NewsparseError):
    """The output could not be written."""

    exit_code = ExitCode.OUTPUT

    def __init__(self, path: str, message: str) -> None:
        self.path = path
        super().__init__(f"{path}: {message}")


class WorkerError(NewsparseError):
    """A worker process died before finishing (killed, out of memory): not the input's
    fault nor the user's, so neither exit 1 nor 3."""

    exit_code = ExitCode.INTERNAL


class Terminated(BaseException):
    """SIGTERM or SIGHUP arrived: the run unwinds as on Ctrl-C (temporary files go,
    workers are stopped) and exits as shells report the signal (128 + its number)."""

    def __init__(self, signum: int) -> None:
        self.signum = signum
        self.name = signal.Signals(signum).name
        self.exit_code = ExitCode(128 + signum)
        super().__init__(self.name)
