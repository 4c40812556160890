"""One layout as the parser uses it: a checked layout file with every rule labelled by
its layout's name (to credit articles) and its story conventions resolved.

``extends`` is explicit inheritance, and narrow on purpose: it fills only the story
conventions (``[datelines]`` and ``[bullets]``), the way a story's first paragraph and
summary are written. Page rules (chrome, date lines, bylines, header switches, footers)
are never inherited: in detection every layout's rules are active together anyway, and
a layout's switches apply to its own articles only (SPEC §2, *Chrome*).
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from newsparse.layouts.schema import (
    SPEC_AGENCIES,
    SPEC_GLYPHS,
    SPEC_LABELS,
    SPEC_SEPARATORS,
    LayoutFile,
    LineRuleTable,
)
from newsparse.linear import Pattern

_T = TypeVar("_T")


@dataclass(frozen=True)
class LineRule:
    """Lines of one ``kind``: given exactly (``lines``, lower-cased: compared
    case-insensitively) or by a regular expression matching the whole line (``pattern``)."""

    kind: str
    layout: str
    lines: frozenset[str] = frozenset()
    pattern: Pattern | None = None


@dataclass(frozen=True)
class DateRule:
    layout: str
    pattern: Pattern


@dataclass(frozen=True)
class Conventions:
    """How a story opens: what separates a dateline from it (patterns), the agencies that
    mark a dateline, the editorial labels that do not, the summary bullets' glyphs."""

    separators: tuple[Pattern, ...]
    agencies: tuple[str, ...]
    labels: tuple[str, ...]
    bullet_glyphs: tuple[str, ...]


#: What a layout that extends nothing gets: SPEC's values, compiled by ``re`` (ours).
SPEC_CONVENTIONS = Conventions(
    separators=tuple(re.compile(separator) for separator in SPEC_SEPARATORS),
    agencies=SPEC_AGENCIES,
    labels=SPEC_LABELS,
    bullet_glyphs=SPEC_GLYPHS,
)


@dataclass(frozen=True)
class Layout:
    """One layout file, checked and compiled; frozen and hashable, so that the rules of
    a set of layouts are compiled once, and picklable for worker processes."""

    name: str
    description: str
    priority: int
    generic: bool
    chrome: tuple[LineRule, ...]
    trailers: tuple[LineRule, ...]
    site_chrome: tuple[LineRule, ...]
    date_lines: tuple[DateRule, ...]
    bylines: tuple[Pattern, ...]
    gallery_counter: Pattern | None
    comment_count: str | None
    author_after_bullets: bool
    repeats_headline: bool
    breadcrumbs: bool
    section_label_twice: bool
    conventions: Conventions


def detection_order(layout: Layout) -> tuple[int, str]:
    """Sort key: higher priority first, ties by name."""
    return -layout.priority, layout.name


def build_layout(file: LayoutFile, parent: Layout | None) -> Layout:
    """The layout ``file`` describes; ``parent`` is the layout it extends."""
    name, header = file.name, file.header
    return Layout(
        name=name,
        description=file.description,
        priority=file.priority,
        generic=file.generic,
        chrome=_line_rules(file.chrome, name),
        trailers=_line_rules(file.trailers, name),
        site_chrome=_line_rules(file.site_chrome, name),
        date_lines=tuple(DateRule(name, table.pattern) for table in file.date_lines),
        bylines=tuple(file.authors.bylines),
        gallery_counter=header.gallery_counter,
        comment_count=header.comment_count,
        author_after_bullets=header.author_after_bullets,
        repeats_headline=header.repeats_headline,
        breadcrumbs=file.site.breadcrumbs,
        section_label_twice=file.site.section_label_twice,
        conventions=_conventions(file, SPEC_CONVENTIONS if parent is None else parent.conventions),
    )


def _line_rules(tables: list[LineRuleTable], layout: str) -> tuple[LineRule, ...]:
    return tuple(
        LineRule(
            table.kind,
            layout,
            lines=frozenset(line.lower() for line in table.lines or ()),
            pattern=table.pattern,
        )
        for table in tables
    )


def _conventions(file: LayoutFile, inherited: Conventions) -> Conventions:
    datelines = file.datelines
    return Conventions(
        separators=_own_or(datelines.separators, inherited.separators),
        agencies=_own_or(datelines.agencies, inherited.agencies),
        labels=_own_or(datelines.labels, inherited.labels),
        bullet_glyphs=_own_or(file.bullets.glyphs, inherited.bullet_glyphs),
    )


def _own_or(own: Sequence[_T] | None, inherited: tuple[_T, ...]) -> tuple[_T, ...]:
    return inherited if own is None else tuple(own)
