"""The merged rules of the active layouts, compiled for the parser's questions ("what
kind of line is this, and whose rule said so?").

Layouts are merged in the order given (detection order): where two rules claim the
same exact line, or two date line forms the same line, the first layout's wins.
Patterns of layout files (RE2) and of built-in layouts (``re``) are never joined into
one expression: each engine gets its own (see :class:`Alternatives` and :class:`Gate`).
"""

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import Final, TypeVar

from newsparse.layouts.edges import edges
from newsparse.layouts.layout import Conventions, Layout, LineRule
from newsparse.linear import LinearPattern, Match, Pattern, compile_pattern

_T = TypeVar("_T")


class Alternatives:
    """Several patterns searched as one: at most one per engine, as RE2 cannot run every
    built-in pattern (a lookahead) and ``re`` must not run a user's (no linear time).
    With one pattern (no user's, or only a user's), ``search`` is that pattern's own."""

    __slots__ = ("patterns", "search")

    #: The leftmost match (the first pattern's, on a tie), between ``pos`` and ``endpos``.
    search: Callable[[str, int, int], Match | None]

    def __init__(self, patterns: tuple[Pattern, ...]) -> None:
        self.patterns = patterns
        self.search = patterns[0].search if len(patterns) == 1 else self._search

    @classmethod
    def of(cls, patterns: Iterable[Pattern]) -> "Alternatives":
        """``patterns`` joined per engine."""
        groups: dict[bool, list[str]] = {False: [], True: []}  # by "is a user's (RE2)"
        for pattern in _unique_patterns(patterns):
            groups[isinstance(pattern, LinearPattern)].append(pattern.pattern)
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


@dataclass(frozen=True)
class GatedRule:
    """A pattern rule as the gate knows it: its family (``date``, ``gallery``,
    ``chrome``, ``trailer``, ``site``), its pattern, and what a line it matches is."""

    family: str
    pattern: Pattern
    layout: str | None
    kind: str | None  # a line rule's kind of chrome


class Gate:
    """Every pattern rule asked as one expression per engine: most lines fail it at
    once, in C. Its branches are the rules in their order of precedence, each ended by
    an empty named group, so a match also says which rule matches first, and no rule
    need be asked again one by one (they cost a tenth of the parse that way).

    The built-in rules' expression holds only the rules that a line's first and last
    characters allow (see ``edges``): one expression per such set of rules, made when
    first needed; most paragraphs allow none, and skip the expression altogether.
    """

    __slots__ = ("_branches", "_by_rules", "_every", "_firsts", "_lasts", "_user", "rules")

    def __init__(self, rules: Sequence[GatedRule]) -> None:
        self.rules = tuple(rules)
        builtin: dict[str, int] = {}  # pattern → its first rule: the same one later never
        user: dict[str, int] = {}  # matches first, so one branch per pattern
        for index, rule in enumerate(self.rules):
            patterns = user if isinstance(rule.pattern, LinearPattern) else builtin
            patterns.setdefault(rule.pattern.pattern, index)
        self._branches = {index: _branch_of(pattern, index) for pattern, index in builtin.items()}
        self._user = (
            compile_pattern("|".join(_branch_of(p, i) for p, i in user.items()), linear=True)
            if user
            else None
        )
        self._firsts, self._lasts = _edge_masks(builtin)
        self._every = sum(1 << index for index in builtin.values())
        self._by_rules: dict[int, re.Pattern[str]] = {}

    def first(self, text: str) -> GatedRule | None:
        """The first rule that matches all of ``text``, or None."""
        found: int | None = None
        rules = self._rules_for(text)
        if rules:
            match = self._expression(rules).fullmatch(text)
            if match is not None:
                found = _branch(match)
        if self._user is not None:
            user_match = self._user.fullmatch(text)
            if user_match is not None:
                index = _branch(user_match)
                found = index if found is None else min(found, index)
        return None if found is None else self.rules[found]

    def _rules_for(self, text: str) -> int:
        """The built-in rules (a bit per rule index) whose matches can begin with
        ``text``'s first character and end with its last."""
        if not text:
            return self._every
        head, tail = ord(text[0]), ord(text[-1])
        return self._firsts[min(head, _OTHER)] & self._lasts[min(tail, _OTHER)]

    def _expression(self, rules: int) -> re.Pattern[str]:
        """The branches of ``rules`` as one expression, in their order; past the cap on
        expressions kept, the expression of every rule, which answers the same."""
        expression = self._by_rules.get(rules)
        if expression is None and len(self._by_rules) >= _MAX_EXPRESSIONS:
            rules = self._every
            expression = self._by_rules.get(rules)
        if expression is None:
            branches = (b for index, b in self._branches.items() if rules >> index & 1)
            expression = self._by_rules[rules] = re.compile("|".join(branches))
        return expression


