"""The one place where errors and outcomes become exit codes (SPEC §4).

Every error leaves as one line on stderr — ``error: ...`` — and its code: newsparse's
own errors (each knows its code), Click's usage errors (a bad option: exit 2, in the
same one-line style, with where to find help), interrupts and signals (128 + the
signal), a broken pipe (exit 0: the reader has what it wanted), a failed stdout (4).
Never a traceback.
"""

import errno
import io
import signal
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import typer
from typer.core import TyperGroup

from newsparse.cli.render import error, say, silence
from newsparse.errors import ExitCode, NewsparseError, Terminated


def outcome_code(*, unreadable: int, errors: int, warnings: int, strict: bool) -> ExitCode:
    """A finished run's exit code: 3 if an input could not be read as it is, else 1 on
    errors (or, with ``--strict``, on warnings), else 0."""
    if unreadable:
        return ExitCode.INPUT
    if errors or (strict and warnings):
        return ExitCode.CONTENT
    return ExitCode.OK


@contextmanager
def exit_codes() -> Iterator[None]:
    """Around a command's body: errors become one line on stderr and an exit code."""
    try:
        yield
    except NewsparseError as failure:
        error(str(failure))
        raise typer.Exit(failure.exit_code) from None
    except KeyboardInterrupt:
        say("interrupted", "red")
        raise typer.Exit(ExitCode.INTERRUPTED) from None
    except Terminated as stop:
        say(f"interrupted by {stop.name}", "red")
        raise typer.Exit(stop.exit_code) from None
    except BrokenPipeError:
        # The reader went away (`| head`): it has what it wanted. Stop quietly, and
        # keep Python from complaining when it flushes stdout at exit.
        silence(sys.stdout)
        raise typer.Exit(ExitCode.OK) from None
    except OSError as failure:
        # Inputs and -o files raise their own errors; what is left is stdout (a full
        # disk behind a redirection) — the output could not be written.
        raise typer.Exit(stdout_failed(failure)) from None


def stdout_failed(failure: OSError) -> ExitCode:
    error(f"stdout: {failure.strerror or failure}")
    silence(sys.stdout)
    return ExitCode.OUTPUT


class OneLineErrors(TyperGroup):
    """The command group, with Click's usage errors in newsparse's one-line style
    (``error: No such option: --bogus; see 'newsparse convert -h'``) instead of a usage
    block, so every error a user sees looks the same and greps the same."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        try:
            code = super().main(args, prog_name, complete_var, False, windows_expand_args, **extra)
        except typer.TyperException as failure:  # Click's errors (Typer bundles Click)
            code = _report_click_error(failure)
        except typer.Abort:
            code = ExitCode.INTERRUPTED
        if not standalone_mode:
            return code
        sys.exit(code if isinstance(code, int) else ExitCode.OK)


def _report_click_error(failure: Any) -> int:
    """One line for a usage error; the help itself when no command was given."""
    message = failure.format_message()
    ctx = getattr(failure, "ctx", None)
    if ctx is not None and message == ctx.get_help():  # `newsparse` alone
        sys.stderr.write(message + "\n")
    elif ctx is not None:
        error(f"{message.rstrip('.')}; see '{ctx.command_path} -h'")
    else:
        error(message)
    code: int = failure.exit_code
    return code


def _terminate(signum: int, _frame: object) -> None:
    raise Terminated(signum)


def run_app(app: Any) -> None:
    """The ``newsparse`` console script: SIGTERM and SIGHUP unwind like Ctrl-C (temporary
    files go), and whatever escapes a command still ends with its code."""
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, _terminate)
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
    except OSError as failure:  # --version or --help to a full disk or a closed stdout
        sys.exit(stdout_failed(failure))


class _ClosedStdout(io.StringIO):
    """stdout when the process started without one (``>&-``): writing to it fails as
    writing to a closed descriptor does, so data is never dropped without a word."""

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "stdout is closed")
