"""The schema of a layout file, as pydantic models: the only check a layout file gets.

``extra="forbid"`` and strict types make a typo or a wrong type an error naming the file
and the key — ``lines = "Short Url"`` (a string where a list belongs) once made every
one-letter line chrome — and the validators compile every pattern, so a bad regular
expression is a schema error like any other. A user's file is validated with
``context={"linear": True}``: its patterns are compiled by RE2 (see ``newsparse.linear``).
``newsparse layouts --schema`` prints the JSON Schema, for editors; the README's table
of keys is generated from it.
"""

import re
from collections.abc import Callable
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PlainValidator,
    ValidationError,
    ValidationInfo,
    WithJsonSchema,
    model_validator,
)

from newsparse.linear import Pattern, compile_pattern
from newsparse.patterns import DATE_FRAGMENTS

Text = Annotated[str, Field(min_length=1)]
Name = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")]

# --- what a layout that extends nothing gets (SPEC §2, Dateline and Bullets) ---------------

SPEC_SEPARATORS = (": ", " : ", " — ", " – ", " - ", " -- ", " // ", " ― ")
SPEC_AGENCIES = ("Reuters", "AP", "SPA", "Xinhua")
SPEC_LABELS = ("NOTE", "UPDATE", "CORRECTION", "EXCLUSIVE", "BREAKING", "ANALYSIS", "WATCH")
SPEC_GLYPHS = ("•",)
_INHERITED = "the extended layout's, else SPEC's: "


def _compiler(needs: tuple[str, ...] = (), problem: str = "") -> Callable[..., Pattern]:
    """A validator that compiles a pattern, its placeholders (``{date}``…) expanded;
    ``needs``: named groups one of which it must hold, else ``problem``."""

    def compiled(value: object, info: ValidationInfo) -> Pattern:
        if not isinstance(value, str) or not value:
            raise ValueError("must be a non-empty string")
        for placeholder, fragment in DATE_FRAGMENTS.items():
            value = value.replace("{" + placeholder + "}", fragment)
        linear = bool(info.context and info.context.get("linear"))
        try:
            pattern = compile_pattern(value, linear=linear)  # LinearError is a ValueError
        except re.error as error:
            raise ValueError(f"invalid regular expression: {error}") from None
        if needs and not set(needs) & set(pattern.groupindex):
            raise ValueError(problem)
        return pattern

    return compiled


_AS_STRING = WithJsonSchema({"type": "string", "format": "regex", "minLength": 1})
#: A regular expression matching a whole normalised line (or, for separators, a part).
Regex = Annotated[Pattern, PlainValidator(_compiler()), _AS_STRING]
DateRegex = Annotated[
    Pattern,
    PlainValidator(_compiler(("date", "age"), "needs {date}, {stamp} or {age}")),
    _AS_STRING,
]
BylineRegex = Annotated[
    Pattern, PlainValidator(_compiler(("name",), "needs a (?P<name>...) group")), _AS_STRING
]


class _Table(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, defer_build=True)


class LineRuleTable(_Table):
    """``[[chrome]]``, ``[[trailers]]``, ``[[site_chrome]]``: exact lines or a pattern."""

    kind: Text = Field(description="what the lines are counted as when dropped")
    lines: list[Text] | None = Field(
        default=None, description="exact lines, compared case-insensitively"
    )
    pattern: Regex | None = Field(default=None, description="or a pattern matching the whole line")

    @model_validator(mode="after")
    def _lines_or_pattern(self) -> "LineRuleTable":
        if (self.lines is None) == (self.pattern is None):
            raise ValueError("give either lines or pattern")
        return self


class DateLineTable(_Table):
    pattern: DateRegex = Field(
        description="a date line form: `{date}` a date with optional weekday and time, "
        "`{tz}` an optional `GMT9`/`UTC+3`, `{age}` a relative age (`25 min 6 sec ago`), "
        "`{stamp}` `21 Oct 2019 01:10:42`"
    )


class HeaderTable(_Table):
    gallery_counter: Regex | None = Field(default=None, description="a gallery counter (`1 / 4`)")
    comment_count: Text | None = Field(default=None, description="a lone comment count (`0`)")
    author_after_bullets: bool = Field(
        default=False, description="a credit line at the end of the header is the author (.jp)"
    )
    repeats_headline: bool = Field(
        default=False,
        description="pages print the headline again (one printed once is warned about, NP106)",
    )


