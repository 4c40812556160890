"""Layouts as data: one TOML file per family of sites, and the rules the parser runs.

A layout file says what a family's pages print besides the story — header chrome, date
line forms, bylines, dateline separators and agencies, bullet glyphs, footers (trailers)
and site chrome — in the declarative form documented in ``arabnews.toml``. The parser is
one engine; :class:`Rules` merges the layouts it is given and answers its questions
("what kind of line is this, and whose rule said so?"). Built-in layouts ship in this
package; users add a site with ``--layout my-site.toml``.
"""

import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from newsparse.errors import UsageError
from newsparse.layouts.schema import DateLineTable, LayoutFile, LineRuleTable, first_problem
from newsparse.linear import LinearError, LinearPattern, Pattern, compile_pattern
from newsparse.patterns import DATE_FRAGMENTS

#: Built-in layouts in the order detection prefers them: the most specific evidence
#: first (a copy keeps Arab News' header but adds its own date line and footers); the
#: page furniture any site prints (web) is the weakest evidence.
BUILTIN = ("copies", "wire", "arabnews", "web", "generic")
#: The layout whose dateline and bullet rules apply where a layout has none (SPEC's).
DEFAULT = "arabnews"
#: A pattern that matches nothing, in a syntax both re and RE2 accept.
_NOTHING = r"[^\s\S]"


class LayoutError(UsageError):
    """A layout file that cannot be used: the message names the file and the key."""

    def __init__(self, path: str, key: str, problem: str) -> None:
        super().__init__(f"{path}: {key}: {problem}")


@dataclass(frozen=True)
class LineRule:
    """Lines of one ``kind``: given exactly (``lines``, compared case-insensitively)
    or by a regular expression matching the whole line (``pattern``)."""

    kind: str
    layout: str
    lines: frozenset[str] = frozenset()
    pattern: Pattern | None = None


@dataclass(frozen=True)
class DateRule:
    name: str
    layout: str
    pattern: Pattern


@dataclass(frozen=True)
class Layout:
    """One layout file, checked and compiled."""

    name: str
    description: str
    path: str
    generic: bool = False
    chrome: tuple[LineRule, ...] = ()
    trailers: tuple[LineRule, ...] = ()
    site_chrome: tuple[LineRule, ...] = ()
    date_lines: tuple[DateRule, ...] = ()
    bylines: tuple[Pattern, ...] = ()
    gallery_counter: Pattern | None = None
    comment_count: str | None = None
    author_after_bullets: bool = False
    repeats_headline: bool = False
    breadcrumbs: bool = False
    section_label_twice: bool = False
    separators: tuple[str, ...] | None = None  # None: the default layout's
    agencies: tuple[str, ...] | None = None
    labels: tuple[str, ...] | None = None
    bullet_glyphs: tuple[str, ...] | None = None
    #: Whether its patterns are a user's (a layout file), run by RE2 in linear time.
    linear: bool = False


# --- loading and checking a layout file --------------------------------------------------


def load_layout(path: str | Path) -> Layout:
    """Read and check a layout file; :class:`LayoutError` names the file and key."""
    name = str(path)
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as error:
        raise LayoutError(name, "file", error.strerror or str(error)) from None
    except tomllib.TOMLDecodeError as error:
        raise LayoutError(name, "toml", str(error)) from None
    except UnicodeDecodeError:
        raise LayoutError(name, "file", "not UTF-8 text") from None
    return _layout_from(data, name, linear=True)


def _layout_from(data: dict[str, Any], path: str, *, linear: bool) -> Layout:
    """The layout described by ``data``; ``linear``: its patterns are a user's, to be
    run by RE2 (see ``newsparse.linear``)."""
    try:
        file = LayoutFile.model_validate(data)
    except ValidationError as error:
        raise LayoutError(path, *first_problem(error)) from None
    header, datelines = file.header, file.datelines
    compiler = _Compiler(path, linear)
    return Layout(
        name=file.name,
        description=file.description,
        path=path,
        generic=file.generic,
        chrome=compiler.line_rules(file.chrome, "chrome", file.name),
        trailers=compiler.line_rules(file.trailers, "trailers", file.name),
        site_chrome=compiler.line_rules(file.site_chrome, "site_chrome", file.name),
        date_lines=compiler.date_rules(file.date_lines, file.name),
        bylines=tuple(
            compiler.compile(p, f"authors.bylines[{i}]", group="name")
            for i, p in enumerate(file.authors.bylines)
        ),
        gallery_counter=(
            None
            if header.gallery_counter is None
            else compiler.compile(header.gallery_counter, "header.gallery_counter")
        ),
        comment_count=header.comment_count,
        author_after_bullets=header.author_after_bullets,
        repeats_headline=header.repeats_headline,
        breadcrumbs=file.site.breadcrumbs,
        section_label_twice=file.site.section_label_twice,
        separators=compiler.separators(datelines.separators),
        agencies=None if datelines.agencies is None else tuple(datelines.agencies),
        labels=None if datelines.labels is None else tuple(datelines.labels),
        bullet_glyphs=None if file.bullets.glyphs is None else tuple(file.bullets.glyphs),
        linear=linear,
    )


