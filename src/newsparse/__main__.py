"""``python -m newsparse``: the same entry point as the ``newsparse`` script."""

from newsparse.cli import main

main()
