"""Regular expressions from layout files, run in time linear in the line's length.

Python's ``re`` backtracks: a user's pattern such as ``(a+)+$`` took 49 s on a line of
30 characters, and a dump holds millions of lines. Patterns from layout files are
therefore compiled by RE2 (``google-re2``), which guarantees linear time whatever the
pattern, and refuses the constructs that cannot have that guarantee (backreferences,
lookarounds) when the file is loaded. Built-in layouts are ours, reviewed, and stay on
``re`` (faster per call, and one separator needs a lookahead).

:class:`LinearPattern` answers the few questions the parser asks of a compiled pattern
(``fullmatch``, ``search``, ``groupindex``, ``pattern``) exactly as ``re.Pattern`` does.
"""

import re
import sys
from collections.abc import Mapping
from typing import Any

import re2

_OPTIONS = re2.Options()
_OPTIONS.log_errors = False  # RE2 logs to stderr; the error is reported once, by us


class LinearError(ValueError):
    """A pattern RE2 cannot run: the message says why."""


class LinearMatch:
    """One match, as ``re.Match`` presents it (groups by name or number)."""

    __slots__ = ("_groupindex", "_match")

    def __init__(self, match: Any, groupindex: Mapping[str, int]) -> None:
        self._match = match
        self._groupindex = groupindex

    def _number(self, group: str | int) -> int:
        return self._groupindex[group] if isinstance(group, str) else group

    def group(self, group: str | int = 0) -> Any:
        return self._match.group(self._number(group))

    def __getitem__(self, group: str | int) -> Any:
        return self.group(group)

    def groupdict(self) -> dict[str, Any]:
        return {name: self._match.group(number) for name, number in self._groupindex.items()}

    def start(self, group: str | int = 0) -> int:
        start: int = self._match.start(self._number(group))
        return start

    def end(self, group: str | int = 0) -> int:
        end: int = self._match.end(self._number(group))
        return end


class LinearPattern:
    """A pattern compiled by RE2: ``re.error`` if it is not a regular expression,
    :class:`LinearError` if RE2 cannot run it."""

    __slots__ = ("_compiled", "groupindex", "pattern")

    def __init__(self, pattern: str) -> None:
        re.compile(pattern)  # a plain syntax error is reported as such (re.error)
        try:
            self._compiled = re2.compile(pattern, _OPTIONS)
        except re2.error as error:
            reason = error.args[0].decode() if error.args else str(error)
            raise LinearError(
                f"not supported ({reason}): a layout file's patterns must run in linear "
                "time, so backreferences and lookarounds cannot be used (RE2 syntax)"
            ) from None
        self.pattern = pattern
        self.groupindex: Mapping[str, int] = dict(self._compiled.groupindex)

    def fullmatch(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> LinearMatch | None:
        return self._wrap(self._compiled.fullmatch(string, pos, min(endpos, len(string))))

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> LinearMatch | None:
        return self._wrap(self._compiled.search(string, pos, min(endpos, len(string))))

    def _wrap(self, match: Any) -> LinearMatch | None:
        return None if match is None else LinearMatch(match, self.groupindex)

    def __reduce__(self) -> tuple[type["LinearPattern"], tuple[str]]:
        return (LinearPattern, (self.pattern,))  # to worker processes: compiled again there

    def __eq__(self, other: object) -> bool:
        return isinstance(other, LinearPattern) and other.pattern == self.pattern

    def __hash__(self) -> int:
        return hash(self.pattern)


#: A compiled pattern: ``re``'s for built-in layouts, RE2's for layout files.
Pattern = re.Pattern[str] | LinearPattern
#: A match of either.
Match = re.Match[str] | LinearMatch


def compile_pattern(pattern: str, *, linear: bool) -> Pattern:
    """``pattern`` compiled by RE2 when ``linear`` (it holds a layout file's text), else
    by ``re``; :class:`LinearError` or ``re.error`` when it cannot be."""
    return LinearPattern(pattern) if linear else re.compile(pattern)