@dataclass(frozen=True)
class _Compiler:
    """Compiles the patterns of one layout file, naming the file and key on error."""

    path: str
    linear: bool

    def compile(self, pattern: str, key: str, *, group: str | None = None) -> Pattern:
        for placeholder, fragment in DATE_FRAGMENTS.items():
            pattern = pattern.replace("{" + placeholder + "}", fragment)
        try:
            compiled = compile_pattern(pattern, linear=self.linear)
        except re.error as error:
            raise LayoutError(self.path, key, f"invalid regular expression: {error}") from None
        except LinearError as error:
            raise LayoutError(self.path, key, str(error)) from None
        if group is not None and group not in compiled.groupindex:
            raise LayoutError(self.path, key, f"needs a (?P<{group}>...) group")
        return compiled

    def separators(self, values: list[str] | None) -> tuple[str, ...] | None:
        if values is None:
            return None
        for index, value in enumerate(values):
            self.compile(value, f"datelines.separators[{index}]")
        return tuple(values)

    def line_rules(
        self, tables: list[LineRuleTable], key: str, layout: str
    ) -> tuple[LineRule, ...]:
        rules = []
        for index, table in enumerate(tables):
            if table.pattern is None:
                lines = frozenset(line.lower() for line in table.lines or ())
                rules.append(LineRule(table.kind, layout, lines=lines))
            else:
                pattern = self.compile(table.pattern, f"{key}[{index}].pattern")
                rules.append(LineRule(table.kind, layout, pattern=pattern))
        return tuple(rules)

    def date_rules(self, tables: list[DateLineTable], layout: str) -> tuple[DateRule, ...]:
        rules = []
        for index, table in enumerate(tables):
            key = f"date_lines[{index}].pattern"
            compiled = self.compile(table.pattern, key)
            if not {"date", "age"} & set(compiled.groupindex):
                raise LayoutError(self.path, key, "needs {date}, {stamp} or {age}")
            rules.append(DateRule(table.name or f"date_{index}", layout, compiled))
        return tuple(rules)


@cache
def builtin_layouts() -> dict[str, Layout]:
    """The layouts shipped with newsparse, by name, in detection order."""
    folder = resources.files(__name__)
    layouts = {}
    for name in BUILTIN:
        resource = folder / f"{name}.toml"
        data = tomllib.loads(resource.read_text(encoding="utf-8"))
        layouts[name] = _layout_from(data, name, linear=False)
    return layouts


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


