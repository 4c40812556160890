"""newsparse: scraped news dumps in, validated article records out.

The library is pure and streaming: :func:`parse_lines` turns an iterable of lines into
an iterator of :class:`Article`; :func:`parse_text` and :func:`parse_file` feed it::

    from newsparse import ParseReport, parse_file, parse_text

    for article in parse_file("dump.txt.gz", now="2025-02-15T12:00:00+03:00"):
        print(article.id, article.headline, article.updated)

    report = ParseReport()                   # the account of every line, and warnings
    articles = list(parse_text(text, source="dump.txt", report=report))
    print(report.chrome, [str(w) for w in report.warnings])

Without ``report=`` warnings go to the ``newsparse`` logger. An input that cannot be
read raises :class:`InputError`, an ``OSError``. ``Article`` is a frozen pydantic model:
``article.model_dump(mode="json")`` is the record every output format writes, and
articles are hashable. ``__all__`` below is the public surface.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newsparse.diagnostics import ParseReport, ParseWarning, WarningCode
    from newsparse.errors import InputError, NewsparseError, OutputError, UsageError
    from newsparse.layouts import Layout, LayoutError, builtin_layouts, load_layout
    from newsparse.models import Article, Source
    from newsparse.parser import parse_lines, parse_text
    from newsparse.reader import parse_file, parse_stream

__version__ = "0.1.0"

#: Where each public name lives. Imported on first use, so that ``import newsparse``
#: (and the command's start-up, which Ctrl-C may interrupt) stays cheap.
_HOMES = {
    "ParseReport": "diagnostics",
    "ParseWarning": "diagnostics",
    "WarningCode": "diagnostics",
    "InputError": "errors",
    "NewsparseError": "errors",
    "OutputError": "errors",
    "UsageError": "errors",
    "Layout": "layouts",
    "LayoutError": "layouts",
    "builtin_layouts": "layouts",
    "load_layout": "layouts",
    "Article": "models",
    "Source": "models",
    "parse_lines": "parser",
    "parse_text": "parser",
    "parse_file": "reader",
    "parse_stream": "reader",
}


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module 'newsparse' has no attribute {name!r}")
    return getattr(import_module(f"newsparse.{_HOMES[name]}"), name)


__all__ = [
    "Article",
    "InputError",
    "Layout",
    "LayoutError",
    "NewsparseError",
    "OutputError",
    "ParseReport",
    "ParseWarning",
    "Source",
    "UsageError",
    "WarningCode",
    "__version__",
    "builtin_layouts",
    "load_layout",
    "parse_file",
    "parse_lines",
    "parse_stream",
    "parse_text",
]
