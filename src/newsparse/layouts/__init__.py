"""Layouts as data: one TOML file per family of sites, and the rules the parser runs.

A layout file says what a family's pages print besides the story — header chrome, date
line forms, bylines, dateline separators and agencies, bullet glyphs, footers (trailers)
and site chrome — in the form ``schema.py`` checks and ``builtin/arabnews.toml`` shows.
The parser is one engine; :class:`Rules` merges the layouts it is given.

Built-in layouts are the files of ``builtin/``, found at run time: adding one is adding
a file. Detection tries them by ``priority``, higher first, ties by name. A user's
layout file either replaces detection (``rules_for(layout)``, ``--layout``) or joins it
(``rules_for(added=[...])``, ``--add-layout``), replacing a built-in of the same name.
"""

import tomllib
from collections.abc import Mapping, Sequence
from functools import cache
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from types import MappingProxyType

from pydantic import ValidationError

from newsparse.errors import UsageError
from newsparse.layouts.layout import DateRule, Layout, LineRule, build_layout, detection_order
from newsparse.layouts.rules import Rules
from newsparse.layouts.schema import LayoutFile, first_problem

__all__ = [
    "DateRule",
    "Layout",
    "LayoutError",
    "LineRule",
    "Rules",
    "builtin_layouts",
    "default_rules",
    "detection_layouts",
    "load_layout",
    "resolve_layout",
    "rules_for",
]


class LayoutError(UsageError):
    """A layout file that cannot be used: the message names the file and the key."""

    def __init__(self, path: str, key: str, problem: str) -> None:
        super().__init__(f"{path}: {key}: {problem}")


# --- reading layout files -------------------------------------------------------------


def load_layout(path: str | Path) -> Layout:
    """Read and check a user's layout file; :class:`LayoutError` names the file and key.
    Its patterns run on RE2 (see ``newsparse.linear``)."""
    file = _checked(Path(path), str(path), linear=True)
    return _built(file, str(path), builtin_layouts())


def _checked(source: Path | Traversable, name: str, *, linear: bool) -> LayoutFile:
    """The layout file at ``source``, validated by the schema."""
    try:
        data = tomllib.loads(source.read_text(encoding="utf-8"))
        return LayoutFile.model_validate(data, context={"linear": linear})
    except OSError as error:
        raise LayoutError(name, "file", error.strerror or str(error)) from None
    except UnicodeDecodeError:
        raise LayoutError(name, "file", "not UTF-8 text") from None
    except tomllib.TOMLDecodeError as error:
        raise LayoutError(name, "toml", str(error)) from None
    except ValidationError as error:
        raise LayoutError(name, *first_problem(error)) from None


def _built(file: LayoutFile, name: str, known: Mapping[str, Layout]) -> Layout:
    """The layout of ``file``, extending one of the ``known`` layouts if it says so."""
    if file.extends is not None and file.extends not in known:
        names = ", ".join(known)
        raise LayoutError(name, "extends", f"no built-in layout {file.extends!r} ({names})")
    return build_layout(file, None if file.extends is None else known[file.extends])


# --- built-in layouts -----------------------------------------------------------------


def builtin_layouts() -> Mapping[str, Layout]:
    """The layouts shipped with newsparse, by name, in detection order (read-only)."""
    return MappingProxyType(_builtins())


@cache
def _builtins() -> dict[str, Layout]:
    """Read once per process; checked by the same schema as a user's file."""
    folder = resources.files(__name__) / "builtin"
    files = [
        (_checked(entry, entry.name, linear=False), entry.name)
        for entry in folder.iterdir()
        if entry.name.endswith(".toml")
    ]
    layouts: dict[str, Layout] = {}
    while files:  # a layout after the one it extends; else the first left, to fail
        file, name = next((f for f in files if f[0].extends in (None, *layouts)), files[0])
        layouts[file.name] = _built(file, name, layouts)
        files.remove((file, name))
    return {layout.name: layout for layout in sorted(layouts.values(), key=detection_order)}


def resolve_layout(name_or_path: str) -> Layout:
    """A built-in layout by name, or a layout file by path."""
    builtin = builtin_layouts()
    if name_or_path in builtin:
        return builtin[name_or_path]
    if not name_or_path.endswith(".toml") and not Path(name_or_path).exists():
        known = ", ".join(builtin)
        raise UsageError(f"unknown layout {name_or_path!r} (built in: {known}; or a .toml file)")
    return load_layout(name_or_path)


# --- the rules the parser runs ------------------------------------------------------------


def rules_for(layout: str | Layout | None = None, added: Sequence[Layout] = ()) -> Rules:
    """The rules of one forced ``layout`` (a built-in name, a file path, a Layout), or,
    when it is None, of detection: every built-in layout but generic, and ``added``."""
    if layout is None:
        return _detecting(tuple(added))
    if added:
        raise UsageError("a forced layout is the only one: layouts cannot be added to it")
    return _forced(resolve_layout(layout) if isinstance(layout, str) else layout)


def default_rules() -> Rules:
    """Detection over the built-in layouts: ``rules_for()``."""
    return _detecting(())


def detection_layouts(added: Sequence[Layout] = ()) -> list[Layout]:
    """The layouts detection tries, in order: the built-in ones but generic, and
    ``added`` (one named like a built-in replaces it)."""
    names = [layout.name for layout in added]
    for layout in added:
        if layout.generic:
            raise UsageError(f"layout {layout.name!r} is generic: it can be forced, not added")
        if names.count(layout.name) > 1:
            raise UsageError(f"two added layouts are named {layout.name!r}")
    layouts = {**builtin_layouts(), **dict(zip(names, added, strict=True))}
    return sorted((x for x in layouts.values() if not x.generic), key=detection_order)


@cache
def _detecting(added: tuple[Layout, ...]) -> Rules:
    """Compiled once per set of layouts, not once per input file (layouts are frozen)."""
    return Rules.of(detection_layouts(added), auto=True)


@cache
def _forced(layout: Layout) -> Rules:
    return Rules.of([layout])
