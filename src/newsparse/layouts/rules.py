"""The merged rules of the active layouts, compiled for the parser's questions ("what
kind of line is this, and whose rule said so?").

Layouts are merged in the order given (detection order): where two rules claim the
same exact line, or two date line forms the same line, the first layout's wins.
Patterns of layout files (RE2) and of built-in layouts (``re``) are never joined into
one expression: each engine gets its own (see :class:`Alternatives`).
"""

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import TypeVar

from newsparse.layouts.layout import Conventions, DateRule, Layout, LineRule
from newsparse.linear import LinearPattern, Match, Pattern, compile_pattern

_T = TypeVar("_T")


class Alternatives:
    """Several patterns asked as one: at most one per engine, as RE2 cannot run every
    built-in pattern (a lookahead) and ``re`` must not run a user's (no linear time).

    With one pattern (no user's, or only a user's), ``fullmatch`` and ``search`` are
    that pattern's own: the gate asks every short line, and a call in between cost 8%.
    """

    __slots__ = ("fullmatch", "patterns", "search")

    fullmatch: Callable[[str], Match | None]
    #: The leftmost match (the first pattern's, on a tie), between ``pos`` and ``endpos``.
    search: Callable[[str, int, int], Match | None]

    def __init__(self, patterns: tuple[Pattern, ...]) -> None:
        self.patterns = patterns
        if len(patterns) == 1:
            self.fullmatch, self.search = patterns[0].fullmatch, patterns[0].search
        else:
            self.fullmatch, self.search = self._fullmatch, self._search

    @classmethod
    def of(cls, patterns: Iterable[Pattern], branch: Callable[[str], str] = str) -> "Alternatives":
        """``patterns`` joined per engine, each made a ``branch`` of the joined one."""
        groups: dict[bool, list[str]] = {False: [], True: []}  # by "is a user's (RE2)"
        for pattern in _unique_patterns(patterns):
            groups[isinstance(pattern, LinearPattern)].append(branch(pattern.pattern))
        return cls(
            tuple(
                compile_pattern("|".join(group), linear=linear)
                for linear, group in groups.items()
                if group
            )
        )

    def _search(self, text: str, pos: int, endpos: int) -> Match | None:
        found = (p.search(text, pos, endpos) for p in self.patterns)
        return min((m for m in found if m is not None), key=lambda m: m.start(), default=None)

    def _fullmatch(self, text: str) -> Match | None:
        return next((m for p in self.patterns if (m := p.fullmatch(text)) is not None), None)


