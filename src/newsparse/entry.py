"""The ``newsparse`` console script and ``python -m newsparse``.

Importing the command (Typer, pydantic, the layouts) takes a good part of start-up;
Ctrl-C in that time ends with exit 130 and no traceback, as it does later.

What the imports built (modules, classes, pydantic's validators) lives as long as the
process, so it is frozen out of the garbage collector's reach: the full collections
that loading the layouts triggers would otherwise walk all of it (5% of start-up's
instructions). A library caller keeps its own collector settings.
"""

import gc
import sys

from newsparse.errors import ExitCode


def main() -> None:
    try:
        from newsparse.cli import main as run
    except KeyboardInterrupt:
        sys.exit(ExitCode.INTERRUPTED)
    gc.freeze()
    run()
