"""Writing an output file atomically: a temporary file beside it, then a rename.

A failure — full disk, Ctrl-C, a crash — never leaves half a file where the user
expects output, and never replaces a good file with a broken one.
"""

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from newsparse.errors import NewsparseError, OutputError

#: The buffer of a file written whole: a write call per mebibyte, not per 8 KiB (40 MB
#: of records took 39 ms of writes that way, 15 ms this way).
FILE_BUFFER = 1 << 20


@contextlib.contextmanager
def atomic_output(path: Path, *, follow_links: bool = True) -> Iterator[TextIO]:
    """A text stream (UTF-8, no newline translation) that becomes ``path`` on success.

    A path that exists but is not a regular file (``/dev/null``, a named pipe) cannot be
    replaced by a rename, and must not be: it is written to directly — unless it is a
    link and ``follow_links`` is false: then the link itself is replaced. A file is
    written ``FILE_BUFFER`` at a time; a pipe as usual, its reader seeing records soon.
    """
    if path.exists() and not path.is_file() and (follow_links or not path.is_symlink()):
        try:
            with path.open("w", encoding="utf-8", newline="") as stream:
                yield stream
        except OSError as error:
            raise OutputError(str(path), error.strerror or str(error)) from None
        return
    try:
        fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as error:
        raise OutputError(str(path), error.strerror or str(error)) from None
    try:
        with open(fd, "w", encoding="utf-8", newline="", buffering=FILE_BUFFER) as stream:
            yield stream
        os.chmod(temporary, _file_mode(path))
        os.replace(temporary, path)
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(error, OSError) and not isinstance(error, NewsparseError):
            raise OutputError(str(path), error.strerror or str(error)) from None
        raise  # ours already say what went wrong (an InputError is an OSError too)


def _file_mode(path: Path) -> int:
    """Keep the mode of the file being replaced; a new file gets the umask's default."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
