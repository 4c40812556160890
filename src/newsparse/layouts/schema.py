"""The schema of a layout file, as pydantic models: what keys it may hold and of what
type. ``extra="forbid"`` and strict types make a typo or a wrong type an error naming
the file and the key — ``lines = "Short Url"`` (a string where a list belongs) once
made every one-letter line chrome. ``newsparse layouts --schema`` prints it as JSON
Schema, for editors.
"""

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

Text = Annotated[str, Field(min_length=1)]
Name = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")]


class _Table(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class LineRuleTable(_Table):
    """``[[chrome]]``, ``[[trailers]]``, ``[[site_chrome]]``: exact lines or a pattern."""

    kind: Text
    lines: list[Text] | None = None
    pattern: Text | None = None

    @model_validator(mode="after")
    def _lines_or_pattern(self) -> "LineRuleTable":
        if (self.lines is None) == (self.pattern is None):
            raise ValueError("give either lines or pattern")
        return self


class DateLineTable(_Table):
    name: Text | None = None
    pattern: Text


class HeaderTable(_Table):
    gallery_counter: Text | None = None
    comment_count: Text | None = None
    author_after_bullets: bool = False
    repeats_headline: bool = False


class AuthorsTable(_Table):
    bylines: list[Text] = []


class DatelinesTable(_Table):
    """None: the default layout's (SPEC's) separators, agencies and labels."""

    separators: list[Text] | None = None
    agencies: list[Text] | None = None
    labels: list[Text] | None = None


class BulletsTable(_Table):
    glyphs: list[Text] | None = None


class SiteTable(_Table):
    breadcrumbs: bool = False
    section_label_twice: bool = False


class LayoutFile(_Table):
    """A whole layout file (see ``arabnews.toml`` for every key in use)."""

    name: Name
    description: str = ""
    generic: bool = False
    chrome: list[LineRuleTable] = []
    trailers: list[LineRuleTable] = []
    site_chrome: list[LineRuleTable] = []
    date_lines: list[DateLineTable] = []
    header: HeaderTable = HeaderTable()
    authors: AuthorsTable = AuthorsTable()
    datelines: DatelinesTable = DatelinesTable()
    bullets: BulletsTable = BulletsTable()
    site: SiteTable = SiteTable()


#: pydantic's error types, in the words of a layout file's author.
_PROBLEMS = {
    "missing": "missing",
    "extra_forbidden": "unknown key",
    "bool_type": "must be a bool (true or false)",
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