@dataclass(frozen=True)
class Rules:
    """What the parser asks of the active layouts.

    ``auto`` is true for detection (every built-in layout, and any added): then a dump
    whose start holds no header at all is read as the generic layout reads it.
    """

    layouts: tuple[Layout, ...]
    #: Their names, in order: asked once per article (which layout parsed it).
    layout_names: tuple[str, ...]
    auto: bool
    chrome_lines: dict[str, LineRule]
    chrome_patterns: list[LineRule]
    trailer_lines: dict[str, LineRule]
    trailer_patterns: list[LineRule]
    site_lines: dict[str, LineRule]
    site_patterns: list[LineRule]
    date_lines: tuple[DateRule, ...]
    bylines: tuple[Pattern, ...]
    gallery_counters: tuple[Pattern, ...]
    comment_counts: frozenset[str]
    bullet_glyphs: tuple[str, ...]
    dateline_separator: Alternatives
    dateline_agency: re.Pattern[str]
    editorial_labels: frozenset[str]
    #: Layouts whose pages end the header with a credit line (.jp): only their
    #: articles take a name there as the author.
    credit_line_layouts: frozenset[str]
    #: Layouts whose pages print the headline again after the header.
    repeating_headline: frozenset[str]
    breadcrumbs: bool
    section_label_twice: bool
    generic: bool
    #: One expression (per engine) matching every line any pattern rule could match:
    #: most lines fail it at their first character, in C, and need no other test.
    gate: Alternatives
    #: Every exact line of every rule, lower-cased, and the comment counts.
    exact_lines: frozenset[str]

    @classmethod
    def of(cls, layouts: Sequence[Layout], *, auto: bool = False) -> "Rules":
        chrome_lines, chrome_patterns = _indexed(layout.chrome for layout in layouts)
        trailer_lines, trailer_patterns = _indexed(layout.trailers for layout in layouts)
        site_lines, site_patterns = _indexed(layout.site_chrome for layout in layouts)
        date_lines = tuple(chain.from_iterable(layout.date_lines for layout in layouts))
        gallery_counters = tuple(
            x.gallery_counter for x in layouts if x.gallery_counter is not None
        )
        comment_counts = frozenset(filter(None, (layout.comment_count for layout in layouts)))
        conventions = _merged([layout.conventions for layout in layouts])
        line_rules = (*chrome_patterns, *trailer_patterns, *site_patterns)
        return cls(
            layouts=tuple(layouts),
            layout_names=tuple(layout.name for layout in layouts),
            auto=auto,
            chrome_lines=chrome_lines,
            chrome_patterns=chrome_patterns,
            trailer_lines=trailer_lines,
            trailer_patterns=trailer_patterns,
            site_lines=site_lines,
            site_patterns=site_patterns,
            date_lines=date_lines,
            bylines=_unique_patterns(p for layout in layouts for p in layout.bylines),
            gallery_counters=gallery_counters,
            comment_counts=comment_counts,
            bullet_glyphs=conventions.bullet_glyphs,
            dateline_separator=Alternatives.of(conventions.separators),
            dateline_agency=_agency_pattern(conventions.agencies),
            editorial_labels=frozenset(label.upper() for label in conventions.labels),
            credit_line_layouts=frozenset(x.name for x in layouts if x.author_after_bullets),
            repeating_headline=frozenset(x.name for x in layouts if x.repeats_headline),
            breadcrumbs=any(layout.breadcrumbs for layout in layouts),
            section_label_twice=any(layout.section_label_twice for layout in layouts),
            generic=bool(layouts) and all(layout.generic for layout in layouts),
            gate=Alternatives.of(
                [
                    *(form.pattern for form in date_lines),
                    *(rule.pattern for rule in line_rules if rule.pattern is not None),
                    *gallery_counters,
                ],
                _ungrouped,
            ),
            exact_lines=frozenset(
                {*chrome_lines, *trailer_lines, *site_lines}
                | {count.lower() for count in comment_counts}
            ),
        )


def _indexed(
    groups: Iterable[Iterable[LineRule]],
) -> tuple[dict[str, LineRule], list[LineRule]]:
    """Rules by exact line (the first rule claiming a line keeps it), and pattern rules."""
    exact: dict[str, LineRule] = {}
    patterns = []
    for rule in chain.from_iterable(groups):
        if rule.pattern is not None:
            patterns.append(rule)
        for line in rule.lines:
            exact.setdefault(line, rule)
    return exact, patterns


def _merged(conventions: Sequence[Conventions]) -> Conventions:
    """Every layout's conventions, in layout order, each value once."""
    return Conventions(
        separators=_unique_patterns(p for c in conventions for p in c.separators),
        agencies=_unique(a for c in conventions for a in c.agencies),
        labels=_unique(label for c in conventions for label in c.labels),
        bullet_glyphs=_unique(g for c in conventions for g in c.bullet_glyphs),
    )


def _unique(values: Iterable[_T]) -> tuple[_T, ...]:
    return tuple(dict.fromkeys(values))


def _unique_patterns(patterns: Iterable[Pattern]) -> tuple[Pattern, ...]:
    """Each pattern once (by its text), the first layout's kept."""
    unique: dict[str, Pattern] = {}
    for pattern in patterns:
        unique.setdefault(pattern.pattern, pattern)
    return tuple(unique.values())


def _agency_pattern(agencies: Sequence[str]) -> re.Pattern[str]:
    """``(Reuters)`` anywhere, or ``, SPA`` at the end of a dateline candidate."""
    names = "|".join(re.escape(agency) for agency in agencies)
    return re.compile(rf"\((?:{names})\)|,\s*(?:{names})$" if names else r"(?!)")


def _ungrouped(pattern: str) -> str:
    """``pattern`` fit to be one branch of a larger expression: named groups unnamed (a
    name may not repeat across branches) and leading global flags made local."""
    pattern = re.sub(r"\(\?P<\w+>", "(?:", pattern)
    flags = re.match(r"\(\?([aiLmsux]+)\)", pattern)
    if flags:
        pattern = f"(?{flags[1]}:{pattern[flags.end() :]})"
    return pattern
