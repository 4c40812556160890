"""``python -m newsparse``: the same entry point as the ``newsparse`` script."""

from newsparse.entry import main

main()
