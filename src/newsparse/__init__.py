"""newsparse: scraped news dumps in, validated article records out.

The library is pure and streaming: every entry point returns :class:`Articles`, an
iterator of :class:`Article` that also holds the :class:`LineAccount` of the lines read::

    from newsparse import ParseHooks, ParseOptions, parse_file, parse_text

    options = ParseOptions.of(now="2025-02-15T12:00:00+03:00")
    for article in parse_file("dump.txt.gz", options):
        print(article.id, article.headline, article.updated)

    warnings = []                            # without hooks, they go to the logger
    articles = parse_text(text, "dump.txt", hooks=ParseHooks(on_warning=warnings.append))
    records = list(articles)
    print(articles.account.chrome, [str(w) for w in warnings])

``newsparse.pipeline.run`` parses many inputs, serially or in worker processes, as the
command does. An input that cannot be read raises :class:`InputError`, an ``OSError``.
``Article`` is a frozen pydantic model: ``article.model_dump(mode="json")`` is the
record every output format writes. ``__all__`` below is the public surface.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newsparse.diagnostics import LineAccount, ParseHooks, ParseWarning, WarningCode
    from newsparse.errors import InputError, NewsparseError, OutputError, UsageError
    from newsparse.layouts import Layout, LayoutError, builtin_layouts, load_layout
    from newsparse.models import Article, Source
    from newsparse.options import ParseOptions
    from newsparse.parsing import Articles, parse_file, parse_lines, parse_stream, parse_text

__version__ = "0.1.0"

#: Where each public name lives. Imported on first use, so that ``import newsparse``
#: (and the command's start-up, which Ctrl-C may interrupt) stays cheap.
_HOMES = {
    "LineAccount": "diagnostics",
    "ParseHooks": "diagnostics",
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
    "ParseOptions": "options",
    "Articles": "parsing",
    "parse_file": "parsing",
    "parse_lines": "parsing",
    "parse_stream": "parsing",
    "parse_text": "parsing",
}


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module 'newsparse' has no attribute {name!r}")
    return getattr(import_module(f"newsparse.{_HOMES[name]}"), name)


__all__ = [
    "Article",
    "Articles",
    "InputError",
    "Layout",
    "LayoutError",
    "LineAccount",
    "NewsparseError",
    "OutputError",
    "ParseHooks",
    "ParseOptions",
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
