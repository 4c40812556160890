"""The ways into the parser: a string, lines, a binary stream, a file.

Each takes the same :class:`ParseOptions` and :class:`ParseHooks` and returns
:class:`Articles`: the articles, lazily, and the account of the lines they came from.
"""

import io
import itertools
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from newsparse.compressed import decompression_errors, open_dump
from newsparse.diagnostics import LineAccount, ParseHooks
from newsparse.errors import InputError
from newsparse.models import Article
from newsparse.options import DEFAULT_OPTIONS, ParseOptions
from newsparse.parser import read_articles
from newsparse.quoting import without_surrogates
from newsparse.reader import FILE_START, Position, decode_blocks, os_reason
from newsparse.tally import Tally
from newsparse.text import replace_surrogates, split_line_ends

_NO_HOOKS = ParseHooks()


class Articles(Iterator[Article]):
    """The articles of one parse, found as they are iterated, and :attr:`account`, the
    use of every line read so far (complete once the articles are exhausted)."""

    def __init__(self, articles: Iterator[Article], account: LineAccount) -> None:
        self._articles = articles
        self.account = account

    def __next__(self) -> Article:
        return next(self._articles)

    def close(self) -> None:
        """Stop early: the input is closed now rather than when collected."""
        close = getattr(self._articles, "close", None)
        if close is not None:
            close()


def parse_text(
    text: str,
    source: str = "-",
    options: ParseOptions = DEFAULT_OPTIONS,
    hooks: ParseHooks = _NO_HOOKS,
) -> Articles:
    """Parse a whole dump held in a string; see :func:`parse_lines`."""
    return parse_lines(io.StringIO(text, newline=""), source, options, hooks)


def parse_lines(
    lines: Iterable[str],
    source: str = "-",
    options: ParseOptions = DEFAULT_OPTIONS,
    hooks: ParseHooks = _NO_HOOKS,
) -> Articles:
    """Parse a dump given as lines (with or without their line ends) into articles.

    ``source`` is recorded as ``source.path`` and names the input in warnings, which go
    to ``hooks.on_warning`` (by default the ``newsparse`` logger).
    """
    tally = _tally(source, hooks)
    lines = split_line_ends(replace_surrogates(lines))
    return Articles(read_articles(lines, tally, options), tally.account)


def parse_stream(
    stream: BinaryIO,
    source: str,
    options: ParseOptions = DEFAULT_OPTIONS,
    hooks: ParseHooks = _NO_HOOKS,
    start: Position = FILE_START,
) -> Articles:
    """Parse a binary stream (a file, stdin, a remote file) named ``source``; ``start``
    says where in its file the stream begins, for line numbers and byte offsets.

    Bytes that do not decode become U+FFFD with a warning (NP120). An input that cannot
    be read to its end raises :class:`InputError` after the articles before the problem.
    """
    tally = _tally(source, hooks)
    return Articles(_stream_articles(stream, source, options, tally, start), tally.account)


def parse_file(
    path: str | Path,
    options: ParseOptions = DEFAULT_OPTIONS,
    hooks: ParseHooks = _NO_HOOKS,
    start: Position = FILE_START,
) -> Articles:
    """Parse the dump at ``path`` lazily; the file is open only while iterating.
    ``.gz``, ``.bz2``, ``.xz`` and ``.zst`` files are decompressed as they are read. A
    file that cannot be opened raises :class:`InputError` (an ``OSError``) then.
    ``start`` (a plain file only) parses from that line and byte offset on."""
    tally = _tally(str(path), hooks)
    return Articles(_file_articles(str(path), options, tally, start), tally.account)


def _tally(source: str, hooks: ParseHooks) -> Tally:
    # A file name that is not UTF-8 is recorded with U+FFFD (SPEC: `source.path`).
    return Tally(without_surrogates(source), hooks)


def _file_articles(
    name: str, options: ParseOptions, tally: Tally, start: Position
) -> Iterator[Article]:
    try:
        stream = open_dump(name)
        if start.byte:
            stream.seek(start.byte)
    except ModuleNotFoundError as error:  # .zst without zstandard
        raise InputError(name, str(error)) from None
    except OSError as error:
        raise InputError(name, os_reason(error)) from None
    with stream:
        yield from _stream_articles(stream, name, options, tally, start)


def _stream_articles(
    stream: BinaryIO, name: str, options: ParseOptions, tally: Tally, start: Position
) -> Iterator[Article]:
    failure: list[InputError] = []

    def blocks_until_failure() -> Iterator[list[str]]:
        """The stream's lines, a block at a time; a failure ends them, so the parser
        finishes the articles it holds (its lookahead) before the failure is raised."""
        try:
            on_bytes = tally.hooks.on_bytes
            yield from decode_blocks(stream, name, options.encoding, on_bytes, tally, start)
        except InputError as error:
            failure.append(error)
        except OSError as error:
            failure.append(InputError(name, os_reason(error)))
        except Exception as error:  # not BaseException: GeneratorExit passes untouched
            if not isinstance(error, decompression_errors()):
                raise
            failure.append(InputError(name, f"damaged archive: {error}"))

    blocks = blocks_until_failure()
    first = next(blocks, None)
    if first is None and failure:  # nothing read: not an empty input (NP105) either
        raise failure[0]
    lines = itertools.chain.from_iterable(
        blocks if first is None else itertools.chain([first], blocks)
    )
    yield from read_articles(lines, tally, options, start.line)
    if failure:
        raise failure[0]
