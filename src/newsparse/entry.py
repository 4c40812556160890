"""The ``newsparse`` console script and ``python -m newsparse``.

Importing the command (Typer, pydantic, the layouts) takes a good part of start-up;
Ctrl-C in that time ends with exit 130 and no traceback, as it does later.
"""

import sys

from newsparse.errors import ExitCode


def main() -> None:
    try:
        from newsparse.cli import main as run
    except KeyboardInterrupt:
        sys.exit(ExitCode.INTERRUPTED)
    run()