@dataclass
class Rules:
    """The merged rules of the active layouts, compiled for the parser's questions.

    ``auto`` is true for the default set (all built-in layouts): then a dump whose start
    holds no header at all is read with the generic layout.
    """

    layouts: tuple[Layout, ...]
    auto: bool = False
    chrome_lines: dict[str, LineRule] = field(default_factory=dict)
    chrome_patterns: list[LineRule] = field(default_factory=list)
    trailer_lines: dict[str, LineRule] = field(default_factory=dict)
    trailer_patterns: list[LineRule] = field(default_factory=list)
    site_lines: dict[str, LineRule] = field(default_factory=dict)
    site_patterns: list[LineRule] = field(default_factory=list)
    date_lines: list[DateRule] = field(default_factory=list)
    bylines: list[Pattern] = field(default_factory=list)
    gallery_counters: list[Pattern] = field(default_factory=list)
    comment_counts: frozenset[str] = frozenset()
    bullet_glyphs: tuple[str, ...] = ()
    dateline_separator: Pattern = re.compile(r"(?!)")
    dateline_agency: re.Pattern[str] = re.compile(r"(?!)")
    editorial_labels: frozenset[str] = frozenset()
    #: Layouts whose pages end the header with a credit line (.jp): only their
    #: articles take a name there as the author.
    credit_line_layouts: frozenset[str] = frozenset()
    breadcrumbs: bool = False
    section_label_twice: bool = False
    generic: bool = False
    #: Layouts whose pages print the headline again after the header.
    repeating_headline: frozenset[str] = frozenset()
    #: One expression matching every line any rule could match (exact lines aside):
    #: most lines fail it at their first character, in C, and need no other test.
    gate: Pattern = re.compile(r"(?!)")
    #: Every exact line of every rule, lower-cased, and the comment counts.
    exact_lines: frozenset[str] = frozenset()

    @classmethod
    def of(cls, layouts: Sequence[Layout], *, auto: bool = False) -> "Rules":
        default = builtin_layouts()[DEFAULT]
        rules = cls(tuple(layouts), auto=auto)
        for layout in layouts:
            _index(layout.chrome, rules.chrome_lines, rules.chrome_patterns)
            _index(layout.trailers, rules.trailer_lines, rules.trailer_patterns)
            _index(layout.site_chrome, rules.site_lines, rules.site_patterns)
            rules.date_lines += layout.date_lines
            rules.bylines += [
                p for p in layout.bylines if p.pattern not in _patterns(rules.bylines)
            ]
            if layout.gallery_counter is not None:
                rules.gallery_counters.append(layout.gallery_counter)
        rules.comment_counts = frozenset(
            layout.comment_count for layout in layouts if layout.comment_count
        )
        rules.credit_line_layouts = frozenset(
            layout.name for layout in layouts if layout.author_after_bullets
        )
        rules.repeating_headline = frozenset(
            layout.name for layout in layouts if layout.repeats_headline
        )
        rules.breadcrumbs = any(layout.breadcrumbs for layout in layouts)
        rules.section_label_twice = any(layout.section_label_twice for layout in layouts)
        rules.generic = bool(layouts) and all(layout.generic for layout in layouts)

        def union(attribute: str) -> list[str]:
            values: list[str] = []
            for layout in layouts:
                own = getattr(layout, attribute)
                for value in getattr(default, attribute) if own is None else own:
                    if value not in values:
                        values.append(value)
            return values

        rules.bullet_glyphs = tuple(union("bullet_glyphs"))
        # A user's separators run on RE2; the defaults (one has a lookahead) on re.
        own_separators = any(layout.linear and layout.separators for layout in layouts)
        rules.dateline_separator = compile_pattern(
            "|".join(union("separators")) or _NOTHING, linear=own_separators
        )
        agencies = "|".join(re.escape(a) for a in union("agencies"))
        rules.dateline_agency = re.compile(
            rf"\((?:{agencies})\)|,\s*(?:{agencies})$" if agencies else r"(?!)"
        )
        rules.editorial_labels = frozenset(label.upper() for label in union("labels"))
        patterns = [
            p
            for p in (
                *(form.pattern for form in rules.date_lines),
                *(rule.pattern for rule in rules.chrome_patterns + rules.trailer_patterns),
                *(rule.pattern for rule in rules.site_patterns),
                *rules.gallery_counters,
            )
            if p is not None
        ]
        rules.gate = compile_pattern(
            "|".join(f"(?:{_ungrouped(p.pattern)})" for p in patterns) or _NOTHING,
            linear=any(isinstance(p, LinearPattern) for p in patterns),
        )
        rules.exact_lines = frozenset(
            {*rules.chrome_lines, *rules.trailer_lines, *rules.site_lines}
            | {count.lower() for count in rules.comment_counts}
        )
        return rules

    def layout_names(self) -> list[str]:
        return [layout.name for layout in self.layouts]


def _index(rules: Iterable[LineRule], exact: dict[str, LineRule], patterns: list[LineRule]) -> None:
    for rule in rules:
        if rule.pattern is not None:
            patterns.append(rule)
        for line in rule.lines:
            exact.setdefault(line, rule)


def _ungrouped(pattern: str) -> str:
    """``pattern`` fit to be one branch of a larger expression: named groups unnamed (a
    name may not repeat across branches) and leading global flags made local."""
    pattern = re.sub(r"\(\?P<\w+>", "(?:", pattern)
    flags = re.match(r"\(\?([aiLmsux]+)\)", pattern)
    if flags:
        pattern = f"(?{flags[1]}:{pattern[flags.end() :]})"
    return pattern


def _patterns(compiled: Iterable[Pattern]) -> set[str]:
    return {p.pattern for p in compiled}


@cache
def default_rules() -> Rules:
    """Every built-in layout, with detection per article and the generic fallback."""
    layouts = [layout for layout in builtin_layouts().values() if not layout.generic]
    return Rules.of(layouts, auto=True)


def rules_for(layout: "str | Layout | None") -> Rules:
    """The rules for one forced layout (a built-in name, a file path, a Layout), or for
    every built-in layout with detection when ``layout`` is None."""
    if layout is None:
        return default_rules()
    if isinstance(layout, str):
        layout = resolve_layout(layout)
    return _rules_of(layout)


@cache
def _rules_of(layout: Layout) -> Rules:
    """Compiled once per layout, not once per input file (a layout is frozen)."""
    return Rules.of([layout])
