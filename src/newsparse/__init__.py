"""newsparse: scraped news dumps in, validated article records out.

The library is pure and streaming: :func:`parse_lines` turns an iterable of lines into
an iterator of :class:`Article`; :func:`parse_text` and :func:`parse_file` feed it.
"""

from newsparse.diagnostics import ParseReport, ParseWarning, WarningCode
from newsparse.errors import InputError, NewsparseError, OutputError, UsageError
from newsparse.layouts import Layout, LayoutError, builtin_layouts, load_layout
from newsparse.models import Article, Source
from newsparse.parser import parse_lines, parse_text
from newsparse.reader import parse_file

__version__ = "0.1.0"

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
    "parse_text",
]
