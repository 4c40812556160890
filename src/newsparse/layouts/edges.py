"""Which characters a line can begin and end with, if a pattern matches all of it.

Most lines of a dump are paragraphs that no layout rule matches, yet the gate's one
expression tries every rule on each: a rule such as ``(?i:(?:[\\w.&’'-]+ ){0,4}logo)``
enters its loops before it fails. A paragraph that starts with ``R`` and ends with
``.`` can match only the rules that may start with ``R`` and end with ``.``; the gate
asks those alone, or none at all.

The characters are read off the pattern's parse (Python's own, ``re._parser``). What
cannot be read exactly is widened, never narrowed: an unknown construct allows any
character, so a rule is left out only when it cannot match.
"""

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Final

try:  # the parser ``re`` itself runs; private, so its absence only costs speed
    from re import _constants as sre  # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - a Python without them
    sre = sre_parse = None

_ASCII: Final = tuple(map(chr, range(128)))
_EMPTY: Final[frozenset[str]] = frozenset()


@dataclass(frozen=True)
class CharSet:
    """Characters: the ASCII ones listed, and whether any other may be among them."""

    ascii: frozenset[str]
    other: bool

    def __contains__(self, char: object) -> bool:
        return char in self.ascii if isinstance(char, str) and char.isascii() else self.other

    def __or__(self, more: "CharSet") -> "CharSet":
        return CharSet(self.ascii | more.ascii, self.other or more.other)


_NONE: Final = CharSet(frozenset(), other=False)


@dataclass(frozen=True)
class _Edge:
    """What one end of a piece of pattern can be: its characters there, and whether it
    can match nothing (then what lies beyond it counts too)."""

    chars: CharSet
    empty: bool


def edges(pattern: str) -> tuple[CharSet | None, CharSet | None]:
    """The characters a whole-line match of ``pattern`` can begin with and end with;
    None for either when it cannot be told (any character may then be there)."""
    if sre_parse is None:
        return None, None
    parsed = sre_parse.parse(pattern)
    items, flags = list(parsed), parsed.state.flags
    return _whole(_sequence(items, flags, reverse=False)), _whole(
        _sequence(items, flags, reverse=True)
    )


def _whole(edge: _Edge | None) -> CharSet | None:
    # A pattern that can match nothing has no end character to require.
    return None if edge is None or edge.empty else edge.chars


def _sequence(items: list[tuple[Any, Any]], flags: int, *, reverse: bool) -> _Edge | None:
    """The edge of a sequence: its first item's, and the next one's while the items
    before can match nothing."""
    chars = _NONE
    for op, value in reversed(items) if reverse else items:
        edge = _item(op, value, flags, reverse=reverse)
        if edge is None:
            return None
        chars |= edge.chars
        if not edge.empty:
            return _Edge(chars, empty=False)
    return _Edge(chars, empty=True)


def _item(op: Any, value: Any, flags: int, *, reverse: bool) -> _Edge | None:
    if op is sre.LITERAL:
        chars = _literal(value, flags)
        return None if chars is None else _Edge(chars, empty=False)
    if op is sre.IN:
        chars = _char_class(value, flags)
        return None if chars is None else _Edge(chars, empty=False)
    if op is sre.SUBPATTERN:
        _group, add_flags, del_flags, items = value
        return _sequence(list(items), (flags | add_flags) & ~del_flags, reverse=reverse)
    if op is sre.BRANCH:
        return _union(_sequence(list(items), flags, reverse=reverse) for items in value[1])
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None)):
        least, _most, items = value
        edge = _sequence(list(items), flags, reverse=reverse)
        return None if edge is None else _Edge(edge.chars, edge.empty or least == 0)
    if op is getattr(sre, "ATOMIC_GROUP", None):
        return _sequence(list(value), flags, reverse=reverse)
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return _Edge(_NONE, empty=True)  # zero width; a look-around only narrows
    return None  # any character, a back-reference, a conditional: unknown


def _union(edges: Iterable[_Edge | None]) -> _Edge | None:
    chars, empty = _NONE, False
    for edge in edges:
        if edge is None:
            return None
        chars, empty = chars | edge.chars, empty or edge.empty
    return _Edge(chars, empty)


def _literal(code: int, flags: int) -> CharSet | None:
    char = chr(code)
    if not flags & re.IGNORECASE:
        return CharSet(frozenset({char}), other=False) if char.isascii() else CharSet(_EMPTY, True)
    if not char.isascii():
        return None  # "K" (Kelvin sign) matches "k": an ASCII letter may match it
    # Some non-ASCII letters match ASCII ones without case ("ſ" matches "s").
    return CharSet(frozenset({char.lower(), char.upper()}), other=True)


#: The character classes ``\d``, ``\w`` and ``\s`` of ``str`` patterns, by the test
#: ``re`` applies to a character, on ASCII; every one also holds non-ASCII characters.
_CATEGORIES: Final[dict[Any, Callable[[str], bool]]] = (
    {}
    if sre is None
    else {
        sre.CATEGORY_DIGIT: str.isdecimal,
        sre.CATEGORY_WORD: lambda char: char.isalnum() or char == "_",
        sre.CATEGORY_SPACE: str.isspace,
    }
)


def _char_class(items: list[tuple[Any, Any]], flags: int) -> CharSet | None:
    """``[...]``, ``\\d``, ``\\w``, ``\\s``; a negated class is unknown."""
    chars = _NONE
    for op, value in items:
        if op is sre.LITERAL:
            more = _literal(value, flags)
        elif op is sre.RANGE and not flags & re.IGNORECASE:
            low, high = value
            more = CharSet(frozenset(_ASCII[low : high + 1]), other=high > 127)
        elif op is sre.CATEGORY and value in _CATEGORIES:
            test = _CATEGORIES[value]
            listed = frozenset(char for char in _ASCII if test(char))
            if flags & re.IGNORECASE:
                listed |= {char.swapcase() for char in listed}
            more = CharSet(listed, other=True)
        else:
            more = None
        if more is None:
            return None
        chars |= more
    return chars