class AuthorsTable(_Table):
    bylines: list[BylineRegex] = Field(
        default=[],
        description="byline patterns with a `(?P<name>…)` group: `'By\\s+(?P<name>\\S.*)'`",
    )


class DatelinesTable(_Table):
    """None: the extended layout's values, else SPEC's."""

    separators: list[Regex] | None = Field(
        default=None,
        description="patterns separating a dateline from the story; default: "
        + _INHERITED
        + ", ".join(f'`"{s}"`' for s in SPEC_SEPARATORS),
    )
    agencies: list[Text] | None = Field(
        default=None,
        description="news agencies that mark a dateline (`(Reuters)`, `, SPA`); default: "
        + _INHERITED
        + ", ".join(SPEC_AGENCIES),
    )
    labels: list[Text] | None = Field(
        default=None,
        description="first words that label a paragraph, not place it; default: "
        + _INHERITED
        + ", ".join(SPEC_LABELS),
    )


class BulletsTable(_Table):
    glyphs: list[Text] | None = Field(
        default=None, description="summary bullet glyphs; default: " + _INHERITED + "•"
    )


class SiteTable(_Table):
    breadcrumbs: bool = Field(
        default=False, description="breadcrumb bullets (`• Home`) before a headline"
    )
    section_label_twice: bool = Field(
        default=False, description="a section label printed twice before a headline"
    )


class LayoutFile(_Table):
    """A whole layout file (see ``builtin/arabnews.toml`` for every key in use)."""

    name: Name = Field(
        description="how `check` and `newsparse layouts` call it; an added layout of a "
        "built-in's name replaces that built-in"
    )
    description: str = Field(default="", description="one line for `newsparse layouts`")
    extends: Name | None = Field(
        default=None,
        description="a built-in layout whose `[datelines]` and `[bullets]` values fill "
        "those this file leaves out (without it: SPEC's)",
    )
    priority: int = Field(
        default=0,
        description="detection tries layouts of higher priority first, ties by name; "
        "an article is credited to the first layout whose rules its lines matched",
    )
    generic: bool = Field(
        default=False, description="no headers: articles separated by 2+ blank lines (forced only)"
    )
    chrome: list[LineRuleTable] = Field(
        default=[],
        description="header chrome around the headline: marks a header, dropped, counted",
    )
    trailers: list[LineRuleTable] = Field(
        default=[],
        description="footers: end the story, dropped, counted; the short lines after one, "
        "up to the next article, are footer too",
    )
    site_chrome: list[LineRuleTable] = Field(
        default=[],
        description="site chrome before a headline: ends the story before, dropped, counted",
    )
    date_lines: list[DateLineTable] = Field(default=[], description="the date line forms")
    header: HeaderTable = Field(default=HeaderTable(), description="what a page header prints")
    authors: AuthorsTable = Field(default=AuthorsTable(), description="bylines")
    datelines: DatelinesTable = Field(
        default=DatelinesTable(), description="how a story's first paragraph opens"
    )
    bullets: BulletsTable = Field(default=BulletsTable(), description="summary bullets")
    site: SiteTable = Field(default=SiteTable(), description="site chrome switches")


#: pydantic's error types, in the words of a layout file's author.
_PROBLEMS = {
    "missing": "missing",
    "extra_forbidden": "unknown key",
    "bool_type": "must be a bool (true or false)",
    "int_type": "must be an integer",
    "string_type": "must be a string",
    "list_type": "must be a list",
    "model_type": "must be a table",
    "dict_type": "must be a table",
    "string_too_short": "must be a non-empty string",
    "string_pattern_mismatch": "use lower-case letters, digits, '-' and '_'",
}


def first_problem(error: ValidationError) -> tuple[str, str]:
    """The key (``chrome[0].lines``) and the problem of the first error in ``error``."""
    detail = error.errors()[0]
    key = ""
    for part in detail["loc"]:
        key += f"[{part}]" if isinstance(part, int) else f".{part}" if key else str(part)
    problem = _PROBLEMS.get(detail["type"]) or str(detail["msg"]).removeprefix("Value error, ")
    return key or "file", problem


def json_schema() -> dict[str, Any]:
    return LayoutFile.model_json_schema()
