"""The command line: ``app`` (commands), ``render`` (what is printed), ``exits``
(errors and outcomes to exit codes)."""

from newsparse.cli.app import app, main

__all__ = ["app", "main"]
