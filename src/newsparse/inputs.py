"""Finding the dumps a command line names: files as given, directories as their
``*.txt`` and ``*.txt.gz|bz2|xz|zst`` files (recursively, sorted), ``-`` as stdin.

Nothing is skipped silently. A subdirectory that cannot be listed, a ``*.txt`` link
that leads nowhere (dangling, or a loop of links) and a directory link back into a
directory being read are each an :class:`InputError` in the place of the dumps they
hide, so the run reports them and exits 3. And the output of a run may not be one of
its inputs: ``-o`` onto a dump would replace it before it is read.
"""

import os
from collections.abc import Iterator
from pathlib import Path

from newsparse.compressed import is_dump
from newsparse.errors import InputError, UsageError
from newsparse.reader import os_reason

STDIN = "-"


def find_dumps(names: list[str], *, stdin_is_terminal: bool) -> Iterator[str | InputError]:
    """Every input named, in order; an input that cannot be used becomes an error in
    its place. No name: stdin, unless it is a terminal (nothing would ever come)."""
    if not names and stdin_is_terminal:
        raise UsageError(
            "no input given and stdin is a terminal; name a dump file or directory, "
            "or pipe one in (see --help)"
        )
    for name in names or [STDIN]:
        if name == STDIN or not Path(name).is_dir():
            yield name
            continue
        found = sorted(_walk(name, frozenset()), key=_path_of)
        if not found:
            yield InputError(name, "directory holds no *.txt or *.txt.gz|bz2|xz|zst dumps")
        yield from found


def _path_of(item: str | InputError) -> str:
    return item if isinstance(item, str) else item.path


def _walk(directory: str, ancestors: frozenset[tuple[int, int]]) -> Iterator[str | InputError]:
    """The dumps under ``directory``, following links to directories but never in a
    circle (``ancestors``: the directories being read, by device and inode)."""
    try:
        identity = _identity(os.stat(directory))
        entries = list(os.scandir(directory))
    except OSError as error:
        yield InputError(directory, os_reason(error))
        return
    if identity in ancestors:
        yield InputError(directory, "a symbolic link back into a directory being read; skipped")
        return
    for entry in entries:
        try:
            is_dir = entry.is_dir()
            is_file = entry.is_file()
        except OSError as error:  # a link loop, or a name that vanished
            if is_dump(Path(entry.name)):
                yield InputError(entry.path, os_reason(error))
            continue
        if is_dir:
            yield from _walk(entry.path, ancestors | {identity})
        elif is_dump(Path(entry.name)):
            yield entry.path if is_file else InputError(entry.path, _broken(entry.path))


def _identity(stat: os.stat_result) -> tuple[int, int]:
    return (stat.st_dev, stat.st_ino)


def _broken(path: str) -> str:
    """Why a ``*.txt`` name that is neither a file nor a directory cannot be read."""
    try:
        os.stat(path)
    except OSError as error:
        if os.path.islink(path) and isinstance(error, FileNotFoundError):
            return f"a symbolic link to {os.readlink(path)!r}, which does not exist"
        return os_reason(error)
    return "not a regular file"


def refuse_output_among_inputs(output: Path, names: list[str]) -> None:
    """:class:`UsageError` when ``output`` is an input named, or a dump a directory
    scan of an input would read: writing it would replace what is being read."""
    target = Path(os.path.realpath(output))  # never raises, even on a loop of links
    for name in names:
        if name == STDIN:
            continue
        source = Path(os.path.realpath(name))
        inside = source.is_dir() and target.is_relative_to(source)
        if target == source or (inside and is_dump(target)):
            raise UsageError(
                f"-o {output} would replace the input {name}; write the output elsewhere"
            )
