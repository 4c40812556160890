"""Parsing in tests: one call gives the articles, the line account and the warnings.

The library hands warnings to ``ParseHooks.on_warning`` (by default the logger) and keeps
none; tests want them as a list, next to the records and the account.
"""

from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

from newsparse import (
    Article,
    Articles,
    LineAccount,
    ParseHooks,
    ParseOptions,
    ParseWarning,
    parse_file,
    parse_text,
)


class Parsed(NamedTuple):
    """Everything one parse gave, read to its end."""

    articles: list[Article]
    account: LineAccount
    warnings: list[ParseWarning]


def parse_all(
    text: str,
    source: str = "-",
    *,
    on_line: Callable[[int, str], None] | None = None,
    on_article: Callable[[Article, str], None] | None = None,
    **options: Any,
) -> Parsed:
    """Parse ``text`` with ``ParseOptions.of(**options)``, collecting the warnings."""
    warnings: list[ParseWarning] = []
    hooks = ParseHooks(on_warning=warnings.append, on_line=on_line, on_article=on_article)
    return _drain(parse_text(text, source, ParseOptions.of(**options), hooks), warnings)


def parse_all_file(
    path: str | Path,
    *,
    on_line: Callable[[int, str], None] | None = None,
    on_article: Callable[[Article, str], None] | None = None,
    **options: Any,
) -> Parsed:
    """:func:`parse_all` for the dump at ``path``."""
    warnings: list[ParseWarning] = []
    hooks = ParseHooks(on_warning=warnings.append, on_line=on_line, on_article=on_article)
    return _drain(parse_file(path, ParseOptions.of(**options), hooks), warnings)


def _drain(articles: Articles, warnings: list[ParseWarning]) -> Parsed:
    return Parsed(list(articles), articles.account, warnings)
