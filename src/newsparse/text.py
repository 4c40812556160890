"""Line normalisation (SPEC §2, *Lines*).

Every line is normalised once, on the way in, so that every later rule compares clean
text. Nothing else is rewritten: quotes, dashes and inner spacing stay as printed.
"""

import re
import unicodedata
from collections.abc import Iterable, Iterator
from typing import Final

#: Replacements, as (character, replacement): zero-width characters that scrapers leave
#: behind are removed; no-break spaces (NBSP, figure space, narrow NBSP) become spaces.
_REPLACEMENTS: Final = (
    ("\u200b", ""),
    ("\u2060", ""),
    ("\ufeff", ""),
    ("\u00a0", " "),
    ("\u2007", " "),
    ("\u202f", " "),
)
#: Lone surrogates (from ``surrogateescape`` or broken JSON) are not text: no record
#: holding one could be written as UTF-8. They become U+FFFD, as undecodable bytes do.
_SURROGATES: Final = re.compile(f"[{chr(0xD800)}-{chr(0xDFFF)}]")  # no lone surrogate in source


def normalize_line(line: str) -> str:
    """Return ``line`` as every rule sees it: clean, NFC, stripped.

    ASCII lines (most of a dump) only need stripping; the Unicode work is done only
    where non-ASCII text needs it, and a replacement only where its character occurs
    (a substring test is far cheaper than ``str.translate`` on long lines).
    """
    if line.isascii():
        return line.strip()
    for character, replacement in _REPLACEMENTS:
        if character in line:
            line = line.replace(character, replacement)
    if not unicodedata.is_normalized("NFC", line):
        line = unicodedata.normalize("NFC", line)
    return line.strip()


def replace_surrogates(lines: Iterable[str]) -> Iterator[str]:
    """``lines`` with lone surrogates as U+FFFD. Lines decoded from bytes hold none, so
    only text handed to the library as ``str`` needs this pass."""
    for line in lines:
        yield (
            line
            if line.isascii() or not _SURROGATES.search(line)
            else _SURROGATES.sub("\ufffd", line)
        )


def split_line_ends(chunks: Iterable[str]) -> Iterator[str]:
    r"""Split already-``\n``-split lines further at lone ``\r`` (old Mac line ends).

    Input lines may still carry their ``\n`` or ``\r\n`` end; output lines carry none.
    Only ``\n``, ``\r\n`` and ``\r`` end a line (SPEC), never ``\v``, ``\f`` or U+2028,
    which :meth:`str.splitlines` would also split on.
    """
    for chunk in chunks:
        if "\r" not in chunk:  # the common case: at most a \n to cut
            yield chunk[:-1] if chunk.endswith("\n") else chunk
            continue
        if chunk.endswith("\n"):
            chunk = chunk[:-1]
        if chunk.endswith("\r"):  # the CR of a CRLF, or a lone CR ending the last line
            chunk = chunk[:-1]
        yield from chunk.split("\r")


def split_lines(text: str) -> list[str]:
    r"""The lines of ``text`` (whole lines, the last maybe without its end) without their
    ends, as :func:`split_line_ends` splits them, by one ``str.split`` in C: a ``\r\n``
    then a lone ``\r`` is the same line end as ``\n``."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if not lines[-1]:  # the empty piece after the last line end (or of an empty text)
        lines.pop()
    return lines
