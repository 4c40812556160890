"""Build newsparse with its parser compiled by mypyc (pyproject.toml holds the rest).

The parser decides what each line of a dump is through a few dozen small method calls
per line, the cost of which is Python's, not the work's. mypyc compiles these typed
modules to C extensions — the same source, checked by the same ``mypy --strict`` —
and a whole run on the mixed 40 MB dump takes 10.4 s instead of 19.3 s
(``benchmarks/bench.py``). The rest of the package (CLI, writers, models, I/O) runs
once per record or per run and stays Python.

``NEWSPARSE_COMPILE=0`` builds pure Python, for a machine without a C compiler: the
output is the same, only slower. Compiling needs a C compiler and Python's headers.
"""

import os
import sys

from setuptools import setup

#: The modules that run once per line or per article: the tokenizer, the grammar, and
#: what they call per line. Each is a plain typed module with no monkeypatching.
COMPILED = (
    "boundaries",
    "body",
    "date_first",
    "dates",
    "draft",
    "fields",
    "generic",
    "header",
    "layouts/rules",
    "lead_in",
    "lookahead",
    "parser",
    "patterns",
    "record",
    "seams",
    "tally",
    "taking",
    "text",
    "tokens",
)


#: setuptools commands that only describe or pack the source: mypyc's C (15 s of work)
#: is generated only when the package is built.
_SOURCE_ONLY = {"egg_info", "dist_info", "sdist"}


def extensions() -> list[object]:
    if os.environ.get("NEWSPARSE_COMPILE", "1") == "0" or _SOURCE_ONLY & set(sys.argv):
        return []
    from mypyc.build import mypycify

    paths = [f"src/newsparse/{name}.py" for name in COMPILED]
    # Third-party packages may not be installed yet when this runs (a fresh environment
    # builds newsparse before its dependencies): their types are then Any, which strict
    # checking refuses in the modules that are not compiled. Those are checked by
    # `mypy --strict src` in CI; here only the compiled modules' errors count.
    flags = ["--ignore-missing-imports", "--follow-imports=silent"]
    return mypycify([*flags, *paths], group_name="newsparse")


setup(ext_modules=extensions())