#: ``Gate`` masks: one per ASCII character, then one for every other character.
_OTHER: Final = 128
#: The most expressions a gate makes (one per set of rules asked together, and one more
#: of every rule once past it): far more than real dumps need (about 60 for every
#: fixture layout at once), few enough that a dump of every pair of first and last
#: characters can neither fill memory with them nor make one per line.
_MAX_EXPRESSIONS: Final = 256


def _branch_of(pattern: str, index: int) -> str:
    return f"(?:{_ungrouped(pattern)})(?P<_{index}>)"


def _edge_masks(patterns: dict[str, int]) -> tuple[list[int], list[int]]:
    """For each ASCII character (then any other), the rules (a bit per index) whose
    matches can begin with it, and those whose matches can end with it."""
    firsts = [0] * (_OTHER + 1)
    lasts = [0] * (_OTHER + 1)
    for pattern, index in patterns.items():
        for masks, chars in zip((firsts, lasts), edges(pattern), strict=True):
            for code in range(_OTHER + 1):
                if chars is None or chr(code) in chars:
                    masks[code] |= 1 << index
    return firsts, lasts


def _branch(match: Match) -> int:
    """The index of the gate's branch that matched: the one named group that took part.
    It is empty and ends its branch — a group around the branch would hide the branch's
    first character from ``re``, which skips most branches by it — so ``re`` names it
    at once: it closes last."""
    name = match.lastgroup if isinstance(match, re.Match) else None
    if name is None:
        name = next(key for key, value in match.groupdict().items() if value is not None)
    return int(name[1:])


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
    trailer_lines: dict[str, LineRule]
    site_lines: dict[str, LineRule]
    bylines: tuple[Pattern, ...]
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
    #: Every pattern rule — date forms, gallery counters, then chrome, trailer and site
    #: patterns, the order in which a line's kind is decided — as one question.
    gate: Gate
    #: Every exact line of every rule, lower-cased, and the comment counts.
    exact_lines: frozenset[str]
    #: The length of the longest of them: most lines are longer, and need no look-up.
    longest_exact_line: int

    @classmethod
    def of(cls, layouts: Sequence[Layout], *, auto: bool = False) -> "Rules":
        chrome_lines, chrome_patterns = _indexed(layout.chrome for layout in layouts)
        trailer_lines, trailer_patterns = _indexed(layout.trailers for layout in layouts)
        site_lines, site_patterns = _indexed(layout.site_chrome for layout in layouts)
        comment_counts = frozenset(filter(None, (layout.comment_count for layout in layouts)))
        conventions = _merged([layout.conventions for layout in layouts])
        exact_lines = frozenset(
            {*chrome_lines, *trailer_lines, *site_lines}
            | {count.lower() for count in comment_counts}
        )
        return cls(
            layouts=tuple(layouts),
            layout_names=tuple(layout.name for layout in layouts),
            auto=auto,
            chrome_lines=chrome_lines,
            trailer_lines=trailer_lines,
            site_lines=site_lines,
            bylines=_unique_patterns(p for layout in layouts for p in layout.bylines),
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
            gate=_gate(
                layouts,
                {"chrome": chrome_patterns, "trailer": trailer_patterns, "site": site_patterns},
            ),
            exact_lines=exact_lines,
            longest_exact_line=max(map(len, exact_lines), default=0),
        )


def _gate(layouts: Sequence[Layout], line_patterns: dict[str, list[LineRule]]) -> Gate:
    """The layouts' pattern rules in their order of precedence: date forms, gallery
    counters, then the line rules' patterns by family (chrome, trailer, site)."""
    dates = (
        GatedRule("date", form.pattern, form.layout, None)
        for layout in layouts
        for form in layout.date_lines
    )
    counters = (
        GatedRule("gallery", layout.gallery_counter, None, None)
        for layout in layouts
        if layout.gallery_counter is not None
    )
    lines = (
        GatedRule(family, rule.pattern, rule.layout, rule.kind)
        for family, rules in line_patterns.items()
        for rule in rules
        if rule.pattern is not None
    )
    return Gate([*dates, *counters, *lines])


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
