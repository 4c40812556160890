"""Compressed dumps, read by suffix: scraped archives are usually ``.gz``, ``.bz2`` or
``.xz`` (and ``.zst`` with the optional ``zstandard`` package).

The decompressed bytes go through the same line reader as a plain file, so line numbers,
byte offsets and records are those of the plain dump.
"""

import bz2
import gzip
import io
import lzma
from pathlib import Path
from typing import BinaryIO, cast

from newsparse.extras import install_hint

#: What a dump file is called: a ``.txt``, or a ``.txt`` compressed as its suffix says.
COMPRESSED_SUFFIXES = (".gz", ".bz2", ".xz", ".zst")
DUMP_PATTERNS = ("*.txt", *(f"*.txt{suffix}" for suffix in COMPRESSED_SUFFIXES))


#: The first bytes of each format, to tell a compressed file that lacks its suffix.
_MAGIC = {
    b"\x1f\x8b": ".gz",
    b"BZh": ".bz2",
    b"\xfd7zXZ\x00": ".xz",
    b"\x28\xb5\x2f\xfd": ".zst",
}

ZSTD_HINT = f".zst dumps need the zstandard package: {install_hint('zstd')}"


def is_dump(path: Path) -> bool:
    """Whether a file in a directory is a dump: ``*.txt`` or ``*.txt.gz|bz2|xz|zst``."""
    return any(path.match(pattern) for pattern in DUMP_PATTERNS)


def open_dump(path: str | Path) -> BinaryIO:
    """``path`` opened for reading bytes, decompressed when its suffix says so.

    Raises OSError when the file cannot be opened, or, for ``.zst`` without zstandard,
    ModuleNotFoundError with :data:`ZSTD_HINT`.
    """
    suffix = Path(path).suffix.lower()
    if suffix == ".gz":
        return cast(BinaryIO, gzip.open(path, "rb"))
    if suffix == ".bz2":
        return cast(BinaryIO, bz2.open(path, "rb"))
    if suffix == ".xz":
        return cast(BinaryIO, lzma.open(path, "rb"))
    if suffix == ".zst":
        return _open_zstd(path)
    return Path(path).open("rb")


def _open_zstd(path: str | Path) -> BinaryIO:
    try:
        import zstandard
    except ImportError:
        raise ModuleNotFoundError(ZSTD_HINT) from None
    raw = Path(path).open("rb")  # noqa: SIM115 - closed with the reader
    # zstandard's reader has no readline: buffered, it yields lines like any file.
    reader = zstandard.ZstdDecompressor().stream_reader(raw, closefd=True)
    return cast(BinaryIO, io.BufferedReader(reader))


def decompression_errors() -> tuple[type[Exception], ...]:
    """What a damaged or truncated archive raises besides OSError (which gzip's and
    bz2's bad data already are)."""
    errors: tuple[type[Exception], ...] = (EOFError, lzma.LZMAError)
    try:
        import zstandard
    except ImportError:
        return errors
    return (*errors, zstandard.ZstdError)


def compressed_hint(first_line: bytes) -> str | None:
    """Why a file that starts with ``first_line`` is not text, when it is compressed
    data without its suffix (``--encoding`` would not help)."""
    for magic, suffix in _MAGIC.items():
        if first_line.startswith(magic):
            name = suffix.removeprefix(".")
            return (
                f"it looks {name}-compressed: newsparse decompresses dumps named *.txt{suffix}"
                f" (or pipe it through the {name} decompressor)"
            )
    return None
